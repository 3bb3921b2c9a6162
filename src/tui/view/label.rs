//! The small field that labels the session with a client or project name, with the
//! reason inline when a label is refused.

use super::{centred, hint_line, overlay};
use crate::tui::keys::{self, Context};
use crate::tui::model::{App, LabelInput};
use crate::tui::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub(super) fn draw(app: &App, input: &LabelInput, frame: &mut Frame, area: Rect) {
    let t = app.theme();
    let width = 64usize.min(usize::from(area.width).saturating_sub(2));
    let inner = width.saturating_sub(4);
    let mut lines = vec![Line::default()];
    for l in text::wrap(
        "A client or project name, to tell this session apart later.",
        inner,
    ) {
        lines.push(Line::styled(format!(" {l}"), t.text));
    }
    lines.push(Line::default());
    // The field shows the caret, and as much around it as fits in the box.
    let field_w = inner.saturating_sub(4);
    let (before, after) = input.text.split_at(
        input
            .text
            .char_indices()
            .nth(input.caret)
            .map_or(input.text.len(), |(b, _)| b),
    );
    let mut before = before.to_string();
    while text::width(&before) + 1 > field_w && !before.is_empty() {
        before.remove(0);
    }
    let room = field_w.saturating_sub(text::width(&before) + 1);
    let field = text::pad(
        &format!("{before}▏{}", text::truncate(after, room)),
        field_w,
    );
    lines.push(Line::from(vec![
        Span::styled(" › ", t.key),
        Span::styled(field, t.highlight),
    ]));
    lines.push(Line::default());
    if let Some(e) = &input.error {
        for l in text::wrap(e, inner.saturating_sub(1)) {
            lines.push(Line::styled(format!(" {l}"), t.error));
        }
        lines.push(Line::default());
    }
    lines.push(hint_line(
        t,
        &keys::hints(Context::Label, keys::Shown::default()),
        inner,
    ));
    let rect = centred(
        area,
        u16::try_from(width).unwrap_or(u16::MAX),
        u16::try_from(lines.len() + 2).unwrap_or(u16::MAX),
    );
    overlay(frame, t, rect, " Label this session ", lines);
}
