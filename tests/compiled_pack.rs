//! The default pack compiled ahead of time: `assets/default-pack.postcard` is what the one
//! loader makes of the default pack's texts, and decoding it gives the same pack.
//!
//! After editing `questions/` or `assets/rates.yaml`, make it again with
//! `HIREWIZ_BLESS=1 cargo test --test compiled_pack`.

use hirewiz::pack::compiled::{COMPILED_PATH, compile, is_current};
use hirewiz::pack::{load_default, parse_default};

#[test]
fn the_committed_encoding_is_what_the_loader_makes_of_the_texts() {
    let fresh = compile(&parse_default().expect("the default pack loads"));
    if std::env::var_os("HIREWIZ_BLESS").is_some() {
        std::fs::write(COMPILED_PATH, &fresh).unwrap();
    }
    let committed = std::fs::read(COMPILED_PATH).unwrap();
    assert!(
        committed == fresh,
        "{COMPILED_PATH} is out of date: run `HIREWIZ_BLESS=1 cargo test --test compiled_pack`"
    );
}

#[test]
fn the_compiled_pack_is_the_parsed_pack() {
    assert!(
        is_current(),
        "{COMPILED_PATH} does not match the texts compiled in"
    );
    let (decoded, parsed) = (load_default().unwrap(), parse_default().unwrap());
    assert_eq!(compile(&decoded), compile(&parsed));
    assert!(decoded.sources() == parsed.sources(), "the sources differ");
    // The cost order is encoded once, not with each test: every test that reads it must
    // read the whole of it again once decoded.
    assert!(decoded.rules() == parsed.rules(), "the rules differ");
    assert!(
        decoded.expectations() == parsed.expectations(),
        "the expectations differ"
    );
    assert!(
        decoded.questions() == parsed.questions(),
        "the questions differ"
    );
    assert_eq!(decoded.rules_by_impact(), parsed.rules_by_impact());
    // What the index works out from the rules and questions, rebuilt on decoding.
    assert_eq!(decoded.budget_points(), parsed.budget_points());
    assert!(!parsed.budget_points().is_empty());
    for q in 0..parsed.questions().len() {
        assert_eq!(decoded.shows_others(q), parsed.shows_others(q));
    }
    assert!((0..parsed.questions().len()).any(|q| parsed.shows_others(q)));
    for (i, q) in parsed.questions().iter().enumerate() {
        assert_eq!(decoded.question_index(&q.id), Some(i));
    }
    for (i, c) in parsed.candidates().iter().enumerate() {
        assert_eq!(decoded.candidate_index(&c.id), Some(i));
    }
    assert_eq!(
        format!("{:?}", decoded.lint()),
        format!("{:?}", parsed.lint())
    );
}
