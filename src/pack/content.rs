//! The advice content of a pack, beyond scoring: rate tables, the cost arithmetic that
//! applies them, roles, skills, next steps and what to weigh on a close call.
//!
//! Every part is optional, so a pack without it still works, and nothing here knows the
//! default pack: tables, questions and candidates are all named by the pack itself and
//! resolved to indices when the pack is read, each problem reported at its place.

use super::{Condition, Text};

/// Everything a pack says beyond its rules, for the advice that follows a verdict.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct AdviceContent {
    /// Published rate tables, as given.
    pub rates: Option<Rates>,
    /// How the tables turn answers into cost estimates.
    pub costs: Option<CostModel>,
    /// Roles to hire for, in order of preference.
    pub roles: Vec<Role>,
    /// Skills to screen for.
    pub skills: Vec<Skill>,
    /// Next steps, in the order to take them.
    pub next_steps: Vec<Step>,
    /// What to weigh between two candidates when the result is close.
    pub weigh: Vec<Weigh>,
    /// Warnings shown when answers pull against each other (`for`: only when one of
    /// these candidates is recommended).
    pub warnings: Vec<Step>,
}

impl AdviceContent {
    /// Every condition the advice holds: the roles' reasons, then the skills', the next
    /// steps', the warnings' and the weighings'.
    pub(crate) fn conditions(&self) -> impl Iterator<Item = &Condition> {
        let reasons = self.roles.iter().flat_map(|r| r.reasons.iter());
        reasons
            .filter_map(|b| b.when.as_ref())
            .chain(self.skills.iter().filter_map(|s| s.when.as_ref()))
            .chain(
                self.next_steps
                    .iter()
                    .chain(self.warnings.iter())
                    .filter_map(|s| s.when.as_ref()),
            )
            .chain(self.weigh.iter().filter_map(|w| w.when.as_ref()))
    }

    /// [`AdviceContent::conditions`], to link their cost tests to the pack's estimates.
    pub(crate) fn conditions_mut(&mut self) -> impl Iterator<Item = &mut Condition> {
        let reasons = self.roles.iter_mut().flat_map(|r| r.reasons.iter_mut());
        reasons
            .filter_map(|b| b.when.as_mut())
            .chain(self.skills.iter_mut().filter_map(|s| s.when.as_mut()))
            .chain(
                self.next_steps
                    .iter_mut()
                    .chain(self.warnings.iter_mut())
                    .filter_map(|s| s.when.as_mut()),
            )
            .chain(self.weigh.iter_mut().filter_map(|w| w.when.as_mut()))
    }
}

/// Rate tables in one currency.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Rates {
    /// Currency code of every figure, e.g. `USD`.
    pub currency: Text,
    /// The tables, in the pack's order.
    pub tables: Vec<RateTable>,
    /// What sources say of the tables' figures, checked against them in each report.
    pub claims: Vec<Claim>,
}

/// A source's claim that one row of a table is lower than others by a share within a
/// range (see `advice::costs` for how it is checked).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Claim {
    /// Machine name.
    pub id: Text,
    /// Index of the table, in [`Rates::tables`].
    pub table: usize,
    /// Index of the row said to be lower.
    pub row: usize,
    /// Indices of the rows it is said to be lower than.
    pub below: Vec<usize>,
    /// By how much lower, in percent.
    pub by: Band,
    /// The claim as a sentence.
    pub text: Text,
    /// Who says it.
    pub source: Text,
}

/// One published table: rows by columns of low–high bands.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct RateTable {
    /// Machine name.
    pub id: Text,
    /// Title as shown.
    pub title: Text,
    /// Where the figures come from.
    pub source: Text,
    /// The columns.
    pub columns: Vec<RateColumn>,
    /// The rows.
    pub rows: Vec<RateRow>,
}

/// A column of a rate table.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct RateColumn {
    /// Machine name.
    pub id: Text,
    /// Heading as published.
    pub label: Text,
    /// What one figure pays for.
    pub unit: RateUnit,
}

/// The period a rate pays for.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, schemars::JsonSchema, serde::Serialize,
)]
#[serde(expecting = "unit", rename_all = "snake_case")]
pub enum RateUnit {
    /// Per hour worked.
    PerHour,
    /// Per month.
    PerMonth,
    /// Per year.
    PerYear,
}

/// A row of a rate table.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct RateRow {
    /// Machine name (for a row looked up by an answer, the option's id).
    pub id: Text,
    /// Label as published.
    pub label: Text,
    /// One band per column, in the columns' order.
    pub values: Vec<Band>,
}

/// A low–high range of figures.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Band {
    /// Low end.
    pub low: f64,
    /// High end, never below `low`.
    pub high: f64,
}

/// How rates and answers combine into a cost estimate per candidate.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct CostModel {
    /// The number question giving the headcount (one person when absent or not asked).
    pub team: Option<usize>,
    /// Which table row the answers select.
    pub region: RowLookup,
    /// How seniority scales the rates, when it does.
    pub seniority: Option<SeniorityScale>,
    /// How long the work is costed for.
    pub duration: Duration,
    /// Hours worked in a month, for hourly rates.
    pub hours_per_month: Assumed,
    /// Where a budget figure comes from, when the pack asks for one.
    pub budget: Option<super::BudgetModel>,
    /// The arithmetic for each candidate that has one, in the pack's order.
    pub models: Vec<CostRule>,
}

/// A table row chosen by a single choice answer: each option selects the row of its id.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct RowLookup {
    /// The question.
    pub question: usize,
    /// The table, by index in [`Rates::tables`].
    pub table: usize,
    /// The row each option selects, by option index.
    pub rows: Vec<usize>,
}

/// Seniority read from a table: the chosen level's band divided by the reference
/// level's band, end by end, in a candidate's row.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct SeniorityScale {
    /// The single choice question.
    pub question: usize,
    /// The table whose columns are the levels.
    pub table: usize,
    /// The column the base rates stand for.
    pub reference: usize,
    /// The column each option selects, by option index.
    pub columns: Vec<usize>,
    /// Why the base rates stand for the reference level.
    pub source: Text,
}

/// How long the work is costed for.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Duration {
    /// The question.
    pub question: usize,
    /// Months each option stands for, by option index; empty when the question is a
    /// number question whose answer is the months.
    pub months: Vec<Assumed>,
}

/// A figure the arithmetic assumes, with where it comes from.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Assumed {
    /// The figure.
    pub value: f64,
    /// Where it comes from.
    pub source: Text,
}

/// The cost arithmetic of one candidate.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct CostRule {
    /// Candidate index.
    pub candidate: usize,
    /// Column of the region table holding its base rate.
    pub column: usize,
    /// Row of the seniority table that scales it, if any.
    pub seniority_row: Option<usize>,
    /// A multiplier on the running cost (e.g. benefits and overhead on a salary).
    pub loading: Option<Factor>,
    /// A one-off cost per person (e.g. recruiting).
    pub per_head: Option<Factor>,
    /// Time before work starts (e.g. recruiting), shown beside the figures.
    pub delay: Option<Delay>,
}

/// A labelled low–high figure with its source.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Factor {
    /// What it stands for, as shown in the arithmetic.
    pub label: Text,
    /// Low end.
    pub low: f64,
    /// High end.
    pub high: f64,
    /// Where it comes from.
    pub source: Text,
}

/// Time before work starts.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Delay {
    /// Weeks.
    pub weeks: i64,
    /// What the weeks measure, as its source measures it (e.g. "to fill the role").
    pub label: Option<Text>,
    /// Where it comes from.
    pub source: Text,
}

/// A role to hire for, chosen by the first of its reasons that holds.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Role {
    /// Machine name.
    pub id: Text,
    /// Title, e.g. "Backend engineer".
    pub name: Text,
    /// What the role does, in a sentence.
    pub summary: Text,
    /// Where the distinction comes from.
    pub source: Option<Text>,
    /// Reasons to choose it; one without a condition always holds.
    pub reasons: Vec<Because>,
}

/// A reason that holds under a condition.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Because {
    /// Holds when this does (always, when absent).
    pub when: Option<Condition>,
    /// The reason, as a clause.
    pub reason: Text,
}

/// A group of skills to screen for.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Skill {
    /// Machine name.
    pub id: Text,
    /// Name of the group.
    pub name: Text,
    /// The skills themselves.
    pub items: Vec<Text>,
    /// Why it matters, as a clause.
    pub why: Option<Text>,
    /// Listed when this holds (always, when absent).
    pub when: Option<Condition>,
    /// Where it comes from.
    pub source: Option<Text>,
}

/// A next step.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Step {
    /// Machine name.
    pub id: Text,
    /// What to do.
    pub text: Text,
    /// Listed only when one of these candidates wins (any, when empty).
    pub candidates: Vec<usize>,
    /// Listed only when this holds (always, when absent).
    pub when: Option<Condition>,
    /// Where it comes from.
    pub source: Option<Text>,
}

/// What to weigh when two candidates finish close.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(bound(deserialize = "'de: 'static"))]
pub struct Weigh {
    /// The two candidates, in either order.
    pub between: [usize; 2],
    /// What to weigh.
    pub text: Text,
    /// Used only when this holds (always, when absent); of several entries for the same
    /// two candidates, the first whose condition holds is used.
    pub when: Option<Condition>,
    /// Where it comes from.
    pub source: Option<Text>,
}
