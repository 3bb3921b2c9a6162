//! The review: every answer in force, grouped by section, and the action to see the
//! result (highlighted when the screen opens, so Enter alone moves on).

use super::{follow, scrolled};
use crate::tui::app::{App, ReviewState};
use crate::tui::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub(super) fn draw(app: &App, s: &ReviewState, frame: &mut Frame, area: Rect) {
    let t = app.theme();
    let pack = app.pack();
    let wizard = app.wizard();
    let effective = wizard.effective();
    let rows = app.review_rows();
    let w = usize::from(area.width).saturating_sub(3).min(110);

    let answers: Vec<String> = rows
        .iter()
        .map(|&q| {
            effective[q]
                .as_ref()
                .map(|a| pack.questions()[q].describe(a))
                .unwrap_or_default()
        })
        .collect();
    // Answers get the room they need up to about half the width; prompts get the rest.
    let answer_w = answers
        .iter()
        .map(|a| text::width(a))
        .max()
        .unwrap_or(0)
        .min(w * 9 / 20);
    let prompt_w = w.saturating_sub(answer_w + 8);

    let mut lines: Vec<Line<'static>> = vec![
        Line::default(),
        Line::styled(
            text::truncate(
                "   Check your answers. Enter on one to change it.",
                usize::from(area.width),
            ),
            t.text,
        ),
    ];
    let mut focus = (0, 0);
    let mut section = usize::MAX;
    for (row, (&q, answer)) in rows.iter().zip(&answers).enumerate() {
        let question = &pack.questions()[q];
        if question.section != section {
            section = question.section;
            lines.push(Line::default());
            lines.push(Line::styled(
                format!("   {}", text::truncate(&pack.sections()[section].title, w)),
                t.heading,
            ));
        }
        let here = row == s.cursor;
        let style = if here { t.highlight } else { t.text };
        if here {
            focus = (lines.len(), lines.len());
        }
        lines.push(Line::from(vec![
            Span::styled(if here { "   › " } else { "     " }, t.key),
            Span::styled(
                format!(" {} ", text::pad(&question.prompt, prompt_w)),
                style,
            ),
            Span::styled(
                format!(" {}", text::truncate(answer, answer_w)),
                if here { t.chosen } else { t.prompt },
            ),
        ]));
    }
    lines.push(Line::default());
    let here = s.cursor >= rows.len();
    if here {
        focus = (lines.len(), lines.len());
    }
    lines.push(Line::from(vec![
        Span::styled(if here { "   › " } else { "     " }, t.key),
        Span::styled(
            " See the result → ",
            if here { t.highlight } else { t.prompt },
        ),
    ]));
    if let Some(msg) = &s.message {
        lines.push(Line::styled(format!("   ✗ {msg}"), t.error));
    }
    let offset = follow(focus.0, focus.1, usize::from(area.height));
    scrolled(t, frame, area, lines, offset);
}
