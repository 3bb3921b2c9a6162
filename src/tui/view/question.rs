//! The question screen: section, progress, prompt, choices or number field, why it is
//! asked, and any validation message.

use super::{follow, scrolled, wrapped};
use crate::pack::{Answer, Kind};
use crate::tui::model::{App, Draft, QuestionState};
use crate::tui::text;
use crate::wizard::Detour;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

/// Widest the question text runs, for readability on wide terminals.
const MAX_TEXT: usize = 90;

pub(super) fn draw(app: &App, s: &QuestionState, frame: &mut Frame, area: Rect) {
    let q = s.q;
    let t = app.theme();
    let pack = app.pack();
    let question = &pack.questions()[q];
    if area.height == 0 {
        return;
    }
    let w = usize::from(area.width);

    // Progress gauge and section: always in view.
    let p = app.wizard().progress();
    let pct = p.percent();
    let gauge_w = w.saturating_sub(8);
    let filled = gauge_w * pct / 100;
    let gauge = Line::from(vec![
        Span::raw(" "),
        Span::styled("█".repeat(filled), t.bar),
        Span::styled("░".repeat(gauge_w - filled), t.track),
        Span::styled(format!(" {pct:>3}%"), t.dim),
    ]);
    let section = Line::styled(
        format!(
            " {}",
            text::truncate(&pack.section_of(q).title, w.saturating_sub(2))
        ),
        t.heading,
    );
    frame.render_widget(super::Lines(vec![gauge, section]), area);
    let body = Rect {
        y: area.y + 2,
        height: area.height.saturating_sub(2),
        ..area
    };

    let tw = w.saturating_sub(6).min(MAX_TEXT);
    let mut lines: Vec<Line<'static>> = vec![Line::default()];
    // Said above the prompt, before the blank line that sets it off.
    let banner = match app.wizard().detour() {
        Some(Detour::FromReview) => Some(
            "Editing from the review — Enter returns there, Esc leaves the answer as it was."
                .to_string(),
        ),
        Some(Detour::Settling) => Some(settling_words(app.wizard().unseen().len())),
        None => None,
    };
    if let Some(banner) = banner {
        lines = wrapped(&banner, tw, "   ", "   ", t.heading);
        lines.push(Line::default());
    }
    lines.extend(wrapped(&question.prompt, tw, "   ", "   ", t.prompt));
    lines.push(Line::default());
    let mut focus = (lines.len(), lines.len());

    let shown = app.wizard().shown_answer(q);
    let labels: Vec<String> = match &question.kind {
        Kind::YesNo => vec!["Yes".into(), "No".into()],
        k => k.options().iter().map(|c| c.label.to_string()).collect(),
    };
    match (&question.kind, &s.draft) {
        (
            Kind::Number {
                min,
                max,
                step,
                unit,
                unit_one,
            },
            Draft::Number { text: typed, fresh },
        ) => {
            let field_w = 12usize;
            let shown_text = if *fresh {
                format!(" {typed} ")
            } else {
                format!(" {typed}▏")
            };
            let field = Span::styled(text::pad(&shown_text, field_w), t.highlight);
            let mut spans = vec![Span::styled("   › ", t.key), field];
            // "1 engineer", "12 engineers": the pack's word for exactly one when it has one.
            let word = match (typed.trim().parse::<i64>(), unit_one) {
                (Ok(1), Some(one)) => Some(one),
                _ => unit.as_ref(),
            };
            if let Some(u) = word {
                spans.push(Span::styled(format!(" {u}"), t.text));
            }
            focus = (lines.len(), lines.len() + 1);
            lines.push(Line::from(spans));
            let range = if *step > 1 {
                format!(
                    "From {} to {}, in steps of {}",
                    crate::figures::grouped(*min),
                    crate::figures::grouped(*max),
                    crate::figures::grouped(*step)
                )
            } else {
                format!(
                    "From {} to {}",
                    crate::figures::grouped(*min),
                    crate::figures::grouped(*max)
                )
            };
            lines.extend(wrapped(&range, tw, "     ", "     ", t.dim));
        }
        (kind, draft) => {
            let chosen: Vec<bool> = match (kind, draft, &shown) {
                (Kind::Multiple { .. }, Draft::Multiple(sel), _) => sel.clone(),
                (_, _, Answer::Choice(i)) => (0..labels.len()).map(|x| x == *i).collect(),
                (_, _, Answer::Bool(b)) => vec![*b, !*b],
                _ => vec![false; labels.len()],
            };
            let multiple = matches!(kind, Kind::Multiple { .. });
            for (i, label) in labels.iter().enumerate() {
                let here = i == s.cursor;
                let on = chosen.get(i).copied().unwrap_or(false);
                let cursor = if here { "   › " } else { "     " };
                let number = if i < 9 {
                    format!("{} ", i + 1)
                } else {
                    "  ".to_string()
                };
                let boxed = match (multiple, on) {
                    (true, true) => "[x]",
                    (true, false) => "[ ]",
                    _ => "",
                };
                let lead = text::width(cursor) + text::width(&number) + text::width(boxed);
                let room = tw.saturating_sub(lead.saturating_sub(3)).max(8);
                let wrapped_label = text::wrap(label, room);
                let top = lines.len();
                let style = if here { t.highlight } else { t.text };
                let n = wrapped_label.len();
                for (j, part) in wrapped_label.into_iter().enumerate() {
                    let mut spans = if j == 0 {
                        vec![
                            Span::styled(cursor.to_string(), t.key),
                            Span::styled(number.clone(), if here { t.key } else { t.dim }),
                            Span::styled(boxed.to_string(), if on { t.chosen } else { t.text }),
                        ]
                    } else {
                        vec![Span::raw(" ".repeat(lead))]
                    };
                    spans.push(Span::styled(format!(" {part} "), style));
                    if j + 1 == n && on && !multiple {
                        spans.push(Span::styled("  ●", t.chosen));
                    }
                    lines.push(Line::from(spans));
                }
                if here {
                    let help = kind.options().get(i).and_then(|c| c.help.as_deref());
                    if let Some(h) = help {
                        let pad = " ".repeat(lead + 1);
                        lines.extend(wrapped(h, tw.saturating_sub(lead), &pad, &pad, t.dim));
                    }
                    focus = (top, lines.len() - 1);
                }
            }
            if let Kind::Multiple { min, max, options } = kind {
                let count = chosen.iter().filter(|c| **c).count();
                let rule = if *min == 0 && *max >= options.len() {
                    "Choose any that apply".to_string()
                } else if min == max {
                    format!("Choose {min}")
                } else if *min == 0 {
                    format!("Choose up to {max}")
                } else if *max >= options.len() {
                    format!("Choose at least {min}")
                } else {
                    format!("Choose {min} to {max}")
                };
                lines.push(Line::default());
                lines.push(Line::styled(
                    format!("     {rule} · {count} selected"),
                    t.dim,
                ));
            }
        }
    }

    if let Some(msg) = &s.message {
        lines.push(Line::default());
        let mark = "   ✗ ";
        let at = lines.len();
        lines.extend(wrapped(msg, tw, mark, "     ", t.error));
        if let Some(first) = lines.get_mut(at) {
            first.spans[0].style = t.error;
        }
        focus.1 = lines.len() - 1;
    }

    lines.push(Line::default());
    let why = format!("Why we ask: {}", question.help);
    lines.extend(wrapped(&why, tw, "   ", "   ", t.text));
    if let Some(details) = &question.details {
        if s.details {
            lines.push(Line::default());
            let start = lines.len();
            lines.extend(wrapped(details, tw, "   ", "   ", t.text));
            focus = (start, lines.len() - 1);
        } else {
            lines.push(Line::from(vec![
                Span::raw("   "),
                Span::styled("i", t.key),
                Span::styled(" more on this", t.dim),
            ]));
        }
    }
    let offset = follow(focus.0, focus.1, usize::from(body.height));
    scrolled(t, frame, body, lines, offset);
}

/// The banner over an open question of a settled session: how many are left, this one
/// included, and that the rest keeps the group's answers.
fn settling_words(left: usize) -> String {
    let left = match left {
        0 | 1 => "this is the last open question".to_string(),
        n => format!("{n} open questions left, this one included"),
    };
    format!(
        "Settling the group's answers: {left}. The rest keep the group's answers; the review follows."
    )
}
