//! Cost estimates of the default pack checked against figures worked out by hand from the
//! guide's tables (assets/rates.yaml). Each case writes out its arithmetic.

use hirewiz::advice::{self, Costs};
use hirewiz::answers::{self, Answers};
use hirewiz::pack::{self, Answer, Pack};
use hirewiz::report::{Report, json};
use hirewiz::score;
use std::path::Path;

fn pack() -> Pack {
    pack::load_default().expect("the default pack loads")
}

fn scenario(pack: &Pack, name: &str) -> Answers {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/scenarios/{name}.yaml"));
    answers::read_path(pack, &path)
        .expect("the scenario reads")
        .answers
}

fn costs(pack: &Pack, a: &Answers) -> Costs {
    let eff = a.effective(pack);
    let v = score::score(pack, &eff);
    advice::estimate(pack, &eff, &v).expect("the default pack has a cost model")
}

fn range(c: &Costs, id: &str) -> (i64, i64) {
    let e = c
        .estimates
        .iter()
        .find(|e| e.id == id)
        .expect("an estimate per candidate");
    (e.low, e.high)
}

#[test]
fn four_mid_level_engineers_in_eastern_europe_for_six_months() {
    // 4 engineers, 3 to 12 months costed as 6, Eastern Europe, mid-level (no scaling).
    // Outsource: 4 × $3,000 × 6 = $72,000;  4 × $7,000 × 6 = $168,000.
    // Freelance: 4 × $40 × 160 h × 6 = $153,600;  4 × $80 × 160 × 6 = $307,200.
    // In-house:  4 × ($50,000 ÷ 12 × 6 × 1.43 + $4,700) = 4 × ($35,750 + $4,700) = $161,800;
    //            4 × ($90,000 ÷ 12 × 6 × 1.45 + $4,700) = 4 × ($65,250 + $4,700) = $279,800.
    let pack = pack();
    let c = costs(&pack, &scenario(&pack, "outsource_smb_scaling"));
    assert_eq!((c.team, c.months), (4, 6.0));
    assert_eq!(range(&c, "outsource"), (72_000, 168_000));
    assert_eq!(range(&c, "freelance"), (153_600, 307_200));
    assert_eq!(range(&c, "in_house"), (161_800, 279_800));
    let outsource = &c.estimates[0];
    assert_eq!(outsource.id, "outsource", "estimates follow the ranking");
    assert_eq!(
        outsource.arithmetic,
        "4 × ($3,000–$7,000 a month × 6 months) = $72,000 – $168,000"
    );
    assert_eq!(
        c.basis,
        "4 engineers · 3 to 12 months, costed as 6 months · Eastern Europe · Mid-level"
    );
}

#[test]
fn six_senior_engineers_in_the_us_for_three_years() {
    // 6 engineers, ongoing costed over its 36-month horizon, United States, senior: each
    // model's rate is scaled by its row of the seniority table, senior band over mid-level.
    // In-house ×100/60 and ×150/90 (both 5/3):
    //   6 × ($120,000 ÷ 12 × 36 × 5/3 × 1.43 + $4,700) = 6 × ($858,000 + $4,700) = $5,176,200;
    //   6 × ($180,000 ÷ 12 × 36 × 5/3 × 1.45 + $4,700) = 6 × ($1,305,000 + $4,700) = $7,858,200.
    // Freelance ×80/50 = 1.6 and ×130/80 = 1.625:
    //   6 × $80 × 160 × 36 × 1.6 = 6 × $737,280 = $4,423,680;
    //   6 × $150 × 160 × 36 × 1.625 = 6 × $1,404,000 = $8,424,000.
    // Outsource ×50/30 = 5/3 and ×90/60 = 1.5:
    //   6 × $6,000 × 36 × 5/3 = $2,160,000;  6 × $12,000 × 36 × 1.5 = $3,888,000.
    let pack = pack();
    let c = costs(&pack, &scenario(&pack, "in_house_enterprise_fintech"));
    assert_eq!(c.months, 36.0);
    assert_eq!(range(&c, "in_house"), (5_176_200, 7_858_200));
    assert_eq!(range(&c, "freelance"), (4_423_680, 8_424_000));
    assert_eq!(range(&c, "outsource"), (2_160_000, 3_888_000));
    let outsource = c.estimates.iter().find(|e| e.id == "outsource").unwrap();
    let note = outsource.seniority.as_ref().expect("senior is scaled");
    assert!(
        note.text.contains("× 50/30") && note.text.contains("× 90/60"),
        "{}",
        note.text
    );
    // Exact ratios of the table's figures, low end then high, so the line recomputes.
    assert!(
        outsource.arithmetic.contains("× 50/30–90/60 Senior"),
        "{}",
        outsource.arithmetic
    );
}

#[test]
fn one_junior_in_asia_for_a_short_job() {
    // 1 engineer, under 3 months costed as 3, Asia, junior.
    // Freelance ×30/50 = 0.6 and ×50/80 = 0.625:
    //   $20 × 160 × 3 × 0.6 = $5,760;  $50 × 160 × 3 × 0.625 = $15,000.
    // Outsource ×20/30 and ×40/60 (both 2/3): $2,000 × 3 × 2/3 = $4,000;  $5,000 × 3 × 2/3 = $10,000.
    // In-house ×40/60 and ×60/90 (both 2/3):
    //   $30,000 ÷ 12 × 3 × 2/3 × 1.43 + $4,700 = $7,150 + $4,700 = $11,850;
    //   $70,000 ÷ 12 × 3 × 2/3 × 1.45 + $4,700 = $16,916.67 + $4,700 = $21,617 (rounded).
    let pack = pack();
    let c = costs(&pack, &scenario(&pack, "freelance_startup_landing_backend"));
    assert_eq!(range(&c, "freelance"), (5_760, 15_000));
    assert_eq!(range(&c, "outsource"), (4_000, 10_000));
    assert_eq!(range(&c, "in_house"), (11_850, 21_617));
}

#[test]
fn totals_scale_with_team_size_and_duration() {
    let pack = pack();
    let base = scenario(&pack, "outsource_smb_scaling");
    let team = pack.question_index("team_size").unwrap();
    let eng = pack.question_index("engagement").unwrap();
    let mut eight = base.clone();
    eight.set(team, Answer::Number(8));
    let (four, eight) = (costs(&pack, &base), costs(&pack, &eight));
    for e in &four.estimates {
        assert_eq!(range(&eight, &e.id), (e.low * 2, e.high * 2), "{}", e.id);
    }
    let mut ongoing = base.clone();
    // Ongoing is costed over 36 months instead of 6, six times as long:
    // Outsource 4 × $3,000 × 36 = $432,000 and 4 × $7,000 × 36 = $1,008,000;
    // Freelance 4 × $40 × 160 × 36 = $921,600 and 4 × $80 × 160 × 36 = $1,843,200.
    ongoing.set(eng, Answer::Choice(2));
    let years = costs(&pack, &ongoing);
    assert_eq!(years.months, 36.0);
    assert_eq!(range(&years, "outsource"), (432_000, 1_008_000));
    assert_eq!(range(&years, "freelance"), (921_600, 1_843_200));
}

#[test]
fn every_assumption_names_its_source() {
    let pack = pack();
    let c = costs(&pack, &scenario(&pack, "in_house_enterprise_fintech"));
    assert!(c.assumptions.len() >= 5);
    for a in &c.assumptions {
        assert!(
            !a.what.trim().is_empty() && !a.source.trim().is_empty(),
            "{a:?}"
        );
    }
    let all: String = c
        .assumptions
        .iter()
        .map(|a| format!("{} {}\n", a.what, a.source))
        .collect();
    for needle in [
        "160 working hours",
        "costed as 36 months",
        "employer overhead",
        "recruiting",
        "6 weeks",
    ] {
        assert!(
            all.contains(needle),
            "no assumption mentions {needle}:\n{all}"
        );
    }
}

#[test]
fn a_pack_without_rates_gets_no_costs_and_still_reports() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/packs/datastore");
    let pack = pack::load_path(&dir).expect("the datastore pack loads");
    let eff = Answers::new(pack.questions().len()).effective(&pack);
    let v = score::score(&pack, &eff);
    let a = advice::advise(&pack, &eff, &v, None);
    assert!(
        a.costs.is_none() && a.role.is_none() && a.skills.is_empty() && a.next_steps.is_empty()
    );
    let report = Report::build(&pack, &eff, &v);
    let j = json::value(&report);
    assert_eq!(j["costs"], serde_json::json!([]));
}

#[test]
fn the_json_report_carries_costs_role_skills_and_next_steps() {
    let pack = pack();
    let a = scenario(&pack, "in_house_hospital_group");
    let eff = a.effective(&pack);
    let v = score::score(&pack, &eff);
    let j = json::value(&Report::build(&pack, &eff, &v));
    assert_eq!(j["costs"].as_array().map(Vec::len), Some(3));
    assert_eq!(j["costs"][0]["candidate"], "in_house");
    assert_eq!(j["role"]["title"], "Backend engineer");
    let skills: Vec<&str> = j["skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert!(
        skills.contains(&"HIPAA")
            && skills.contains(&"GDPR")
            && skills.contains(&"Security practice"),
        "{skills:?}"
    );
    let steps = j["next_steps"].as_array().unwrap();
    assert!(
        steps
            .iter()
            .any(|s| s.as_str().unwrap().contains("six weeks")),
        "in-house steps include recruiting time"
    );
    assert!(
        !steps
            .iter()
            .any(|s| s.as_str().unwrap().contains("agencies")),
        "no agency steps for an in-house winner"
    );
}

#[test]
fn where_the_guides_two_tables_disagree_the_estimate_says_so_and_which_it_uses() {
    let pack = pack();
    let finding = |c: &Costs, name: &str| {
        c.assumptions
            .iter()
            .find(|a| {
                a.what
                    .starts_with(&format!("{name}: the guide's tables disagree"))
            })
            .map(|a| a.what.clone())
    };
    // Eastern Europe, agency: $3,000–$7,000 a month ÷ 160 h = $18.75–$43.75 an hour,
    // against $30–$60 for a mid-level agency engineer: both ends more than 25% apart.
    let ee = costs(&pack, &scenario(&pack, "outsource_smb_scaling"));
    let agency = finding(&ee, "Outsource").expect("the agency tables disagree");
    assert!(
        agency.contains("$3,000–$7,000 a month, about $19–$44 an hour")
            && agency.contains(
                "$30–$60 an hour for a Mid-Level Engineer in its Outsourced (agency) row"
            )
            && agency.contains("the estimate takes the regional figure"),
        "{agency}"
    );
    // The seniority table's in-house row is the US's: $50,000 ÷ 12 ÷ 160 = $26 against $60.
    assert!(
        finding(&ee, "In-house")
            .unwrap()
            .contains("in its In-House (US) row")
    );
    // Eastern Europe freelance, $40–$80 against $50–$80: 20% and 0% apart, so they agree.
    assert_eq!(finding(&ee, "Freelance"), None);
    // United States in-house: $120,000–$180,000 ÷ 12 ÷ 160 = $62.50–$93.75 an hour
    // against $60–$90: they agree, and nothing is said.
    let us = costs(&pack, &scenario(&pack, "in_house_enterprise_fintech"));
    assert_eq!(finding(&us, "In-house"), None);
    // United States freelance: $80–$150 against the global $50–$80.
    assert!(
        finding(&us, "Freelance")
            .unwrap()
            .contains("$80–$150 an hour")
    );
}

// ---------------------------------------------------------------------------------------
// Cost over time: in-house's break-even month, worked by hand. Monthly figures are for
// the whole team; "mid" is the middle of each range, rounded to whole dollars as printed.

fn break_even_months(c: &Costs, against: &str) -> Vec<Option<u32>> {
    let t = advice::over_time(c, 12).expect("priced");
    let a = t
        .against
        .iter()
        .find(|a| a.candidate == against)
        .expect("in-house is weighed against each other option");
    a.break_even.iter().map(|b| b.month).collect()
}

#[test]
fn break_even_four_mid_level_engineers_in_eastern_europe() {
    // In-house a month: 4 × $50,000 ÷ 12 × 1.43 = $23,833.33;  4 × $90,000 ÷ 12 × 1.45 =
    // $43,500; mid $33,667. One-off: 4 × $4,700 = $18,800.
    // Freelance a month: 4 × $40 × 160 = $25,600;  4 × $80 × 160 = $51,200;  mid $38,400.
    //   low:  $18,800 ÷ ($25,600 − $23,833) = 18,800 ÷ 1,767 = 10.6 → month 11;
    //   mid:  $18,800 ÷ ($38,400 − $33,667) = 18,800 ÷ 4,733 = 3.97 → month 4;
    //   high: $18,800 ÷ ($51,200 − $43,500) = 18,800 ÷ 7,700 = 2.4 → month 3.
    // Outsource a month: 4 × $3,000 = $12,000 to 4 × $7,000 = $28,000: always below
    // in-house, so never.
    let pack = pack();
    let c = costs(&pack, &scenario(&pack, "outsource_smb_scaling"));
    assert_eq!(
        break_even_months(&c, "freelance"),
        [Some(11), Some(4), Some(3)]
    );
    assert_eq!(break_even_months(&c, "outsource"), [None, None, None]);
    let t = advice::over_time(&c, 6).unwrap();
    assert_eq!(
        t.start_words().unwrap(),
        "In-house: about 6 weeks to fill the role (to an accepted offer), before any notice \
         period, so its 6 months of work (26 weeks) end about 6 weeks after the others'; its \
         costs here are for those months of work, not the wait."
    );
    let sentences = t.break_even_words();
    assert!(
        sentences
            .iter()
            .any(|s| s.contains("at low rates, from month 11, beyond the 6 months costed:")),
        "{sentences:?}"
    );
    let freelance = sentences
        .iter()
        .find(|s| s.starts_with("In-house against Freelance:"))
        .unwrap();
    assert!(
        freelance.contains(
            "at mid rates, from month 4: $18,800 one-off ÷ $4,733 a month less \
             ($38,400 − $33,667) = 3.97 months"
        ),
        "{freelance}"
    );
    // The series: one-off plus months of work, low with low.
    let inh = t.series.iter().find(|s| s.candidate == "in_house").unwrap();
    assert_eq!(inh.months.len(), 6);
    assert_eq!(inh.months[0], (18_800 + 23_833, 18_800 + 43_500));
    assert_eq!(
        inh.months[5],
        (161_800, 279_800),
        "equals the six-month estimate"
    );
}

#[test]
fn break_even_six_senior_engineers_in_the_us() {
    // In-house a month: 6 × $120,000 ÷ 12 × 5/3 × 1.43 = $143,000;  6 × $180,000 ÷ 12 ×
    // 5/3 × 1.45 = $217,500; mid $180,250. One-off 6 × $4,700 = $28,200.
    // Freelance a month: 6 × $80 × 160 × 1.6 = $122,880;  6 × $150 × 160 × 1.625 =
    // $234,000; mid $178,440.
    //   low and mid: in-house costs more each month, so never;
    //   high: $28,200 ÷ ($234,000 − $217,500) = 28,200 ÷ 16,500 = 1.7 → month 2.
    // Outsource: 6 × $6,000 × 5/3 = $60,000 to 6 × $12,000 × 1.5 = $108,000: never.
    let pack = pack();
    let c = costs(&pack, &scenario(&pack, "in_house_enterprise_fintech"));
    assert_eq!(break_even_months(&c, "freelance"), [None, None, Some(2)]);
    assert_eq!(break_even_months(&c, "outsource"), [None, None, None]);
}

#[test]
fn break_even_one_junior_in_asia() {
    // In-house a month: $30,000 ÷ 12 × 2/3 × 1.43 = $2,383.33;  $70,000 ÷ 12 × 2/3 × 1.45
    // = $5,638.89; mid $4,011. Freelance: $20 × 160 × 0.6 = $1,920;  $50 × 160 × 0.625 =
    // $5,000; mid $3,460. Freelance is cheaper every month at every end: never.
    let pack = pack();
    let c = costs(&pack, &scenario(&pack, "freelance_startup_landing_backend"));
    assert_eq!(break_even_months(&c, "freelance"), [None, None, None]);
    assert_eq!(break_even_months(&c, "outsource"), [None, None, None]);
    // Three months are 13 weeks of work, which for the hire start about 6 weeks later.
    let t = advice::over_time(&c, 3).unwrap();
    assert!(
        t.start_words().unwrap().contains(
            "its 3 months of work (13 weeks) end about 6 weeks after the others'; its costs \
             here are for those months of work, not the wait."
        ),
        "{:?}",
        t.start_words()
    );
}

#[test]
fn break_even_one_senior_in_the_us() {
    // In-house a month: $120,000 ÷ 12 × 5/3 × 1.43 = $23,833.33;  $180,000 ÷ 12 × 5/3 ×
    // 1.45 = $36,250; mid $30,042. One-off $4,700.
    // Freelance: $80 × 160 × 1.6 = $20,480;  $150 × 160 × 1.625 = $39,000; mid $29,740.
    //   low, mid: never;  high: $4,700 ÷ ($39,000 − $36,250) = 4,700 ÷ 2,750 = 1.7 → month 2.
    let pack = pack();
    let c = costs(&pack, &scenario(&pack, "freelance_niche_search"));
    assert_eq!(break_even_months(&c, "freelance"), [None, None, Some(2)]);
    let t = advice::over_time(&c, 3).unwrap();
    let words = t.break_even_words();
    let freelance = words
        .iter()
        .find(|w| w.contains("against Freelance"))
        .unwrap();
    assert!(
        freelance.starts_with("In-house against Freelance: at low rates, never: In-house costs $23,833 a month against $20,480;"),
        "{freelance}"
    );
}

#[test]
fn another_horizon_runs_the_series_further_and_leaves_the_break_even_alone() {
    // Four mid-level engineers in Eastern Europe, costed as 6 months and shown over 24.
    // In-house after 24 months of work: 4 × $4,700 + 24 × $23,833.33 = $590,800 low;
    // 4 × $4,700 + 24 × $43,500 = $1,062,800 high.
    let pack = pack();
    let c = costs(&pack, &scenario(&pack, "outsource_smb_scaling"));
    let costed = advice::over_time(&c, 6).unwrap();
    let longer = costed.with_horizon(24);
    assert_eq!((longer.horizon, longer.costed()), (24, 6));
    let inh = longer
        .series
        .iter()
        .find(|s| s.candidate == "in_house")
        .unwrap();
    assert_eq!(inh.months.len(), 24);
    assert_eq!(inh.months[23], (590_800, 1_062_800));
    assert_eq!(
        inh.at(0.0),
        (18_800.0, 18_800.0),
        "the line starts at recruiting"
    );
    assert_eq!(
        inh.months[..6],
        costed
            .series
            .iter()
            .find(|s| s.candidate == "in_house")
            .unwrap()
            .months[..]
    );
    assert_eq!(longer.against, costed.against);
    // Month 11 is within 24 months, and beyond 3 months the words say "shown".
    assert!(
        longer
            .break_even_words()
            .iter()
            .all(|w| !w.contains("beyond")),
        "{:?}",
        longer.break_even_words()
    );
    let shorter = costed.with_horizon(3);
    assert!(
        shorter
            .break_even_words()
            .iter()
            .any(|w| w.contains("at mid rates, from month 4, beyond the 3 months shown:")),
        "{:?}",
        shorter.break_even_words()
    );
    // The horizon first asked for reads as before.
    assert_eq!(costed.with_horizon(6), costed);
}

// ---------------------------------------------------------------------------------------
// The guide's "30–50% lower" sentence, checked against its own regional table.

#[test]
fn the_guides_thirty_to_fifty_percent_sentence_is_checked_against_its_table() {
    let pack = pack();
    let claim = |c: &Costs| {
        c.assumptions
            .iter()
            .find(|a| a.what.contains("30–50% cheaper"))
            .map(|a| (a.what.clone(), a.source.clone()))
    };
    // Middles of the bands, Eastern Europe against the US and Western Europe:
    //   salary   70,000 against 150,000 and 115,000: 1 − 70/150 = 53.3%, 1 − 70/115 = 39.1%
    //   hourly       60 against     115 and      90: 47.8%, 33.3%
    //   monthly   5,000 against   9,000 and   7,500: 44.4%, 33.3%
    // so only the salary against the US (53%) falls outside 30–50%.
    let ee = costs(&pack, &scenario(&pack, "outsource_smb_scaling"));
    let (what, source) = claim(&ee).expect("an Eastern European profile gets the check");
    assert!(
        what.contains(
            "Eastern Europe is below United States and Western Europe by 53% and 39% for \
             In-house salary, 48% and 33% for Freelancer hourly rate and 44% and 33% for \
             Outsourced monthly cost"
        ),
        "{what}"
    );
    assert!(
        what.ends_with("outside the 30–50% it says: In-house salary against United States (53%)"),
        "{what}"
    );
    assert!(source.contains("often 30–50% lower"), "{source}");
    // The sentence is about Eastern Europe: a US profile is not told it.
    let us = costs(&pack, &scenario(&pack, "in_house_enterprise_fintech"));
    assert_eq!(claim(&us), None);
}

#[test]
fn a_claim_about_rows_that_do_not_exist_is_refused_at_its_place() {
    let text = std::fs::read_to_string("assets/rates.yaml")
        .unwrap()
        .replace("row: eastern_europe", "row: eastern_eurpoe")
        .replace("below: [us, western_europe]", "below: [us, westen_europe]");
    let files = vec![("rates.yaml".to_string(), text)];
    let err = pack::load_texts(&files).unwrap_err().to_string();
    assert!(
        err.contains("error: unknown row `eastern_eurpoe` of table `by_region`")
            && err.contains("did you mean `eastern_europe`?")
            && err.contains("error: unknown row `westen_europe` of table `by_region`"),
        "{err}"
    );
}
