//! The insight in words, built from the pack's own prompts, labels and candidate names;
//! the only wording added here is the few joining words.

use super::{Change, CloseCall, Outcome, WhatIf, WhatIfPair};
use crate::pack::{Answer, Pack};
use crate::score::Pick;

/// How many deciding questions a close-call sentence names.
const DECIDERS_NAMED: usize = 3;

/// "How long will you need backend engineering? Over a year instead of 3 to 12 months:
/// In-house would lead by 4 points."
pub fn what_if_sentence(pack: &Pack, effective: &[Option<Answer>], w: &WhatIf) -> String {
    format!(
        "{}: {}.",
        change_words(pack, effective, &w.change),
        outcome_words(pack, &w.outcome)
    )
}

/// Both changes, joined by "and", then the result, as in [`what_if_sentence`].
pub fn pair_sentence(pack: &Pack, effective: &[Option<Answer>], p: &WhatIfPair) -> String {
    format!(
        "{}; and {}: {}.",
        change_words(pack, effective, &p.changes[0]),
        change_words(pack, effective, &p.changes[1]),
        outcome_words(pack, &p.outcome)
    )
}

/// "Deciding between In-house and Freelance: How urgent is it? Within a month; …",
/// naming the most telling questions with their current answers; `None` when no
/// question decides between them (the difference comes from rules that always apply).
pub fn close_call_sentence(
    pack: &Pack,
    effective: &[Option<Answer>],
    c: &CloseCall,
) -> Option<String> {
    let named: Vec<String> = c
        .deciders
        .iter()
        .take(DECIDERS_NAMED)
        .filter_map(|d| {
            let q = pack.questions().get(d.question)?;
            let a = effective.get(d.question)?.as_ref()?;
            Some(asked(&q.prompt, &q.describe(a)))
        })
        .collect();
    if named.is_empty() {
        return None;
    }
    Some(format!(
        "Deciding between {} and {}: {}.",
        name(pack, c.leaders[0]),
        name(pack, c.leaders[1]),
        named.join("; ")
    ))
}

fn name(pack: &Pack, c: usize) -> &str {
    pack.candidates().get(c).map_or("?", |c| c.name.as_str())
}

fn change_words(pack: &Pack, effective: &[Option<Answer>], c: &Change) -> String {
    let Some(q) = pack.questions().get(c.question) else {
        return String::new();
    };
    let new = q.describe(&c.answer);
    let old = effective.get(c.question).and_then(Option::as_ref);
    if let (Some(Answer::Choices(before)), Answer::Choices(after)) = (old, &c.answer) {
        return asked(&q.prompt, &ticks(q, before, after));
    }
    match old {
        Some(old) => asked(&q.prompt, &format!("{new} instead of {}", q.describe(old))),
        None => asked(&q.prompt, &new),
    }
}

/// A change to a multiple choice as what it ticks and unticks: "also ticking PCI DSS",
/// "unticking GDPR", "also ticking A, and unticking B": the choices kept go unsaid.
fn ticks(q: &crate::pack::Question, before: &[usize], after: &[usize]) -> String {
    let label = |i: &usize| q.kind.options().get(*i).map_or("?", |c| c.label.as_str());
    let added: Vec<&str> = after
        .iter()
        .filter(|i| !before.contains(i))
        .map(label)
        .collect();
    let removed: Vec<&str> = before
        .iter()
        .filter(|i| !after.contains(i))
        .map(label)
        .collect();
    match (added.is_empty(), removed.is_empty()) {
        (false, true) => format!("also ticking {}", join_and(&added)),
        (true, false) => format!("unticking {}", join_and(&removed)),
        (false, false) => format!(
            "also ticking {}, and unticking {}",
            join_and(&added),
            join_and(&removed)
        ),
        (true, true) => q.describe(&Answer::Choices(after.to_vec())),
    }
}

/// A question and its answer in one phrase: "How urgent is it? Within a month". The
/// answer follows the prompt with no brackets, which labels often hold themselves
/// ("Established (recruiting, HR, onboarding)"); a prompt that does not end in a
/// question mark or colon gets a colon.
fn asked(prompt: &str, answer: &str) -> String {
    if prompt.ends_with(['?', ':']) {
        format!("{prompt} {answer}")
    } else {
        format!("{prompt}: {answer}")
    }
}

/// "In-house would lead by 4 points", or the level, ruled-out and none-fits variants.
fn outcome_words(pack: &Pack, o: &Outcome) -> String {
    match &o.pick {
        Pick::NoneFits => "every option would be ruled out".to_string(),
        Pick::Level(set) => {
            let names: Vec<&str> = set.iter().map(|&c| name(pack, c)).collect();
            format!("{} would be level", join_and(&names))
        }
        Pick::One(w) => {
            let w_name = name(pack, *w);
            match o.runner_up {
                None => format!("{w_name} would be the only option"),
                Some(r) if o.vetoed[r] => {
                    format!("{w_name} would lead, with {} ruled out", name(pack, r))
                }
                Some(_) => format!("{w_name} would lead by {}", crate::score::points(o.margin)),
            }
        }
    }
}

/// "A", "A and B", "A, B and C".
pub fn join_and(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => one.to_string(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}
