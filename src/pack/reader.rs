//! Small helpers to read located YAML mappings field by field, recording every problem
//! instead of stopping at the first.

use crate::diag::{Diagnostics, suggest};
use crate::yaml::{Node, NodeKind, Pos};

/// The fields of one YAML mapping that is expected to hold `known` keys only.
pub(crate) struct Fields<'a> {
    pub node: &'a Node,
    entries: &'a [(Node, Node)],
    what: &'a str,
}

impl<'a> Fields<'a> {
    /// Read `node` as a mapping of `known` keys; report unknown keys now.
    pub fn new(node: &'a Node, what: &'a str, known: &[&str], d: &mut Diagnostics) -> Option<Self> {
        let Some(entries) = node.as_map() else {
            d.error(
                node.pos,
                format!("{what} must be a mapping, found {}", node.type_name()),
            );
            return None;
        };
        for (k, _) in entries {
            if k.as_str().is_some_and(|name| known.contains(&name)) {
                continue;
            }
            let name = k.scalar_text().unwrap_or_default();
            {
                let msg = format!("unknown field `{name}` in {what}");
                match suggest(&name, known.iter().copied()) {
                    Some(h) => d.error_hint(k.pos, msg, h),
                    None => d.error_hint(
                        k.pos,
                        msg,
                        format!("the fields of {what} are: {}", known.join(", ")),
                    ),
                }
            }
        }
        Some(Fields {
            node,
            entries,
            what,
        })
    }

    pub fn get(&self, key: &str) -> Option<&'a Node> {
        self.entries
            .iter()
            .find(|(k, _)| k.as_str() == Some(key))
            .map(|(_, v)| v)
    }

    /// The position of a key, or of the mapping when the key is absent.
    pub fn key_pos(&self, key: &str) -> Pos {
        self.entries
            .iter()
            .find(|(k, _)| k.as_str() == Some(key))
            .map_or(self.node.pos, |(k, _)| k.pos)
    }

    pub fn req(&self, key: &str, d: &mut Diagnostics) -> Option<&'a Node> {
        let v = self.get(key);
        if v.is_none() {
            d.error(
                self.node.pos,
                format!("{} is missing the field `{key}`", self.what),
            );
        }
        v
    }

    pub fn req_str(&self, key: &str, d: &mut Diagnostics) -> Option<String> {
        self.req(key, d).and_then(|n| text(n, key, d))
    }

    pub fn opt_str(&self, key: &str, d: &mut Diagnostics) -> Option<String> {
        self.get(key).and_then(|n| text(n, key, d))
    }

    pub fn req_id(&self, key: &str, d: &mut Diagnostics) -> Option<String> {
        self.req(key, d).and_then(|n| id(n, key, d))
    }

    pub fn opt_int(&self, key: &str, d: &mut Diagnostics) -> Option<i64> {
        self.get(key).and_then(|n| int(n, key, d))
    }
}

/// A text field; numbers and booleans are refused so that typos show.
pub(crate) fn text(node: &Node, field: &str, d: &mut Diagnostics) -> Option<String> {
    match &node.kind {
        NodeKind::Str(s) if !s.trim().is_empty() => Some(s.trim_end().to_string()),
        NodeKind::Str(_) => {
            d.error(node.pos, format!("`{field}` must not be empty"));
            None
        }
        _ => {
            d.error(
                node.pos,
                format!("`{field}` must be text, found {}", node.type_name()),
            );
            None
        }
    }
}

/// An identifier: a lowercase letter, then lowercase letters, digits, `_` or `-`.
pub(crate) fn id(node: &Node, field: &str, d: &mut Diagnostics) -> Option<String> {
    let s = text(node, field, d)?;
    if is_id(&s) {
        Some(s)
    } else {
        d.error_hint(
            node.pos,
            format!("`{s}` is not a valid id"),
            "ids start with a lowercase letter and hold only a-z, 0-9, `_` and `-` (at most 64)",
        );
        None
    }
}

/// Whether `s` is a valid id (also used for session ids and file names).
pub fn is_id(s: &str) -> bool {
    let mut chars = s.chars();
    s.len() <= 64
        && chars.next().is_some_and(|c| c.is_ascii_lowercase())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

pub(crate) fn int(node: &Node, field: &str, d: &mut Diagnostics) -> Option<i64> {
    match &node.kind {
        NodeKind::Int(i) if i.unsigned_abs() <= 1_000_000_000_000 => Some(*i),
        NodeKind::Int(_) => {
            d.error(node.pos, format!("`{field}` is out of range"));
            None
        }
        NodeKind::Float(_) => {
            d.error(node.pos, format!("`{field}` must be a whole number"));
            None
        }
        _ => {
            d.error(
                node.pos,
                format!(
                    "`{field}` must be a whole number, found {}",
                    node.type_name()
                ),
            );
            None
        }
    }
}

/// A list, or report what was found instead.
pub(crate) fn seq<'a>(node: &'a Node, field: &str, d: &mut Diagnostics) -> Option<&'a [Node]> {
    match node.as_seq() {
        Some(s) => Some(s),
        None => {
            d.error(
                node.pos,
                format!("`{field}` must be a list, found {}", node.type_name()),
            );
            None
        }
    }
}

/// A mapping with exactly one entry, as conditions use: returns (key, key position, value).
/// `what` names the mapping in messages; it is only called when there is a problem.
pub(crate) fn single_entry<'a>(
    node: &'a Node,
    what: impl Fn() -> String,
    d: &mut Diagnostics,
) -> Option<(std::borrow::Cow<'a, str>, Pos, &'a Node)> {
    let what = || what();
    match node.as_map() {
        Some([(k, v)]) => match k
            .as_str()
            .map(std::borrow::Cow::Borrowed)
            .or_else(|| k.scalar_text().map(std::borrow::Cow::Owned))
        {
            Some(name) => Some((name, k.pos, v)),
            None => {
                let what = what();
                d.error(k.pos, format!("{what}: the key must be text"));
                None
            }
        },
        Some([]) => {
            let what = what();
            d.error(node.pos, format!("{what} is empty"));
            None
        }
        Some(entries) => {
            let what = what();
            d.error_hint(
                entries[1].0.pos,
                format!("{what} must have exactly one key, found {}", entries.len()),
                "combine several tests with `all:` or `any:`",
            );
            None
        }
        None => {
            let what = what();
            d.error(
                node.pos,
                format!("{what} must be a mapping, found {}", node.type_name()),
            );
            None
        }
    }
}
