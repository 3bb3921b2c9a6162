//! The default pack, read ahead of time: its resolved [`Pack`] is kept as a compact
//! serde encoding (postcard) in `assets/default-pack.postcard` and compiled into the
//! binary, so that starting hirewiz costs a decode, not a parse of its YAML.
//!
//! The encoding is made by the one loader ([`parse_default`]) and begins with a hash of
//! the texts it was made from. Should the texts change without it, the hash no longer
//! matches and the pack is parsed from its texts as before, so the binary never runs a
//! stale pack; the test `compiled_pack` fails until the file is made again.

use super::load::{EMBEDDED, parse_default};
use super::{LoadError, Pack};
use std::borrow::Cow;

/// Where the encoding is kept, from the repository's root.
pub const COMPILED_PATH: &str = "assets/default-pack.postcard";

/// The encoding compiled into the binary.
const COMPILED: &[u8] = include_bytes!("../../assets/default-pack.postcard");

/// The hash of the default pack's texts, worked out when hirewiz is compiled.
const TEXTS_HASH: u64 = texts_hash(EMBEDDED);

/// FNV-1a over each file's name and text, each ended by a zero byte.
const fn texts_hash(files: &[(&str, &str)]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut f = 0;
    while f < files.len() {
        let parts = [files[f].0.as_bytes(), files[f].1.as_bytes()];
        let mut p = 0;
        while p < parts.len() {
            let bytes = parts[p];
            let mut i = 0;
            while i < bytes.len() {
                h ^= bytes[i] as u64;
                h = h.wrapping_mul(0x0100_0000_01b3);
                i += 1;
            }
            h ^= 0;
            h = h.wrapping_mul(0x0100_0000_01b3);
            p += 1;
        }
        f += 1;
    }
    h
}

/// The default pack's encoding: the texts' hash, then the pack.
pub fn compile(pack: &Pack) -> Vec<u8> {
    let mut out = TEXTS_HASH.to_le_bytes().to_vec();
    // A pack is plain data: encoding it into memory cannot fail.
    out.extend(postcard::to_stdvec(pack).unwrap_or_default());
    out
}

/// The pack an encoding holds, when it was made from the texts compiled in.
fn decode(bytes: &'static [u8]) -> Option<Pack> {
    let (hash, body) = bytes.split_first_chunk::<8>()?;
    if u64::from_le_bytes(*hash) != TEXTS_HASH {
        return None;
    }
    let mut pack: Pack = postcard::from_bytes::<Pack>(body).ok()?.index();
    for (name, text) in &mut pack.sources {
        let (_, embedded) = EMBEDDED.iter().find(|(n, _)| n == name)?;
        *text = Cow::Borrowed(embedded);
    }
    Some(pack)
}

/// The default pack compiled into the binary: decoded, or parsed from its texts when
/// the encoding does not match them.
pub fn load_default() -> Result<Pack, LoadError> {
    match decode(COMPILED) {
        Some(pack) => Ok(pack),
        None => parse_default(),
    }
}

/// A part of the default pack read from its texts: what a part of the encoding that does
/// not decode is replaced with (see [`super::deferred`]). Only the default pack is ever
/// decoded, so its texts are the ones the part was made from.
pub(super) fn reread<T: Default>(part: impl FnOnce(Pack) -> Option<T>) -> T {
    parse_default().ok().and_then(part).unwrap_or_default()
}

/// Whether the encoding compiled in is the one made from the texts compiled in.
pub fn is_current() -> bool {
    decode(COMPILED).is_some()
}

/// A pack's sources written as their names alone, in reading order; read back with
/// empty texts, which [`decode`] fills from the binary.
pub(super) mod names_only {
    use serde::{Deserialize, Deserializer, Serializer};
    use std::borrow::Cow;

    type Sources = Vec<(String, Cow<'static, str>)>;

    pub fn serialize<S: Serializer>(sources: &Sources, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(sources.iter().map(|(name, _)| name))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Sources, D::Error> {
        let names = Vec::<String>::deserialize(d)?;
        Ok(names.into_iter().map(|n| (n, Cow::Borrowed(""))).collect())
    }
}

#[cfg(test)]
mod tests {
    use super::super::load::{EMBEDDED, load_texts};
    use super::*;

    /// The default pack with a law that tests the cost order, which the default pack's
    /// own laws do not.
    fn with_cost_law() -> Pack {
        let law = "  laws:\n    - id: cost-law\n      when: {all: [{cheapest: freelance}, {within_budget: outsource}]}\n      never: in_house\n      reason: r\n";
        let files: Vec<(String, String)> = EMBEDDED
            .iter()
            .map(|(name, text)| {
                let text = match *name {
                    "questions/expectations.yaml" => text.replacen("  laws:\n", law, 1),
                    _ => text.to_string(),
                };
                (name.to_string(), text)
            })
            .collect();
        load_texts(&files).expect("the pack loads")
    }

    #[test]
    fn a_law_read_from_an_encoding_tests_the_whole_cost_order() {
        let pack = with_cost_law();
        // A decoded pack borrows its texts from its encoding, which lives as long as
        // the program, as the one compiled in does.
        let bytes: &'static [u8] = postcard::to_stdvec(&pack).unwrap().leak();
        let decoded = postcard::from_bytes::<Pack>(bytes).unwrap().index();
        let law = |p: &Pack| p.expectations().laws[0].clone();
        assert_eq!(law(&pack).id, "cost-law");
        assert_eq!(law(&decoded), law(&pack));
        assert!(decoded.rules() == pack.rules());
        // Encoded again, a decoded pack's deferred parts are the same bytes.
        assert_eq!(postcard::to_stdvec(&decoded).unwrap(), bytes);
    }
}
