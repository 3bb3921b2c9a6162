//! The entry points the fuzzers in `fuzz/` drive, kept in the library so that a plain
//! `cargo test` replays every corpus file through exactly the same code
//! (`tests/fuzz_corpus.rs`). Each takes arbitrary bytes; a panic is a finding.

use crate::yaml::{self, Limits};
use std::sync::OnceLock;

fn default_pack() -> Option<&'static crate::pack::Pack> {
    static PACK: OnceLock<Option<crate::pack::Pack>> = OnceLock::new();
    PACK.get_or_init(|| crate::pack::load_default().ok())
        .as_ref()
}

/// The bytes as a YAML text, when the guards accept them.
fn text(data: &[u8]) -> Option<&str> {
    yaml::check_text(data, &Limits::default()).ok()
}

/// A pack file: loaded and checked, with every problem collected.
pub fn pack_text(data: &[u8]) {
    if let Some(t) = text(data) {
        let _ = crate::pack::load_texts(&[("fuzz.yaml".to_string(), t.to_string())]);
    }
}

/// An answers file, read against the default pack.
pub fn answers_text(data: &[u8]) {
    if let (Some(t), Some(pack)) = (text(data), default_pack()) {
        let _ = crate::answers::read_text(pack, "fuzz.yaml", t);
    }
}

/// A session file: whatever reads as a session must write and read back identically.
pub fn session_round_trip(data: &[u8]) {
    use crate::session::format;
    let Ok(session) = format::from_bytes("fuzz.yaml", data) else {
        return;
    };
    let written = format::to_yaml(&session);
    match format::from_text("fuzz.yaml", &written) {
        Ok(back) => assert_eq!(back, session, "a session read back differently:\n{written}"),
        Err(e) => panic!("a session written could not be read back: {e}\n{written}"),
    }
}

/// The located YAML tree, and its conversion to plain values.
pub fn yaml_tree(data: &[u8]) {
    if let Some(t) = text(data)
        && let Ok(node) = yaml::parse(t, &Limits::default())
    {
        let _ = yaml::to_json(&node);
    }
}
