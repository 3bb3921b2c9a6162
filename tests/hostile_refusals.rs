//! Large hostile texts, as a pack given to `hirewiz check`: each is refused with exit 2
//! and the message its shape deserves, and no message quotes more than a line of it.
//! How fast is measured in `benches/hostile.rs` (by time) and the README (by
//! instructions), never here: a loaded machine would make a time limit flake.

use assert_cmd::Command;
use hirewiz::yaml::{self, Limits};

#[path = "../benches/support/hostile.rs"]
mod hostile;

const OVER_BUDGET: &str = "the document expands to more than 2000000 values";

/// `hirewiz check` on `text`: exit 2, with `expect` in what it prints, and nothing long.
fn refused(name: &str, text: &str, expect: &str) {
    let dir = tempfile::tempdir().expect("a folder");
    let path = dir.path().join("hostile.yaml");
    std::fs::write(&path, text).expect("the text is written");
    let out = Command::cargo_bin("hirewiz")
        .expect("the binary is built")
        .arg("check")
        .arg(&path)
        .output()
        .expect("check runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{name}: {stdout}");
    assert!(
        stdout.contains(expect),
        "{name}: expected {expect:?} in {stdout}"
    );
    assert!(
        stdout.len() < 2_000,
        "{name}: {} bytes of messages",
        stdout.len()
    );
}

#[test]
fn a_huge_flow_list_is_refused_at_the_budget() {
    refused(
        "15 MB tight flow list",
        &hostile::flow_tight(15_000_000),
        OVER_BUDGET,
    );
    refused("10 MB flow list", &hostile::flow(10_000_000), OVER_BUDGET);
}

#[test]
fn a_huge_block_list_or_mapping_is_refused_at_the_budget() {
    refused("15 MB of `- 1`", &hostile::items(15_000_000), OVER_BUDGET);
    refused("a million keys", &hostile::keys(1_000_000), OVER_BUDGET);
}

#[test]
fn alias_bombs_are_refused_at_the_alias_that_crosses_the_repeat_budget() {
    let over = "anchors and aliases repeat more than 200000 values";
    refused(
        "billion laughs",
        &hostile::laughs(),
        &format!("hostile.yaml:6:8: error: {over}"),
    );
    // 1,000 values are copied for the anchor and 1,001 for each alias: the 199th is over.
    refused(
        "a wide anchor aliased often",
        &hostile::wide_aliases(1_000, 1_000),
        &format!("hostile.yaml:2:800: error: {over}"),
    );
    refused(
        "anchors nested in anchors",
        &hostile::anchored_nesting(1_000),
        over,
    );
}

#[test]
fn a_text_of_200_000_anchors_is_refused_at_the_first_over_the_limit() {
    // The `---` line, then one anchor a line: the 10,001st is on line 10,002.
    refused(
        "200,000 anchors",
        &hostile::anchors(200_000),
        "hostile.yaml:10002:",
    );
    refused(
        "200,000 anchors",
        &hostile::anchors(200_000),
        "the text defines more than 10000 anchors",
    );
}

#[test]
fn many_documents_are_refused_at_the_second() {
    refused(
        "15 MB of documents",
        &hostile::documents(15_000_000),
        "hostile.yaml:2:1: error: the file holds more than one YAML document",
    );
}

#[test]
fn a_long_single_scalar_is_read_and_refused_as_no_pack() {
    refused(
        "15 MB single scalar",
        &hostile::scalar(15_000_000),
        "a pack file must be a mapping, found text",
    );
}

#[test]
fn legal_nesting_over_the_budget_is_refused_at_the_budget() {
    refused(
        "15 MB of flow nesting",
        &hostile::deep(15_000_000),
        OVER_BUDGET,
    );
}

#[test]
fn legal_deep_block_nesting_within_the_budget_is_read() {
    // Within every limit: the parser reads it whole, and the pack reader refuses it.
    let text = hostile::deep_block(2_000_000);
    let tree = yaml::parse(&text, &Limits::default()).expect("legal nesting parses");
    assert!(tree.get("d0").is_some());
    // One text of them, not a thousand: each of its keys is an unknown field.
    let one = text.split("d1:").next().unwrap_or_default();
    refused(
        "one block nested 60 deep",
        one,
        "unknown field `d0` in a pack file",
    );
}

#[test]
fn the_refusal_names_the_place_the_budget_was_crossed() {
    let limits = Limits {
        max_nodes: 100,
        ..Limits::default()
    };
    let e = yaml::parse(&hostile::items(4_000), &limits).expect_err("over the budget");
    assert!(e.message.contains("more than 100 values"), "{e}");
    assert_eq!(e.pos.line, 100);
    let e = yaml::parse(&hostile::flow_tight(1_000), &limits).expect_err("over the budget");
    assert_eq!((e.pos.line, e.pos.col), (1, 200));
}
