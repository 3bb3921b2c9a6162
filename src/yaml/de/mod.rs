//! Typed values read from the located tree: a serde `Deserializer` over [`Node`] that
//! records every problem at its place instead of stopping at the first. A format (the
//! pack's raw types, the session file) is described once, as types deriving
//! `Deserialize`, and read through here from the tree the guarded parser built.
//!
//! - A problem is recorded where it is found, at the offending node: the key of an
//!   unknown field, the value of the wrong type, the mapping that lacks a field.
//! - An unknown field is reported and skipped; the mapping that holds it is read on.
//! - [`Items`] reads a list item by item: a bad item is left out, the others are read.
//! - [`Lenient`] marks a field whose problem is reported without failing what holds it.
//!
//! Anything else fails the value that holds it, up to the nearest list item or lenient
//! field. Messages name a type by its serde `expecting`: a struct's says what it is ("a
//! question", "`rates`"), an enum's what its variants are ("unit", "question kind"),
//! after what it is when it is written as a one-key mapping ("a condition|test"). A
//! type's `Deserialize` raises its problems from within its visitor, where the reader
//! still holds the value and places them; a check made once the reader has returned
//! could be lost by a lenient field.

mod wrap;

pub use wrap::{Entries, ID_PATTERN, Items, Lenient, Located, Name, OneKey, OneOrMany, nothing_or};

use super::{Node, NodeKind, Pos, YamlError};
use crate::suggest::suggest;
use compact_str::{CompactString, format_compact};
use serde::de::{self, DeserializeSeed, Deserializer, Expected, IntoDeserializer, Visitor};
use serde::forward_to_deserialize_any;
use std::cell::RefCell;
use std::fmt;

/// Read `node` as a `T`, with every problem found, in the order found; the value is
/// `None` when it cannot be read as a whole (its problems say why).
pub fn read<T: de::DeserializeOwned>(node: &Node) -> (Option<T>, Vec<YamlError>) {
    let sink = RefCell::new(Vec::new());
    let value = T::deserialize(NodeDe::new(node, None, None, &sink)).ok();
    (value, sink.into_inner())
}

/// Serde names the deserializer gives a meaning of its own.
const LOCATED: &str = "$hirewiz::Located";
const ONE_KEY: &str = "$hirewiz::OneKey";
const ONE_OR_MANY: &str = "$hirewiz::OneOrMany";
const NULLABLE: &str = "$hirewiz::Nullable";
/// In a custom message, marks a problem with the value of the field at hand, written
/// "`field` …"; control characters never occur in a pack's text.
const ABOUT_FIELD: char = '\u{1}';
/// In a custom message, separates the message from its hint.
const HINT: char = '\u{1f}';

/// A problem with the value of the field at hand, said as "`field` {text}".
pub fn about_field<E: de::Error>(text: impl fmt::Display) -> E {
    E::custom(format_args!("{ABOUT_FIELD}{text}"))
}

/// A problem with a hint on what might fix it.
pub fn hinted<E: de::Error>(text: impl fmt::Display, hint: impl fmt::Display) -> E {
    E::custom(format_args!("{text}{HINT}{hint}"))
}

/// "{what} is missing the field `{field}`", the one message for a missing field.
pub fn missing(what: &str, field: &str) -> String {
    format!("{what} is missing the field `{field}`")
}

/// Why a value could not be read.
#[derive(Debug)]
pub enum Error {
    /// Recorded already, where it was found.
    Reported,
    /// Not yet recorded: a message, about the value of the field at hand or complete.
    Said {
        text: String,
        hint: Option<String>,
        about_field: bool,
    },
    /// A required field is not written.
    Missing(&'static str),
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Reported => f.write_str("reported"),
            Error::Said { text, .. } => f.write_str(text),
            Error::Missing(field) => write!(f, "missing the field `{field}`"),
        }
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        let msg = msg.to_string();
        let (text, about_field) = match msg.strip_prefix(ABOUT_FIELD) {
            Some(rest) => (rest, true),
            None => (msg.as_str(), false),
        };
        let (text, hint) = match text.split_once(HINT) {
            Some((t, h)) => (t, Some(h.to_string())),
            None => (text, None),
        };
        Error::Said {
            text: text.to_string(),
            hint,
            about_field,
        }
    }

    fn invalid_type(unexp: de::Unexpected, exp: &dyn Expected) -> Self {
        use de::Unexpected as U;
        let found = match unexp {
            U::Unit | U::Option => "nothing",
            U::Bool(_) => "a yes/no value",
            U::Signed(_) | U::Unsigned(_) => "a whole number",
            U::Float(_) => "a decimal number",
            U::Str(_) | U::Char(_) => "text",
            U::Seq => "a list",
            U::Map => "a mapping",
            _ => "something else",
        };
        about_field(format_args!("must be {exp}, found {found}"))
    }

    fn missing_field(field: &'static str) -> Self {
        Error::Missing(field)
    }
}

/// The plural of a noun a message names: "units", "kinds", "statuses".
fn plural(noun: &str) -> String {
    if noun.ends_with(['s', 'x']) || noun.ends_with("sh") || noun.ends_with("ch") {
        format!("{noun}es")
    } else {
        format!("{noun}s")
    }
}

/// What a visitor says it reads: the name messages give the type.
fn expecting(v: &dyn Expected) -> CompactString {
    format_compact!("{v}")
}

/// Where problems are recorded as they are found.
type Sink = RefCell<Vec<YamlError>>;

/// The deserializer of one node.
#[derive(Clone, Copy)]
struct NodeDe<'de, 's> {
    node: &'de Node,
    /// The key this value is written under, if any.
    key: Option<&'de Node>,
    /// The key that names this value in messages: its own, or its list's or mapping's.
    field: Option<&'de Node>,
    /// What a newtype around this value calls it.
    what: Option<&'s str>,
    sink: &'s Sink,
}

impl<'de, 's> NodeDe<'de, 's> {
    fn new(
        node: &'de Node,
        key: Option<&'de Node>,
        field: Option<&'de Node>,
        sink: &'s Sink,
    ) -> Self {
        NodeDe {
            node,
            key,
            field,
            what: None,
            sink,
        }
    }

    /// The value under `key` of this mapping, named by its key.
    fn under(&self, key: &'de Node, node: &'de Node) -> Self {
        NodeDe::new(node, Some(key), Some(key), self.sink)
    }

    /// An item of this list or mapping, named like it.
    fn item(&self, key: Option<&'de Node>, node: &'de Node) -> Self {
        NodeDe::new(node, key, self.field, self.sink)
    }

    /// Read this value with `seed`; a problem raised once the value's own reader is done
    /// is still placed here.
    fn read<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        seed.deserialize(self).map_err(|e| self.fail(e))
    }

    fn key_pos(&self) -> Pos {
        self.key.map_or(self.node.pos, |k| k.pos)
    }

    fn record(&self, pos: Pos, message: String, hint: Option<String>) -> Error {
        self.sink
            .borrow_mut()
            .push(YamlError { pos, message, hint });
        Error::Reported
    }

    /// Record `message` about `given`, a name that is none of `known`: the hint is the
    /// closest known name ("did you mean"), else `otherwise`.
    fn unknown(&self, pos: Pos, message: String, given: &str, known: &[&str], otherwise: String) {
        let hint = suggest(given, known.iter().copied()).or(Some(otherwise));
        self.record(pos, message, hint);
    }

    /// Record here a problem that reached this node unrecorded.
    fn fail(&self, e: Error) -> Error {
        match e {
            Error::Reported => e,
            Error::Said {
                text,
                hint,
                about_field,
            } => {
                let message = match (about_field, self.field.and_then(Node::scalar_text)) {
                    (false, _) => text,
                    (true, Some(f)) => format!("`{f}` {text}"),
                    (true, None) => format!("the value {text}"),
                };
                self.record(self.node.pos, message, hint)
            }
            Error::Missing(field) => {
                let what = self.what.unwrap_or("the mapping");
                self.record(self.node.pos, missing(what, field), None)
            }
        }
    }

    /// A value of the wrong type, named by what was asked for.
    fn mismatch(&self, expected: &str) -> Error {
        let found = self.node.type_name();
        self.fail(about_field(format_args!(
            "must be {expected}, found {found}"
        )))
    }

    /// "unknown {noun} `{given}`", with a hint: the closest known name, or all of them.
    fn unknown_variant(&self, pos: Pos, noun: &str, given: &str, known: &[&str]) -> Error {
        let noun_end = noun.rsplit(' ').next().unwrap_or(noun);
        let all = match known {
            [init @ .., last] if !init.is_empty() => format!("{} and {last}", init.join(", ")),
            _ => known.join(""),
        };
        let message = format!("unknown {noun} `{}`", crate::escape::excerpt(given));
        self.unknown(
            pos,
            message,
            given,
            known,
            format!("{} are {all}", plural(noun_end)),
        );
        Error::Reported
    }

    /// Report the keys of a mapping that are none of `known`.
    fn unknown_keys(&self, entries: &[(Node, Node)], what: &str, known: &[&str]) {
        for (k, _) in entries {
            if k.as_str().is_some_and(|name| known.contains(&name)) {
                continue;
            }
            let name = k.scalar_text().unwrap_or_default();
            let message = format!(
                "unknown field `{}` in {what}",
                crate::escape::excerpt(&name)
            );
            let otherwise = format!("the fields of {what} are: {}", known.join(", "));
            self.unknown(k.pos, message, &name, known, otherwise);
        }
    }

    /// The one entry of a one-key mapping.
    /// `what` names the mapping in messages; it is only called when there is a problem.
    fn one_entry(&self, what: impl Fn() -> String) -> Result<&'de (Node, Node), Error> {
        let pos = self.node.pos;
        if let NodeKind::Map(entries) = &self.node.kind
            && let [entry] = entries.as_slice()
        {
            return Ok(entry);
        }
        let what = what();
        match &self.node.kind {
            NodeKind::Map(entries) => match entries.as_slice() {
                [] => Err(self.record(pos, format!("{what} is empty"), None)),
                // In a pack, one-key mappings are the tests of conditions.
                more => Err(self.record(
                    more[1].0.pos,
                    format!("{what} must have exactly one key, found {}", more.len()),
                    Some("combine several tests with `all:` or `any:`".into()),
                )),
            },
            _ => {
                let found = self.node.type_name();
                Err(self.record(
                    pos,
                    format!("{what} must be a mapping, found {found}"),
                    None,
                ))
            }
        }
    }

    fn seq(self, items: &'de [Node]) -> List<'de, 's> {
        List {
            de: self,
            items,
            next: 0,
        }
    }

    fn map(self, entries: &'de [(Node, Node)]) -> Pairs<'de, 's> {
        Pairs {
            de: self,
            entries,
            next: 0,
        }
    }
}

/// A mapping's entries as a struct reads them: known keys only, and first, for a struct
/// that holds an enum tagged by one of its keys, that enum (its `$tag` field).
struct Fields<'de, 's, 'w> {
    de: NodeDe<'de, 's>,
    entries: &'de [(Node, Node)],
    fields: &'static [&'static str],
    /// The `$tag` field still to give.
    tagged: Option<&'static str>,
    what: &'w str,
    next: usize,
    /// The entry whose key was just given, or `None` for the `$tag` field.
    value: Option<&'de (Node, Node)>,
}

impl<'de> de::MapAccess<'de> for Fields<'de, '_, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        if let Some(field) = self.tagged.take() {
            self.value = None;
            return seed.deserialize(field.into_deserializer()).map(Some);
        }
        while let Some(entry) = self.entries.get(self.next) {
            self.next += 1;
            if let Some(name) = entry.0.as_str()
                && self.fields.contains(&name)
            {
                self.value = Some(entry);
                return seed
                    .deserialize(de::value::BorrowedStrDeserializer::new(name))
                    .map(Some);
            }
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        match self.value {
            Some((k, v)) => self.de.under(k, v).read(seed),
            None => seed.deserialize(Tagged {
                de: self.de,
                entries: self.entries,
                outer: self.fields,
                what: self.what,
            }),
        }
    }
}

/// A mapping's entries as they are, for maps; values are named like the mapping.
struct Pairs<'de, 's> {
    de: NodeDe<'de, 's>,
    entries: &'de [(Node, Node)],
    next: usize,
}

impl<'de> de::MapAccess<'de> for Pairs<'de, '_> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, Error> {
        let Some((k, _)) = self.entries.get(self.next) else {
            return Ok(None);
        };
        self.de.item(None, k).read(seed).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let (k, v) = &self.entries[self.next];
        self.next += 1;
        self.de.item(Some(k), v).read(seed)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len() - self.next)
    }
}

/// A list's items, named like the list.
struct List<'de, 's> {
    de: NodeDe<'de, 's>,
    items: &'de [Node],
    next: usize,
}

impl<'de> de::SeqAccess<'de> for List<'de, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let Some(item) = self.items.get(self.next) else {
            return Ok(None);
        };
        // Counted first, so that a list reading on after a bad item reads the next one.
        self.next += 1;
        self.de.item(None, item).read(seed).map(Some)
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len() - self.next)
    }
}

/// The parts of a [`Located`] value: its key's place, its place, then the value.
struct Parts<'de, 's>(NodeDe<'de, 's>, u8);

impl<'de> de::SeqAccess<'de> for Parts<'de, '_> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, Error> {
        let packed = |p: Pos| (u64::from(p.line) << 32) | u64::from(p.col);
        self.1 += 1;
        match self.1 {
            1 => seed.deserialize(packed(self.0.key_pos()).into_deserializer()),
            2 => seed.deserialize(packed(self.0.node.pos).into_deserializer()),
            3 => self.0.read(seed),
            _ => return Ok(None),
        }
        .map(Some)
    }
}

/// An enum written as a word (`per_month`) or a one-key mapping (`{equals: …}`).
struct Variant<'de, 's> {
    de: NodeDe<'de, 's>,
    name: &'de str,
    /// The key and value of a one-key mapping.
    entry: Option<&'de (Node, Node)>,
}

impl<'de, 's> de::EnumAccess<'de> for Variant<'de, 's> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        let v = seed.deserialize(de::value::BorrowedStrDeserializer::new(self.name))?;
        Ok((v, self))
    }
}

impl<'de> de::VariantAccess<'de> for Variant<'de, '_> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        match self.entry {
            None => Ok(()),
            Some((k, v)) => Err(self.de.under(k, v).mismatch("nothing")),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, Error> {
        match self.entry {
            Some((k, v)) => self.de.under(k, v).read(seed),
            None => Err(self.de.mismatch("a mapping")),
        }
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value, Error> {
        Err(self.de.mismatch("a mapping"))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _: &'static [&'static str],
        _: V,
    ) -> Result<V::Value, Error> {
        Err(self.de.mismatch("a mapping"))
    }
}

/// The rest of a mapping, read as an enum tagged by one of its keys (`kind: single`),
/// whose variant holds the fields that apply to it. Serde's own internal tagging
/// buffers the values and loses their places.
#[derive(Clone, Copy)]
struct Tagged<'de, 's, 'w> {
    de: NodeDe<'de, 's>,
    entries: &'de [(Node, Node)],
    /// The fields of the struct the mapping is read as, the `$tag` among them.
    outer: &'static [&'static str],
    what: &'w str,
}

impl Tagged<'_, '_, '_> {
    fn tag(&self) -> &'static str {
        self.outer
            .iter()
            .find_map(|f| f.strip_prefix('$'))
            .unwrap_or_default()
    }

    /// Without a variant, which keys are its fields is not known: only the keys close
    /// to a field of the struct or to the tag, surely misspelt, are reported.
    fn misspelt_keys(&self) {
        let known: Vec<&str> = self
            .outer
            .iter()
            .map(|f| f.strip_prefix('$').unwrap_or(f))
            .collect();
        let misspelt: Vec<(Node, Node)> = (self.entries.iter())
            .filter(|(k, _)| {
                let name = k.scalar_text().unwrap_or_default();
                !known.contains(&name.as_str()) && suggest(&name, known.iter().copied()).is_some()
            })
            .cloned()
            .collect();
        self.de.unknown_keys(&misspelt, self.what, &known);
    }
}

impl<'de> Deserializer<'de> for Tagged<'de, '_, '_> {
    type Error = Error;

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let tag = self.tag();
        let Some((k, v)) = self.entries.iter().find(|(k, _)| k.as_str() == Some(tag)) else {
            self.misspelt_keys();
            return Err(Error::Missing(tag));
        };
        let value = self.de.under(k, v);
        let problem = match v.as_str() {
            None => Some(value.mismatch("text")),
            Some(s) if s.trim().is_empty() => Some(value.fail(about_field("must not be empty"))),
            Some(s) if !variants.contains(&s) => {
                let noun = expecting(&visitor);
                Some(value.unknown_variant(k.pos, &noun, s, variants))
            }
            Some(_) => None,
        };
        if let Some(e) = problem {
            self.misspelt_keys();
            return Err(e);
        }
        let name = v.as_str().unwrap_or_default();
        visitor.visit_enum(TaggedVariant { de: self, name })
    }

    fn deserialize_any<V: Visitor<'de>>(self, _: V) -> Result<V::Value, Error> {
        Err(self.de.mismatch("a mapping"))
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct identifier
        ignored_any
    }
}

struct TaggedVariant<'de, 's, 'w> {
    de: Tagged<'de, 's, 'w>,
    name: &'de str,
}

impl<'de, 's, 'w> de::EnumAccess<'de> for TaggedVariant<'de, 's, 'w> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self), Error> {
        let v = seed.deserialize(de::value::BorrowedStrDeserializer::new(self.name))?;
        Ok((v, self))
    }
}

impl<'de> de::VariantAccess<'de> for TaggedVariant<'de, '_, '_> {
    type Error = Error;

    fn unit_variant(self) -> Result<(), Error> {
        self.struct_variant(&[], de::IgnoredAny).map(|_| ())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, _: T) -> Result<T::Value, Error> {
        Err(self.de.de.mismatch("a mapping"))
    }

    fn tuple_variant<V: Visitor<'de>>(self, _: usize, _: V) -> Result<V::Value, Error> {
        Err(self.de.de.mismatch("a mapping"))
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let Tagged {
            de,
            entries,
            outer,
            what,
        } = self.de;
        // The fields as a person reads them: the struct's, with the tag and the
        // variant's own where the enum sits.
        let mut known: Vec<&str> = Vec::with_capacity(outer.len() + fields.len());
        for f in outer {
            match f.strip_prefix('$') {
                Some(tag) => {
                    known.push(tag);
                    known.extend_from_slice(fields);
                }
                None => known.push(f),
            }
        }
        de.unknown_keys(entries, what, &known);
        let access = Fields {
            de,
            entries,
            fields,
            tagged: None,
            what,
            next: 0,
            value: None,
        };
        let de = NodeDe {
            what: Some(what),
            ..de
        };
        visitor.visit_map(access).map_err(|e| de.fail(e))
    }
}

impl<'de> Deserializer<'de> for NodeDe<'de, '_> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match &self.node.kind {
            NodeKind::Null => visitor.visit_unit(),
            NodeKind::Bool(b) => visitor.visit_bool(*b),
            NodeKind::Int(i) => visitor.visit_i64(*i),
            NodeKind::Float(x) => visitor.visit_f64(*x),
            NodeKind::Str(s) => visitor.visit_borrowed_str(s),
            NodeKind::Seq(items) => visitor.visit_seq(self.seq(items)),
            NodeKind::Map(entries) => visitor.visit_map(self.map(entries)),
        }
        .map_err(|e| self.fail(e))
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match &self.node.kind {
            NodeKind::Str(s) => visitor.visit_borrowed_str(s).map_err(|e| self.fail(e)),
            _ => Err(self.mismatch("text")),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_i64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match &self.node.kind {
            NodeKind::Int(i) => visitor.visit_i64(*i).map_err(|e| self.fail(e)),
            NodeKind::Float(_) => Err(self.fail(about_field("must be a whole number"))),
            _ => Err(self.mismatch("a whole number")),
        }
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let x = match &self.node.kind {
            NodeKind::Int(i) => *i as f64,
            NodeKind::Float(x) => *x,
            _ => {
                let found = self.node.type_name();
                let message = format!("expected a number, found {found}");
                return Err(self.record(self.node.pos, message, None));
            }
        };
        visitor.visit_f64(x).map_err(|e| self.fail(e))
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        // A written value is never absent, `~` included: only a field not written is.
        visitor.visit_some(self)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match &self.node.kind {
            NodeKind::Seq(items) => visitor.visit_seq(self.seq(items)).map_err(|e| self.fail(e)),
            _ => Err(self.mismatch("a list")),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match &self.node.kind {
            NodeKind::Map(entries) => visitor
                .visit_map(self.map(entries))
                .map_err(|e| self.fail(e)),
            _ => Err(self.mismatch("a mapping")),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let own = expecting(&visitor);
        let what = self.what.unwrap_or(&own);
        let NodeKind::Map(entries) = &self.node.kind else {
            let found = self.node.type_name();
            let message = format!("{what} must be a mapping, found {found}");
            return Err(self.record(self.node.pos, message, None));
        };
        let tagged = fields.iter().find(|f| f.starts_with('$')).copied();
        if tagged.is_none() {
            self.unknown_keys(entries, what, fields);
        }
        let access = Fields {
            de: self,
            entries,
            fields,
            tagged,
            what,
            next: 0,
            value: None,
        };
        let de = NodeDe {
            what: Some(what),
            ..self
        };
        visitor.visit_map(access).map_err(|e| de.fail(e))
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        let names = expecting(&visitor);
        // `what|noun` names an enum written as a one-key mapping; a bare noun, one
        // written as a word.
        let (name, entry, pos, noun) = match names.split_once('|') {
            Some((what, noun)) => {
                let entry = self.one_entry(|| what.to_string())?;
                let Some(name) = entry.0.as_str() else {
                    let given = entry.0.scalar_text().unwrap_or_default();
                    return Err(self.unknown_variant(entry.0.pos, noun, &given, variants));
                };
                (name, Some(entry), entry.0.pos, noun)
            }
            None => match &self.node.kind {
                NodeKind::Str(s) if s.trim().is_empty() => {
                    return Err(self.fail(about_field("must not be empty")));
                }
                NodeKind::Str(s) => (s.as_str(), None, self.key_pos(), names.as_str()),
                _ => return Err(self.mismatch("text")),
            },
        };
        if !variants.contains(&name) {
            return Err(self.unknown_variant(pos, noun, name, variants));
        }
        let access = Variant {
            de: self,
            name,
            entry,
        };
        visitor.visit_enum(access).map_err(|e| self.fail(e))
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        visitor: V,
    ) -> Result<V::Value, Error> {
        match name {
            ONE_KEY => {
                let field = || self.field.and_then(Node::scalar_text).unwrap_or_default();
                let entry = self.one_entry(|| format!("`{}`", field()))?;
                visitor.visit_map(self.map(std::slice::from_ref(entry)))
            }
            ONE_OR_MANY => match &self.node.kind {
                NodeKind::Seq(items) => visitor.visit_seq(self.seq(items)),
                _ => visitor.visit_seq(self.seq(std::slice::from_ref(self.node))),
            },
            NULLABLE => match &self.node.kind {
                NodeKind::Null => visitor.visit_none(),
                _ => visitor.visit_newtype_struct(self),
            },
            // A newtype names what it wraps, as "a warning" wraps a next step.
            _ => {
                let what = expecting(&visitor);
                let inner = NodeDe {
                    what: Some(&what),
                    ..self
                };
                return visitor
                    .visit_newtype_struct(inner)
                    .map_err(|e| self.fail(e));
            }
        }
        .map_err(|e| self.fail(e))
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, Error> {
        if name == LOCATED {
            return visitor.visit_seq(Parts(self, 0)).map_err(|e| self.fail(e));
        }
        self.deserialize_tuple(len, visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    forward_to_deserialize_any! {
        bool i8 i16 i32 i128 u8 u16 u32 u64 u128 f32 char bytes byte_buf unit unit_struct
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::{Limits, parse};
    use serde::Deserialize;

    #[test]
    fn the_hint_names_the_known_values_in_the_plural() {
        assert_eq!(plural("unit"), "units");
        assert_eq!(plural("status"), "statuses");
        assert_eq!(plural("box"), "boxes");
        assert_eq!(plural("kind"), "kinds");
    }

    #[derive(Debug, Deserialize)]
    #[serde(expecting = "a thing", deny_unknown_fields)]
    #[allow(dead_code)]
    struct Thing {
        id: String,
        size: i64,
        note: Lenient<String>,
    }

    fn problems<T: de::DeserializeOwned>(text: &str) -> (Option<T>, Vec<String>) {
        let node = parse(text, &Limits::default()).unwrap();
        let (value, mut found) = read::<T>(&node);
        found.sort_by_key(|e| e.pos);
        let said = |e: &YamlError| match &e.hint {
            Some(h) => format!("{}:{}: {}\n    hint: {h}", e.pos.line, e.pos.col, e.message),
            None => format!("{}:{}: {}", e.pos.line, e.pos.col, e.message),
        };
        (value, found.iter().map(said).collect())
    }

    #[test]
    fn problems_are_placed_at_the_key_or_the_value_that_holds_them() {
        let (thing, found) = problems::<Thing>("id: a\nsise: 3\n");
        assert!(thing.is_none());
        assert_eq!(
            found,
            [
                "1:1: a thing is missing the field `size`",
                "2:1: unknown field `sise` in a thing\n    hint: did you mean `size`?",
            ]
        );
        let (_, found) = problems::<Thing>("id: [a]\nsize: 3\n");
        assert_eq!(found, ["1:5: `id` must be text, found a list"]);
    }

    #[test]
    fn a_bad_item_hides_no_other_and_a_lenient_field_keeps_its_item() {
        let text = "- {id: a, size: 1, note: [x]}\n- {id: [b], size: 1}\n- {id: c, size: 2}\n";
        let (items, found) = problems::<Items<Thing>>(text);
        let items = items.unwrap();
        assert_eq!(items.written, 3);
        let ids: Vec<&str> = items.items.iter().map(|t| t.value.id.as_str()).collect();
        assert_eq!(ids, ["a", "c"]);
        assert_eq!(items.items[1].pos, Pos { line: 3, col: 3 });
        assert_eq!(items.items[0].value.note, Lenient::Refused);
        assert_eq!(
            found,
            [
                "1:26: `note` must be text, found a list",
                "2:8: `id` must be text, found a list",
            ]
        );
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(rename_all = "snake_case", expecting = "mood")]
    enum Mood {
        Calm,
        Busy,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields, expecting = "a day")]
    struct Day {
        name: String,
        hours: i64,
        mood: Mood,
        #[serde(default)]
        notes: Vec<Located<String>>,
        #[serde(default, deserialize_with = "nothing_or")]
        done: Option<bool>,
    }

    #[test]
    fn reads_a_typed_value_with_places() {
        let (day, found) =
            problems::<Day>("name: Monday\nhours: 8\nmood: busy\nnotes:\n- a\n- 'b'\ndone: ~\n");
        assert_eq!(found, Vec::<String>::new());
        let day = day.unwrap();
        assert_eq!(day.name, "Monday");
        assert_eq!(day.mood, Mood::Busy);
        assert_eq!(day.notes[1].value, "b");
        assert_eq!(day.notes[1].pos, Pos { line: 6, col: 3 });
        assert_eq!(day.done, None);
        let (day, _) = problems::<Day>("name: M\nhours: 8\nmood: busy\ndone: true\n");
        assert_eq!(day.unwrap().done, Some(true));
    }

    #[test]
    fn problems_are_told_at_their_place_in_plain_words() {
        let cases = [
            (
                "name: [x]\nhours: 8\nmood: calm\n",
                "1:7: `name` must be text, found a list",
            ),
            (
                "name: x\nhours: 8.5\nmood: calm\n",
                "2:8: `hours` must be a whole number",
            ),
            (
                "name: x\nhours: 8\nmood: sleepy\n",
                "3:1: unknown mood `sleepy`\n    hint: moods are calm and busy",
            ),
            (
                "name: x\nmood: calm\n",
                "1:1: a day is missing the field `hours`",
            ),
            (
                "name: x\nhours: 8\nmood: calm\nnaem: y\n",
                "4:1: unknown field `naem` in a day\n    hint: did you mean `name`?",
            ),
            (
                "name: x\nhours: 8\nmood: calm\nnotes: [a, 3]\n",
                "4:12: `notes` must be text, found a whole number",
            ),
        ];
        for (text, message) in cases {
            let (_, found) = problems::<Day>(text);
            assert_eq!(found, [message], "{text}");
        }
    }
}
