//! What a replay adds to the screens it plays on: a status line saying where it stands,
//! and, on the result it ends with, how that result compares with the one saved.

use super::wrapped;
use crate::session::SavedResult;
use crate::session::replay::Played;
use crate::tui::player::Player;
use crate::tui::text;
use crate::tui::theme::Theme;
use crate::wizard::{Event, Step};
use ratatui::text::{Line, Span};

/// `▶ Replay · step 5 of 26 · answered · 1×` on the left, the session on the right.
pub(super) fn status(t: &Theme, p: &Player, width: usize) -> Line<'static> {
    let (mark, state) = if p.at_end() {
        ("■", "end")
    } else if p.playing() {
        ("▶", "playing")
    } else {
        ("❚❚", "paused")
    };
    let what = match p.event() {
        None if p.position() == 0 => "the start",
        None => "finished with the answers given",
        Some(Played::Step(Event::Answer { .. })) => "answered",
        Some(Played::Step(Event::Next)) if p.frame().step() == Step::Done => "result",
        Some(Played::Step(Event::Next)) => "moved on",
        Some(Played::Step(Event::Back)) => "went back",
        Some(Played::Step(Event::Jump(_))) => "went to change an answer",
        Some(Played::Step(Event::Finish)) => "finished",
        Some(Played::Step(Event::Settle(_))) => "took the group's answers",
        Some(Played::Labelled(Some(_))) => "labelled",
        Some(Played::Labelled(None)) => "label removed",
        Some(Played::Exported(_)) => "exported the report",
    };
    let left = format!(
        " {mark} Replay · {state} · step {} of {} · {what} · {}",
        p.position(),
        p.len(),
        p.speed_words()
    );
    let right = match p.label() {
        Some(l) => format!("{l} · {} ", p.id()),
        None => format!("{} ", p.id()),
    };
    let room = width.saturating_sub(text::width(&left) + 2);
    let right = if text::width(&right) <= room {
        right
    } else {
        String::new()
    };
    let gap = width.saturating_sub(text::width(&left) + text::width(&right));
    Line::from(vec![
        Span::styled(text::truncate(&left, width), t.key),
        Span::raw(" ".repeat(gap)),
        Span::styled(right, t.dim),
    ])
}

/// The lines above the result at the end of a replay: whether the pack and the result
/// changed since the session was saved, with both results side by side when either did.
pub(super) fn drift(t: &Theme, p: &Player, width: usize) -> Vec<Line<'static>> {
    let remarks = p.drift().remarks(p.unfinished());
    let mut out = Vec::new();
    for w in &remarks.warnings {
        out.extend(wrapped(w, width, "  ! ", "    ", t.heading));
    }
    let quiet = remarks.warnings.is_empty() && remarks.results.is_none();
    if let Some(same) = &remarks.same {
        if quiet {
            out.extend(wrapped(same, width, "  ", "  ", t.dim));
        } else {
            out.extend(wrapped(same, width, "    ", "    ", t.text));
        }
    }
    if let Some((saved, now)) = &remarks.results {
        out.push(scores_line(t, "saved", saved, width));
        out.push(scores_line(t, "now", now, width));
    }
    out.push(Line::default());
    out
}

/// `saved  Outsource 18 · In-house 11 · Freelance 4`.
fn scores_line(t: &Theme, when: &str, r: &SavedResult, width: usize) -> Line<'static> {
    Line::from(vec![
        Span::styled(format!("    {when:<6} "), t.dim),
        Span::styled(
            text::truncate(&r.scores_words(), width.saturating_sub(11)),
            t.text,
        ),
    ])
}
