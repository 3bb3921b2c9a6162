//! The welcome screen: what the pack decides, how long it takes, the main keys; and,
//! when unfinished sessions are saved, a picker to resume one of them or start afresh.

use super::{Lines, follow, scrolled, wrapped};
use crate::session::Timestamp;
use crate::tui::model::{App, ResumeOffer, WelcomeState};
use crate::tui::text;
use crate::tui::theme::Theme;
use crate::wizard::Step;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Roughly how long one question takes to answer, in seconds.
const SECONDS_PER_QUESTION: usize = 15;

pub(super) fn draw(app: &App, w: &WelcomeState, frame: &mut Frame, area: Rect) {
    let t = app.theme();
    let pack = app.pack();
    let width = usize::from(area.width).saturating_sub(4).min(80);
    let mut lines: Vec<Line<'static>> = vec![Line::default()];
    if !pack.meta().description.trim().is_empty() {
        lines.extend(wrapped(
            &pack.meta().description,
            width,
            "   ",
            "   ",
            t.prompt,
        ));
    }
    lines.push(Line::default());
    let mut focus = (0, 0);
    if !w.offers.is_empty() {
        let (picker, (top, bottom)) = picker(t, w, width);
        focus = (lines.len() + top, lines.len() + bottom);
        lines.extend(picker);
        lines.push(Line::default());
    }
    let names: Vec<&str> = pack.candidates().iter().map(|c| c.name.as_str()).collect();
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
    let all = pack.questions().len();
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
    let keys = crate::tui::keys::summary();
    let key_w = keys.iter().map(|(k, _)| text::width(k)).max().unwrap_or(0) + 2;
    let key = |k: &str, what: &str| {
        vec![
            Span::styled(text::pad(k, key_w), t.key),
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
    if !w.offers.is_empty() {
        // The choices above are the way in; the highlighted one stays in view.
        let offset = follow(focus.0, focus.1, usize::from(area.height));
        scrolled(t, frame, area, lines, offset);
        return;
    }
    let start = Line::from(vec![
        Span::raw("   Press "),
        Span::styled("Enter", t.key),
        Span::raw(" to start."),
    ]);
    // The way in follows the text; what does not fit above it is left out a paragraph at
    // a time, never cut mid-sentence.
    let rows = usize::from(area.height);
    if lines.len() + 2 > rows
        && let Some(end) = (1..=rows.saturating_sub(2))
            .rev()
            .find(|&i| lines.get(i).is_some_and(|l| l.width() == 0))
    {
        lines.truncate(end);
    }
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

/// The ways in: each unfinished session (its label or id, where it stopped, how many
/// answers it has and when it last changed), then a new session. Returns the lines and
/// the first and last line of the highlighted choice.
fn picker(t: &Theme, w: &WelcomeState, width: usize) -> (Vec<Line<'static>>, (usize, usize)) {
    let row_w = width.saturating_sub(4);
    let row = |selected: bool, label: String| {
        if selected {
            Line::from(vec![
                Span::styled("   › ", t.key),
                Span::styled(text::pad(&format!(" {label}"), row_w), t.highlight),
            ])
        } else {
            Line::from(vec![
                Span::raw("     "),
                Span::styled(format!(" {}", text::truncate(&label, row_w)), t.text),
            ])
        }
    };
    // A single session labelled and left before its first answer is waiting, not half done.
    let heading = match w.offers.as_slice() {
        [one] if one.answered == 0 => "   A session is waiting for its first answer:".to_string(),
        [_] => "   You stopped part-way through a session:".to_string(),
        many => format!("   {} unfinished sessions, newest first:", many.len()),
    };
    let mut out = vec![Line::styled(heading, t.heading), Line::default()];
    let mut focus = (0, 0);
    for (i, offer) in w.offers.iter().enumerate() {
        let top = out.len();
        let name = match &offer.label {
            Some(l) => format!("Resume “{l}”"),
            None => format!("Resume session {}", offer.id),
        };
        out.push(row(w.cursor == i, name));
        // Where it stopped and when, on one line when they fit together.
        let (at, when) = (whereabouts(offer), ago(offer.updated, offer.now));
        let about = format!("{at} · updated {when}");
        let about = if text::width(&about) + 7 <= width {
            vec![about]
        } else {
            vec![at, format!("updated {when}")]
        };
        for line in about {
            out.extend(wrapped(&line, width, "       ", "       ", t.dim));
        }
        if let Some(version) = &offer.pack_changed {
            out.extend(wrapped(
                &format!(
                    "Saved with {version}; it goes on in a new session with the pack as it is now."
                ),
                row_w,
                "       ",
                "       ",
                t.heading,
            ));
        }
        if w.cursor == i {
            focus = (top, out.len() - 1);
        }
    }
    if w.cursor >= w.offers.len() {
        focus = (out.len(), out.len());
    }
    out.push(row(
        w.cursor >= w.offers.len(),
        "Start a new session".to_string(),
    ));
    (out, focus)
}

/// How many answers a session has and where it stopped: `2 answers, stopped at question
/// 3 of 4`.
fn whereabouts(offer: &ResumeOffer) -> String {
    let total = offer.state.progress().total;
    let index = offer.state.progress().index;
    let answers = match offer.answered {
        0 => "no answers yet".to_string(),
        1 => "1 answer".to_string(),
        n => format!("{n} answers"),
    };
    let stopped = match offer.state.step() {
        Step::Question(_) if offer.answered == 0 => format!("starts at question {index}"),
        Step::Question(_) => format!("stopped at question {index} of {total}"),
        Step::Review => "stopped at the review".to_string(),
        Step::Done => "at the result".to_string(),
    };
    format!("{answers}, {stopped}")
}

/// How long ago a session was last updated, in words: `3 hours ago`.
fn ago(then: Timestamp, now: Timestamp) -> String {
    let secs = now.unix().saturating_sub(then.unix()).max(0);
    match secs {
        0..60 => "just now".to_string(),
        60..120 => "a minute ago".to_string(),
        120..3600 => format!("{} minutes ago", secs / 60),
        3600..7200 => "an hour ago".to_string(),
        7200..86_400 => format!("{} hours ago", secs / 3600),
        86_400..172_800 => "yesterday".to_string(),
        _ => format!("{} days ago", secs / 86_400),
    }
}
