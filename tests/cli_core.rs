//! Headless commands end to end: `check` and `recommend` on good and bad input.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::Path;

const DATASTORE: &str = "tests/packs/datastore";

fn hirewiz() -> Command {
    let mut c = Command::cargo_bin("hirewiz").expect("binary builds");
    c.env_remove("NO_COLOR");
    c
}

#[test]
fn check_passes_on_the_default_pack_and_the_questions_folder() {
    hirewiz()
        .arg("check")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "the built-in pack: ok: pack `backend-hiring`",
        ));
    hirewiz()
        .args(["check", "questions/"])
        .assert()
        .success()
        .stdout(predicate::str::contains("ok: pack `backend-hiring`"));
}

#[test]
fn check_reports_every_mistake_with_its_line() {
    let out = hirewiz()
        .args(["check", "tests/packs/broken/five-mistakes.yaml"])
        .assert()
        .code(2)
        .get_output()
        .stdout
        .clone();
    let out = String::from_utf8(out).unwrap();
    let f = "tests/packs/broken/five-mistakes.yaml";
    for expected in [
        format!("{f}:22:18: error: default of `size`: must be between 1 and 10"),
        format!("{f}:24:9: error: unknown field `promt` in a question"),
        "hint: did you mean `prompt`?".to_string(),
        format!("{f}:31:9: error: duplicate question id `size` (first at line 16)"),
        format!("{f}:41:25: error: `when` of `early` tests `late`, which is asked later"),
        format!("{f}:53:29: error: `equals` on `colour`: unknown option `green`"),
        format!("{f}:57:21: error: unknown question `weight`"),
        format!("{f}:58:20: error: unknown candidate `d`"),
        format!("{f}:10:5: error: no rule ever scores candidate `c`"),
    ] {
        assert!(out.contains(&expected), "missing {expected:?} in:\n{out}");
    }
    assert!(out.contains("problems found"), "{out}");
}

#[test]
fn a_pack_for_another_decision_works_end_to_end() {
    hirewiz()
        .args(["check", DATASTORE])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "4 candidates, 5 questions in 2 sections, 9 rules",
        ));
    hirewiz()
        .args(["recommend", "--pack", DATASTORE, "--answers"])
        .arg("tests/inputs/datastore-offline.yaml")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Recommendation: SQLite\n"))
        .stdout(predicate::str::contains(
            "ruled out  Only an embedded database works",
        ));
    let out = hirewiz()
        .args([
            "recommend",
            "--pack",
            DATASTORE,
            "--format",
            "json",
            "--answers",
        ])
        .arg("tests/inputs/datastore-global.yaml")
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(v["recommendation"], "dynamodb");
    assert_eq!(
        v["ranking"],
        serde_json::json!(["dynamodb", "mongodb", "postgres", "sqlite"])
    );
    assert_eq!(v["scores"]["dynamodb"], 12);
    assert_eq!(v["margin"], 10);
    assert_eq!(v["tie"], false);
    assert_eq!(
        v["pack"],
        serde_json::json!({"id": "datastore-choice", "version": "2.1"})
    );
    assert_eq!(v["answers"]["region_count"], 5);
    let first = &v["reasons"][0];
    assert_eq!(first["rule"], "keyvalue");
    assert_eq!(first["candidate"], "dynamodb");
    assert_eq!(first["points"], 4);
    hirewiz()
        .args([
            "recommend",
            "--pack",
            DATASTORE,
            "--format",
            "markdown",
            "--answers",
        ])
        .arg("tests/inputs/datastore-global.yaml")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("# Recommendation: DynamoDB\n"));
}

#[test]
fn the_same_answers_give_byte_identical_json() {
    let run = || {
        hirewiz()
            .args([
                "recommend",
                "--pack",
                DATASTORE,
                "--format",
                "json",
                "--answers",
            ])
            .arg("tests/inputs/datastore-global.yaml")
            .assert()
            .success()
            .get_output()
            .stdout
            .clone()
    };
    let first = run();
    for _ in 0..3 {
        assert_eq!(run(), first);
    }
}

#[test]
fn an_answers_file_for_a_hidden_question_warns_but_works() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("a.yaml");
    std::fs::write(&f, "answers:\n  needs: []\n  region_count: 4\n").unwrap();
    hirewiz()
        .args(["recommend", "--pack", DATASTORE, "--answers"])
        .arg(&f)
        .assert()
        .success()
        .stderr(predicate::str::contains(
            "3:3: warning: `region_count` is not asked with these answers",
        ));
}

#[test]
fn help_documents_the_exit_codes() {
    hirewiz()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("130  stopped with Ctrl-C"));
}

/// One bad input: the file's bytes, and a fragment the message must hold.
struct Bad {
    name: &'static str,
    bytes: Vec<u8>,
    expect: &'static str,
}

fn bad_answers() -> Vec<Bad> {
    let bomb = {
        let mut s = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        let mut prev = "a".to_string();
        for n in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            let refs = vec![format!("*{prev}"); 9].join(", ");
            s.push_str(&format!("{n}: &{n} [{refs}]\n"));
            prev = n.to_string();
        }
        s.push_str("answers: {}\n");
        s
    };
    let b = |name, s: &str, expect| Bad {
        name,
        bytes: s.as_bytes().to_vec(),
        expect,
    };
    vec![
        b(
            "syntax error",
            "answers:\n  shape: [relational\n",
            "YAML syntax error",
        ),
        b("wrong type", "answers:\n  shape: 3\n", "unknown option `3`"),
        b(
            "list for a single choice",
            "answers:\n  shape: [relational]\n",
            "takes one option, not a list",
        ),
        b(
            "unknown question",
            "answers:\n  colour: red\n",
            "unknown question `colour`",
        ),
        b(
            "unknown option",
            "answers:\n  shape: graph\n",
            "unknown option `graph`",
        ),
        b(
            "misspelt option",
            "answers:\n  shape: relationl\n",
            "did you mean `relational`?",
        ),
        b(
            "non-integer",
            "answers:\n  writes_per_second: 10.5\n",
            "must be a whole number",
        ),
        b(
            "out of range",
            "answers:\n  writes_per_second: 200000\n",
            "must be between 0 and 100,000",
        ),
        b(
            "off the step grid",
            "answers:\n  writes_per_second: 15\n",
            "multiple of 10",
        ),
        b(
            "listed twice",
            "answers:\n  needs: [global, global]\n",
            "listed twice",
        ),
        b(
            "yes/no as a number",
            "answers:\n  managed: 1\n",
            "expected true or false",
        ),
        b(
            "not a mapping",
            "- shape\n- relational\n",
            "must be a mapping",
        ),
        b(
            "answers is a list",
            "answers:\n  - shape\n",
            "`answers` must map question ids",
        ),
        b(
            "unknown top-level field",
            "answrs:\n  shape: relational\n",
            "did you mean `answers`?",
        ),
        b(
            "answers not under answers:",
            "shape: relational\nwrites_per_second: 100\n",
            "the answers are not under `answers:`",
        ),
        b("empty", "", "file is empty"),
        b("only comments", "# nothing here\n", "file is empty"),
        b(
            "two documents",
            "answers: {}\n---\nanswers: {}\n",
            "more than one YAML document",
        ),
        b(
            "duplicate key",
            "answers:\n  shape: relational\n  shape: documents\n",
            "duplicate key `shape`",
        ),
        b("alias bomb", &bomb, "anchors and aliases repeat more than"),
        b("deep nesting", &"[".repeat(50_000), "nesting is deeper"),
        Bad {
            name: "binary junk",
            bytes: (0u8..=255).cycle().take(4096).collect(),
            expect: "not UTF-8 text",
        },
        Bad {
            name: "invalid UTF-8",
            bytes: b"answers:\n  shape: \xff\xfe\n".to_vec(),
            expect: "not UTF-8",
        },
    ]
}

fn assert_clean_failure(out: &std::process::Output, name: &str, expect: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(
        out.status.code(),
        Some(2),
        "{name}: exit code; stderr:\n{stderr}"
    );
    assert!(
        stderr.contains(expect),
        "{name}: expected {expect:?} in:\n{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{name}: panicked:\n{stderr}");
}

#[test]
fn bad_answers_files_get_a_clear_message_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let cases = bad_answers();
    assert!(cases.len() >= 15);
    for case in cases {
        let f = dir.path().join("answers.yaml");
        std::fs::write(&f, &case.bytes).unwrap();
        let t = std::time::Instant::now();
        let out = hirewiz()
            .args(["recommend", "--pack", DATASTORE, "--answers"])
            .arg(&f)
            .output()
            .unwrap();
        assert_clean_failure(&out, case.name, case.expect);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains("answers.yaml"),
            "{}: names the file:\n{stderr}",
            case.name
        );
        assert!(
            t.elapsed().as_secs() < 10,
            "{}: took {:?}",
            case.name,
            t.elapsed()
        );
    }
}

#[test]
fn the_same_bad_inputs_as_packs_are_refused_too() {
    let dir = tempfile::tempdir().unwrap();
    for case in bad_answers() {
        let f = dir.path().join("pack.yaml");
        std::fs::write(&f, &case.bytes).unwrap();
        let out = hirewiz().arg("check").arg(&f).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{}", case.name);
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(!all.contains("panicked"), "{}: {all}", case.name);
        assert!(all.contains("pack.yaml"), "{}: {all}", case.name);
    }
}

#[test]
fn oversized_files_are_refused_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("huge.yaml");
    let line = "# padding padding padding padding padding padding padding padding\n";
    std::fs::write(&f, line.repeat(17 * 1024 * 1024 / line.len() + 1)).unwrap();
    let out = hirewiz()
        .args(["recommend", "--pack", DATASTORE, "--answers"])
        .arg(&f)
        .output()
        .unwrap();
    assert_clean_failure(&out, "oversized answers", "too large");
    let out = hirewiz().arg("check").arg(&f).output().unwrap();
    assert_clean_failure(&out, "oversized pack", "too large");
}

#[test]
fn missing_and_wrong_paths_are_bad_input() {
    let out = hirewiz()
        .args(["recommend", "--answers", "no/such/file.yaml"])
        .output()
        .unwrap();
    assert_clean_failure(&out, "missing answers", "no/such/file.yaml: no such file");
    let out = hirewiz()
        .args(["recommend", "--answers", "tests"])
        .output()
        .unwrap();
    assert_clean_failure(&out, "folder as answers", "is a folder");
    let out = hirewiz()
        .args(["check", "no/such/pack.yaml"])
        .output()
        .unwrap();
    assert_clean_failure(&out, "missing pack", "no such file");
    let empty = tempfile::tempdir().unwrap();
    let out = hirewiz().arg("check").arg(empty.path()).output().unwrap();
    assert_clean_failure(&out, "empty folder", "holds no .yaml files");
    let out = hirewiz()
        .args([
            "recommend",
            "--pack",
            "no/such/pack.yaml",
            "--answers",
            "tests/inputs/datastore-global.yaml",
        ])
        .output()
        .unwrap();
    assert_clean_failure(&out, "missing pack for recommend", "cannot read pack");
    let out = hirewiz().args(["recommend"]).output().unwrap();
    assert_clean_failure(&out, "usage", "--answers");
    let out = hirewiz()
        .args(["recommend", "--format", "pdf", "--answers", "x"])
        .output()
        .unwrap();
    assert_clean_failure(&out, "bad format", "pdf");
}

#[test]
fn a_pack_that_imports_a_missing_file_says_where() {
    let dir = tempfile::tempdir().unwrap();
    let src = std::fs::read_to_string(Path::new(DATASTORE).join("pack.yaml")).unwrap();
    let f = dir.path().join("pack.yaml");
    std::fs::write(&f, format!("imports: [extra/rates.yaml]\n{src}")).unwrap();
    let out = hirewiz().arg("check").arg(&f).output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stdout.contains("pack.yaml:1:11: error: cannot import")
            && stdout.contains("extra/rates.yaml"),
        "{stdout}"
    );
}

/// A message that cannot be written (standard error full, or a pipe whose reader has
/// gone) is dropped: the exit code stays the one documented, never a crash.
#[cfg(target_os = "linux")]
#[test]
fn an_unwritable_standard_error_does_not_change_the_exit_code() {
    let full = || {
        std::fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .unwrap()
    };
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("hirewiz"))
        .args(["recommend", "--answers", "no/such/file.yaml"])
        .stderr(full())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("hirewiz"))
        .args(["check", "tests/packs/broken/five-mistakes.yaml"])
        .stderr(full())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    // Output to a full disk is a failure to write, said (where it can be) with code 1.
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("hirewiz"))
        .args(["check"])
        .stdout(full())
        .stderr(full())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    // Help and the version are output like any other, and fail the same way.
    for flag in ["--help", "--version", "help"] {
        let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("hirewiz"))
            .arg(flag)
            .stdout(full())
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{flag}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.starts_with("hirewiz: cannot write output: "),
            "{stderr}"
        );
    }
}

#[test]
fn the_readme_shows_what_check_prints_for_the_built_in_pack() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let block = readme
        .split("```\n$ hirewiz check\n")
        .nth(1)
        .and_then(|rest| rest.split("\n```").next())
        .expect("the README shows `hirewiz check`");
    let out = hirewiz().arg("check").output().unwrap();
    let printed = String::from_utf8(out.stdout).unwrap();
    // Only the time taken may differ.
    let timeless = |s: &str| -> String {
        s.lines()
            .map(|l| match l.rfind(" (") {
                Some(i) if l.ends_with(" ms)") => &l[..i],
                _ => l,
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert_eq!(timeless(block), timeless(printed.trim_end()));
}

/// The README's sample of `recommend` had gone stale: it still showed a rule's old
/// wording after the pack changed. It is now the program's own output, up to the costs.
#[test]
fn the_readme_shows_what_recommend_prints_up_to_the_costs() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let cmd = "$ hirewiz recommend --answers tests/scenarios/outsource_startup_mvp.yaml\n";
    let block = readme
        .split(cmd)
        .nth(1)
        .and_then(|rest| rest.split("\n  ... (costs,").next())
        .expect("the README shows `hirewiz recommend`");
    let out = hirewiz()
        .args([
            "recommend",
            "--answers",
            "tests/scenarios/outsource_startup_mvp.yaml",
        ])
        .output()
        .unwrap();
    let printed = String::from_utf8(out.stdout).unwrap();
    let upto = printed.split("\nCost estimate").next().unwrap().trim_end();
    assert_eq!(block, upto);
}

#[test]
fn answers_written_without_their_heading_are_one_problem_not_one_a_line() {
    let dir = tempfile::tempdir().unwrap();
    let f = dir.path().join("flat.yaml");
    std::fs::write(
        &f,
        "# forgot the heading\nshape: relational\nwrites_per_second: 100\nmanaged: true\nowner: me\n",
    )
    .unwrap();
    let out = hirewiz()
        .args(["recommend", "--pack", DATASTORE, "--answers"])
        .arg(&f)
        .output()
        .unwrap();
    assert_clean_failure(
        &out,
        "flat",
        "flat.yaml:2:1: error: the answers are not under `answers:`",
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("indent the `question_id: value` lines under it"),
        "{stderr}"
    );
    // A key that is no question is still its own problem; the questions are not.
    assert!(
        stderr.contains("flat.yaml:5:1: error: unknown field `owner`"),
        "{stderr}"
    );
    assert!(!stderr.contains("unknown field `shape`"), "{stderr}");
    assert!(!stderr.contains("has no `answers:`"), "{stderr}");
    assert_eq!(stderr.matches("error:").count(), 2, "{stderr}");
}
