//! What a replay adds to the screens it plays on: a status line saying where it stands,
//! and, on the result it ends with, how that result compares with the one saved.

use super::wrapped;
use crate::session::{PackChange, SavedResult};
use crate::tui::player::Player;
use crate::tui::text;
use crate::tui::theme::Theme;
use crate::wizard::Event;
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
        Some(Event::Answer { .. }) => "answered",
        Some(Event::Next) => "moved on",
        Some(Event::Back) => "went back",
        Some(Event::Jump(_)) => "went to change an answer",
        Some(Event::Finish) => "finished",
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
pub(super) fn comparison(t: &Theme, p: &Player, width: usize) -> Vec<Line<'static>> {
    let cmp = p.comparison();
    let mut out = Vec::new();
    let warn = |s: &str, out: &mut Vec<Line<'static>>| {
        out.extend(wrapped(s, width, "  ! ", "    ", t.heading));
    };
    if let Some(change) = &cmp.pack {
        warn(&pack_words(change), &mut out);
    }
    if p.unfinished() {
        warn(
            "The session was saved before its result: questions it did not reach take their defaults.",
            &mut out,
        );
    }
    if !cmp.skipped.is_empty() {
        let n = cmp.skipped.len();
        let s = if n == 1 { "" } else { "s" };
        warn(
            &format!("{n} recorded step{s} no longer fit the pack and were left out."),
            &mut out,
        );
    }
    let saved = cmp.result.as_ref().map(|r| &r.saved);
    match (&cmp.result, cmp.pack.is_some()) {
        (Some(r), _) => {
            let words = if r.winner_changed() {
                format!(
                    "The recommendation changed: it was {} when saved, it is {} now.",
                    winner_name(&r.saved),
                    winner_name(&r.current)
                )
            } else {
                format!(
                    "The recommendation is still {}, with other points than when saved.",
                    winner_name(&r.current)
                )
            };
            warn(&words, &mut out);
        }
        (None, true) if !p.unfinished() => {
            out.extend(wrapped(
                "The result is the same as when saved.",
                width,
                "    ",
                "    ",
                t.text,
            ));
        }
        _ => {}
    }
    if cmp.result.is_some() || (cmp.pack.is_some() && !p.unfinished()) {
        let then = saved.unwrap_or(&cmp.current);
        out.push(scores_line(t, "saved", then, width));
        out.push(scores_line(t, "now", &cmp.current, width));
    }
    if out.is_empty() {
        out.extend(wrapped(
            "Same pack and same result as when the session was saved.",
            width,
            "  ",
            "  ",
            t.dim,
        ));
    }
    out.push(Line::default());
    out
}

fn pack_words(c: &PackChange) -> String {
    if c.saved.id == c.current.id && c.saved.version == c.current.version {
        format!(
            "The pack changed since this session was saved ({} {}, edited since); it is scored with the pack as it is now.",
            c.current.id, c.current.version
        )
    } else {
        format!(
            "The pack changed since this session was saved: {} {} then, {} {} now; it is scored with the pack as it is now.",
            c.saved.id, c.saved.version, c.current.id, c.current.version
        )
    }
}

fn winner_name(r: &SavedResult) -> String {
    r.winner().map_or(r.winner.clone(), |w| w.name.clone())
}

/// `saved  Outsource 18 · In-house 11 · Freelance 4`.
fn scores_line(t: &Theme, when: &str, r: &SavedResult, width: usize) -> Line<'static> {
    let scores = r
        .standings
        .iter()
        .map(|s| {
            if s.vetoed {
                format!("{} {} (ruled out)", s.name, s.points)
            } else {
                format!("{} {}", s.name, s.points)
            }
        })
        .collect::<Vec<_>>()
        .join(" · ");
    Line::from(vec![
        Span::styled(format!("    {when:<6} "), t.dim),
        Span::styled(text::truncate(&scores, width.saturating_sub(11)), t.text),
    ])
}
