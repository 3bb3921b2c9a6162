//! The wrappers the raw types are written with, each read in its own way: with its
//! place, item by item, leniently, as one key, as one value or many. Their schemas are
//! those of what they hold: they change how a value is read, not what may be written.

use super::{LOCATED, NULLABLE, ONE_KEY, ONE_OR_MANY};
use crate::yaml::{Node, NodeKind, Pos};
use compact_str::CompactString;
use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

/// What an id looks like, in the schema: a lowercase letter, then a-z, 0-9, `_` or `-`.
pub const ID_PATTERN: &str = "^[a-z][a-z0-9_-]{0,63}$";

/// A value with where it is written: the value's own place, and the place of the key
/// it is written under (the value's place when it has no key, as a list item).
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    /// Where the value starts.
    pub pos: Pos,
    /// Where its key starts.
    pub key: Pos,
    /// The value.
    pub value: T,
}

/// A list read item by item: an item with a problem is reported and left out.
#[derive(Debug, Clone, PartialEq)]
pub struct Items<T> {
    /// The items that could be read, in order.
    pub items: Vec<Located<T>>,
    /// How many items the list holds as written, those left out included.
    pub written: usize,
}

/// A field whose problem is reported without failing what holds it, so that an item
/// others refer to is kept and references to it report nothing false.
#[derive(Debug, Clone, PartialEq)]
pub enum Lenient<T> {
    /// Not written.
    Absent,
    /// Written, with a problem that is reported.
    Refused,
    /// Written and read.
    Given(T),
}

impl<T> Lenient<T> {
    /// The value, when it was written and read.
    pub fn as_given(&self) -> Option<&T> {
        match self {
            Lenient::Given(v) => Some(v),
            _ => None,
        }
    }
}

/// An ordered mapping, in the order written.
#[derive(Debug, Clone, PartialEq)]
pub struct Entries<K, V>(pub Vec<(K, V)>);

/// A mapping with exactly one key, as the tests of a condition take: `{question: value}`.
#[derive(Debug, Clone, PartialEq)]
pub struct OneKey<V> {
    /// The key, a question id.
    pub key: Located<Name>,
    /// Its value.
    pub value: V,
}

/// One value or a list of them.
#[derive(Debug, Clone, PartialEq)]
pub struct OneOrMany<T>(pub Vec<T>);

/// A name that refers to something defined elsewhere in the pack: any scalar, read as
/// text, so that a reference to nothing gets "unknown …, did you mean" when resolved.
#[derive(Debug, Clone, PartialEq)]
pub struct Name(pub CompactString);

impl Name {
    /// The name as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A visitor for `$value`, generic over `$($g)*`, that says it reads `$expecting`.
macro_rules! visitor {
    ([$($g:ident),*] $value:ty, $expecting:literal, { $($body:tt)* }) => {{
        struct Visit<$($g),*>(PhantomData<($($g,)*)>);
        impl<'de, $($g: Deserialize<'de>),*> Visitor<'de> for Visit<$($g),*> {
            type Value = $value;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str($expecting)
            }
            $($body)*
        }
        Visit(PhantomData)
    }};
}

/// Read an optional field whose `~` means "not given", as a hand-edited session file may
/// write it: `#[serde(default, deserialize_with = "nothing_or")]`. (Elsewhere a written
/// value is never absent, `~` included: a pack's `prompt: ~` is a prompt of the wrong
/// type, not a missing one.)
pub fn nothing_or<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<T>, D::Error> {
    d.deserialize_newtype_struct(
        NULLABLE,
        visitor!([T] Option<T>, "a value or nothing", {
            fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
                Ok(None)
            }
            fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Option<T>, D::Error> {
                T::deserialize(d).map(Some)
            }
        }),
    )
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Located<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let v = visitor!([T] Located<T>, "a value", {
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Located<T>, A::Error> {
                let pos = |n: u64| Pos { line: (n >> 32) as u32, col: n as u32 };
                let key: u64 = seq.next_element()?.unwrap_or_default();
                let at: u64 = seq.next_element()?.unwrap_or_default();
                let value = seq.next_element()?.ok_or_else(|| de::Error::missing_field("$value"))?;
                Ok(Located { pos: pos(at), key: pos(key), value })
            }
        });
        d.deserialize_tuple_struct(LOCATED, 3, v)
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Items<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_seq(visitor!([T] Items<T>, "a list", {
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Items<T>, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                let mut written = 0;
                loop {
                    match seq.next_element::<Located<T>>() {
                        Ok(Some(item)) => items.push(item),
                        Ok(None) => break,
                        // Recorded where it was found; the next item is read on.
                        Err(_) => {}
                    }
                    written += 1;
                }
                Ok(Items { items, written })
            }
        }))
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Lenient<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_option(visitor!([T] Lenient<T>, "a value", {
            fn visit_none<E: de::Error>(self) -> Result<Lenient<T>, E> {
                Ok(Lenient::Absent)
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Lenient<T>, D::Error> {
                // Recorded where it was found; what holds the field is read on.
                Ok(T::deserialize(d).map_or(Lenient::Refused, Lenient::Given))
            }
        }))
    }
}

impl<'de, K: Deserialize<'de>, V: Deserialize<'de>> Deserialize<'de> for Entries<K, V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_map(visitor!([K, V] Entries<K, V>, "a mapping", {
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some(entry) = map.next_entry()? {
                    out.push(entry);
                }
                Ok(Entries(out))
            }
        }))
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for OneKey<V> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_newtype_struct(ONE_KEY, visitor!([V] OneKey<V>, "a mapping", {
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
                let (key, value) = map.next_entry()?.ok_or_else(|| de::Error::missing_field("key"))?;
                Ok(OneKey { key, value })
            }
        }))
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for OneOrMany<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_newtype_struct(
            ONE_OR_MANY,
            visitor!([T] OneOrMany<T>, "one value or a list", {
                fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                    let mut out = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                    while let Some(x) = seq.next_element()? {
                        out.push(x);
                    }
                    Ok(OneOrMany(out))
                }
            }),
        )
    }
}

impl<'de> Deserialize<'de> for Name {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(visitor!([] Name, "an id", {
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Name, E> {
                Ok(Name(CompactString::from(s)))
            }
            fn visit_i64<E: de::Error>(self, i: i64) -> Result<Name, E> {
                Ok(Name(compact_str::format_compact!("{i}")))
            }
            fn visit_f64<E: de::Error>(self, x: f64) -> Result<Name, E> {
                Ok(Name(compact_str::format_compact!("{x}")))
            }
            fn visit_bool<E: de::Error>(self, b: bool) -> Result<Name, E> {
                Ok(Name(compact_str::format_compact!("{b}")))
            }
        }))
    }
}

/// A located value read back as the tree it is: what answers are read from, since their
/// type depends on the question they answer.
impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let Located { pos, value, .. } = Located::<Kind>::deserialize(d)?;
        Ok(Node { kind: value.0, pos })
    }
}

struct Kind(NodeKind);

impl<'de> Deserialize<'de> for Kind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(visitor!([] Kind, "a value", {
            fn visit_unit<E: de::Error>(self) -> Result<Kind, E> {
                Ok(Kind(NodeKind::Null))
            }
            fn visit_bool<E: de::Error>(self, b: bool) -> Result<Kind, E> {
                Ok(Kind(NodeKind::Bool(b)))
            }
            fn visit_i64<E: de::Error>(self, i: i64) -> Result<Kind, E> {
                Ok(Kind(NodeKind::Int(i)))
            }
            fn visit_f64<E: de::Error>(self, x: f64) -> Result<Kind, E> {
                Ok(Kind(NodeKind::Float(x)))
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<Kind, E> {
                Ok(Kind(NodeKind::Str(CompactString::from(s))))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Kind, A::Error> {
                let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0));
                while let Some(n) = seq.next_element()? {
                    items.push(n);
                }
                Ok(Kind(NodeKind::Seq(items)))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Kind, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0));
                while let Some(e) = map.next_entry()? {
                    entries.push(e);
                }
                Ok(Kind(NodeKind::Map(entries)))
            }
        }))
    }
}

/// The schema of a wrapper that holds one `T`: `T`'s (a list of them for [`Items`]).
macro_rules! schema_of {
    ($wrapper:ident, $schema:ty, $optional:expr) => {
        impl<T: JsonSchema> JsonSchema for $wrapper<T> {
            fn inline_schema() -> bool {
                true
            }
            fn schema_name() -> Cow<'static, str> {
                <$schema>::schema_name()
            }
            fn schema_id() -> Cow<'static, str> {
                <$schema>::schema_id()
            }
            fn json_schema(g: &mut SchemaGenerator) -> Schema {
                g.subschema_for::<$schema>()
            }
            fn _schemars_private_is_option() -> bool {
                $optional
            }
        }
    };
}

schema_of!(Located, T, T::_schemars_private_is_option());
schema_of!(Lenient, T, true);
schema_of!(Items, Vec<T>, false);

impl<K: JsonSchema, V: JsonSchema> JsonSchema for Entries<K, V> {
    fn schema_name() -> Cow<'static, str> {
        format!("Entries_{}_{}", K::schema_name(), V::schema_name()).into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let (keys, values) = (g.subschema_for::<K>(), g.subschema_for::<V>());
        json_schema!({"type": "object", "propertyNames": keys, "additionalProperties": values})
    }
    fn inline_schema() -> bool {
        true
    }
}

impl<V: JsonSchema> JsonSchema for OneKey<V> {
    fn schema_name() -> Cow<'static, str> {
        format!("OneKey_{}", V::schema_name()).into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let (key, value) = (g.subschema_for::<Name>(), g.subschema_for::<V>());
        json_schema!({
            "type": "object",
            "minProperties": 1,
            "maxProperties": 1,
            "propertyNames": key,
            "additionalProperties": value,
        })
    }
    fn inline_schema() -> bool {
        true
    }
}

impl<T: JsonSchema> JsonSchema for OneOrMany<T> {
    fn schema_name() -> Cow<'static, str> {
        format!("OneOrMany_{}", T::schema_name()).into()
    }
    fn json_schema(g: &mut SchemaGenerator) -> Schema {
        let (one, many) = (g.subschema_for::<T>(), g.subschema_for::<Vec<T>>());
        json_schema!({"oneOf": [one, many]})
    }
    fn inline_schema() -> bool {
        true
    }
}

impl JsonSchema for Name {
    fn schema_name() -> Cow<'static, str> {
        "Name".into()
    }
    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        json_schema!({"type": "string", "pattern": ID_PATTERN})
    }
    fn inline_schema() -> bool {
        true
    }
}
