//! The welcome screen: what the pack decides, how long it takes, the main keys.

use super::{Lines, wrapped};
use crate::tui::app::App;
use crate::tui::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Roughly how long one question takes to answer, in seconds.
const SECONDS_PER_QUESTION: usize = 15;

pub(super) fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let t = app.theme();
    let pack = app.pack();
    let width = usize::from(area.width).saturating_sub(4).min(80);
    let mut lines: Vec<Line<'static>> = vec![Line::default()];
    if !pack.meta.description.trim().is_empty() {
        lines.extend(wrapped(
            &pack.meta.description,
            width,
            "   ",
            "   ",
            t.prompt,
        ));
    }
    lines.push(Line::default());
    let names: Vec<&str> = pack.candidates.iter().map(|c| c.name.as_str()).collect();
    let compares = match names.as_slice() {
        [] => String::new(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    };
    lines.extend(wrapped(
        &format!("It weighs {compares} against your answers, recommends one, and shows why."),
        width,
        "   ",
        "   ",
        t.text,
    ));
    let now = app.wizard().visible().len();
    let all = pack.questions.len();
    let count = if now == all {
        format!("{now} questions")
    } else {
        format!("{now} to {all} questions")
    };
    let minutes = (all * SECONDS_PER_QUESTION).div_ceil(60).max(1);
    let minutes = if minutes == 1 {
        "about a minute".to_string()
    } else {
        format!("about {minutes} minutes")
    };
    lines.push(Line::default());
    lines.push(Line::from(vec![
        Span::raw("   "),
        Span::styled(format!("{count} · {minutes}"), t.heading),
    ]));
    lines.extend(wrapped(
        "Every question comes with a suggested answer, so Enter alone always moves on. \
         You can go back and change any answer before seeing the result.",
        width,
        "   ",
        "   ",
        t.text,
    ));
    lines.push(Line::default());
    let keys = [
        ("↑ ↓", "move between choices"),
        ("Enter", "pick and continue"),
        ("← b", "go back, change an answer"),
        ("?", "every key, at any time"),
    ];
    let key = |k: &str, what: &str| {
        vec![
            Span::styled(format!("{k:<7}"), t.key),
            Span::styled(text::pad(what, 28), t.text),
        ]
    };
    if width >= 72 {
        for pair in keys.chunks(2) {
            let mut spans = vec![Span::raw("     ")];
            for (k, what) in pair {
                spans.extend(key(k, what));
            }
            lines.push(Line::from(spans));
        }
    } else {
        for (k, what) in keys {
            let mut spans = vec![Span::raw("     ")];
            spans.extend(key(k, what));
            lines.push(Line::from(spans));
        }
    }
    let start = Line::from(vec![
        Span::raw("   Press "),
        Span::styled("Enter", t.key),
        Span::raw(" to start."),
    ]);
    // The way in follows the text when it fits, and otherwise keeps the last row.
    let rows = usize::from(area.height);
    if lines.len() + 2 <= rows {
        lines.push(Line::default());
        lines.push(start);
        frame.render_widget(Lines(lines), area);
        return;
    }
    lines.truncate(rows.saturating_sub(1));
    frame.render_widget(Lines(lines), area);
    frame.render_widget(
        Lines(vec![start]),
        Rect {
            y: area.y + area.height.saturating_sub(1),
            height: area.height.min(1),
            ..area
        },
    );
}
