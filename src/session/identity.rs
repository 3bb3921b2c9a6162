//! Which pack a session was answered with: its id, version and a hash of its texts, so
//! that an old session can say when the questions or rules changed since.

use crate::pack::Pack;
use serde::{Deserialize, Deserializer, Serialize};
use sha2::{Digest, Sha256};
use std::fmt::Write;

/// A pack's identity as a session records it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields, expecting = "`pack`")]
pub struct PackIdentity {
    /// The pack's id, e.g. `backend-hiring`.
    pub id: String,
    /// The pack's declared version.
    #[serde(deserialize_with = "version")]
    pub version: String,
    /// `sha256:` and the hex digest of the pack's texts, in reading order.
    pub hash: String,
}

impl PackIdentity {
    /// The identity of a loaded pack.
    pub fn of(pack: &Pack) -> PackIdentity {
        PackIdentity {
            id: pack.meta().id.to_string(),
            version: pack.meta().version.to_string(),
            hash: content_hash(pack),
        }
    }

    /// Whether two identities name the same content (the hash decides; ids and versions
    /// are what people read).
    pub fn same_content(&self, other: &PackIdentity) -> bool {
        self.hash == other.hash
    }
}

/// `version: 1.0` is read as a number by YAML; take it as the text it reads as.
fn version<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    struct Version;
    impl serde::de::Visitor<'_> for Version {
        type Value = String;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a version such as 1.0.0")
        }
        fn visit_str<E>(self, v: &str) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_i64<E>(self, v: i64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_u64<E>(self, v: u64) -> Result<String, E> {
            Ok(v.to_string())
        }
        fn visit_f64<E>(self, v: f64) -> Result<String, E> {
            Ok(v.to_string())
        }
    }
    d.deserialize_any(Version)
}

/// The hash of a pack's texts. Only contents count, not file names, so a pack moved to
/// another folder keeps its hash; each text is length-prefixed so that no two different
/// splits into files hash alike.
pub fn content_hash(pack: &Pack) -> String {
    let mut h = Sha256::new();
    for (_, text) in pack.sources() {
        h.update((text.len() as u64).to_le_bytes());
        h.update(text.as_bytes());
    }
    let mut out = String::from("sha256:");
    for b in h.finalize() {
        let _ = write!(out, "{b:02x}");
    }
    out
}
