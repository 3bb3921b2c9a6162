//! The group screens: the saved sessions to pick from, then the group of those picked,
//! drawn from the same report `hirewiz group` prints, wrapped to the window.

use super::{follow, scrolled, wrapped};
use crate::report::group::{self, GroupReport};
use crate::tui::model::{App, GroupPane, GroupState};
use crate::tui::text;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

pub(super) fn draw(app: &App, g: &GroupState, frame: &mut Frame, area: Rect) {
    let t = app.theme();
    match &g.pane {
        GroupPane::Pick => {
            let width = usize::from(area.width).saturating_sub(4);
            let (lines, focus) = pick_lines(app, g, width);
            let offset = follow(focus, focus, usize::from(area.height));
            scrolled(t, frame, area, lines, offset);
        }
        GroupPane::View { report, scroll } => {
            let lines = view_lines(app, report, usize::from(area.width));
            scrolled(t, frame, area, lines, *scroll);
        }
    }
}

/// The picker's lines, and the row of the highlighted session.
fn pick_lines(app: &App, g: &GroupState, width: usize) -> (Vec<Line<'static>>, usize) {
    let t = app.theme();
    let mut lines = vec![Line::default()];
    lines.push(Line::from(vec![
        Span::raw("   "),
        Span::styled("Decide as a team".to_string(), t.heading),
    ]));
    lines.extend(wrapped(
        "Each person answers in a session of their own. Pick two or more with Space, then \
         Enter shows where they disagree and which disagreements change the result.",
        width,
        "   ",
        "   ",
        t.text,
    ));
    lines.push(Line::default());
    let mut focus = lines.len();
    if g.members.is_empty() {
        lines.extend(wrapped(
            "No saved sessions yet: answer the wizard once per person, labelling each session with l.",
            width,
            "   ",
            "   ",
            t.dim,
        ));
    }
    for (i, m) in g.members.iter().enumerate() {
        let here = i == g.cursor;
        if here {
            focus = lines.len();
        }
        let mark = if g.picked.get(i).copied().unwrap_or(false) {
            "[x]"
        } else {
            "[ ]"
        };
        let name = m.label.clone().unwrap_or_else(|| m.id.clone());
        let status = if m.finished {
            "finished"
        } else {
            "not finished"
        };
        let detail = match &m.label {
            Some(_) => format!("  {} · {status}", m.id),
            None => format!("  {status}"),
        };
        let style = if here { t.highlight } else { t.text };
        let row = format!(" {} {mark} {name}", if here { "›" } else { " " });
        let room = width.saturating_sub(text::width(&row));
        lines.push(Line::from(vec![
            Span::raw("  "),
            Span::styled(row, style),
            Span::styled(text::truncate(&detail, room), t.dim),
        ]));
    }
    let picked = g.picked.iter().filter(|p| **p).count();
    lines.push(Line::default());
    let mut summary = match picked {
        0 => "None picked yet.".to_string(),
        1 => "1 picked.".to_string(),
        n => format!("{n} picked."),
    };
    if g.unreadable > 0 {
        summary.push_str(&format!(
            " {} saved file{} could not be read and {} left out.",
            g.unreadable,
            if g.unreadable == 1 { "" } else { "s" },
            if g.unreadable == 1 { "is" } else { "are" }
        ));
    }
    lines.extend(wrapped(&summary, width, "   ", "   ", t.dim));
    if let Some(m) = &g.message {
        lines.extend(wrapped(m, width, "   ", "   ", t.error));
    }
    (lines, focus)
}

/// The group's text report, wrapped to `width`: section headings stand out.
pub(super) fn view_lines(app: &App, report: &GroupReport, width: usize) -> Vec<Line<'static>> {
    let t = app.theme();
    let room = width.saturating_sub(3).max(10);
    let mut lines = Vec::new();
    for raw in group::text::render(report).lines() {
        if raw.is_empty() {
            lines.push(Line::default());
            continue;
        }
        let style = if raw.starts_with(' ') {
            t.text
        } else {
            t.heading
        };
        // A line that fits keeps its columns; a longer one wraps under its indent.
        if text::width(raw) < room {
            lines.push(Line::from(vec![
                Span::raw(" "),
                Span::styled(raw.to_string(), style),
            ]));
            continue;
        }
        // A deep indent (under a long name) would leave a sliver: keep half the width,
        // and in a narrow window no more than a short step in from the name.
        let cap = if room < 60 { 6 } else { room / 2 };
        let indent = (raw.len() - raw.trim_start().len()).min(cap);
        let lead = format!(" {}", " ".repeat(indent));
        let more = format!("{lead}  ");
        lines.extend(wrapped(raw.trim_start(), room, &lead, &more, style));
    }
    lines
}
