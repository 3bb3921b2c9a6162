//! The JSON report, for scripts. Field order is fixed, so the same answers always give
//! byte-identical output.

use super::Report;
use serde::ser::{Serialize, SerializeMap, SerializeStruct, Serializer};
use serde_json::Value;

/// The report as a JSON value (see the README for every field).
pub fn value(r: &Report) -> Value {
    serde_json::to_value(Doc(r)).unwrap_or(Value::Null)
}

/// Room for a report's JSON text: the default pack's run to about 31 KB. Taken at once,
/// the text is written where it stays, rather than copied to a buffer twice the size
/// each time it outgrows one; the room it does not fill is never touched. No more is
/// taken, so that it fits in the memory the process has already asked the system for.
const ROOM: usize = 32 * 1024;

/// The report as pretty-printed JSON text, ending with a newline. Written straight from
/// the report, without building a [`Value`] first; the same text as [`value`] printed.
pub fn render(r: &Report) -> String {
    let mut out = Vec::with_capacity(ROOM);
    let written = serde_json::to_writer_pretty(&mut out, &Doc(r));
    let mut s = match written.map(|()| String::from_utf8(out)) {
        Ok(Ok(s)) => s,
        _ => "{}".into(),
    };
    s.push('\n');
    s
}

/// The JSON document of a report: its fields in their fixed order.
struct Doc<'a>(&'a Report);

/// Serialise `(key, value)` pairs as a mapping, in order.
struct Pairs<I>(std::cell::Cell<Option<I>>);

impl<K: Serialize, V: Serialize, I: Iterator<Item = (K, V)>> Serialize for Pairs<I> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(None)?;
        for (k, v) in self.0.take().into_iter().flatten() {
            m.serialize_entry(&k, &v)?;
        }
        m.end()
    }
}

fn pairs<K, V, I: Iterator<Item = (K, V)>>(i: I) -> Pairs<I> {
    Pairs(std::cell::Cell::new(Some(i)))
}

/// A list written from an iterator.
struct List<I>(std::cell::Cell<Option<I>>);

impl<T: Serialize, I: Iterator<Item = T>> Serialize for List<I> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.take().into_iter().flatten())
    }
}

fn list<T, I: Iterator<Item = T>>(i: I) -> List<I> {
    List(std::cell::Cell::new(Some(i)))
}

impl Serialize for Doc<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let r = self.0;
        let mut d = s.serialize_struct("Report", 26)?;
        d.serialize_field(
            "pack",
            &pairs([("id", &r.pack.id), ("version", &r.pack.version)].into_iter()),
        )?;
        d.serialize_field("state", &r.state)?;
        d.serialize_field("recommendation", &r.recommendation)?;
        d.serialize_field("level", &r.level)?;
        d.serialize_field("ranking", &list(r.standings.iter().map(|c| &c.id)))?;
        d.serialize_field(
            "scores",
            &pairs(r.standings.iter().map(|c| (&c.id, c.score))),
        )?;
        d.serialize_field("margin", &r.margin)?;
        d.serialize_field("tie", &r.tie)?;
        d.serialize_field("close", &r.close)?;
        d.serialize_field(
            "vetoed",
            &list(r.standings.iter().filter(|c| c.vetoed).map(|c| &c.id)),
        )?;
        d.serialize_field("reasons", &list(r.reasons.iter().map(Reason)))?;
        d.serialize_field(
            "answers",
            &pairs(r.answers.iter().map(|a| (&a.question, &a.value))),
        )?;
        d.serialize_field("costs", &r.costs)?;
        d.serialize_field("cost_basis", &r.cost_basis)?;
        d.serialize_field("cost_assumptions", &r.cost_assumptions)?;
        d.serialize_field("cost_over_time", &r.cost_over_time)?;
        d.serialize_field("budget", &r.budget)?;
        d.serialize_field("role", &r.role)?;
        d.serialize_field("skills", &r.skills)?;
        d.serialize_field("next_steps", &r.next_steps)?;
        d.serialize_field("warnings", &r.warnings)?;
        d.serialize_field("what_if", &r.what_if)?;
        d.serialize_field("what_if_pairs", &r.what_if_pairs)?;
        d.serialize_field("what_if_pairs_complete", &r.what_if_pairs_complete)?;
        d.serialize_field("close_call", &r.close_call)?;
        d.serialize_field("decisive_rules", &r.decisive_rules)?;
        d.end()
    }
}

/// One reason as JSON: the fields a script needs, without the candidate's name.
struct Reason<'a>(&'a super::ReasonLine);

impl Serialize for Reason<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let x = self.0;
        let mut d = s.serialize_struct("Reason", 7)?;
        d.serialize_field("rule", &x.rule)?;
        d.serialize_field("candidate", &x.candidate)?;
        d.serialize_field("points", &x.points)?;
        d.serialize_field("veto", &x.veto)?;
        d.serialize_field("reason", &x.reason)?;
        d.serialize_field("source", &x.source)?;
        d.serialize_field("decisive", &x.decisive)?;
        d.end()
    }
}
