//! Drawing: one module per screen, sharing the frame every screen has (title and rule at
//! the top, a rule and the key hints at the bottom). Views only read the [`App`].

mod help;
mod question;
mod recommendation;
mod review;
mod too_small;
mod welcome;

use super::app::{App, MIN_SIZE, Overlay, Screen};
use super::keys::{self, Context};
use super::text;
use super::theme::Theme;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Scrollbar, ScrollbarOrientation, ScrollbarState};

/// Draw the whole screen for the app's state.
pub fn view(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        too_small::draw(app, frame, area);
        return;
    }
    let right = match app.screen() {
        Screen::Welcome => String::new(),
        Screen::Question(_) => {
            let p = app.wizard().progress();
            format!("Question {} of {}", p.index, p.total)
        }
        Screen::Review => "Review".to_string(),
        Screen::Result => "Result".to_string(),
    };
    header(app, frame, area, &right);
    let body = Rect {
        x: area.x,
        y: area.y + 2,
        width: area.width,
        height: area.height.saturating_sub(4),
    };
    match app.screen() {
        Screen::Welcome => welcome::draw(app, frame, body),
        Screen::Question(q) => question::draw(app, frame, body, q),
        Screen::Review => review::draw(app, frame, body),
        Screen::Result => recommendation::draw(app, frame, body),
    }
    let choices = match app.screen() {
        Screen::Question(q) => match &app.pack().questions[q].kind {
            crate::pack::Kind::YesNo => 2,
            k => k.options().len(),
        },
        _ => 0,
    };
    footer(app, frame, area, app.screen_context(), choices);
    match app.overlay() {
        Some(Overlay::Help) => help::draw(app, frame, area),
        Some(Overlay::ConfirmQuit) => help::confirm_quit(app, frame, area),
        None => {}
    }
}

fn header(app: &App, frame: &mut Frame, area: Rect, right: &str) {
    let t = app.theme();
    let w = usize::from(area.width);
    let right_w = text::width(right) + 1;
    let title = format!(" hirewiz · {}", app.pack().meta.title);
    let title = text::truncate(&title, w.saturating_sub(right_w + 1));
    let gap = w.saturating_sub(text::width(&title) + right_w);
    let line = Line::from(vec![
        Span::styled(title, t.title),
        Span::raw(" ".repeat(gap)),
        Span::styled(right.to_string(), t.heading),
    ]);
    let rule = Line::styled(format!(" {}", "━".repeat(w.saturating_sub(2))), t.rule);
    frame.render_widget(Paragraph::new(vec![line, rule]), area);
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
    let hints = hint_line(t, &keys::hints(context, choices), w.saturating_sub(2));
    frame.render_widget(Paragraph::new(vec![rule, hints]), rows);
}

/// The key hints as one line no wider than `width`: hints are dropped from the middle
/// (help and quit stay) until it fits.
pub(crate) fn hint_line(t: &Theme, hints: &[(String, &str)], width: usize) -> Line<'static> {
    let mut hints: Vec<&(String, &str)> = hints.iter().collect();
    let len = |h: &[&(String, &str)]| -> usize {
        h.iter()
            .map(|(k, w)| text::width(k) + 1 + text::width(w))
            .sum::<usize>()
            + 3 * h.len().saturating_sub(1)
    };
    while len(&hints) > width && hints.len() > 2 {
        hints.remove(hints.len() - 3);
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
    let shown: Vec<Line> = lines.into_iter().skip(offset).take(rows).collect();
    frame.render_widget(Paragraph::new(shown), area);
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
