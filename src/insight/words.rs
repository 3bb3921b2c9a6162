//! The insight in words, built from the pack's own prompts, labels and candidate names;
//! the only wording added here is the few joining words, and the budget a change keeps.

use super::{Change, CloseCall, Outcome, WhatIf, WhatIfPair};
use crate::answers::Answers;
use crate::pack::{Answer, Pack};
use crate::score::Pick;

/// How many deciding questions a close-call sentence names.
const DECIDERS_NAMED: usize = 3;

/// "How long will you need backend engineering? Over a year instead of 3 to 12 months:
/// In-house would lead by 4 points."
///
/// A change that brings other questions into view names the answers they then take, and
/// one that takes questions out names them (`view`, as [`view_change`] gives it): the
/// result was worked out so. One that moves an option across a point the budget rules compare names the budget it
/// keeps (see `budget_words`).
pub fn what_if_sentence(
    pack: &Pack,
    effective: &[Option<Answer>],
    w: &WhatIf,
    view: &ViewChange,
) -> String {
    let mut s = String::with_capacity(128);
    change_words(&mut s, pack, effective, &w.change);
    view_words(&mut s, pack, view);
    budget_words(&mut s, pack, effective, &[&w.change], view);
    s.push_str(": ");
    s.push_str(&outcome_words(pack, &w.outcome));
    s.push('.');
    s
}

/// Both changes, joined by "and", then the result, as in [`what_if_sentence`].
pub fn pair_sentence(
    pack: &Pack,
    effective: &[Option<Answer>],
    p: &WhatIfPair,
    view: &ViewChange,
) -> String {
    let mut s = String::with_capacity(192);
    change_words(&mut s, pack, effective, &p.changes[0]);
    s.push_str("; and ");
    change_words(&mut s, pack, effective, &p.changes[1]);
    view_words(&mut s, pack, view);
    budget_words(
        &mut s,
        pack,
        effective,
        &[&p.changes[0], &p.changes[1]],
        view,
    );
    s.push_str(": ");
    s.push_str(&outcome_words(pack, &p.outcome));
    s.push('.');
    s
}

/// "Deciding between In-house and Freelance: How urgent is it? Within a month; …" (on a
/// tie of three or more, "Deciding among A, B and C: …"), naming the most telling
/// questions with their current answers; `None` when no question decides between them
/// (the difference comes from rules that always apply).
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
    let names: Vec<&str> = c.leaders.iter().map(|&l| name(pack, l)).collect();
    let word = if names.len() > 2 { "among" } else { "between" };
    Some(format!(
        "Deciding {word} {}: {}.",
        join_and(&names),
        named.join("; ")
    ))
}

fn name(pack: &Pack, c: usize) -> &str {
    pack.candidates().get(c).map_or("?", |c| c.name.as_str())
}

/// The change as its question and new answer, onto `out`.
fn change_words(out: &mut String, pack: &Pack, effective: &[Option<Answer>], c: &Change) {
    let Some(q) = pack.questions().get(c.question) else {
        return;
    };
    let old = effective.get(c.question).and_then(Option::as_ref);
    if let (Some(Answer::Choices(before)), Answer::Choices(after)) = (old, &c.answer) {
        return asked_into(out, &q.prompt, &ticks(q, before, after));
    }
    asked_into(out, &q.prompt, &q.describe(&c.answer));
    if let Some(old) = old {
        out.push_str(" instead of ");
        out.push_str(&q.describe(old));
    }
}

/// What changes to the answers do to the questions asked.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ViewChange {
    /// The questions the changes bring into force, with the answers they then take.
    pub brought_in: Vec<(usize, Answer)>,
    /// The questions in force now that the changes take out (and whose rules then stop
    /// counting).
    pub taken_out: Vec<usize>,
}

/// What `changes` do to the questions asked: those [`Answers::effective`] gives once the
/// changes are made where the current answers have none, and those it then leaves out
/// that are asked now, neither named by the changes.
pub fn view_change(
    pack: &Pack,
    given: &Answers,
    effective: &[Option<Answer>],
    changes: &[&Change],
) -> ViewChange {
    if !changes.iter().any(|c| pack.shows_others(c.question)) {
        return ViewChange::default();
    }
    let mut changed = given.clone();
    for c in changes {
        changed.set(c.question, c.answer.clone());
    }
    let mut view = ViewChange::default();
    for (j, now) in changed.effective(pack).into_iter().enumerate() {
        if changes.iter().any(|c| c.question == j) {
            continue;
        }
        match (effective.get(j).and_then(Option::as_ref), now) {
            (None, Some(now)) => view.brought_in.push((j, now)),
            (Some(_), None) => view.taken_out.push(j),
            _ => {}
        }
    }
    view
}

/// ", with How big is the team? 4 engineers and Which regulations apply? no longer
/// asked": the answers the changes bring in, then the questions they take out.
fn view_words(out: &mut String, pack: &Pack, view: &ViewChange) {
    let mut first = true;
    let mut sep = |out: &mut String| {
        out.push_str(if first { ", with " } else { " and " });
        first = false;
    };
    for (j, a) in &view.brought_in {
        let Some(q) = pack.questions().get(*j) else {
            continue;
        };
        sep(out);
        asked_into(out, &q.prompt, &q.describe(a));
    }
    for j in &view.taken_out {
        let Some(q) = pack.questions().get(*j) else {
            continue;
        };
        sep(out);
        out.push_str(&q.prompt);
        out.push_str(" no longer asked");
    }
}

/// ", keeping your budget of 500,000 US dollars for the whole of the work": when a
/// budget figure is given and `changes`, none of them to the figure itself, move an
/// option across a point of its estimate that the pack's budget tests compare (the same
/// total over fewer months, the same month's budget for a larger team), with the same
/// figure in force after them. The result then rests on that figure, which the reader
/// sized for the answers as they are. `view` is what the changes do to the questions
/// asked (see [`view_change`]).
fn budget_words(
    out: &mut String,
    pack: &Pack,
    effective: &[Option<Answer>],
    changes: &[&Change],
    view: &ViewChange,
) {
    let Some(order) = pack.budget_order() else {
        return;
    };
    let Some(model) = order.budget() else { return };
    let Some(figure) = model.figure(effective) else {
        return;
    };
    let reads = |q: usize| {
        order
            .questions()
            .chain(order.budget_questions())
            .any(|x| x == q)
    };
    if changes
        .iter()
        .any(|c| c.question == model.amount || c.question == model.basis)
        || !changes
            .iter()
            .any(|c| reads(c.question) || pack.shows_others(c.question))
    {
        return;
    }
    // The answers in force after the changes: theirs, with the questions they bring in
    // and without those they take out, as `view_change` worked them out.
    let mut changed = effective.to_vec();
    let set = |changed: &mut Vec<Option<Answer>>, q: usize, a: Option<Answer>| {
        if let Some(slot) = changed.get_mut(q) {
            *slot = a;
        }
    };
    for c in changes {
        set(&mut changed, c.question, Some(c.answer.clone()));
    }
    for (q, a) in &view.brought_in {
        set(&mut changed, *q, Some(a.clone()));
    }
    for &q in &view.taken_out {
        set(&mut changed, q, None);
    }
    if model.figure(&changed) != Some(figure)
        || pack.budget_fits(effective) == pack.budget_fits(&changed)
    {
        return;
    }
    let Some(q) = pack.questions().get(model.amount) else {
        return;
    };
    out.push_str(", keeping your budget of ");
    out.push_str(&q.describe(&Answer::Number(figure.amount)));
    out.push_str(match figure.basis {
        crate::pack::BudgetBasis::PerMonth => " a month",
        crate::pack::BudgetBasis::Total => " for the whole of the work",
    });
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
    let mut s = String::with_capacity(prompt.len() + answer.len() + 2);
    asked_into(&mut s, prompt, answer);
    s
}

/// [`asked`], onto `out`.
fn asked_into(out: &mut String, prompt: &str, answer: &str) {
    out.push_str(prompt);
    out.push_str(if prompt.ends_with(['?', ':']) {
        " "
    } else {
        ": "
    });
    out.push_str(answer);
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
