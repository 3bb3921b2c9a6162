//! A budget figure: the pack format's `costs.budget` with `within_budget`/`over_budget`
//! (by the middle of an estimate) and `over_budget_at_low` (by its low end) tests, proved exactly (every amount and team size that changes what fits is tried),
//! and the default pack's budget rules and cost block, checked by hand.

use hirewiz::answers::Answers;
use hirewiz::pack::{self, Answer, Kind, Pack, Trend};
use hirewiz::prove;
use hirewiz::report::{Report, json, markdown, text};
use hirewiz::score;
use std::process::Command;

/// Two options priced by the month, one with a hiring cost; a budget a month or in all,
/// up to 120, so that some fits are out of reach for the largest team; rules and laws
/// that read the budget, some holding and some failing; a rule that reads the amount
/// itself, and direction laws along it (which the laws' proof must not let hide the
/// amounts that change what fits).
const PACK: &str = r#"
pack: {id: budget-mini, version: "1", title: Budget}
candidates:
  - {id: a, name: Alpha}
  - {id: b, name: Beta}
sections:
  - id: s
    title: S
    questions:
      - {id: len, prompt: How long?, help: H., kind: single, options: [{id: short, label: Short}, {id: long, label: Long}], default: short}
      - {id: basis, prompt: A budget?, help: H., kind: single, options: [{id: none, label: None}, {id: month, label: A month}, {id: total, label: In all}], default: none}
      - {id: amount, prompt: How much?, help: H., kind: number, min: 1, max: 120, default: 10, when: {not: {equals: {basis: none}}}}
      - {id: team, prompt: Team?, help: H., kind: number, min: 1, max: 6, default: 1}
      - {id: region, prompt: Where?, help: H., kind: single, options: [{id: here, label: Here}, {id: there, label: There}], default: here}
rates:
  currency: USD
  tables:
    - id: t
      title: T
      source: S
      columns:
        - {id: staff, label: Staff, unit: per_month}
        - {id: agency, label: Agency, unit: per_month}
      rows:
        - {id: here, label: Here, values: {staff: [4, 8], agency: [6, 6]}}
        - {id: there, label: There, values: {staff: [2, 4], agency: [5, 9]}}
costs:
  team: team
  region: {question: region, table: t}
  duration:
    question: len
    months:
      - {option: short, months: 2, source: S}
      - {option: long, months: 5, source: S}
  hours_per_month: {value: 160, source: S}
  budget: {amount: amount, basis: basis, per_month: month, total: total}
  models:
    - {candidate: a, rate: staff, per_head: {label: hiring, low: 3, high: 3, source: S}}
    - {candidate: b, rate: agency}
rules:
  - {id: a-fits, when: {within_budget: a}, points: {a: 2}, reason: R.}
  - {id: b-over, when: {over_budget: b}, points: {b: -3}, reason: R.}
  - {id: big, when: {range: {team: {min: 4}}}, points: {b: 1}, reason: R.}
  - {id: long, when: {equals: {len: long}}, points: {a: 1}, reason: R.}
  - {id: base, points: {b: 1}, reason: R.}
  - {id: rich, when: {range: {amount: {min: 60}}}, points: {b: 1}, reason: R.}
  - {id: a-out-of-reach, when: {over_budget_at_low: a}, veto: a, reason: R.}
  - {id: b-stretch, when: {all: [{over_budget: b}, {not: {over_budget_at_low: b}}]}, points: {a: 1}, reason: R.}
expectations:
  laws:
    - {id: a-fits-never-b, when: {within_budget: a}, never: b, reason: R.}
    - {id: total-never-b, when: {equals: {basis: total}}, never: b, reason: R.}
    - {id: b-fits-never-a, when: {within_budget: b}, never: a, reason: R.}
    - {id: small-month-never-b, when: {all: [{equals: {basis: month}}, {range: {team: {max: 3}}}]}, never: b, reason: R.}
    - {id: a-out-of-reach-never-a, when: {over_budget_at_low: a}, never: a, reason: R.}
    - {id: b-in-reach-never-a, when: {all: [{equals: {basis: month}}, {not: {over_budget_at_low: b}}]}, never: a, reason: R.}
  directions:
    - {id: team-a, question: team, toward: more, candidate: a, never: rises, reason: R.}
    - {id: team-b, question: team, toward: more, candidate: b, never: rises, reason: R.}
    - {id: len-a, question: len, toward: long, candidate: a, never: falls, reason: R.}
    - {id: len-a-monthly, question: len, toward: long, candidate: a, never: falls, when: {not: {equals: {basis: total}}}, reason: R.}
    - {id: len-b-rich, question: len, toward: long, candidate: b, never: rises, when: {range: {amount: {min: 60}}}, reason: R.}
    - {id: amount-a, question: amount, toward: more, candidate: a, never: falls, reason: R.}
    - {id: amount-a-less, question: amount, toward: less, candidate: a, never: rises, reason: R.}
    - {id: amount-b, question: amount, toward: more, candidate: b, never: falls, reason: R.}
    - {id: amount-b-down, question: amount, toward: more, candidate: b, never: rises, reason: R.}
"#;

fn mini() -> Pack {
    pack::load_texts(&[("mini.yaml".into(), PACK.into())]).expect("the test pack loads")
}

/// Every combination of every valid answer to every question.
fn everything(pack: &Pack) -> Vec<Answers> {
    let mut out = vec![Answers::new(pack.questions().len())];
    for (q, question) in pack.questions().iter().enumerate() {
        let values: Vec<Answer> = match &question.kind {
            Kind::Single { options } => (0..options.len()).map(Answer::Choice).collect(),
            Kind::Number { min, max, .. } => (*min..=*max).map(Answer::Number).collect(),
            _ => unreachable!("the mini pack has single choice and number questions"),
        };
        let mut next = Vec::with_capacity(out.len() * values.len());
        for a in &out {
            for v in &values {
                let mut b = a.clone();
                b.set(q, v.clone());
                next.push(b);
            }
        }
        out = next;
    }
    out
}

#[test]
fn the_proof_of_budget_laws_agrees_with_brute_force_over_every_amount_and_team() {
    agrees_with_brute_force(&mini());
}

/// Without a test on the amount itself, only the budget tests tell amounts apart: a
/// direction law along the amount must still try every amount that changes what fits,
/// and must not hide those amounts from the laws' proof.
#[test]
fn without_a_test_on_the_amount_itself_the_proof_still_tries_every_amount_that_matters() {
    let text = PACK.replace(
        "  - {id: rich, when: {range: {amount: {min: 60}}}, points: {b: 1}, reason: R.}\n",
        "",
    );
    assert_ne!(text, PACK);
    let pack = pack::load_texts(&[("mini.yaml".into(), text)]).expect("the test pack loads");
    agrees_with_brute_force(&pack);
}

/// Prove `pack` and check every law and direction law against every profile scored.
fn agrees_with_brute_force(pack: &Pack) {
    let pack = pack.clone();
    let proof = prove::prove(&pack);
    assert!(proof.unchecked.is_none(), "{:?}", proof.unchecked);
    let all = everything(&pack);
    assert_eq!(all.len(), 2 * 3 * 120 * 6 * 2);
    let failed = |id: &str| proof.failures.iter().any(|f| f.id == id);
    for law in &pack.expectations().laws {
        let broken = all.iter().any(|a| {
            let eff = a.effective(&pack);
            let v = score::score(&pack, &eff);
            law.when.as_ref().is_none_or(|w| w.eval(&eff))
                && law.never.iter().any(|&c| v.pick.includes(c))
        });
        assert_eq!(failed(&law.id), broken, "law `{}`: {proof:#?}", law.id);
    }
    for d in &pack.expectations().directions {
        let q = d.question;
        let mut along: Vec<Answer> = match &pack.questions()[q].kind {
            Kind::Single { options } => (0..options.len()).map(Answer::Choice).collect(),
            Kind::Number { min, max, .. } => (*min..=*max).map(Answer::Number).collect(),
            _ => unreachable!(),
        };
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
        assert_eq!(failed(&d.id), broken, "direction law `{}`", d.id);
    }
    // Both outcomes are exercised.
    let ids: Vec<&str> = proof.failures.iter().map(|f| f.id.as_str()).collect();
    let written = pack.expectations().laws.len() + pack.expectations().directions.len();
    assert!(ids.len() >= 2 && ids.len() < written, "{ids:?}");
    assert!(ids.contains(&"amount-b-down"), "{ids:?}");
    assert!(!ids.contains(&"a-out-of-reach-never-a"), "{ids:?}");
    // Each law's counterexample, read back as an answers file, breaks it.
    for f in proof.failures.iter().filter(|f| f.kind == "law") {
        let law = pack
            .expectations()
            .laws
            .iter()
            .find(|l| l.id == f.id)
            .unwrap();
        let text = prove::answers_file(&pack, &f.profile);
        let file = hirewiz::answers::read_text(&pack, "counterexample", &text).unwrap();
        let eff = file.answers.effective(&pack);
        let v = score::score(&pack, &eff);
        assert!(law.when.as_ref().is_none_or(|w| w.eval(&eff)), "{text}");
        assert!(law.never.iter().any(|&c| v.pick.includes(c)), "{text}");
    }
}

#[test]
fn budget_tests_need_a_budget_in_the_cost_model_and_say_so_at_their_place() {
    let text = PACK.replace(
        "  budget: {amount: amount, basis: basis, per_month: month, total: total}\n",
        "",
    );
    let err = pack::load_texts(&[("mini.yaml".into(), text)])
        .unwrap_err()
        .to_string();
    for op in ["within_budget", "over_budget", "over_budget_at_low"] {
        let said = format!("`{op}` needs a budget figure to test");
        assert!(err.contains(&said), "{said}\n{err}");
    }
    let text = PACK.replace("per_month: month", "per_month: monthly");
    let err = pack::load_texts(&[("mini.yaml".into(), text)])
        .unwrap_err()
        .to_string();
    assert!(err.contains("`basis` has no option `monthly`"), "{err}");
    let text = PACK.replace("budget: {amount: amount,", "budget: {amount: region,");
    let err = pack::load_texts(&[("mini.yaml".into(), text)])
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("`amount` must name a number question; `region` is not"),
        "{err}"
    );
    // Without a cost model, each test is named as it is written.
    let (head, rest) = PACK.split_once("costs:\n").unwrap();
    let text = format!("{head}rules:\n{}", rest.split_once("rules:\n").unwrap().1);
    let err = pack::load_texts(&[("mini.yaml".into(), text)])
        .unwrap_err()
        .to_string();
    for op in ["within_budget", "over_budget", "over_budget_at_low"] {
        let said = format!("`{op}` needs the pack's `rates` and `costs`");
        assert!(err.contains(&said), "{said}\n{err}");
    }
    assert!(!err.contains("`cheapest`"), "{err}");
    // What the estimate shows comes after the answers: no question's `when` may test it.
    let text = PACK.replace(
        "when: {not: {equals: {basis: none}}}}",
        "when: {over_budget_at_low: a}}",
    );
    assert_ne!(text, PACK);
    let err = pack::load_texts(&[("mini.yaml".into(), text)])
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("`over_budget_at_low` cannot be tested in a question's `when`"),
        "{err}"
    );
}

/// What to weigh between two options may depend on the answers and on what the estimate
/// shows: of several entries for the same two, the first whose `when` holds is used, and
/// a `when` that names a question the pack lacks is reported at its place.
#[test]
fn what_to_weigh_follows_the_first_entry_whose_condition_holds() {
    let weigh = "weigh:\n  \
        - {between: [a, b], when: {not: {over_budget_at_low: a}}, text: Hire later.}\n  \
        - {between: [b, a], text: Weigh only.}\n";
    let text = format!("{PACK}{weigh}");
    let pack = pack::load_texts(&[("mini.yaml".into(), text)]).expect("the test pack loads");
    let (a, b) = (
        pack.candidate_index("a").unwrap(),
        pack.candidate_index("b").unwrap(),
    );
    let first = |amount: i64| {
        let mut answers = Answers::new(pack.questions().len());
        answers.set(pack.question_index("basis").unwrap(), Answer::Choice(1));
        answers.set(
            pack.question_index("amount").unwrap(),
            Answer::Number(amount),
        );
        let eff = answers.effective(&pack);
        let v = score::score(&pack, &eff);
        let rival = if v.winner() == a { b } else { a };
        hirewiz::advice::next_steps(&pack, &eff, &v, Some(rival))[0]
            .text
            .to_string()
    };
    // Alpha's low end over 2 months: 4 × 2 + 3 hiring = 11, so 6 a month reaches it.
    assert_eq!(first(6), "Hire later.");
    assert_eq!(first(5), "Weigh only.");
    let bad = format!(
        "{PACK}weigh:\n  - {{between: [a, b], when: {{equals: {{lenght: short}}}}, text: T.}}\n"
    );
    let err = pack::load_texts(&[("mini.yaml".into(), bad)])
        .unwrap_err()
        .to_string();
    assert!(err.contains("unknown question `lenght`"), "{err}");
}

// ---------------------------------------------------------------------------------------
// The default pack. Four mid-level engineers in Eastern Europe for 3 to 12 months
// (costed as 6), the `outsource_smb_scaling` profile's costs:
//   Outsource  $72,000 – $168,000,   middle $120,000
//   In-house   $161,800 – $279,800,  middle $220,800
//   Freelance  $153,600 – $307,200,  middle $230,400

fn default_pack() -> Pack {
    pack::load_default().expect("the default pack loads")
}

fn with_budget(pack: &Pack, basis: &str, amount: i64) -> Answers {
    let text = format!(
        "answers: {{team_size: 4, engagement: medium, region: eastern_europe, \
         budget_figure: {basis}, budget_amount: {amount}}}\n"
    );
    hirewiz::answers::read_text(pack, "budget", &text)
        .expect("the answers read")
        .answers
}

fn report(pack: &Pack, a: &Answers) -> Report {
    let eff = a.effective(pack);
    let v = score::score(pack, &eff);
    Report::build_from(pack, a, &v)
}

fn fired(pack: &Pack, a: &Answers) -> Vec<String> {
    let eff = a.effective(pack);
    pack.rules()
        .iter()
        .filter(|r| r.when.as_ref().is_none_or(|w| w.eval(&eff)))
        .map(|r| r.id.to_string())
        .collect()
}

#[test]
fn a_month_budget_is_compared_over_the_months_costed_by_the_middle_of_each_range() {
    // $40,000 a month × 6 = $240,000.
    //   Outsource: $240,000 − $120,000 = $120,000 to spare; $240,000 − $72,000 = $168,000
    //     under at the low end, $240,000 − $168,000 = $72,000 under at the high end.
    //   In-house:  $240,000 − $220,800 = $19,200 to spare; $78,200 under at the low end,
    //     $279,800 − $240,000 = $39,800 over at the high end.
    //   Freelance: $240,000 − $230,400 = $9,600 to spare; $86,400 under, $67,200 over.
    let pack = default_pack();
    let r = report(&pack, &with_budget(&pack, "per_month", 40_000));
    let b = r.budget.as_ref().expect("a figure is given");
    assert_eq!((b.amount, b.months, b.budget), (40_000, 6.0, 240_000.0));
    assert_eq!(
        b.heading(),
        "Budget: $40,000 a month, $40,000 × 6 = $240,000 over the 6 months costed"
    );
    assert_eq!(
        b.summary(),
        "Every option fits within it: Outsource, In-house and Freelance."
    );
    let sentences = b.sentences();
    assert!(
        sentences.contains(
            &"In-house fits, $19,200 to spare at the middle of its range ($240,000 − $220,800); \
          $78,200 under at the low end, $39,800 over at the high end."
                .to_string()
        ),
        "{sentences:#?}"
    );
    assert!(
        sentences.contains(
            &"Freelance fits, $9,600 to spare at the middle of its range ($240,000 − $230,400); \
          $86,400 under at the low end, $67,200 over at the high end."
                .to_string()
        ),
        "{sentences:#?}"
    );
    // Every margin follows from the printed range and the printed budget.
    for (o, c) in b.options.iter().zip(&r.costs) {
        assert_eq!(o.candidate, c.candidate);
        assert_eq!(o.mid, (c.low + c.high) as f64 / 2.0);
        assert_eq!(o.margin, 240_000.0 - o.mid);
        assert_eq!(
            (o.margin_low, o.margin_high),
            (240_000 - c.low, 240_000 - c.high)
        );
        assert_eq!(o.fits, o.margin >= 0.0);
    }
}

#[test]
fn a_total_budget_below_in_house_and_freelance_says_which_fit_and_by_how_much() {
    // $200,000 for the 6 months: Outsource $80,000 to spare ($200,000 − $120,000);
    // In-house over by $20,800 ($220,800 − $200,000); Freelance over by $30,400.
    let pack = default_pack();
    let r = report(&pack, &with_budget(&pack, "total", 200_000));
    let b = r.budget.as_ref().unwrap();
    assert_eq!(b.heading(), "Budget: $200,000 for the 6 months costed");
    assert_eq!(
        b.summary(),
        "Within it: Outsource. Over it: In-house and Freelance."
    );
    let s = b.sentences();
    assert!(
        s[0].starts_with(
            "Outsource fits, $80,000 to spare at the middle of its range ($200,000 − $120,000)"
        ),
        "{s:#?}"
    );
    assert!(s.iter().any(|x| x.starts_with("In-house is over by $20,800 at the middle of its range ($220,800 − $200,000); $38,200 under at the low end, $79,800 over at the high end.")), "{s:#?}");
    // The same figures in every output.
    let t = text::render(&r);
    assert!(t.contains("Budget: $200,000 for the 6 months costed\n  Within it: Outsource. Over it: In-house and Freelance.\n  - Outsource fits"), "{t}");
    let m = markdown::render(&r);
    assert!(
        m.contains("**Budget: $200,000 for the 6 months costed.** Within it: Outsource."),
        "{m}"
    );
    let j = json::value(&r);
    assert_eq!(j["budget"]["amount"], 200_000);
    assert_eq!(j["budget"]["basis"], "total");
    assert_eq!(j["budget"]["budget"], 200_000.0);
    assert_eq!(j["budget"]["options"][0]["candidate"], "outsource");
    assert_eq!(j["budget"]["options"][0]["fits"], true);
    assert_eq!(j["budget"]["options"][0]["margin"], 80_000.0);
    let inh = j["budget"]["options"]
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["candidate"] == "in_house")
        .unwrap();
    assert_eq!(
        (inh["fits"].as_bool(), inh["margin"].as_f64()),
        (Some(false), Some(-20_800.0))
    );
}

#[test]
fn without_a_figure_the_band_is_asked_and_no_budget_is_reported() {
    let pack = default_pack();
    let band = pack.question_index("budget").unwrap();
    let amount = pack.question_index("budget_amount").unwrap();
    let none = Answers::new(pack.questions().len());
    let eff = none.effective(&pack);
    assert!(eff[band].is_some() && eff[amount].is_none());
    let r = report(&pack, &none);
    assert_eq!(r.budget, None);
    assert_eq!(json::value(&r)["budget"], serde_json::Value::Null);
    // With a figure, the band is not asked, so no band rule can fire.
    let eff = with_budget(&pack, "total", 200_000).effective(&pack);
    assert!(eff[band].is_none() && eff[amount] == Some(Answer::Number(200_000)));
}

#[test]
fn the_budget_rules_fire_on_one_side_of_the_figure_and_not_the_other() {
    let pack = default_pack();
    let has = |a: &Answers, id: &str| fired(&pack, a).iter().any(|r| r == id);
    // In-house's middle, $220,800 over 6 months, is $36,800 a month.
    let at = with_budget(&pack, "per_month", 36_800);
    let below = with_budget(&pack, "per_month", 36_799);
    assert!(has(&at, "monthly-budget-carries-in-house"));
    assert!(!has(&below, "monthly-budget-carries-in-house"));
    // A total of the same size never counts for in-house: a pot, not a payroll.
    assert!(!has(
        &with_budget(&pack, "total", 1_000_000),
        "monthly-budget-carries-in-house"
    ));
    // Over In-house's middle ($220,800) but not its low end ($161,800): a stretch.
    assert!(has(&below, "budget-stretched-by-in-house"));
    assert!(!has(&at, "budget-stretched-by-in-house"));
    // Under its low end, In-house is out of reach; the agency gains nothing from it.
    let tiny = with_budget(&pack, "total", 119_999);
    assert!(has(&tiny, "budget-short-of-in-house"));
    assert!(!has(&tiny, "budget-stretched-by-in-house"));
    assert!(
        fired(&pack, &tiny)
            .iter()
            .all(|r| !r.starts_with("budget-short-of-in-house-"))
    );
    // Freelance's middle is $230,400: $38,400 a month.
    assert!(has(
        &with_budget(&pack, "per_month", 38_399),
        "budget-short-of-freelance"
    ));
    assert!(!has(
        &with_budget(&pack, "per_month", 38_400),
        "budget-short-of-freelance"
    ));
    // The band rules are for those who give no figure.
    for a in [&at, &below, &tiny] {
        assert!(
            fired(&pack, a)
                .iter()
                .all(|r| !r.contains("tight") && r != "flexible-budget")
        );
    }
    // The cost block says the same as the rules.
    let r = report(&pack, &below);
    let b = r.budget.unwrap();
    let fits = |id: &str| b.options.iter().find(|o| o.candidate == id).unwrap().fits;
    assert!(fits("outsource") && !fits("in_house") && !fits("freelance"));
}

#[test]
fn the_default_pack_still_proves_every_law_with_budget_figures() {
    let proof = prove::prove(&default_pack());
    assert!(proof.unchecked.is_none(), "{:?}", proof.unchecked);
    assert!(proof.failures.is_empty(), "{:#?}", proof.failures);
}

#[test]
fn recommend_reads_a_budget_from_an_answers_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("answers.yaml");
    std::fs::write(
        &path,
        "answers:\n  team_size: 4\n  engagement: medium\n  region: eastern_europe\n  \
         budget_figure: per_month\n  budget_amount: 30000\n",
    )
    .unwrap();
    let run = |format: &str| {
        let out = Command::new(env!("CARGO_BIN_EXE_hirewiz"))
            .args(["recommend", "--answers"])
            .arg(&path)
            .args(["--format", format])
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    // $30,000 × 6 = $180,000: Outsource ($120,000) fits; In-house and Freelance do not.
    let text = run("text");
    assert!(
        text.contains("Budget: $30,000 a month, $30,000 × 6 = $180,000 over the 6 months costed"),
        "{text}"
    );
    assert!(
        text.contains("Within it: Outsource. Over it: In-house and Freelance."),
        "{text}"
    );
    assert!(
        text.contains(
            "Your budget covers an in-house team only toward the low end of its estimate"
        ),
        "{text}"
    );
    // An amount reads as the cost block writes figures, grouped by thousands.
    assert!(
        text.contains("How much is the budget, in US dollars?  30,000 US dollars"),
        "{text}"
    );
    assert!(!text.contains("30000"), "{text}");
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    assert_eq!(json["budget"]["basis"], "per_month");
    assert_eq!(json["answers"]["budget_amount"], 30_000);
    assert!(
        json["answers"].get("budget").is_none(),
        "the band is not asked"
    );
}

#[test]
fn plain_mode_takes_a_budget_figure_or_goes_on_without_one() {
    let data = tempfile::tempdir().unwrap();
    let plain = |input: &str| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_hirewiz"))
            .arg("--plain")
            .env("HIREWIZ_DATA_DIR", data.path())
            .stdin(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(input.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    // Eight questions on their suggested answers, then a month's budget of $30,000 and
    // four engineers; the rest as suggested.
    let with = plain("\n\n\n\n\n\n\n\n2\n30000\n\n4\n\n\n\n");
    assert!(
        with.contains("“How tight is the budget?” is no longer asked"),
        "{with}"
    );
    assert!(
        with.contains("Budget: $30,000 a month, $30,000 × 6 = $180,000 over the 6 months costed"),
        "{with}"
    );
    // Enter alone keeps "No figure": the band is asked and no budget is reported.
    let without = plain(&"\n".repeat(20));
    assert!(without.contains("How tight is the budget?"), "{without}");
    assert!(!without.contains("Budget:"), "{without}");
}

/// A question asked on the budget's amount would be walked before the amounts worth
/// trying are known: the proof says it cannot check the laws, rather than pass them.
#[test]
fn a_question_asked_on_the_amount_leaves_the_laws_unchecked_and_says_why() {
    let text = PACK.replace(
        "      - {id: region, prompt: Where?, help: H., kind: single,",
        "      - {id: region, prompt: Where?, help: H., when: {range: {amount: {min: 50}}}, kind: single,",
    );
    assert_ne!(text, PACK);
    // Direction laws cannot move a question others are asked on.
    let text: String = text
        .lines()
        .filter(|l| !l.contains("question: amount"))
        .map(|l| format!("{l}\n"))
        .collect();
    let pack = pack::load_texts(&[("mini.yaml".into(), text)]).expect("the test pack loads");
    let proof = prove::prove(&pack);
    let why = proof.unchecked.expect("the laws are not proved");
    assert!(
        why.contains("question `region` is asked on the budget's amount"),
        "{why}"
    );
}
