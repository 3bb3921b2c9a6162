//! The default pack passes `hirewiz check`, keeps the public ids of answers files, and
//! states a reason and a source for every rule; broken advice content is reported at its
//! place.

use hirewiz::answers::Answers;
use hirewiz::pack::{self, Answer, Kind, LoadError, Pack};
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn the_compiled_in_pack_and_the_questions_folder_both_pass_the_check() {
    let embedded = pack::load_default().unwrap_or_else(|e| panic!("{e}"));
    assert!(embedded.lint().is_empty(), "{:?}", embedded.lint());
    let folder = pack::load_path(&root().join("questions")).unwrap_or_else(|e| panic!("{e}"));
    assert!(folder.lint().is_empty(), "{:?}", folder.lint());
    assert_eq!(embedded.questions(), folder.questions());
    assert_eq!(embedded.rules(), folder.rules());
    assert_eq!(embedded.advice(), folder.advice());
    assert_eq!(embedded.meta().close_call, 3);
}

#[test]
fn every_rule_has_a_reason_and_a_source() {
    let pack = pack::load_default().unwrap();
    assert!(pack.rules().len() >= 20);
    for r in pack.rules() {
        assert!(!r.reason.trim().is_empty(), "rule {} has no reason", r.id);
        let source = r.source.as_deref().unwrap_or("");
        assert!(!source.trim().is_empty(), "rule {} has no source", r.id);
        assert!(
            r.reason.lines().count() == 1,
            "rule {}: the reason is one line",
            r.id
        );
    }
}

#[test]
fn no_user_facing_text_names_the_guides_company() {
    for file in [
        "questions/backend-hiring.yaml",
        "questions/advice.yaml",
        "assets/rates.yaml",
    ] {
        let text = std::fs::read_to_string(root().join(file)).unwrap();
        assert!(
            !text.to_lowercase().contains("empat"),
            "{file} names the guide's company"
        );
    }
}

fn options(pack: &Pack, id: &str) -> Vec<String> {
    let q = pack
        .question_index(id)
        .unwrap_or_else(|| panic!("no question `{id}`"));
    pack.questions()[q]
        .kind
        .options()
        .iter()
        .map(|c| c.id.to_string())
        .collect()
}

#[test]
fn question_and_option_ids_are_those_answers_files_use() {
    let pack = pack::load_default().unwrap();
    let expect: &[(&str, &[&str])] = &[
        (
            "drivers",
            &["greenfield", "scaling", "integration", "compliance"],
        ),
        ("compliance_regimes", &["gdpr", "pci_dss", "hipaa", "other"]),
        ("company_stage", &["startup", "smb", "enterprise"]),
        ("engagement", &["short", "medium", "ongoing"]),
        ("complexity", &["small", "moderate", "complex"]),
        ("urgency", &["asap", "soon", "flexible"]),
        ("budget", &["tight", "moderate", "flexible"]),
        ("control", &["low", "medium", "high"]),
        ("hiring_capacity", &["none", "some", "established"]),
        ("seniority", &["junior", "mid", "senior"]),
        (
            "region",
            &["us", "western_europe", "eastern_europe", "asia"],
        ),
    ];
    for (id, opts) in expect {
        assert_eq!(options(&pack, id), *opts, "options of {id}");
    }
    let q = |id: &str| &pack.questions()[pack.question_index(id).unwrap()];
    assert!(matches!(q("drivers").kind, Kind::Multiple { min: 1, .. }));
    assert!(matches!(
        q("team_size").kind,
        Kind::Number {
            min: 1,
            max: 50,
            ..
        }
    ));
    assert_eq!(q("team_size").default, Answer::Number(1));
    for question in pack.questions() {
        assert!(
            !question.help.trim().is_empty(),
            "{} has no help",
            question.id
        );
    }
    for c in ["in_house", "freelance", "outsource"] {
        let i = pack.candidate_index(c).unwrap();
        assert!(
            pack.candidates()[i].description.len() > 80,
            "{c} needs its strengths and risks"
        );
    }
}

#[test]
fn compliance_regimes_are_asked_only_with_compliance() {
    let pack = pack::load_default().unwrap();
    let drivers = pack.question_index("drivers").unwrap();
    let regimes = pack.question_index("compliance_regimes").unwrap();
    let mut a = Answers::new(pack.questions().len());
    a.set(drivers, Answer::Choices(vec![0, 1]));
    assert!(!a.visible(&pack)[regimes]);
    a.set(drivers, Answer::Choices(vec![3]));
    assert!(a.visible(&pack)[regimes]);
}

fn errors(files: &[(&str, &str)]) -> String {
    let files: Vec<(String, String)> = files
        .iter()
        .map(|(n, t)| (n.to_string(), t.to_string()))
        .collect();
    match pack::load_texts(&files) {
        Err(LoadError::Invalid(d)) => d
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n"),
        Err(e) => e.to_string(),
        Ok(_) => panic!("the pack should not load"),
    }
}

const BASE: &str = "\
pack: {id: mini, version: '1', title: Mini}
candidates:
  - {id: a, name: A}
  - {id: b, name: B}
sections:
  - id: s
    title: S
    questions:
      - {id: where, prompt: Where?, help: Why., kind: single, default: x,
         options: [{id: x, label: X}, {id: y, label: Y}]}
      - {id: long, prompt: How long?, help: Why., kind: number, min: 1, max: 24, default: 6}
rules:
  - {id: r, points: {a: 1, b: 2}, reason: Because.}
";

#[test]
fn broken_advice_content_is_reported_at_its_place() {
    let rates = "\
rates:
  currency: USD
  tables:
    - id: t
      title: T
      source: S
      columns: [{id: c, label: C, unit: per_week}]
      rows:
        - {id: x, label: X, values: {c: [10, 5]}}
costs:
  region: {question: where, table: t}
  duration: {question: long}
  hours_per_month: {value: 160, source: S}
  models:
    - {candidate: c, rate: c}
next_steps:
  - {id: go, text: Go., for: [a, z]}
";
    let out = errors(&[("main.yaml", BASE), ("rates.yaml", rates)]);
    for expected in [
        "rates.yaml:7:35: error: unknown unit `per_week`",
        "rates.yaml:9:41: error: the low end is above the high end",
        "rates.yaml:11:11: error: table `t` has no row `y` for that option of `where`",
        "rates.yaml:15:19: error: unknown candidate `c`",
        "rates.yaml:17:34: error: unknown candidate `z`",
    ] {
        assert!(out.contains(expected), "missing `{expected}` in:\n{out}");
    }
    assert_eq!(
        out.matches("error:").count(),
        5,
        "one error per mistake:\n{out}"
    );
}

#[test]
fn a_minimal_cost_model_works_for_any_pack() {
    let rates = "\
rates:
  currency: EUR
  tables:
    - id: t
      title: T
      source: S
      columns: [{id: c, label: C, unit: per_month}]
      rows:
        - {id: x, label: X, values: {c: [1000, 2000]}}
        - {id: y, label: Y, values: {c: [3000, 4000]}}
costs:
  region: {question: where, table: t}
  duration: {question: long}
  hours_per_month: {value: 160, source: S}
  models:
    - {candidate: b, rate: c}
";
    let files = vec![
        ("main.yaml".to_string(), BASE.to_string()),
        ("rates.yaml".to_string(), rates.to_string()),
    ];
    let pack = pack::load_texts(&files).unwrap_or_else(|e| panic!("{e}"));
    let eff = Answers::new(pack.questions().len()).effective(&pack);
    let v = hirewiz::score::score(&pack, &eff);
    let c = hirewiz::advice::estimate(&pack, &eff, &v).unwrap();
    // One person, 6 months (the number question's default), row x: 1,000–2,000 € a month.
    assert_eq!((c.estimates[0].low, c.estimates[0].high), (6000, 12000));
    assert_eq!(
        c.estimates[0].arithmetic,
        "1 × (€1,000–€2,000 a month × 6 months) = €6,000 – €12,000"
    );
}

#[test]
fn advice_texts_are_whole_phrases() {
    // A flow list such as `[SQL (PostgreSQL, MySQL)]` splits at the comma inside the
    // brackets; every item must keep its brackets balanced.
    let pack = pack::load_default().unwrap_or_else(|e| panic!("{e}"));
    for skill in &pack.advice().skills {
        for item in &skill.items {
            let open = item.matches('(').count();
            let close = item.matches(')').count();
            assert_eq!(
                open, close,
                "skill `{}` has a broken item {item:?}",
                skill.id
            );
        }
    }
}

/// The rule audit in `docs/rules.md` lists every rule of the default pack, each with
/// its reason and source as the pack has them, and no rule the pack no longer has.
#[test]
fn the_rule_audit_lists_every_rule_as_it_is() {
    let pack = hirewiz::pack::load_default().unwrap();
    let doc = std::fs::read_to_string("docs/rules.md").unwrap();
    let table: Vec<&str> = doc
        .split("\n## ")
        .next()
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("| `"))
        .collect();
    let ids: Vec<&str> = table
        .iter()
        .map(|l| l[3..].split('`').next().unwrap())
        .collect();
    let pack_ids: Vec<&str> = pack.rules().iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, pack_ids, "docs/rules.md is out of step with the pack");
    for (rule, line) in pack.rules().iter().zip(&table) {
        assert!(
            line.contains(rule.reason.as_str()),
            "reason of `{}`",
            rule.id
        );
        let source = rule.source.as_deref().unwrap_or_default().replace('|', "/");
        assert!(line.contains(&source), "source of `{}`", rule.id);
    }
}

/// A typo in a question's `kind` left the question out, and then every rule naming it
/// reported "unknown question" and the pack "needs at least one question": five
/// problems for two mistakes. A number bound out of range did the same, without saying
/// what the range is.
#[test]
fn a_question_left_out_for_its_own_problem_is_not_reported_again_where_named() {
    let text = "\
pack: {id: t, version: '1.0.0', title: T}
candidates:
  - {id: a, name: A}
  - {id: b, name: B}
sections:
  - id: s
    title: S
    questions:
      - id: size
        prompt: How big?
        kind: singel
        options:
          - {id: small, label: Small}
          - {id: large, label: Large}
      - id: n
        prompt: How many?
        kind: number
        min: -5000000000000
        max: 10
rules:
  - id: r1
    when: {equals: {size: small}}
    points: {a: 1}
    reason: Small.
  - id: r2
    when: {range: {n: {min: 3}}}
    points: {b: 1}
    reason: Many.
  - id: r3
    when: {equals: {sise: small}}
    points: {b: 1}
    reason: A typo of its own.
";
    let e = errors(&[("p.yaml", text)]);
    let lines: Vec<&str> = e.lines().filter(|l| l.contains("error:")).collect();
    assert_eq!(lines.len(), 3, "{e}");
    assert!(
        e.contains("p.yaml:11:9: error: unknown question kind `singel`"),
        "{e}"
    );
    assert!(
        e.contains("`min` is out of range: a number in a pack lies between -1,000,000,000,000 and 1,000,000,000,000"),
        "{e}"
    );
    // A name that matches no question written is still reported.
    assert!(e.contains("unknown question `sise`"), "{e}");
    assert!(
        !e.contains("unknown question `size`") && !e.contains("unknown question `n`"),
        "{e}"
    );
    assert!(!e.contains("at least one question"), "{e}");
}
