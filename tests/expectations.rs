//! The proof of a pack's expectations: it agrees with brute force over every possible
//! answer on a small pack, its counterexamples really break the law they are shown for,
//! and the default pack proves its own.

use assert_cmd::Command;
use hirewiz::answers::Answers;
use hirewiz::pack::{self, Answer, Kind, Pack, Trend};
use hirewiz::prove::{self, Failure};
use hirewiz::score::{self, Pick};

/// A pack that has a bit of everything the walk must get right: a multiple choice
/// question tested both by `contains` and by whole-set `equals` (with an option no test
/// reads), a number cut by ranges, a question shown only for some answers, vetoes, and
/// laws and direction laws that hold and that fail, one of them only because of its
/// `when`.
const PACK: &str = r#"
pack: {id: mini, version: "1", title: Mini}
candidates:
  - {id: a, name: Alpha}
  - {id: b, name: Beta}
  - {id: c, name: Gamma}
sections:
  - id: s
    title: S
    questions:
      - id: len
        prompt: How long?
        help: H.
        kind: single
        options: [{id: short, label: Short}, {id: mid, label: Mid}, {id: long, label: Long}]
        default: mid
      - id: needs
        prompt: Needs?
        help: H.
        kind: multiple
        min: 1
        max: 3
        options: [{id: api, label: API}, {id: ops, label: Ops}, {id: misc, label: Misc}]
        default: [api]
      - id: vendor
        prompt: Vendor?
        help: H.
        kind: yes_no
        when: {contains: {needs: ops}}
        default: false
      - id: team
        prompt: Team?
        help: H.
        kind: number
        min: 1
        max: 9
        default: 2
rules:
  - {id: short, when: {equals: {len: short}}, points: {b: 3}, veto: a, reason: R.}
  - {id: long, when: {equals: {len: long}}, points: {a: 3, c: 1}, reason: R.}
  - {id: api-only, when: {equals: {needs: [api]}}, points: {b: 2}, reason: R.}
  - {id: ops, when: {contains: {needs: ops}}, points: {c: 2}, reason: R.}
  - {id: vendor, when: {equals: {vendor: true}}, points: {c: 2, a: -1}, veto: b, reason: R.}
  - {id: big, when: {range: {team: {min: 5}}}, points: {c: 1, b: -2}, reason: R.}
  - {id: huge, when: {all: [{range: {team: {min: 8}}}, {equals: {len: long}}]}, points: {b: 4}, reason: R.}
  - {id: base, points: {a: 1}, reason: R.}
expectations:
  laws:
    - {id: short-never-a, when: {equals: {len: short}}, never: a, reason: R.}
    - {id: long-never-b, when: {equals: {len: long}}, never: b, reason: R.}
    - {id: vendor-never-b, when: {equals: {vendor: true}}, never: b, reason: R.}
    - {id: api-only-never-c, when: {equals: {needs: [api]}}, never: [c], reason: R.}
  directions:
    - {id: len-a, question: len, toward: long, candidate: a, never: falls, reason: R.}
    - {id: len-b, question: len, toward: long, candidate: b, never: rises, reason: R.}
    - {id: team-b, question: team, toward: more, candidate: b, never: rises, reason: R.}
    - {id: team-c, question: team, toward: more, candidate: c, never: falls, reason: R.}
    - {id: team-b-unless-long, question: team, toward: more, candidate: b, never: rises, when: {not: {equals: {len: long}}}, reason: R.}
  examples:
    - {id: ok, answers: {len: long}, expect: a, reason: R.}
    - {id: wrong, answers: {len: short}, expect: a, reason: R.}
"#;

fn mini() -> Pack {
    pack::load_texts(&[("mini.yaml".into(), PACK.into())]).expect("the test pack loads")
}

/// Every valid answer to a question, with no grouping at all.
fn every_answer(kind: &Kind) -> Vec<Answer> {
    match kind {
        Kind::Single { options } => (0..options.len()).map(Answer::Choice).collect(),
        Kind::YesNo => vec![Answer::Bool(false), Answer::Bool(true)],
        Kind::Number { min, max, .. } => (*min..=*max).map(Answer::Number).collect(),
        Kind::Multiple { options, min, max } => (0u32..1 << options.len())
            .map(|m| {
                (0..options.len())
                    .filter(|i| m & (1 << i) != 0)
                    .collect::<Vec<_>>()
            })
            .filter(|v| v.len() >= *min && v.len() <= *max)
            .map(Answer::Choices)
            .collect(),
    }
}

/// Every combination of answers given to every question.
fn everything(pack: &Pack) -> Vec<Answers> {
    let mut out = vec![Answers::new(pack.questions().len())];
    for (q, question) in pack.questions().iter().enumerate() {
        let mut next = Vec::new();
        for a in &out {
            for v in every_answer(&question.kind) {
                let mut b = a.clone();
                b.set(q, v);
                next.push(b);
            }
        }
        out = next;
    }
    out
}

fn picked(pick: &Pick, c: usize) -> bool {
    pick.includes(c)
}

fn failure<'a>(failures: &'a [Failure], id: &str) -> Option<&'a Failure> {
    failures.iter().find(|f| f.id == id)
}

#[test]
fn the_proof_agrees_with_brute_force_over_every_answer() {
    let pack = mini();
    let proof = prove::prove(&pack);
    assert!(proof.unchecked.is_none());
    let all = everything(&pack);
    for law in &pack.expectations().laws {
        let broken = all.iter().any(|a| {
            let eff = a.effective(&pack);
            let v = score::score(&pack, &eff);
            law.when.as_ref().is_none_or(|w| w.eval(&eff))
                && law.never.iter().any(|&c| picked(&v.pick, c))
        });
        assert_eq!(
            failure(&proof.failures, &law.id).is_some(),
            broken,
            "law `{}`",
            law.id
        );
    }
    for d in &pack.expectations().directions {
        let q = d.question;
        let mut along = every_answer(&pack.questions()[q].kind);
        if d.downward {
            along.reverse();
        }
        let broken = all.iter().any(|a| {
            if !d.when.as_ref().is_none_or(|w| w.eval(&a.effective(&pack))) {
                return false;
            }
            let standings: Vec<Option<i64>> = along
                .iter()
                .map(|v| {
                    let mut b = a.clone();
                    b.set(q, v.clone());
                    let s = score::score(&pack, &b.effective(&pack));
                    (!s.vetoed[d.candidate]).then_some(s.scores[d.candidate])
                })
                .collect();
            standings.windows(2).any(|w| match d.trend {
                Trend::NeverFalls => w[1] < w[0],
                Trend::NeverRises => w[1] > w[0],
            })
        });
        assert_eq!(
            failure(&proof.failures, &d.id).is_some(),
            broken,
            "direction law `{}`",
            d.id
        );
    }
    // The laws that fail here, so that the test exercises both outcomes.
    let failed: Vec<&str> = proof.failures.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(
        failed,
        [
            "long-never-b",
            "api-only-never-c",
            "len-b",
            "team-b",
            "wrong"
        ],
        "{proof:#?}"
    );
}

#[test]
fn every_counterexample_breaks_its_law() {
    let pack = mini();
    let proof = prove::prove(&pack);
    for f in proof.failures.iter().filter(|f| f.kind == "law") {
        let law = pack
            .expectations()
            .laws
            .iter()
            .find(|l| l.id == f.id)
            .unwrap();
        // Re-read the printed answers file, as a user would run it.
        let text = prove::answers_file(&pack, &f.profile);
        let file = hirewiz::answers::read_text(&pack, "counterexample", &text).unwrap();
        let eff = file.answers.effective(&pack);
        assert_eq!(eff, f.profile, "the answers file gives the profile back");
        let v = score::score(&pack, &eff);
        assert!(law.when.as_ref().is_none_or(|w| w.eval(&eff)));
        assert!(law.never.iter().any(|&c| picked(&v.pick, c)), "{}", f.id);
        assert!(f.count >= 1);
    }
}

#[test]
fn the_default_pack_proves_its_laws_directions_and_examples() {
    let pack = pack::load_default().unwrap();
    let proof = prove::prove(&pack);
    assert!(proof.unchecked.is_none());
    assert!(proof.failures.is_empty(), "{:#?}", proof.failures);
    assert_eq!(proof.counts, [9, 11, 14]);
    assert!(proof.profiles > 100_000);
    // Outsource is never ruled out, so some option always fits.
    assert_eq!(proof.none_fits, 0);
}

#[test]
fn check_prints_each_failure_with_an_answers_file_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mini.yaml");
    std::fs::write(&path, PACK).unwrap();
    let out = Command::cargo_bin("hirewiz")
        .unwrap()
        .arg("check")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("error: law `long-never-b` fails in "),
        "{stdout}"
    );
    assert!(stdout.contains("error: direction law `team-b` fails"));
    assert!(stdout.contains("error: example `wrong` fails: expects Alpha, gets Beta"));
    assert!(stdout.contains("expectations: 2 of 4 laws hold over all "));
    // The counterexample under the law runs as printed and gives what the law forbids.
    let block: String = stdout
        .split("error: law `long-never-b`")
        .nth(1)
        .unwrap()
        .lines()
        .skip(2)
        .take_while(|l| l.starts_with("    "))
        .map(|l| format!("{}\n", &l[4..]))
        .collect();
    let answers = dir.path().join("answers.yaml");
    std::fs::write(&answers, &block).unwrap();
    let json = Command::cargo_bin("hirewiz")
        .unwrap()
        .args(["recommend", "--pack"])
        .arg(&path)
        .arg("--answers")
        .arg(&answers)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(json.status.success(), "{block}");
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let level: Vec<&str> = v["level"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|x| x.as_str())
        .collect();
    assert!(v["recommendation"] == "b" || level.contains(&"b"), "{v}");
}

#[test]
fn check_on_the_default_pack_says_what_it_proved() {
    let out = Command::cargo_bin("hirewiz")
        .unwrap()
        .arg("check")
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    let line = stdout
        .lines()
        .find(|l| l.starts_with("expectations: 9 of 9 laws hold over all "))
        .unwrap_or_else(|| panic!("{stdout}"));
    assert!(
        line.contains("11 of 11 direction laws, 14 of 14 examples (") && line.ends_with(" ms)"),
        "{line}"
    );
    assert!(stdout.contains("in no profile is every option ruled out"));
}

#[test]
fn badly_written_expectations_are_reported_at_their_place() {
    let broken = PACK
        .replace("never: a, reason", "never: alpha, reason")
        .replace("toward: long, candidate: a", "toward: mid, candidate: a")
        .replace(
            "{id: team-c, question: team",
            "{id: needs-c, question: needs",
        )
        .replace(
            "{id: ok, answers: {len: long}",
            "{id: ok, answers: {size: long}",
        )
        .replace(
            "when: {not: {equals: {len: long}}}",
            "when: {not: {range: {team: {min: 3}}}}",
        );
    let err = pack::load_texts(&[("mini.yaml".into(), broken)]).unwrap_err();
    let text = err.to_string();
    for needle in [
        "unknown candidate `alpha`",
        "`toward` must be one end of `len`'s scale",
        "a direction law cannot move `needs`",
        "unknown question `size`",
        "the `when` of direction law `team-b-unless-long` reads `team`, the question it moves",
    ] {
        assert!(text.contains(needle), "{needle}:\n{text}");
    }
    let twice = PACK.replace("{id: long-never-b,", "{id: short-never-a,");
    let err = pack::load_texts(&[("mini.yaml".into(), twice)]).unwrap_err();
    assert!(
        err.to_string()
            .contains("duplicate expectation id `short-never-a`")
    );
}

/// When every option is ruled out, no option is recommended: the headline says so, JSON
/// has no recommendation, and the check counts such profiles and shows one.
#[test]
fn when_every_option_is_ruled_out_nothing_is_recommended() {
    let text = PACK.replace(
        "  - {id: base, points: {a: 1}, reason: R.}",
        "  - {id: base, points: {a: 1}, reason: R.}\n  - {id: all-out, when: {all: [{equals: {len: short}}, {equals: {vendor: true}}]}, veto: [a, b, c], reason: Nothing fits.}",
    );
    let pack = pack::load_texts(&[("mini.yaml".into(), text)]).unwrap();
    let answers = hirewiz::answers::read_text(
        &pack,
        "out",
        "pack: mini\nanswers: {len: short, needs: [ops], vendor: true}\n",
    )
    .unwrap()
    .answers;
    let v = score::score(&pack, &answers.effective(&pack));
    assert_eq!(v.pick, Pick::NoneFits);
    let r = hirewiz::report::Report::build_from(&pack, &answers, &v);
    assert_eq!(r.state, hirewiz::report::State::NoneFits);
    let t = hirewiz::report::text::render(&r);
    assert!(
        t.starts_with("No option fits your answers\nEvery option is ruled out"),
        "{t}"
    );
    let j = hirewiz::report::json::value(&r);
    assert!(j["recommendation"].is_null() && j["state"] == "none_fits");
    let proof = prove::prove(&pack);
    assert!(proof.none_fits > 0);
    let shown = proof.none_fits_example.clone().unwrap();
    assert_eq!(
        score::score(&pack, &shown).pick,
        Pick::NoneFits,
        "the profile shown has every option ruled out"
    );
    assert!(
        prove::words(&pack, &proof)
            .contains("every option is ruled out, and no option is recommended; one of them:")
    );
}

/// The default pack's files, with `edit` applied to one of them, loaded as a pack.
fn default_pack_edited(file: &str, edit: impl Fn(&str) -> String) -> Pack {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for name in [
        "questions/backend-hiring.yaml",
        "questions/advice.yaml",
        "questions/expectations.yaml",
        "assets/rates.yaml",
    ] {
        let text = std::fs::read_to_string(root.join(name)).unwrap();
        let text = if name == file { edit(&text) } else { text };
        files.push((name.to_string(), text));
    }
    pack::load_texts(&files).unwrap_or_else(|e| panic!("{e}"))
}

/// The default pack has a direction law along the budget's amount, which reads the
/// amount directly: the laws' proof must still try every amount at which an option
/// starts to fit, or a law conditioned on a fit is never put to the test.
#[test]
fn a_law_on_a_fit_is_tried_at_the_amounts_that_fit_in_the_default_pack() {
    let law = "    - id: fits-freelance-never-outsource\n      when: {within_budget: freelance}\n      never: outsource\n      reason: R.\n      source: S\n";
    let pack = default_pack_edited("questions/expectations.yaml", |t| {
        t.replacen("  laws:\n", &format!("  laws:\n{law}"), 1)
    });
    let proof = prove::prove(&pack);
    assert!(proof.unchecked.is_none(), "{:?}", proof.unchecked);
    let f = failure(&proof.failures, "fits-freelance-never-outsource")
        .expect("Outsource is recommended where Freelance fits the budget");
    let text = prove::answers_file(&pack, &f.profile);
    let file = hirewiz::answers::read_text(&pack, "counterexample", &text).unwrap();
    let eff = file.answers.effective(&pack);
    let when = pack.expectations().laws[0].when.as_ref().unwrap();
    assert!(when.eval(&eff), "{text}");
    let outsource = pack.candidate_index("outsource").unwrap();
    assert!(picked(&score::score(&pack, &eff).pick, outsource), "{text}");
}

/// A rule that takes points from In-house where its estimate fits the budget breaks
/// the default pack's direction law along the amount.
#[test]
fn the_direction_law_along_the_budget_amount_catches_a_rule_against_more_budget() {
    let rule = "  - id: fits-counts-against\n    when: {within_budget: in_house}\n    points: {in_house: -5}\n    reason: R.\n    source: S\n";
    let pack = default_pack_edited("questions/backend-hiring.yaml", |t| {
        t.replacen(
            "  - id: flexible-budget\n",
            &format!("{rule}  - id: flexible-budget\n"),
            1,
        )
    });
    assert!(pack.rules().iter().any(|r| r.id == "fits-counts-against"));
    let proof = prove::prove(&pack);
    let ids: Vec<&str> = proof.failures.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(
        ids,
        ["more-budget-never-counts-against-in-house"],
        "{proof:#?}"
    );
    assert!(
        proof.failures[0]
            .message
            .contains("falls along `budget_amount`")
    );
}
