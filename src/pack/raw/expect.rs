//! Expectations as written: laws, direction laws and example profiles.

use super::condition::Condition;
use super::value::answer::AnyAnswer;
use super::value::{Answer, Id, Text};
use crate::pack::Trend;
use crate::yaml::de::{Entries, Items, Lenient, Located, Name, OneOrMany};
use schemars::JsonSchema;
use serde::Deserialize;

/// Laws, direction laws and example profiles that `hirewiz check` proves.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "`expectations`", deny_unknown_fields)]
pub struct Expectations {
    /// When a condition holds, the named candidates are never recommended nor level at
    /// the top.
    pub laws: Lenient<Items<Law>>,
    /// Moving one answer toward one end of its scale never moves a candidate's standing
    /// the wrong way.
    pub directions: Lenient<Items<Direction>>,
    /// Whole profiles with the verdict each must get.
    pub examples: Lenient<Items<Example>>,
}

/// A law over every profile.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "a law", deny_unknown_fields)]
pub struct Law {
    /// Machine name, unique among the expectations.
    pub id: Id,
    /// The profiles the law speaks of (every profile, when absent).
    pub when: Lenient<Condition>,
    /// The candidate id, or ids, never picked there.
    pub never: OneOrMany<Located<Name>>,
    /// Why, in words.
    pub reason: Text,
    /// Where it comes from.
    pub source: Lenient<Text>,
}

/// A direction law.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "a direction law", deny_unknown_fields)]
pub struct Direction {
    /// Machine name, unique among the expectations.
    pub id: Id,
    /// The question moved: single choice, yes/no or number, deciding no other
    /// question's `when`.
    pub question: Located<Name>,
    /// The end moved toward: the first or last option id; `true`/`false`; `more`/`less`.
    pub toward: Answer<AnyAnswer>,
    /// The profiles the law speaks of (every profile, when absent). It may not read the
    /// question moved, so it holds or fails alike all along the move.
    pub when: Lenient<Condition>,
    /// The candidate watched.
    pub candidate: Located<Name>,
    /// What never happens to its standing (ruled out counts below any points).
    pub never: Trend,
    /// Why, in words.
    pub reason: Text,
    /// Where it comes from.
    pub source: Lenient<Text>,
}

/// An example profile.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "an example", deny_unknown_fields)]
pub struct Example {
    /// Machine name, unique among the expectations.
    pub id: Id,
    /// Answers by question id, as answers files hold them; unanswered questions take
    /// their defaults.
    pub answers: Located<Entries<Located<Name>, Answer<AnyAnswer>>>,
    /// A candidate id, `tie` or `none_fits`.
    pub expect: Located<Name>,
    /// Why, in words.
    pub reason: Text,
    /// Where it comes from.
    pub source: Lenient<Text>,
}
