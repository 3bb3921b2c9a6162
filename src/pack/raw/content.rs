//! The advice content as written: rate tables, the cost arithmetic that applies them,
//! roles, skills, next steps, warnings and what to weigh on a close call.

use super::condition::Condition;
use super::value::{Amount, BandText, Id, Int, Text};
use crate::pack::RateUnit;
use crate::yaml::de::{Entries, Items, Lenient, Located, Name};
use schemars::JsonSchema;
use serde::Deserialize;

/// Rate tables in one currency.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "`rates`", deny_unknown_fields)]
pub struct Rates {
    /// Currency code of every figure, e.g. `USD`.
    pub currency: Text,
    /// The tables.
    #[schemars(required)]
    pub tables: Lenient<Items<RateTable>>,
    /// What sources say of the tables' figures, checked against them.
    pub claims: Lenient<Items<Claim>>,
}

/// What a source says of a table's figures, checked against the table: one row's
/// figures are lower than other rows' by a share within a range, as "engineers in
/// Eastern Europe are often 30–50% cheaper than in the US or Western Europe".
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "a claim", deny_unknown_fields)]
pub struct Claim {
    /// Machine name.
    pub id: Id,
    /// The table the claim is about.
    pub table: Located<Name>,
    /// The row said to be lower.
    pub row: Located<Name>,
    /// The rows it is said to be lower than.
    #[schemars(required, length(min = 1))]
    pub below: Lenient<Items<Name>>,
    /// By how much lower, in percent, as `[low, high]`.
    #[schemars(required)]
    pub by: Lenient<BandText>,
    /// The claim as a sentence, in the pack's words.
    pub text: Text,
    /// Who says it.
    pub source: Text,
}

/// One published table: rows by columns of low–high bands.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "a rate table", deny_unknown_fields)]
pub struct RateTable {
    /// Machine name.
    pub id: Id,
    /// Title as shown.
    pub title: Text,
    /// Where the figures come from.
    pub source: Text,
    /// The columns.
    #[schemars(required, length(min = 1))]
    pub columns: Lenient<Items<RateColumn>>,
    /// The rows.
    #[schemars(required, length(min = 1))]
    pub rows: Lenient<Items<RateRow>>,
}

/// A column of a rate table.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "a rate column", deny_unknown_fields)]
pub struct RateColumn {
    /// Machine name; rows key their values by it.
    pub id: Id,
    /// Heading as published.
    pub label: Text,
    /// What one figure pays for.
    #[schemars(required)]
    pub unit: Lenient<RateUnit>,
}

/// A row of a rate table.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "a rate row", deny_unknown_fields)]
pub struct RateRow {
    /// Machine name.
    pub id: Id,
    /// Label as published.
    pub label: Text,
    /// A `[low, high]` band for every column, by column id.
    pub values: Located<Entries<Located<Name>, Lenient<BandText>>>,
}

/// How rates and answers combine into a cost estimate per candidate.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "`costs`", deny_unknown_fields)]
pub struct Costs {
    /// The number question giving the headcount (one person when absent or not asked).
    pub team: Lenient<Located<Name>>,
    /// The table row the answer to a single choice question selects: each option picks
    /// the row of its id.
    pub region: Located<Lookup>,
    /// How seniority scales the rates, when it does.
    pub seniority: Lenient<Located<Seniority>>,
    /// How long the work is costed for.
    pub duration: Located<Duration>,
    /// Hours worked in a month, for hourly rates.
    pub hours_per_month: Assumed,
    /// A budget figure the estimates are checked against, when the user gives one.
    pub budget: Lenient<Located<Budget>>,
    /// The arithmetic for each candidate that has one.
    pub models: Items<CostModel>,
}

/// Where a budget figure comes from: a number question holding the amount, in the rates'
/// currency, and a single choice question saying what the amount covers. Any other option
/// of that question means no figure, and the amount question should then not be asked.
/// An option fits the budget when the middle of its estimate is within it.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "`budget`", deny_unknown_fields)]
pub struct Budget {
    /// The number question giving the amount.
    pub amount: Located<Name>,
    /// The single choice question saying what the amount covers.
    pub basis: Located<Name>,
    /// The option of `basis` meaning a month's budget, compared with each estimate
    /// spread over the months costed (its total ÷ the months).
    pub per_month: Located<Name>,
    /// The option of `basis` meaning a budget for the whole of the months costed.
    pub total: Located<Name>,
}

/// A table row chosen by a single choice question.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "a table lookup", deny_unknown_fields)]
pub struct Lookup {
    /// The single choice question.
    pub question: Located<Name>,
    /// The table's id.
    pub table: Located<Name>,
}

/// Seniority read from a table whose column ids are the question's option ids.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "`seniority`", deny_unknown_fields)]
pub struct Seniority {
    /// The single choice question.
    pub question: Located<Name>,
    /// The table's id.
    pub table: Located<Name>,
    /// The column the base rates stand for.
    pub reference: Located<Name>,
    /// Why the base rates stand for the reference level.
    pub source: Text,
}

/// How long the work is costed for: a number question answered in months, or a single
/// choice question with the months each option stands for.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "`duration`", deny_unknown_fields)]
pub struct Duration {
    /// The question.
    pub question: Located<Name>,
    /// Months for each option of a single choice question.
    pub months: Lenient<Located<Items<Months>>>,
}

/// The months one option stands for.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "a duration", deny_unknown_fields)]
pub struct Months {
    /// The option's id.
    pub option: Located<Name>,
    /// Months.
    pub months: Amount,
    /// Where the figure comes from.
    pub source: Text,
}

/// A figure the arithmetic assumes, with where it comes from.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "an assumption", deny_unknown_fields)]
pub struct Assumed {
    /// The figure.
    pub value: Amount,
    /// Where it comes from.
    pub source: Text,
}

/// The cost arithmetic of one candidate.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "a cost model", deny_unknown_fields)]
pub struct CostModel {
    /// The candidate's id.
    pub candidate: Located<Name>,
    /// The column of the region table holding its base rate.
    pub rate: Located<Name>,
    /// The row of the seniority table that scales it.
    pub seniority_row: Lenient<Located<Name>>,
    /// A multiplier on the running cost (e.g. benefits and overhead on a salary).
    pub loading: Lenient<Factor>,
    /// A one-off cost per person (e.g. recruiting).
    pub per_head: Lenient<Factor>,
    /// Time before work starts (e.g. recruiting), shown beside the figures.
    pub delay: Lenient<Delay>,
}

/// A labelled low–high figure with its source.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "a factor", deny_unknown_fields)]
pub struct Factor {
    /// What it stands for, as shown in the arithmetic.
    pub label: Text,
    /// Low end.
    pub low: Amount,
    /// High end, not below the low end.
    pub high: Located<Amount>,
    /// Where it comes from.
    pub source: Text,
}

/// Time before work starts.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "`delay`", deny_unknown_fields)]
pub struct Delay {
    /// Weeks.
    #[schemars(range(min = 0, max = 520))]
    pub weeks: Located<Int>,
    /// What the weeks measure, as the source measures it ("before work can start" when
    /// absent).
    pub label: Lenient<Text>,
    /// Where it comes from.
    pub source: Text,
}

/// A role to hire for, chosen by the first of its reasons that holds.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "a role", deny_unknown_fields)]
pub struct Role {
    /// Machine name.
    pub id: Id,
    /// Title, e.g. "Backend engineer".
    pub name: Text,
    /// What the role does, in a sentence.
    pub summary: Text,
    /// Where the distinction comes from.
    pub source: Lenient<Text>,
    /// Reasons to choose it; one without `when` always holds.
    #[schemars(length(min = 1))]
    pub reasons: Items<Because>,
}

/// A reason that holds under a condition.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "a reason", deny_unknown_fields)]
pub struct Because {
    /// Holds when this does (always, when absent).
    pub when: Lenient<Condition>,
    /// The reason, as a clause.
    pub reason: Text,
}

/// A group of skills to screen for.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "a skill", deny_unknown_fields)]
pub struct Skill {
    /// Machine name.
    pub id: Id,
    /// Name of the group.
    pub name: Text,
    /// The skills themselves.
    pub items: Items<Text>,
    /// Why it matters, as a clause.
    pub why: Lenient<Text>,
    /// Listed when this holds (always, when absent).
    pub when: Lenient<Condition>,
    /// Where it comes from.
    pub source: Lenient<Text>,
}

/// A next step.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "a next step", deny_unknown_fields)]
pub struct Step {
    /// Machine name.
    pub id: Id,
    /// What to do.
    pub text: Text,
    /// Listed only when one of these candidates wins (any, when absent).
    #[serde(rename = "for")]
    pub for_: Lenient<Vec<Located<Name>>>,
    /// Listed only when this holds (always, when absent).
    pub when: Lenient<Condition>,
    /// Where it comes from.
    pub source: Lenient<Text>,
}

/// A warning: written as a next step is.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "a warning")]
pub struct Warning(pub Step);

/// What to weigh when two candidates finish close.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "a weighing", deny_unknown_fields)]
pub struct Weigh {
    /// The two candidates' ids, in either order.
    #[schemars(length(min = 2, max = 2))]
    pub between: Located<Vec<Located<Name>>>,
    /// What to weigh.
    pub text: Text,
    /// Used only when this holds (always, when absent). Of several entries for the same
    /// two candidates, the first whose condition holds is used.
    pub when: Lenient<Condition>,
    /// Where it comes from.
    pub source: Lenient<Text>,
}
