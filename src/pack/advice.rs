//! The advice content of a pack, beyond scoring: rate tables, the cost arithmetic that
//! applies them, roles, skills, next steps and what to weigh on a close call.
//!
//! Every part is optional, so a pack without it still works, and nothing here knows the
//! default pack: tables, questions and candidates are all named by the pack itself and
//! resolved to indices while decoding, each problem reported at its place.

use super::decode::Scope;
use super::reader::{Fields, id, seq, text};
use super::{Condition, Kind};
use crate::diag::{Diagnostics, suggest};
use crate::yaml::{Node, NodeKind};
use std::collections::HashMap;

/// The top-level keys this module reads.
pub(super) const KEYS: &[&str] = &[
    "rates",
    "costs",
    "roles",
    "skills",
    "next_steps",
    "warnings",
    "weigh",
];

/// Everything a pack says beyond its rules, for the advice that follows a verdict.
#[derive(Debug, Clone, Default, PartialEq)]
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

/// Rate tables in one currency.
#[derive(Debug, Clone, PartialEq)]
pub struct Rates {
    /// Currency code of every figure, e.g. `USD`.
    pub currency: String,
    /// The tables, in the pack's order.
    pub tables: Vec<RateTable>,
}

/// One published table: rows by columns of low–high bands.
#[derive(Debug, Clone, PartialEq)]
pub struct RateTable {
    /// Machine name.
    pub id: String,
    /// Title as shown.
    pub title: String,
    /// Where the figures come from.
    pub source: String,
    /// The columns.
    pub columns: Vec<RateColumn>,
    /// The rows.
    pub rows: Vec<RateRow>,
}

/// A column of a rate table.
#[derive(Debug, Clone, PartialEq)]
pub struct RateColumn {
    /// Machine name.
    pub id: String,
    /// Heading as published.
    pub label: String,
    /// What one figure pays for.
    pub unit: RateUnit,
}

/// The period a rate pays for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RateUnit {
    /// Per hour worked.
    PerHour,
    /// Per month.
    PerMonth,
    /// Per year.
    PerYear,
}

impl RateUnit {
    const NAMES: &[&str] = &["per_hour", "per_month", "per_year"];

    fn parse(s: &str) -> Option<RateUnit> {
        match s {
            "per_hour" => Some(RateUnit::PerHour),
            "per_month" => Some(RateUnit::PerMonth),
            "per_year" => Some(RateUnit::PerYear),
            _ => None,
        }
    }
}

/// A row of a rate table.
#[derive(Debug, Clone, PartialEq)]
pub struct RateRow {
    /// Machine name (for a row looked up by an answer, the option's id).
    pub id: String,
    /// Label as published.
    pub label: String,
    /// One band per column, in the columns' order.
    pub values: Vec<Band>,
}

/// A low–high range of figures.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    /// Low end.
    pub low: f64,
    /// High end, never below `low`.
    pub high: f64,
}

/// How rates and answers combine into a cost estimate per candidate.
#[derive(Debug, Clone, PartialEq)]
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
    /// The arithmetic for each candidate that has one, in the pack's order.
    pub models: Vec<CostRule>,
}

/// A table row chosen by a single choice answer: each option selects the row of its id.
#[derive(Debug, Clone, PartialEq)]
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
#[derive(Debug, Clone, PartialEq)]
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
    pub source: String,
}

/// How long the work is costed for.
#[derive(Debug, Clone, PartialEq)]
pub struct Duration {
    /// The question.
    pub question: usize,
    /// Months each option stands for, by option index; empty when the question is a
    /// number question whose answer is the months.
    pub months: Vec<Assumed>,
}

/// A figure the arithmetic assumes, with where it comes from.
#[derive(Debug, Clone, PartialEq)]
pub struct Assumed {
    /// The figure.
    pub value: f64,
    /// Where it comes from.
    pub source: String,
}

/// The cost arithmetic of one candidate.
#[derive(Debug, Clone, PartialEq)]
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
#[derive(Debug, Clone, PartialEq)]
pub struct Factor {
    /// What it stands for, as shown in the arithmetic.
    pub label: String,
    /// Low end.
    pub low: f64,
    /// High end.
    pub high: f64,
    /// Where it comes from.
    pub source: String,
}

/// Time before work starts.
#[derive(Debug, Clone, PartialEq)]
pub struct Delay {
    /// Weeks.
    pub weeks: i64,
    /// What the weeks measure, as its source measures it (e.g. "to fill the role").
    pub label: Option<String>,
    /// Where it comes from.
    pub source: String,
}

/// A role to hire for, chosen by the first of its reasons that holds.
#[derive(Debug, Clone, PartialEq)]
pub struct Role {
    /// Machine name.
    pub id: String,
    /// Title, e.g. "Backend engineer".
    pub name: String,
    /// What the role does, in a sentence.
    pub summary: String,
    /// Where the distinction comes from.
    pub source: Option<String>,
    /// Reasons to choose it; one without a condition always holds.
    pub reasons: Vec<Because>,
}

/// A reason that holds under a condition.
#[derive(Debug, Clone, PartialEq)]
pub struct Because {
    /// Holds when this does (always, when absent).
    pub when: Option<Condition>,
    /// The reason, as a clause.
    pub reason: String,
}

/// A group of skills to screen for.
#[derive(Debug, Clone, PartialEq)]
pub struct Skill {
    /// Machine name.
    pub id: String,
    /// Name of the group.
    pub name: String,
    /// The skills themselves.
    pub items: Vec<String>,
    /// Why it matters, as a clause.
    pub why: Option<String>,
    /// Listed when this holds (always, when absent).
    pub when: Option<Condition>,
    /// Where it comes from.
    pub source: Option<String>,
}

/// A next step.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// Machine name.
    pub id: String,
    /// What to do.
    pub text: String,
    /// Listed only when one of these candidates wins (any, when empty).
    pub candidates: Vec<usize>,
    /// Listed only when this holds (always, when absent).
    pub when: Option<Condition>,
    /// Where it comes from.
    pub source: Option<String>,
}

/// What to weigh when two candidates finish close.
#[derive(Debug, Clone, PartialEq)]
pub struct Weigh {
    /// The two candidates, in either order.
    pub between: [usize; 2],
    /// What to weigh.
    pub text: String,
    /// Where it comes from.
    pub source: Option<String>,
}

const RATES: &[&str] = &["currency", "tables"];
const TABLE: &[&str] = &["id", "title", "source", "columns", "rows"];
const COLUMN: &[&str] = &["id", "label", "unit"];
const ROW: &[&str] = &["id", "label", "values"];
const COSTS: &[&str] = &[
    "team",
    "region",
    "seniority",
    "duration",
    "hours_per_month",
    "models",
];
const LOOKUP: &[&str] = &["question", "table"];
const SENIORITY: &[&str] = &["question", "table", "reference", "source"];
const DURATION: &[&str] = &["question", "months"];
const MONTHS: &[&str] = &["option", "months", "source"];
const ASSUMED: &[&str] = &["value", "source"];
const MODEL: &[&str] = &[
    "candidate",
    "rate",
    "seniority_row",
    "loading",
    "per_head",
    "delay",
];
const FACTOR: &[&str] = &["label", "low", "high", "source"];
const DELAY: &[&str] = &["weeks", "label", "source"];
const ROLE: &[&str] = &["id", "name", "summary", "source", "reasons"];
const BECAUSE: &[&str] = &["when", "reason"];
const SKILL: &[&str] = &["id", "name", "items", "why", "when", "source"];
const STEP: &[&str] = &["id", "text", "for", "when", "source"];
const WEIGH: &[&str] = &["between", "text", "source"];

/// Decode the advice keys found in a pack's files, as (file, key, value), in reading order.
pub(super) fn decode(
    nodes: &[(String, &str, &Node)],
    scope: &Scope,
    cands: &HashMap<String, usize>,
    d: &mut Diagnostics,
) -> AdviceContent {
    let mut out = AdviceContent::default();
    let mut first: HashMap<&str, (String, u32)> = HashMap::new();
    let once = |key: &str| matches!(key, "rates" | "costs");
    // Tables first: the cost model refers to them.
    let mut ordered: Vec<&(String, &str, &Node)> = nodes.iter().collect();
    ordered.sort_by_key(|(_, k, _)| *k != "rates");
    let ctx = Ctx { scope, cands };
    for (file, key, node) in ordered {
        d.set_file(file.clone());
        if once(key) {
            if let Some((f, line)) = first.get(key) {
                d.error(
                    node.pos,
                    format!("`{key}` is given twice (first in {f} at line {line})"),
                );
                continue;
            }
            first.insert(key, (file.clone(), node.pos.line));
        }
        match *key {
            "rates" => out.rates = decode_rates(node, d),
            "costs" => out.costs = ctx.costs(node, out.rates.as_ref(), d),
            "roles" => list(
                node,
                key,
                d,
                |n, d| ctx.role(n, d),
                &mut out.roles,
                |r| &r.id,
            ),
            "skills" => list(
                node,
                key,
                d,
                |n, d| ctx.skill(n, d),
                &mut out.skills,
                |s| &s.id,
            ),
            "next_steps" => list(
                node,
                key,
                d,
                |n, d| ctx.step(n, "a next step", d),
                &mut out.next_steps,
                |s| &s.id,
            ),
            "warnings" => list(
                node,
                key,
                d,
                |n, d| ctx.step(n, "a warning", d),
                &mut out.warnings,
                |s| &s.id,
            ),
            _ => {
                if let Some(items) = seq(node, key, d) {
                    out.weigh
                        .extend(items.iter().filter_map(|n| ctx.weigh(n, d)));
                }
            }
        }
    }
    out
}

/// Decode a list of items with unique ids, appending to `out`.
fn list<T>(
    node: &Node,
    key: &str,
    d: &mut Diagnostics,
    one: impl Fn(&Node, &mut Diagnostics) -> Option<T>,
    out: &mut Vec<T>,
    id_of: impl Fn(&T) -> &String,
) {
    let Some(items) = seq(node, key, d) else {
        return;
    };
    for n in items {
        if let Some(item) = one(n, d) {
            if out.iter().any(|x| id_of(x) == id_of(&item)) {
                d.error(n.pos, format!("duplicate id `{}` in `{key}`", id_of(&item)));
            } else {
                out.push(item);
            }
        }
    }
}

fn decode_rates(node: &Node, d: &mut Diagnostics) -> Option<Rates> {
    let f = Fields::new(node, "`rates`", RATES, d)?;
    let currency = f.req_str("currency", d);
    let mut tables: Vec<RateTable> = Vec::new();
    for t in f
        .req("tables", d)
        .and_then(|n| seq(n, "tables", d))
        .unwrap_or(&[])
    {
        if let Some(table) = decode_table(t, d) {
            if tables.iter().any(|x| x.id == table.id) {
                d.error(t.pos, format!("duplicate table id `{}`", table.id));
            } else {
                tables.push(table);
            }
        }
    }
    Some(Rates {
        currency: currency?,
        tables,
    })
}

fn decode_table(node: &Node, d: &mut Diagnostics) -> Option<RateTable> {
    let f = Fields::new(node, "a rate table", TABLE, d)?;
    let tid = f.req_id("id", d);
    let title = f.req_str("title", d);
    let source = f.req_str("source", d);
    let mut columns: Vec<RateColumn> = Vec::new();
    let column_nodes = f
        .req("columns", d)
        .and_then(|n| seq(n, "columns", d))
        .unwrap_or(&[]);
    let row_nodes = f
        .req("rows", d)
        .and_then(|n| seq(n, "rows", d))
        .unwrap_or(&[]);
    for c in column_nodes {
        let Some(cf) = Fields::new(c, "a rate column", COLUMN, d) else {
            continue;
        };
        let (cid, label) = (cf.req_id("id", d), cf.req_str("label", d));
        let unit = cf.req_str("unit", d).and_then(|u| {
            let parsed = RateUnit::parse(&u);
            if parsed.is_none() {
                let hint = suggest(&u, RateUnit::NAMES.iter().copied())
                    .unwrap_or_else(|| "units are per_hour, per_month and per_year".into());
                d.error_hint(cf.key_pos("unit"), format!("unknown unit `{u}`"), hint);
            }
            parsed
        });
        // A bad unit is already reported; the column is kept so that rows naming it
        // do not add errors of their own.
        if let (Some(id), Some(label)) = (cid, label) {
            if columns.iter().any(|x| x.id == id) {
                d.error(c.pos, format!("duplicate column id `{id}`"));
            } else {
                let unit = unit.unwrap_or(RateUnit::PerMonth);
                columns.push(RateColumn { id, label, unit });
            }
        }
    }
    let mut rows: Vec<RateRow> = Vec::new();
    for r in row_nodes {
        let Some(rf) = Fields::new(r, "a rate row", ROW, d) else {
            continue;
        };
        let (rid, label) = (rf.req_id("id", d), rf.req_str("label", d));
        let Some(values) = rf.req("values", d) else {
            continue;
        };
        let known: Vec<&str> = columns.iter().map(|c| c.id.as_str()).collect();
        let Some(vf) = Fields::new(values, "a row's values", &known, d) else {
            continue;
        };
        let mut bands = Vec::with_capacity(columns.len());
        for c in &columns {
            match vf.get(&c.id) {
                Some(v) => bands.push(band(v, d)),
                None => {
                    d.error(
                        values.pos,
                        format!("the row has no value for column `{}`", c.id),
                    );
                    bands.push(None);
                }
            }
        }
        // A bad band is already reported; the row is kept so that lookups of it do not
        // add errors of their own.
        let zero = Band {
            low: 0.0,
            high: 0.0,
        };
        let values: Vec<Band> = bands.into_iter().map(|b| b.unwrap_or(zero)).collect();
        if let (Some(id), Some(label)) = (rid, label) {
            if rows.iter().any(|x| x.id == id) {
                d.error(r.pos, format!("duplicate row id `{id}`"));
            } else {
                rows.push(RateRow { id, label, values });
            }
        }
    }
    if column_nodes.is_empty() || row_nodes.is_empty() {
        d.error(
            node.pos,
            "a rate table needs at least one column and one row",
        );
    }
    Some(RateTable {
        id: tid?,
        title: title?,
        source: source?,
        columns,
        rows,
    })
}

/// A `[low, high]` pair of non-negative numbers, low first.
fn band(node: &Node, d: &mut Diagnostics) -> Option<Band> {
    let pair = match node.as_seq() {
        Some([a, b]) => (number(a, d), number(b, d)),
        _ => {
            d.error_hint(
                node.pos,
                format!("expected a range `[low, high]`, found {}", node.type_name()),
                "write both ends, e.g. `[50000, 90000]`",
            );
            return None;
        }
    };
    let (low, high) = (pair.0?, pair.1?);
    if low > high {
        d.error(node.pos, "the low end is above the high end");
        return None;
    }
    Some(Band { low, high })
}

/// A non-negative number, whole or not, within a sane bound.
fn number(node: &Node, d: &mut Diagnostics) -> Option<f64> {
    let x = match node.kind {
        NodeKind::Int(i) => i as f64,
        NodeKind::Float(x) => x,
        _ => {
            d.error(
                node.pos,
                format!("expected a number, found {}", node.type_name()),
            );
            return None;
        }
    };
    if !(0.0..=1e9).contains(&x) {
        d.error(node.pos, "must lie between 0 and 1,000,000,000");
        return None;
    }
    Some(x)
}

fn req_number(f: &Fields, key: &str, d: &mut Diagnostics) -> Option<f64> {
    f.req(key, d).and_then(|n| number(n, d))
}

/// What the advice decoder refers to: the questions and the candidates.
struct Ctx<'a> {
    scope: &'a Scope<'a>,
    cands: &'a HashMap<String, usize>,
}

impl Ctx<'_> {
    fn question(&self, node: &Node, d: &mut Diagnostics) -> Option<usize> {
        let qid = text(node, "question", d)?;
        let q = self.scope.lookup.get(&qid).copied();
        if q.is_none() {
            let msg = format!("unknown question `{qid}`");
            match suggest(&qid, self.scope.ids.iter().map(String::as_str)) {
                Some(h) => d.error_hint(node.pos, msg, h),
                None => d.error(node.pos, msg),
            }
        }
        q
    }

    /// A question that must be single choice; returns it with its option ids.
    fn single(&self, node: &Node, d: &mut Diagnostics) -> Option<(usize, Vec<String>)> {
        let q = self.question(node, d)?;
        match &self.scope.kinds[q] {
            Kind::Single { options } => Some((q, options.iter().map(|c| c.id.clone()).collect())),
            other => {
                d.error(
                    node.pos,
                    format!(
                        "expected a single choice question, `{}` is {}",
                        self.scope.ids[q],
                        other.name()
                    ),
                );
                None
            }
        }
    }

    fn candidate(&self, node: &Node, d: &mut Diagnostics) -> Option<usize> {
        let s = text(node, "candidate", d)?;
        let c = self.cands.get(&s).copied();
        if c.is_none() {
            let msg = format!("unknown candidate `{s}`");
            match suggest(&s, self.cands.keys().map(String::as_str)) {
                Some(h) => d.error_hint(node.pos, msg, h),
                None => d.error(node.pos, msg),
            }
        }
        c
    }

    fn when(&self, f: &Fields, d: &mut Diagnostics) -> Result<Option<Condition>, ()> {
        match f.get("when") {
            Some(n) => self.scope.condition(n, None, d).map(Some).ok_or(()),
            None => Ok(None),
        }
    }

    fn costs(&self, node: &Node, rates: Option<&Rates>, d: &mut Diagnostics) -> Option<CostModel> {
        let f = Fields::new(node, "`costs`", COSTS, d)?;
        let Some(rates) = rates else {
            d.error_hint(
                node.pos,
                "`costs` needs rate tables",
                "add `rates:` with the tables it reads",
            );
            return None;
        };
        let team = f.get("team").and_then(|n| {
            let q = self.question(n, d)?;
            if !matches!(self.scope.kinds[q], Kind::Number { .. }) {
                d.error(
                    n.pos,
                    format!(
                        "`team` must name a number question; `{}` is not",
                        self.scope.ids[q]
                    ),
                );
                return None;
            }
            Some(q)
        });
        let region = f.req("region", d).and_then(|n| self.lookup(n, rates, d));
        let seniority = f.get("seniority").and_then(|n| self.seniority(n, rates, d));
        let duration = f.req("duration", d).and_then(|n| self.duration(n, d));
        let hours_per_month = f.req("hours_per_month", d).and_then(|n| assumed(n, d));
        let region_table = region.as_ref().map(|r| &rates.tables[r.table]);
        let mut models: Vec<CostRule> = Vec::new();
        for m in f
            .req("models", d)
            .and_then(|n| seq(n, "models", d))
            .unwrap_or(&[])
        {
            let Some(rule) = self.model(
                m,
                region_table,
                seniority.as_ref().map(|s| &rates.tables[s.table]),
                d,
            ) else {
                continue;
            };
            if models.iter().any(|x| x.candidate == rule.candidate) {
                d.error(m.pos, "this candidate already has a cost model");
            } else {
                models.push(rule);
            }
        }
        Some(CostModel {
            team,
            region: region?,
            seniority,
            duration: duration?,
            hours_per_month: hours_per_month?,
            models,
        })
    }

    /// A table whose rows are keyed by a single choice question's option ids.
    fn lookup(&self, node: &Node, rates: &Rates, d: &mut Diagnostics) -> Option<RowLookup> {
        let f = Fields::new(node, "a table lookup", LOOKUP, d)?;
        let question = f.req("question", d).and_then(|n| self.single(n, d));
        let table = f.req("table", d).and_then(|n| table(n, rates, d));
        let ((q, options), t) = (question?, table?);
        let rows = &rates.tables[t].rows;
        let mut out = Vec::with_capacity(options.len());
        for o in &options {
            match rows.iter().position(|r| &r.id == o) {
                Some(i) => out.push(i),
                None => d.error(
                    node.pos,
                    format!(
                        "table `{}` has no row `{o}` for that option of `{}`",
                        rates.tables[t].id, self.scope.ids[q]
                    ),
                ),
            }
        }
        (out.len() == options.len()).then_some(RowLookup {
            question: q,
            table: t,
            rows: out,
        })
    }

    fn seniority(&self, node: &Node, rates: &Rates, d: &mut Diagnostics) -> Option<SeniorityScale> {
        let f = Fields::new(node, "`seniority`", SENIORITY, d)?;
        let question = f.req("question", d).and_then(|n| self.single(n, d));
        let t = f.req("table", d).and_then(|n| table(n, rates, d));
        let source = f.req_str("source", d);
        let reference = f.req_str("reference", d);
        let ((q, options), t) = (question?, t?);
        let cols = &rates.tables[t].columns;
        let column = |id: &str| cols.iter().position(|c| c.id == id);
        let reference = reference.and_then(|r| {
            let c = column(&r);
            if c.is_none() {
                d.error(
                    f.key_pos("reference"),
                    format!("table `{}` has no column `{r}`", rates.tables[t].id),
                );
            }
            c
        });
        let mut columns = Vec::with_capacity(options.len());
        for o in &options {
            match column(o) {
                Some(i) => columns.push(i),
                None => d.error(
                    node.pos,
                    format!(
                        "table `{}` has no column `{o}` for that option of `{}`",
                        rates.tables[t].id, self.scope.ids[q]
                    ),
                ),
            }
        }
        if columns.len() != options.len() {
            return None;
        }
        Some(SeniorityScale {
            question: q,
            table: t,
            reference: reference?,
            columns,
            source: source?,
        })
    }

    fn duration(&self, node: &Node, d: &mut Diagnostics) -> Option<Duration> {
        let f = Fields::new(node, "`duration`", DURATION, d)?;
        let qn = f.req("question", d)?;
        let q = self.question(qn, d)?;
        match &self.scope.kinds[q] {
            Kind::Number { .. } => {
                if f.get("months").is_some() {
                    d.error(
                        f.key_pos("months"),
                        "a number question's answer is the months; `months` does not apply",
                    );
                }
                Some(Duration {
                    question: q,
                    months: Vec::new(),
                })
            }
            Kind::Single { options } => {
                let mut months: Vec<Option<Assumed>> = vec![None; options.len()];
                for m in f
                    .req("months", d)
                    .and_then(|n| seq(n, "months", d))
                    .unwrap_or(&[])
                {
                    let Some(mf) = Fields::new(m, "a duration", MONTHS, d) else {
                        continue;
                    };
                    let option = mf.req("option", d).and_then(|n| {
                        let s = text(n, "option", d)?;
                        let i = options.iter().position(|c| c.id == s);
                        if i.is_none() {
                            let msg = format!("`{}` has no option `{s}`", self.scope.ids[q]);
                            match suggest(&s, options.iter().map(|c| c.id.as_str())) {
                                Some(h) => d.error_hint(n.pos, msg, h),
                                None => d.error(n.pos, msg),
                            }
                        }
                        i
                    });
                    let value = req_number(&mf, "months", d);
                    let source = mf.req_str("source", d);
                    if let (Some(i), Some(value), Some(source)) = (option, value, source) {
                        if months[i].is_some() {
                            d.error(m.pos, format!("option `{}` is given twice", options[i].id));
                        }
                        months[i] = Some(Assumed { value, source });
                    }
                }
                let missing: Vec<&str> = options
                    .iter()
                    .zip(&months)
                    .filter(|(_, m)| m.is_none())
                    .map(|(c, _)| c.id.as_str())
                    .collect();
                if !missing.is_empty() {
                    d.error(
                        node.pos,
                        format!("`months` gives no figure for {}", missing.join(", ")),
                    );
                    return None;
                }
                Some(Duration {
                    question: q,
                    months: months.into_iter().flatten().collect(),
                })
            }
            other => {
                d.error(
                    qn.pos,
                    format!(
                        "`duration` needs a single choice or number question; this one is {}",
                        other.name()
                    ),
                );
                None
            }
        }
    }

    fn model(
        &self,
        node: &Node,
        region: Option<&RateTable>,
        seniority: Option<&RateTable>,
        d: &mut Diagnostics,
    ) -> Option<CostRule> {
        let f = Fields::new(node, "a cost model", MODEL, d)?;
        let candidate = f.req("candidate", d).and_then(|n| self.candidate(n, d));
        let column = f.req_str("rate", d).and_then(|c| {
            let table = region?;
            let i = table.columns.iter().position(|x| x.id == c);
            if i.is_none() {
                d.error(
                    f.key_pos("rate"),
                    format!("table `{}` has no column `{c}`", table.id),
                );
            }
            i
        });
        let seniority_row = match f.opt_str("seniority_row", d) {
            None => Ok(None),
            Some(r) => match seniority {
                None => {
                    d.error(
                        f.key_pos("seniority_row"),
                        "`seniority_row` needs `costs.seniority`",
                    );
                    Err(())
                }
                Some(t) => match t.rows.iter().position(|x| x.id == r) {
                    Some(i) => Ok(Some(i)),
                    None => {
                        d.error(
                            f.key_pos("seniority_row"),
                            format!("table `{}` has no row `{r}`", t.id),
                        );
                        Err(())
                    }
                },
            },
        };
        let loading = opt(&f, "loading", d, factor);
        let per_head = opt(&f, "per_head", d, factor);
        let delay = opt(&f, "delay", d, |n, d| {
            let df = Fields::new(n, "`delay`", DELAY, d)?;
            let weeks = df
                .req("weeks", d)
                .and_then(|n| super::reader::int(n, "weeks", d));
            let source = df.req_str("source", d);
            let label = df.opt_str("label", d);
            if weeks.is_some_and(|w| !(0..=520).contains(&w)) {
                d.error(df.key_pos("weeks"), "`weeks` must lie between 0 and 520");
                return None;
            }
            Some(Delay {
                weeks: weeks?,
                label,
                source: source?,
            })
        });
        Some(CostRule {
            candidate: candidate?,
            column: column?,
            seniority_row: seniority_row.ok()?,
            loading: loading.ok()?,
            per_head: per_head.ok()?,
            delay: delay.ok()?,
        })
    }

    fn role(&self, node: &Node, d: &mut Diagnostics) -> Option<Role> {
        let f = Fields::new(node, "a role", ROLE, d)?;
        let (rid, name, summary) = (
            f.req_id("id", d),
            f.req_str("name", d),
            f.req_str("summary", d),
        );
        let source = f.opt_str("source", d);
        let mut reasons = Vec::new();
        let list = f
            .req("reasons", d)
            .and_then(|n| seq(n, "reasons", d))
            .unwrap_or(&[]);
        if list.is_empty() {
            d.error(node.pos, "a role needs at least one reason");
        }
        for r in list {
            let Some(rf) = Fields::new(r, "a reason", BECAUSE, d) else {
                continue;
            };
            if let (Ok(when), Some(reason)) = (self.when(&rf, d), rf.req_str("reason", d)) {
                reasons.push(Because { when, reason });
            }
        }
        Some(Role {
            id: rid?,
            name: name?,
            summary: summary?,
            source,
            reasons,
        })
    }

    fn skill(&self, node: &Node, d: &mut Diagnostics) -> Option<Skill> {
        let f = Fields::new(node, "a skill", SKILL, d)?;
        let (sid, name) = (f.req_id("id", d), f.req_str("name", d));
        let mut items = Vec::new();
        for n in f
            .req("items", d)
            .and_then(|n| seq(n, "items", d))
            .unwrap_or(&[])
        {
            items.extend(text(n, "items", d));
        }
        let why = f.opt_str("why", d);
        let source = f.opt_str("source", d);
        let when = self.when(&f, d).ok()?;
        Some(Skill {
            id: sid?,
            name: name?,
            items,
            why,
            when,
            source,
        })
    }

    fn step(&self, node: &Node, what: &'static str, d: &mut Diagnostics) -> Option<Step> {
        let f = Fields::new(node, what, STEP, d)?;
        let (sid, text_) = (f.req_id("id", d), f.req_str("text", d));
        let mut candidates = Vec::new();
        if let Some(n) = f.get("for") {
            for c in seq(n, "for", d).unwrap_or(&[]) {
                candidates.extend(self.candidate(c, d));
            }
            candidates.sort_unstable();
            candidates.dedup();
        }
        let source = f.opt_str("source", d);
        let when = self.when(&f, d).ok()?;
        Some(Step {
            id: sid?,
            text: text_?,
            candidates,
            when,
            source,
        })
    }

    fn weigh(&self, node: &Node, d: &mut Diagnostics) -> Option<Weigh> {
        let f = Fields::new(node, "a weighing", WEIGH, d)?;
        let between = f.req("between", d).and_then(|n| match n.as_seq() {
            Some([a, b]) => {
                let (a, b) = (self.candidate(a, d), self.candidate(b, d));
                let (a, b) = (a?, b?);
                if a == b {
                    d.error(n.pos, "`between` names the same candidate twice");
                    return None;
                }
                Some([a, b])
            }
            _ => {
                d.error(n.pos, "`between` lists exactly two candidates");
                None
            }
        });
        let text_ = f.req_str("text", d);
        let source = f.opt_str("source", d);
        Some(Weigh {
            between: between?,
            text: text_?,
            source,
        })
    }
}

/// An optional field: `Ok(None)` when absent, `Err` when present but wrong.
fn opt<T>(
    f: &Fields,
    key: &str,
    d: &mut Diagnostics,
    read: impl Fn(&Node, &mut Diagnostics) -> Option<T>,
) -> Result<Option<T>, ()> {
    match f.get(key) {
        None => Ok(None),
        Some(n) => read(n, d).map(Some).ok_or(()),
    }
}

fn factor(node: &Node, d: &mut Diagnostics) -> Option<Factor> {
    let f = Fields::new(node, "a factor", FACTOR, d)?;
    let label = f.req_str("label", d);
    let (low, high) = (req_number(&f, "low", d), req_number(&f, "high", d));
    let source = f.req_str("source", d);
    let (low, high) = (low?, high?);
    if low > high {
        d.error(f.key_pos("high"), "`high` is below `low`");
        return None;
    }
    Some(Factor {
        label: label?,
        low,
        high,
        source: source?,
    })
}

fn assumed(node: &Node, d: &mut Diagnostics) -> Option<Assumed> {
    let f = Fields::new(node, "an assumption", ASSUMED, d)?;
    let value = req_number(&f, "value", d);
    let source = f.req_str("source", d);
    Some(Assumed {
        value: value?,
        source: source?,
    })
}

fn table(node: &Node, rates: &Rates, d: &mut Diagnostics) -> Option<usize> {
    let t = id(node, "table", d)?;
    let i = rates.tables.iter().position(|x| x.id == t);
    if i.is_none() {
        let msg = format!("unknown table `{t}`");
        match suggest(&t, rates.tables.iter().map(|x| x.id.as_str())) {
            Some(h) => d.error_hint(node.pos, msg, h),
            None => d.error(node.pos, msg),
        }
    }
    i
}
