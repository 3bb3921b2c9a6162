//! The JSON report, for scripts. Field order is fixed, so the same answers always give
//! byte-identical output.

use super::Report;
use serde_json::{Map, Value, json};

/// The report as a JSON value (see the README for every field).
pub fn value(r: &Report) -> Value {
    let mut scores = Map::new();
    for c in &r.standings {
        scores.insert(c.id.clone(), c.score.into());
    }
    let reasons: Vec<Value> = r
        .reasons
        .iter()
        .map(|x| {
            json!({
                "rule": x.rule,
                "candidate": x.candidate,
                "points": x.points,
                "veto": x.veto,
                "reason": x.reason,
                "source": x.source,
                "decisive": x.decisive,
            })
        })
        .collect();
    let mut answers = Map::new();
    for a in &r.answers {
        answers.insert(a.question.clone(), a.value.clone());
    }
    json!({
        "pack": { "id": r.pack.id, "version": r.pack.version },
        "state": r.state,
        "recommendation": r.recommendation,
        "level": r.level,
        "ranking": r.standings.iter().map(|c| c.id.clone()).collect::<Vec<_>>(),
        "scores": scores,
        "margin": r.margin,
        "tie": r.tie,
        "close": r.close,
        "vetoed": r.standings.iter().filter(|c| c.vetoed).map(|c| c.id.clone()).collect::<Vec<_>>(),
        "reasons": reasons,
        "answers": answers,
        "costs": r.costs,
        "cost_basis": r.cost_basis,
        "cost_assumptions": r.cost_assumptions,
        "cost_over_time": r.cost_over_time,
        "role": r.role,
        "skills": r.skills,
        "next_steps": r.next_steps,
        "warnings": r.warnings,
        "what_if": r.what_if,
        "what_if_pairs": r.what_if_pairs,
        "what_if_pairs_complete": r.what_if_pairs_complete,
        "close_call": r.close_call,
        "decisive_rules": r.decisive_rules,
    })
}

/// The report as pretty-printed JSON text, ending with a newline.
pub fn render(r: &Report) -> String {
    let mut s = serde_json::to_string_pretty(&value(r)).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}
