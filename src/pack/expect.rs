//! Expectations a pack declares about its own verdicts, which `hirewiz check` proves
//! over the whole answer space: laws ("when the work is short, never In-house"),
//! direction laws ("moving the length toward ongoing never lowers In-house") and example
//! profiles with the verdict each must get.

use super::{Answer, Condition};

/// Every expectation of a pack, in the pack's order.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Expectations {
    /// What must never be recommended when a condition holds.
    pub laws: Vec<Law>,
    /// How a candidate's standing may move along one question's scale.
    pub directions: Vec<Direction>,
    /// Whole profiles with the verdict each must get.
    pub examples: Vec<Example>,
}

impl Expectations {
    /// Whether the pack declares none.
    pub fn is_empty(&self) -> bool {
        self.laws.is_empty() && self.directions.is_empty() && self.examples.is_empty()
    }
}

/// Where an expectation is written, as `file:line:col`.
pub type Place = String;

/// When `when` holds (always, without one), none of `never` is recommended or level at
/// the top.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Law {
    /// Machine name.
    pub id: String,
    /// The profiles the law speaks of.
    pub when: Option<Condition>,
    /// Candidates that must not be picked, ascending.
    pub never: Vec<usize>,
    /// Why, in words.
    pub reason: String,
    /// Where it comes from.
    pub source: Option<String>,
    /// Where it is written.
    pub place: Place,
}

/// Which way a standing may not move.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize, schemars::JsonSchema, serde::Serialize,
)]
#[serde(expecting = "trend")]
pub enum Trend {
    /// The standing never goes down.
    #[serde(rename = "falls")]
    NeverFalls,
    /// The standing never goes up.
    #[serde(rename = "rises")]
    NeverRises,
}

/// Moving `question` one value at a time toward one end of its scale, all else equal,
/// never moves `candidate`'s standing (its points; ruled out counts below any points)
/// the way `trend` forbids.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Direction {
    /// Machine name.
    pub id: String,
    /// The question moved: single choice, yes/no or number.
    pub question: usize,
    /// Whether the move runs from the last value to the first.
    pub downward: bool,
    /// The profiles the law speaks of; it reads no answer to `question`.
    pub when: Option<Condition>,
    /// The candidate watched.
    pub candidate: usize,
    /// What may not happen.
    pub trend: Trend,
    /// Why, in words.
    pub reason: String,
    /// Where it comes from.
    pub source: Option<String>,
    /// Where it is written.
    pub place: Place,
}

/// What an example must get.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Expected {
    /// This candidate is recommended.
    Recommend(usize),
    /// Two or more are level at the top.
    Tie,
    /// Every option is ruled out.
    NoneFits,
}

/// A whole profile and the verdict it must get.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Example {
    /// Machine name.
    pub id: String,
    /// The answers given, by question index (unanswered: the default).
    pub answers: Vec<(usize, Answer)>,
    /// The verdict it must get.
    pub expect: Expected,
    /// Why, in words.
    pub reason: String,
    /// Where it comes from.
    pub source: Option<String>,
    /// Where it is written.
    pub place: Place,
}
