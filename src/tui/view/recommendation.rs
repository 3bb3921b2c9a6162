//! The recommendation, drawn from the [`Report`]: headline and margin, a bar for every
//! candidate's score, the reasons for and against each, costs side by side, the role,
//! skills and next steps. It scrolls when it does not fit.

use super::scrolled;
use crate::advice::OverTime;
use crate::report::{Report, decisive_mark, money, signed};
use crate::tui::model::{App, Pane, ResultState};
use crate::tui::text;
use crate::tui::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Narrowest terminal on which scores and reasons stand side by side.
const SIDE_BY_SIDE: usize = 96;
/// Reasons shown for the recommended candidate, and for each of the others.
const REASONS_WINNER: usize = 4;
const REASONS_OTHER: usize = 3;

pub(super) fn draw(app: &App, s: &ResultState, frame: &mut Frame, area: Rect) {
    let lines = all_lines(app, s, area);
    let scroll = match s.pane {
        Pane::Report => s.scroll,
        Pane::Chart { scroll } => scroll,
    };
    scrolled(app.theme(), frame, area, lines, scroll);
}

/// Every line of the result screen in `area`: the cost chart when it shows; else the
/// report, and at the end of a replay how it compares with the result saved.
pub(super) fn all_lines(app: &App, s: &ResultState, area: Rect) -> Vec<Line<'static>> {
    let t = app.theme();
    let width = area.width;
    let over_time = s.over_time();
    if let (Pane::Chart { .. }, Some(o)) = (s.pane, &over_time) {
        return super::chart::lines(o, t, usize::from(width), usize::from(area.height));
    }
    let report = &s.report;
    let mut lines = lines(report, t, usize::from(width), over_time.as_ref());
    // At the end of a replay, how this result compares with the one saved follows the
    // headline.
    if let Some(p) = app.player().filter(|p| p.on_result()) {
        let w = usize::from(width).saturating_sub(4).min(130);
        let at = lines
            .iter()
            .position(|l| l.width() == 0)
            .map_or(lines.len(), |i| i + 1);
        let rest = lines.split_off(at);
        lines.extend(super::replay::drift(t, p, w));
        lines.extend(rest);
    }
    lines
}

/// Every line of the result at `width` columns, the cost over time at the horizon
/// chosen (`over_time`) saying when in-house starts and when it costs less.
pub(crate) fn lines(
    report: &Report,
    t: &Theme,
    width: usize,
    over_time: Option<&OverTime>,
) -> Vec<Line<'static>> {
    let w = width.saturating_sub(4).min(130);
    let mut out: Vec<Line<'static>> = Vec::new();

    // Headline, and the margin beside it when there is room.
    let head = report.headline();
    let words = report.margin_words();
    let words_style = if report.close { t.heading } else { t.dim };
    let gap = w.saturating_sub(text::width(&head) + text::width(&words) + 2);
    if gap >= 4 {
        out.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(head, t.title),
            Span::raw(" ".repeat(gap)),
            Span::styled(words, words_style),
        ]));
    } else {
        // Wrapped, not cut: on a tie the headline names every level option and the points.
        out.extend(super::wrapped(&head, w, "  ", "  ", t.title));
        out.extend(super::wrapped(&words, w, "  ", "  ", words_style));
    }
    // On a close call: the questions that decide between the two leaders.
    if let Some(close) = report.close_call_words() {
        out.extend(super::wrapped(close, w, "  ", "  ", t.heading));
    }
    for note in &report.warnings {
        out.extend(super::wrapped(
            &format!("Note: {note}"),
            w,
            "  ",
            "        ",
            t.heading,
        ));
    }
    let wide = w + 3 >= SIDE_BY_SIDE;
    let desc = report.winner().map_or("", |w| w.description.as_str());
    if wide && !desc.trim().is_empty() {
        out.extend(super::wrapped(desc, w, "  ", "  ", t.dim));
    }
    out.push(Line::default());

    // Scores and reasons, side by side on wide terminals.
    if wide {
        let scores = scores(report, t, 44);
        let left_w = scores.iter().map(Line::width).max().unwrap_or(0) + 3;
        let why = reasons(report, t, w.saturating_sub(left_w + 2));
        let n = scores.len().max(why.len());
        let mut scores = scores.into_iter();
        let mut why = why.into_iter();
        for _ in 0..n {
            let mut spans = vec![Span::raw("  ")];
            let left = scores.next().unwrap_or_default();
            let lw = left.width();
            spans.extend(left.spans);
            spans.push(Span::raw(" ".repeat(left_w.saturating_sub(lw))));
            if let Some(r) = why.next() {
                spans.extend(r.spans);
            }
            out.push(Line::from(spans));
        }
    } else {
        for l in scores(report, t, w) {
            out.push(indent(l));
        }
        out.push(Line::default());
        for l in reasons(report, t, w) {
            out.push(indent(l));
        }
    }

    // Costs side by side.
    if !report.costs.is_empty() {
        out.push(Line::default());
        let mut title = "Cost".to_string();
        if let Some(basis) = &report.cost_basis {
            title = format!("Cost · {basis}");
        }
        out.extend(super::wrapped(&title, w, "  ", "  ", t.heading));
        let name_w = report
            .costs
            .iter()
            .map(|c| text::width(&c.name))
            .max()
            .unwrap_or(0)
            .min(16);
        let ranges: Vec<String> = report
            .costs
            .iter()
            .map(|c| {
                format!(
                    "{} – {}",
                    money(c.low, &c.currency),
                    money(c.high, &c.currency)
                )
            })
            .collect();
        let range_w = ranges.iter().map(|r| text::width(r)).max().unwrap_or(0);
        let lead = 2 + name_w + 2 + range_w + 3;
        for (c, range) in report.costs.iter().zip(ranges) {
            let arithmetic = text::wrap(&c.arithmetic, w.saturating_sub(lead).max(10));
            for (i, part) in arithmetic.into_iter().enumerate() {
                let mut spans = if i == 0 {
                    vec![
                        Span::raw("  "),
                        Span::styled(text::pad(&c.name, name_w), t.prompt),
                        Span::raw("  "),
                        Span::styled(text::pad(&range, range_w), t.text),
                        Span::raw("   "),
                    ]
                } else {
                    vec![Span::raw(" ".repeat(lead))]
                };
                spans.push(Span::styled(part, t.dim));
                out.push(Line::from(spans));
            }
            // How seniority scaled this rate, as the text report says it.
            if let Some(note) = &c.seniority {
                let room = w.saturating_sub(lead).max(10);
                for part in text::wrap(&format!("Seniority: {note}"), room) {
                    out.push(Line::from(vec![
                        Span::raw(" ".repeat(lead)),
                        Span::styled(part, t.dim),
                    ]));
                }
            }
        }
        // The budget given: which options fit within it, and by how much.
        if let Some(b) = &report.budget {
            out.extend(super::wrapped(&b.heading(), w, "  ", "  ", t.heading));
            out.extend(super::wrapped(&b.summary(), w, "  ", "  ", t.text));
            for line in b.sentences() {
                out.extend(super::wrapped(&line, w, "  · ", "    ", t.text));
            }
        }
        // Where the scaling rests on an assumption rather than the guide's figures.
        if let Some(a) = &report.cost_seniority_basis {
            out.extend(super::wrapped(
                &format!("{}: {}", a.what, a.source),
                w,
                "  ",
                "  ",
                t.dim,
            ));
        }
        if let Some(o) = over_time {
            out.extend(super::chart::words_below(o, t, w));
        }
        // Where every figure comes from, as the text report gives it.
        if !report.cost_assumptions.is_empty() {
            out.push(Line::styled("  Assumptions", t.heading));
            for a in &report.cost_assumptions {
                let line = format!("{}: {}", a.what, a.source);
                out.extend(super::wrapped(&line, w, "  · ", "    ", t.dim));
            }
        }
    }

    // What to hire for and what to do next.
    if let Some(role) = &report.role {
        out.push(Line::default());
        out.push(labelled(t, &role.heading, &role.title, w));
        if !role.reason.trim().is_empty() {
            out.extend(super::wrapped(&role.reason, w, "    ", "    ", t.dim));
        }
    }
    if !report.skills.is_empty() {
        out.push(Line::default());
        out.push(Line::styled("  Screen for", t.heading));
        for s in &report.skills {
            let line = if s.why.trim().is_empty() {
                s.name.to_string()
            } else {
                format!("{} — {}", s.name, s.why)
            };
            out.extend(super::wrapped(&line, w, "  · ", "    ", t.text));
        }
    }
    if !report.next_steps.is_empty() {
        out.push(Line::default());
        out.push(Line::styled("  Next steps", t.heading));
        for (i, step) in report.next_steps.iter().enumerate() {
            let n = format!("  {}. ", i + 1);
            let pad = " ".repeat(text::width(&n));
            out.extend(super::wrapped(step, w, &n, &pad, t.text));
        }
    }
    let change = report.what_would_change();
    out.push(Line::default());
    out.push(Line::styled(format!("  {}", change.heading), t.heading));
    for sentence in change.lines {
        out.extend(super::wrapped(sentence, w, "  · ", "    ", t.text));
    }
    if let Some(c) = &change.closing {
        out.extend(super::wrapped(c, w, "    ", "    ", t.dim));
    }
    // The answers it stands on, so that a forwarded screen reads on its own.
    if !report.answers.is_empty() {
        out.push(Line::default());
        out.push(Line::styled("  Your answers", t.heading));
        let prompt_w = report
            .answers
            .iter()
            .map(|a| text::width(&a.prompt))
            .max()
            .unwrap_or(0);
        // Prompt and answer side by side when both fit; else the answer under its prompt.
        let side = prompt_w + 2 <= w / 2;
        for a in &report.answers {
            if side {
                let lead = format!("  {}  ", text::pad(&a.prompt, prompt_w));
                let more = " ".repeat(text::width(&lead));
                out.extend(super::wrapped(&a.text, w, &lead, &more, t.text));
            } else {
                out.extend(super::wrapped(&a.prompt, w, "  ", "  ", t.dim));
                out.extend(super::wrapped(&a.text, w, "    ", "    ", t.text));
            }
        }
    }
    out
}

fn indent(l: Line<'static>) -> Line<'static> {
    let mut spans = vec![Span::raw("  ")];
    spans.extend(l.spans);
    Line::from(spans)
}

fn labelled(t: &Theme, label: &str, value: &str, w: usize) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("  {label}: "), t.heading),
        Span::styled(
            text::truncate(value, w.saturating_sub(text::width(label) + 4)),
            t.prompt,
        ),
    ])
}

/// The score chart: a bar per candidate, best first, with a zero line when any score is
/// below zero so that negative scores read as such.
fn scores(report: &Report, t: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut out = vec![Line::styled("Scores", t.heading)];
    let name_w = report
        .standings
        .iter()
        .map(|s| text::width(&s.name))
        .max()
        .unwrap_or(0)
        .min(16);
    let num_w = report
        .standings
        .iter()
        .map(|s| s.score.to_string().len())
        .max()
        .unwrap_or(1);
    let vetoed = report.standings.iter().any(|s| s.vetoed);
    let extra = if vetoed { 10 } else { 0 };
    let bar_w = width
        .saturating_sub(name_w + num_w + 4 + extra)
        .clamp(4, 24);
    let hi = report
        .standings
        .iter()
        .map(|s| s.score)
        .max()
        .unwrap_or(0)
        .max(0);
    let lo = report
        .standings
        .iter()
        .map(|s| s.score)
        .min()
        .unwrap_or(0)
        .min(0);
    let span = (hi - lo).max(1);
    // Columns left of the zero line belong to negative scores.
    let neg_w = usize::try_from((-lo) * bar_w as i64 / span).unwrap_or(0);
    let pos_w = bar_w - neg_w;
    let cells = |n: i64, room: usize, of: i64| -> usize {
        if n == 0 || of == 0 {
            0
        } else {
            let c = (n.unsigned_abs() as u128 * room as u128).div_ceil(of.unsigned_abs() as u128);
            (c as usize).clamp(1, room)
        }
    };
    for (i, s) in report.standings.iter().enumerate() {
        let style = if i == 0 { t.prompt } else { t.text };
        let mut spans = vec![
            Span::styled(text::pad(&s.name, name_w), style),
            Span::raw("  "),
        ];
        if neg_w > 0 {
            let fill = if s.score < 0 {
                cells(s.score, neg_w, lo)
            } else {
                0
            };
            spans.push(Span::styled("░".repeat(neg_w - fill), t.track));
            spans.push(Span::styled("█".repeat(fill), t.bar_negative));
            spans.push(Span::styled("│", t.dim));
        }
        let fill = if s.score > 0 {
            cells(s.score, pos_w, hi)
        } else {
            0
        };
        let bar = if i == 0 { t.bar } else { t.dim.patch(t.bar) };
        spans.push(Span::styled("█".repeat(fill), bar));
        spans.push(Span::styled("░".repeat(pos_w - fill), t.track));
        spans.push(Span::styled(format!(" {:>num_w$}", s.score), style));
        if s.vetoed {
            spans.push(Span::styled(" ruled out", t.bad));
        }
        out.push(Line::from(spans));
    }
    out
}

/// The reasons, grouped by candidate in ranking order, most decisive first.
fn reasons(report: &Report, t: &Theme, width: usize) -> Vec<Line<'static>> {
    let mut out = vec![Line::styled("Why", t.heading)];
    let pts_w = report
        .reasons
        .iter()
        .map(|r| signed(r.points).len())
        .max()
        .unwrap_or(2)
        .max(2);
    let room = width.saturating_sub(pts_w + 2).max(8);
    for (i, s) in report.standings.iter().enumerate() {
        if i > 0 {
            out.push(Line::default());
        }
        out.push(Line::styled(text::truncate(&s.name, width), t.prompt));
        let limit = if i == 0 {
            REASONS_WINNER
        } else {
            REASONS_OTHER
        };
        let mine: Vec<_> = report
            .reasons
            .iter()
            .filter(|r| r.candidate == s.id)
            .collect();
        if mine.is_empty() {
            out.push(Line::styled(
                text::truncate("no rule spoke for or against it", width),
                t.dim,
            ));
        }
        for r in mine.iter().take(limit) {
            let (mark, style) = if r.veto {
                ("✗".to_string(), t.bad)
            } else if r.points > 0 {
                (signed(r.points), t.good)
            } else {
                (signed(r.points), t.bad)
            };
            let body = if r.veto {
                format!("ruled out: {}{}", r.reason, decisive_mark(r.decisive))
            } else {
                format!("{}{}", r.reason, decisive_mark(r.decisive))
            };
            for (j, part) in text::wrap(&body, room).into_iter().enumerate() {
                let lead = if j == 0 {
                    Span::styled(format!("{mark:>pts_w$}  "), style)
                } else {
                    Span::raw(" ".repeat(pts_w + 2))
                };
                out.push(Line::from(vec![lead, Span::styled(part, t.text)]));
            }
        }
        if mine.len() > limit {
            let rest = &mine[limit..];
            let words = crate::report::more_words(rest.len(), rest.iter().map(|r| r.points).sum());
            out.push(Line::styled(
                text::truncate(&format!("{:pts_w$}  {words}", ""), width),
                t.dim,
            ));
        }
    }
    out
}
