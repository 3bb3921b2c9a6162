//! Conditions as written: a test over earlier answers, as a mapping with one key.

use super::value::answer::AnyAnswer;
use super::value::{Answer, Id, Int};
use crate::yaml::de::{Items, Lenient, Located, Name, OneKey};
use schemars::JsonSchema;
use serde::Deserialize;

/// A test over earlier answers: a mapping with exactly one key. A question that is not
/// asked fails every test on it.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(
    expecting = "a condition|test",
    rename_all = "snake_case",
    deny_unknown_fields
)]
pub enum Condition {
    /// Every part holds.
    All(Items<Condition>),
    /// At least one part holds.
    Any(Items<Condition>),
    /// The part does not hold.
    Not(Box<Condition>),
    /// The answer to a question is exactly this: `{question_id: value}`; a list of option
    /// ids for a multiple choice question compares the whole set.
    Equals(OneKey<Answer<AnyAnswer>>),
    /// A single choice answer is one of these option ids: `{question_id: [ids]}`.
    OneOf(OneKey<Located<Vec<Answer<Id>>>>),
    /// A multiple choice answer includes this option id: `{question_id: id}`.
    Contains(OneKey<Answer<Id>>),
    /// A number answer lies within these bounds: `{question_id: {min, max}}`.
    Range(OneKey<Located<Bounds>>),
    /// Not in a question's `when`: the cost estimate shows this candidate strictly
    /// cheapest, by the mid-point per person (`cheapest: candidate_id`).
    Cheapest(Located<Name>),
    /// Not in a question's `when`: the cost estimate shows this candidate strictly
    /// dearest.
    Dearest(Located<Name>),
    /// Not in a question's `when`: a budget figure is given (`costs.budget`) and the
    /// middle of this candidate's estimate is within it (`within_budget: candidate_id`).
    /// Fails when no figure is given.
    WithinBudget(Located<Name>),
    /// Not in a question's `when`: a budget figure is given and the middle of this
    /// candidate's estimate is above it. Fails when no figure is given.
    OverBudget(Located<Name>),
    /// Not in a question's `when`: a budget figure is given and even the low end of this
    /// candidate's estimate, at the cheapest rates of its band, is above it: the option
    /// is out of reach. Fails when no figure is given.
    OverBudgetAtLow(Located<Name>),
}

/// The bounds of a `range` test; either may be left open, not both.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "a range", deny_unknown_fields)]
#[schemars(extend("minProperties" = 1))]
pub struct Bounds {
    /// Lowest value that holds.
    pub min: Lenient<Int>,
    /// Highest value that holds.
    pub max: Lenient<Int>,
}
