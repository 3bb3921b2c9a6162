//! The values of the pack format: each says, in one place, what may be written (its
//! schema) and how it is read (its `Deserialize`).

use crate::pack::Band;
use crate::yaml::Node;
use crate::yaml::de::{ID_PATTERN, about_field, hinted};
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{Deserializer, Error as _, Visitor};
use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

/// A visitor that takes one kind of value, named in messages by `expecting`.
macro_rules! visitor {
    ($name:ident -> $value:ty, $expecting:literal, { $($body:tt)* }) => {
        struct $name;
        impl Visitor<'_> for $name {
            type Value = $value;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str($expecting)
            }
            $($body)*
        }
    };
}

macro_rules! schema {
    ($name:ident => $schema:tt) => {
        impl JsonSchema for $name {
            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }
            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                json_schema!($schema)
            }
        }
    };
}

/// Text that is not blank and is one line; trailing blanks are dropped. Numbers and
/// yes/no values are refused, so that a typo shows. A line break inside would stand in a
/// report as a line of its own, which could pass for the report's own words.
#[derive(Debug, Clone, PartialEq)]
pub struct Text(pub String);

schema!(Text => {"type": "string", "pattern": "\\S", "not": {"pattern": "[\\n\\r\\u2028\\u2029]"}});

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        visitor!(V -> Text, "text", {
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Text, E> {
                text(s).map(Text)
            }
        });
        d.deserialize_str(V)
    }
}

/// The checks of [`Text`]. Every check is made inside a visitor, where the reader places
/// it at its value.
fn text<E: serde::de::Error>(s: &str) -> Result<String, E> {
    if s.trim().is_empty() {
        return Err(about_field("must not be empty"));
    }
    let s = s.trim_end();
    if s.contains(['\n', '\r', '\u{2028}', '\u{2029}']) {
        return Err(about_field(
            "must be one line: write it on one line, or as a folded block (`>-`)",
        ));
    }
    Ok(s.to_string())
}

/// An identifier: a lowercase letter, then lowercase letters, digits, `_` or `-`.
#[derive(Debug, Clone, PartialEq)]
pub struct Id(pub String);

impl JsonSchema for Id {
    fn schema_name() -> Cow<'static, str> {
        "Id".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "string",
            "pattern": ID_PATTERN,
            "description": "An id: a lowercase letter, then a-z, 0-9, `_` or `-` (at most 64)."
        })
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        visitor!(V -> Id, "text", {
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Id, E> {
                let s = text(s)?;
                if !is_id(&s) {
                    return Err(hinted(
                        format_args!("`{s}` is not a valid id"),
                        "ids start with a lowercase letter and hold only a-z, 0-9, `_` and `-` (at most 64)",
                    ));
                }
                Ok(Id(s))
            }
        });
        d.deserialize_str(V)
    }
}

/// Whether `s` is a valid id.
pub fn is_id(s: &str) -> bool {
    let mut chars = s.chars();
    s.len() <= 64
        && chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

/// A whole number within ±1,000,000,000,000.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Int(pub i64);

// Inline, so that a field can narrow its range.
impl JsonSchema for Int {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        "Int".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": "integer", "minimum": -1_000_000_000_000i64, "maximum": 1_000_000_000_000i64})
    }
}

impl<'de> Deserialize<'de> for Int {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        visitor!(V -> Int, "a whole number", {
            fn visit_i64<E: serde::de::Error>(self, i: i64) -> Result<Int, E> {
                int(i).map(Int)
            }
        });
        d.deserialize_i64(V)
    }
}

/// The check of [`Int`].
fn int<E: serde::de::Error>(i: i64) -> Result<i64, E> {
    if i.unsigned_abs() > 1_000_000_000_000 {
        return Err(about_field(
            "is out of range: a number in a pack lies between -1,000,000,000,000 and 1,000,000,000,000",
        ));
    }
    Ok(i)
}

/// Points a rule gives a candidate, from -1000 to 1000.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Points(pub i64);

schema!(Points => {"type": "integer", "minimum": -1000, "maximum": 1000});

impl<'de> Deserialize<'de> for Points {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        visitor!(V -> Points, "a whole number", {
            fn visit_i64<E: serde::de::Error>(self, i: i64) -> Result<Points, E> {
                if int::<E>(i)?.abs() > 1000 {
                    return Err(E::custom("points must lie between -1000 and 1000"));
                }
                Ok(Points(i))
            }
        });
        d.deserialize_i64(V)
    }
}

/// A figure in rates and costs: a number from 0 to 1,000,000,000, whole or not.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Amount(pub f64);

schema!(Amount => {"type": "number", "minimum": 0, "maximum": 1_000_000_000});

impl<'de> Deserialize<'de> for Amount {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        visitor!(V -> Amount, "a number", {
            fn visit_f64<E: serde::de::Error>(self, x: f64) -> Result<Amount, E> {
                if !(0.0..=1e9).contains(&x) {
                    return Err(E::custom("must lie between 0 and 1,000,000,000"));
                }
                Ok(Amount(x))
            }
        });
        d.deserialize_f64(V)
    }
}

/// A `[low, high]` band of figures as written, low first.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BandText(pub Band);

impl JsonSchema for BandText {
    fn schema_name() -> Cow<'static, str> {
        "Band".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({
            "type": "array",
            "items": {"type": "number", "minimum": 0, "maximum": 1_000_000_000},
            "minItems": 2,
            "maxItems": 2
        })
    }
}

impl<'de> Deserialize<'de> for BandText {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        fn not_a_band<E: serde::de::Error>(found: &str) -> E {
            hinted(
                format_args!("expected a range `[low, high]`, found {found}"),
                "write both ends, e.g. `[50000, 90000]`",
            )
        }
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = BandText;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a range `[low, high]`")
            }
            fn visit_seq<A: serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> Result<BandText, A::Error> {
                if seq.size_hint() != Some(2) {
                    return Err(not_a_band("a list"));
                }
                let (Some(Amount(low)), Some(Amount(high))) =
                    (seq.next_element()?, seq.next_element()?)
                else {
                    return Err(not_a_band("a list"));
                };
                if low > high {
                    return Err(A::Error::custom("the low end is above the high end"));
                }
                Ok(BandText(Band { low, high }))
            }
            fn visit_unit<E: serde::de::Error>(self) -> Result<BandText, E> {
                Err(not_a_band("nothing"))
            }
            fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<BandText, E> {
                Err(not_a_band("a yes/no value"))
            }
            fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<BandText, E> {
                Err(not_a_band("a whole number"))
            }
            fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<BandText, E> {
                Err(not_a_band("a decimal number"))
            }
            fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<BandText, E> {
                Err(not_a_band("text"))
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, _: A) -> Result<BandText, A::Error> {
                Err(not_a_band("a mapping"))
            }
        }
        d.deserialize_any(V)
    }
}

/// A version: text such as "1.0.0" (a bare number is taken as text).
#[derive(Debug, Clone, PartialEq)]
pub struct Version(pub String);

schema!(Version => {"type": ["string", "number"], "pattern": "\\S"});

impl<'de> Deserialize<'de> for Version {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        visitor!(V -> Version, "text such as \"1.0.0\"", {
            fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Version, E> {
                Ok(Version(s.to_string()))
            }
            fn visit_i64<E: serde::de::Error>(self, i: i64) -> Result<Version, E> {
                Ok(Version(i.to_string()))
            }
            fn visit_f64<E: serde::de::Error>(self, x: f64) -> Result<Version, E> {
                Ok(Version(x.to_string()))
            }
        });
        d.deserialize_any(V)
    }
}

/// An answer as written, whose type depends on the question it answers: read back as
/// its located tree, so that defaults, tests and examples are read exactly as answers
/// files are. `S` is what the schema allows.
#[derive(Debug, Clone, PartialEq)]
pub struct Answer<S>(pub Node, PhantomData<S>);

impl<'de, S> Deserialize<'de> for Answer<S> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Ok(Answer(Node::deserialize(d)?, PhantomData))
    }
}

impl<S: JsonSchema> JsonSchema for Answer<S> {
    fn inline_schema() -> bool {
        true
    }
    fn schema_name() -> Cow<'static, str> {
        S::schema_name()
    }
    fn schema_id() -> Cow<'static, str> {
        S::schema_id()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        g.subschema_for::<S>()
    }
}

/// Schemas of answers: what [`Answer`] allows for each kind of question.
pub mod answer {
    use super::*;

    /// Yes or no: `true`/`false`, or the words yes and no.
    #[derive(Debug)]
    pub struct YesNo;
    schema!(YesNo => {"oneOf": [
        {"type": "boolean"},
        {"enum": ["yes", "Yes", "YES", "no", "No", "NO"]}
    ]});

    /// One option id, or a list of them.
    #[derive(Debug)]
    pub struct IdOrIds;
    schema!(IdOrIds => {"oneOf": [
        {"type": "string", "pattern": ID_PATTERN},
        {"type": "array", "items": {"type": "string", "pattern": ID_PATTERN}}
    ]});

    /// An answer as answers files hold it: an option id, a list of option ids, a whole
    /// number, or yes/no.
    #[derive(Debug)]
    pub struct AnyAnswer;
    schema!(AnyAnswer => {"oneOf": [
        {"type": "string"},
        {"type": "array", "items": {"type": "string"}},
        {"type": "integer"},
        {"type": "boolean"}
    ]});
}
