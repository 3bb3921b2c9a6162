//! A JSON Schema of the pack file format, for editors with a YAML language server.
//!
//! The real decoder ([`super::decode`]) is written by hand so that it can report every
//! problem at its place; the types here mirror the file format it reads, field for field,
//! and exist only to generate the schema (`hirewiz schema`, kept in the repository as
//! `assets/pack.schema.json`). Tests check that the schema accepts the default pack and
//! every valid test pack and refuses broken ones, so a change to the format that is not
//! made here too fails them.
//!
//! Each file of a pack is checked on its own, so every top-level key is optional: a pack
//! may be split across files and imports. What needs the whole pack (ids that exist,
//! at least two candidates, one default per question that fits its choices) is left to
//! `hirewiz check`.

#![allow(dead_code)] // The fields are read by the schema generator only.

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// The schema as pretty-printed JSON, ending with a line break.
pub fn json() -> String {
    let generator = schemars::generate::SchemaSettings::draft07().into_generator();
    let mut schema = serde_json::Value::from(generator.into_root_schema_for::<PackFile>());
    drop_null(&mut schema);
    let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
    text.push('\n');
    text
}

/// Optional fields may be left out but never written as `~`: the decoder refuses a null
/// where a value is expected, so the null that `Option` brings to a schema is removed.
fn drop_null(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Object(map) => {
            if let Some(Value::Array(types)) = map.get_mut("type") {
                types.retain(|t| t != "null");
                if types.len() == 1 {
                    let only = types.remove(0);
                    map.insert("type".into(), only);
                }
            }
            if let Some(Value::Array(alts)) = map.get_mut("anyOf") {
                alts.retain(|a| a.get("type").is_none_or(|t| t != "null"));
                if alts.len() == 1
                    && let Some(Value::Object(only)) = alts.pop()
                {
                    map.remove("anyOf");
                    for (k, v) in only {
                        map.entry(k).or_insert(v);
                    }
                }
            }
            map.values_mut().for_each(drop_null);
        }
        Value::Array(items) => items.iter_mut().for_each(drop_null),
        _ => {}
    }
}

/// One file of a hirewiz question pack: the header, candidates, sections of questions,
/// scoring rules and the advice that follows a verdict, in any split across files.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "hirewiz question pack")]
struct PackFile {
    /// The pack's identity and settings; given in exactly one file of the pack.
    pack: Option<Header>,
    /// Other files of the pack, as paths relative to this file.
    imports: Option<Imports>,
    /// What is decided between, in order; the order also breaks ties.
    candidates: Option<Vec<Candidate>>,
    /// Groups of questions, in the order asked.
    sections: Option<Vec<Section>>,
    /// The scoring rules: when a rule's condition holds, it gives points and may veto.
    rules: Option<Vec<Rule>>,
    /// Published rate tables the cost estimate reads; given in one file of the pack.
    rates: Option<Rates>,
    /// How the rate tables and the answers combine into a cost estimate per candidate;
    /// given in one file of the pack.
    costs: Option<Costs>,
    /// Roles to hire for, in order of preference: the first with a reason that holds.
    roles: Option<Vec<Role>>,
    /// Groups of skills to screen for.
    skills: Option<Vec<Skill>>,
    /// Next steps, in the order to take them.
    next_steps: Option<Vec<NextStep>>,
    /// What to weigh between two candidates when the result is close.
    weigh: Option<Vec<Weigh>>,
    /// Warnings shown when answers pull against each other: like next steps, a text
    /// with an optional `when` and `for`.
    warnings: Option<Vec<NextStep>>,
    /// What the pack's verdicts must satisfy for every profile, proved by `hirewiz check`.
    expectations: Option<Expectations>,
}

/// Laws, direction laws and example profiles that `hirewiz check` proves.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct Expectations {
    /// When a condition holds, the named candidates are never recommended nor level at
    /// the top.
    laws: Option<Vec<Law>>,
    /// Moving one answer toward one end of its scale never moves a candidate's standing
    /// the wrong way.
    directions: Option<Vec<DirectionLaw>>,
    /// Whole profiles with the verdict each must get.
    examples: Option<Vec<ExampleProfile>>,
}

/// A law over every profile.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct Law {
    /// Machine name, unique among the expectations.
    id: Id,
    /// The profiles the law speaks of (every profile, when absent).
    when: Option<Condition>,
    /// The candidate id, or ids, never picked there.
    never: IdOrIds,
    /// Why, in words.
    reason: Text,
    /// Where it comes from.
    source: Option<Text>,
}

/// Which way a standing may not move.
#[derive(JsonSchema)]
#[serde(rename_all = "snake_case")]
enum Trend {
    /// The standing never goes down.
    Falls,
    /// The standing never goes up.
    Rises,
}

/// A direction law.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct DirectionLaw {
    /// Machine name, unique among the expectations.
    id: Id,
    /// The question moved: single choice, yes/no or number, deciding no other
    /// question's `when`.
    question: Id,
    /// The end moved toward: the first or last option id; `true`/`false`; `more`/`less`.
    toward: AnswerValue,
    /// The candidate watched.
    candidate: Id,
    /// What never happens to its standing (ruled out counts below any points).
    never: Trend,
    /// Why, in words.
    reason: Text,
    /// Where it comes from.
    source: Option<Text>,
}

/// An example profile.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct ExampleProfile {
    /// Machine name, unique among the expectations.
    id: Id,
    /// Answers by question id, as answers files hold them; unanswered questions take
    /// their defaults.
    answers: std::collections::BTreeMap<String, AnswerValue>,
    /// A candidate id, `tie` or `none_fits`.
    expect: Id,
    /// Why, in words.
    reason: Text,
    /// Where it comes from.
    source: Option<Text>,
}

/// The pack's identity and settings.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct Header {
    /// Short machine name, e.g. `backend-hiring`.
    id: Id,
    /// The content's version, e.g. "1.2.0".
    version: Version,
    /// Title shown at the top of every screen.
    title: Text,
    /// What the pack helps decide, in a sentence or two.
    description: Option<Text>,
    /// A winning margin below this many points reads as too close to call.
    #[schemars(range(min = 0))]
    close_call: Option<i64>,
}

/// One of the options being decided between.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct Candidate {
    /// Machine name used in rules and outputs.
    id: Id,
    /// Name shown to people.
    name: Text,
    /// One line on what it is, its strengths and risks.
    description: Option<Text>,
    /// How the role to look for is introduced when this candidate is recommended, e.g.
    /// "Hire for" or "Ask the agency for" ("Role to look for" when absent or on a tie).
    role_heading: Option<Text>,
}

/// A group of questions shown under one heading.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct Section {
    /// Machine name.
    id: Id,
    /// Heading shown above its questions.
    title: Text,
    /// The questions, in the order asked.
    #[schemars(length(min = 1))]
    questions: Vec<Question>,
}

/// One question; `kind` says what answer it takes and which fields apply.
#[derive(JsonSchema)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
enum Question {
    /// Exactly one of the options.
    Single {
        /// Machine name, the key in answers files.
        id: Id,
        /// The question as asked.
        prompt: Text,
        /// One or two lines on why it is asked.
        help: Text,
        /// Longer help, shown on demand.
        details: Option<Text>,
        /// The choices, in order.
        #[schemars(length(min = 2))]
        options: Vec<Choice>,
        /// The id of the option taken when none is chosen.
        default: Id,
        /// Ask only when this holds over earlier answers.
        when: Option<Condition>,
    },
    /// Between `min` and `max` of the options.
    Multiple {
        /// Machine name, the key in answers files.
        id: Id,
        /// The question as asked.
        prompt: Text,
        /// One or two lines on why it is asked.
        help: Text,
        /// Longer help, shown on demand.
        details: Option<Text>,
        /// The choices, in order.
        #[schemars(length(min = 2))]
        options: Vec<Choice>,
        /// Fewest selections allowed (default 0).
        #[schemars(range(min = 0))]
        min: Option<i64>,
        /// Most selections allowed (default: all of them).
        #[schemars(range(min = 1))]
        max: Option<i64>,
        /// The ids of the options taken when none are chosen (one id alone is a list of one).
        default: IdOrIds,
        /// Ask only when this holds over earlier answers.
        when: Option<Condition>,
    },
    /// A whole number in `min..=max`, on the grid `min + k * step`.
    Number {
        /// Machine name, the key in answers files.
        id: Id,
        /// The question as asked.
        prompt: Text,
        /// One or two lines on why it is asked.
        help: Text,
        /// Longer help, shown on demand.
        details: Option<Text>,
        /// Smallest allowed.
        min: Int,
        /// Largest allowed.
        max: Int,
        /// Distance between allowed values (default 1).
        #[schemars(range(min = 1))]
        step: Option<i64>,
        /// What is counted, e.g. `engineers`.
        unit: Option<Text>,
        /// The unit for exactly one, e.g. `engineer`.
        unit_one: Option<Text>,
        /// The number taken when none is given.
        default: Int,
        /// Ask only when this holds over earlier answers.
        when: Option<Condition>,
    },
    /// Yes or no.
    YesNo {
        /// Machine name, the key in answers files.
        id: Id,
        /// The question as asked.
        prompt: Text,
        /// One or two lines on why it is asked.
        help: Text,
        /// Longer help, shown on demand.
        details: Option<Text>,
        /// The answer taken when none is given.
        default: YesNo,
        /// Ask only when this holds over earlier answers.
        when: Option<Condition>,
    },
}

/// One choice of a choice question.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct Choice {
    /// Machine name, used in answers files and rules.
    id: Id,
    /// Text shown to people.
    label: Text,
    /// Optional line shown when the choice is highlighted.
    help: Option<Text>,
}

/// A scoring rule: when its condition holds, it gives points and may rule candidates out.
/// It needs `points`, `veto` or both.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("anyOf" = [{"required": ["points"]}, {"required": ["veto"]}]))]
struct Rule {
    /// Machine name, shown in outputs.
    id: Id,
    /// Fires when this holds (always, when absent).
    when: Option<Condition>,
    /// Points given to candidates when the rule fires, by candidate id.
    points: Option<BTreeMap<String, Points>>,
    /// Candidates this rule rules out when it fires: one id or a list.
    veto: Option<IdOrIds>,
    /// One line a person reads.
    reason: Text,
    /// Where the reasoning comes from.
    source: Option<Text>,
}

/// Rate tables in one currency.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct Rates {
    /// Currency code of every figure, e.g. `USD`.
    currency: Text,
    /// The tables.
    tables: Vec<RateTable>,
}

/// One published table: rows by columns of low–high bands.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct RateTable {
    /// Machine name.
    id: Id,
    /// Title as shown.
    title: Text,
    /// Where the figures come from.
    source: Text,
    /// The columns.
    #[schemars(length(min = 1))]
    columns: Vec<RateColumn>,
    /// The rows.
    #[schemars(length(min = 1))]
    rows: Vec<RateRow>,
}

/// A column of a rate table.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct RateColumn {
    /// Machine name; rows key their values by it.
    id: Id,
    /// Heading as published.
    label: Text,
    /// What one figure pays for.
    unit: RateUnit,
}

/// The period a rate pays for.
#[derive(JsonSchema)]
enum RateUnit {
    /// Per hour worked.
    #[serde(rename = "per_hour")]
    Hour,
    /// Per month.
    #[serde(rename = "per_month")]
    Month,
    /// Per year.
    #[serde(rename = "per_year")]
    Year,
}

/// A row of a rate table.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct RateRow {
    /// Machine name.
    id: Id,
    /// Label as published.
    label: Text,
    /// A `[low, high]` band for every column, by column id.
    values: BTreeMap<String, Band>,
}

/// How rates and answers combine into a cost estimate per candidate.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct Costs {
    /// The number question giving the headcount (one person when absent or not asked).
    team: Option<Id>,
    /// The table row the answer to a single choice question selects: each option picks
    /// the row of its id.
    region: Lookup,
    /// How seniority scales the rates, when it does.
    seniority: Option<Seniority>,
    /// How long the work is costed for.
    duration: CostDuration,
    /// Hours worked in a month, for hourly rates.
    hours_per_month: Assumed,
    /// The arithmetic for each candidate that has one.
    models: Vec<CostModel>,
}

/// A table row chosen by a single choice question.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct Lookup {
    /// The single choice question.
    question: Id,
    /// The table's id.
    table: Id,
}

/// Seniority read from a table whose column ids are the question's option ids.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct Seniority {
    /// The single choice question.
    question: Id,
    /// The table's id.
    table: Id,
    /// The column the base rates stand for.
    reference: Id,
    /// Why the base rates stand for the reference level.
    source: Text,
}

/// How long the work is costed for: a number question answered in months, or a single
/// choice question with the months each option stands for.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct CostDuration {
    /// The question.
    question: Id,
    /// Months for each option of a single choice question.
    months: Option<Vec<Months>>,
}

/// The months one option stands for.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct Months {
    /// The option's id.
    option: Id,
    /// Months.
    months: Amount,
    /// Where the figure comes from.
    source: Text,
}

/// A figure the arithmetic assumes, with where it comes from.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct Assumed {
    /// The figure.
    value: Amount,
    /// Where it comes from.
    source: Text,
}

/// The cost arithmetic of one candidate.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct CostModel {
    /// The candidate's id.
    candidate: Id,
    /// The column of the region table holding its base rate.
    rate: Id,
    /// The row of the seniority table that scales it.
    seniority_row: Option<Id>,
    /// A multiplier on the running cost (e.g. benefits and overhead on a salary).
    loading: Option<Factor>,
    /// A one-off cost per person (e.g. recruiting).
    per_head: Option<Factor>,
    /// Time before work starts (e.g. recruiting), shown beside the figures.
    delay: Option<Delay>,
}

/// A labelled low–high figure with its source.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct Factor {
    /// What it stands for, as shown in the arithmetic.
    label: Text,
    /// Low end.
    low: Amount,
    /// High end, not below the low end.
    high: Amount,
    /// Where it comes from.
    source: Text,
}

/// Time before work starts.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct Delay {
    /// Weeks.
    #[schemars(range(min = 0, max = 520))]
    weeks: i64,
    /// What the weeks measure, as the source measures it ("before work can start" when
    /// absent).
    label: Option<Text>,
    /// Where it comes from.
    source: Text,
}

/// A role to hire for, chosen by the first of its reasons that holds.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct Role {
    /// Machine name.
    id: Id,
    /// Title, e.g. "Backend engineer".
    name: Text,
    /// What the role does, in a sentence.
    summary: Text,
    /// Where the distinction comes from.
    source: Option<Text>,
    /// Reasons to choose it; one without `when` always holds.
    #[schemars(length(min = 1))]
    reasons: Vec<Because>,
}

/// A reason that holds under a condition.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct Because {
    /// Holds when this does (always, when absent).
    when: Option<Condition>,
    /// The reason, as a clause.
    reason: Text,
}

/// A group of skills to screen for.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct Skill {
    /// Machine name.
    id: Id,
    /// Name of the group.
    name: Text,
    /// The skills themselves.
    items: Vec<Text>,
    /// Why it matters, as a clause.
    why: Option<Text>,
    /// Listed when this holds (always, when absent).
    when: Option<Condition>,
    /// Where it comes from.
    source: Option<Text>,
}

/// A next step.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct NextStep {
    /// Machine name.
    id: Id,
    /// What to do.
    text: Text,
    /// Listed only when one of these candidates wins (any, when absent).
    #[serde(rename = "for")]
    for_: Option<Vec<Id>>,
    /// Listed only when this holds (always, when absent).
    when: Option<Condition>,
    /// Where it comes from.
    source: Option<Text>,
}

/// What to weigh when two candidates finish close.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
struct Weigh {
    /// The two candidates' ids, in either order.
    #[schemars(length(min = 2, max = 2))]
    between: Vec<Id>,
    /// What to weigh.
    text: Text,
    /// Where it comes from.
    source: Option<Text>,
}

/// A test over earlier answers: a mapping with exactly one key. A question that is not
/// asked fails every test on it.
#[derive(JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
enum Condition {
    /// Every part holds.
    All(Vec<Condition>),
    /// At least one part holds.
    Any(Vec<Condition>),
    /// The part does not hold.
    Not(Box<Condition>),
    /// The answer to a question is exactly this: `{question_id: value}`; a list of option
    /// ids for a multiple choice question compares the whole set.
    Equals(OneKey<AnswerValue>),
    /// A single choice answer is one of these option ids: `{question_id: [ids]}`.
    OneOf(OneKey<Vec<Id>>),
    /// A multiple choice answer includes this option id: `{question_id: id}`.
    Contains(OneKey<Id>),
    /// A number answer lies within these bounds: `{question_id: {min, max}}`.
    Range(OneKey<Bounds>),
    /// In a rule only: the cost estimate shows this candidate strictly cheapest, by the
    /// mid-point per person (`cheapest: candidate_id`).
    Cheapest(Id),
    /// In a rule only: the cost estimate shows this candidate strictly dearest.
    Dearest(Id),
}

/// The bounds of a `range` test; either may be left open, not both.
#[derive(JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(extend("minProperties" = 1))]
struct Bounds {
    /// Lowest value that holds.
    min: Option<Int>,
    /// Highest value that holds.
    max: Option<Int>,
}

/// A mapping from one question id to `V`.
struct OneKey<V>(std::marker::PhantomData<V>);

impl<V: JsonSchema> JsonSchema for OneKey<V> {
    fn schema_name() -> Cow<'static, str> {
        format!("OneKey_{}", V::schema_name()).into()
    }

    fn json_schema(generator: &mut SchemaGenerator) -> Schema {
        let value = generator.subschema_for::<V>();
        json_schema!({
            "type": "object",
            "minProperties": 1,
            "maxProperties": 1,
            "propertyNames": {"pattern": "^[a-z][a-z0-9_-]{0,63}$"},
            "additionalProperties": value,
        })
    }

    fn inline_schema() -> bool {
        true
    }
}

/// Schema-only value types: each says what the decoder accepts, nothing more.
macro_rules! value_type {
    ($(#[$doc:meta])* $name:ident => $schema:tt) => {
        $(#[$doc])*
        struct $name;

        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!($schema)
            }
        }
    };
}

value_type!(
    /// An identifier: a lowercase letter, then lowercase letters, digits, `_` or `-`.
    Id => {
        "type": "string",
        "pattern": "^[a-z][a-z0-9_-]{0,63}$",
        "description": "An id: a lowercase letter, then a-z, 0-9, `_` or `-` (at most 64)."
    }
);

value_type!(
    /// Text that is not blank.
    Text => {"type": "string", "pattern": "\\S"}
);

value_type!(
    /// A version: text such as "1.0.0" (a bare number is taken as text).
    Version => {"type": ["string", "number"], "pattern": "\\S"}
);

value_type!(
    /// A whole number within the decoder's bounds.
    Int => {"type": "integer", "minimum": -1_000_000_000_000i64, "maximum": 1_000_000_000_000i64}
);

value_type!(
    /// Points a rule gives a candidate.
    Points => {"type": "integer", "minimum": -1000, "maximum": 1000}
);

value_type!(
    /// A figure in rates and costs: a number from 0 to 1,000,000,000, whole or not.
    Amount => {"type": "number", "minimum": 0, "maximum": 1_000_000_000}
);

value_type!(
    /// A `[low, high]` band of figures, low first.
    Band => {
        "type": "array",
        "items": {"type": "number", "minimum": 0, "maximum": 1_000_000_000},
        "minItems": 2,
        "maxItems": 2
    }
);

value_type!(
    /// Yes or no: `true`/`false`, or the words yes and no.
    YesNo => {"oneOf": [
        {"type": "boolean"},
        {"enum": ["yes", "Yes", "YES", "no", "No", "NO"]}
    ]}
);

value_type!(
    /// One id, or a list of ids.
    IdOrIds => {"oneOf": [
        {"type": "string", "pattern": "^[a-z][a-z0-9_-]{0,63}$"},
        {"type": "array", "items": {"type": "string", "pattern": "^[a-z][a-z0-9_-]{0,63}$"}}
    ]}
);

value_type!(
    /// Paths of other files of the pack, relative to this file: one, or a list.
    Imports => {"oneOf": [
        {"type": "string", "pattern": "\\S"},
        {"type": "array", "items": {"type": "string", "pattern": "\\S"}}
    ]}
);

value_type!(
    /// An answer as answers files hold it: an option id, a list of option ids, a whole
    /// number, or yes/no.
    AnswerValue => {"oneOf": [
        {"type": "string"},
        {"type": "array", "items": {"type": "string"}},
        {"type": "integer"},
        {"type": "boolean"}
    ]}
);
