//! Expectations a pack declares about its own verdicts, which `hirewiz check` proves
//! over the whole answer space: laws ("when the work is short, never In-house"),
//! direction laws ("moving the length toward ongoing never lowers In-house") and example
//! profiles with the verdict each must get.

use super::decode::{Scope, answer_from_node};
use super::reader::{Fields, seq};
use super::{Answer, Condition, Kind};
use crate::diag::Diagnostics;
use crate::yaml::Node;
use std::collections::HashMap;

/// Every expectation of a pack, in the pack's order.
#[derive(Debug, Clone, Default, PartialEq)]
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
#[derive(Debug, Clone, PartialEq)]
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trend {
    /// The standing never goes down.
    NeverFalls,
    /// The standing never goes up.
    NeverRises,
}

/// Moving `question` one value at a time toward one end of its scale, all else equal,
/// never moves `candidate`'s standing (its points; ruled out counts below any points)
/// the way `trend` forbids.
#[derive(Debug, Clone, PartialEq)]
pub struct Direction {
    /// Machine name.
    pub id: String,
    /// The question moved: single choice, yes/no or number.
    pub question: usize,
    /// Whether the move runs from the last value to the first.
    pub downward: bool,
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
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Expected {
    /// This candidate is recommended.
    Recommend(usize),
    /// Two or more are level at the top.
    Tie,
    /// Every option is ruled out.
    NoneFits,
}

/// A whole profile and the verdict it must get.
#[derive(Debug, Clone, PartialEq)]
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

const TOP: &[&str] = &["laws", "directions", "examples"];
const LAW: &[&str] = &["id", "when", "never", "reason", "source"];
const DIRECTION: &[&str] = &[
    "id",
    "question",
    "toward",
    "candidate",
    "never",
    "reason",
    "source",
];
const EXAMPLE: &[&str] = &["id", "answers", "expect", "reason", "source"];

/// Decode every `expectations:` mapping found, as (file, node), in reading order.
pub(super) fn decode(
    nodes: &[(String, &Node)],
    scope: &Scope,
    cands: &HashMap<String, usize>,
    questions: &[super::Question],
    d: &mut Diagnostics,
) -> Expectations {
    let mut visibility_read = vec![false; questions.len()];
    for q in questions.iter().filter_map(|q| q.when.as_ref()) {
        for r in q.questions() {
            if let Some(x) = visibility_read.get_mut(r) {
                *x = true;
            }
        }
    }
    let mut out = Expectations::default();
    let mut seen: HashMap<String, u32> = HashMap::new();
    for (file, node) in nodes {
        d.set_file(file.clone());
        let Some(top) = Fields::new(node, "`expectations`", TOP, d) else {
            continue;
        };
        let place = |n: &Node| format!("{file}:{}:{}", n.pos.line, n.pos.col);
        let mut unique = |id: &str, n: &Node, d: &mut Diagnostics| -> bool {
            if let Some(line) = seen.get(id) {
                d.error(
                    n.pos,
                    format!("duplicate expectation id `{id}` (first at line {line})"),
                );
                return false;
            }
            seen.insert(id.to_string(), n.pos.line);
            true
        };
        for n in top
            .get("laws")
            .and_then(|n| seq(n, "laws", d))
            .unwrap_or(&[])
        {
            let Some(f) = Fields::new(n, "a law", LAW, d) else {
                continue;
            };
            let id = f.req_id("id", d);
            let reason = f.req_str("reason", d);
            let source = f.opt_str("source", d);
            let when = f.get("when").map(|c| scope.condition(c, None, d));
            let never = f.req("never", d).map(|v| candidates(v, cands, d));
            if let (Some(id), Some(reason), Some(never)) = (id, reason, never)
                && !matches!(when, Some(None))
                && unique(&id, n, d)
            {
                out.laws.push(Law {
                    id,
                    when: when.flatten(),
                    never,
                    reason,
                    source,
                    place: place(n),
                });
            }
        }
        for n in top
            .get("directions")
            .and_then(|n| seq(n, "directions", d))
            .unwrap_or(&[])
        {
            let Some(f) = Fields::new(n, "a direction law", DIRECTION, d) else {
                continue;
            };
            let id = f.req_id("id", d);
            let reason = f.req_str("reason", d);
            let source = f.opt_str("source", d);
            let candidate = f.req("candidate", d).and_then(|v| candidate(v, cands, d));
            let trend = f.req("never", d).and_then(|v| match v.as_str() {
                Some("falls") => Some(Trend::NeverFalls),
                Some("rises") => Some(Trend::NeverRises),
                _ => {
                    d.error_hint(
                        v.pos,
                        "`never` of a direction law must be `falls` or `rises`",
                        "for example `never: falls`",
                    );
                    None
                }
            });
            let question = f.req("question", d).and_then(|v| {
                let qid = v.scalar_text().unwrap_or_default();
                let q = scope.lookup.get(&qid).copied();
                if q.is_none() {
                    let msg = format!("unknown question `{qid}`");
                    d.unknown(v.pos, msg, &qid, scope.ids.iter().map(String::as_str), None);
                }
                q.map(|q| (q, v))
            });
            let downward = question.and_then(|(q, qn)| {
                if visibility_read[q] {
                    d.error_hint(
                        qn.pos,
                        format!("a direction law cannot move `{}`: other questions are asked or not by its answer", scope.ids[q]),
                        "move a question that decides no other question's `when`",
                    );
                    return None;
                }
                let t = f.req("toward", d)?;
                let word = t.scalar_text().unwrap_or_default();
                let (first, last): (String, String) = match &scope.kinds[q] {
                    Kind::Single { options } => (
                        options.first().map(|c| c.id.clone()).unwrap_or_default(),
                        options.last().map(|c| c.id.clone()).unwrap_or_default(),
                    ),
                    Kind::YesNo => ("false".into(), "true".into()),
                    Kind::Number { .. } => ("less".into(), "more".into()),
                    Kind::Multiple { .. } => {
                        d.error(qn.pos, "a direction law moves a single choice, yes/no or number question, not a multiple choice one");
                        return None;
                    }
                };
                if word == last {
                    Some(false)
                } else if word == first {
                    Some(true)
                } else {
                    d.error_hint(
                        t.pos,
                        format!("`toward` must be one end of `{}`'s scale", scope.ids[q]),
                        format!("`{first}` or `{last}`"),
                    );
                    None
                }
            });
            if let (
                Some(id),
                Some(reason),
                Some(candidate),
                Some(trend),
                Some((question, _)),
                Some(downward),
            ) = (id, reason, candidate, trend, question, downward)
                && unique(&id, n, d)
            {
                out.directions.push(Direction {
                    id,
                    question,
                    downward,
                    candidate,
                    trend,
                    reason,
                    source,
                    place: place(n),
                });
            }
        }
        for n in top
            .get("examples")
            .and_then(|n| seq(n, "examples", d))
            .unwrap_or(&[])
        {
            let Some(f) = Fields::new(n, "an example", EXAMPLE, d) else {
                continue;
            };
            let id = f.req_id("id", d);
            let reason = f.req_str("reason", d);
            let source = f.opt_str("source", d);
            let expect = f.req("expect", d).and_then(|v| match v.as_str() {
                Some("tie") => Some(Expected::Tie),
                Some("none_fits") => Some(Expected::NoneFits),
                _ => candidate(v, cands, d).map(Expected::Recommend),
            });
            let answers = f
                .req("answers", d)
                .and_then(|v| example_answers(v, scope, questions, d));
            if let (Some(id), Some(reason), Some(expect), Some(answers)) =
                (id, reason, expect, answers)
                && unique(&id, n, d)
            {
                out.examples.push(Example {
                    id,
                    answers,
                    expect,
                    reason,
                    source,
                    place: place(n),
                });
            }
        }
    }
    out
}

fn candidate(n: &Node, cands: &HashMap<String, usize>, d: &mut Diagnostics) -> Option<usize> {
    let s = n.scalar_text().unwrap_or_default();
    let c = cands.get(&s).copied();
    if c.is_none() {
        let msg = format!("unknown candidate `{s}`");
        d.unknown(n.pos, msg, &s, cands.keys().map(String::as_str), None);
    }
    c
}

/// One candidate id or a list of them, ascending.
fn candidates(n: &Node, cands: &HashMap<String, usize>, d: &mut Diagnostics) -> Vec<usize> {
    let items: Vec<&Node> = match n.as_seq() {
        Some(items) => items.iter().collect(),
        None => vec![n],
    };
    let mut out: Vec<usize> = items
        .into_iter()
        .filter_map(|x| candidate(x, cands, d))
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

fn example_answers(
    n: &Node,
    scope: &Scope,
    questions: &[super::Question],
    d: &mut Diagnostics,
) -> Option<Vec<(usize, Answer)>> {
    let Some(entries) = n.as_map() else {
        d.error(
            n.pos,
            format!(
                "`answers` must map question ids to answers, found {}",
                n.type_name()
            ),
        );
        return None;
    };
    let mut out = Vec::new();
    let mut ok = true;
    for (k, v) in entries {
        let qid = k.scalar_text().unwrap_or_default();
        let Some(&q) = scope.lookup.get(&qid) else {
            let msg = format!("unknown question `{qid}`");
            d.unknown(k.pos, msg, &qid, scope.ids.iter().map(String::as_str), None);
            ok = false;
            continue;
        };
        match answer_from_node(&questions[q], v) {
            Ok(a) => out.push((q, a)),
            Err(e) => {
                d.error(v.pos, format!("answer to `{qid}`: {e}"));
                ok = false;
            }
        }
    }
    ok.then_some(out)
}
