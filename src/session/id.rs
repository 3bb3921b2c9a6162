//! Session ids and labels, checked so that neither can ever name a path: an id becomes a
//! file name in the sessions folder, and a label is only ever shown.

use super::clock::Timestamp;
use serde::{Deserialize, Serialize};
use std::fmt;
use std::hash::{BuildHasher, Hasher};

/// Longest accepted id, in characters.
const MAX_ID: usize = 64;
/// Longest accepted label, in characters.
pub const MAX_LABEL: usize = 80;

/// Names Windows keeps for devices, whatever the extension: refused so that a session
/// folder copied there stays usable.
const RESERVED: &[&str] = &[
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// A session's id: lowercase ASCII letters, digits, `-` and `_`, starting with a letter or
/// digit, at most 64 characters. The file is `<id>.yaml` in the sessions folder.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String")]
pub struct SessionId(String);

impl SessionId {
    /// Check a given id.
    pub fn parse(s: &str) -> Result<SessionId, String> {
        if s.is_empty() {
            return Err("an id cannot be empty".into());
        }
        if s.chars().count() > MAX_ID {
            return Err(format!("an id has at most {MAX_ID} characters"));
        }
        let ok_char =
            |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_';
        if !s.chars().all(ok_char) {
            return Err(
                "an id holds only lowercase letters, digits, `-` and `_`, so it cannot name a path"
                    .into(),
            );
        }
        if !s.starts_with(|c: char| c.is_ascii_alphanumeric()) {
            return Err("an id starts with a letter or a digit".into());
        }
        if RESERVED.contains(&s) {
            return Err(format!("`{s}` is a name some systems keep for devices"));
        }
        Ok(SessionId(s.to_string()))
    }

    /// A fresh id from the time and a random suffix, e.g. `20250601-1430-k3x9`: sorted by
    /// name, sessions sort by creation time.
    pub fn generate(now: Timestamp) -> SessionId {
        const ALPHABET: &[u8] = b"0123456789abcdefghjkmnpqrstvwxyz";
        let (y, mo, d, h, mi, _) = now.civil();
        let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
        hasher.write_i64(now.unix());
        hasher.write_u32(std::process::id());
        if let Ok(t) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
            hasher.write_u128(t.as_nanos());
        }
        let mut bits = hasher.finish();
        let mut suffix = String::new();
        for _ in 0..4 {
            suffix.push(ALPHABET[(bits % 32) as usize] as char);
            bits /= 32;
        }
        SessionId(format!("{y:04}{mo:02}{d:02}-{h:02}{mi:02}-{suffix}"))
    }

    /// The id as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The session's file name in the sessions folder.
    pub fn file_name(&self) -> String {
        format!("{}.yaml", self.0)
    }
}

impl TryFrom<String> for SessionId {
    type Error = String;
    fn try_from(s: String) -> Result<SessionId, String> {
        SessionId::parse(&s)
    }
}

impl fmt::Display for SessionId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A name a person gives a session (a client or project): one line of at most 80
/// characters, no control characters, nothing that reads as a path.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String")]
pub struct Label(String);

impl Label {
    /// Check a given label; surrounding spaces are trimmed.
    pub fn parse(s: &str) -> Result<Label, String> {
        let t = s.trim();
        if t.is_empty() {
            return Err("a label cannot be empty".into());
        }
        if t.chars().count() > MAX_LABEL {
            return Err(format!("a label has at most {MAX_LABEL} characters"));
        }
        if t.chars().any(char::is_control) {
            return Err("a label is one line without control characters".into());
        }
        if t.chars().any(crate::escape::is_bidi_control) {
            return Err(
                "a label cannot hold direction controls (U+202A–U+202E, U+2066–U+2069)".into(),
            );
        }
        if t.contains(['/', '\\']) || t.starts_with(['.', '~']) {
            return Err(
                "a label cannot contain `/` or `\\` or start with `.` or `~`, so that it never reads as a path"
                    .into(),
            );
        }
        Ok(Label(t.to_string()))
    }

    /// The label as text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Label {
    type Error = String;
    fn try_from(s: String) -> Result<Label, String> {
        Label::parse(&s)
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_are_valid_and_differ() {
        let now = Timestamp::from_unix(1_748_788_205);
        let a = SessionId::generate(now);
        assert!(a.as_str().starts_with("20250601-1430-"), "{a}");
        assert_eq!(SessionId::parse(a.as_str()), Ok(a.clone()));
        let many: std::collections::HashSet<_> =
            (0..50).map(|_| SessionId::generate(now)).collect();
        assert!(many.len() > 45);
    }
}
