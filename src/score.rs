//! Scoring: the answers in force, run through every rule, give each candidate a total,
//! a ranking and the reasons behind it.
//!
//! Ranking rule: a vetoed candidate ranks below every candidate not vetoed; within each
//! group, more points rank higher; equal points keep the pack's order of candidates for
//! display only. What the verdict picks is a [`Pick`]: one candidate, several level at
//! the top (a tie, which names no winner), or none when every candidate is ruled out.
//! The pack's order is never presented as advice.

use crate::pack::{Answer, Pack, Slot};
use std::sync::Arc;

/// The outcome of scoring one set of answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verdict {
    /// Raw point total of each candidate, by candidate index.
    pub scores: Vec<i64>,
    /// Whether each candidate was vetoed, by candidate index.
    pub vetoed: Vec<bool>,
    /// Candidate indices, best first.
    pub ranking: Vec<usize>,
    /// Points between the first and the second in the ranking.
    pub margin: i64,
    /// Whether two or more candidates are level at the top (then none is recommended).
    pub tie: bool,
    /// What the scores pick: one candidate, a level group, or none.
    pub pick: Pick,
    /// Whether the margin is below the pack's `close_call` setting (or a tie).
    pub close: bool,
    /// The rules that fired, most decisive first.
    pub fired: Vec<Fired>,
}

/// A rule that fired.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fired {
    /// Rule index.
    pub rule: usize,
    /// Points it gave, as (candidate index, points); shared with the rule, not copied.
    pub points: Arc<[(usize, i64)]>,
    /// Candidates it vetoed.
    pub vetoes: Arc<[usize]>,
}

/// One line of explanation: a rule's effect on one candidate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reason {
    /// Rule index.
    pub rule: usize,
    /// Candidate index.
    pub candidate: usize,
    /// Points given (negative: taken away).
    pub points: i64,
    /// Whether the rule vetoed this candidate.
    pub veto: bool,
}

/// What a set of totals picks.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Pick {
    /// One candidate leads every other candidate that is not ruled out.
    One(usize),
    /// Two or more candidates share the top total (indices ascending): no winner.
    Level(Vec<usize>),
    /// Every candidate is ruled out.
    NoneFits,
}

impl Pick {
    /// What `scores` and `vetoed` (by candidate index) pick.
    pub fn of(scores: &[i64], vetoed: &[bool]) -> Pick {
        let mut top: Option<i64> = None;
        let mut count = 0usize;
        let mut first = 0usize;
        for (c, (&s, &v)) in scores.iter().zip(vetoed).enumerate() {
            if v {
                continue;
            }
            match top {
                Some(t) if s < t => {}
                Some(t) if s == t => count += 1,
                _ => {
                    top = Some(s);
                    count = 1;
                    first = c;
                }
            }
        }
        match (top, count) {
            (None, _) => Pick::NoneFits,
            (Some(_), 1) => Pick::One(first),
            (Some(t), _) => Pick::Level(
                (0..scores.len())
                    .filter(|&c| !vetoed[c] && scores[c] == t)
                    .collect(),
            ),
        }
    }

    /// Whether `c` is picked: recommended, or level at the top.
    pub fn includes(&self, c: usize) -> bool {
        match self {
            Pick::One(w) => *w == c,
            Pick::Level(set) => set.contains(&c),
            Pick::NoneFits => false,
        }
    }

    /// The recommended candidate, when one is.
    pub fn winner(&self) -> Option<usize> {
        match self {
            Pick::One(c) => Some(*c),
            _ => None,
        }
    }
}

impl Verdict {
    /// The first candidate in the ranking: the recommendation when [`Verdict::pick`] is
    /// [`Pick::One`], and only the first listed otherwise (see [`Verdict::recommended`]).
    pub fn winner(&self) -> usize {
        self.ranking[0]
    }

    /// The recommended candidate, or `None` on a tie or when every option is ruled out.
    pub fn recommended(&self) -> Option<usize> {
        self.pick.winner()
    }

    /// The candidates level at the top, ascending (empty unless it is a tie).
    pub fn level(&self) -> &[usize] {
        match &self.pick {
            Pick::Level(v) => v,
            _ => &[],
        }
    }

    /// The runner-up's index, when there is one.
    pub fn runner_up(&self) -> Option<usize> {
        self.ranking.get(1).copied()
    }

    /// Every (rule, candidate) effect, vetoes first, then by size of effect, then in
    /// the pack's order of rules and candidates.
    pub fn reasons(&self) -> Vec<Reason> {
        let mut out: Vec<Reason> = Vec::new();
        for f in &self.fired {
            for &c in f.vetoes.iter() {
                let points = f.points.iter().find(|(x, _)| *x == c).map_or(0, |p| p.1);
                out.push(Reason {
                    rule: f.rule,
                    candidate: c,
                    points,
                    veto: true,
                });
            }
            for &(c, points) in f.points.iter() {
                if points != 0 && !f.vetoes.contains(&c) {
                    out.push(Reason {
                        rule: f.rule,
                        candidate: c,
                        points,
                        veto: false,
                    });
                }
            }
        }
        out.sort_by_key(|r| {
            (
                !r.veto,
                std::cmp::Reverse(r.points.abs()),
                r.rule,
                r.candidate,
            )
        });
        out
    }

    /// The reasons that concern one candidate, in the order of [`Verdict::reasons`].
    pub fn reasons_for(&self, candidate: usize) -> Vec<Reason> {
        self.reasons()
            .into_iter()
            .filter(|r| r.candidate == candidate)
            .collect()
    }
}

/// Whether the runner-up is ruled out (then a small margin is no close call: nothing
/// but the ruled-out candidate is near).
fn runner_vetoed(ranking: &[usize], vetoed: &[bool]) -> bool {
    ranking.get(1).is_some_and(|&b| vetoed[b])
}

/// Score the answers in force (see [`crate::answers::Answers::effective`]).
pub fn score(pack: &Pack, effective: &[Option<Answer>]) -> Verdict {
    let n = pack.candidates().len();
    let mut scores = vec![0i64; n];
    let mut vetoed = vec![false; n];
    let mut fired = Vec::new();
    // Walking rules by impact leaves `fired` ranked without a sort.
    for &i in pack.rules_by_impact().iter() {
        let rule = &pack.rules()[i];
        if !rule.when.as_ref().is_none_or(|c| c.eval(effective)) {
            continue;
        }
        for &(c, p) in rule.points.iter() {
            scores[c] = scores[c].saturating_add(p);
        }
        for &c in rule.vetoes.iter() {
            vetoed[c] = true;
        }
        fired.push(Fired {
            rule: i,
            points: Arc::clone(&rule.points),
            vetoes: Arc::clone(&rule.vetoes),
        });
    }
    let mut ranking: Vec<usize> = (0..n).collect();
    ranking.sort_by_key(|&c| (vetoed[c], std::cmp::Reverse(scores[c]), c));
    let pick = Pick::of(&scores, &vetoed);
    let margin = match ranking.as_slice() {
        [a, b, ..] => scores[*a].saturating_sub(scores[*b]),
        _ => 0,
    };
    let tie = matches!(pick, Pick::Level(_));
    let close = match &pick {
        Pick::One(_) => {
            margin >= 0 && margin < pack.meta().close_call && !runner_vetoed(&ranking, &vetoed)
        }
        Pick::Level(_) => true,
        Pick::NoneFits => false,
    };
    Verdict {
        scores,
        vetoed,
        ranking,
        margin,
        tie,
        pick,
        close,
        fired,
    }
}

/// Scoring many profiles with one pack, as proving a pack does: the buffers of one
/// evaluation are kept for the next, so that once they have grown, evaluating a
/// profile (its answers in force, then its scores) allocates nothing. It decides as
/// [`score`] does; [`Verdict`] says why, for a report.
#[derive(Debug, Clone, Default)]
pub struct Scorer {
    effective: Vec<Option<Answer>>,
    /// The answers in force as the pack's compiled tests read them.
    slots: Vec<Slot>,
    /// Lists of choices kept from answers no longer in force, to hold the next ones.
    spare: Vec<Vec<usize>>,
    scores: Vec<i64>,
    vetoed: Vec<bool>,
}

/// What one evaluation decides: [`Verdict`]'s pick, margin and close call, without the
/// reasons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Outcome {
    /// The recommended candidate, when one leads.
    pub winner: Option<usize>,
    /// Whether two or more candidates are level at the top.
    pub tie: bool,
    /// Whether the result is a close call (a tie is one).
    pub close: bool,
    /// Points between the first and the second in the ranking.
    pub margin: i64,
}

impl Scorer {
    /// A scorer with empty buffers.
    pub fn new() -> Scorer {
        Scorer::default()
    }

    /// Evaluate `answers`: the answers in force, as [`crate::answers::Answers::effective`]
    /// gives them, then their scores.
    pub fn evaluate(&mut self, pack: &Pack, answers: &crate::answers::Answers) -> Outcome {
        self.fill(pack, answers);
        self.score(pack)
    }

    /// The answers in force of the last evaluation.
    pub fn effective(&self) -> &[Option<Answer>] {
        &self.effective
    }

    /// Each candidate's points in the last evaluation.
    pub fn scores(&self) -> &[i64] {
        &self.scores
    }

    /// Whether each candidate was ruled out in the last evaluation.
    pub fn vetoed(&self) -> &[bool] {
        &self.vetoed
    }

    fn fill(&mut self, pack: &Pack, answers: &crate::answers::Answers) {
        let questions = pack.questions();
        let eff = &mut self.effective;
        for slot in eff.iter_mut().skip(questions.len()) {
            if let Some(Answer::Choices(v)) = slot.take() {
                self.spare.push(v);
            }
        }
        eff.truncate(questions.len());
        eff.resize(questions.len(), None);
        // Not asked until filled in, as a question's condition sees the later ones.
        let slots = &mut self.slots;
        slots.clear();
        slots.resize(questions.len(), Slot::NOT_ASKED);
        for (i, q) in questions.iter().enumerate() {
            let asked = pack.asked_test(i).is_none_or(|t| t.eval(slots, &eff[..i]));
            let given = asked.then(|| answers.get(i).unwrap_or(&q.default));
            let slot = &mut eff[i];
            if let (Some(Answer::Choices(into)), Some(Answer::Choices(from))) =
                (slot.as_mut(), given)
            {
                into.clear();
                into.extend_from_slice(from);
                slots[i] = Slot::of(eff[i].as_ref());
                continue;
            }
            if let Some(Answer::Choices(v)) = slot.take() {
                self.spare.push(v);
            }
            *slot = given.map(|a| match a {
                Answer::Choices(from) => {
                    let mut v = self.spare.pop().unwrap_or_default();
                    v.clear();
                    v.extend_from_slice(from);
                    Answer::Choices(v)
                }
                other => other.clone(),
            });
            slots[i] = Slot::of(eff[i].as_ref());
        }
    }

    fn score(&mut self, pack: &Pack) -> Outcome {
        let n = pack.candidates().len();
        self.scores.clear();
        self.scores.resize(n, 0);
        self.vetoed.clear();
        self.vetoed.resize(n, false);
        for (r, rule) in pack.rules().iter().enumerate() {
            if !pack
                .rule_test(r)
                .is_none_or(|t| t.eval(&self.slots, &self.effective))
            {
                continue;
            }
            for &(c, p) in rule.points.iter() {
                self.scores[c] = self.scores[c].saturating_add(p);
            }
            for &c in rule.vetoes.iter() {
                self.vetoed[c] = true;
            }
        }
        let (scores, vetoed) = (&self.scores, &self.vetoed);
        // The first two of the ranking `score` sorts: not ruled out first, then by
        // points, then by the pack's order.
        let key = |c: usize| (vetoed[c], std::cmp::Reverse(scores[c]), c);
        let (mut first, mut second): (Option<usize>, Option<usize>) = (None, None);
        for c in 0..n {
            if first.is_none_or(|f| key(c) < key(f)) {
                second = first;
                first = Some(c);
            } else if second.is_none_or(|s| key(c) < key(s)) {
                second = Some(c);
            }
        }
        let margin = match (first, second) {
            (Some(a), Some(b)) => scores[a].saturating_sub(scores[b]),
            _ => 0,
        };
        let live = |c: &usize| !vetoed[*c];
        let top = first.filter(live);
        let tie = match (top, second.filter(live)) {
            (Some(a), Some(b)) => scores[a] == scores[b],
            _ => false,
        };
        let winner = top.filter(|_| !tie);
        let close = tie
            || (winner.is_some()
                && margin >= 0
                && margin < pack.meta().close_call
                && !second.is_some_and(|b| vetoed[b]));
        Outcome {
            winner,
            tie,
            close,
            margin,
        }
    }
}

/// "1 point", "7 points".
pub fn points(n: i64) -> String {
    if n.abs() == 1 {
        format!("{n} point")
    } else {
        format!("{n} points")
    }
}
