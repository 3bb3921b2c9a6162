//! What plain mode prints: short lines in reading order, every mark spelled out in words
//! (no symbols, boxes or colour), so that a screen reader reads them as a person would.

use crate::pack::{Answer, Kind, Pack, Question};
use crate::wizard::{Progress, Wizard};
use std::fmt::Write;

/// The opening lines: the pack's title and what can be typed at every question.
pub fn intro(pack: &Pack) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "{}", pack.meta().title);
    if !pack.meta().description.is_empty() {
        let _ = writeln!(s, "{}", pack.meta().description);
    }
    let _ = writeln!(s, "{}", KEYS);
    s
}

/// What can be typed at a question, said once at the start and again on `?`.
const KEYS: &str = "At each question, type the number of your choice and press Enter. \
Press Enter alone to keep the current answer. Type b to go back, ? for more help, \
or f to finish now with the current answers.";

/// The section heading, printed when a question opens a new section.
pub fn heading(pack: &Pack, q: usize) -> String {
    format!("\nSection: {}\n", pack.section_of(q).title)
}

/// A question in full: position, prompt, help, how to answer and the choices.
pub fn question(w: &Wizard, q: usize) -> String {
    let question = &w.pack().questions()[q];
    let shown = w.shown_answer(q);
    let given = w.answers().is_given(q);
    let mut s = String::new();
    let _ = writeln!(s, "{}", title(w.progress(), question));
    let _ = writeln!(s, "{}", question.help);
    let _ = writeln!(s, "{}", how_to_answer(question));
    for (i, c) in question.kind.options().iter().enumerate() {
        let mark = match (selected(&shown, i), &question.kind, given) {
            (false, _, _) => "",
            (true, Kind::Multiple { .. }, _) => " (selected)",
            (true, _, true) => " (current)",
            (true, _, false) => " (default)",
        };
        let _ = writeln!(s, "  {}. {}{mark}", i + 1, c.label);
    }
    let _ = writeln!(
        s,
        "{} answer: {}.",
        if given { "Current" } else { "Default" },
        question.describe(&shown)
    );
    s
}

/// `Question 3 of 12: How complex is the system?`
pub fn title(p: Progress, question: &Question) -> String {
    format!("Question {} of {}: {}", p.index, p.total, question.prompt)
}

/// The line the answer is typed after, naming what Enter alone keeps.
pub fn prompt(question: &Question, shown: &Answer) -> String {
    let keep = match (&question.kind, shown) {
        (_, Answer::Choice(i)) => (i + 1).to_string(),
        (_, Answer::Choices(v)) if v.is_empty() => "none".to_string(),
        (_, Answer::Choices(v)) => v
            .iter()
            .map(|i| (i + 1).to_string())
            .collect::<Vec<_>>()
            .join(" "),
        (_, Answer::Number(n)) => n.to_string(),
        (_, Answer::Bool(true)) => "yes".to_string(),
        (_, Answer::Bool(false)) => "no".to_string(),
    };
    format!("Answer (Enter keeps {keep}): ")
}

fn how_to_answer(question: &Question) -> String {
    match &question.kind {
        Kind::Single { options } => format!("Choose one, 1 to {}.", options.len()),
        Kind::Multiple { options, min, max } => {
            let n = options.len();
            let count = match (*min, *max) {
                (0, m) if m == n => "any of them".to_string(),
                (0, m) => format!("up to {m}"),
                (a, b) if a == b => format!("exactly {a}"),
                (a, b) if b == n => format!("at least {a}"),
                (a, b) => format!("{a} to {b}"),
            };
            let none = if *min == 0 { ", or type none" } else { "" };
            format!(
                "Choose {count} of the {n}: type their numbers separated by spaces or commas{none}."
            )
        }
        Kind::Number {
            min,
            max,
            step,
            unit,
            ..
        } => {
            let unit = unit
                .as_deref()
                .map_or(String::new(), |u| format!(", in {u}"));
            let step = if *step > 1 {
                format!(" in steps of {}", crate::figures::grouped(*step))
            } else {
                String::new()
            };
            format!(
                "Type a whole number from {} to {}{step}{unit}.",
                crate::figures::grouped(*min),
                crate::figures::grouped(*max)
            )
        }
        Kind::YesNo => "Answer yes or no.".to_string(),
    }
}

fn selected(shown: &Answer, i: usize) -> bool {
    match shown {
        Answer::Choice(c) => *c == i,
        Answer::Choices(v) => v.contains(&i),
        _ => false,
    }
}

/// The longer help of a question: its details, what each choice means, and the keys.
pub fn help(question: &Question) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "Help: {}", question.prompt);
    let _ = writeln!(
        s,
        "{}",
        question.details.as_deref().unwrap_or(&question.help)
    );
    for (i, c) in question.kind.options().iter().enumerate() {
        if let Some(h) = &c.help {
            let _ = writeln!(s, "  {}. {}: {h}", i + 1, c.label);
        }
    }
    let _ = writeln!(s, "{}", KEYS);
    s
}

/// The review: every answer in force, numbered for changing.
pub fn review(w: &Wizard) -> String {
    let pack = w.pack();
    let eff = w.effective();
    let mut s = String::new();
    let _ = writeln!(s, "\nReview your answers");
    for (n, q) in w.visible().into_iter().enumerate() {
        let question = &pack.questions()[q];
        if let Some(a) = &eff[q] {
            let _ = writeln!(
                s,
                "  {}. {} {}",
                n + 1,
                question.prompt,
                question.describe(a)
            );
        }
    }
    let _ = writeln!(s, "{}", REVIEW_KEYS);
    s
}

/// What can be typed at the review.
pub const REVIEW_KEYS: &str = "Press Enter to see the recommendation, type the number of \
an answer to change it, or b to go back to the last question.";

/// The review's prompt line.
pub const REVIEW_PROMPT: &str = "Change which answer (Enter shows the recommendation): ";
