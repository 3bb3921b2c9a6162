//! One value on one line, in YAML's flow style: `{at: 2025-06-01T14:30:09Z, event: next}`.
//! Session histories are written so, an event a line, to read like a log.

use super::{NodeKind, resolve_plain};
use serde::Serialize;
use serde_json::Value;

/// A value written on one line, and how many values the reader counts in it against
/// [`super::Limits::max_nodes`] (every key, scalar, list and mapping).
#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    /// The text, without a line break.
    pub text: String,
    /// How many values it holds.
    pub values: usize,
}

/// Write `value` on one line in flow style.
pub fn to_flow<T: Serialize>(value: &T) -> Result<Flow, String> {
    let v = serde_json::to_value(value).map_err(|e| e.to_string())?;
    let mut text = String::new();
    let values = write(&v, &mut text);
    Ok(Flow { text, values })
}

/// How many values the reader counts in `value` once written.
pub fn values_in<T: Serialize>(value: &T) -> Result<usize, String> {
    let v = serde_json::to_value(value).map_err(|e| e.to_string())?;
    Ok(count(&v))
}

fn count(v: &Value) -> usize {
    match v {
        Value::Array(items) => 1 + items.iter().map(count).sum::<usize>(),
        Value::Object(m) => 1 + m.values().map(|v| 1 + count(v)).sum::<usize>(),
        _ => 1,
    }
}

fn write(v: &Value, out: &mut String) -> usize {
    match v {
        Value::String(s) => {
            text(s, out);
            1
        }
        Value::Array(items) => {
            out.push('[');
            let mut n = 1;
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                n += write(item, out);
            }
            out.push(']');
            n
        }
        Value::Object(m) => {
            out.push('{');
            let mut n = 1;
            for (i, (k, v)) in m.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                text(k, out);
                out.push_str(": ");
                n += 1 + write(v, out);
            }
            out.push('}');
            n
        }
        // JSON's numbers, booleans and null are YAML flow scalars too.
        other => {
            out.push_str(&other.to_string());
            1
        }
    }
}

/// Text is written plain when it reads back as the same text, also to YAML 1.1 readers
/// (to whom `yes` is a boolean); else in double quotes, whose escapes JSON's are.
fn text(s: &str, out: &mut String) {
    if plain_safe(s) {
        out.push_str(s);
    } else {
        // A string always serialises.
        out.push_str(&serde_json::to_string(s).unwrap_or_default());
    }
}

fn plain_safe(s: &str) -> bool {
    const YAML11: &[&str] = &["y", "n", "yes", "no", "on", "off"];
    !s.is_empty()
        && s.bytes()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.' | b':' | b'+'))
        && !s.starts_with(['-', ':', '.', '+'])
        && !s.ends_with(':')
        && !YAML11.iter().any(|w| w.eq_ignore_ascii_case(s))
        && matches!(resolve_plain(s.into()), NodeKind::Str(_))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::{Limits, parse, to_json};
    use serde_json::json;

    #[test]
    fn values_read_back_as_written_and_are_counted_as_the_reader_counts() {
        let awkward = [
            "yes",
            "No",
            "on",
            "null",
            "~",
            "1.0",
            "0x1f",
            "1e5",
            "a, b",
            "x: y",
            "[",
            "{",
            "#c",
            "'",
            "\"",
            "é ü",
            "",
            " lead",
            "-",
            "a\\b",
            "2025-06-01",
            "a:",
            "\u{7}\t\u{1b}",
            "\u{2028}",
            "plain_id",
            "2025-06-01T14:30:09Z",
        ];
        for s in awkward {
            let v = json!({"key": s, s: [s, 1, true, null], "n": {"m": -3}});
            let flow = to_flow(&v).unwrap();
            assert!(!flow.text.contains('\n'), "{}", flow.text);
            let node = parse(&flow.text, &Limits::default()).unwrap();
            assert_eq!(to_json(&node), v, "{}", flow.text);
            assert_eq!(flow.values, values_in(&v).unwrap());
            let limits = Limits {
                max_nodes: flow.values,
                ..Limits::default()
            };
            assert!(parse(&flow.text, &limits).is_ok(), "{}", flow.text);
            let fewer = Limits {
                max_nodes: flow.values - 1,
                ..Limits::default()
            };
            assert!(parse(&flow.text, &fewer).is_err(), "{}", flow.text);
        }
        assert_eq!(
            to_flow(&json!({"at": "2025-06-01T14:30:09Z", "event": "next", "a": ["x", "yes"]}))
                .unwrap()
                .text,
            r#"{at: 2025-06-01T14:30:09Z, event: next, a: [x, "yes"]}"#
        );
    }
}
