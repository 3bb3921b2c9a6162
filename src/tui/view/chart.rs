//! The cost chart: each option's cumulative cost over months of work, its low and high
//! ends as two lines, in-house's break-even month marked, with an axis of months and one
//! of money. Every option is drawn with its own letter (capital for the high end, small
//! for the low), so the chart reads the same without colour; colour only adds to it.
//!
//! [`plot`] is pure geometry on a grid of cells, tested on its own; [`lines`] dresses it
//! with axes, legend and the break-even words for the result screen.

use crate::advice::{OverTime, Rates};
use crate::report::money;
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::text::{Line, Span};

/// Narrowest screen the chart is drawn on; below it a line says to widen the window.
pub(crate) const MIN_WIDTH: usize = 64;
/// Fewest rows of values above the axis worth drawing.
const MIN_ROWS: usize = 6;
/// Most rows of values above the axis, however tall the screen.
const MAX_ROWS: usize = 16;
/// Widest plot, in columns, however wide the screen.
const MAX_COLUMNS: usize = 100;
/// Most labelled values on the money axis, above zero.
const MAX_TICKS: i64 = 5;

/// The vertical mark of a break-even month.
const MARK: char = '┊';

/// What one cell of the plot holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cell {
    /// Nothing.
    Empty,
    /// A series' line: which series, and whether it is the high end.
    Line { series: usize, high: bool },
    /// The break-even mark.
    Mark,
}

/// The chart laid out on a grid: rows of values from zero (the axis row) up to the top.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Plot {
    /// Columns: month 0 in the first, the horizon in the last.
    pub width: usize,
    /// Rows of values above the axis row.
    pub rows: usize,
    /// The value each row stands for more than the one below, in whole currency units.
    pub per_row: f64,
    /// Labelled values: (row counted from the axis row, which is 0; value).
    pub y_ticks: Vec<(usize, i64)>,
    /// Labelled months: (column, month).
    pub x_ticks: Vec<(usize, u32)>,
    /// Break-even marks: (column, month, index of the other option in `against`).
    pub marks: Vec<(usize, u32, usize)>,
    /// `cells[k][c]`: row `k` counted up from the axis row, column `c`.
    pub cells: Vec<Vec<Cell>>,
}

impl Plot {
    /// The column of `month`.
    pub fn column(&self, month: f64, horizon: u32) -> usize {
        let c = month * (self.width.saturating_sub(1)) as f64 / f64::from(horizon.max(1));
        (c.round().max(0.0) as usize).min(self.width.saturating_sub(1))
    }

    /// The row (from the axis row, 0) of `value`.
    pub fn row(&self, value: f64) -> usize {
        let k = value / self.per_row;
        if k.is_finite() {
            (k.round().max(0.0) as usize).min(self.rows)
        } else {
            0
        }
    }
}

/// The chart of `t` on at most `columns` columns and `rows` rows of values.
pub(crate) fn plot(t: &OverTime, columns: usize, rows: usize) -> Plot {
    let h = t.horizon.max(1);
    let hf = f64::from(h);
    let columns = columns.clamp(2, MAX_COLUMNS);
    // Columns: a whole number per month when that fills most of the room, so that the
    // months are evenly spaced; else every column, a month spanning a fraction of them.
    let even = (columns - 1) / h as usize * h as usize + 1;
    let width = if even * 4 >= columns * 3 {
        even
    } else {
        columns
    };
    let top_value = t
        .series
        .iter()
        .flat_map(|s| {
            let (a, b) = s.at(0.0);
            let (c, d) = s.at(hf);
            [a, b, c, d]
        })
        .fold(0.0_f64, f64::max);
    // A round step between labels, as many rows to a step as the room allows, and only
    // as many rows as the largest figure needs: the top row need not be labelled.
    let (step, _) = nice_step(top_value);
    let room = rows.max(1) as f64;
    let per_tick = ((room * step as f64 / top_value.max(1.0)).floor() as usize).max(1);
    let per_row = step as f64 / per_tick as f64;
    let rows = ((top_value / per_row).ceil() as usize).clamp(1, rows.max(per_tick));
    let mut plot = Plot {
        width,
        rows,
        per_row,
        y_ticks: (0..=rows / per_tick)
            .map(|i| (i * per_tick, i as i64 * step))
            .collect(),
        x_ticks: Vec::new(),
        marks: Vec::new(),
        cells: vec![vec![Cell::Empty; width]; rows + 1],
    };
    plot.x_ticks = month_ticks(&plot, h);

    // Break-even marks first, so that the lines are drawn over them.
    for (i, a) in t.against.iter().enumerate() {
        let mid = a.break_even.iter().find(|b| b.rates == Rates::Mid);
        if let Some(m) = mid.and_then(|b| b.month).filter(|&m| m <= h) {
            let c = plot.column(f64::from(m), h);
            plot.marks.push((c, m, i));
            for row in plot.cells.iter_mut().skip(1) {
                row[c] = Cell::Mark;
            }
        }
    }
    // The best ranked option last, so that it stays on top where lines cross.
    let span = hf / (width.saturating_sub(1)).max(1) as f64;
    for (i, s) in t.series.iter().enumerate().rev() {
        for high in [false, true] {
            let value = |m: f64| {
                let (lo, hi) = s.at(m.clamp(0.0, hf));
                if high { hi } else { lo }
            };
            for c in 0..width {
                // The rows the line passes through across this column, so that a steep
                // line stays joined up.
                let (a, b) = (
                    plot.row(value((c as f64 - 0.5) * span)),
                    plot.row(value((c as f64 + 0.5) * span)),
                );
                for k in a.min(b)..=a.max(b) {
                    plot.cells[k][c] = Cell::Line { series: i, high };
                }
            }
        }
    }
    plot
}

/// A round step of the money axis (1, 2, 2.5 or 5 times a power of ten, at least 1) and
/// how many of them reach `max`, at most [`MAX_TICKS`].
fn nice_step(max: f64) -> (i64, i64) {
    let max = max.max(1.0);
    let mut power = 1_i64;
    loop {
        for m in [10, 20, 25, 50] {
            let step = power.saturating_mul(m) / 10;
            if step < 1 {
                continue;
            }
            let n = (max / step as f64).ceil() as i64;
            if n <= MAX_TICKS {
                return (step, n.max(1));
            }
        }
        if power > i64::MAX / 100 {
            return (i64::MAX / MAX_TICKS, MAX_TICKS);
        }
        power *= 10;
    }
}

/// Labelled months: every 1, 2, 3, 6, 12 or 24 months, as close as labels allow, and
/// always the horizon.
fn month_ticks(plot: &Plot, h: u32) -> Vec<(usize, u32)> {
    const ROOM: usize = 4;
    let per_month = (plot.width.saturating_sub(1)) as f64 / f64::from(h);
    let every = [1, 2, 3, 6, 12, 24, 60]
        .into_iter()
        .find(|&e| f64::from(e) * per_month >= ROOM as f64)
        .unwrap_or(h);
    let mut ticks: Vec<(usize, u32)> = (0..=h)
        .step_by(every as usize)
        .map(|m| (plot.column(f64::from(m), h), m))
        .collect();
    if ticks.last().map(|t| t.1) != Some(h) {
        let end = (plot.column(f64::from(h), h), h);
        if ticks.last().is_some_and(|t| end.0 < t.0 + ROOM) && ticks.len() > 1 {
            ticks.pop();
        }
        ticks.push(end);
    }
    ticks
}

/// A letter for each option, from its name: the first letter no other option took.
pub(crate) fn letters(names: &[&str]) -> Vec<char> {
    let mut taken: Vec<char> = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let letter = name
            .chars()
            .filter(|c| c.is_alphabetic())
            .flat_map(char::to_uppercase)
            .find(|c| !taken.contains(c))
            .or_else(|| ('A'..='Z').find(|c| !taken.contains(c)))
            .unwrap_or(char::from_digit((i % 10) as u32, 10).unwrap_or('?'));
        taken.push(letter);
    }
    taken
}

/// The chart as lines for the result screen, `width` columns wide with `height` rows to
/// fill, then the words that go with it; a line asking for a larger window instead of
/// the chart when it would not be readable.
pub(crate) fn lines(
    t: &OverTime,
    theme: &Theme,
    width: usize,
    height: usize,
) -> Vec<Line<'static>> {
    let w = width.saturating_sub(4).min(130);
    let mut out = Vec::new();
    let costed = if t.horizon == t.costed() {
        " (as costed)"
    } else {
        ""
    };
    let heading = format!(
        "Cost over time · cumulative, by months of work · {} {}{costed}",
        t.horizon,
        if t.horizon == 1 { "month" } else { "months" }
    );
    out.extend(super::wrapped(&heading, w, "  ", "  ", theme.heading));
    let names: Vec<&str> = t.series.iter().map(|s| s.name.as_str()).collect();
    let letters = letters(&names);
    let marks: Vec<Line<'static>> = mark_words(t)
        .iter()
        .flat_map(|line| super::wrapped(line, w, "  ", "  ", theme.text))
        .collect();
    let key = legend(t, theme, &letters, w);
    // The rows of values that fit in view with the heading, the axis and its months, the
    // legend and the words on the marks.
    let room = height.saturating_sub(out.len() + 2 + key.len() + marks.len());
    if width < MIN_WIDTH {
        out.extend(super::wrapped(
            &format!("Widen the window to at least {MIN_WIDTH} columns to see the cost chart."),
            w,
            "  ",
            "  ",
            theme.dim,
        ));
    } else if room < MIN_ROWS {
        out.extend(super::wrapped(
            "Make the window taller to see the cost chart.",
            w,
            "  ",
            "  ",
            theme.dim,
        ));
    } else {
        // The money labels do not depend on the columns: measure them on a narrow plot.
        let probe = plot(t, 2, room.min(MAX_ROWS));
        let label_w = probe
            .y_ticks
            .iter()
            .map(|(_, v)| text::width(&money(*v, &t.currency)))
            .chain(std::iter::once(text::width("months")))
            .max()
            .unwrap_or(1);
        let columns = w.saturating_sub(label_w + 2);
        let p = plot(t, columns, room.min(MAX_ROWS));
        out.extend(draw(&p, t, theme, &letters, label_w));
        out.extend(key);
    }
    out.extend(marks);
    out.push(Line::default());
    out.extend(words_below(t, theme, w));
    out
}

/// The start delay and the break-even sentences, in the screen's wrapping style.
pub(crate) fn words_below(t: &OverTime, theme: &Theme, w: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    if let Some(s) = t.start_words() {
        out.extend(super::wrapped(&s, w, "  ", "  ", theme.dim));
    }
    for s in t.break_even_words() {
        out.extend(super::wrapped(&s, w, "  ", "  ", theme.dim));
    }
    out
}

/// One line per other option on the break-even at mid rates: the month marked, "never
/// within N months" when it lies beyond the horizon, or never.
pub(crate) fn mark_words(t: &OverTime) -> Vec<String> {
    let Some(name) = t.in_house.as_deref() else {
        return Vec::new();
    };
    let h = t.horizon;
    t.against
        .iter()
        .filter_map(|a| {
            let b = a.break_even.iter().find(|b| b.rates == Rates::Mid)?;
            Some(match b.month {
                Some(m) if m <= h => format!(
                    "{MARK} month {m}: from here {name} costs less than {} (mid rates)",
                    a.name
                ),
                Some(m) => format!(
                    "{name} against {}: never within {h} {} (month {m} at mid rates)",
                    a.name,
                    if h == 1 { "month" } else { "months" }
                ),
                None => format!(
                    "{name} against {}: never cheaper (more a month at mid rates)",
                    a.name
                ),
            })
        })
        .collect()
}

/// The plot with its axes: a money label at each tick, months under the axis.
fn draw(
    p: &Plot,
    t: &OverTime,
    theme: &Theme,
    letters: &[char],
    label_w: usize,
) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    for k in (0..=p.rows).rev() {
        let tick = p.y_ticks.iter().find(|(r, _)| *r == k);
        let label = tick.map_or_else(String::new, |(_, v)| money(*v, &t.currency));
        let axis = match (k, tick) {
            (0, _) => '└',
            (_, Some(_)) => '┤',
            _ => '│',
        };
        let mut spans = vec![
            Span::raw("  "),
            Span::styled(format!("{label:>label_w$} {axis}"), theme.dim),
        ];
        for (c, cell) in p.cells[k].iter().enumerate() {
            let (ch, style) = match *cell {
                Cell::Line { series, high } => {
                    let l = letters.get(series).copied().unwrap_or('?');
                    let l = if high {
                        l
                    } else {
                        l.to_lowercase().next().unwrap_or(l)
                    };
                    (l, series_style(theme, series))
                }
                Cell::Mark => (MARK, theme.prompt),
                Cell::Empty if k == 0 => {
                    let tick = p.x_ticks.iter().any(|(col, _)| *col == c);
                    (if tick { '┬' } else { '─' }, theme.dim)
                }
                Cell::Empty => (' ', theme.text),
            };
            push(&mut spans, ch, style);
        }
        out.push(Line::from(spans));
    }
    // Month labels: each starts under its tick, the last ends there if it must.
    let mut row: Vec<char> = vec![' '; p.width + 8];
    for &(c, m) in &p.x_ticks {
        let s: Vec<char> = m.to_string().chars().collect();
        for (i, ch) in s.into_iter().enumerate() {
            if let Some(cell) = row.get_mut(c + i) {
                *cell = ch;
            }
        }
    }
    let labels: String = row.into_iter().collect::<String>().trim_end().to_string();
    // The axis is named where the money labels stand, left of its first month.
    out.push(Line::from(vec![
        Span::raw("  "),
        Span::styled(format!("{:>label_w$}  {labels}", "months"), theme.dim),
    ]));
    out
}

/// Add `ch` to the spans, joining it to the last span when the style is the same.
fn push(spans: &mut Vec<Span<'static>>, ch: char, style: ratatui::style::Style) {
    // The first two spans are the indent and the money label: never joined.
    let joinable = spans.len() > 2;
    if let Some(last) = spans.last_mut()
        && joinable
        && last.style == style
    {
        last.content.to_mut().push(ch);
        return;
    }
    spans.push(Span::styled(ch.to_string(), style));
}

/// The legend: each option's letters and name, in its colour, then what the cases mean.
fn legend(t: &OverTime, theme: &Theme, letters: &[char], w: usize) -> Vec<Line<'static>> {
    let mut spans = vec![Span::raw("  ")];
    let mut used = 2;
    for (i, s) in t.series.iter().enumerate() {
        let l = letters.get(i).copied().unwrap_or('?');
        let small = l.to_lowercase().next().unwrap_or(l);
        let item = format!("{l} {small} {}", s.name);
        if i > 0 {
            spans.push(Span::raw("   "));
            used += 3;
        }
        used += text::width(&item);
        spans.push(Span::styled(item, series_style(theme, i)));
    }
    let note = "capital: high end, small: low end";
    if used + 3 + text::width(note) <= w + 2 {
        spans.push(Span::styled(format!("   {note}"), theme.dim));
        return vec![Line::from(spans)];
    }
    vec![
        Line::from(spans),
        Line::from(vec![
            Span::raw("  "),
            Span::styled(note.to_string(), theme.dim),
        ]),
    ]
}

fn series_style(theme: &Theme, i: usize) -> ratatui::style::Style {
    theme.series[i % theme.series.len()]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::advice::{self, over_time};
    use crate::answers::Answers;
    use crate::pack::{Answer, Pack};

    /// The default pack's cost over time for its default answers: one mid-level engineer
    /// in Eastern Europe, costed as 6 months. In-house: $4,700 recruiting, then $5,958–
    /// $10,875 a month; Freelance $6,400–$12,800 a month; Outsource $3,000–$7,000.
    fn default_costs(horizon: u32) -> OverTime {
        let pack: Pack = crate::pack::load_default().expect("the default pack");
        let eff: Vec<Option<Answer>> = Answers::default().effective(&pack);
        let verdict = crate::score::score(&pack, &eff);
        let costs = advice::estimate(&pack, &eff, &verdict).expect("priced");
        over_time(&costs, 6).expect("priced").with_horizon(horizon)
    }

    fn line_rows(p: &Plot, series: usize, high: bool, c: usize) -> Vec<usize> {
        (0..=p.rows)
            .filter(|&k| p.cells[k][c] == Cell::Line { series, high })
            .collect()
    }

    #[test]
    fn a_series_ending_on_its_estimate_reaches_its_row_in_the_last_column() {
        let t = default_costs(6);
        let p = plot(&t, 61, 12);
        // Freelance's high end, $76,800 after 6 months, is the largest figure: the axis
        // rises in steps of $20,000 to $80,000 over 12 rows, so $6,666.67 a row, and
        // $76,800 falls on row 11.5 → 12 (rounded half up, at the top).
        assert_eq!((p.width, p.rows), (61, 12));
        assert_eq!(p.y_ticks.last(), Some(&(12, 80_000)));
        let f = t.series.iter().position(|s| s.name == "Freelance").unwrap();
        assert_eq!(t.series[f].months[5].1, 76_800);
        assert_eq!(p.row(76_800.0), 12);
        let last = p.width - 1;
        // The line is drawn up to its value at the horizon and no further.
        assert_eq!(line_rows(&p, f, true, last).iter().max(), Some(&12));
        // Outsource's low end, $18,000 after 6 months: row 2.7 → 3.
        let o = t.series.iter().position(|s| s.name == "Outsource").unwrap();
        assert_eq!(t.series[o].months[5].0, 18_000);
        assert_eq!(line_rows(&p, o, false, last).iter().max(), Some(&3));
        // Every line starts at its one-off cost: in-house at $4,700 (row 0.7 → 1), the
        // others at zero, on the axis row.
        // (Both of in-house's ends start there; the high end is drawn over the low.)
        let i = t.series.iter().position(|s| s.name == "In-house").unwrap();
        assert_eq!(line_rows(&p, i, true, 0).first(), Some(&1));
        // Where lines meet, the best ranked (Outsource, first) is drawn on top.
        assert_eq!(
            p.cells[0][0],
            Cell::Line {
                series: o,
                high: true
            }
        );
    }

    #[test]
    fn the_break_even_mark_stands_at_its_month() {
        // In-house against Freelance at mid rates: $4,700 ÷ ($9,600 − $8,417) = 3.97, so
        // from month 4; 60 columns for 6 months is 10 a month, so column 40.
        let t = default_costs(6);
        let p = plot(&t, 61, 12);
        assert_eq!(p.marks.len(), 1, "never against Outsource: no mark");
        let (c, m, against) = p.marks[0];
        assert_eq!((c, m), (40, 4));
        assert_eq!(t.against[against].name, "Freelance");
        assert_eq!(p.x_ticks.iter().find(|t| t.1 == 4), Some(&(40, 4)));
        // Over 3 months the mark is beyond the chart, and the words say so.
        let short = default_costs(3);
        assert!(plot(&short, 61, 12).marks.is_empty());
        assert!(
            mark_words(&short)
                .iter()
                .any(|w| w
                    == "In-house against Freelance: never within 3 months (month 4 at mid rates)"),
            "{:?}",
            mark_words(&short)
        );
    }

    #[test]
    fn months_that_do_not_fit_a_column_each_still_end_on_the_horizon() {
        let t = default_costs(60);
        let p = plot(&t, 50, 8);
        assert_eq!(p.width, 50);
        assert_eq!(p.x_ticks.first(), Some(&(0, 0)));
        assert_eq!(p.x_ticks.last(), Some(&(49, 60)));
        assert!(p.x_ticks.windows(2).all(|w| w[1].0 >= w[0].0 + 4));
    }

    #[test]
    fn axis_steps_are_round() {
        assert_eq!(nice_step(76_800.0), (20_000, 4));
        assert_eq!(nice_step(1_062_800.0), (250_000, 5));
        assert_eq!(nice_step(0.0), (1, 1));
        assert_eq!(nice_step(4.0), (1, 4));
    }

    #[test]
    fn letters_come_from_the_names_and_never_repeat() {
        assert_eq!(
            letters(&["Outsource", "Freelance", "In-house"]),
            ['O', 'F', 'I']
        );
        assert_eq!(letters(&["Fast", "Fair", "F"]), ['F', 'A', 'B']);
    }
}
