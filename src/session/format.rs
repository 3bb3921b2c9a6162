//! The session file: readable YAML with a format version, described once by `File`
//! and written and read through the project's one YAML module ([`crate::yaml`]), whose
//! guards (size, nesting, a budget of values) stand in front of every read.
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
//! ```

use super::{
    Label, PackIdentity, Recorded, SavedAnswer, SavedEvent, SavedResult, Session, SessionError,
    SessionId, Status, Timestamp,
};
use crate::diag::Diagnostics;
use crate::yaml::de::{Items, nothing_or};
use crate::yaml::{self, Limits, Located, Node};
use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;
use std::fmt;

/// The format this version writes and reads.
pub const FORMAT: &str = "hirewiz-session/1";
/// The prefix every version of the format shares.
const FAMILY: &str = "hirewiz-session/";

/// The file, a field a key in the order written. The history is written last, an event a
/// line (see [`HistoryText`]); what no type can say (a `complete` session has a result,
/// times run forward) is checked once it is read.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "a session file")]
struct File {
    format: String,
    id: SessionId,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "nothing_or"
    )]
    label: Option<Label>,
    created: Timestamp,
    updated: Timestamp,
    status: Status,
    pack: PackIdentity,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "nothing_or"
    )]
    result: Option<SavedResult>,
    #[serde(with = "answers")]
    answers: Vec<SavedAnswer>,
    #[serde(skip_serializing, deserialize_with = "nothing_or_list")]
    history: Items<Entry>,
}

/// One event of the history.
#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "an event")]
struct Entry {
    at: Timestamp,
    event: EventName,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "nothing_or"
    )]
    question: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "nothing_or"
    )]
    answer: Option<AnswerValue>,
    /// The open questions of a `settle`.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "nothing_or"
    )]
    questions: Option<Vec<String>>,
    /// The label of a `label` event; without it, the label was removed.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "nothing_or"
    )]
    label: Option<String>,
    /// Where an `export` wrote the report.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "nothing_or"
    )]
    file: Option<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", expecting = "event")]
enum EventName {
    Answer,
    Next,
    Back,
    Jump,
    Finish,
    Settle,
    Label,
    Export,
}

impl EventName {
    fn word(self) -> &'static str {
        match self {
            EventName::Answer => "answer",
            EventName::Next => "next",
            EventName::Back => "back",
            EventName::Jump => "jump",
            EventName::Finish => "finish",
            EventName::Settle => "settle",
            EventName::Label => "label",
            EventName::Export => "export",
        }
    }
}

/// An answer as an answers file holds it: an option id, a list of them, a whole number or
/// true/false. Whether it fits its question is checked against a pack on replay.
#[derive(Serialize)]
#[serde(transparent)]
struct AnswerValue(Value);

impl<'de> Deserialize<'de> for AnswerValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Answer;
        impl<'de> Visitor<'de> for Answer {
            type Value = AnswerValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an option id, a list of option ids, a whole number or true/false")
            }
            fn visit_str<E>(self, v: &str) -> Result<AnswerValue, E> {
                Ok(AnswerValue(v.into()))
            }
            fn visit_i64<E>(self, v: i64) -> Result<AnswerValue, E> {
                Ok(AnswerValue(v.into()))
            }
            fn visit_u64<E>(self, v: u64) -> Result<AnswerValue, E> {
                Ok(AnswerValue(v.into()))
            }
            fn visit_bool<E>(self, v: bool) -> Result<AnswerValue, E> {
                Ok(AnswerValue(v.into()))
            }
            fn visit_seq<A: de::SeqAccess<'de>>(self, mut seq: A) -> Result<AnswerValue, A::Error> {
                let mut ids = Vec::new();
                while let Some(id) = seq.next_element::<String>()? {
                    ids.push(Value::String(id));
                }
                Ok(AnswerValue(Value::Array(ids)))
            }
        }
        d.deserialize_any(Answer)
    }
}

/// `answers:` maps question ids to answers, in the pack's order; each keeps its place.
mod answers {
    use super::*;

    pub fn serialize<S: Serializer>(answers: &[SavedAnswer], s: S) -> Result<S::Ok, S::Error> {
        s.collect_map(answers.iter().map(|a| (&a.question, &a.value)))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<SavedAnswer>, D::Error> {
        struct Answers;
        impl<'de> Visitor<'de> for Answers {
            type Value = Vec<SavedAnswer>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping of question ids to answers")
            }
            fn visit_unit<E>(self) -> Result<Vec<SavedAnswer>, E> {
                Ok(Vec::new())
            }
            fn visit_map<M: de::MapAccess<'de>>(self, mut m: M) -> Result<Self::Value, M::Error> {
                let mut out = Vec::new();
                while let Some(question) = m.next_key::<Located<String>>()? {
                    let AnswerValue(value) = m.next_value()?;
                    out.push(SavedAnswer {
                        question: question.value,
                        value,
                        pos: question.pos,
                    });
                }
                Ok(out)
            }
        }
        d.deserialize_map(Answers)
    }
}

/// `history: ~` is read as no events, like `history: []`; the events are read one by
/// one, so that a bad one hides none of the others.
fn nothing_or_list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Items<T>, D::Error> {
    nothing_or::<D, Items<T>>(d).map(|h| {
        h.unwrap_or(Items {
            items: Vec::new(),
            written: 0,
        })
    })
}

impl File {
    /// Everything but the history, which is written apart.
    fn head(s: &Session) -> File {
        File {
            format: FORMAT.to_string(),
            id: s.id.clone(),
            label: s.label.clone(),
            created: s.created,
            updated: s.updated,
            status: s.status,
            pack: s.pack.clone(),
            result: s.result.clone(),
            answers: s.answers.clone(),
            history: Items {
                items: Vec::new(),
                written: 0,
            },
        }
    }
}

impl Entry {
    fn of(r: &Recorded) -> Entry {
        let mut e = Entry {
            at: r.at,
            event: EventName::Next,
            question: None,
            answer: None,
            questions: None,
            label: None,
            file: None,
        };
        e.event = match &r.event {
            SavedEvent::Answer { question, answer } => {
                e.question = Some(question.clone());
                e.answer = Some(AnswerValue(answer.clone()));
                EventName::Answer
            }
            SavedEvent::Next => EventName::Next,
            SavedEvent::Back => EventName::Back,
            SavedEvent::Jump { question } => {
                e.question = Some(question.clone());
                EventName::Jump
            }
            SavedEvent::Finish => EventName::Finish,
            SavedEvent::Settle { questions } => {
                e.questions = Some(questions.clone());
                EventName::Settle
            }
            SavedEvent::Label { label } => {
                e.label = label.clone();
                EventName::Label
            }
            SavedEvent::Export { file } => {
                e.file = Some(file.clone());
                EventName::Export
            }
        };
        e
    }
}

/// The history as written, an event a line, kept by whoever appends to a session so
/// that each save writes out only the events that are new.
#[derive(Debug, Clone, Default)]
pub struct HistoryText {
    text: String,
    values: usize,
    /// The events written, and the last of them, to tell a history that was rewritten
    /// (compacted, say) from one that only grew.
    events: usize,
    last: Option<Recorded>,
}

impl HistoryText {
    /// Bring the lines up to `history`.
    fn update(&mut self, history: &[Recorded]) {
        let grown = self.events <= history.len()
            && self.last.as_ref() == self.events.checked_sub(1).map(|i| &history[i]);
        if !grown {
            *self = HistoryText::default();
        }
        for r in &history[self.events..] {
            // Plain data always serialises.
            let line = yaml::to_flow(&Entry::of(r)).unwrap_or_else(|_| yaml::Flow {
                text: String::new(),
                values: 0,
            });
            self.text.push_str("- ");
            self.text.push_str(&line.text);
            self.text.push('\n');
            self.values += line.values;
        }
        self.events = history.len();
        self.last = history.last().cloned();
    }
}

/// A session's file as text, and how many values its reader counts in it.
#[derive(Debug, Clone)]
pub struct Written {
    /// The file's text.
    pub text: String,
    /// What the reader counts against [`Limits::max_nodes`].
    pub values: usize,
}

impl Written {
    /// Whether the file stays within `share` of what the reader accepts, in bytes and in
    /// values alike (`(15, 16)`: fifteen sixteenths).
    pub fn within(&self, share: (usize, usize)) -> bool {
        let limits = Limits::default();
        let (num, den) = share;
        self.text.len() <= limits.max_bytes / den * num
            && self.values <= limits.max_nodes / den * num
    }
}

/// Write a session as the text of its file.
pub fn to_yaml(s: &Session) -> String {
    write(s, &mut HistoryText::default()).text
}

/// Write a session, reusing the lines of `history` written for it before.
pub fn write(s: &Session, history: &mut HistoryText) -> Written {
    history.update(&s.history);
    let head = File::head(s);
    // Plain data always serialises; an empty text would be refused on load.
    let mut text = yaml::to_string(&head).unwrap_or_default();
    // The head, then the `history` key and its list.
    let values = yaml::values_in(&head).unwrap_or(0) + 2 + history.values;
    if history.events == 0 {
        text.push_str("history: []\n");
    } else {
        text.reserve(history.text.len() + 9);
        text.push_str("history:\n");
        text.push_str(&history.text);
    }
    Written { text, values }
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
    check_format(root, d)?;
    let file: File = d.read(root)?;
    Some(resolve(file, root, d))
}

/// The version decides how to read the rest, so it is checked first and alone.
fn check_format(root: &Node, d: &mut Diagnostics) -> Option<()> {
    let not_session = "not a hirewiz session file";
    if root.as_map().is_none() {
        d.error(
            root.pos,
            format!(
                "{not_session}: expected a mapping, found {}",
                root.type_name()
            ),
        );
        return None;
    }
    match root.get("format").map(|n| (n, n.as_str())) {
        None => d.error_hint(
            root.pos,
            format!("{not_session}: it has no `format: {FORMAT}`"),
            "an answers file is read with `hirewiz recommend --answers FILE`",
        ),
        Some((_, Some(FORMAT))) => return Some(()),
        Some((n, Some(f))) if f.starts_with(FAMILY) => d.error_hint(
            n.pos,
            format!("the session is in format `{f}`; this hirewiz reads `{FORMAT}`"),
            "open it with the hirewiz that wrote it, or a newer one",
        ),
        Some((n, _)) => d.error(
            n.pos,
            format!(
                "{not_session}: `format` is `{}`, expected `{FORMAT}`",
                n.scalar_text().unwrap_or_else(|| n.type_name().to_string())
            ),
        ),
    }
    None
}

/// What the types cannot say, checked with every problem at its place.
fn resolve(file: File, root: &Node, d: &mut Diagnostics) -> Session {
    let pos_of = |key: &str| root.get(key).map_or(root.pos, |n| n.pos);
    let mut history = Vec::with_capacity(file.history.items.len());
    let mut last: Option<Timestamp> = None;
    for entry in file.history.items {
        let Some(r) = recorded(entry, d) else {
            continue;
        };
        if last.is_some_and(|l| r.at < l) {
            d.error(r.pos, "this event is dated before the one above it");
        }
        last = Some(r.at);
        history.push(r);
    }
    match (file.status, &file.result) {
        (Status::Complete, None) => {
            d.error(root.pos, "the session is `complete` but has no `result`")
        }
        (Status::InProgress, Some(_)) => d.error(
            pos_of("result"),
            "the session is `in_progress` but has a `result`",
        ),
        _ => {}
    }
    if let Some(r) = &file.result
        && !r.standings.iter().any(|s| s.candidate == r.winner)
    {
        let pos = root
            .get("result")
            .and_then(|n| n.get("winner"))
            .map_or(pos_of("result"), |n| n.pos);
        d.error(
            pos,
            format!("the winner `{}` is not among the standings", r.winner),
        );
    }
    if file.updated < file.created {
        d.error(pos_of("updated"), "`updated` is before `created`");
    }
    Session {
        id: file.id,
        label: file.label,
        created: file.created,
        updated: file.updated,
        status: file.status,
        pack: file.pack,
        answers: file.answers,
        history,
        result: file.result,
    }
}

/// An event's fields as its kind needs them.
fn recorded(entry: Located<Entry>, d: &mut Diagnostics) -> Option<Recorded> {
    let Located { pos, value: e, .. } = entry;
    use EventName as N;
    // Which of the optional keys each kind needs; a `label` event may have its key or
    // not (a removed label).
    let wants = |key: &str| -> Option<bool> {
        Some(match (e.event, key) {
            (N::Answer, "question" | "answer") | (N::Jump, "question") => true,
            (N::Settle, "questions") | (N::Export, "file") => true,
            (N::Label, "label") => return None,
            _ => false,
        })
    };
    let mut fine = true;
    for (key, given) in [
        ("question", e.question.is_some()),
        ("answer", e.answer.is_some()),
        ("questions", e.questions.is_some()),
        ("label", e.label.is_some()),
        ("file", e.file.is_some()),
    ] {
        match wants(key) {
            Some(true) if !given => d.error(pos, format!("`{key}` is missing")),
            Some(false) if given => {
                d.error(pos, format!("a `{}` event has no `{key}`", e.event.word()));
            }
            _ => continue,
        }
        fine = false;
    }
    if let Some(Err(why)) = e.label.as_deref().map(Label::parse) {
        d.error(pos, format!("`label`: {why}"));
        fine = false;
    }
    if !fine {
        return None;
    }
    let event = match (e.event, e.question, e.answer) {
        (N::Answer, Some(question), Some(AnswerValue(answer))) => {
            SavedEvent::Answer { question, answer }
        }
        (N::Jump, Some(question), _) => SavedEvent::Jump { question },
        (N::Next, ..) => SavedEvent::Next,
        (N::Back, ..) => SavedEvent::Back,
        (N::Finish, ..) => SavedEvent::Finish,
        (N::Settle, ..) => SavedEvent::Settle {
            questions: e.questions.unwrap_or_default(),
        },
        (N::Label, ..) => SavedEvent::Label { label: e.label },
        (N::Export, ..) => SavedEvent::Export {
            file: e.file.unwrap_or_default(),
        },
        // Told above.
        _ => return None,
    };
    Some(Recorded {
        at: e.at,
        event,
        pos,
    })
}

/// The status and last change of a session file, read from its top alone: hirewiz
/// writes `format` to `status` first, each on a line of its own, before `pack:`. `None`
/// when the top says something else (a file written by hand, say): it is then read whole.
pub(crate) fn peek(top: &[u8]) -> Option<(Status, Timestamp)> {
    #[derive(Deserialize)]
    struct Top {
        format: String,
        status: Status,
        updated: Timestamp,
    }
    let text = match std::str::from_utf8(top) {
        Ok(t) => t,
        // Cut inside a character at the end of what was read.
        Err(e) => std::str::from_utf8(&top[..e.valid_up_to()]).ok()?,
    };
    let end = text.find("\npack:")?;
    let node = yaml::parse(&text[..=end], &Limits::default()).ok()?;
    // A header reads a few keys: the others are not its problem.
    let t: Top = yaml::de::read(&node).0?;
    (t.format == FORMAT).then_some((t.status, t.updated))
}

/// A JSON answer value as a located YAML node, so that the pack's own answer reader
/// checks it and reports at the event's place.
pub(crate) fn value_node(v: &Value, pos: yaml::Pos) -> Node {
    use yaml::NodeKind;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_values_written_are_the_values_the_reader_counts() {
        let text = include_str!("../../tests/sessions/v1/finished.yaml");
        let s = from_text("finished.yaml", text).unwrap();
        let w = write(&s, &mut HistoryText::default());
        assert_eq!(w.text, text);
        let at = |max_nodes| {
            yaml::parse(
                &w.text,
                &Limits {
                    max_nodes,
                    ..Limits::default()
                },
            )
        };
        assert!(at(w.values).is_ok());
        assert!(at(w.values - 1).is_err());
    }

    #[test]
    fn a_history_written_in_parts_reads_as_one_written_whole() {
        let text = include_str!("../../tests/sessions/v1/finished.yaml");
        let full = from_text("finished.yaml", text).unwrap();
        let mut s = full.clone();
        let mut cache = HistoryText::default();
        s.history.truncate(3);
        write(&s, &mut cache);
        s.history = full.history.clone();
        assert_eq!(write(&s, &mut cache).text, text);
        // A history rewritten, not grown, is written anew.
        s.history.remove(1);
        assert_eq!(write(&s, &mut cache).text, to_yaml(&s));
    }
}
