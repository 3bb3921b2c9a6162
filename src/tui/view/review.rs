//! The review: every answer in force, grouped by section, and the action to see the
//! result (highlighted when the screen opens, so Enter alone moves on). Prompts and
//! answers wrap in their columns, so nothing is cut.

use super::{follow, scrolled};
use crate::tui::model::{App, ReviewState};
use crate::tui::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub(super) fn draw(app: &App, s: &ReviewState, frame: &mut Frame, area: Rect) {
    let (lines, rows) = layout(app, s, area.width);
    let (top, bottom) = rows.get(s.cursor).copied().unwrap_or_default();
    let offset = follow(top, bottom, usize::from(area.height));
    scrolled(app.theme(), frame, area, lines, offset);
}

/// How many rows a page moves: as many as fit in `area` from the highlighted one, up or
/// down.
pub(super) fn page(app: &App, s: &ReviewState, area: Rect, up: bool) -> usize {
    let (_, rows) = layout(app, s, area.width);
    let Some(&(top, bottom)) = rows.get(s.cursor) else {
        return 1;
    };
    let fits = |(a, b): (usize, usize)| b.max(bottom) + 1 - a.min(top) <= usize::from(area.height);
    let fit = if up {
        rows[..s.cursor]
            .iter()
            .rev()
            .take_while(|r| fits(**r))
            .count()
    } else {
        rows[s.cursor + 1..]
            .iter()
            .take_while(|r| fits(**r))
            .count()
    };
    fit.max(1)
}

/// The review's lines at `width` columns, and the first and last line of each row (the
/// answers, then "see the result").
fn layout(app: &App, s: &ReviewState, width: u16) -> (Vec<Line<'static>>, Vec<(usize, usize)>) {
    let t = app.theme();
    let pack = app.pack();
    let effective = app.wizard().effective();
    let visible = app.review_rows();
    let w = usize::from(width).saturating_sub(3).min(110);

    let answers: Vec<String> = visible
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
        .min(w * 9 / 20)
        .max(1);
    let prompt_w = w.saturating_sub(answer_w + 8).max(1);

    let mut lines: Vec<Line<'static>> = vec![
        Line::default(),
        Line::styled(
            text::truncate(
                "   Check your answers. Enter on one to change it.",
                usize::from(width),
            ),
            t.text,
        ),
    ];
    let mut rows = Vec::with_capacity(visible.len() + 1);
    let mut section = usize::MAX;
    for (row, (&q, answer)) in visible.iter().zip(&answers).enumerate() {
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
        let prompt = text::wrap(&question.prompt, prompt_w);
        let answer = text::wrap(answer, answer_w);
        let top = lines.len();
        for i in 0..prompt.len().max(answer.len()) {
            let mark = if here && i == 0 { "   › " } else { "     " };
            let p = prompt.get(i).map_or("", String::as_str);
            let a = answer.get(i).map_or("", String::as_str);
            lines.push(Line::from(vec![
                Span::styled(mark, t.key),
                Span::styled(
                    format!(" {} ", text::pad(p, prompt_w)),
                    if here { t.highlight } else { t.text },
                ),
                Span::styled(format!(" {a}"), if here { t.chosen } else { t.prompt }),
            ]));
        }
        rows.push((top, lines.len() - 1));
    }
    lines.push(Line::default());
    let here = s.cursor >= visible.len();
    rows.push((lines.len(), lines.len()));
    lines.push(Line::from(vec![
        Span::styled(if here { "   › " } else { "     " }, t.key),
        Span::styled(
            " See the result → ",
            if here { t.highlight } else { t.prompt },
        ),
    ]));
    if let Some(msg) = &s.message {
        lines.push(Line::styled(format!("   ✗ {msg}"), t.error));
        if let Some(last) = rows.last_mut() {
            last.1 += 1;
        }
    }
    (lines, rows)
}
