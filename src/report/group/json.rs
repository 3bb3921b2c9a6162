//! The group as JSON for scripts.

use super::{ChangeLine, GroupReport};
use crate::report::json;
use serde_json::{Value, json};

/// The group as JSON for scripts; the same content as the text, in a fixed order.
pub fn render(g: &GroupReport) -> String {
    let members: Vec<Value> = g
        .members
        .iter()
        .map(|m| {
            let r = &m.report;
            let mut scores = serde_json::Map::new();
            for c in &r.standings {
                scores.insert(c.id.to_string(), c.score.into());
            }
            json!({
                "name": m.name,
                "file": m.file,
                "session": m.session,
                "notes": m.notes,
                "state": r.state,
                "recommendation": r.recommendation,
                "level": r.level,
                "margin": r.margin,
                "scores": scores,
                "sentence": r.margin_words(),
            })
        })
        .collect();
    let questions: Vec<Value> = g
        .questions
        .iter()
        .map(|q| {
            json!({
                "question": q.question,
                "prompt": q.prompt,
                "disagree": q.disagree,
                "open": q.open,
                "answers": q.values,
                "consensus": q.consensus,
            })
        })
        .collect();
    let change = |c: &ChangeLine| {
        let swaps: Vec<Value> = c
            .swaps
            .iter()
            .map(|(q, a, who)| json!({"question": q, "answer": a, "members": who}))
            .collect();
        json!({
            "swaps": swaps,
            "state": c.state,
            "recommendation": c.recommendation,
            "level": c.level,
            "sentence": c.sentence,
        })
    };
    let left_out: Vec<Value> = g
        .left_out
        .iter()
        .map(|(given, reason)| json!({"given": given, "reason": reason}))
        .collect();
    let open: Vec<&str> = g
        .open_questions()
        .iter()
        .map(|q| q.question.as_str())
        .collect();
    let v = json!({
        "pack": {"id": g.profile.pack.id, "version": g.profile.pack.version},
        "members": members,
        "left_out": left_out,
        "questions": questions,
        "profile": {
            "open": open,
            "report": json::value(&g.profile),
        },
        "changes": g.changes.iter().map(change).collect::<Vec<_>>(),
        "pairs": g.pairs.iter().map(change).collect::<Vec<_>>(),
        "pairs_complete": g.pairs_complete,
        "summary": g.summary,
    });
    let mut s = serde_json::to_string_pretty(&v).unwrap_or_else(|_| "{}".into());
    s.push('\n');
    s
}
