//! A group: several people's answers to one pack, side by side. Where they disagree, what
//! each of them would be recommended, the group's profile (the consensus answer to each
//! question) with its recommendation, and which disagreements change that
//! recommendation.
//!
//! **Consensus.** Each question is decided among the members it is asked of (their
//! answers in force): a single choice or yes/no by strict majority, a multiple choice
//! option by option (an option is in when more than half tick it), a number by the
//! median, rounded to the question's step (halves down) and kept in range. A question
//! without a strict majority (for a multiple choice: an option ticked by exactly half,
//! or a set the limits had to correct; for a number: no value given by more than half)
//! is *open*. An open choice takes, among the answers with the most votes, the pack's
//! suggested answer if it is one of them, else the first in the pack's order; an option
//! ticked by exactly half is in when the suggested answer ticks it.
//!
//! The profile is an answer set like any other: visibility is decided in the pack's
//! order under the consensus answers, so a question the profile does not ask takes no
//! answer, and a question nobody was asked but the profile asks takes its suggested
//! answer (and is open).
//!
//! **Which disagreements change the answer.** Each answer a member gives to a question
//! of disagreement, other than the consensus, is swapped into the profile and the
//! profile re-scored (a question the swap brings into view takes its consensus, or its
//! suggested answer when nobody was asked it). A swap changes the answer when it gives
//! another pick or another state (clear, close call, tie, none fits). When no single
//! swap changes who is recommended, pairs of swaps on two questions are tried, up to
//! [`PAIR_BUDGET`]: those that change who is recommended count (and, where no single swap
//! changes anything, those that change the state).

use super::{State, state};
use crate::answers::Answers;
use crate::pack::{Answer, Kind, Pack, Question};
use crate::score::{Pick, Verdict, score};
use crate::wizard::Event;

/// Most pairs of swaps tried.
pub const PAIR_BUDGET: usize = 5_000;

/// Most pairs of swaps listed.
pub const PAIR_LIMIT: usize = 10;

/// One member's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberResult {
    /// Their answers in force.
    pub effective: Vec<Option<Answer>>,
    /// Their verdict.
    pub verdict: Verdict,
    /// How settled it is.
    pub state: State,
}

/// One question across the group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// Question index.
    pub question: usize,
    /// Each member's answer in force (`None`: not asked of them).
    pub answers: Vec<Option<Answer>>,
    /// Whether the members' answers in force differ, "not asked" counting as one.
    pub disagree: bool,
    /// The profile's answer in force (`None`: the profile does not ask it).
    pub consensus: Option<Answer>,
    /// Whether the profile asks it and no strict majority decided it.
    pub open: bool,
}

/// One answer swapped into the profile, and what the profile gives with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Swap {
    /// Question index.
    pub question: usize,
    /// The answer taken instead of the consensus.
    pub answer: Answer,
    /// The members who gave it, ascending.
    pub members: Vec<usize>,
}

/// What a changed profile gives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Its verdict.
    pub verdict: Verdict,
    /// How settled it is.
    pub state: State,
}

impl Outcome {
    /// What the verdict picks.
    pub fn pick(&self) -> &Pick {
        &self.verdict.pick
    }
}

/// A swap tried, and whether it changes the profile's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tried {
    /// The swap.
    pub swap: Swap,
    /// The profile's result with it.
    pub outcome: Outcome,
    /// Whether that differs from the profile's result (pick or state).
    pub changes: bool,
}

/// Two swaps on two questions that together change the profile's result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairChange {
    /// The swaps, in the pack's order of questions.
    pub swaps: [Swap; 2],
    /// The profile's result with both.
    pub outcome: Outcome,
}

/// The whole group.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    /// Each member's result, in the order given.
    pub members: Vec<MemberResult>,
    /// Every question asked of anyone or of the profile: disagreements first, then the
    /// pack's order.
    pub rows: Vec<Row>,
    /// The consensus answers given (also to questions the profile does not ask, which
    /// return when a swap brings them into view).
    pub consensus: Answers,
    /// The profile's answers in force.
    pub profile: Vec<Option<Answer>>,
    /// The profile's result.
    pub outcome: Outcome,
    /// Every single swap tried, in the order of `rows`.
    pub tried: Vec<Tried>,
    /// When no single swap changes who is recommended: pairs that do (or, where no single
    /// swap changes anything, that change the state), at most [`PAIR_LIMIT`].
    pub pairs: Vec<PairChange>,
    /// Whether every pair was tried (false when [`PAIR_BUDGET`] ran out first).
    pub pairs_complete: bool,
}

impl Group {
    /// The single swaps that change the result.
    pub fn changing(&self) -> impl Iterator<Item = &Tried> {
        self.tried.iter().filter(|t| t.changes)
    }

    /// The open questions the profile asks, in the pack's order.
    pub fn open(&self) -> Vec<usize> {
        let mut v: Vec<usize> = self
            .rows
            .iter()
            .filter(|r| r.open)
            .map(|r| r.question)
            .collect();
        v.sort_unstable();
        v
    }

    /// The profile as answers given: exactly its answers in force.
    pub fn profile_answers(&self) -> Answers {
        given_from(&self.profile)
    }
}

/// Answers given that are exactly `effective`.
pub fn given_from(effective: &[Option<Answer>]) -> Answers {
    let mut a = Answers::new(effective.len());
    for (q, x) in effective.iter().enumerate() {
        if let Some(x) = x {
            a.set(q, x.clone());
        }
    }
    a
}

/// What answers in force give: their verdict and state.
pub fn outcome_of(pack: &Pack, effective: &[Option<Answer>]) -> Outcome {
    Outcome {
        verdict: score(pack, effective),
        state: state(pack, &given_from(effective)),
    }
}

/// The profile with `swaps` taken instead of the consensus, as answers in force.
pub fn swapped(pack: &Pack, consensus: &Answers, swaps: &[&Swap]) -> Vec<Option<Answer>> {
    let mut given = consensus.clone();
    for s in swaps {
        given.set(s.question, s.answer.clone());
    }
    given.effective(pack)
}

/// Group the members' answers given (at least one; two or more to be of use).
pub fn group(pack: &Pack, members: &[Answers]) -> Group {
    let results: Vec<MemberResult> = members
        .iter()
        .map(|a| {
            let effective = a.effective(pack);
            MemberResult {
                verdict: score(pack, &effective),
                state: state(pack, a),
                effective,
            }
        })
        .collect();
    let n = pack.questions().len();
    let mut consensus = Answers::new(n);
    let mut decided = vec![false; n];
    for (q, question) in pack.questions().iter().enumerate() {
        let votes: Vec<&Answer> = results
            .iter()
            .filter_map(|m| m.effective.get(q).and_then(Option::as_ref))
            .collect();
        if let Some((answer, majority)) = decide(question, &votes) {
            consensus.set(q, answer);
            decided[q] = majority;
        }
    }
    let profile = consensus.effective(pack);
    let outcome = outcome_of(pack, &profile);
    let mut rows: Vec<Row> = (0..n)
        .filter_map(|q| {
            let answers: Vec<Option<Answer>> =
                results.iter().map(|m| m.effective[q].clone()).collect();
            let asked: Vec<&Answer> = answers.iter().flatten().collect();
            if asked.is_empty() && profile[q].is_none() {
                return None;
            }
            // Asked of one member and not of another is a difference too: "they agree"
            // would be false of it.
            let disagree = answers.iter().any(|a| *a != answers[0]);
            Some(Row {
                question: q,
                disagree,
                consensus: profile[q].clone(),
                open: profile[q].is_some() && !decided[q],
                answers,
            })
        })
        .collect();
    rows.sort_by_key(|r| (!r.disagree, r.question));

    let mut tried = Vec::new();
    for row in rows.iter().filter(|r| r.disagree) {
        let Some(current) = &row.consensus else {
            continue; // the profile does not ask it: no answer to it can count
        };
        let mut seen: Vec<&Answer> = Vec::new();
        for a in row.answers.iter().flatten() {
            if a == current || seen.contains(&a) {
                continue;
            }
            seen.push(a);
            let swap = Swap {
                question: row.question,
                answer: a.clone(),
                members: (0..results.len())
                    .filter(|&m| row.answers[m].as_ref() == Some(a))
                    .collect(),
            };
            let o = outcome_of(pack, &swapped(pack, &consensus, &[&swap]));
            tried.push(Tried {
                changes: differs(&o, &outcome),
                swap,
                outcome: o,
            });
        }
    }

    // Pairs are tried when no single swap changes who is recommended: then a pair counts
    // if it does, or, where no single swap changes anything, if it changes the state.
    let single_state = tried.iter().any(|t| t.changes);
    let single_pick = tried.iter().any(|t| t.outcome.pick() != outcome.pick());
    let mut pairs = Vec::new();
    let mut pairs_complete = true;
    if !single_pick {
        let mut budget = PAIR_BUDGET;
        'outer: for (i, a) in tried.iter().enumerate() {
            for b in &tried[i + 1..] {
                if a.swap.question == b.swap.question {
                    continue;
                }
                if pairs.len() >= PAIR_LIMIT {
                    break 'outer;
                }
                if budget == 0 {
                    pairs_complete = false;
                    break 'outer;
                }
                budget -= 1;
                let (x, y) = if a.swap.question < b.swap.question {
                    (&a.swap, &b.swap)
                } else {
                    (&b.swap, &a.swap)
                };
                let o = outcome_of(pack, &swapped(pack, &consensus, &[x, y]));
                let counts = if single_state {
                    o.pick() != outcome.pick()
                } else {
                    differs(&o, &outcome)
                };
                if counts {
                    pairs.push(PairChange {
                        swaps: [x.clone(), y.clone()],
                        outcome: o,
                    });
                }
            }
        }
    }

    Group {
        members: results,
        rows,
        consensus,
        profile,
        outcome,
        tried,
        pairs,
        pairs_complete,
    }
}

/// The wizard events that start a session pre-filled with `profile` (answers in force)
/// in which the `open` questions are asked first: every answer given, then a settle that
/// leaves the open ones to be asked, in order, before the review. With nothing open, the
/// session stands at the review.
pub fn settle_events(profile: &[Option<Answer>], open: &[usize]) -> Vec<Event> {
    let asked = |q: usize| profile.get(q).is_some_and(Option::is_some);
    let mut events: Vec<Event> = profile
        .iter()
        .enumerate()
        .filter_map(|(q, a)| {
            a.as_ref().map(|a| Event::Answer {
                question: q,
                answer: a.clone(),
            })
        })
        .collect();
    events.push(Event::Settle(
        open.iter().copied().filter(|&q| asked(q)).collect(),
    ));
    events
}

/// Whether two results differ in what they pick or in how settled they are.
pub fn differs(a: &Outcome, b: &Outcome) -> bool {
    a.verdict.pick != b.verdict.pick || a.state != b.state
}

/// The consensus of `votes` on `question`, and whether a strict majority decided it;
/// `None` when nobody was asked.
pub fn decide(question: &Question, votes: &[&Answer]) -> Option<(Answer, bool)> {
    if votes.is_empty() {
        return None;
    }
    let n = votes.len();
    match &question.kind {
        Kind::Number { min, max, step, .. } => {
            let mut v: Vec<i64> = votes
                .iter()
                .filter_map(|a| match a {
                    Answer::Number(x) => Some(*x),
                    _ => None,
                })
                .collect();
            if v.is_empty() {
                return None;
            }
            v.sort_unstable();
            let doubled = i128::from(v[(v.len() - 1) / 2]) + i128::from(v[v.len() / 2]);
            let value = on_grid(doubled, *min, *max, *step);
            let top = v
                .iter()
                .map(|x| v.iter().filter(|y| *y == x).count())
                .max()
                .unwrap_or(0);
            Some((Answer::Number(value), top * 2 > n))
        }
        Kind::Multiple { options, min, max } => {
            let count = |o: usize| {
                votes
                    .iter()
                    .filter(|a| matches!(a, Answer::Choices(s) if s.contains(&o)))
                    .count()
            };
            let counts: Vec<usize> = (0..options.len()).map(count).collect();
            let suggested =
                |o: usize| matches!(&question.default, Answer::Choices(s) if s.contains(&o));
            let mut set: Vec<usize> = (0..options.len())
                .filter(|&o| counts[o] * 2 > n || (counts[o] * 2 == n && suggested(o)))
                .collect();
            let mut majority = counts.iter().all(|&c| c * 2 != n);
            // By votes, most first, then the pack's order: who joins or leaves first.
            let mut by_votes: Vec<usize> = (0..options.len()).collect();
            by_votes.sort_by_key(|&o| (std::cmp::Reverse(counts[o]), o));
            if set.len() < *min {
                majority = false;
                for &o in &by_votes {
                    if set.len() >= *min {
                        break;
                    }
                    if !set.contains(&o) {
                        set.push(o);
                    }
                }
            }
            if set.len() > *max {
                majority = false;
                let keep: Vec<usize> = by_votes
                    .iter()
                    .copied()
                    .filter(|o| set.contains(o))
                    .take(*max)
                    .collect();
                set = keep;
            }
            set.sort_unstable();
            Some((Answer::Choices(set), majority))
        }
        Kind::Single { .. } | Kind::YesNo => {
            let mut tally: Vec<(&Answer, usize)> = Vec::new();
            for a in votes {
                match tally.iter_mut().find(|(x, _)| x == a) {
                    Some(t) => t.1 += 1,
                    None => tally.push((a, 1)),
                }
            }
            let top = tally.iter().map(|t| t.1).max().unwrap_or(0);
            let mut leaders: Vec<&Answer> =
                tally.iter().filter(|t| t.1 == top).map(|t| t.0).collect();
            leaders.sort_by_key(|a| order_key(a));
            let chosen = leaders
                .iter()
                .find(|a| ***a == question.default)
                .or(leaders.first())
                .map(|a| (*a).clone())?;
            Some((chosen, top * 2 > n))
        }
    }
}

/// Options in the pack's order, no before yes.
fn order_key(a: &Answer) -> (usize, bool) {
    match a {
        Answer::Choice(i) => (*i, false),
        Answer::Bool(b) => (0, *b),
        _ => (0, false),
    }
}

/// Half of `doubled`, moved to the nearest value `min + k × step` (halves down) within
/// `min..=max`.
fn on_grid(doubled: i128, min: i64, max: i64, step: i64) -> i64 {
    let (min, max, step) = (i128::from(min), i128::from(max), i128::from(step.max(1)));
    let num = doubled - 2 * min;
    let den = 2 * step;
    let floor = num.div_euclid(den);
    let k = if num.rem_euclid(den) * 2 > den {
        floor + 1
    } else {
        floor
    };
    let top = ((max - min) / step).max(0);
    let v = min + k.clamp(0, top) * step;
    i64::try_from(v).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::on_grid;

    #[test]
    fn medians_land_on_the_grid_in_range() {
        assert_eq!(on_grid(2 * 4, 1, 50, 1), 4);
        assert_eq!(on_grid(3 + 4, 1, 50, 1), 3); // 3.5: halves down
        assert_eq!(on_grid(2 * 6, 0, 100, 5), 5); // 6 → 5
        assert_eq!(on_grid(2 * 8, 0, 100, 5), 10); // 8 → 10
        assert_eq!(on_grid(2 * 99, 0, 97, 5), 95); // kept in range
        assert_eq!(on_grid(-10, 0, 10, 1), 0);
    }
}
