//! Realistic companies run through the default pack: each file in `tests/scenarios/` is an
//! answers file whose first line names the expected winner (`# expect: <candidate>`) and
//! whose comment quotes the guide's reasoning for it.

use hirewiz::answers::{self, Answers};
use hirewiz::pack::{self, Answer, Pack};
use hirewiz::score::{self, Verdict};
use std::path::Path;

fn pack() -> Pack {
    pack::load_default().expect("the default pack loads")
}

fn run(pack: &Pack, answers: &Answers) -> Verdict {
    score::score(pack, &answers.effective(pack))
}

fn explain(pack: &Pack, v: &Verdict) -> String {
    let scores: Vec<String> = v
        .ranking
        .iter()
        .map(|&c| format!("{} {}", pack.candidates()[c].id, v.scores[c]))
        .collect();
    scores.join(", ")
}

/// Every scenario file, as (name, expected winner, answers).
fn scenarios(pack: &Pack) -> Vec<(String, String, Answers)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("tests/scenarios exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("readable scenario");
            let name = p.file_stem().unwrap().to_string_lossy().to_string();
            let expected = text
                .lines()
                .next()
                .and_then(|l| l.strip_prefix("# expect:"))
                .unwrap_or_else(|| panic!("{name}: the first line must be `# expect: <candidate>`"))
                .trim()
                .to_string();
            let file =
                answers::read_text(pack, &name, &text).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(file.warnings.is_empty(), "{name}: {:?}", file.warnings);
            (name, expected, file.answers)
        })
        .collect()
}

#[test]
fn every_scenario_gets_the_guides_answer() {
    let pack = pack();
    let mut failures = Vec::new();
    for (name, expected, answers) in scenarios(&pack) {
        let v = run(&pack, &answers);
        let got = &pack.candidates()[v.winner()].id;
        if got != &expected {
            failures.push(format!(
                "{name}: expected {expected}, got {got} ({})",
                explain(&pack, &v)
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn there_are_at_least_three_scenarios_per_model() {
    let pack = pack();
    let all = scenarios(&pack);
    assert!(all.len() >= 10);
    for c in pack.candidates() {
        let n = all.iter().filter(|(_, e, _)| e == &c.id).count();
        assert!(n >= 3, "only {n} scenarios expect {}", c.id);
    }
}

#[test]
fn the_freelance_warning_for_complicated_systems_decides_the_logistics_case() {
    // "it's not recommended to use a freelance backend engineer for a complicated data
    // system or multi-software engineering project": the same company with a small
    // system would hire a freelancer.
    let pack = pack();
    let (_, _, answers) = scenarios(&pack)
        .into_iter()
        .find(|(n, _, _)| n == "outsource_multi_system_logistics")
        .expect("the logistics scenario exists");
    let complex = run(&pack, &answers);
    assert_eq!(pack.candidates()[complex.winner()].id, "outsource");
    let q = pack.question_index("complexity").unwrap();
    let mut small = answers.clone();
    small.set(q, Answer::Choice(0));
    let v = run(&pack, &small);
    assert_eq!(
        pack.candidates()[v.winner()].id,
        "freelance",
        "{}",
        explain(&pack, &v)
    );
    let rule = pack
        .rules()
        .iter()
        .position(|r| r.id == "complex-system")
        .unwrap();
    assert!(complex.fired.iter().any(|f| f.rule == rule));
}

#[test]
fn default_answers_give_a_recommendation_without_panicking() {
    let pack = pack();
    let v = run(&pack, &Answers::new(pack.questions().len()));
    assert_eq!(v.ranking.len(), 3);
}

#[test]
fn a_close_call_starts_the_next_steps_with_what_to_weigh() {
    let pack = pack();
    let text = "answers:\n  engagement: ongoing\n  urgency: soon\n  control: high\n";
    let answers = answers::read_text(&pack, "close.yaml", text)
        .unwrap()
        .answers;
    let eff = answers.effective(&pack);
    let v = score::score(&pack, &eff);
    assert!(v.close, "{}", explain(&pack, &v));
    let steps = hirewiz::advice::next_steps(&pack, &eff, &v, v.runner_up());
    assert_eq!(steps[0].id, "weigh");
    assert!(steps[0].text.starts_with("Weigh control against speed"));
}
