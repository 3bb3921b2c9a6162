//! The question pack: what is decided between, what is asked, and the rules that score.
//!
//! A pack is found and parsed by `load`, read as the format it is written in ([`raw`],
//! through [`crate::yaml::de`]) and resolved (`resolve`) into the types below, in which every
//! cross-reference is an index: once a [`Pack`] exists, it is known to be consistent, and
//! the rest of the program never looks anything up by name again.

mod answer;
mod budget;
pub mod compiled;
mod condition;
mod content;
mod cost_order;
mod deferred;
mod expect;
mod index_test;
mod lint;
mod load;
pub mod raw;
mod resolve;
pub mod schema;
mod text;

pub use answer::answer_from_node;
pub use budget::{BudgetBasis, BudgetModel, BudgetPoint, Figure, fits, fits_at, mid};
pub use compiled::load_default;
pub use condition::Condition;
pub use content::{
    AdviceContent, Assumed, Band, Because, Claim, CostModel, CostRule, Delay, Duration, Factor,
    RateColumn, RateRow, RateTable, RateUnit, Rates, Role, RowLookup, SeniorityScale, Skill, Step,
    Weigh,
};
pub use cost_order::{CostEnd, CostOrder, per_person, seniority_factors};
pub use expect::{Direction, Example, Expectations, Expected, Law, Trend};
pub use index_test::{IndexTest, Slot, SlotKind};
pub use load::{
    DEFAULT_PACK_NAME, IMPORTS_OUTSIDE_FLAG, Imports, LoadError, load_path, load_path_with,
    load_texts, parse_default,
};
pub use text::Text;

use crate::figures::grouped;
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::Arc;

/// A validated question pack.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Pack {
    /// Identity and settings.
    meta: Meta,
    /// What is decided between, in the pack's order (which also breaks ties).
    candidates: Vec<Candidate>,
    /// Groups of questions, in order.
    sections: Vec<Section>,
    /// Every question, in the order asked.
    questions: Vec<Question>,
    /// The scoring rules, in the pack's order.
    rules: Vec<Rule>,
    /// Advice beyond the verdict: rates, costs, roles, skills, next steps (all optional).
    advice: AdviceContent,
    /// What the pack's verdicts must satisfy, proved by `hirewiz check`.
    expectations: deferred::Deferred<Expectations>,
    /// Warnings found while loading (the pack works, but may hold a mistake).
    warnings: Vec<crate::diag::Diagnostic>,
    /// The cost order every `cheapest`, `dearest` and budget test reads, when the pack
    /// has a cost model. The tests share it; [`Pack::index`] links them to it.
    cost_order: Option<Arc<CostOrder>>,
    /// Rebuilt by [`Pack::index`], like `impact_order`, rather than kept in an encoding.
    #[serde(skip)]
    question_ids: HashMap<Text, usize>,
    #[serde(skip)]
    candidate_ids: HashMap<Text, usize>,
    /// The texts the pack was read from, as (file name, text), in reading order. An
    /// encoding keeps the names alone ([`compiled`]): the texts are in the binary, and
    /// a decoded pack borrows them from there rather than copying them.
    #[serde(with = "compiled::names_only")]
    sources: Vec<(String, Cow<'static, str>)>,
    /// Where each question, rule and candidate is written, for [`Pack::lint`].
    places: deferred::Deferred<lint::Places>,
    /// Rule indices in order of impact (see [`Pack::rules_by_impact`]).
    #[serde(skip)]
    impact_order: Vec<usize>,
    /// Every rule's and question's condition compiled to index tests.
    #[serde(skip)]
    compiled: index_test::Compiled,
    /// The candidates and points of their estimates that the rules' budget tests
    /// compare (see [`Pack::budget_points`]).
    #[serde(skip)]
    budget_points: Vec<(usize, BudgetPoint)>,
    /// By question: whether another question's `when` reads it (see [`Pack::shows_others`]).
    #[serde(skip)]
    shows_others: Vec<bool>,
}

/// A pack's identity and settings.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Meta {
    /// Short machine name, e.g. `backend-hiring`.
    pub id: Text,
    /// The content's version, e.g. `1.2.0`.
    pub version: Text,
    /// Title shown at the top of every screen.
    pub title: Text,
    /// What the pack helps decide, in a sentence or two.
    pub description: Text,
    /// A winning margin below this many points reads as too close to call.
    pub close_call: i64,
}

/// One of the options being decided between.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Candidate {
    /// Machine name used in rules and outputs.
    pub id: Text,
    /// Name shown to people.
    pub name: Text,
    /// One line on what it is, its strengths and risks.
    pub description: Text,
    /// How the role is introduced when this candidate is recommended, e.g. "Ask the
    /// agency for".
    pub role_heading: Option<Text>,
}

/// A group of questions shown under one heading.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Section {
    /// Machine name.
    pub id: Text,
    /// Heading shown above its questions.
    pub title: Text,
}

/// One question.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Question {
    /// Machine name, the key in answers files.
    pub id: Text,
    /// Index of its section in [`Pack::sections`].
    pub section: usize,
    /// The question as asked.
    pub prompt: Text,
    /// One or two lines on why it is asked.
    pub help: Text,
    /// Longer help, shown on demand.
    pub details: Option<Text>,
    /// What kind of answer it takes.
    pub kind: Kind,
    /// The answer taken when none is given; always valid.
    pub default: Answer,
    /// Asked only when this holds over earlier answers.
    pub when: Option<Condition>,
    /// Whether another answer to it is tried for what would change the result.
    pub what_if: bool,
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub enum Kind {
    /// Exactly one of the choices.
    Single {
        /// The choices, in order.
        options: Vec<Choice>,
    },
    /// Between `min` and `max` of the choices.
    Multiple {
        /// The choices, in order.
        options: Vec<Choice>,
        /// Fewest selections allowed.
        min: usize,
        /// Most selections allowed.
        max: usize,
    },
    /// A whole number in `min..=max`, on the grid `min + k * step`.
    Number {
        /// Smallest allowed.
        min: i64,
        /// Largest allowed.
        max: i64,
        /// Distance between allowed values.
        step: i64,
        /// What is counted, e.g. `engineers`.
        unit: Option<Text>,
        /// The unit for exactly one, e.g. `engineer` (the plural `unit` otherwise).
        unit_one: Option<Text>,
    },
    /// Yes or no.
    YesNo,
}

impl Kind {
    /// The choices of a single or multiple choice question (empty otherwise).
    pub fn options(&self) -> &[Choice] {
        match self {
            Kind::Single { options } | Kind::Multiple { options, .. } => options,
            _ => &[],
        }
    }

    /// Whether `answer` is of the right kind and within this question's limits.
    pub fn check(&self, answer: &Answer) -> Result<(), String> {
        match (self, answer) {
            (Kind::Single { options }, Answer::Choice(i)) if *i < options.len() => Ok(()),
            (Kind::Multiple { options, min, max }, Answer::Choices(v)) => {
                if v.iter().any(|i| *i >= options.len()) {
                    return Err("unknown choice".into());
                }
                if v.windows(2).any(|w| w[0] >= w[1]) {
                    return Err("choices must be distinct".into());
                }
                if v.len() < *min {
                    return Err(if *min == 1 {
                        "choose at least one".to_string()
                    } else {
                        format!("choose at least {min}")
                    });
                }
                if v.len() > *max {
                    return Err(format!("choose at most {max}"));
                }
                Ok(())
            }
            (Kind::Number { min, max, step, .. }, Answer::Number(n)) => {
                if n < min || n > max {
                    Err(format!(
                        "must be between {} and {}",
                        grouped(*min),
                        grouped(*max)
                    ))
                } else if (n - min) % step != 0 {
                    Err(format!(
                        "must be {} plus a multiple of {}",
                        grouped(*min),
                        grouped(*step)
                    ))
                } else {
                    Ok(())
                }
            }
            (Kind::YesNo, Answer::Bool(_)) => Ok(()),
            (kind, _) => Err(format!(
                "a {} question takes another kind of answer",
                kind.name()
            )),
        }
    }

    /// The word used for this kind in pack files.
    pub fn name(&self) -> &'static str {
        match self {
            Kind::Single { .. } => "single",
            Kind::Multiple { .. } => "multiple",
            Kind::Number { .. } => "number",
            Kind::YesNo => "yes_no",
        }
    }
}

/// One choice of a choice question.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Choice {
    /// Machine name, used in answers files and rules.
    pub id: Text,
    /// Text shown to people.
    pub label: Text,
    /// Optional line shown when the choice is highlighted.
    pub help: Option<Text>,
}

/// An answer to one question, with choices as indices into the question's options.
#[derive(
    Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize, serde::Deserialize,
)]
pub enum Answer {
    /// The index of the chosen option.
    Choice(usize),
    /// The indices of the chosen options, ascending, without repeats.
    Choices(Vec<usize>),
    /// A number.
    Number(i64),
    /// Yes or no.
    Bool(bool),
}

/// A scoring rule: when its condition holds, it gives points and may veto.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Rule {
    /// Machine name, shown in outputs.
    pub id: Text,
    /// Fires when this holds (always, when absent).
    pub when: Option<Condition>,
    /// Points given to candidates, as (candidate index, points), in the pack's order.
    pub points: Arc<[(usize, i64)]>,
    /// Candidates this rule rules out when it fires.
    pub vetoes: Arc<[usize]>,
    /// One line a person reads.
    pub reason: Text,
    /// Where the reasoning comes from.
    pub source: Option<Text>,
}

impl Pack {
    /// Identity and settings.
    pub fn meta(&self) -> &Meta {
        &self.meta
    }

    /// What is decided between, in the pack's order (which also breaks ties).
    pub fn candidates(&self) -> &[Candidate] {
        &self.candidates
    }

    /// Groups of questions, in order.
    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    /// Every question, in the order asked.
    pub fn questions(&self) -> &[Question] {
        &self.questions
    }

    /// The scoring rules, in the pack's order.
    pub fn rules(&self) -> &[Rule] {
        &self.rules
    }

    /// Advice beyond the verdict: rates, costs, roles, skills, next steps (all optional).
    pub fn advice(&self) -> &AdviceContent {
        &self.advice
    }

    /// What the pack's verdicts must satisfy, proved by `hirewiz check`.
    pub fn expectations(&self) -> &Expectations {
        let order = self.cost_order.as_ref();
        let reread = || compiled::reread(|p| p.expectations.into_inner());
        self.expectations.get_with(reread, |e| link_laws(e, order))
    }

    /// Warnings found while loading (the pack works, but may hold a mistake).
    pub fn warnings(&self) -> &[crate::diag::Diagnostic] {
        &self.warnings
    }

    /// The same pack with rule `rule` left out: what a test or an analysis needs to see
    /// what that one rule decides. Every other part, indices included, stays consistent.
    pub fn without_rule(&self, rule: usize) -> Pack {
        let mut pack = self.clone();
        if rule < pack.rules.len() {
            pack.rules.remove(rule);
        }
        // Everything derived from the rules is made again by the one step that makes it.
        pack.index()
    }

    /// Rule `r`'s condition compiled to index tests; `None` for a rule that always fires.
    pub fn rule_test(&self, r: usize) -> Option<&IndexTest> {
        self.compiled.rules.get(r).and_then(Option::as_ref)
    }

    /// When question `q` is asked, compiled to index tests; `None` for one always asked.
    pub fn asked_test(&self, q: usize) -> Option<&IndexTest> {
        self.compiled.asked.get(q).and_then(Option::as_ref)
    }

    /// The index of the question with this id.
    pub fn question_index(&self, id: &str) -> Option<usize> {
        self.question_ids.get(id).copied()
    }

    /// The index of the candidate with this id.
    pub fn candidate_index(&self, id: &str) -> Option<usize> {
        self.candidate_ids.get(id).copied()
    }

    /// The texts the pack was read from, as (file name, text), in reading order: what a
    /// content hash is taken over, so that a saved session can tell when the pack changed.
    pub fn sources(&self) -> &[(String, Cow<'static, str>)] {
        &self.sources
    }

    /// Every warning about the pack: those found while loading, and those of a deeper
    /// analysis (rules that can never fire, candidates that can never win, questions
    /// that change nothing). The analysis searches answers within a step budget, so it
    /// runs on demand (`hirewiz check`) rather than on every load.
    pub fn lint(&self) -> Vec<crate::diag::Diagnostic> {
        let reread = || compiled::reread(|p| p.places.into_inner());
        lint::run(self, self.places.get_with(reread, |_| {}))
    }

    /// The section a question belongs to.
    pub fn section_of(&self, question: usize) -> &Section {
        &self.sections[self.questions[question].section]
    }

    pub(crate) fn index(mut self) -> Self {
        let rules = self.rules.iter_mut().filter_map(|r| r.when.as_mut());
        link(rules, self.cost_order.as_ref());
        link(self.advice.conditions_mut(), self.cost_order.as_ref());
        // Expectations still encoded are linked when they are decoded.
        if let Some(e) = self.expectations.get_mut() {
            link_laws(e, self.cost_order.as_ref());
        }
        self.question_ids = self
            .questions
            .iter()
            .enumerate()
            .map(|(i, q)| (q.id.clone(), i))
            .collect();
        self.candidate_ids = self
            .candidates
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.clone(), i))
            .collect();
        self.impact_order = impact_order(&self.rules);
        self.compiled = index_test::Compiled::new(&self.rules, &self.questions);
        self.budget_points = budget_points(&self.rules);
        self.shows_others = vec![false; self.questions.len()];
        for w in self.questions.iter().filter_map(|q| q.when.as_ref()) {
            for r in w.questions() {
                if let Some(s) = self.shows_others.get_mut(r) {
                    *s = true;
                }
            }
        }
        self
    }

    /// Whether another question's `when` reads question `q`: only a change to such a
    /// question can bring questions into view or take them out.
    pub fn shows_others(&self, q: usize) -> bool {
        self.shows_others.get(q).copied().unwrap_or(false)
    }

    /// The candidates and points of their estimates (low end, middle) that the rules'
    /// budget tests compare, each once, by candidate: the boundaries where a budget or a
    /// cost answer changes what a rule says. Empty when no rule tests the budget.
    pub fn budget_points(&self) -> &[(usize, BudgetPoint)] {
        &self.budget_points
    }

    /// What each of [`Pack::budget_points`] says for these answers in force: whether that
    /// point of the candidate's estimate is within the budget (false without a figure).
    pub fn budget_fits(&self, answers: &[Option<Answer>]) -> Vec<bool> {
        let Some(order) = self.budget_order() else {
            return Vec::new();
        };
        self.budget_points
            .iter()
            .map(|&(c, p)| order.fits_at(c, p, answers) == Some(true))
            .collect()
    }

    /// The cost order the rules' budget tests read, when one does.
    pub fn budget_order(&self) -> Option<&Arc<CostOrder>> {
        self.cost_order
            .as_ref()
            .filter(|_| !self.budget_points.is_empty())
    }

    /// Every condition the pack holds: each rule's `when`, then each question's.
    pub fn conditions(&self) -> impl Iterator<Item = &Condition> {
        self.rules
            .iter()
            .filter_map(|r| r.when.as_ref())
            .chain(self.questions.iter().filter_map(|q| q.when.as_ref()))
    }

    /// Rule indices, most decisive first: rules that veto, then by the total size of
    /// the points they give, then in the pack's order. Scoring walks rules in this order
    /// so that the rules that fired come out already ranked by impact.
    pub fn rules_by_impact(&self) -> &[usize] {
        &self.impact_order
    }
}

/// Point the cost tests of these conditions at the pack's one cost order (see
/// [`Condition::link`]).
fn link<'c>(conditions: impl Iterator<Item = &'c mut Condition>, order: Option<&Arc<CostOrder>>) {
    if let Some(order) = order {
        conditions.for_each(|c| c.link(order));
    }
}

/// [`link`] for the laws and direction laws, the expectations that hold conditions.
fn link_laws(e: &mut Expectations, order: Option<&Arc<CostOrder>>) {
    link(e.laws.iter_mut().filter_map(|l| l.when.as_mut()), order);
    link(
        e.directions.iter_mut().filter_map(|l| l.when.as_mut()),
        order,
    );
}

/// Rule indices by impact: vetoes first, then by total size of points, then pack order.
fn impact_order(rules: &[Rule]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..rules.len()).collect();
    order.sort_by_cached_key(|&i| {
        let r = &rules[i];
        let weight: i64 = r.points.iter().map(|(_, p)| p.abs()).sum();
        (r.vetoes.is_empty(), std::cmp::Reverse(weight), i)
    });
    order
}

impl Rule {
    /// The points this rule gives candidate `c` when it fires (0 when it names it not).
    pub fn points_for(&self, c: usize) -> i64 {
        self.points.iter().find(|(x, _)| *x == c).map_or(0, |p| p.1)
    }
}

impl Question {
    /// Whether `answer` is of the right kind and within this question's limits.
    pub fn check(&self, answer: &Answer) -> Result<(), String> {
        self.kind.check(answer)
    }

    /// The answer as a person reads it ("3 to 12 months", "Greenfield, Scaling", "4 engineers",
    /// "27,903 US dollars").
    pub fn describe(&self, answer: &Answer) -> String {
        let options = self.kind.options();
        let label = |i: usize| options.get(i).map_or("?", |c| c.label.as_str());
        match answer {
            Answer::Choice(i) => label(*i).to_string(),
            Answer::Choices(v) if v.is_empty() => "none".to_string(),
            Answer::Choices(v) => v.iter().map(|i| label(*i)).collect::<Vec<_>>().join(", "),
            Answer::Number(n) => match &self.kind {
                Kind::Number {
                    unit_one: Some(u), ..
                } if *n == 1 => format!("{n} {u}"),
                Kind::Number { unit: Some(u), .. } => format!("{} {u}", grouped(*n)),
                _ => grouped(*n),
            },
            Answer::Bool(true) => "Yes".to_string(),
            Answer::Bool(false) => "No".to_string(),
        }
    }

    /// The answer as an answers file holds it: option id(s), number or boolean.
    pub fn to_json(&self, answer: &Answer) -> serde_json::Value {
        let options = self.kind.options();
        let id = |i: &usize| options.get(*i).map_or("", |c| c.id.as_str()).to_string();
        match answer {
            Answer::Choice(i) => id(i).into(),
            Answer::Choices(v) => v.iter().map(id).collect::<Vec<_>>().into(),
            Answer::Number(n) => (*n).into(),
            Answer::Bool(b) => (*b).into(),
        }
    }
}

/// The candidates and points of their estimates that `rules`' budget tests compare,
/// each once, by candidate (see [`Pack::budget_points`]).
fn budget_points(rules: &[Rule]) -> Vec<(usize, BudgetPoint)> {
    fn collect(c: &Condition, out: &mut Vec<(usize, BudgetPoint)>) {
        match c {
            Condition::All(parts) | Condition::Any(parts) => {
                parts.iter().for_each(|p| collect(p, out))
            }
            Condition::Not(p) => collect(p, out),
            Condition::Budget { candidate, at, .. } => out.push((*candidate, *at)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for w in rules.iter().filter_map(|r| r.when.as_ref()) {
        collect(w, &mut out);
    }
    out.sort_unstable_by_key(|&(c, p)| (c, p == BudgetPoint::Middle));
    out.dedup();
    out
}
