//! Proving a pack's expectations over its whole answer space.
//!
//! **The space.** Every combination of answers, question by question in the order asked
//! (a question whose `when` fails is not asked and has no answer). Answers that no test
//! can tell apart are tried once: one number from each stretch the tests cut, one set of
//! the options the tests look at (the others only as far as the limits and whole-set
//! `equals` tests need them). Questions read only by `cheapest`/`dearest` tests (region
//! and seniority in the default pack) are tried in every combination too, but profiles
//! that differ only there and fire the same rules count once. The budget's amount is
//! tried last, at the amounts from which each option fits (worked out from the other
//! answers) and at the cuts of any test on it. Nothing is sampled: every profile the
//! pack can score falls into exactly one profile tried, and scores like it.
//!
//! **Scoring.** The walk is depth first, and each rule is tested once, at the depth
//! where the last question it reads is answered, so a leaf costs only the rules that read
//! the last questions.
//!
//! **Direction laws** need only the rules that read the question moved and touch the
//! candidate watched: every other rule adds the same points (or the same veto) at every
//! value, so these rules, over every combination of the questions they read, decide the
//! law exactly. Along the budget's amount, the answers tried are the amounts that change
//! what those rules' budget tests find; where the amount is one of the others, the rules
//! that do not read it are scored once for every amount tried.

use crate::answers::Answers;
use crate::insight::alternatives::{self, MAX_PROOF_OPTIONS};
use crate::pack::{
    Answer, Condition, CostOrder, Example, Expected, IndexTest, Kind, Pack, Slot, Trend,
};
use crate::score::{self, Pick};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::{Duration, Instant};

/// The most profiles one proof walks; a larger space is reported, not half-checked.
pub const MAX_PROFILES: u64 = 200_000_000;

/// The outcome of proving every expectation of a pack.
#[derive(Debug, Clone, PartialEq)]
pub struct Proof {
    /// Profiles walked for the laws (each stands for every profile scored like it).
    pub profiles: u64,
    /// Profiles in which every option is ruled out.
    pub none_fits: u64,
    /// One such profile, when there is one.
    pub none_fits_example: Option<Vec<Option<Answer>>>,
    /// How long the proof took.
    pub elapsed: Duration,
    /// Laws, direction laws and examples checked.
    pub counts: [usize; 3],
    /// Every expectation that does not hold.
    pub failures: Vec<Failure>,
    /// Why the laws could not be proved, when they could not (nothing was checked then).
    pub unchecked: Option<String>,
}

/// An expectation that does not hold, with a profile that shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// `law`, `direction` or `example`.
    pub kind: &'static str,
    /// The expectation's id.
    pub id: String,
    /// Where it is written, as `file:line:col`.
    pub place: String,
    /// What goes wrong, in words.
    pub message: String,
    /// In how many of the profiles walked it fails.
    pub count: u64,
    /// A profile where it fails: the answers in force, by question index.
    pub profile: Vec<Option<Answer>>,
}

/// Answers in force, by question index (`None`: not asked).
type Profile = Vec<Option<Answer>>;

/// Prove every expectation of `pack`.
pub fn prove(pack: &Pack) -> Proof {
    let started = Instant::now();
    let e = &pack.expectations();
    let mut proof = Proof {
        profiles: 0,
        none_fits: 0,
        none_fits_example: None,
        elapsed: Duration::ZERO,
        counts: [e.laws.len(), e.directions.len(), e.examples.len()],
        failures: Vec::new(),
        unchecked: None,
    };
    // Only laws need the whole space walked; a pack without any is not walked.
    let walked = if e.laws.is_empty() {
        Err(None)
    } else {
        Space::new(pack).map_err(Some)
    };
    match walked {
        Ok(mut space) => {
            space.walk();
            proof.profiles = space.leaves;
            proof.none_fits = space.none_fits;
            proof.none_fits_example = space.none_fits_example.take();
            for (i, law) in e.laws.iter().enumerate() {
                if let Some(profile) = space.law_fail[i].take() {
                    let names: Vec<&str> = law
                        .never
                        .iter()
                        .map(|&c| pack.candidates()[c].name.as_str())
                        .collect();
                    proof.failures.push(Failure {
                        kind: "law",
                        id: law.id.clone(),
                        place: law.place.clone(),
                        message: format!(
                            "{} is recommended or level at the top where the law forbids it",
                            crate::insight::join_and(&names)
                        ),
                        count: space.law_count[i],
                        profile,
                    });
                }
            }
        }
        Err(why) => proof.unchecked = why,
    }
    if !e.directions.is_empty() {
        // The answers tried per question, worked out once for every direction law.
        let whens = e.directions.iter().filter_map(|d| d.when.as_ref());
        let tested =
            alternatives::tested_by(pack.questions().len(), pack.conditions().chain(whens));
        let values: Vec<Vec<Answer>> = pack
            .questions()
            .iter()
            .zip(&tested)
            .map(|(question, t)| alternatives::representatives(question, t).unwrap_or_default())
            .collect();
        for d in 0..e.directions.len() {
            if let Some(f) = direction(pack, d, &values) {
                proof.failures.push(f);
            }
        }
    }
    for x in &e.examples {
        if let Some(f) = example(pack, x) {
            proof.failures.push(f);
        }
    }
    proof.elapsed = started.elapsed();
    proof
}

/// The answer space of a pack, walked depth first.
struct Space<'a> {
    pack: &'a Pack,
    /// Questions in the order walked: those read directly, in the order asked, then
    /// those read only by cost tests.
    order: Vec<usize>,
    /// Where the cost-only questions begin in `order`.
    split: usize,
    /// The answers tried per question.
    values: Vec<Vec<Answer>>,
    /// Rules to test once the question at each depth is answered.
    ready: Vec<Vec<usize>>,
    /// Rules that read cost-only questions, tested in the last stage.
    late: Vec<usize>,
    /// Laws whose condition reads cost-only questions (through cost tests).
    late_laws: Vec<usize>,
    /// The other laws, with their conditions compiled (`None`: the law always applies).
    early_laws: Vec<(usize, Option<IndexTest>)>,
    /// The direct questions those rules and laws read, which decide their classes.
    late_keys: Vec<usize>,
    /// Classes of cost-only answers, by the answers of `late_keys` (as in `slot`): where
    /// in `kept` they are.
    memo: HashMap<Vec<u32>, usize, foldhash::fast::FixedState>,
    /// The classes worked out, one list per key.
    kept: Vec<Vec<Class>>,
    /// Whether each law's condition holds for the profile walked: those on direct
    /// questions worked out once per profile, those on cost-only ones per class.
    law_holds: Vec<bool>,
    /// The key of the profile walked, kept to look the memo up without allocating.
    key: Vec<u32>,
    /// For each question, which of its values `eff` holds: 1 for the first, 0 when it
    /// is not asked (or not yet walked).
    slot: Vec<u32>,
    /// Rules that always fire.
    always: Vec<usize>,
    eff: Vec<Option<Answer>>,
    /// `eff` as the pack's compiled tests read it, kept in step by the walk.
    words: Vec<Slot>,
    /// Totals at each depth: points and veto counts, `n` candidates each.
    points: Vec<i64>,
    vetoes: Vec<u32>,
    n: usize,
    leaves: u64,
    none_fits: u64,
    none_fits_example: Option<Vec<Option<Answer>>>,
    law_count: Vec<u64>,
    law_fail: Vec<Option<Vec<Option<Answer>>>>,
    /// Scratch totals for the leaves, reused.
    leaf_points: Vec<i64>,
    leaf_vetoes: Vec<u32>,
    /// The estimates budget tests read, when a rule holds one.
    budget: Option<Arc<CostOrder>>,
    /// The budget's amount question, when it is tried in the last stage.
    amount: Option<usize>,
    /// The team size question budget tests read: tried across its stretch in the last
    /// stage, since what fits a budget changes with every engineer.
    team: Option<usize>,
    /// The candidates budget tests are on, whose amounts to fit are tried.
    watched: Vec<bool>,
}

/// Cost-only answers that fire the same late rules.
#[derive(Debug, Clone)]
struct Class {
    /// One such combination, as (question, answer; `None` when not asked), with the
    /// team size within its stretch when budget tests read it.
    answers: Vec<(usize, Option<Answer>)>,
    points: Vec<i64>,
    vetoes: Vec<u32>,
    /// Whether each law on cost-only questions (as in `late_laws`) holds.
    laws: Vec<bool>,
}

impl<'a> Space<'a> {
    fn new(pack: &'a Pack) -> Result<Space<'a>, String> {
        let nq = pack.questions().len();
        let laws = &pack.expectations().laws;
        let conds = pack
            .conditions()
            .chain(laws.iter().filter_map(|l| l.when.as_ref()));
        let tested = alternatives::tested_by(nq, conds);
        let mut values = Vec::with_capacity(nq);
        for (q, question) in pack.questions().iter().enumerate() {
            match alternatives::representatives(question, &tested[q]) {
                Some(v) => values.push(v),
                None => {
                    return Err(format!(
                        "question `{}` is tested on more than {MAX_PROOF_OPTIONS} of its options",
                        question.id
                    ));
                }
            }
        }
        // Which questions are read other than through cost tests.
        let mut direct = vec![false; nq];
        let mut costly = vec![false; nq];
        for c in pack
            .conditions()
            .chain(laws.iter().filter_map(|l| l.when.as_ref()))
        {
            mark(c, &mut direct, &mut costly);
        }
        let budget = pack.budget_order().cloned();
        let amount = budget.as_ref().and_then(|o| o.budget()).map(|b| b.amount);
        // The amounts that change what fits follow from the other answers, so the amount
        // is tried last even where a test reads it directly (those tests' cuts are tried
        // with it); a question asked on the amount would be walked before it.
        if let Some(a) = amount {
            if let Some(x) = pack
                .questions()
                .iter()
                .find(|x| x.when.as_ref().is_some_and(|w| w.questions().contains(&a)))
            {
                return Err(format!(
                    "question `{}` is asked on the budget's amount, which the proof tries last",
                    x.id
                ));
            }
            direct[a] = false;
        }
        // A cost-only question may be asked on a condition over direct questions alone,
        // which the last stage then tests.
        let cost_only = |q: usize| {
            costly[q]
                && !direct[q]
                && pack.questions()[q]
                    .when
                    .as_ref()
                    .is_none_or(|w| w.questions().iter().all(|&x| direct[x]))
        };
        let team = budget
            .as_ref()
            .and_then(|o| o.budget_questions().next())
            .filter(|&t| Some(t) != amount);
        let mut order: Vec<usize> = (0..nq).filter(|&q| !cost_only(q)).collect();
        let split = order.len();
        // The budget's amount last: the amounts worth trying follow from the others.
        order.extend((0..nq).filter(|&q| cost_only(q) && Some(q) != amount));
        order.extend((0..nq).filter(|&q| cost_only(q) && Some(q) == amount));

        let total: f64 = order
            .iter()
            .map(|&q| values[q].len().max(1) as f64)
            .product();
        if total > MAX_PROFILES as f64 {
            return Err(format!(
                "the answer space holds about {total:.0} profiles, more than the {MAX_PROFILES} a proof walks"
            ));
        }

        let mut pos = vec![0usize; nq];
        for (i, &q) in order.iter().enumerate() {
            pos[q] = i;
        }
        let mut ready = vec![Vec::new(); split];
        let mut late = Vec::new();
        let mut always = Vec::new();
        for (r, rule) in pack.rules().iter().enumerate() {
            let reads = rule
                .when
                .as_ref()
                .map(Condition::questions)
                .unwrap_or_default();
            match reads.iter().map(|&q| pos[q]).max() {
                None => always.push(r),
                Some(p) if p >= split => late.push(r),
                Some(p) => ready[p].push(r),
            }
        }
        let reads_late = |c: &Condition| c.questions().iter().any(|&q| pos[q] >= split);
        let late_laws: Vec<usize> = (0..laws.len())
            .filter(|&l| laws[l].when.as_ref().is_some_and(reads_late))
            .collect();
        let mut late_keys: Vec<usize> = late
            .iter()
            .filter_map(|&r| pack.rules()[r].when.as_ref())
            .chain(late_laws.iter().filter_map(|&l| laws[l].when.as_ref()))
            .flat_map(Condition::questions)
            .filter(|&q| pos[q] < split)
            .collect();
        late_keys.sort_unstable();
        late_keys.dedup();
        let n = pack.candidates().len();
        let late_keys_len = late_keys.len();
        let mut watched = vec![false; n];
        for c in pack
            .conditions()
            .chain(laws.iter().filter_map(|l| l.when.as_ref()))
        {
            budget_candidates(c, &mut watched);
        }
        Ok(Space {
            pack,
            order,
            split,
            values,
            ready,
            late,
            early_laws: (0..laws.len())
                .filter(|l| !late_laws.contains(l))
                .map(|l| {
                    let test = laws[l].when.as_ref();
                    (l, test.map(|c| IndexTest::compile(c, pack.questions())))
                })
                .collect(),
            late_laws,
            late_keys,
            memo: HashMap::default(),
            kept: Vec::new(),
            law_holds: vec![false; laws.len()],
            key: Vec::with_capacity(late_keys_len),
            slot: vec![0; nq],
            always,
            eff: vec![None; nq],
            words: vec![Slot::NOT_ASKED; nq],
            points: vec![0; n * (split + 1)],
            vetoes: vec![0; n * (split + 1)],
            n,
            leaves: 0,
            none_fits: 0,
            none_fits_example: None,
            law_count: vec![0; laws.len()],
            law_fail: vec![None; laws.len()],
            leaf_points: Vec::with_capacity(n),
            leaf_vetoes: Vec::with_capacity(n),
            budget,
            amount: amount.filter(|&a| pos[a] >= split),
            team,
            watched,
        })
    }

    fn walk(&mut self) {
        for i in 0..self.always.len() {
            let r = self.always[i];
            apply(
                self.pack,
                r,
                &mut self.points[..self.n],
                &mut self.vetoes[..self.n],
            );
        }
        self.visit(0);
    }

    fn visit(&mut self, depth: usize) {
        if depth == self.split {
            self.late_stage();
            return;
        }
        let q = self.order[depth];
        let asked = self
            .pack
            .asked_test(q)
            .is_none_or(|t| t.eval(&self.words, &self.eff));
        let count = if asked { self.values[q].len() } else { 1 };
        let n = self.n;
        for k in 0..count {
            self.eff[q] = asked.then(|| self.values[q][k].clone());
            self.words[q] = Slot::of(self.eff[q].as_ref());
            self.slot[q] = if asked { k as u32 + 1 } else { 0 };
            let (here, next) = (depth * n, (depth + 1) * n);
            self.points.copy_within(here..next, next);
            self.vetoes.copy_within(here..next, next);
            for i in 0..self.ready[depth].len() {
                let r = self.ready[depth][i];
                if self
                    .pack
                    .rule_test(r)
                    .is_none_or(|t| t.eval(&self.words, &self.eff))
                {
                    apply(
                        self.pack,
                        r,
                        &mut self.points[next..next + n],
                        &mut self.vetoes[next..next + n],
                    );
                }
            }
            self.visit(depth + 1);
        }
        self.eff[q] = None;
        self.words[q] = Slot::NOT_ASKED;
        self.slot[q] = 0;
    }

    /// The cost-only questions: one leaf per class of their answers.
    fn late_stage(&mut self) {
        // Looked up without allocating: this runs once per profile but the last.
        self.key.clear();
        self.key
            .extend(self.late_keys.iter().map(|&q| self.slot[q]));
        let n = self.n;
        let base = self.split * n;
        let at = match self.memo.get(&self.key) {
            Some(&at) => at,
            None => {
                let classes = self.classes();
                self.kept.push(classes);
                self.memo.insert(self.key.clone(), self.kept.len() - 1);
                self.kept.len() - 1
            }
        };
        // The laws on direct questions hold or not for every class alike.
        for (l, test) in &self.early_laws {
            self.law_holds[*l] = test.as_ref().is_none_or(|t| t.eval(&self.words, &self.eff));
        }
        // Taken out while the leaves use `self`, and put back after: nothing is copied.
        let kept = std::mem::take(&mut self.kept);
        let mut points = std::mem::take(&mut self.leaf_points);
        let mut vetoes = std::mem::take(&mut self.leaf_vetoes);
        points.resize(n, 0);
        vetoes.resize(n, 0);
        // The team size a class may set, put back after a leaf that set it.
        let team_now = self.team.and_then(|t| self.eff[t].clone());
        for class in &kept[at] {
            for i in 0..n {
                points[i] = self.points[base + i].saturating_add(class.points[i]);
                vetoes[i] = self.vetoes[base + i] + class.vetoes[i];
            }
            for (k, &holds) in class.laws.iter().enumerate() {
                self.law_holds[self.late_laws[k]] = holds;
            }
            if self.leaf(&points, &vetoes, class) {
                for (q, _) in &class.answers {
                    self.eff[*q] = None;
                }
                if let Some(t) = self.team {
                    self.eff[t].clone_from(&team_now);
                }
            }
        }
        self.leaf_points = points;
        self.leaf_vetoes = vetoes;
        self.kept = kept;
    }

    /// Every combination of the cost-only answers, grouped by the late rules it fires.
    fn classes(&mut self) -> Vec<Class> {
        let late_qs: Vec<usize> = self.order[self.split..].to_vec();
        let mut out: Vec<(Vec<bool>, Class)> = Vec::new();
        // Budget tests tell every team size apart, while the direct tests treat its whole
        // stretch alike: each size of the stretch is tried here.
        let team = self.team.filter(|_| self.budget.is_some());
        let team_now = team.and_then(|t| self.eff[t].clone());
        let sizes: Vec<Option<Answer>> = match (team, &team_now) {
            (Some(t), Some(Answer::Number(n))) => self.stretch(t, *n),
            _ => vec![None],
        };
        let mut answers = Vec::with_capacity(late_qs.len() + 1);
        for size in sizes {
            answers.clear();
            if let (Some(t), Some(a)) = (team, &size) {
                self.eff[t] = Some(a.clone());
                answers.push((t, Some(a.clone())));
            }
            self.combine(&late_qs, 0, &mut answers, &mut out);
        }
        for &q in &late_qs {
            self.eff[q] = None;
        }
        if let Some(t) = team {
            self.eff[t] = team_now;
        }
        out.into_iter().map(|(_, c)| c).collect()
    }

    /// The grid values of the team size's stretch that begins at `n`.
    fn stretch(&self, t: usize, n: i64) -> Vec<Option<Answer>> {
        let Kind::Number { max, step, .. } = self.pack.questions()[t].kind else {
            return vec![Some(Answer::Number(n))];
        };
        let next = self.values[t]
            .iter()
            .filter_map(|a| match a {
                Answer::Number(x) if *x > n => Some(*x),
                _ => None,
            })
            .min()
            .unwrap_or(max.saturating_add(1));
        let step = step.max(1);
        let mut out = Vec::new();
        let mut v = n;
        while v < next && v <= max {
            out.push(Some(Answer::Number(v)));
            v = v.saturating_add(step);
        }
        out
    }

    /// The amounts worth trying for the budget: the smallest, for each option the first
    /// amount on the grid from which it fits with the one below it, and those the other
    /// tests on the amount cut.
    fn amounts(&self, q: usize) -> Vec<Answer> {
        let (Some(order), Kind::Number { min, max, step, .. }) =
            (&self.budget, &self.pack.questions()[q].kind)
        else {
            return self.values[q].clone();
        };
        let mut all = self.values[q].clone();
        all.extend(amounts_worth_trying(
            order,
            &self.eff,
            &self.watched,
            *min,
            *max,
            *step,
        ));
        all.sort();
        all.dedup();
        all
    }

    /// Every combination of the late questions from `i` on, the fired rules of each.
    fn combine(
        &mut self,
        qs: &[usize],
        i: usize,
        answers: &mut Vec<(usize, Option<Answer>)>,
        out: &mut Vec<(Vec<bool>, Class)>,
    ) {
        let Some(&q) = qs.get(i) else {
            self.class(answers, out);
            return;
        };
        let asked = self.pack.questions()[q]
            .when
            .as_ref()
            .is_none_or(|c| c.eval(&self.eff));
        if !asked {
            self.eff[q] = None;
            answers.push((q, None));
            self.combine(qs, i + 1, answers, out);
            answers.pop();
            return;
        }
        let values = if Some(q) == self.amount {
            self.amounts(q)
        } else {
            self.values[q].clone()
        };
        for a in values {
            self.eff[q] = Some(a.clone());
            answers.push((q, Some(a)));
            self.combine(qs, i + 1, answers, out);
            answers.pop();
        }
        self.eff[q] = None;
    }

    /// Record the combination in `answers` unless one firing the same rules is kept.
    fn class(&self, answers: &[(usize, Option<Answer>)], out: &mut Vec<(Vec<bool>, Class)>) {
        let laws = &self.pack.expectations().laws;
        let fired: Vec<bool> = self
            .late
            .iter()
            .map(|&r| {
                self.pack.rules()[r]
                    .when
                    .as_ref()
                    .is_none_or(|c| c.eval(&self.eff))
            })
            .chain(
                self.late_laws
                    .iter()
                    .map(|&l| laws[l].when.as_ref().is_none_or(|c| c.eval(&self.eff))),
            )
            .collect();
        if out.iter().any(|(f, _)| *f == fired) {
            return;
        }
        let mut points = vec![0; self.n];
        let mut vetoes = vec![0; self.n];
        let laws = fired[self.late.len()..].to_vec();
        // `fired` holds the late rules first, then the late laws.
        for (&r, _) in self.late.iter().zip(&fired).filter(|(_, f)| **f) {
            apply(self.pack, r, &mut points, &mut vetoes);
        }
        out.push((
            fired,
            Class {
                answers: answers.to_vec(),
                points,
                vetoes,
                laws,
            },
        ));
    }

    /// Count one leaf: the profile in `eff` with `class`'s cost-only answers. Those are
    /// written into `eff` only when something reads it (a law's condition or an example
    /// kept), which is rare, since writing them costs more than the rest of a leaf; the
    /// answer says whether they were, so the caller takes them back out.
    fn leaf(&mut self, points: &[i64], vetoes: &[u32], class: &Class) -> bool {
        self.leaves += 1;
        let mut written = false;
        let mut complete = |eff: &mut [Option<Answer>]| {
            if !written {
                for (q, a) in &class.answers {
                    eff[*q].clone_from(a);
                }
                written = true;
            }
        };
        // A candidate is picked (alone or level) when it is not ruled out and has the top
        // total among those not ruled out; no pick is built, so a leaf allocates nothing.
        let top = (0..self.n)
            .filter(|&c| vetoes[c] == 0)
            .map(|c| points[c])
            .max();
        let Some(top) = top else {
            self.none_fits += 1;
            if self.none_fits_example.is_none() {
                complete(&mut self.eff);
                self.none_fits_example = Some(self.eff.clone());
            }
            return written;
        };
        let picked = |c: usize| vetoes[c] == 0 && points[c] == top;
        for (i, law) in self.pack.expectations().laws.iter().enumerate() {
            if !self.law_holds[i] || !law.never.iter().any(|&c| picked(c)) {
                continue;
            }
            self.law_count[i] += 1;
            if self.law_fail[i].is_none() {
                complete(&mut self.eff);
                self.law_fail[i] = Some(self.eff.clone());
            }
        }
        written
    }
}

/// The estimates a budget test within `c` reads, if it holds one.
fn budget_order_in(c: &Condition) -> Option<Arc<CostOrder>> {
    match c {
        Condition::All(parts) | Condition::Any(parts) => parts.iter().find_map(budget_order_in),
        Condition::Not(p) => budget_order_in(p),
        Condition::Budget { order, .. } => Some(Arc::clone(order)),
        _ => None,
    }
}

/// Mark the candidates a condition's budget tests are on.
fn budget_candidates(c: &Condition, out: &mut [bool]) {
    match c {
        Condition::All(parts) | Condition::Any(parts) => {
            parts.iter().for_each(|p| budget_candidates(p, out));
        }
        Condition::Not(p) => budget_candidates(p, out),
        Condition::Budget { candidate, .. } => {
            if let Some(w) = out.get_mut(*candidate) {
                *w = true;
            }
        }
        _ => {}
    }
}

/// Whether a condition holds a budget test.
fn reads_budget(c: &Condition) -> bool {
    match c {
        Condition::All(parts) | Condition::Any(parts) => parts.iter().any(reads_budget),
        Condition::Not(p) => reads_budget(p),
        Condition::Budget { .. } => true,
        _ => false,
    }
}

/// The budget amounts that tell apart every set of options fitting, for the answers in
/// `eff`: the smallest allowed, and for each option the first grid amount from which it
/// fits and the one before it (so a figure worked out in floating point cannot fall on
/// the wrong side). Every allowed amount scores like one of these.
fn amounts_worth_trying(
    order: &CostOrder,
    eff: &[Option<Answer>],
    watched: &[bool],
    min: i64,
    max: i64,
    step: i64,
) -> Vec<Answer> {
    let step = step.max(1);
    let mut out = vec![min];
    for (c, _, a) in order.amounts_to_fit(eff) {
        if !watched.get(c).copied().unwrap_or(false) {
            continue;
        }
        let k = ((a - min as f64) / step as f64).ceil();
        if !k.is_finite() || k <= 0.0 {
            continue;
        }
        let k = k as i64;
        for v in [k - 1, k] {
            let x = min.saturating_add(v.saturating_mul(step));
            if x >= min && x <= max {
                out.push(x);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out.into_iter().map(Answer::Number).collect()
}

/// Add rule `r`'s points and vetoes to the totals.
fn apply(pack: &Pack, r: usize, points: &mut [i64], vetoes: &mut [u32]) {
    let rule = &pack.rules()[r];
    for &(c, p) in rule.points.iter() {
        points[c] = points[c].saturating_add(p);
    }
    for &c in rule.vetoes.iter() {
        vetoes[c] += 1;
    }
}

/// Mark the questions a condition reads directly, and those it reads through cost tests.
fn mark(c: &Condition, direct: &mut [bool], costly: &mut [bool]) {
    match c {
        Condition::All(parts) | Condition::Any(parts) => {
            parts.iter().for_each(|p| mark(p, direct, costly));
        }
        Condition::Not(p) => mark(p, direct, costly),
        Condition::Cost { .. } => c.questions().into_iter().for_each(|q| costly[q] = true),
        // The amount is tried per profile, in the last stage; the team size and the
        // budget's basis are walked with the direct questions (the team size then across
        // its stretch, in the last stage).
        Condition::Budget { order, .. } => {
            c.questions().into_iter().for_each(|q| costly[q] = true);
            for q in order.budget_questions() {
                if order.budget().is_none_or(|b| b.amount != q) {
                    direct[q] = true;
                }
            }
        }
        _ => c.questions().into_iter().for_each(|q| direct[q] = true),
    }
}

/// A candidate's standing: ruled out below any points.
fn standing(points: i64, vetoed: bool) -> Option<i64> {
    (!vetoed).then_some(points)
}

/// Check direction law `d` over every combination of the questions its rules and its
/// `when` read, where its `when` holds.
fn direction(pack: &Pack, d: usize, values: &[Vec<Answer>]) -> Option<Failure> {
    let law = &pack.expectations().directions[d];
    let (q, c) = (law.question, law.candidate);
    let rules: Vec<usize> = (0..pack.rules().len())
        .filter(|&r| {
            let rule = &pack.rules()[r];
            rule.when
                .as_ref()
                .is_some_and(|w| w.questions().contains(&q))
                && (rule.points_for(c) != 0 || rule.vetoes.contains(&c))
        })
        .collect();
    // The questions those rules read, and what decides whether those are asked.
    let mut need = vec![false; pack.questions().len()];
    let mut stack: Vec<usize> = rules
        .iter()
        .flat_map(|&r| {
            pack.rules()[r]
                .when
                .as_ref()
                .map(Condition::questions)
                .unwrap_or_default()
        })
        .chain(
            pack.questions()[q]
                .when
                .as_ref()
                .map(Condition::questions)
                .unwrap_or_default(),
        )
        .chain(
            law.when
                .as_ref()
                .map(Condition::questions)
                .unwrap_or_default(),
        )
        .collect();
    while let Some(x) = stack.pop() {
        if !need[x] {
            need[x] = true;
            stack.extend(
                pack.questions()[x]
                    .when
                    .as_ref()
                    .map(Condition::questions)
                    .unwrap_or_default(),
            );
        }
    }
    need[q] = false;
    let mut others: Vec<usize> = (0..pack.questions().len()).filter(|&x| need[x]).collect();
    // Budget tests tell every team size apart and need the amounts that change what fits
    // worked out from the other answers: the team size is tried at every value, the
    // amount last, at the amounts that matter for any answer along the question.
    let budget = rules
        .iter()
        .any(|&r| pack.rules()[r].when.as_ref().is_some_and(reads_budget))
        .then(|| pack.budget_order().cloned())
        .flatten()
        .or_else(|| law.when.as_ref().and_then(budget_order_in));
    let mut values = values.to_vec();
    let mut amount = None;
    if let Some(order) = &budget {
        amount = order.budget().map(|b| b.amount);
        for t in order.budget_questions().filter(|&t| Some(t) != amount) {
            if let Some(every) = every_number(&pack.questions()[t]) {
                values[t] = every;
            }
        }
        if let Some(a) = amount {
            others.retain(|&x| x != a);
        }
    }
    let values = values.as_slice();
    // Each rule's share for the candidate watched, and whether it reads the budget's
    // amount: the rules that do not are scored once per combination of the others and
    // answer along the question, and only those that do once per amount tried too.
    let reads_amount = |r: usize| {
        amount.is_some_and(|a| {
            pack.rules()[r]
                .when
                .as_ref()
                .is_some_and(|w| w.questions().contains(&a))
        })
    };
    let share = |r: usize| {
        let rule = &pack.rules()[r];
        (r, rule.points_for(c), rule.vetoes.contains(&c))
    };
    // Only the budget tests of those rules decide which amounts tell answers apart.
    let mut watched = vec![false; pack.candidates().len()];
    for &r in rules.iter().filter(|&&r| reads_amount(r)) {
        if let Some(w) = &pack.rules()[r].when {
            budget_candidates(w, &mut watched);
        }
    }
    if let Some(w) = &law.when {
        budget_candidates(w, &mut watched);
    }
    // The amounts worth trying for the answers in `eff` (the question moved set to each
    // answer along it in turn, `along` as far as it is known), with those the other
    // tests cut.
    let amounts = |eff: &mut [Option<Answer>], along: &[Answer]| -> Vec<Answer> {
        let (Some(order), Some(a)) = (&budget, amount) else {
            return Vec::new();
        };
        let Kind::Number { min, max, step, .. } = pack.questions()[a].kind else {
            return values[a].clone();
        };
        let mut all = values[a].clone();
        if a == q {
            all.extend(amounts_worth_trying(order, eff, &watched, min, max, step));
        } else {
            for v in along {
                eff[q] = Some(v.clone());
                all.extend(amounts_worth_trying(order, eff, &watched, min, max, step));
            }
            eff[q] = None;
        }
        all.sort();
        all.dedup();
        all
    };
    // The answers along the question: when it is the budget's amount, those that change
    // what fits, worked out per combination of the others.
    let moved_is_amount = budget.is_some() && amount == Some(q);
    let amount = amount.filter(|&a| a != q && need[a]);
    let (moving, fixed): (Vec<_>, Vec<_>) = rules
        .iter()
        .map(|&r| share(r))
        .partition(|s| amount.is_some() && reads_amount(s.0));
    let score = |shares: &[(usize, i64, bool)], words: &[Slot], eff: &[Option<Answer>]| {
        let mut points = 0i64;
        let mut vetoed = false;
        for &(r, p, v) in shares {
            if pack.rule_test(r).is_none_or(|t| t.eval(words, eff)) {
                points = points.saturating_add(p);
                vetoed |= v;
            }
        }
        (points, vetoed)
    };
    let nq = pack.questions().len();
    let mut eff: Vec<Option<Answer>> = vec![None; nq];
    let mut words = vec![Slot::NOT_ASKED; nq];
    // The first combination found, the answers along the question there and the
    // standings at each.
    let mut found: Option<(Profile, Vec<Answer>, Vec<Option<i64>>)> = None;
    let mut count = 0u64;
    // Kept across combinations: these run once per combination walked.
    let mut along = values[q].clone();
    if law.downward {
        along.reverse();
    }
    let mut base = Vec::with_capacity(along.len());
    let mut trail = Vec::with_capacity(along.len());
    walk_some(
        pack,
        &others,
        0,
        values,
        &mut eff,
        &mut words,
        &mut |eff, words| {
            if !pack.asked_test(q).is_none_or(|t| t.eval(words, eff)) {
                return;
            }
            if moved_is_amount {
                along = amounts(eff, &[]);
                if law.downward {
                    along.reverse();
                }
            }
            let tried: Vec<Option<Answer>> = match amount {
                Some(a) if pack.asked_test(a).is_none_or(|t| t.eval(words, eff)) => {
                    amounts(eff, &along).into_iter().map(Some).collect()
                }
                _ => vec![None],
            };
            base.clear();
            for v in &along {
                eff[q] = Some(v.clone());
                words[q] = Slot::of(eff[q].as_ref());
                base.push(score(&fixed, words, eff));
            }
            for x in tried {
                if let Some(a) = amount {
                    words[a] = Slot::of(x.as_ref());
                    eff[a] = x;
                }
                if law.when.as_ref().is_some_and(|w| !w.eval(eff)) {
                    continue;
                }
                trail.clear();
                for (v, &(points, vetoed)) in along.iter().zip(&base) {
                    eff[q] = Some(v.clone());
                    words[q] = Slot::of(eff[q].as_ref());
                    let (more, ruled_out) = score(&moving, words, eff);
                    trail.push(standing(points.saturating_add(more), vetoed | ruled_out));
                }
                // `q` is not among the questions walked, so it goes back to not given.
                eff[q] = None;
                words[q] = Slot::NOT_ASKED;
                let bad = trail.windows(2).any(|w| match law.trend {
                    Trend::NeverFalls => w[1] < w[0],
                    Trend::NeverRises => w[1] > w[0],
                });
                if bad {
                    count += 1;
                    if found.is_none() {
                        found = Some((eff.to_vec(), along.clone(), trail.clone()));
                    }
                }
            }
            if let Some(a) = amount {
                eff[a] = None;
                words[a] = Slot::NOT_ASKED;
            }
        },
    );
    let (partial, along, trail) = found?;
    // A whole profile around the combination found: the rest as the pack suggests.
    let mut given = Answers::new(pack.questions().len());
    for (x, a) in partial.iter().enumerate() {
        if let Some(a) = a {
            given.set(x, a.clone());
        }
    }
    given.set(q, along[0].clone());
    let profile = given.effective(pack);
    let question = &pack.questions()[q];
    let steps: Vec<String> = along
        .iter()
        .zip(&trail)
        .map(|(v, s)| {
            let s = s.map_or("ruled out".to_string(), |p| p.to_string());
            format!("{} = {s}", question.describe(v))
        })
        .collect();
    Some(Failure {
        kind: "direction",
        id: law.id.clone(),
        place: law.place.clone(),
        message: format!(
            "{} {} along `{}` ({}) from the rules that read it",
            pack.candidates()[c].name,
            match law.trend {
                Trend::NeverFalls => "falls",
                Trend::NeverRises => "rises",
            },
            question.id,
            steps.join(" → ")
        ),
        count,
        profile,
    })
}

/// What [`walk_some`] does with each combination: the answers and their slots.
type Visit<'a> = dyn FnMut(&mut [Option<Answer>], &mut [Slot]) + 'a;

/// Every combination of answers to `qs` (in the order given, `None` where not asked),
/// with `words` kept in step with `eff` for the compiled tests.
fn walk_some(
    pack: &Pack,
    qs: &[usize],
    i: usize,
    values: &[Vec<Answer>],
    eff: &mut [Option<Answer>],
    words: &mut [Slot],
    f: &mut Visit,
) {
    let Some(&q) = qs.get(i) else {
        f(eff, words);
        return;
    };
    if pack.asked_test(q).is_none_or(|t| t.eval(words, eff)) {
        for v in &values[q] {
            eff[q] = Some(v.clone());
            words[q] = Slot::of(eff[q].as_ref());
            walk_some(pack, qs, i + 1, values, eff, words, f);
        }
        eff[q] = None;
        words[q] = Slot::NOT_ASKED;
    } else {
        walk_some(pack, qs, i + 1, values, eff, words, f);
    }
}

/// Every value of a number question, when there are few enough to try each.
fn every_number(q: &crate::pack::Question) -> Option<Vec<Answer>> {
    let Kind::Number { min, max, step, .. } = q.kind else {
        return None;
    };
    let step = step.max(1);
    let count = (max - min) / step + 1;
    (count <= 10_000).then(|| (0..count).map(|k| Answer::Number(min + k * step)).collect())
}

/// Score an example and compare with what it expects.
fn example(pack: &Pack, x: &Example) -> Option<Failure> {
    let mut given = Answers::new(pack.questions().len());
    for (q, a) in &x.answers {
        given.set(*q, a.clone());
    }
    let eff = given.effective(pack);
    let v = score::score(pack, &eff);
    let got = match &v.pick {
        Pick::One(c) => Expected::Recommend(*c),
        Pick::Level(_) => Expected::Tie,
        Pick::NoneFits => Expected::NoneFits,
    };
    if got == x.expect {
        return None;
    }
    let words = |e: Expected| match e {
        Expected::Recommend(c) => pack.candidates()[c].name.to_string(),
        Expected::Tie => "a tie".to_string(),
        Expected::NoneFits => "no option".to_string(),
    };
    let scores: Vec<String> = v
        .ranking
        .iter()
        .map(|&c| {
            let out = if v.vetoed[c] { " (ruled out)" } else { "" };
            format!("{} {}{out}", pack.candidates()[c].name, v.scores[c])
        })
        .collect();
    Some(Failure {
        kind: "example",
        id: x.id.clone(),
        place: x.place.clone(),
        message: format!(
            "expects {}, gets {} ({})",
            words(x.expect),
            words(got),
            scores.join(", ")
        ),
        count: 1,
        profile: eff,
    })
}

/// A profile as a ready-to-run answers file for `hirewiz recommend --answers`.
pub fn answers_file(pack: &Pack, profile: &[Option<Answer>]) -> String {
    let mut s = format!("pack: {}\nanswers:\n", pack.meta().id);
    for (q, a) in pack.questions().iter().zip(profile) {
        let Some(a) = a else { continue };
        let v = match q.to_json(a) {
            serde_json::Value::Array(items) => format!(
                "[{}]",
                items
                    .iter()
                    .map(|i| i.as_str().unwrap_or_default().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            serde_json::Value::String(s) => s,
            other => other.to_string(),
        };
        s.push_str(&format!("  {}: {v}\n", q.id));
    }
    s
}

/// What `hirewiz check` prints of a proof: a line of what held, then each failure at
/// its place with a profile that shows it, as an answers file.
pub fn words(pack: &Pack, p: &Proof) -> String {
    let [laws, directions, examples] = p.counts;
    if laws + directions + examples == 0 {
        return String::new();
    }
    let count = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 {one}")
        } else {
            format!("{n} {many}")
        }
    };
    let mut s = String::new();
    if let Some(why) = &p.unchecked {
        s.push_str(&format!(
            "expectations: the laws were not checked: {why}; direction laws and examples were\n"
        ));
    }
    let failed = |kind: &str| p.failures.iter().filter(|f| f.kind == kind).count();
    let held = |n: usize, kind: &str| n - failed(kind);
    let ms = p.elapsed.as_secs_f64() * 1000.0;
    if p.unchecked.is_none() {
        // The profile count and the none-fits line speak of the walk, which laws need.
        let walked = if laws > 0 {
            format!(
                "{} of {} hold over all {} profiles",
                held(laws, "law"),
                count(laws, "law", "laws"),
                thousands(p.profiles)
            )
        } else {
            "no laws".to_string()
        };
        s.push_str(&format!(
            "expectations: {walked}, {} of {}, {} of {} ({:.0} ms)\n",
            held(directions, "direction"),
            count(directions, "direction law", "direction laws"),
            held(examples, "example"),
            count(examples, "example", "examples"),
            ms
        ));
        match (&p.none_fits_example, p.none_fits) {
            _ if laws == 0 => {}
            (None, _) => s.push_str("expectations: in no profile is every option ruled out\n"),
            (Some(profile), n) => {
                s.push_str(&format!(
                    "expectations: in {} profiles every option is ruled out, and no option is recommended; one of them:\n",
                    thousands(n)
                ));
                s.push_str(&indent(&answers_file(pack, profile)));
            }
        }
    }
    for f in &p.failures {
        let scope = match f.kind {
            "law" => format!(
                " in {} of {} profiles",
                thousands(f.count),
                thousands(p.profiles)
            ),
            "direction" => format!(
                " in {} of the answers its rules read",
                count_of(f.count, "combination", "combinations")
            ),
            _ => String::new(),
        };
        s.push_str(&format!(
            "{}: error: {} `{}` fails{scope}: {}\n  a profile where it fails, as an answers file (`hirewiz recommend --answers FILE`):\n",
            f.place,
            if f.kind == "direction" { "direction law" } else { f.kind },
            f.id,
            f.message
        ));
        s.push_str(&indent(&answers_file(pack, &f.profile)));
    }
    s
}

fn count_of(n: u64, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{} {many}", thousands(n))
    }
}

fn indent(text: &str) -> String {
    text.lines().map(|l| format!("    {l}\n")).collect()
}

/// `2,484,432`.
fn thousands(n: u64) -> String {
    let mut out = String::new();
    crate::figures::push_grouped(&mut out, n);
    out
}
