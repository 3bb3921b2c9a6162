//! Scoring: the answers in force, run through every rule, give each candidate a total,
//! a ranking and the reasons behind it.
//!
//! Ranking rule: a vetoed candidate ranks below every candidate not vetoed; within each
//! group, more points rank higher; equal points keep the pack's order of candidates, and
//! the verdict reports the tie.

use crate::pack::{Answer, Pack};
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
    /// Whether the first two are level (the pack's order put one first).
    pub tie: bool,
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

impl Verdict {
    /// The recommended candidate's index.
    pub fn winner(&self) -> usize {
        self.ranking[0]
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

/// Score the answers in force (see [`crate::answers::Answers::effective`]).
pub fn score(pack: &Pack, effective: &[Option<Answer>]) -> Verdict {
    let n = pack.candidates.len();
    let mut scores = vec![0i64; n];
    let mut vetoed = vec![false; n];
    let mut fired = Vec::new();
    // Walking rules by impact leaves `fired` ranked without a sort.
    for &i in pack.rules_by_impact().iter() {
        let rule = &pack.rules[i];
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
    let (margin, tie) = match ranking.as_slice() {
        [a, b, ..] => (
            scores[*a].saturating_sub(scores[*b]),
            scores[*a] == scores[*b] && vetoed[*a] == vetoed[*b],
        ),
        _ => (0, false),
    };
    let close = tie || (margin >= 0 && margin < pack.meta.close_call);
    Verdict {
        scores,
        vetoed,
        ranking,
        margin,
        tie,
        close,
        fired,
    }
}
