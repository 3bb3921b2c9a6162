//! The pack format, written once: what one file of a pack may hold, as it is written.
//!
//! These types are read from the located tree by [`crate::yaml::de`] and resolved into a
//! [`super::Pack`] by `resolve`, which turns ids into indices and checks what
//! needs the whole pack. The JSON Schema (`hirewiz schema`) is derived from them, and
//! their doc comments are its descriptions.
//!
//! Each file of a pack is read on its own, so every top-level key is optional: a pack
//! may be split across files and imports. A type's serde name is how messages name it
//! (see [`crate::yaml::de`]); its schemars name is its name in the schema.

pub mod condition;
pub mod content;
pub mod expect;
pub mod value;

use crate::yaml::de::{Entries, Items, Lenient, Located, Name, OneOrMany};
use condition::Condition;
use content::{Costs, Rates, Role, Skill, Step, Warning, Weigh};
use expect::Expectations;
use schemars::{JsonSchema, Schema};
use serde::Deserialize;
use serde_json::{Map, Value};
use value::answer::{IdOrIds, YesNo};
use value::{Answer, Id, Int, Points, Text, Version};

/// One file of a hirewiz question pack: the header, candidates, sections of questions,
/// scoring rules and the advice that follows a verdict, in any split across files.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "a pack file", deny_unknown_fields)]
#[schemars(title = "hirewiz question pack")]
pub struct PackFile {
    /// The pack's identity and settings; given in exactly one file of the pack.
    pub pack: Lenient<Located<Header>>,
    /// Other files of the pack, as paths relative to this file.
    pub imports: Lenient<OneOrMany<Lenient<Located<Text>>>>,
    /// What is decided between, in order; the order also breaks ties.
    pub candidates: Lenient<Items<Candidate>>,
    /// Groups of questions, in the order asked.
    pub sections: Lenient<Items<Section>>,
    /// The scoring rules: when a rule's condition holds, it gives points and may veto.
    pub rules: Lenient<Items<Rule>>,
    /// Published rate tables the cost estimate reads; given in one file of the pack.
    pub rates: Lenient<Located<Rates>>,
    /// How the rate tables and the answers combine into a cost estimate per candidate;
    /// given in one file of the pack.
    pub costs: Lenient<Located<Costs>>,
    /// Roles to hire for, in order of preference: the first with a reason that holds.
    pub roles: Lenient<Items<Role>>,
    /// Groups of skills to screen for.
    pub skills: Lenient<Items<Skill>>,
    /// Next steps, in the order to take them.
    pub next_steps: Lenient<Items<Step>>,
    /// Warnings shown when answers pull against each other: like next steps, a text
    /// with an optional `when` and `for`.
    pub warnings: Lenient<Items<Warning>>,
    /// What to weigh between two candidates when the result is close.
    pub weigh: Lenient<Items<Weigh>>,
    /// What the pack's verdicts must satisfy for every profile, proved by `hirewiz check`.
    pub expectations: Lenient<Expectations>,
    /// Not read from the file's fields: the id of every question the file writes,
    /// those left out for a problem of their own included, so that references to a
    /// question with a typo in its `kind` report nothing more.
    #[serde(skip)]
    #[schemars(skip)]
    pub written_questions: Vec<String>,
}

/// The pack's identity and settings.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "the pack header", deny_unknown_fields)]
pub struct Header {
    /// Short machine name, e.g. `backend-hiring`.
    pub id: Id,
    /// The content's version, e.g. "1.2.0".
    pub version: Version,
    /// Title shown at the top of every screen.
    pub title: Text,
    /// What the pack helps decide, in a sentence or two.
    pub description: Lenient<Text>,
    /// A winning margin below this many points reads as too close to call.
    #[schemars(range(min = 0))]
    pub close_call: Lenient<Located<Int>>,
}

/// One of the options being decided between.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "a candidate", deny_unknown_fields)]
pub struct Candidate {
    /// Machine name used in rules and outputs.
    pub id: Id,
    /// Name shown to people.
    #[schemars(required)]
    pub name: Lenient<Text>,
    /// One line on what it is, its strengths and risks.
    pub description: Lenient<Text>,
    /// How the role to look for is introduced when this candidate is recommended, e.g.
    /// "Hire for" or "Ask the agency for" ("Role to look for" when absent or on a tie).
    pub role_heading: Lenient<Text>,
}

/// A group of questions shown under one heading.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "a section", deny_unknown_fields)]
pub struct Section {
    /// Machine name.
    #[schemars(required)]
    pub id: Lenient<Id>,
    /// Heading shown above its questions.
    #[schemars(required)]
    pub title: Lenient<Text>,
    /// The questions, in the order asked.
    #[schemars(length(min = 1))]
    pub questions: Items<Question>,
}

/// One question; `kind` says what answer it takes and which fields apply.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "a question", deny_unknown_fields)]
#[schemars(transform = whole_variants)]
pub struct Question {
    /// Machine name, the key in answers files.
    pub id: Id,
    /// The question as asked.
    #[schemars(required)]
    pub prompt: Lenient<Text>,
    /// One or two lines on why it is asked.
    #[schemars(required)]
    pub help: Lenient<Text>,
    /// Longer help, shown on demand.
    pub details: Lenient<Text>,
    /// What kind of answer it takes, with the fields that apply to that kind alone.
    #[serde(rename = "$kind")]
    #[schemars(flatten)]
    pub kind: Kind,
    /// Ask only when this holds over earlier answers.
    pub when: Lenient<Condition>,
    /// Whether another answer to this question is tried for what would change the result
    /// (true when absent). Set it false on a question that says how another answer is
    /// stated rather than what is so, such as what a budget figure covers: changing it
    /// alone restates a figure as a different sum, or invents one the user never gave.
    pub what_if: Lenient<bool>,
}

/// What kind of answer a question takes.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(
    expecting = "question kind",
    rename_all = "snake_case",
    deny_unknown_fields
)]
#[schemars(tag = "kind")]
pub enum Kind {
    /// Exactly one of the options.
    Single {
        /// The choices, in order.
        #[schemars(length(min = 2))]
        options: Located<Items<Choice>>,
        /// The id of the option taken when none is chosen.
        #[schemars(required)]
        default: Lenient<Answer<Id>>,
    },
    /// Between `min` and `max` of the options.
    Multiple {
        /// The choices, in order.
        #[schemars(length(min = 2))]
        options: Located<Items<Choice>>,
        /// Fewest selections allowed (default 0).
        #[schemars(range(min = 0))]
        min: Lenient<Located<Int>>,
        /// Most selections allowed (default: all of them).
        #[schemars(range(min = 1))]
        max: Lenient<Located<Int>>,
        /// The ids of the options taken when none are chosen (one id alone is a list of one).
        #[schemars(required)]
        default: Lenient<Answer<IdOrIds>>,
    },
    /// A whole number in `min..=max`, on the grid `min + k * step`.
    Number {
        /// Smallest allowed.
        min: Int,
        /// Largest allowed.
        max: Located<Int>,
        /// Distance between allowed values (default 1).
        #[schemars(range(min = 1))]
        step: Lenient<Located<Int>>,
        /// What is counted, e.g. `engineers`.
        unit: Lenient<Text>,
        /// The unit for exactly one, e.g. `engineer`.
        unit_one: Lenient<Text>,
        /// The number taken when none is given.
        #[schemars(required)]
        default: Lenient<Answer<Int>>,
    },
    /// Yes or no.
    YesNo {
        /// The answer taken when none is given.
        #[schemars(required)]
        default: Lenient<Answer<YesNo>>,
    },
}

/// One choice of a choice question.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "an option", deny_unknown_fields)]
pub struct Choice {
    /// Machine name, used in answers files and rules.
    pub id: Id,
    /// Text shown to people.
    #[schemars(required)]
    pub label: Lenient<Text>,
    /// Optional line shown when the choice is highlighted.
    pub help: Lenient<Text>,
}

/// A scoring rule: when its condition holds, it gives points and may rule candidates out.
/// It needs `points`, `veto` or both.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(expecting = "a rule", deny_unknown_fields)]
#[schemars(extend("anyOf" = [{"required": ["points"]}, {"required": ["veto"]}]))]
pub struct Rule {
    /// Machine name, shown in outputs.
    pub id: Id,
    /// Fires when this holds (always, when absent).
    pub when: Lenient<Condition>,
    /// Points given to candidates when the rule fires, by candidate id.
    pub points: Lenient<Entries<Located<Name>, Lenient<Located<Points>>>>,
    /// Candidates this rule rules out when it fires: one id or a list.
    pub veto: Lenient<OneOrMany<Located<Name>>>,
    /// One line a person reads.
    #[schemars(required)]
    pub reason: Lenient<Text>,
    /// Where the reasoning comes from.
    pub source: Lenient<Text>,
}

/// For a struct that holds an enum tagged by one of its fields (a question and its
/// `kind`): every variant lists every field, since in draft-07 `additionalProperties`
/// sees only the properties written beside it.
fn whole_variants(schema: &mut Schema) {
    let Some(obj) = schema.as_object_mut() else {
        return;
    };
    let Some(Value::Array(variants)) = obj.remove("oneOf") else {
        return;
    };
    let properties = obj.remove("properties");
    let required = obj.remove("required");
    obj.remove("additionalProperties");
    let whole = variants.into_iter().map(|mut v| {
        if let Value::Object(variant) = &mut v {
            let mut props = match &properties {
                Some(Value::Object(p)) => p.clone(),
                _ => Map::new(),
            };
            if let Some(Value::Object(own)) = variant.remove("properties") {
                props.extend(own);
            }
            variant.insert("properties".into(), Value::Object(props));
            let mut req = match &required {
                Some(Value::Array(r)) => r.clone(),
                _ => Vec::new(),
            };
            if let Some(Value::Array(own)) = variant.remove("required") {
                req.extend(own);
            }
            variant.insert("required".into(), Value::Array(req));
            variant.insert("additionalProperties".into(), Value::Bool(false));
        }
        v
    });
    obj.insert("oneOf".into(), Value::Array(whole.collect()));
}
