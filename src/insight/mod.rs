//! Decision insight: what would change the recommendation, what decides a close call,
//! which rules carry the decision, and how two sets of answers compare.
//!
//! Everything here is pure and fast enough to run after every answer in the wizard.
//!
//! **What if.** Every visible question (but one its pack marks `what_if: false`, which
//! says how another answer is stated) is tried with each other answer worth trying
//! (see `alternatives` for which answers and how big a change each is). Changes
//! always go through the answers given, so a change that shows or hides later questions
//! is scored with those questions asked or not, exactly as [`Answers::effective`] would.
//! The changes that give a different winner are listed smallest first, then by the new
//! winner's lead (larger first: among equally small changes, the one that changes the
//! result most decisively is the most telling), then in the pack's order; a change that
//! leaves no option comes after those that leave one, at its size. Left out as more of
//! the same: for a multiple choice question, a change that only adds switches to a
//! smaller change already listed with the same new winner; for a number, a change
//! further the same way than a smaller one listed with the same result.
//!
//! **Pairs.** When no single change changes the winner, pairs of changes to two
//! different questions are tried (two of the single changes, or one of them and a change
//! to a question it brings into view), with the size of a pair the sum of its parts, smallest pairs first, until [`PAIR_LIMIT`] are found
//! (the whole tier of the last size is always finished, so the result does not depend on
//! the order of trying) or [`PAIR_BUDGET`] pairs were tried. A pair of the same two
//! questions bigger than one found, for the same result, is left out as more of the
//! same.
//!
//! **Proofs before re-scoring.** A change is re-scored only where it reaches (the
//! questions it shows or hides, the rules reading them), and not at all when a bound
//! proves it cannot unseat the winner: no rule it reaches rules anyone out, and even if
//! every rule it reaches turned in another candidate's favour, none would catch up. A
//! pair ruled out that way counts as tried, so the budget and the result are the same as
//! re-scoring it would give.

pub(crate) mod alternatives;
mod compare;
pub mod group;
mod probe;
mod state;
mod words;

pub use compare::{Comparison, Difference, compare};
pub use probe::Outcome;
pub use state::{State, state};
pub use words::{
    ViewChange, close_call_sentence, join_and, pair_sentence, view_change, what_if_sentence,
};

use crate::answers::Answers;
use crate::pack::{Answer, Pack};
use crate::score::Pick;
use probe::{Probe, Tally};

/// Most pairs of changes listed.
pub const PAIR_LIMIT: usize = 10;

/// Most pairs of changes tried, so that the analysis stays fast on any pack.
pub const PAIR_BUDGET: usize = 20_000;

/// One answer changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Question index.
    pub question: usize,
    /// The answer given instead.
    pub answer: Answer,
    /// How big a change it is (see the module's notes): 1 is one step.
    pub size: u32,
}

/// A single change that gives a different winner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhatIf {
    /// The change.
    pub change: Change,
    /// The result with it.
    pub outcome: Outcome,
}

/// Two changes that together give a different winner.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WhatIfPair {
    /// The changes, in the order the questions are asked.
    pub changes: [Change; 2],
    /// The result with both.
    pub outcome: Outcome,
}

impl WhatIfPair {
    /// How big a change the pair is: the sum of its parts.
    pub fn size(&self) -> u32 {
        self.changes[0].size + self.changes[1].size
    }
}

/// What decides a result that is too close to call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CloseCall {
    /// The first in the ranking and its rival: the runner-up, or, when only one answer
    /// moved one step makes the call close, the option that step brings. On a tie of
    /// three or more: every option level at the top, in the ranking's order.
    pub leaders: Vec<usize>,
    /// The first's total minus the second's (negative when the second, ruled out, has
    /// more points).
    pub margin: i64,
    /// The questions that decide between them, most telling first.
    pub deciders: Vec<Decider>,
}

/// A question that decides between the two leaders of a close call.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decider {
    /// Question index.
    pub question: usize,
    /// Net points the rules reading this question give the first leader over the second
    /// (negative: they favour the second). Of three or more leaders: the spread between
    /// the most and the fewest they give any of them.
    pub points: i64,
    /// The leader those rules give the most, when one alone has it.
    pub favours: Option<usize>,
    /// Whether some other answer to it puts the second leader above the first (of three
    /// or more leaders: changes which are level at the top).
    pub flips: bool,
}

/// How much one fired rule matters.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleWeight {
    /// Rule index.
    pub rule: usize,
    /// Whether the winner changes without this rule: it carries the decision.
    pub decisive: bool,
    /// The result without it.
    pub without: Outcome,
}

/// The whole analysis of one set of answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Insight {
    /// The result of the answers as they are.
    pub current: Outcome,
    /// Single changes that give a different winner, smallest first.
    pub what_if: Vec<WhatIf>,
    /// When no single change does: the smallest pairs that do.
    pub what_if_pairs: Vec<WhatIfPair>,
    /// Whether every pair was tried that could belong in `what_if_pairs` (false when the
    /// budget ran out first).
    pub pairs_complete: bool,
    /// When the result is too close to call: what decides it.
    pub close_call: Option<CloseCall>,
    /// Every fired rule, in the pack's order, and whether it carries the decision.
    pub rules: Vec<RuleWeight>,
}

impl Insight {
    /// Whether rule `r` fired and carries the decision.
    pub fn is_decisive(&self, r: usize) -> bool {
        self.rules.iter().any(|w| w.rule == r && w.decisive)
    }
}

/// Every single change worth trying for the answers given, in the order tried.
pub fn changes(pack: &Pack, answers: &Answers) -> Vec<Change> {
    let tested = alternatives::tested(pack);
    changes_with(pack, &tested, &answers.effective(pack))
}

fn changes_with(
    pack: &Pack,
    tested: &[alternatives::Tested],
    effective: &[Option<Answer>],
) -> Vec<Change> {
    let tested = &alternatives::at(pack, tested, effective);
    let mut out = Vec::new();
    for (q, (question, current)) in pack.questions().iter().zip(effective).enumerate() {
        let Some(current) = current else { continue };
        if !question.what_if {
            continue;
        }
        for (answer, size) in alternatives::alternatives(question, &tested[q], current) {
            out.push(Change {
                question: q,
                answer,
                size,
            });
        }
    }
    out
}

/// How big a change from `from` to `to` is for question `question`, measured as the
/// what-if ordering measures it, for any two valid answers.
pub fn change_size(pack: &Pack, question: usize, from: &Answer, to: &Answer) -> u32 {
    let tested = alternatives::tested(pack);
    match (pack.questions().get(question), tested.get(question)) {
        (Some(q), Some(t)) => alternatives::size(q, t, from, to),
        _ => 0,
    }
}

/// [`change_size`] where the other answers in force are `effective`: where a budget's
/// amount or the team size crosses what fits depends on them.
pub fn change_size_in(
    pack: &Pack,
    effective: &[Option<Answer>],
    question: usize,
    from: &Answer,
    to: &Answer,
) -> u32 {
    let tested = alternatives::at(pack, &alternatives::tested(pack), effective);
    match (pack.questions().get(question), tested.get(question)) {
        (Some(q), Some(t)) => alternatives::size(q, t, from, to),
        _ => 0,
    }
}

/// Analyse the answers given: what if, pairs, close call and the rules that carry it.
pub fn analyse(pack: &Pack, answers: &Answers) -> Insight {
    let tested = alternatives::tested(pack);
    let mut probe = Probe::new(pack, answers);
    let current = probe.base().outcome();
    let all = changes_with(pack, &tested, probe.effective());
    // A change the probe proves keeps the pick is not re-scored here: it is no what-if
    // and decides no close call. The pair search works out its totals if it needs them.
    let mut tallies: Vec<Option<Tally>> = all
        .iter()
        .map(|c| {
            probe
                .may_unseat(&[c.question], &current.pick)
                .then(|| probe.tally(&[(c.question, &c.answer)]))
        })
        .collect();
    let outcomes: Vec<Option<Outcome>> = tallies
        .iter()
        .map(|t| t.as_ref().map(Tally::outcome))
        .collect();

    let mut what_if: Vec<WhatIf> = all
        .iter()
        .zip(&outcomes)
        .filter_map(|(c, o)| {
            let o = o.as_ref().filter(|o| o.pick != current.pick)?;
            Some(WhatIf {
                change: c.clone(),
                outcome: o.clone(),
            })
        })
        .collect();
    drop_supersets(&mut what_if, probe.effective());
    // A change that leaves no option comes after those that bring one, at its size: its
    // margin compares no winner.
    what_if.sort_by_key(|w| {
        (
            w.change.size,
            w.outcome.pick == Pick::NoneFits,
            std::cmp::Reverse(w.outcome.margin),
            w.change.question,
        )
    });

    let (what_if_pairs, pairs_complete) = if what_if.is_empty() {
        pairs(pack, &tested, &mut probe, &all, &mut tallies, &current.pick)
    } else {
        (Vec::new(), true)
    };

    // Close as the report's state has it (see [`State::of`]): by the margin, or because
    // one step changes the winner; what decides it is worked out in either case.
    // The other leader is the runner-up of a narrow margin; when only a step makes the
    // call close, it is the option the first step that brings one puts level or ahead,
    // which may be one ruled out now and so not the runner-up (the runner-up, when every
    // such step leaves no option). With no option now, there is no call to make.
    let verdict = crate::score::score(pack, probe.effective());
    let mut steps = what_if.iter().filter(|w| w.change.size == 1).peekable();
    let second = if current.pick == Pick::NoneFits {
        None
    } else if verdict.close {
        current.runner_up
    } else if steps.peek().is_some() {
        steps
            .find_map(|w| rival(&w.outcome.pick, current.winner, &verdict.ranking))
            .or(current.runner_up)
    } else {
        None
    };
    let close_call = second.map(|second| {
        let margin = verdict.scores[current.winner].saturating_sub(verdict.scores[second]);
        // A tie of three or more is decided among all of them, never a pair picked by
        // the pack's order.
        let leaders = match &current.pick {
            Pick::Level(set) if set.len() > 2 => verdict
                .ranking
                .iter()
                .copied()
                .filter(|c| set.contains(c))
                .collect(),
            _ => vec![current.winner, second],
        };
        close_call(
            pack,
            &probe,
            leaders,
            &current.pick,
            margin,
            &all,
            &outcomes,
        )
    });

    let rules = (0..pack.rules().len())
        .filter(|&r| probe.fires(r))
        .map(|r| {
            let without = probe.without_rule(r);
            RuleWeight {
                rule: r,
                decisive: without.pick != current.pick,
                without,
            }
        })
        .collect();

    Insight {
        current,
        what_if,
        what_if_pairs,
        pairs_complete,
        close_call,
        rules,
    }
}

/// The option other than `winner` that `pick` puts first: its one pick, or of the level
/// ones the first other than `winner` in the current `ranking` (never the pack's order).
/// None when every option is ruled out.
fn rival(pick: &Pick, winner: usize, ranking: &[usize]) -> Option<usize> {
    match pick {
        Pick::One(c) => Some(*c).filter(|&c| c != winner),
        Pick::Level(set) => ranking
            .iter()
            .copied()
            .find(|&c| c != winner && set.contains(&c)),
        Pick::NoneFits => None,
    }
}

/// Leave out multiple choice changes that switch everything a smaller listed change of
/// the same question switches, and more, for the same new winner; and number changes
/// that go further the same way than a smaller listed one, for the same result.
fn drop_supersets(list: &mut Vec<WhatIf>, effective: &[Option<Answer>]) {
    let switched = |w: &WhatIf| -> Option<Vec<usize>> {
        match (&w.change.answer, effective.get(w.change.question)) {
            (Answer::Choices(new), Some(Some(Answer::Choices(old)))) => {
                let mut s: Vec<usize> = new
                    .iter()
                    .filter(|x| !old.contains(x))
                    .chain(old.iter().filter(|x| !new.contains(x)))
                    .copied()
                    .collect();
                s.sort_unstable();
                Some(s)
            }
            _ => None,
        }
    };
    // A number moved further the same way for the same result says nothing more.
    let side = |w: &WhatIf| -> Option<std::cmp::Ordering> {
        match (&w.change.answer, effective.get(w.change.question)) {
            (Answer::Number(new), Some(Some(Answer::Number(old)))) => Some(new.cmp(old)),
            _ => None,
        }
    };
    let sets: Vec<Option<Vec<usize>>> = list.iter().map(switched).collect();
    // The changes come question by question: each is compared only within its own run,
    // so the work grows with the list, not its square.
    let mut run_of = vec![0..0; list.len()];
    let mut start = 0;
    for end in 1..=list.len() {
        if end == list.len() || list[end].change.question != list[start].change.question {
            run_of[start..end].fill(start..end);
            start = end;
        }
    }
    let keep: Vec<bool> = (0..list.len())
        .map(|i| {
            let run = run_of[i].clone();
            if let Some(way) = side(&list[i]) {
                return !run.into_iter().any(|j| {
                    j != i
                        && list[j].outcome.pick == list[i].outcome.pick
                        && list[j].outcome.margin == list[i].outcome.margin
                        && list[j].change.size < list[i].change.size
                        && side(&list[j]) == Some(way)
                });
            }
            let Some(a) = &sets[i] else { return true };
            !run.into_iter().any(|j| {
                j != i
                    && list[j].outcome.pick == list[i].outcome.pick
                    && sets[j]
                        .as_ref()
                        .is_some_and(|b| b.len() < a.len() && b.iter().all(|x| a.contains(x)))
            })
        })
        .collect();
    let mut k = keep.iter();
    list.retain(|_| *k.next().unwrap_or(&true));
}

/// The answers worth trying for one question, with the size of each change.
type Alternatives = Vec<(Answer, u32)>;

/// The smallest pairs of changes that give a different winner: two of the single
/// changes, or one of them and a change to a question it brings into view.
fn pairs(
    pack: &Pack,
    tested: &[alternatives::Tested],
    probe: &mut Probe,
    all: &[Change],
    tallies: &mut [Option<Tally>],
    current: &Pick,
) -> (Vec<WhatIfPair>, bool) {
    // The changes a pair is made of: `all`, then those to questions brought into view,
    // numbered on from the end of `all`.
    let mut shown_changes: Vec<Change> = Vec::new();
    // (size, first question, second question, i, j): tried in this order, which is
    // also the tuple's own, so the sort needs no lookups. Pairs the probe proves cannot
    // unseat the pick are counted in `per_size` (they count as tried) but not kept.
    let mut candidates: Vec<(u32, usize, usize, usize, usize)> = Vec::new();
    let mut per_size: Vec<usize> = Vec::new();
    // Whether a pair may unseat the pick depends on its two questions alone, not on the
    // answers tried. Per second question, the answer for the first question it was last
    // offered with: changes to one question come together, so each pair of questions is
    // worked out about once.
    let mut unseats: Vec<(usize, bool)> = vec![(usize::MAX, false); pack.questions().len()];
    let mut offer =
        |probe: &Probe, size: u32, (i, a): (usize, &Change), (j, b): (usize, &Change)| {
            let s = size as usize;
            if per_size.len() <= s {
                per_size.resize(s + 1, 0);
            }
            per_size[s] += 1;
            let (qa, qb) = (a.question, b.question);
            let known = &mut unseats[qb];
            if known.0 != qa {
                *known = (qa, probe.may_unseat(&[qa, qb], current));
            }
            if known.1 {
                candidates.push((size, qa, qb, i, j));
            }
        };
    for (i, a) in all.iter().enumerate() {
        for (j, b) in all.iter().enumerate().skip(i + 1) {
            if a.question != b.question {
                offer(probe, a.size + b.size, (i, a), (j, b));
            }
        }
    }
    let mut shown = Vec::new();
    // The answers worth trying for a question brought in depend on that question and its
    // answer then alone; many changes bring in the same one, so each is worked out once.
    // Per question: its answers then, each with the answers to try instead.
    let mut tries: Vec<Vec<(Answer, Alternatives)>> = vec![Vec::new(); pack.questions().len()];
    for (i, a) in all.iter().enumerate() {
        // Only changes that show another question need the answers in force redone.
        let shows = pack.shows_others(a.question)
            && pack.questions()[a.question + 1..]
                .iter()
                .enumerate()
                .any(|(k, q)| probe.effective()[a.question + 1 + k].is_none() && q.when.is_some());
        if !shows {
            continue;
        }
        probe.brings_in(a.question, &a.answer, &mut shown);
        for (q, now) in &shown {
            let q = *q;
            if !pack.questions()[q].what_if {
                continue;
            }
            let known = tries[q].iter().position(|(at, _)| at == now);
            let k = known.unwrap_or_else(|| {
                let answers = alternatives::alternatives(&pack.questions()[q], &tested[q], now);
                tries[q].push((now.clone(), answers));
                tries[q].len() - 1
            });
            for (answer, size) in &tries[q][k].1 {
                shown_changes.push(Change {
                    question: q,
                    answer: answer.clone(),
                    size: *size,
                });
                let j = all.len() + shown_changes.len() - 1;
                offer(
                    probe,
                    a.size + size,
                    (i, a),
                    (j, &shown_changes[j - all.len()]),
                );
            }
        }
    }
    // Tried smallest size first. The sizes are small whole numbers, so the pairs are
    // grouped by size in one counting pass rather than sorted: within a size every pair
    // is tried, so only the pairs found need an order, and they get the tuple's.
    let tiers = per_size.len();
    let mut start = vec![0usize; tiers + 1];
    for c in &candidates {
        start[c.0 as usize + 1] += 1;
    }
    for s in 1..start.len() {
        start[s] += start[s - 1];
    }
    let mut order = vec![0usize; candidates.len()];
    let mut next = start.clone();
    for (k, c) in candidates.iter().enumerate() {
        order[next[c.0 as usize]] = k;
        next[c.0 as usize] += 1;
    }
    let change = |k: usize| all.get(k).unwrap_or_else(|| &shown_changes[k - all.len()]);
    let mut found: Vec<(usize, WhatIfPair)> = Vec::new();
    let mut complete = true;
    let mut tally = probe.base().clone();
    let mut tried = 0;
    for size in 0..tiers {
        if per_size[size] == 0 {
            continue;
        }
        tried += per_size[size];
        // A new size begins: stop if enough were found, or if its whole tier does not
        // fit in the budget (every earlier pair was tried).
        if found.len() >= PAIR_LIMIT {
            break;
        }
        if tried > PAIR_BUDGET {
            complete = false;
            break;
        }
        for &k in &order[start[size]..start[size + 1]] {
            let (_, _, _, i, j) = candidates[k];
            let (a, b) = (change(i), change(j));
            // Changes that cannot touch each other add up; only the others are re-scored.
            if j < all.len() && probe.independent(a.question, b.question) {
                for x in [i, j] {
                    if tallies[x].is_none() {
                        let c = &all[x];
                        tallies[x] = Some(probe.tally(&[(c.question, &c.answer)]));
                    }
                }
                if let (Some(ta), Some(tb)) = (&tallies[i], &tallies[j]) {
                    Tally::combine_into(probe.base(), ta, tb, &mut tally);
                }
            } else {
                probe.tally_into(
                    &[(a.question, &a.answer), (b.question, &b.answer)],
                    &mut tally,
                );
            }
            if !tally.picks(current) {
                let outcome = tally.outcome();
                // A pair of the same two questions found smaller, for the same result,
                // already says it: this one is more of the same.
                let said = found.iter().any(|(_, p)| {
                    p.changes[0].question == a.question
                        && p.changes[1].question == b.question
                        && p.size() < a.size + b.size
                        && p.outcome.pick == outcome.pick
                        && p.outcome.margin == outcome.margin
                });
                if !said {
                    found.push((
                        k,
                        WhatIfPair {
                            changes: [a.clone(), b.clone()],
                            outcome,
                        },
                    ));
                }
            }
        }
    }
    // Every tuple differs (by i and j), so this is the one order.
    found.sort_unstable_by_key(|(k, p)| {
        (
            p.size(),
            std::cmp::Reverse(p.outcome.margin),
            candidates[*k],
        )
    });
    found.truncate(PAIR_LIMIT);
    (found.into_iter().map(|(_, p)| p).collect(), complete)
}

/// The questions that decide between the leaders: two, or every option level at the top
/// of a tie of three or more.
fn close_call(
    pack: &Pack,
    probe: &Probe,
    leaders: Vec<usize>,
    current: &Pick,
    margin: i64,
    all: &[Change],
    outcomes: &[Option<Outcome>],
) -> CloseCall {
    let nq = pack.questions().len();
    let k = leaders.len();
    // Per question, what the fired rules reading it give each leader (a rule that gives
    // them all the same tells none apart).
    let mut given = vec![0i64; nq * k];
    let mut qs = Vec::new();
    let mut pts = Vec::with_capacity(k);
    for (r, rule) in pack.rules().iter().enumerate() {
        if !probe.fires(r) {
            continue;
        }
        pts.clear();
        pts.extend(leaders.iter().map(|&c| rule.points_for(c)));
        if pts.iter().all(|p| *p == pts[0]) {
            continue;
        }
        qs.clear();
        if let Some(c) = &rule.when {
            c.questions_into(&mut qs);
        }
        qs.sort_unstable();
        qs.dedup();
        for &q in &qs {
            for (slot, p) in given[q * k..(q + 1) * k].iter_mut().zip(&pts) {
                *slot = slot.saturating_add(*p);
            }
        }
    }
    // Whether some other answer to the question swaps the two leaders, or, of more, changes
    // which are level at the top.
    let mut flips = vec![false; nq];
    for (c, o) in all.iter().zip(outcomes) {
        let Some(o) = o else { continue };
        if match leaders.as_slice() {
            [a, b] => o.ranks_above(*b, *a),
            _ => o.pick != *current,
        } {
            flips[c.question] = true;
        }
    }
    let mut deciders: Vec<Decider> = (0..nq)
        .filter_map(|q| {
            let pts = &given[q * k..(q + 1) * k];
            let (points, favours) = match pts {
                // Signed: the first over the second.
                [a, b] => {
                    let d = a.saturating_sub(*b);
                    (d, (d != 0).then(|| leaders[usize::from(d < 0)]))
                }
                _ => {
                    let hi = pts.iter().copied().max().unwrap_or(0);
                    let lo = pts.iter().copied().min().unwrap_or(0);
                    let top: Vec<usize> = (0..k).filter(|&i| pts[i] == hi).collect();
                    let favours = (top.len() == 1).then(|| leaders[top[0]]);
                    (hi.saturating_sub(lo), favours)
                }
            };
            let decides = flips[q] || points != 0;
            (pack.questions()[q].what_if && decides).then_some(Decider {
                question: q,
                points,
                favours,
                flips: flips[q],
            })
        })
        .collect();
    deciders.sort_by_key(|d| {
        (
            !d.flips,
            std::cmp::Reverse(d.points.saturating_abs()),
            d.question,
        )
    });
    CloseCall {
        leaders,
        margin,
        deciders,
    }
}
