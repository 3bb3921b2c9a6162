//! Drawing: one module per screen, sharing the frame every screen has (title and rule at
//! the top, a rule and the key hints at the bottom). Views only read the [`App`].

mod chart;
mod group;
mod help;
mod label;
mod question;
mod recommendation;
mod replay;
mod review;
mod too_small;
mod welcome;

use super::keys::{self, Context, Move};
use super::model::{self, App, MIN_SIZE, Overlay, Page, Place, Screen};
use super::text;
use super::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Scrollbar, ScrollbarOrientation, ScrollbarState};

/// Draw the whole screen for the app's state.
pub fn view(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        too_small::draw(app, frame, area);
        return;
    }
    let right = match app.place() {
        Place::Welcome => String::new(),
        Place::Question(_) => {
            let p = app.wizard().progress();
            format!("Question {} of {}", p.index, p.total)
        }
        Place::Review => "Review".to_string(),
        Place::Result => "Result".to_string(),
        Place::Group => "Group".to_string(),
    };
    header(app, frame, area, &right);
    let body = body(app, area);
    match (app.screen(), app.page()) {
        (Screen::Welcome(w), _) => welcome::draw(app, w, frame, body),
        (Screen::Group(g), _) => group::draw(app, g, frame, body),
        (_, Some(Page::Question(s))) => question::draw(app, s, frame, body),
        (_, Some(Page::Review(s))) => review::draw(app, s, frame, body),
        (_, Some(Page::Result(s))) => recommendation::draw(app, s, frame, body),
        _ => {}
    }
    if let Some(line) = status_line(app, usize::from(area.width)) {
        let row = Rect {
            y: body.y + body.height,
            height: 1,
            ..body
        };
        frame.render_widget(Lines(vec![line]), row);
    }
    let choices = match app.page() {
        Some(Page::Question(s)) => model::choices(&app.pack().questions()[s.q].kind),
        _ => 0,
    };
    // The hint line is the overlay's while one is open: its keys are the ones that work.
    let context = if app.overlay().is_some() {
        app.context()
    } else {
        app.screen_context()
    };
    footer(app, frame, area, context, choices);
    match app.overlay() {
        Some(Overlay::Help { scroll }) => help::draw(app, *scroll, frame, area),
        Some(Overlay::Quit) => help::confirm_quit(app, frame, area),
        Some(Overlay::Label(input)) => label::draw(app, input, frame, area),
        None => {}
    }
}

/// The rows between the title and the footer; a status line (a notice, or where a
/// replay stands) takes the last of them.
fn body(app: &App, area: Rect) -> Rect {
    let status = app.notice().is_some() || app.player().is_some();
    Rect {
        x: area.x,
        y: area.y + 2,
        width: area.width,
        height: area.height.saturating_sub(4 + u16::from(status)),
    }
}

/// What a scrolled area holds and how many of its lines show at the current size,
/// worked out by the code that draws it: the update stops scrolling at the end and
/// pages by what is visible, and drawing writes nothing back into the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Room {
    /// Lines in all.
    pub lines: usize,
    /// Lines shown at once.
    pub rows: usize,
}

impl Room {
    /// Before the first size is known, nothing is clamped.
    const UNKNOWN: Room = Room {
        lines: usize::MAX,
        rows: 10,
    };

    /// The largest useful offset.
    pub fn max(self) -> u16 {
        u16::try_from(self.lines.saturating_sub(self.rows)).unwrap_or(u16::MAX)
    }

    /// Where offset `at` goes by `m`, a page keeping one line of the last in view.
    pub fn scroll(self, at: u16, m: Move) -> u16 {
        let page = self.rows.saturating_sub(1);
        let to = m.from(usize::from(at), usize::from(self.max()), page);
        u16::try_from(to).unwrap_or(u16::MAX)
    }
}

fn screen_area(app: &App) -> Option<Rect> {
    app.size().map(|(w, h)| Rect::new(0, 0, w, h))
}

/// The room of the result screen.
pub(crate) fn result_room(app: &App) -> Room {
    match (screen_area(app), app.page()) {
        (Some(area), Some(Page::Result(r))) => {
            let body = body(app, area);
            Room {
                lines: recommendation::all_lines(app, r, body).len(),
                rows: usize::from(body.height),
            }
        }
        _ => Room::UNKNOWN,
    }
}

/// The room of the group view.
pub(crate) fn group_room(app: &App) -> Room {
    match (screen_area(app), app.screen()) {
        (Some(area), Screen::Group(g)) => match &g.pane {
            model::GroupPane::View { report, .. } => {
                let body = body(app, area);
                Room {
                    lines: group::view_lines(app, report, usize::from(body.width)).len(),
                    rows: usize::from(body.height),
                }
            }
            model::GroupPane::Pick => Room::UNKNOWN,
        },
        _ => Room::UNKNOWN,
    }
}

/// How many rows of the review a page moves.
pub(crate) fn review_page(app: &App, up: bool) -> usize {
    match (screen_area(app), app.page()) {
        (Some(area), Some(Page::Review(s))) => review::page(app, s, body(app, area), up),
        _ => 1,
    }
}

/// The room of the help overlay.
pub(crate) fn help_room(app: &App) -> Room {
    screen_area(app).map_or(Room::UNKNOWN, |area| help::layout(app, area).0)
}

/// The line above the footer: why the session is not saved, else the last notice, else
/// where a replay stands.
fn status_line(app: &App, width: usize) -> Option<Line<'static>> {
    let t = app.theme();
    let room = width.saturating_sub(2);
    if let Some(why) = app.unsaved() {
        return Some(Line::styled(
            format!(" {}", text::truncate(why, room)),
            t.error,
        ));
    }
    if let Some(notice) = app.notice() {
        return Some(Line::styled(
            format!(" {}", text::truncate(notice, room)),
            t.heading,
        ));
    }
    app.player().map(|p| replay::status(t, p, width))
}

fn header(app: &App, frame: &mut Frame, area: Rect, right: &str) {
    let t = app.theme();
    let w = usize::from(area.width);
    let right_w = text::width(right) + 1;
    let title = match app.label() {
        Some(label) => format!(" hirewiz · {} · {label}", app.pack().meta().title),
        None => format!(" hirewiz · {}", app.pack().meta().title),
    };
    let title = text::truncate(&title, w.saturating_sub(right_w + 1));
    let gap = w.saturating_sub(text::width(&title) + right_w);
    let line = Line::from(vec![
        Span::styled(title, t.title),
        Span::raw(" ".repeat(gap)),
        Span::styled(right.to_string(), t.heading),
    ]);
    let rule = Line::styled(format!(" {}", "━".repeat(w.saturating_sub(2))), t.rule);
    frame.render_widget(Lines(vec![line, rule]), area);
}

fn footer(app: &App, frame: &mut Frame, area: Rect, context: Context, choices: usize) {
    if area.height < 2 {
        return;
    }
    let t = app.theme();
    let w = usize::from(area.width);
    let rows = Rect {
        x: area.x,
        y: area.y + area.height - 2,
        width: area.width,
        height: 2,
    };
    let rule = Line::styled(format!(" {}", "─".repeat(w.saturating_sub(2))), t.dim);
    let shown = keys::Shown {
        choices,
        priced: app.report().is_some_and(|r| r.cost_over_time.is_some()),
    };
    let hints = hint_line(t, &keys::hints(context, shown), w.saturating_sub(2));
    frame.render_widget(Lines(vec![rule, hints]), rows);
}

/// The key hints as one line no wider than `width`: hints are dropped from the middle
/// (Enter, help and quit stay) until it fits.
pub(crate) fn hint_line(t: &Theme, hints: &[(String, &str)], width: usize) -> Line<'static> {
    let mut hints: Vec<&(String, &str)> = hints.iter().collect();
    let len = |h: &[&(String, &str)]| -> usize {
        h.iter()
            .map(|(k, w)| text::width(k) + 1 + text::width(w))
            .sum::<usize>()
            + 3 * h.len().saturating_sub(1)
    };
    // Enter, which always moves on, stays too.
    while len(&hints) > width {
        let Some(drop) = (0..hints.len().saturating_sub(2))
            .rev()
            .find(|&i| hints[i].0 != "Enter")
        else {
            break;
        };
        hints.remove(drop);
    }
    let mut spans = vec![Span::raw("  ")];
    for (i, (k, what)) in hints.iter().enumerate() {
        if i > 0 {
            spans.push(Span::styled(" · ", t.dim));
        }
        spans.push(Span::styled(k.clone(), t.key));
        spans.push(Span::styled(format!(" {what}"), t.text));
    }
    Line::from(spans)
}

/// Draw `lines` into `area` from row `offset`, with a scrollbar when they overflow.
pub(crate) fn scrolled(
    t: &Theme,
    frame: &mut Frame,
    area: Rect,
    lines: Vec<Line<'static>>,
    offset: u16,
) {
    let total = lines.len();
    let rows = usize::from(area.height);
    let offset = usize::from(offset).min(total.saturating_sub(rows));
    let shown: Vec<Line<'static>> = lines.into_iter().skip(offset).take(rows).collect();
    frame.render_widget(Lines(shown), area);
    if total > rows && area.width > 0 {
        let mut state = ScrollbarState::new(total.saturating_sub(rows)).position(offset);
        let bar = Scrollbar::new(ScrollbarOrientation::VerticalRight)
            .begin_symbol(None)
            .end_symbol(None)
            .track_symbol(Some("│"))
            .track_style(t.track)
            .thumb_symbol("┃")
            .thumb_style(t.key);
        frame.render_stateful_widget(bar, area, &mut state);
    }
}

/// The smallest offset that shows rows `focus_top..=focus_bottom` of content in `rows` rows.
pub(crate) fn follow(focus_top: usize, focus_bottom: usize, rows: usize) -> u16 {
    let rows = rows.max(1);
    let off = if focus_bottom >= rows {
        (focus_bottom + 1 - rows).min(focus_top)
    } else {
        0
    };
    u16::try_from(off).unwrap_or(u16::MAX)
}

/// Text wrapped to `width` columns, each line prefixed by `indent` (the first line by
/// `first` instead), all in one style.
pub(crate) fn wrapped(
    s: &str,
    width: usize,
    first: &str,
    indent: &str,
    style: ratatui::style::Style,
) -> Vec<Line<'static>> {
    let room = width.saturating_sub(text::width(indent)).max(1);
    text::wrap(s, room)
        .into_iter()
        .enumerate()
        .map(|(i, l)| {
            let lead = if i == 0 { first } else { indent };
            Line::from(vec![Span::raw(lead.to_string()), Span::styled(l, style)])
        })
        .collect()
}

/// An overlay: `lines` in a rounded box titled `title`, drawn over whatever is at `rect`.
pub(crate) fn overlay(
    frame: &mut ratatui::Frame,
    t: &crate::tui::theme::Theme,
    rect: Rect,
    title: &str,
    lines: Vec<Line<'_>>,
) {
    let block = ratatui::widgets::Block::bordered()
        .border_type(ratatui::widgets::BorderType::Rounded)
        .border_style(t.rule)
        .title(Span::styled(title.to_string(), t.title));
    frame.render_widget(ratatui::widgets::Clear, rect);
    frame.render_widget(ratatui::widgets::Paragraph::new(lines).block(block), rect);
}

/// A rectangle of at most `w` by `h` in the middle of `area`.
pub(crate) fn centred(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect {
        x: area.x + (area.width - w) / 2,
        y: area.y + (area.height - h) / 2,
        width: w,
        height: h,
    }
}

/// Lines drawn from the top-left of an area, cut at its right edge: what a `Paragraph`
/// without wrapping draws, at a fraction of the cost, because each character is placed
/// by its own width instead of going through grapheme segmentation. Text here comes from
/// the pack and is wrapped beforehand; a zero-width character joins the cell before it.
pub(crate) struct Lines(pub Vec<Line<'static>>);

impl ratatui::widgets::Widget for Lines {
    fn render(self, area: Rect, buf: &mut ratatui::buffer::Buffer) {
        let area = area.intersection(buf.area);
        for (line, y) in self.0.iter().zip(area.top()..area.bottom()) {
            let mut x = area.left();
            'spans: for span in &line.spans {
                let style = line.style.patch(span.style);
                let plain = style == ratatui::style::Style::default();
                for c in span.content.chars() {
                    let w = unicode_width::UnicodeWidthChar::width(c).unwrap_or(0);
                    if w == 0 {
                        if x > area.left() && !c.is_control() {
                            let cell = &mut buf[(x - 1, y)];
                            let joined = format!("{}{c}", cell.symbol());
                            cell.set_symbol(&joined);
                        }
                        continue;
                    }
                    if x + w as u16 > area.right() {
                        break 'spans;
                    }
                    // A space in no style is what a cleared buffer already holds.
                    if !(plain && c == ' ') {
                        buf[(x, y)].set_char(c).set_style(style);
                    }
                    for extra in 1..w as u16 {
                        buf[(x + extra, y)].reset();
                    }
                    x += w as u16;
                }
            }
        }
    }
}
