//! The JSON Schema of the pack format: in step with `hirewiz schema`, accepting every
//! pack the decoder accepts and refusing the mistakes it refuses.

use assert_cmd::Command;
use hirewiz::yaml::{self, Limits};
use std::path::Path;

fn schema_text() -> String {
    let out = Command::cargo_bin("hirewiz")
        .unwrap()
        .arg("schema")
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

fn validator() -> jsonschema::Validator {
    let schema: serde_json::Value = serde_json::from_str(&schema_text()).unwrap();
    jsonschema::validator_for(&schema).expect("the schema is a valid JSON Schema")
}

/// The problems the schema finds in one YAML text, as `path: message` lines.
fn problems(v: &jsonschema::Validator, text: &str) -> Vec<String> {
    let node = yaml::parse(text, &Limits::default()).expect("test YAML parses");
    let json = yaml::to_json(&node);
    v.iter_errors(&json)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

#[test]
fn the_committed_schema_is_what_hirewiz_schema_prints() {
    let committed = std::fs::read_to_string("assets/pack.schema.json").unwrap();
    assert!(
        committed == schema_text(),
        "assets/pack.schema.json is out of date: run `cargo run -- schema > assets/pack.schema.json`"
    );
}

#[test]
fn the_default_pack_names_the_schema_in_its_first_line() {
    let pack = std::fs::read_to_string("questions/backend-hiring.yaml").unwrap();
    assert_eq!(
        pack.lines().next(),
        Some("# yaml-language-server: $schema=../assets/pack.schema.json")
    );
    assert!(Path::new("questions/../assets/pack.schema.json").is_file());
}

#[test]
fn every_file_of_every_valid_pack_passes() {
    let v = validator();
    let mut files = vec![
        "questions/backend-hiring.yaml".to_string(),
        "questions/advice.yaml".to_string(),
        "assets/rates.yaml".to_string(),
        "questions/expectations.yaml".to_string(),
    ];
    for dir in ["tests/packs", "tests/packs/datastore", "tests/packs/lint"] {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|e| e == "yaml") {
                files.push(path.to_string_lossy().into_owned());
            }
        }
    }
    for file in files {
        // Only packs the decoder accepts: a folder or file that loads.
        let text = std::fs::read_to_string(&file).unwrap();
        let found = problems(&v, &text);
        assert!(found.is_empty(), "{file}:\n{}", found.join("\n"));
    }
}

/// A small valid pack that each broken case below changes in one place.
const VALID: &str = r#"
pack: {id: mini, version: "1", title: Mini}
candidates:
  - {id: a, name: A}
  - {id: b, name: B}
sections:
  - id: s
    title: S
    questions:
      - {id: q, prompt: Q?, help: H., kind: single, default: x, options: [{id: x, label: X}, {id: y, label: Y}]}
      - {id: n, prompt: N?, help: H., kind: number, min: 0, max: 9, default: 1}
rules:
  - {id: r, when: {equals: {q: x}}, points: {a: 1, b: -1}, reason: R.}
"#;

#[test]
fn broken_packs_are_refused_by_the_schema_and_by_the_decoder() {
    let v = validator();
    assert!(problems(&v, VALID).is_empty(), "{:?}", problems(&v, VALID));
    assert!(hirewiz::pack::load_texts(&[("mini.yaml".into(), VALID.into())]).is_ok());
    let cases = [
        (
            "unknown top-level key",
            "title: Mini",
            "title: Mini}\nextra: {a: 1",
        ),
        ("misspelt field", "prompt: Q?", "promt: Q?"),
        (
            "field of another kind",
            "kind: number, min: 0",
            "kind: number, options: [], min: 0",
        ),
        ("unknown kind", "kind: single", "kind: choice"),
        ("id with capitals", "id: q,", "id: Q,"),
        ("blank title", "title: Mini", "title: ' '"),
        (
            "two keys in one test",
            "{equals: {q: x}}",
            "{equals: {q: x}, not: {equals: {q: y}}}",
        ),
        ("unknown test", "{equals: {q: x}}", "{is: {q: x}}"),
        ("points out of range", "a: 1,", "a: 1001,"),
        ("rule without points or veto", "points: {a: 1, b: -1}, ", ""),
        ("number default that is text", "default: 1", "default: one"),
        (
            "null where text is expected",
            "help: H., kind: number",
            "help: ~, kind: number",
        ),
        ("one option only", ", {id: y, label: Y}]", "]"),
    ];
    for (what, from, to) in cases {
        assert!(
            VALID.contains(from),
            "{what}: {from:?} not in the valid pack"
        );
        let broken = VALID.replacen(from, to, 1);
        assert!(
            !problems(&v, &broken).is_empty(),
            "{what}: the schema accepts it:\n{broken}"
        );
        assert!(
            hirewiz::pack::load_texts(&[("mini.yaml".into(), broken.clone())]).is_err(),
            "{what}: the decoder accepts it, so the schema is stricter than the format"
        );
    }
}
