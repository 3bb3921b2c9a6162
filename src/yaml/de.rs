//! Typed values read from the located tree.
//!
//! A format is described once, as types deriving `Deserialize`, and read from the
//! [`Node`]s the guarded parser built: the text is parsed once, by the one parser, and a
//! problem is told at the place of the value it is about, in the words the rest of
//! hirewiz uses (`` `at` must be text, found a list ``).

use super::{Node, NodeKind, Pos, YamlError};
use serde::Deserialize;
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;
use std::marker::PhantomData;

/// Read a typed value from a located tree; the first problem found is returned.
pub fn from_node<'a, T: Deserialize<'a>>(node: &'a Node) -> Result<T, YamlError> {
    T::deserialize(NodeDe(node)).map_err(DeError::into_yaml)
}

/// A value with the place it was read from. Only [`from_node`] knows places; written
/// out, it is the value alone.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    /// Where the value starts.
    pub pos: Pos,
    /// The value.
    pub value: T,
}

/// The name by which [`Located`] asks the tree for a place (no real type has it).
const LOCATED: &str = "$hirewiz::yaml::Located";
const LOCATED_FIELDS: &[&str] = &["$line", "$col", "$value"];

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Located<T> {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Fields<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for Fields<T> {
            type Value = Located<T>;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a value read from a located YAML tree")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut m: A) -> Result<Located<T>, A::Error> {
                let next = |m: &mut A| m.next_key::<de::IgnoredAny>().map(|_| ());
                next(&mut m)?;
                let line = m.next_value()?;
                next(&mut m)?;
                let col = m.next_value()?;
                next(&mut m)?;
                let value = m.next_value()?;
                Ok(Located {
                    pos: Pos { line, col },
                    value,
                })
            }
        }
        d.deserialize_struct(LOCATED, LOCATED_FIELDS, Fields(PhantomData))
    }
}

impl<T: serde::Serialize> serde::Serialize for Located<T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.value.serialize(s)
    }
}

/// A problem found while reading a typed value, with what is known of its place: the
/// node it is about and the key it stands under.
#[derive(Debug)]
pub struct DeError {
    pos: Option<Pos>,
    key: Option<String>,
    problem: Problem,
}

#[derive(Debug)]
enum Problem {
    Custom(String),
    Type {
        found: String,
        expected: String,
    },
    Missing(&'static str),
    UnknownField {
        name: String,
        known: &'static [&'static str],
    },
    UnknownVariant {
        name: String,
        known: &'static [&'static str],
    },
    NotVariant {
        found: &'static str,
        known: &'static [&'static str],
    },
}

impl DeError {
    fn new(problem: Problem) -> DeError {
        DeError {
            pos: None,
            key: None,
            problem,
        }
    }

    /// The innermost place wins: a problem keeps the first place it is given.
    fn at(mut self, pos: Pos) -> DeError {
        self.pos.get_or_insert(pos);
        self
    }

    fn under(mut self, key: &Node) -> DeError {
        if self.key.is_none() {
            self.key = key.scalar_text();
        }
        self
    }

    fn hint(&self) -> Option<String> {
        let (name, known) = match &self.problem {
            Problem::UnknownField { name, known } | Problem::UnknownVariant { name, known } => {
                (name, *known)
            }
            _ => return None,
        };
        crate::suggest::suggest(name, known.iter().copied())
            .or_else(|| Some(format!("expected {}", one_of(known))))
    }

    fn into_yaml(self) -> YamlError {
        YamlError {
            pos: self.pos.unwrap_or(Pos { line: 1, col: 1 }),
            message: self.to_string(),
            hint: self.hint(),
        }
    }
}

impl fmt::Display for DeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let key = self.key.as_deref();
        match (&self.problem, key) {
            (Problem::Custom(m), Some(k)) => write!(f, "`{k}`: {m}"),
            (Problem::Custom(m), None) => f.write_str(m),
            (Problem::Type { found, expected }, Some(k)) => {
                write!(f, "`{k}` must be {expected}, found {found}")
            }
            (Problem::Type { found, expected }, None) => {
                write!(f, "expected {expected}, found {found}")
            }
            (Problem::Missing(field), Some(k)) => write!(f, "`{field}` is missing from `{k}`"),
            (Problem::Missing(field), None) => write!(f, "`{field}` is missing"),
            (Problem::UnknownField { name, .. }, Some(k)) => {
                write!(f, "unknown field `{name}` in `{k}`")
            }
            (Problem::UnknownField { name, .. }, None) => write!(f, "unknown field `{name}`"),
            (Problem::UnknownVariant { name, .. }, Some(k)) => write!(f, "unknown {k} `{name}`"),
            (Problem::UnknownVariant { name, .. }, None) => write!(f, "unknown value `{name}`"),
            (Problem::NotVariant { found, known }, Some(k)) => {
                write!(f, "`{k}` is `{found}`; expected {}", one_of(known))
            }
            (Problem::NotVariant { found, known }, None) => {
                write!(f, "found {found}; expected {}", one_of(known))
            }
        }
    }
}

impl std::error::Error for DeError {}

impl de::Error for DeError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        DeError::new(Problem::Custom(msg.to_string()))
    }

    fn invalid_type(unexp: de::Unexpected, exp: &dyn de::Expected) -> Self {
        DeError::new(Problem::Type {
            found: found_words(&unexp),
            expected: expected_words(&exp.to_string()),
        })
    }

    fn invalid_value(unexp: de::Unexpected, exp: &dyn de::Expected) -> Self {
        DeError::custom(format!("{} is not {}", found_words(&unexp), exp))
    }

    fn missing_field(field: &'static str) -> Self {
        DeError::new(Problem::Missing(field))
    }

    fn unknown_field(field: &str, known: &'static [&'static str]) -> Self {
        DeError::new(Problem::UnknownField {
            name: field.to_string(),
            known,
        })
    }

    fn unknown_variant(variant: &str, known: &'static [&'static str]) -> Self {
        DeError::new(Problem::UnknownVariant {
            name: variant.to_string(),
            known,
        })
    }
}

/// `` `a`, `b` or `c` ``.
fn one_of(known: &[&str]) -> String {
    let quoted: Vec<String> = known.iter().map(|k| format!("`{k}`")).collect();
    match quoted.split_last() {
        None => "nothing".into(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} or {last}", rest.join(", ")),
    }
}

/// What was found, as [`Node::type_name`] says it.
fn found_words(u: &de::Unexpected) -> String {
    use de::Unexpected as U;
    match u {
        U::Bool(_) => "a yes/no value".into(),
        U::Unsigned(_) | U::Signed(_) => "a whole number".into(),
        U::Float(_) => "a decimal number".into(),
        U::Char(_) | U::Str(_) => "text".into(),
        U::Unit | U::Option => "nothing".into(),
        U::Seq => "a list".into(),
        U::Map => "a mapping".into(),
        other => other.to_string(),
    }
}

/// What serde's derived readers expect, in the same words.
fn expected_words(e: &str) -> String {
    let int = e.len() <= 4
        && e.starts_with(['i', 'u'])
        && e.len() > 1
        && e[1..].bytes().all(|b| b.is_ascii_digit());
    match e {
        "a string" | "a borrowed string" | "a character" => "text".into(),
        "a sequence" => "a list".into(),
        "a map" => "a mapping".into(),
        "a boolean" => "true or false".into(),
        "f32" | "f64" => "a number".into(),
        "unit" => "nothing".into(),
        _ if int => "a whole number".into(),
        _ if e.starts_with("struct ") => "a mapping".into(),
        _ => e.to_string(),
    }
}

fn at<T>(r: Result<T, DeError>, pos: Pos) -> Result<T, DeError> {
    r.map_err(|e| e.at(pos))
}

/// One node, read as whatever the type asks for.
#[derive(Clone, Copy)]
struct NodeDe<'a>(&'a Node);

impl<'de> de::Deserializer<'de> for NodeDe<'de> {
    type Error = DeError;

    fn deserialize_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        let n = self.0;
        let r = match &n.kind {
            NodeKind::Null => v.visit_unit(),
            NodeKind::Bool(b) => v.visit_bool(*b),
            NodeKind::Int(i) => v.visit_i64(*i),
            NodeKind::Float(x) => v.visit_f64(*x),
            NodeKind::Str(s) => v.visit_borrowed_str(s.as_str()),
            NodeKind::Seq(items) => v.visit_seq(Items(items.iter())),
            NodeKind::Map(entries) => v.visit_map(Entries {
                entries: entries.iter(),
                value: None,
            }),
        };
        at(r, n.pos)
    }

    fn deserialize_option<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        let r = match self.0.kind {
            NodeKind::Null => v.visit_none(),
            _ => v.visit_some(self),
        };
        at(r, self.0.pos)
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        v: V,
    ) -> Result<V::Value, DeError> {
        at(v.visit_newtype_struct(self), self.0.pos)
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        name: &'static str,
        _fields: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, DeError> {
        if name == LOCATED {
            return v.visit_map(Place {
                node: self.0,
                read: 0,
            });
        }
        self.deserialize_any(v)
    }

    /// Enums are read from their names: `status: complete`.
    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        variants: &'static [&'static str],
        v: V,
    ) -> Result<V::Value, DeError> {
        let n = self.0;
        match &n.kind {
            NodeKind::Str(s) => at(v.visit_enum(s.as_str().into_deserializer()), n.pos),
            _ => Err(DeError::new(Problem::NotVariant {
                found: n.type_name(),
                known: variants,
            })
            .at(n.pos)),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, v: V) -> Result<V::Value, DeError> {
        v.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes
        byte_buf unit unit_struct seq tuple tuple_struct map identifier
    }
}

struct Items<'a>(std::slice::Iter<'a, Node>);

impl<'de> SeqAccess<'de> for Items<'de> {
    type Error = DeError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, DeError> {
        self.0
            .next()
            .map(|n| seed.deserialize(NodeDe(n)))
            .transpose()
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.0.len())
    }
}

struct Entries<'a> {
    entries: std::slice::Iter<'a, (Node, Node)>,
    value: Option<&'a (Node, Node)>,
}

impl<'de> MapAccess<'de> for Entries<'de> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        let Some(entry) = self.entries.next() else {
            return Ok(None);
        };
        self.value = Some(entry);
        seed.deserialize(NodeDe(&entry.0)).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        let (key, value) = self
            .value
            .take()
            .ok_or_else(|| de::Error::custom("a value was asked for before its key"))?;
        seed.deserialize(NodeDe(value)).map_err(|e| e.under(key))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// What [`Located`] reads: the node's line, its column, then the node itself.
struct Place<'a> {
    node: &'a Node,
    read: usize,
}

impl<'de> MapAccess<'de> for Place<'de> {
    type Error = DeError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, DeError> {
        LOCATED_FIELDS
            .get(self.read)
            .map(|k| seed.deserialize((*k).into_deserializer()))
            .transpose()
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, DeError> {
        self.read += 1;
        match self.read {
            1 => seed.deserialize(self.node.pos.line.into_deserializer()),
            2 => seed.deserialize(self.node.pos.col.into_deserializer()),
            _ => seed.deserialize(NodeDe(self.node)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::{Limits, parse};

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields, rename_all = "snake_case")]
    enum Mood {
        Calm,
        Busy,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct Day {
        name: String,
        hours: i64,
        mood: Mood,
        #[serde(default)]
        notes: Vec<Located<String>>,
        done: Option<bool>,
    }

    fn read(text: &str) -> Result<Day, YamlError> {
        let node = parse(text, &Limits::default()).unwrap();
        from_node(&node)
    }

    #[test]
    fn reads_a_typed_value_with_places() {
        let day =
            read("name: Monday\nhours: 8\nmood: busy\nnotes:\n- a\n- 'b'\ndone: ~\n").unwrap();
        assert_eq!(day.name, "Monday");
        assert_eq!(day.mood, Mood::Busy);
        assert_eq!(day.notes[1].value, "b");
        assert_eq!(day.notes[1].pos, Pos { line: 6, col: 3 });
        assert_eq!(day.done, None);
    }

    #[test]
    fn problems_are_told_at_their_place_in_plain_words() {
        let cases = [
            (
                "name: [x]\nhours: 8\nmood: calm\n",
                (1, 7),
                "`name` must be text, found a list",
            ),
            (
                "name: x\nhours: 8.5\nmood: calm\n",
                (2, 8),
                "`hours` must be a whole number, found a decimal number",
            ),
            (
                "name: x\nhours: 8\nmood: sleepy\n",
                (3, 7),
                "unknown mood `sleepy`",
            ),
            (
                "name: x\nhours: 8\nmood: [calm]\n",
                (3, 7),
                "`mood` is `a list`; expected `calm` or `busy`",
            ),
            ("name: x\nmood: calm\n", (1, 1), "`hours` is missing"),
            (
                "name: x\nhours: 8\nmood: calm\nnaem: y\n",
                (4, 1),
                "unknown field `naem`",
            ),
            (
                "name: x\nhours: 8\nmood: calm\nnotes: [a, 3]\n",
                (4, 12),
                "`notes` must be text, found a whole number",
            ),
        ];
        for (text, (line, col), message) in cases {
            let e = read(text).unwrap_err();
            assert_eq!(e.message, message, "{text}");
            assert_eq!(e.pos, Pos { line, col }, "{text}");
        }
        let e = read("name: x\nhours: 8\nmood: calm\nnaem: y\n").unwrap_err();
        assert_eq!(e.hint.as_deref(), Some("did you mean `name`?"));
    }
}
