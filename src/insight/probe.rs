//! Re-scoring after a few answer changes, without scoring everything again.
//!
//! A change to one question can only move what reads that question: the questions whose
//! visibility depends on it (and, in turn, those depending on them) and the rules whose
//! conditions read any of these. The probe keeps the answers in force and each rule's
//! firing for the current answers, and for a change re-evaluates only that part. The
//! result is exactly what [`crate::score::score`] gives for the changed answers; the
//! tests check this against full re-scoring.

use crate::answers::Answers;
use crate::pack::{Answer, Pack, Slot};
use crate::score::Pick;

/// The result of scoring one set of answers, as far as the insight needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    /// Point total of each candidate.
    pub scores: Vec<i64>,
    /// Whether each candidate is ruled out.
    pub vetoed: Vec<bool>,
    /// The first in the ranking.
    pub winner: usize,
    /// The second in the ranking, if any.
    pub runner_up: Option<usize>,
    /// Points between the first and the second.
    pub margin: i64,
    /// Whether two or more are level at the top.
    pub tie: bool,
    /// What the totals pick: one candidate, a level group or none.
    pub pick: Pick,
}

impl Outcome {
    /// Rank like [`crate::score::score`]: not vetoed first, then more points, then the
    /// pack's order.
    pub(crate) fn new(scores: Vec<i64>, vetoed: Vec<bool>) -> Outcome {
        let key = |c: usize| (vetoed[c], std::cmp::Reverse(scores[c]), c);
        let mut first: Option<usize> = None;
        let mut second: Option<usize> = None;
        for c in 0..scores.len() {
            if first.is_none_or(|f| key(c) < key(f)) {
                second = first;
                first = Some(c);
            } else if second.is_none_or(|s| key(c) < key(s)) {
                second = Some(c);
            }
        }
        let winner = first.unwrap_or(0);
        let margin = second.map_or(0, |b| scores[winner].saturating_sub(scores[b]));
        let pick = Pick::of(&scores, &vetoed);
        Outcome {
            tie: matches!(pick, Pick::Level(_)),
            pick,
            scores,
            vetoed,
            winner,
            runner_up: second,
            margin,
        }
    }

    /// Whether candidate `a` ranks above candidate `b`.
    pub fn ranks_above(&self, a: usize, b: usize) -> bool {
        (self.vetoed[a], std::cmp::Reverse(self.scores[a]), a)
            < (self.vetoed[b], std::cmp::Reverse(self.scores[b]), b)
    }
}

/// Raw totals: each candidate's points and how many firing rules rule it out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tally {
    scores: Vec<i64>,
    vetoes: Vec<u32>,
}

impl Tally {
    /// The ranking these totals give.
    pub fn outcome(&self) -> Outcome {
        Outcome::new(
            self.scores.clone(),
            self.vetoes.iter().map(|v| *v > 0).collect(),
        )
    }

    /// Whether these totals pick exactly `pick` (as [`Tally::outcome`] would say,
    /// without building it).
    pub fn picks(&self, pick: &Pick) -> bool {
        let n = self.scores.len();
        let fits = |c: usize| self.vetoes[c] == 0;
        let top = (0..n).filter(|&c| fits(c)).map(|c| self.scores[c]).max();
        match (pick, top) {
            (Pick::NoneFits, None) => true,
            (Pick::One(w), Some(t)) => {
                fits(*w)
                    && self.scores[*w] == t
                    && (0..n).all(|c| c == *w || !fits(c) || self.scores[c] < t)
            }
            (Pick::Level(set), Some(t)) => {
                (0..n).all(|c| (fits(c) && self.scores[c] == t) == set.binary_search(&c).is_ok())
            }
            _ => false,
        }
    }

    /// Into `out`, the totals of two changes that do not touch each other, from each
    /// one's totals and the totals before either: their effects simply add up.
    pub fn combine_into(base: &Tally, a: &Tally, b: &Tally, out: &mut Tally) {
        out.scores.clear();
        out.scores.extend((0..base.scores.len()).map(|c| {
            a.scores[c]
                .saturating_add(b.scores[c])
                .saturating_sub(base.scores[c])
        }));
        out.vetoes.clear();
        out.vetoes.extend(
            (0..base.vetoes.len())
                .map(|c| (a.vetoes[c] + b.vetoes[c]).saturating_sub(base.vetoes[c])),
        );
    }
}

/// Whether two ascending lists share an element.
fn meet(a: &[usize], b: &[usize]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// Into `out`, the ascending union of ascending lists without repeats: a copy for one
/// list, a merge for two (a change and a pair, what probes ask for), a sort for more.
fn union_into<'l>(out: &mut Vec<usize>, mut lists: impl Iterator<Item = &'l [usize]>) {
    out.clear();
    let (Some(a), b) = (lists.next(), lists.next()) else {
        return;
    };
    let Some(b) = b else {
        out.extend_from_slice(a);
        return;
    };
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        let next = a[i].min(b[j]);
        i += usize::from(a[i] == next);
        j += usize::from(b[j] == next);
        out.push(next);
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    let before = out.len();
    for rest in lists {
        out.extend_from_slice(rest);
    }
    if out.len() > before {
        out.sort_unstable();
        out.dedup();
    }
}

/// The current answers, ready to be changed a little and re-scored.
pub(crate) struct Probe<'a> {
    pack: &'a Pack,
    given: &'a Answers,
    /// The answers in force; changed during a probe and put back after it.
    eff: Vec<Option<Answer>>,
    /// The answers in force as the pack's compiled tests read them, kept with `eff`.
    slots: Vec<Slot>,
    /// Whether each rule fires with the current answers.
    fires: Vec<bool>,
    /// The totals with the current answers.
    base: Tally,
    /// Per question: itself and every question whose visibility may follow it, ascending.
    reach: Vec<Vec<usize>>,
    /// Per question: the rules that read any question in its reach, ascending.
    rules_of: Vec<Vec<usize>>,
    // Scratch space reused from one probe to the next.
    saved: Vec<(usize, Option<Answer>, Slot)>,
    touched: Vec<usize>,
    rules: Vec<usize>,
}

impl<'a> Probe<'a> {
    /// Prepare to probe changes to `given`.
    pub fn new(pack: &'a Pack, given: &'a Answers) -> Probe<'a> {
        let eff = given.effective(pack);
        let slots: Vec<Slot> = eff.iter().map(|a| Slot::of(a.as_ref())).collect();
        let n = pack.questions().len();
        let fires: Vec<bool> = (0..pack.rules().len())
            .map(|r| pack.rule_test(r).is_none_or(|t| t.eval(&slots, &eff)))
            .collect();
        let mut scores = vec![0i64; pack.candidates().len()];
        let mut vetoes = vec![0u32; pack.candidates().len()];
        for (rule, _) in pack.rules().iter().zip(&fires).filter(|(_, f)| **f) {
            for &(c, p) in rule.points.iter() {
                scores[c] = scores[c].saturating_add(p);
            }
            for &c in rule.vetoes.iter() {
                vetoes[c] += 1;
            }
        }
        let reads: Vec<Vec<usize>> = pack
            .questions()
            .iter()
            .map(|q| q.when.as_ref().map(|c| c.questions()).unwrap_or_default())
            .collect();
        // Who reads whom, forwards only (a question's visibility follows earlier answers):
        // reach[q] is q and everything a chain of later readers leads to. Each question's
        // walk marks what it visits, so the whole costs the sizes of the reaches, not Q².
        let mut readers: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (j, read) in reads.iter().enumerate() {
            for &x in read {
                if x < j && x < n {
                    readers[x].push(j);
                }
            }
        }
        let mut seen = vec![usize::MAX; n];
        let mut reach = Vec::with_capacity(n);
        for q in 0..n {
            let mut r = vec![q];
            seen[q] = q;
            let mut i = 0;
            while i < r.len() {
                for &j in &readers[r[i]] {
                    if seen[j] != q {
                        seen[j] = q;
                        r.push(j);
                    }
                }
                i += 1;
            }
            r.sort_unstable();
            reach.push(r);
        }
        let mut rules_reading: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (i, rule) in pack.rules().iter().enumerate() {
            let mut read = rule
                .when
                .as_ref()
                .map(|c| c.questions())
                .unwrap_or_default();
            read.sort_unstable();
            read.dedup();
            for x in read.into_iter().filter(|&x| x < n) {
                rules_reading[x].push(i);
            }
        }
        let rules_of = reach
            .iter()
            .map(|r| {
                let mut rules: Vec<usize> = r
                    .iter()
                    .flat_map(|&x| rules_reading[x].iter().copied())
                    .collect();
                rules.sort_unstable();
                rules.dedup();
                rules
            })
            .collect();
        Probe {
            pack,
            given,
            eff,
            slots,
            fires,
            base: Tally { scores, vetoes },
            reach,
            rules_of,
            saved: Vec::new(),
            touched: Vec::new(),
            rules: Vec::new(),
        }
    }

    /// The answers in force now.
    pub fn effective(&self) -> &[Option<Answer>] {
        &self.eff
    }

    /// Whether rule `r` fires with the current answers.
    pub fn fires(&self, r: usize) -> bool {
        self.fires[r]
    }

    /// The totals with the current answers.
    pub fn base(&self) -> &Tally {
        &self.base
    }

    /// Whether changes to questions `a` and `b` cannot affect each other: nothing one
    /// of them shows, hides or scores reads the other, so their effects add up.
    pub fn independent(&self, a: usize, b: usize) -> bool {
        !meet(&self.reach[a], &self.reach[b]) && !meet(&self.rules_of[a], &self.rules_of[b])
    }

    /// The outcome of the current answers without rule `r` (as if it did not fire).
    pub fn without_rule(&self, r: usize) -> Outcome {
        let mut scores = self.base.scores.clone();
        let mut vetoes = self.base.vetoes.clone();
        if self.fires[r] {
            let rule = &self.pack.rules()[r];
            for &(c, p) in rule.points.iter() {
                scores[c] = scores[c].saturating_sub(p);
            }
            for &c in rule.vetoes.iter() {
                vetoes[c] -= 1;
            }
        }
        Outcome::new(scores, vetoes.iter().map(|v| *v > 0).collect())
    }

    /// The totals when each `(question, answer)` is given instead (questions distinct).
    pub fn tally(&mut self, changes: &[(usize, &Answer)]) -> Tally {
        let mut out = self.base.clone();
        self.tally_into(changes, &mut out);
        out
    }

    /// [`Probe::tally`] into `out`, reusing its space.
    pub fn tally_into(&mut self, changes: &[(usize, &Answer)], out: &mut Tally) {
        let mut touched = std::mem::take(&mut self.touched);
        union_into(
            &mut touched,
            changes.iter().map(|(q, _)| &self.reach[*q][..]),
        );
        self.saved.clear();
        for &j in &touched {
            let q = &self.pack.questions()[j];
            let asked = self
                .pack
                .asked_test(j)
                .is_none_or(|t| t.eval(&self.slots, &self.eff));
            let value = asked.then(|| match changes.iter().find(|(x, _)| *x == j) {
                Some((_, a)) => *a,
                None => self.given.get(j).unwrap_or(&q.default),
            });
            if value != self.eff[j].as_ref() {
                let old = std::mem::replace(&mut self.eff[j], value.cloned());
                let slot = std::mem::replace(&mut self.slots[j], Slot::of(value));
                self.saved.push((j, old, slot));
            }
        }
        self.touched = touched;
        out.scores.clone_from(&self.base.scores);
        out.vetoes.clone_from(&self.base.vetoes);
        if !self.saved.is_empty() {
            let mut rules = std::mem::take(&mut self.rules);
            union_into(
                &mut rules,
                changes.iter().map(|(q, _)| &self.rules_of[*q][..]),
            );
            for &r in &rules {
                let rule = &self.pack.rules()[r];
                let test = self.pack.rule_test(r);
                let now = test.is_none_or(|t| t.eval(&self.slots, &self.eff));
                if now == self.fires[r] {
                    continue;
                }
                for &(c, p) in rule.points.iter() {
                    out.scores[c] = if now {
                        out.scores[c].saturating_add(p)
                    } else {
                        out.scores[c].saturating_sub(p)
                    };
                }
                for &c in rule.vetoes.iter() {
                    if now {
                        out.vetoes[c] += 1;
                    } else {
                        out.vetoes[c] -= 1;
                    }
                }
            }
            self.rules = rules;
        }
        while let Some((j, old, slot)) = self.saved.pop() {
            self.eff[j] = old;
            self.slots[j] = slot;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::union_into;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    proptest! {
        #[test]
        fn the_union_of_ascending_lists_is_their_set(
            lists in prop::collection::vec(prop::collection::btree_set(0usize..40, 0..12), 0..5)
        ) {
            let lists: Vec<Vec<usize>> = lists.into_iter().map(|s| s.into_iter().collect()).collect();
            let mut out = vec![99];
            union_into(&mut out, lists.iter().map(Vec::as_slice));
            let want: BTreeSet<usize> = lists.iter().flatten().copied().collect();
            prop_assert_eq!(out, want.into_iter().collect::<Vec<_>>());
        }
    }
}
