//! Overlays: the key help (every key that works on the screen underneath) and the
//! question asked before quitting without a result.

use super::{Room, centred, hint_line, overlay};
use crate::tui::keys::{self, Context};
use crate::tui::model::App;
use crate::tui::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub(super) fn draw(app: &App, scroll: u16, frame: &mut Frame, area: Rect) {
    let (room, lines, rect) = layout(app, area);
    let offset = usize::from(scroll.min(room.max()));
    let shown: Vec<Line> = lines.into_iter().skip(offset).take(room.rows).collect();
    let title = if room.max() > 0 {
        " Keys (↑↓ for more) "
    } else {
        " Keys "
    };
    overlay(frame, app.theme(), rect, title, shown);
}

/// The help's lines, the box they go in, and how many of them it shows.
pub(super) fn layout(app: &App, area: Rect) -> (Room, Vec<Line<'static>>, Rect) {
    let t = app.theme();
    let context = app.screen_context();
    let mut rows: Vec<(&str, &str)> = keys::bindings(context).map(|b| (b.label, b.help)).collect();
    rows.extend(
        keys::bindings(Context::Help)
            .filter(|b| b.action == keys::Action::Close)
            .map(|b| (b.label, b.help)),
    );
    let key_w = rows.iter().map(|(k, _)| text::width(k)).max().unwrap_or(0);
    let help_w = rows.iter().map(|(_, h)| text::width(h)).max().unwrap_or(0);
    let box_w = (key_w + help_w + 8).min(usize::from(area.width).saturating_sub(2));
    let inner_w = box_w.saturating_sub(4);
    // What a key does wraps beside it, so nothing is cut on a narrow terminal.
    let lines: Vec<Line<'static>> = rows
        .iter()
        .flat_map(|(k, h)| {
            let what = text::wrap(h, inner_w.saturating_sub(key_w + 3));
            what.into_iter().enumerate().map(move |(i, w)| {
                let k = if i == 0 { k } else { "" };
                Line::from(vec![
                    Span::styled(format!(" {}", text::pad(k, key_w)), t.key),
                    Span::raw("  "),
                    Span::styled(w, t.text),
                ])
            })
        })
        .collect();
    let box_h = (lines.len() + 2).min(usize::from(area.height).saturating_sub(2));
    let rect = centred(
        area,
        u16::try_from(box_w).unwrap_or(u16::MAX),
        u16::try_from(box_h).unwrap_or(u16::MAX),
    );
    let room = Room {
        lines: lines.len(),
        rows: usize::from(rect.height.saturating_sub(2)),
    };
    (room, lines, rect)
}

/// Quit before the result? Says whether the answers are kept, and how to go on later.
pub(super) fn confirm_quit(app: &App, frame: &mut Frame, area: Rect) {
    let t = app.theme();
    let width = 56usize.min(usize::from(area.width).saturating_sub(2));
    let inner = width.saturating_sub(4);
    let (kept, style): (&[&str], _) = match (app.unsaved(), app.wizard().progress().answered) {
        (Some(_), _) => (
            &["Your answers are not saved yet; hirewiz tries once more as it quits."],
            t.error,
        ),
        (None, 0) => (&["No answers yet: nothing is kept to resume."], t.dim),
        (None, _) => (
            &[
                "Your answers are saved.",
                "Run `hirewiz resume` to go on from here.",
            ],
            t.text,
        ),
    };
    let mut lines = vec![Line::default()];
    for l in text::wrap("Quit now? You have not seen the result yet.", inner) {
        lines.push(Line::styled(format!(" {l}"), t.text));
    }
    lines.push(Line::default());
    for l in kept.iter().flat_map(|k| text::wrap(k, inner)) {
        lines.push(Line::styled(format!(" {l}"), style));
    }
    lines.push(Line::default());
    lines.push(hint_line(
        t,
        &keys::hints(Context::Quit, keys::Shown::default()),
        inner,
    ));
    let rect = centred(
        area,
        u16::try_from(width).unwrap_or(u16::MAX),
        u16::try_from(lines.len() + 2).unwrap_or(u16::MAX),
    );
    overlay(frame, t, rect, " Quit ", lines);
}
