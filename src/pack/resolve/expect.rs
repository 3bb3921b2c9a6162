//! Resolving the expectations `hirewiz check` proves: laws, direction laws and examples.

use super::scope::Scope;
use super::text;
use crate::diag::Diagnostics;
use crate::pack::answer::answer_from_node;
use crate::pack::raw::{PackFile, expect as rx};
use crate::pack::{Direction, Example, Expectations, Expected, Kind, Law, Question};
use crate::yaml::de::{Items, Lenient, Located};
use std::collections::HashMap;

/// Resolve every `expectations:` mapping of the files, in reading order.
pub(super) fn resolve(
    files: &[(&str, &PackFile)],
    scope: &Scope,
    questions: &[Question],
    d: &mut Diagnostics,
) -> Expectations {
    // A question whose answer decides another's visibility cannot be moved alone.
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
    for (file, f) in files {
        let Some(e) = f.expectations.as_given() else {
            continue;
        };
        d.set_file(*file);
        let place = |pos: crate::yaml::Pos| format!("{file}:{}:{}", pos.line, pos.col);
        let mut unique = |id: &str, pos: crate::yaml::Pos, d: &mut Diagnostics| -> bool {
            if let Some(line) = seen.get(id) {
                d.error(
                    pos,
                    format!("duplicate expectation id `{id}` (first at line {line})"),
                );
                return false;
            }
            seen.insert(id.to_string(), pos.line);
            true
        };
        for n in items(&e.laws) {
            let law = &n.value;
            let when = law.when.as_given().map(|c| scope.condition(c, None, d));
            let never = scope.candidates(&law.never.0, d);
            if !matches!(when, Some(None)) && unique(&law.id.0, n.pos, d) {
                out.laws.push(Law {
                    id: law.id.0.clone(),
                    when: when.flatten(),
                    never,
                    reason: law.reason.0.clone(),
                    source: text(&law.source).map(String::from),
                    place: place(n.pos),
                });
            }
        }
        for n in items(&e.directions) {
            let law = &n.value;
            let candidate = scope.candidate(&law.candidate, d);
            let question = scope.question(&law.question, d);
            let downward = question.and_then(|q| direction(law, q, &visibility_read, scope, d));
            let when = law.when.as_given().map(|c| scope.condition(c, None, d));
            let when = match (when, question) {
                (Some(Some(w)), Some(q)) if w.questions().contains(&q) => {
                    let id = &scope.question_ids[q];
                    d.error_hint(
                        n.pos,
                        format!("the `when` of direction law `{}` reads `{id}`, the question it moves", law.id.0),
                        "test only other questions, so the law's profiles stay the same all along the move",
                    );
                    Some(None)
                }
                (w, _) => w,
            };
            if let (Some(candidate), Some(question), Some(downward)) =
                (candidate, question, downward)
                && !matches!(when, Some(None))
                && unique(&law.id.0, n.pos, d)
            {
                out.directions.push(Direction {
                    id: law.id.0.clone(),
                    question,
                    downward,
                    when: when.flatten(),
                    candidate,
                    trend: law.never,
                    reason: law.reason.0.clone(),
                    source: text(&law.source).map(String::from),
                    place: place(n.pos),
                });
            }
        }
        for n in items(&e.examples) {
            let ex = &n.value;
            let expect = match ex.expect.value.as_str() {
                "tie" => Some(Expected::Tie),
                "none_fits" => Some(Expected::NoneFits),
                _ => scope.candidate(&ex.expect, d).map(Expected::Recommend),
            };
            let answers = answers(ex, scope, questions, d);
            if let (Some(expect), Some(answers)) = (expect, answers)
                && unique(&ex.id.0, n.pos, d)
            {
                out.examples.push(Example {
                    id: ex.id.0.clone(),
                    answers,
                    expect,
                    reason: ex.reason.0.clone(),
                    source: text(&ex.source).map(String::from),
                    place: place(n.pos),
                });
            }
        }
    }
    out
}

fn items<T>(list: &Lenient<Items<T>>) -> &[Located<T>] {
    list.as_given().map_or(&[][..], |l| &l.items)
}

/// Whether a direction law moves its question downward (toward its first value).
fn direction(
    law: &rx::Direction,
    q: usize,
    visibility_read: &[bool],
    scope: &Scope,
    d: &mut Diagnostics,
) -> Option<bool> {
    let id = &scope.question_ids[q];
    let at = law.question.pos;
    if visibility_read[q] {
        d.error_hint(
            at,
            format!(
                "a direction law cannot move `{id}`: other questions are asked or not by its answer"
            ),
            "move a question that decides no other question's `when`",
        );
        return None;
    }
    let toward = &law.toward.0;
    let word = toward.scalar_text().unwrap_or_default();
    let (first, last): (String, String) = match &scope.kinds[q] {
        Kind::Single { options } => (
            options
                .first()
                .map_or_else(String::new, |c| c.id.to_string()),
            options
                .last()
                .map_or_else(String::new, |c| c.id.to_string()),
        ),
        Kind::YesNo => ("false".into(), "true".into()),
        Kind::Number { .. } => ("less".into(), "more".into()),
        Kind::Multiple { .. } => {
            d.error(
                at,
                "a direction law moves a single choice, yes/no or number question, not a multiple choice one",
            );
            return None;
        }
    };
    if word == last {
        Some(false)
    } else if word == first {
        Some(true)
    } else {
        d.error_hint(
            toward.pos,
            format!("`toward` must be one end of `{id}`'s scale"),
            format!("`{first}` or `{last}`"),
        );
        None
    }
}

fn answers(
    ex: &rx::Example,
    scope: &Scope,
    questions: &[Question],
    d: &mut Diagnostics,
) -> Option<Vec<(usize, crate::pack::Answer)>> {
    let mut out = Vec::new();
    let mut ok = true;
    for (k, v) in &ex.answers.value.0 {
        let Some(q) = scope.question(k, d) else {
            ok = false;
            continue;
        };
        match answer_from_node(&questions[q], &v.0) {
            Ok(a) => out.push((q, a)),
            Err(e) => {
                d.error(v.0.pos, format!("answer to `{}`: {e}", k.value.as_str()));
                ok = false;
            }
        }
    }
    ok.then_some(out)
}
