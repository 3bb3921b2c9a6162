//! The insight from the command line: `recommend` lists what would change the result in
//! every format, each JSON what-if holds up when written into an answers file, and
//! `compare` shows two answers files side by side.

use assert_cmd::Command;
use predicates::prelude::*;
use serde_json::Value;
use std::path::{Path, PathBuf};

const PACK: &str = "tests/packs/insight.yaml";

fn hirewiz() -> Command {
    Command::cargo_bin("hirewiz").expect("the binary builds")
}

fn write(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("temp file");
    p
}

fn recommend_json(answers: &Path) -> Value {
    let out = hirewiz()
        .args(["--pack", PACK, "recommend", "--format", "json", "--answers"])
        .arg(answers)
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

#[test]
fn every_json_what_if_holds_when_written_into_an_answers_file() {
    let dir = tempfile::tempdir().unwrap();
    let base = write(
        dir.path(),
        "base.yaml",
        "answers:\n  team: 9\n  budget: tight\n",
    );
    let report = recommend_json(&base);
    let what_if = report["what_if"].as_array().expect("what_if is a list");
    assert!(!what_if.is_empty());
    for (i, w) in what_if.iter().enumerate() {
        let mut answers = report["answers"].as_object().unwrap().clone();
        let q = w["question"].as_str().unwrap();
        answers.insert(q.to_string(), w["answer"].clone());
        let text = serde_json::to_string(&serde_json::json!({ "answers": answers })).unwrap();
        // JSON is YAML, so the answers file can be written as JSON.
        let changed = write(dir.path(), &format!("w{i}.yaml"), &text);
        let after = recommend_json(&changed);
        assert_eq!(after["recommendation"], w["recommendation"], "{w}");
        assert_eq!(after["margin"], w["margin"], "{w}");
        assert_ne!(after["recommendation"], report["recommendation"]);
    }
    assert!(report["what_if_pairs"].as_array().unwrap().is_empty());
    assert_eq!(report["what_if_pairs_complete"], true);
    assert!(report["decisive_rules"].is_array());
    assert!(
        report["reasons"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["decisive"].is_boolean())
    );
}

#[test]
fn text_and_markdown_say_what_would_change_it_and_what_decides_a_close_call() {
    let dir = tempfile::tempdir().unwrap();
    let defaults = write(dir.path(), "defaults.yaml", "answers:\n");
    hirewiz()
        .args(["--pack", PACK, "recommend", "--answers"])
        .arg(&defaults)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "Deciding between Freelance and Outsource: What do you need? An API",
        ))
        .stdout(predicate::str::contains(
            "What would change it\n  - How long will you need it? About a year instead of A few \
             months: In-house would lead by 3 points.",
        ));
    hirewiz()
        .args([
            "--pack",
            PACK,
            "recommend",
            "--format",
            "markdown",
            "--answers",
        ])
        .arg(&defaults)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "## What would change it\n\n- How long",
        ));
    let json = recommend_json(&defaults);
    assert_eq!(
        json["close_call"]["leaders"],
        serde_json::json!(["freelance", "outsource"])
    );
    assert_eq!(json["close_call"]["deciding"][0]["question"], "needs");
}

#[test]
fn compare_shows_both_results_and_the_answers_that_differ() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.yaml", "answers:\n  duration: months\n");
    let b = write(
        dir.path(),
        "b.yaml",
        "answers:\n  duration: years\n  needs: [api, data]\n",
    );
    let out = hirewiz()
        .args(["--pack", PACK, "compare"])
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let (na, nb) = (a.display().to_string(), b.display().to_string());
    // Columns are headed by the files' short names; where each comes from is said once.
    assert!(
        text.starts_with("                  a           b\n"),
        "{text}"
    );
    assert!(
        text.contains("Recommendation  Freelance   In-house\n"),
        "{text}"
    );
    assert!(
        text.contains("\n  Result          close call  clear\n"),
        "{text}"
    );
    assert!(
        text.contains(&format!("\n  a: {na}\n  b: {nb}\n")),
        "{text}"
    );
    assert!(
        text.contains("How long will you need it?\n    a  A few months\n    b  Years"),
        "{text}"
    );
    assert!(
        text.contains("Which regulation applies?\n    a  (not asked)\n    b  GDPR"),
        "{text}"
    );

    let out = hirewiz()
        .args(["--pack", PACK, "compare", "--format", "json"])
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["same_recommendation"], false);
    assert_eq!(v["a"]["file"], na.as_str());
    assert_eq!(v["a"]["name"], "a");
    assert_eq!(v["a"]["recommendation"], "freelance");
    assert_eq!(v["b"]["recommendation"], "in_house");
    let questions: Vec<&str> = v["differences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["question"].as_str().unwrap())
        .collect();
    assert_eq!(questions, ["duration", "needs", "regulated"]);
    assert_eq!(v["differences"][1]["b"], serde_json::json!(["api", "data"]));
    assert_eq!(v["differences"][2]["a"], Value::Null);
}

#[test]
fn compare_of_the_same_answers_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let a = write(dir.path(), "a.yaml", "answers:\n  duration: months\n");
    hirewiz()
        .args(["--pack", PACK, "compare"])
        .arg(&a)
        .arg(&a)
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "The answers in force are the same.",
        ));
}

#[test]
fn compare_rejects_bad_input_with_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let good = write(dir.path(), "good.yaml", "answers:\n");
    let bad = write(dir.path(), "bad.yaml", "answers:\n  duration: forever\n");
    hirewiz()
        .args(["--pack", PACK, "compare"])
        .arg(&good)
        .arg(&bad)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("bad.yaml"));
    hirewiz()
        .args(["--pack", PACK, "compare"])
        .arg(&good)
        .arg(dir.path().join("missing.yaml"))
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no such file"));
    hirewiz()
        .args(["--pack", PACK, "compare"])
        .arg(&good)
        .assert()
        .code(2);
}

#[test]
fn compare_takes_saved_sessions_by_id() {
    let data = tempfile::tempdir().unwrap();
    let dir = data.path().to_str().unwrap().to_string();
    // Two finished sessions from plain mode: every default, then a short engagement.
    for input in ["f\n", "\n\n1\n\nf\n"] {
        hirewiz()
            .args(["--plain", "--data-dir", &dir])
            .env("TERM", "dumb")
            .write_stdin(input)
            .assert()
            .success();
    }
    let out = hirewiz()
        .args(["sessions", "--format", "json", "--data-dir", &dir])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let listed: Value = serde_json::from_slice(&out).unwrap();
    let ids: Vec<String> = listed["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids.len(), 2, "{listed}");
    let out = hirewiz()
        .args([
            "compare",
            &ids[0],
            &ids[1],
            "--format",
            "json",
            "--data-dir",
            &dir,
        ])
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let c: Value = serde_json::from_slice(&out).unwrap();
    assert!(c["a"]["file"].as_str().unwrap().ends_with(".yaml"), "{c}");
    // A saved session without a label is named by its id.
    assert_eq!(c["a"]["name"], ids[0].as_str(), "{c}");
    assert!(!c["differences"].as_array().unwrap().is_empty(), "{c}");
    // A name that is neither a file nor a saved session is bad input.
    hirewiz()
        .args(["compare", &ids[0], "20990101-0000-zzzz", "--data-dir", &dir])
        .assert()
        .code(2);
}

#[test]
fn compare_shows_each_sides_cost_ranges_as_its_report_does() {
    let (a, b) = (
        "tests/scenarios/freelance_niche_search.yaml",
        "tests/scenarios/freelance_payment_integration.yaml",
    );
    let out = hirewiz().args(["compare", a, b]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    for (column, file) in [(1, a), (2, b)] {
        let report = hirewiz()
            .args(["recommend", "--format", "json", "--answers", file])
            .output()
            .unwrap();
        let r: Value = serde_json::from_slice(&report.stdout).unwrap();
        for cost in r["costs"].as_array().unwrap() {
            let row = text
                .lines()
                .find(|l| {
                    l.trim_start()
                        .starts_with(&format!("{} cost", cost["name"].as_str().unwrap()))
                })
                .unwrap_or_else(|| panic!("no cost row for {cost}:\n{text}"));
            let low = cost["low"].as_i64().unwrap();
            let shown = row
                .split("  ")
                .filter(|c| !c.trim().is_empty())
                .nth(column)
                .unwrap();
            let digits: String = shown
                .split('–')
                .next()
                .unwrap()
                .chars()
                .filter(char::is_ascii_digit)
                .collect();
            assert_eq!(digits.parse::<i64>().unwrap(), low, "{row}");
        }
    }
}

/// `compare` printed "-1 points" as the margin of a result whose only rival was ruled
/// out with more points; such a lead is no margin at all.
#[test]
fn compare_shows_no_margin_for_the_only_option_left() {
    let out = Command::cargo_bin("hirewiz")
        .unwrap()
        .args(["compare", "docs/team/CTO.yaml", "docs/team/Founder.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let row = text
        .lines()
        .find(|l| l.trim_start().starts_with("Margin"))
        .unwrap();
    assert!(row.ends_with("others ruled out"), "{row}");
    assert!(!text.contains("-1 point"), "{text}");
}
