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
    /// The winner when the current totals pick one.
    leader: Option<usize>,
    /// Per question, per candidate (`q * candidates + c`): the most a change to that
    /// question can gain the candidate on the leader, from the rules in `rules_of`
    /// turning on or off (what the candidate can rise plus what the leader can fall).
    catch_up: Vec<i128>,
    /// Per candidate: the leader's lead over it, for each other candidate not ruled out.
    lead: Vec<Option<i128>>,
    /// Per question: whether a rule in `rules_of` could turn a veto against the leader:
    /// one that rules the leader out and could turn on, or one that rules a candidate out
    /// now and could turn off. A veto that can only turn on against a rival cannot
    /// unseat the leader. Without a leader, any rule that rules anyone out counts.
    vetoing: Vec<bool>,
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
        // Who reads whom, forwards only (a question's visibility follows earlier answers):
        // reach[q] is q and everything a chain of later readers leads to. Each question's
        // walk marks what it visits, so the whole costs the sizes of the reaches, not Q².
        let mut read = Vec::new();
        let mut readers: Vec<Vec<usize>> = vec![Vec::new(); n];
        for (j, question) in pack.questions().iter().enumerate() {
            read.clear();
            if let Some(c) = &question.when {
                c.questions_into(&mut read);
            }
            for &x in &read {
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
            read.clear();
            if let Some(c) = &rule.when {
                c.questions_into(&mut read);
            }
            read.sort_unstable();
            read.dedup();
            for &x in read.iter().filter(|&&x| x < n) {
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
            .collect::<Vec<Vec<usize>>>();
        let k = pack.candidates().len();
        let base = Tally { scores, vetoes };
        let leader = match base.outcome().pick {
            Pick::One(w) => Some(w),
            _ => None,
        };
        let mut rise = vec![0i128; n * k];
        let mut fall = vec![0i128; n * k];
        let mut vetoing = vec![false; n];
        for (q, rules) in rules_of.iter().enumerate() {
            for &r in rules {
                let rule = &pack.rules()[r];
                vetoing[q] |= !rule.vetoes.is_empty()
                    && (fires[r] || leader.is_none_or(|w| rule.vetoes.contains(&w)));
                for &(c, p) in rule.points.iter() {
                    // A firing rule can only be lost, a silent one only gained.
                    let p = if fires[r] {
                        -i128::from(p)
                    } else {
                        i128::from(p)
                    };
                    rise[q * k + c] += p.max(0);
                    fall[q * k + c] += (-p).max(0);
                }
            }
        }
        let (catch_up, lead) = match leader {
            Some(w) => (
                (0..n * k).map(|i| rise[i] + fall[i - i % k + w]).collect(),
                (0..k)
                    .map(|c| {
                        (c != w && base.vetoes[c] == 0)
                            .then(|| i128::from(base.scores[w]) - i128::from(base.scores[c]))
                    })
                    .collect(),
            ),
            None => (Vec::new(), Vec::new()),
        };
        Probe {
            pack,
            given,
            eff,
            slots,
            fires,
            base,
            reach,
            rules_of,
            leader,
            catch_up,
            lead,
            vetoing,
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

    /// Whether changing the answers to `questions` could make the totals pick other than
    /// `pick`, the current pick. `false` is a proof that it cannot: no rule the changes
    /// reach could turn a veto against the leader, and even if every such rule turned
    /// the way that helps, no other candidate would catch up with the winner. `true`
    /// only means "re-score".
    pub fn may_unseat(&self, questions: &[usize], pick: &Pick) -> bool {
        if !matches!((pick, self.leader), (Pick::One(w), Some(l)) if *w == l) {
            return true;
        }
        if questions.iter().any(|&q| self.vetoing[q]) {
            return true;
        }
        let k = self.lead.len();
        self.lead.iter().enumerate().any(|(c, lead)| {
            lead.is_some_and(|lead| {
                questions
                    .iter()
                    .map(|&q| self.catch_up[q * k + c])
                    .sum::<i128>()
                    >= lead
            })
        })
    }

    /// The outcome of the current answers without rule `r` (as if it did not fire).
    pub fn without_rule(&self, r: usize) -> Outcome {
        let mut scores = self.base.scores.clone();
        let mut vetoed: Vec<bool> = self.base.vetoes.iter().map(|v| *v > 0).collect();
        if self.fires[r] {
            let rule = &self.pack.rules()[r];
            for &(c, p) in rule.points.iter() {
                scores[c] = scores[c].saturating_sub(p);
            }
            // Still ruled out if other firing rules rule it out too.
            for &c in rule.vetoes.iter() {
                let by_this = rule.vetoes.iter().filter(|&&x| x == c).count();
                vetoed[c] = self.base.vetoes[c] as usize > by_this;
            }
        }
        Outcome::new(scores, vetoed)
    }

    /// The totals when each `(question, answer)` is given instead (questions distinct).
    pub fn tally(&mut self, changes: &[(usize, &Answer)]) -> Tally {
        let mut out = self.base.clone();
        self.tally_into(changes, &mut out);
        out
    }

    /// [`Probe::tally`] into `out`, reusing its space.
    pub fn tally_into(&mut self, changes: &[(usize, &Answer)], out: &mut Tally) {
        self.apply(changes);
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
        self.restore();
    }

    /// Into `out`, the questions that one change brings into force, with their answers
    /// then (what [`Answers::effective`] gives for the changed answers, where it has an
    /// answer and the current answers have none).
    pub fn brings_in(&mut self, question: usize, answer: &Answer, out: &mut Vec<(usize, Answer)>) {
        out.clear();
        self.apply(&[(question, answer)]);
        for &(j, ref old, _) in &self.saved {
            if let (None, Some(now)) = (old, &self.eff[j]) {
                out.push((j, now.clone()));
            }
        }
        self.restore();
    }

    /// Put `changes` in force: every question they reach gets its answer anew, in the
    /// pack's order, and what it had is kept in `saved` for [`Probe::restore`].
    fn apply(&mut self, changes: &[(usize, &Answer)]) {
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
    }

    /// Undo [`Probe::apply`].
    fn restore(&mut self) {
        while let Some((j, old, slot)) = self.saved.pop() {
            self.eff[j] = old;
            self.slots[j] = slot;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Probe, union_into};
    use crate::answers::Answers;
    use crate::pack::Pack;
    use proptest::prelude::*;
    use std::collections::BTreeSet;
    use std::sync::OnceLock;

    fn default_pack() -> &'static Pack {
        static P: OnceLock<Pack> = OnceLock::new();
        P.get_or_init(|| crate::pack::load_default().expect("default pack"))
    }

    /// Answers made by applying some of the changes open from the defaults, one after
    /// another, each picked among those open at that point.
    fn answers_from(pack: &Pack, picks: &[prop::sample::Index]) -> Answers {
        let mut answers = Answers::new(pack.questions().len());
        for p in picks {
            let open = crate::insight::changes(pack, &answers);
            if open.is_empty() {
                break;
            }
            let c = &open[p.index(open.len())];
            answers.set(c.question, c.answer.clone());
        }
        answers
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]

        /// Whenever the bound says a pair of changes cannot unseat the pick, re-scoring
        /// the pair keeps the pick; re-scoring agrees with scoring from scratch; and the
        /// questions a change brings into force are the ones it does.
        #[test]
        fn a_pair_ruled_out_by_the_bound_keeps_the_pick(
            picks in prop::collection::vec(any::<prop::sample::Index>(), 0..24)
        ) {
            let pack = default_pack();
            let answers = answers_from(pack, &picks);
            let mut probe = Probe::new(pack, &answers);
            let current = probe.base().outcome().pick;
            let all = crate::insight::changes(pack, &answers);
            let before = answers.effective(pack);
            let mut shown = Vec::new();
            for (i, a) in all.iter().enumerate() {
                // What one change brings into force is what working out all answers in
                // force again gives, where the current answers have none.
                let mut changed = answers.clone();
                changed.set(a.question, a.answer.clone());
                let want: Vec<_> = changed
                    .effective(pack)
                    .into_iter()
                    .enumerate()
                    .filter_map(|(q, now)| Some((q, now?)).filter(|_| before[q].is_none()))
                    .collect();
                probe.brings_in(a.question, &a.answer, &mut shown);
                prop_assert_eq!(&shown, &want);
                for b in all.iter().skip(i + 1).filter(|b| b.question != a.question) {
                    let changes = [(a.question, &a.answer), (b.question, &b.answer)];
                    let tally = probe.tally(&changes);
                    let mut changed = answers.clone();
                    changed.set(a.question, a.answer.clone());
                    changed.set(b.question, b.answer.clone());
                    let full = crate::score::score(pack, &changed.effective(pack));
                    prop_assert_eq!(&tally.outcome().pick, &full.pick);
                    if !probe.may_unseat(&[a.question, b.question], &current) {
                        prop_assert!(tally.picks(&current), "{:?} and {:?}", a, b);
                    }
                }
            }
        }
    }

    /// The bound is not vacuous: for a clear winner it rules out most pairs of changes,
    /// and none where a rule that rules a candidate out could turn.
    #[test]
    fn the_bound_rules_out_pairs_that_cannot_catch_up() {
        let pack = default_pack();
        let path = std::path::Path::new("tests/scenarios/outsource_enterprise_new_product.yaml");
        let answers = crate::answers::read_path(pack, path)
            .expect("scenario")
            .answers;
        let mut probe = Probe::new(pack, &answers);
        let current = probe.base().outcome().pick;
        let all = crate::insight::changes(pack, &answers);
        let (mut pairs, mut ruled_out) = (0, 0);
        for (i, a) in all.iter().enumerate() {
            for b in all.iter().skip(i + 1).filter(|b| b.question != a.question) {
                pairs += 1;
                let qs = [a.question, b.question];
                if !probe.may_unseat(&qs, &current) {
                    ruled_out += 1;
                    assert!(!qs.iter().any(|&q| probe.vetoing[q]));
                    assert!(
                        probe
                            .tally(&[(a.question, &a.answer), (b.question, &b.answer)])
                            .picks(&current)
                    );
                }
            }
        }
        assert!(ruled_out * 2 > pairs, "{ruled_out} of {pairs} ruled out");
    }

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
