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

/// "Deciding between In-house and Freelance: How urgent is it? (Within a month); …",
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
            Some(format!("{} ({})", q.prompt, q.describe(a)))
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
    match effective.get(c.question).and_then(Option::as_ref) {
        Some(old) => format!("{} {new} instead of {}", q.prompt, q.describe(old)),
        None => format!("{} {new}", q.prompt),
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
