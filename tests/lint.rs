//! `hirewiz check` warnings: each proven, none missed on small packs, where every
//! possible set of answers is tried by brute force and compared with what the lint says.

use assert_cmd::Command;
use hirewiz::answers::Answers;
use hirewiz::pack::{Answer, Kind, Pack, load_path};
use hirewiz::score::score;
use std::collections::BTreeSet;
use std::path::Path;

fn hirewiz() -> Command {
    Command::cargo_bin("hirewiz").expect("binary builds")
}

/// Every valid answer of a question.
fn every_answer(kind: &Kind) -> Vec<Answer> {
    match kind {
        Kind::Single { options } => (0..options.len()).map(Answer::Choice).collect(),
        Kind::YesNo => vec![Answer::Bool(false), Answer::Bool(true)],
        Kind::Number { min, max, step, .. } => (*min..=*max)
            .step_by(*step as usize)
            .map(Answer::Number)
            .collect(),
        Kind::Multiple { options, min, max } => (0u32..1 << options.len())
            .map(|m| {
                (0..options.len())
                    .filter(|b| m & (1 << b) != 0)
                    .collect::<Vec<_>>()
            })
            .filter(|v| v.len() >= *min && v.len() <= *max)
            .map(Answer::Choices)
            .collect(),
    }
}

/// The winners and fired rules over every combination of answers.
fn brute_force(pack: &Pack) -> (BTreeSet<String>, BTreeSet<String>) {
    let domains: Vec<Vec<Answer>> = pack
        .questions()
        .iter()
        .map(|q| every_answer(&q.kind))
        .collect();
    let mut index = vec![0usize; domains.len()];
    let (mut winners, mut fired) = (BTreeSet::new(), BTreeSet::new());
    loop {
        let mut answers = Answers::new(domains.len());
        for (q, &i) in index.iter().enumerate() {
            answers.set(q, domains[q][i].clone());
        }
        let verdict = score(pack, &answers.effective(pack));
        winners.insert(pack.candidates()[verdict.winner()].id.to_string());
        for f in &verdict.fired {
            fired.insert(pack.rules()[f.rule].id.to_string());
        }
        // The next combination, like an odometer.
        let mut q = 0;
        loop {
            if q == index.len() {
                return (winners, fired);
            }
            index[q] += 1;
            if index[q] < domains[q].len() {
                break;
            }
            index[q] = 0;
            q += 1;
        }
    }
}

fn warned(pack: &Pack, what: &str) -> BTreeSet<String> {
    let prefix = format!("{what} `");
    pack.lint()
        .iter()
        .filter_map(|w| w.message.strip_prefix(&prefix))
        .filter_map(|rest| rest.split('`').next())
        .map(str::to_string)
        .collect()
}

#[test]
fn warnings_match_a_brute_force_search_on_small_packs() {
    for path in [
        "tests/packs/lint/mistakes.yaml",
        "tests/packs/lint/clean.yaml",
        "tests/packs/tui.yaml",
        "tests/packs/insight-pairs.yaml",
    ] {
        let pack = load_path(Path::new(path)).expect(path);
        let combinations: usize = pack
            .questions()
            .iter()
            .map(|q| every_answer(&q.kind).len())
            .product();
        assert!(combinations < 20_000, "{path}: too large for brute force");
        let (winners, fired) = brute_force(&pack);
        let never_win: BTreeSet<String> = pack
            .candidates()
            .iter()
            .map(|c| c.id.to_string())
            .filter(|c| !winners.contains(c))
            .collect();
        let never_fire: BTreeSet<String> = pack
            .rules()
            .iter()
            .map(|r| r.id.to_string())
            .filter(|r| !fired.contains(r))
            .collect();
        assert_eq!(warned(&pack, "candidate"), never_win, "{path}: candidates");
        assert_eq!(warned(&pack, "rule"), never_fire, "{path}: rules");
    }
}

#[test]
fn check_reports_each_mistake_as_a_warning_at_its_place() {
    let out = hirewiz()
        .args(["check", "tests/packs/lint/mistakes.yaml"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "warnings are not errors");
    let text = String::from_utf8(out.stdout).unwrap();
    for expected in [
        "mistakes.yaml:10:5: warning: candidate `gamma` can never be recommended",
        "mistakes.yaml:24:9: warning: question `ghost` is never asked",
        "mistakes.yaml:46:9: warning: question `unread` is read by no rule, condition or advice",
        "mistakes.yaml:64:5: warning: rule `contradiction` can never fire",
        "mistakes.yaml:68:5: warning: rule `ghost-rule` can never fire",
        "    hint: it tests `ghost`, which is never asked",
        "mistakes.yaml:72:5: warning: rule `big-team` can never fire",
        "mistakes.yaml:76:5: warning: rule `only-speed-and-control` can never fire",
        "7 warnings",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
}

#[test]
fn a_sound_pack_and_the_default_pack_get_no_warning() {
    for args in [vec!["check", "tests/packs/lint/clean.yaml"], vec!["check"]] {
        let out = hirewiz().args(&args).output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert_eq!(out.status.code(), Some(0));
        assert!(!text.contains("warning"), "{args:?}:\n{text}");
    }
}

/// A question that only an advice condition reads (here what to weigh, or a warning) is
/// read: no "read by no rule, condition or advice" warning for it.
#[test]
fn a_question_read_only_by_what_to_weigh_or_a_warning_is_read() {
    let head = "pack: {id: l, version: \"1\", title: L}\n\
        candidates: [{id: a, name: Alpha}, {id: b, name: Beta}]\n\
        sections:\n  - id: s\n    title: S\n    questions:\n      \
        - {id: q1, prompt: First?, help: H., kind: yes_no, default: true}\n      \
        - {id: q2, prompt: Second?, help: H., kind: yes_no, default: true}\n\
        rules:\n  - {id: r1, when: {equals: {q1: true}}, points: {a: 1}, reason: A.}\n  \
        - {id: r2, when: {equals: {q1: false}}, points: {b: 1}, reason: B.}\n";
    for advice in [
        "weigh:\n  - {between: [a, b], when: {equals: {q2: true}}, text: W.}\n",
        "warnings:\n  - {id: w, when: {equals: {q2: true}}, text: W.}\n",
    ] {
        let pack = hirewiz::pack::load_texts(&[("l.yaml".into(), format!("{head}{advice}"))])
            .expect("the pack loads");
        let said: Vec<String> = pack.lint().iter().map(|d| d.to_string()).collect();
        assert!(said.iter().all(|d| !d.contains("`q2`")), "{advice}{said:?}");
    }
}
