//! The id resolver: what a condition or a reference may name while a pack is resolved,
//! and the one place a name that matches nothing is reported.

use crate::diag::Diagnostics;
use crate::pack::answer::{answer_for_kind, option_index};
use crate::pack::raw::condition::Condition as RawCondition;
use crate::pack::{Answer, BudgetPoint, Condition, CostEnd, CostOrder, Kind, Text};
use crate::yaml::Pos;
use crate::yaml::de::{Located, Name};
use std::collections::HashMap;
use std::sync::Arc;

/// The questions and candidates of a pack by id, in the pack's order.
pub(super) struct Scope<'a> {
    /// Ids of questions written but left out for a problem already reported: a name
    /// among them resolves to nothing, silently.
    pub left_out: &'a std::collections::HashSet<&'a str>,
    /// Question ids, in order (a repeated id is reported, and keeps its first index).
    pub question_ids: &'a [Text],
    pub question_index: &'a HashMap<String, usize>,
    pub kinds: &'a [Kind],
    /// Candidate ids, in order.
    pub candidate_ids: &'a [Text],
    pub candidate_index: &'a HashMap<String, usize>,
    /// For rules: what the cost model shows cheapest, or why it cannot say. `None` where
    /// `cheapest` may not be used.
    pub costs: Option<&'a Result<Arc<CostOrder>, String>>,
}

impl Scope<'_> {
    /// The question a name refers to.
    pub fn question(&self, name: &Located<Name>, d: &mut Diagnostics) -> Option<usize> {
        let id = name.value.as_str();
        let q = self.question_index.get(id).copied();
        if q.is_none() && !self.left_out.contains(id) {
            let known = self.question_ids.iter().map(Text::as_str);
            d.unknown(
                name.pos,
                format!("unknown question `{}`", crate::escape::excerpt(id)),
                id,
                known,
                None,
            );
        }
        q
    }

    /// The candidate a name refers to; `what` says where, as in "`cheapest`: ".
    pub fn candidate_in(
        &self,
        what: &str,
        name: &Located<Name>,
        d: &mut Diagnostics,
    ) -> Option<usize> {
        let id = name.value.as_str();
        let c = self.candidate_index.get(id).copied();
        if c.is_none() {
            let known = self.candidate_ids.iter().map(Text::as_str);
            d.unknown(
                name.pos,
                format!("{what}unknown candidate `{}`", crate::escape::excerpt(id)),
                id,
                known,
                None,
            );
        }
        c
    }

    /// The candidate a name refers to.
    pub fn candidate(&self, name: &Located<Name>, d: &mut Diagnostics) -> Option<usize> {
        self.candidate_in("", name, d)
    }

    /// Candidates by name, ascending and without repeats.
    pub fn candidates<'n>(
        &self,
        names: impl IntoIterator<Item = &'n Located<Name>>,
        d: &mut Diagnostics,
    ) -> Vec<usize> {
        let mut out: Vec<usize> = names
            .into_iter()
            .filter_map(|n| self.candidate(n, d))
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Resolve a condition; `asker` is the question whose visibility it decides, if any,
    /// which may only look at questions asked before it.
    pub fn condition(
        &self,
        c: &RawCondition,
        asker: Option<usize>,
        d: &mut Diagnostics,
    ) -> Option<Condition> {
        match c {
            RawCondition::All(parts) | RawCondition::Any(parts) => {
                let parts: Vec<Option<Condition>> = parts
                    .items
                    .iter()
                    .map(|p| self.condition(&p.value, asker, d))
                    .collect();
                let parts: Vec<Condition> = parts.into_iter().collect::<Option<_>>()?;
                Some(if matches!(c, RawCondition::All(_)) {
                    Condition::All(parts)
                } else {
                    Condition::Any(parts)
                })
            }
            RawCondition::Not(part) => {
                Some(Condition::Not(Box::new(self.condition(part, asker, d)?)))
            }
            RawCondition::Cheapest(name) | RawCondition::Dearest(name) => {
                let (op, end) = match c {
                    RawCondition::Cheapest(_) => ("cheapest", CostEnd::Cheapest),
                    _ => ("dearest", CostEnd::Dearest),
                };
                let order = self.cost_order(op, name.key, d)?;
                let candidate = self.candidate_in(&format!("`{op}`: "), name, d)?;
                Some(Condition::Cost {
                    candidate,
                    end,
                    order,
                })
            }
            RawCondition::WithinBudget(name)
            | RawCondition::OverBudget(name)
            | RawCondition::OverBudgetAtLow(name) => {
                let (op, within, at) = match c {
                    RawCondition::WithinBudget(_) => ("within_budget", true, BudgetPoint::Middle),
                    RawCondition::OverBudget(_) => ("over_budget", false, BudgetPoint::Middle),
                    _ => ("over_budget_at_low", false, BudgetPoint::Low),
                };
                let order = self.cost_order(op, name.key, d)?;
                if order.budget().is_none() {
                    d.error_hint(
                        name.key,
                        format!("`{op}` needs a budget figure to test"),
                        "add `budget:` to `costs`, naming the amount and basis questions",
                    );
                    return None;
                }
                let candidate = self.candidate_in(&format!("`{op}`: "), name, d)?;
                Some(Condition::Budget {
                    candidate,
                    within,
                    at,
                    order,
                })
            }
            RawCondition::Equals(test) => {
                let (question, kind) = self.tested(&test.key, asker, d)?;
                let value = &test.value.0;
                let v = match (kind, &value.kind) {
                    // Equality on a multiple choice compares the whole set; skip the
                    // min/max check so that `equals: {x: []}` can test for "none".
                    (Kind::Multiple { options, .. }, _) => answer_for_kind(
                        &Kind::Multiple {
                            options: options.clone(),
                            min: 0,
                            max: options.len(),
                        },
                        value,
                    ),
                    (Kind::Number { .. }, crate::yaml::NodeKind::Int(i)) => Ok(Answer::Number(*i)),
                    _ => answer_for_kind(kind, value),
                };
                match v {
                    Ok(value) => Some(Condition::Equals { question, value }),
                    Err(e) => fail(d, value.pos, "equals", &test.key, e),
                }
            }
            RawCondition::OneOf(test) => {
                let (question, kind) = self.tested(&test.key, asker, d)?;
                let list = &test.value;
                if !matches!(kind, Kind::Single { .. }) {
                    let e = format!(
                        "`one_of` tests single choice questions; this one is {}",
                        kind.name()
                    );
                    return fail(d, list.pos, "one_of", &test.key, e);
                }
                let mut options = Vec::new();
                for n in &list.value {
                    match option_index(kind.options(), &n.0) {
                        Ok(i) => options.push(i),
                        Err(e) => {
                            let qid = test.key.value.as_str();
                            d.error(n.0.pos, format!("`one_of` on `{qid}`: {e}"));
                        }
                    }
                }
                options.sort_unstable();
                options.dedup();
                Some(Condition::OneOf { question, options })
            }
            RawCondition::Contains(test) => {
                let (question, kind) = self.tested(&test.key, asker, d)?;
                let value = &test.value.0;
                if !matches!(kind, Kind::Multiple { .. }) {
                    let e = format!(
                        "`contains` tests multiple choice questions; this one is {}",
                        kind.name()
                    );
                    return fail(d, value.pos, "contains", &test.key, e);
                }
                match option_index(kind.options(), value) {
                    Ok(option) => Some(Condition::Contains { question, option }),
                    Err(e) => fail(d, value.pos, "contains", &test.key, e),
                }
            }
            RawCondition::Range(test) => {
                let (question, kind) = self.tested(&test.key, asker, d)?;
                let bounds = &test.value;
                let at = bounds.pos;
                if !matches!(kind, Kind::Number { .. }) {
                    let e = format!(
                        "`range` tests number questions; this one is {}",
                        kind.name()
                    );
                    return fail(d, at, "range", &test.key, e);
                }
                let (min, max) = (
                    bounds.value.min.as_given().map(|i| i.0),
                    bounds.value.max.as_given().map(|i| i.0),
                );
                if min.is_none() && max.is_none() {
                    let e = "a range needs `min`, `max` or both".to_string();
                    return fail(d, at, "range", &test.key, e);
                }
                if let (Some(lo), Some(hi)) = (min, max)
                    && lo > hi
                {
                    let e = "`min` is above `max`, so it never holds".to_string();
                    return fail(d, at, "range", &test.key, e);
                }
                Some(Condition::Range { question, min, max })
            }
        }
    }

    /// The question a test names, with its kind; `asker`, as for [`Scope::condition`].
    /// The cost order a `cheapest`, `dearest` or budget test reads: only rules have one,
    /// and a cost model that failed to resolve is told at the test, naming the test
    /// ("`within_budget` needs the pack's `rates` and `costs`").
    fn cost_order(&self, op: &str, at: Pos, d: &mut Diagnostics) -> Option<Arc<CostOrder>> {
        let Some(order) = self.costs else {
            d.error_hint(
                at,
                format!("`{op}` cannot be tested in a question's `when`"),
                "a question's `when` may test earlier answers only",
            );
            return None;
        };
        match order {
            Ok(o) => Some(Arc::clone(o)),
            Err(why) => {
                d.error(at, format!("`{op}` {why}"));
                None
            }
        }
    }

    fn tested(
        &self,
        name: &Located<Name>,
        asker: Option<usize>,
        d: &mut Diagnostics,
    ) -> Option<(usize, &Kind)> {
        let q = self.question(name, d)?;
        if let Some(a) = asker
            && q >= a
        {
            let when = if q == a {
                "is this question itself"
            } else {
                "is asked later"
            };
            d.error_hint(
                name.pos,
                format!(
                    "`when` of `{}` tests `{}`, which {when}, so it cannot be answered at that point",
                    self.question_ids[a],
                    name.value.as_str()
                ),
                "a question can only depend on questions asked before it",
            );
            return None;
        }
        Some((q, &self.kinds[q]))
    }
}

/// "`{op}` on `{question}`: {why}" at `pos`.
fn fail<T>(
    d: &mut Diagnostics,
    pos: Pos,
    op: &str,
    question: &Located<Name>,
    why: String,
) -> Option<T> {
    d.error(
        pos,
        format!("`{op}` on `{}`: {why}", question.value.as_str()),
    );
    None
}
