//! Every file of the fuzzers' corpora (`fuzz/corpus/<target>/`) replayed through the
//! same entry points the fuzzers drive, on stable: a case a fuzzer once found stays a
//! test here.

use std::path::Path;

fn replay(target: &str, run: fn(&[u8])) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fuzz/corpus")
        .join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no corpus in {}", dir.display());
    for file in files {
        let bytes = std::fs::read(&file).expect("corpus file reads");
        let outcome = std::panic::catch_unwind(|| run(&bytes));
        assert!(outcome.is_ok(), "{} fails its fuzz target", file.display());
    }
}

#[test]
fn pack_text_corpus() {
    replay("pack_text", hirewiz::fuzzing::pack_text);
}

#[test]
fn answers_text_corpus() {
    replay("answers_text", hirewiz::fuzzing::answers_text);
}

#[test]
fn session_round_trip_corpus() {
    replay("session_round_trip", hirewiz::fuzzing::session_round_trip);
}

#[test]
fn yaml_tree_corpus() {
    replay("yaml_tree", hirewiz::fuzzing::yaml_tree);
}
