//! The session file: readable YAML with a format version, written through the project's
//! one YAML door ([`crate::yaml`]) and read back with every problem at its place.
//!
//! ```yaml
//! format: hirewiz-session/1
//! id: 20250601-1430-k3x9
//! label: Acme
//! created: 2025-06-01T14:30:05Z
//! updated: 2025-06-01T14:41:12Z
//! status: complete            # or in_progress
//! pack:
//!   id: backend-hiring
//!   version: 1.0.0
//!   hash: sha256:...
//! result:                     # present once complete: the result as it was then
//!   at: 2025-06-01T14:41:12Z
//!   winner: in_house
//!   margin: 7
//!   tie: false
//!   close: false
//!   standings:
//!   - candidate: in_house
//!     name: In-house hire
//!     points: 12
//!     vetoed: false
//! answers:                    # given and in force: `recommend --answers` reads these
//!   engagement: ongoing
//!   team_size: 4
//! history:                    # every event, one a line: what replay plays back
//! - {at: 2025-06-01T14:30:09Z, event: answer, question: engagement, answer: ongoing}
//! - {at: 2025-06-01T14:30:10Z, event: next}
//! - {at: 2025-06-01T14:30:15Z, event: back}
//! - {at: 2025-06-01T14:31:02Z, event: jump, question: team_size}
//! //! ```

use super::{
    Action, Label, PackIdentity, Recorded, SavedAnswer, SavedResult, Session, SessionError,
    SessionId, Standing, Status, Timestamp,
};
use crate::diag::{Diagnostics, suggest};
use crate::yaml::{self, Limits, Node, NodeKind, Pos};
use serde_json::{Map, Value, json};

/// The format this version writes and reads.
pub const FORMAT: &str = "hirewiz-session/1";
/// The prefix every version of the format shares.
const FAMILY: &str = "hirewiz-session/";

const TOP: &[&str] = &[
    "format", "id", "label", "created", "updated", "status", "pack", "answers", "history", "result",
];
const PACK: &[&str] = &["id", "version", "hash"];
const ENTRY: &[&str] = &["at", "event", "question", "answer"];
const RESULT: &[&str] = &["at", "winner", "margin", "tie", "close", "standings"];
const STANDING: &[&str] = &["candidate", "name", "points", "vetoed"];
const EVENTS: &[&str] = &["answer", "next", "back", "jump", "finish"];

/// Write a session as the text of its file.
pub fn to_yaml(s: &Session) -> String {
    let mut top = Map::new();
    top.insert("format".into(), FORMAT.into());
    top.insert("id".into(), s.id.as_str().into());
    if let Some(l) = &s.label {
        top.insert("label".into(), l.as_str().into());
    }
    top.insert("created".into(), s.created.to_string().into());
    top.insert("updated".into(), s.updated.to_string().into());
    top.insert("status".into(), s.status.as_str().into());
    top.insert(
        "pack".into(),
        json!({"id": s.pack.id, "version": s.pack.version, "hash": s.pack.hash}),
    );
    if let Some(r) = &s.result {
        let standings: Vec<Value> = r
            .standings
            .iter()
            .map(|st| {
                json!({"candidate": st.candidate, "name": st.name, "points": st.points, "vetoed": st.vetoed})
            })
            .collect();
        top.insert(
            "result".into(),
            json!({
                "at": r.at.to_string(),
                "winner": r.winner,
                "margin": r.margin,
                "tie": r.tie,
                "close": r.close,
                "standings": standings,
            }),
        );
    }
    let answers: Map<String, Value> = s
        .answers
        .iter()
        .map(|a| (a.question.clone(), a.value.clone()))
        .collect();
    top.insert("answers".into(), Value::Object(answers));
    // Serialising plain JSON values cannot fail; an empty text would be refused on load.
    let mut out = yaml::to_string(&Value::Object(top)).unwrap_or_default();
    // The history goes last, one event a line, so it reads like a log.
    if s.history.is_empty() {
        out.push_str("history: []\n");
    } else {
        out.push_str("history:\n");
        for r in &s.history {
            out.push_str("- ");
            out.push_str(&flow(&entry_json(r)));
            out.push('\n');
        }
    }
    out
}

/// A value in YAML flow style on one line. Text is written plain when it reads back as
/// the same text (also for YAML 1.1 readers, to whom `yes` is a boolean), else quoted.
fn flow(v: &Value) -> String {
    match v {
        Value::String(s) if plain_safe(s) => s.clone(),
        Value::Array(items) => {
            let inner: Vec<String> = items.iter().map(flow).collect();
            format!("[{}]", inner.join(", "))
        }
        Value::Object(m) => {
            let inner: Vec<String> = m
                .iter()
                .map(|(k, v)| format!("{}: {}", flow(&Value::String(k.clone())), flow(v)))
                .collect();
            format!("{{{}}}", inner.join(", "))
        }
        // JSON scalars are YAML flow scalars too.
        other => other.to_string(),
    }
}

fn plain_safe(s: &str) -> bool {
    const YAML11: &[&str] = &["y", "n", "yes", "no", "on", "off"];
    !s.is_empty()
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':' | '+'))
        && !s.starts_with(['-', ':', '.', '+'])
        && !s.ends_with(':')
        && !YAML11.contains(&s.to_ascii_lowercase().as_str())
        && yaml::parse(s, &Limits::default()).is_ok_and(|n| n.as_str() == Some(s))
}

fn entry_json(r: &Recorded) -> Value {
    let mut m = Map::new();
    m.insert("at".into(), r.at.to_string().into());
    m.insert("event".into(), r.action.name().into());
    match &r.action {
        Action::Answer { question, answer } => {
            m.insert("question".into(), question.clone().into());
            m.insert("answer".into(), answer.clone());
        }
        Action::Jump { question } => {
            m.insert("question".into(), question.clone().into());
        }
        Action::Next | Action::Back | Action::Finish => {}
    }
    Value::Object(m)
}

/// Read a session file's bytes; `name` is the file as shown in messages.
pub fn from_bytes(name: &str, bytes: &[u8]) -> Result<Session, SessionError> {
    let text = yaml::check_text(bytes, &Limits::default()).map_err(|e| {
        let mut d = Diagnostics::new(name);
        d.yaml(&e);
        SessionError::Invalid(d.into_sorted())
    })?;
    from_text(name, text)
}

/// Read a session file's text; `name` is the file as shown in messages.
pub fn from_text(name: &str, text: &str) -> Result<Session, SessionError> {
    let mut d = Diagnostics::new(name);
    let session = match yaml::parse(text, &Limits::default()) {
        Ok(root) => decode(&root, &mut d),
        Err(e) => {
            d.yaml(&e);
            None
        }
    };
    match session {
        Some(s) if !d.has_errors() => Ok(s),
        _ => Err(SessionError::Invalid(d.into_sorted())),
    }
}

fn decode(root: &Node, d: &mut Diagnostics) -> Option<Session> {
    let not_session = "not a hirewiz session file";
    let Some(top) = root.as_map() else {
        d.error(
            root.pos,
            format!(
                "{not_session}: expected a mapping, found {}",
                root.type_name()
            ),
        );
        return None;
    };
    // The version decides how to read the rest, so it is checked first and alone.
    match root.get("format").map(|n| (n, n.as_str())) {
        None => {
            d.error_hint(
                root.pos,
                format!("{not_session}: it has no `format: {FORMAT}`"),
                "an answers file is read with `hirewiz recommend --answers FILE`",
            );
            return None;
        }
        Some((_, Some(FORMAT))) => {}
        Some((n, Some(f))) if f.starts_with(FAMILY) => {
            d.error_hint(
                n.pos,
                format!("the session is in format `{f}`; this hirewiz reads `{FORMAT}`"),
                "open it with the hirewiz that wrote it, or a newer one",
            );
            return None;
        }
        Some((n, _)) => {
            d.error(
                n.pos,
                format!(
                    "{not_session}: `format` is `{}`, expected `{FORMAT}`",
                    n.scalar_text().unwrap_or_else(|| n.type_name().to_string())
                ),
            );
            return None;
        }
    }
    check_keys(top, "a session file", TOP, d);
    let id = required(root, "id", d).and_then(|n| {
        let s = text(n, "id", d)?;
        SessionId::parse(&s)
            .map_err(|e| d.error(n.pos, format!("bad `id`: {e}")))
            .ok()
    });
    let label = match root.get("label") {
        None => None,
        Some(n) if n.kind == NodeKind::Null => None,
        Some(n) => text(n, "label", d).and_then(|s| {
            Label::parse(&s)
                .map_err(|e| d.error(n.pos, format!("bad `label`: {e}")))
                .ok()
        }),
    };
    let created = required(root, "created", d).and_then(|n| time(n, "created", d));
    let updated = required(root, "updated", d).and_then(|n| time(n, "updated", d));
    let status = required(root, "status", d).and_then(|n| match n.as_str() {
        Some("in_progress") => Some(Status::InProgress),
        Some("complete") => Some(Status::Complete),
        _ => {
            d.error(
                n.pos,
                format!(
                    "`status` is `{}`; expected `in_progress` or `complete`",
                    n.scalar_text().unwrap_or_else(|| n.type_name().to_string())
                ),
            );
            None
        }
    });
    let pack = required(root, "pack", d).and_then(|n| decode_pack(n, d));
    let answers = required(root, "answers", d).and_then(|n| decode_answers(n, d));
    let history = required(root, "history", d).and_then(|n| decode_history(n, d));
    let result = match root.get("result") {
        None => None,
        Some(n) if n.kind == NodeKind::Null => None,
        Some(n) => Some(decode_result(n, d)?),
    };
    let (Some(id), Some(created), Some(updated), Some(status), Some(pack)) =
        (id, created, updated, status, pack)
    else {
        return None;
    };
    let (Some(answers), Some(history)) = (answers, history) else {
        return None;
    };
    match (status, &result) {
        (Status::Complete, None) => {
            d.error(root.pos, "the session is `complete` but has no `result`")
        }
        (Status::InProgress, Some(_)) => {
            let pos = root.get("result").map_or(root.pos, |n| n.pos);
            d.error(pos, "the session is `in_progress` but has a `result`");
        }
        _ => {}
    }
    if updated < created {
        let pos = root.get("updated").map_or(root.pos, |n| n.pos);
        d.error(pos, "`updated` is before `created`");
    }
    Some(Session {
        id,
        label,
        created,
        updated,
        status,
        pack,
        answers,
        history,
        result,
    })
}

fn check_keys(entries: &[(Node, Node)], what: &str, known: &[&str], d: &mut Diagnostics) {
    for (k, _) in entries {
        let key = k.scalar_text().unwrap_or_default();
        if !known.contains(&key.as_str()) {
            let msg = format!("unknown field `{key}` in {what}");
            match suggest(&key, known.iter().copied()) {
                Some(h) => d.error_hint(k.pos, msg, h),
                None => d.error_hint(k.pos, msg, format!("the fields are {}", known.join(", "))),
            }
        }
    }
}

fn mapping<'a>(
    n: &'a Node,
    what: &str,
    known: &[&str],
    d: &mut Diagnostics,
) -> Option<&'a [(Node, Node)]> {
    match n.as_map() {
        Some(m) => {
            check_keys(m, what, known, d);
            Some(m)
        }
        None => {
            d.error(
                n.pos,
                format!("{what} must be a mapping, found {}", n.type_name()),
            );
            None
        }
    }
}

fn required<'a>(parent: &'a Node, key: &str, d: &mut Diagnostics) -> Option<&'a Node> {
    let n = parent.get(key);
    if n.is_none() {
        d.error(parent.pos, format!("`{key}` is missing"));
    }
    n
}

fn text(n: &Node, key: &str, d: &mut Diagnostics) -> Option<String> {
    match n.as_str() {
        Some(s) => Some(s.to_string()),
        None => {
            d.error(
                n.pos,
                format!("`{key}` must be text, found {}", n.type_name()),
            );
            None
        }
    }
}

fn time(n: &Node, key: &str, d: &mut Diagnostics) -> Option<Timestamp> {
    let s = text(n, key, d)?;
    Timestamp::parse(&s)
        .map_err(|e| d.error(n.pos, format!("bad `{key}`: {e}")))
        .ok()
}

fn int(n: &Node, key: &str, d: &mut Diagnostics) -> Option<i64> {
    match n.kind {
        NodeKind::Int(i) => Some(i),
        _ => {
            d.error(
                n.pos,
                format!("`{key}` must be a whole number, found {}", n.type_name()),
            );
            None
        }
    }
}

fn boolean(n: &Node, key: &str, d: &mut Diagnostics) -> Option<bool> {
    match n.kind {
        NodeKind::Bool(b) => Some(b),
        _ => {
            d.error(
                n.pos,
                format!("`{key}` must be true or false, found {}", n.type_name()),
            );
            None
        }
    }
}

fn decode_pack(n: &Node, d: &mut Diagnostics) -> Option<PackIdentity> {
    mapping(n, "`pack`", PACK, d)?;
    let id = required(n, "id", d).and_then(|v| text(v, "pack id", d));
    let version = required(n, "version", d).and_then(|v| match &v.kind {
        // `version: 1.0` is read as a number by YAML; keep what the person wrote.
        NodeKind::Str(_) | NodeKind::Int(_) | NodeKind::Float(_) => v.scalar_text(),
        _ => text(v, "pack version", d),
    });
    let hash = required(n, "hash", d).and_then(|v| text(v, "pack hash", d));
    Some(PackIdentity {
        id: id?,
        version: version?,
        hash: hash?,
    })
}

/// An answer value is what an answers file holds: an option id, a list of them, a whole
/// number or true/false. Whether it fits its question is checked against a pack on replay.
fn answer_value(n: &Node, d: &mut Diagnostics) -> Option<Value> {
    let ok = match &n.kind {
        NodeKind::Str(_) | NodeKind::Int(_) | NodeKind::Bool(_) => true,
        NodeKind::Seq(items) => items.iter().all(|i| matches!(i.kind, NodeKind::Str(_))),
        _ => false,
    };
    if ok {
        Some(yaml::to_json(n))
    } else {
        d.error(
            n.pos,
            format!(
                "an answer is an option id, a list of option ids, a whole number or true/false; found {}",
                n.type_name()
            ),
        );
        None
    }
}

fn decode_answers(n: &Node, d: &mut Diagnostics) -> Option<Vec<SavedAnswer>> {
    if n.kind == NodeKind::Null {
        return Some(Vec::new());
    }
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
    for (k, v) in entries {
        let Some(question) = k.as_str() else {
            d.error(k.pos, "a question id is text");
            continue;
        };
        if let Some(value) = answer_value(v, d) {
            out.push(SavedAnswer {
                question: question.to_string(),
                value,
                pos: k.pos,
            });
        }
    }
    Some(out)
}

fn decode_history(n: &Node, d: &mut Diagnostics) -> Option<Vec<Recorded>> {
    if n.kind == NodeKind::Null {
        return Some(Vec::new());
    }
    let Some(items) = n.as_seq() else {
        d.error(
            n.pos,
            format!(
                "`history` must be a list of events, found {}",
                n.type_name()
            ),
        );
        return None;
    };
    let mut out = Vec::with_capacity(items.len());
    let mut last: Option<Timestamp> = None;
    for item in items {
        let Some(e) = decode_entry(item, d) else {
            continue;
        };
        if last.is_some_and(|l| e.at < l) {
            d.error(e.pos, "this event is dated before the one above it");
        }
        last = Some(e.at);
        out.push(e);
    }
    Some(out)
}

fn decode_entry(n: &Node, d: &mut Diagnostics) -> Option<Recorded> {
    mapping(n, "a history event", ENTRY, d)?;
    let at = required(n, "at", d).and_then(|v| time(v, "at", d));
    let kind = required(n, "event", d).and_then(|v| {
        let s = text(v, "event", d)?;
        if EVENTS.contains(&s.as_str()) {
            Some((s, v.pos))
        } else {
            let msg = format!("unknown event `{s}`");
            match suggest(&s, EVENTS.iter().copied()) {
                Some(h) => d.error_hint(v.pos, msg, h),
                None => d.error_hint(v.pos, msg, format!("events are {}", EVENTS.join(", "))),
            }
            None
        }
    });
    let (kind, _) = kind?;
    let question =
        |d: &mut Diagnostics| required(n, "question", d).and_then(|v| text(v, "question", d));
    let action = match kind.as_str() {
        "answer" => {
            let q = question(d);
            let a = required(n, "answer", d).and_then(|v| answer_value(v, d));
            Action::Answer {
                question: q?,
                answer: a?,
            }
        }
        "jump" => Action::Jump {
            question: question(d)?,
        },
        other => {
            for key in ["question", "answer"] {
                if let Some((k, _)) = n
                    .as_map()
                    .and_then(|m| m.iter().find(|(k, _)| k.as_str() == Some(key)))
                {
                    d.error(k.pos, format!("a `{other}` event has no `{key}`"));
                }
            }
            match other {
                "next" => Action::Next,
                "back" => Action::Back,
                _ => Action::Finish,
            }
        }
    };
    Some(Recorded {
        at: at?,
        action,
        pos: n.pos,
    })
}

fn decode_result(n: &Node, d: &mut Diagnostics) -> Option<SavedResult> {
    mapping(n, "`result`", RESULT, d)?;
    let at = required(n, "at", d).and_then(|v| time(v, "result at", d));
    let winner = required(n, "winner", d).and_then(|v| text(v, "winner", d));
    let margin = required(n, "margin", d).and_then(|v| int(v, "margin", d));
    let tie = required(n, "tie", d).and_then(|v| boolean(v, "tie", d));
    let close = required(n, "close", d).and_then(|v| boolean(v, "close", d));
    let standings = required(n, "standings", d).and_then(|v| {
        let Some(items) = v.as_seq() else {
            d.error(
                v.pos,
                format!("`standings` must be a list, found {}", v.type_name()),
            );
            return None;
        };
        let mut out = Vec::new();
        for item in items {
            mapping(item, "a standing", STANDING, d)?;
            let c = required(item, "candidate", d).and_then(|x| text(x, "candidate", d));
            let name = required(item, "name", d).and_then(|x| text(x, "name", d));
            let points = required(item, "points", d).and_then(|x| int(x, "points", d));
            let vetoed = required(item, "vetoed", d).and_then(|x| boolean(x, "vetoed", d));
            out.push(Standing {
                candidate: c?,
                name: name?,
                points: points?,
                vetoed: vetoed?,
            });
        }
        Some(out)
    });
    let (winner, standings) = (winner?, standings?);
    if !standings.iter().any(|s| s.candidate == winner) {
        let pos = n.get("winner").map_or(n.pos, |w| w.pos);
        d.error(
            pos,
            format!("the winner `{winner}` is not among the standings"),
        );
    }
    Some(SavedResult {
        at: at?,
        winner,
        margin: margin?,
        tie: tie?,
        close: close?,
        standings,
    })
}

/// A JSON answer value as a located YAML node, so that the pack's own answer reader
/// checks it and reports at the event's place.
pub(crate) fn value_node(v: &Value, pos: Pos) -> Node {
    let kind = match v {
        Value::Null => NodeKind::Null,
        Value::Bool(b) => NodeKind::Bool(*b),
        Value::Number(n) => match n.as_i64() {
            Some(i) => NodeKind::Int(i),
            None => NodeKind::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        Value::String(s) => NodeKind::Str(s.as_str().into()),
        Value::Array(items) => NodeKind::Seq(items.iter().map(|i| value_node(i, pos)).collect()),
        Value::Object(m) => NodeKind::Map(
            m.iter()
                .map(|(k, v)| {
                    (
                        Node {
                            kind: NodeKind::Str(k.as_str().into()),
                            pos,
                        },
                        value_node(v, pos),
                    )
                })
                .collect(),
        ),
    };
    Node { kind, pos }
}
