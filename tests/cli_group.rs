//! `hirewiz group`, run as a user would: sessions recorded in a temporary data folder,
//! named by label, id or file, some saved with another version of the pack, one that
//! cannot be read, two with the same label; and `--settle`, whose session resumes.

mod session_support;

use assert_cmd::Command;
use hirewiz::pack::{self, Answer, Pack};
use hirewiz::session::{Recorder, Store};
use hirewiz::wizard::{Event, Wizard};
use session_support::*;
use std::path::PathBuf;
use std::sync::Arc;

struct Fixture {
    dir: tempfile::TempDir,
    pack: PathBuf,
}

/// One person's answers: engagement, team size, technical lead (asked for ongoing work
/// only), needs.
struct Person<'a> {
    label: Option<&'a str>,
    engagement: &'a str,
    team: i64,
    lead: bool,
    needs: &'a [&'a str],
}

fn older_pack() -> Arc<Pack> {
    let text = PACK
        .replace("version: \"1.0.0\"", "version: \"0.9.0\"")
        .replace("points: {agency: 4}", "points: {agency: 1}");
    Arc::new(pack::load_texts(&[("staffing.yaml".to_string(), text)]).unwrap())
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        let pack = pack_file(dir.path());
        Fixture { dir, pack }
    }

    fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    /// Record a finished session of `person` on `pack`; returns its id.
    fn record(&self, pack: &Arc<Pack>, person: &Person) -> String {
        let mut events = vec![
            Event::Answer {
                question: q(pack, "engagement"),
                answer: Answer::Choice(choice(pack, "engagement", person.engagement)),
            },
            Event::Answer {
                question: q(pack, "team_size"),
                answer: Answer::Number(person.team),
            },
        ];
        if person.engagement == "ongoing" {
            events.push(Event::Answer {
                question: q(pack, "has_lead"),
                answer: Answer::Bool(person.lead),
            });
        }
        events.push(Event::Answer {
            question: q(pack, "needs"),
            answer: Answer::Choices(
                person
                    .needs
                    .iter()
                    .map(|n| choice(pack, "needs", n))
                    .collect(),
            ),
        });
        events.push(Event::Finish);
        let mut rec = Recorder::start(Store::in_data_dir(&self.data()), pack, None);
        if person.label.is_some() {
            rec.set_label(person.label).unwrap();
        }
        let mut w = Wizard::new(pack.clone());
        for e in &events {
            w.apply(e).unwrap();
            rec.record(e, &w).unwrap();
        }
        rec.finish().unwrap();
        rec.session().id.to_string()
    }

    fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("hirewiz").unwrap();
        c.env_remove("HIREWIZ_DATA_DIR")
            .arg("--data-dir")
            .arg(self.data())
            .arg("--pack")
            .arg(&self.pack);
        c
    }

    fn run(&self, args: &[&str]) -> (Option<i32>, String, String) {
        let out = self.cmd().args(args).output().unwrap();
        (
            out.status.code(),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    }

    /// Ana and Cy want ongoing work and an in-house team, Ben short work with operations
    /// (an agency); Cy answered an older version of the pack.
    fn team(&self) -> [String; 3] {
        let p = pack();
        [
            self.record(
                &p,
                &Person {
                    label: Some("Ana"),
                    engagement: "ongoing",
                    team: 4,
                    lead: true,
                    needs: &["api"],
                },
            ),
            self.record(
                &p,
                &Person {
                    label: Some("Ben"),
                    engagement: "short",
                    team: 2,
                    lead: false,
                    needs: &["api", "ops"],
                },
            ),
            self.record(
                &older_pack(),
                &Person {
                    label: Some("Cy"),
                    engagement: "ongoing",
                    team: 6,
                    lead: false,
                    needs: &["api"],
                },
            ),
        ]
    }
}

#[test]
fn three_sessions_disagreements_first_with_what_they_decide() {
    let f = Fixture::new();
    let [ana, ben, cy] = f.team();
    let (code, out, err) = f.run(&["group", &ana, &ben, &cy]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.starts_with("Group of 3: Ana, Ben and Cy · Staffing test 1.0.0\n"),
        "{out}"
    );
    // Disagreements first, in the pack's order; the one question all agree on after.
    let at = |s: &str| {
        out.find(s)
            .unwrap_or_else(|| panic!("{s:?} missing:\n{out}"))
    };
    assert!(at("Where they disagree") < at("  How long will you need backend work?"));
    assert!(at("  How long will you need backend work?") < at("  How many engineers?"));
    assert!(at("  How many engineers?") < at("  Do you have a technical lead?"));
    assert!(at("  Do you have a technical lead?") < at("  What do you need?"));
    assert!(out.contains("    Ben    (not asked)\n"), "{out}");
    assert!(
        out.contains("    Group  4\n") || out.contains("    Group  4  (open: the median)\n"),
        "{out}"
    );
    assert!(
        out.contains("    Group  No  (open: no majority)\n"),
        "{out}"
    );
    // Each person's result.
    assert!(out.contains("  Ana  In-house (close call)\n"), "{out}");
    assert!(out.contains("  Ben  Agency (close call)\n"), "{out}");
    // The profile: ongoing (2 of 3), 4 engineers (median), no lead (1 against 1, the
    // suggested answer), API only.
    assert!(
        out.contains("The group profile\n  Recommendation: In-house\n"),
        "{out}"
    );
    assert!(
        out.contains("    - Do you have a technical lead?  No\n"),
        "{out}"
    );
    assert!(out.contains(
        "  If the team takes Ben's answer to “How long will you need backend work?” (Short), Freelance is the choice"
    ), "{out}");
    assert!(out.contains(
        "  If the team takes Ben's answer to “What do you need?” (API, Ops), Agency is the choice"
    ), "{out}");
    // Cy's session is re-scored with the current pack, and says which pack scored it.
    assert!(out.contains(
        "The pack changed since this session was saved: staffing-test 0.9.0 then, staffing-test 1.0.0 now; it is scored with the pack as it is now."
    ), "{out}");
}

#[test]
fn the_statements_hold_when_rescored_one_by_one() {
    // Each change the group names gives, as an answers file of its own, the result it says.
    let f = Fixture::new();
    let [ana, ben, cy] = f.team();
    let (_, out, _) = f.run(&["group", &ana, &ben, &cy, "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let profile = &v["profile"]["report"]["answers"];
    assert!(!v["changes"].as_array().unwrap().is_empty());
    for c in v["changes"].as_array().unwrap() {
        let mut answers = profile.clone();
        for s in c["swaps"].as_array().unwrap() {
            answers[s["question"].as_str().unwrap()] = s["answer"].clone();
        }
        let file = f.dir.path().join("swap.yaml");
        std::fs::write(&file, serde_json::json!({ "answers": answers }).to_string()).unwrap();
        let (_, r, _) = f.run(&[
            "recommend",
            "--answers",
            file.to_str().unwrap(),
            "--format",
            "json",
        ]);
        let r: serde_json::Value = serde_json::from_str(&r).unwrap();
        assert_eq!(r["recommendation"], c["recommendation"], "{c}");
        assert_eq!(r["state"], c["state"], "{c}");
    }
}

#[test]
fn an_unreadable_member_is_named_and_left_out() {
    let f = Fixture::new();
    let [ana, ben, cy] = f.team();
    let broken = f.dir.path().join("broken.yaml");
    std::fs::write(&broken, "format: hirewiz-session/1\nid: nonsense\n").unwrap();
    let broken = broken.to_str().unwrap().to_string();
    let (code, out, err) = f.run(&["group", &ana, &broken, &ben, "20990101-0000-zzzz", &cy]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        err.contains(&format!("hirewiz: {broken}: left out of the group: ")),
        "{err}"
    );
    assert!(
        err.contains("hirewiz: 20990101-0000-zzzz: left out of the group: "),
        "{err}"
    );
    assert!(out.starts_with("Group of 3: Ana, Ben and Cy"), "{out}");
    assert!(
        out.contains(&format!("  Left out, as it cannot be read: {broken}\n")),
        "{out}"
    );
}

#[test]
fn fewer_than_two_readable_members_is_bad_input() {
    let f = Fixture::new();
    let [ana, ..] = f.team();
    let (code, out, err) = f.run(&["group", &ana, "nosuchfile.yaml"]);
    assert_eq!(code, Some(2));
    assert!(out.is_empty());
    assert!(
        err.contains("nosuchfile.yaml: left out of the group"),
        "{err}"
    );
    assert!(
        err.contains(
            "hirewiz: a group needs at least two members that can be read; 1 of 2 could be"
        ),
        "{err}"
    );
    let (code, _, _) = f.run(&["group", &ana]);
    assert_eq!(code, Some(2), "one member is a usage error");
}

#[test]
fn members_with_the_same_label_are_told_apart() {
    let f = Fixture::new();
    let p = pack();
    let sam = |team| Person {
        label: Some("Sam"),
        engagement: "short",
        team,
        lead: false,
        needs: &["api"],
    };
    let a = f.record(&p, &sam(2));
    let b = f.record(&p, &sam(5));
    let c = f.record(
        &p,
        &Person {
            label: None,
            ..sam(3)
        },
    );
    let (code, out, err) = f.run(&["group", &a, &b, &c]);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.starts_with(&format!("Group of 3: Sam (1), Sam (2) and {c} ·")),
        "{out}"
    );
    assert!(
        out.contains("    Sam (1)  2\n") || out.contains("    Sam (1)             2\n"),
        "{out}"
    );
}

#[test]
fn answers_files_and_markdown() {
    let f = Fixture::new();
    let [ana, ..] = f.team();
    let file = f.dir.path().join("dana.yaml");
    std::fs::write(&file, "answers:\n  engagement: short\n  needs: [ops]\n").unwrap();
    let (code, out, err) = f.run(&[
        "group",
        &ana,
        file.to_str().unwrap(),
        "--format",
        "markdown",
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.starts_with("# Group decision: "), "{out}");
    assert!(out.contains("| Question | Ana | dana | Group |"), "{out}");
    assert!(out.contains("## What the differences decide"), "{out}");
    assert!(
        out.contains("## Next steps") || !out.contains("Next steps"),
        "{out}"
    );
}

#[test]
fn settling_saves_a_session_that_asks_the_open_question_first() {
    let f = Fixture::new();
    let [ana, ben, cy] = f.team();
    let (code, out, err) = f.run(&["group", &ana, &ben, &cy, "--settle", "--format", "json"]);
    assert_eq!(code, Some(0), "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let id = v["settled"]["session"].as_str().unwrap().to_string();
    assert_eq!(v["settled"]["label"], "Group: Ana, Ben, Cy");
    assert_eq!(
        v["settled"]["open"],
        serde_json::json!(["team_size", "has_lead"])
    );
    let (_, listed, _) = f.run(&["sessions"]);
    assert!(listed.contains("Group: Ana, Ben, Cy"), "{listed}");
    // Resumed line by line: the open questions come first, then the review; taking
    // every answer as it stands ends on the group's recommendation.
    let out = f
        .cmd()
        .args(["resume", &id, "--plain"])
        .write_stdin("\n\n\n")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(out.status.code(), Some(0), "{text}");
    let first = text.find("How many engineers?").expect("asks team size");
    let lead = text
        .find("Do you have a technical lead?")
        .expect("asks the lead");
    assert!(first < lead, "{text}");
    assert!(
        !text[..lead].contains("How long will you need backend work?"),
        "{text}"
    );
    assert!(text.contains("Recommendation: In-house"), "{text}");
}

/// The README's sample is what `hirewiz group` prints today, up to where it is cut.
#[test]
fn the_readme_shows_what_group_prints() {
    let readme = std::fs::read_to_string("README.md").unwrap();
    let cmd = "$ hirewiz group docs/team/CTO.yaml docs/team/CFO.yaml docs/team/Founder.yaml\n";
    let block = readme
        .split(&format!("```\n{cmd}"))
        .nth(1)
        .and_then(|rest| rest.split("\n...\n```").next())
        .expect("the README shows `hirewiz group`");
    let out = Command::cargo_bin("hirewiz")
        .unwrap()
        .args([
            "group",
            "docs/team/CTO.yaml",
            "docs/team/CFO.yaml",
            "docs/team/Founder.yaml",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let printed = String::from_utf8(out.stdout).unwrap();
    assert!(
        printed.starts_with(&format!("{block}\n")),
        "the README's sample is out of date; it now reads:\n{printed}"
    );
}

/// Reported: a member on a tie read "Neither is recommended over the other: the
/// questions below decide between them" with no such questions below, and the group
/// profile left out the note its own report gives (an agency out of the budget's reach).
/// Both now follow, in text and Markdown.
#[test]
fn the_group_says_what_decides_a_tie_and_the_profile_s_notes() {
    let dir = tempfile::tempdir().unwrap();
    let base = "drivers: [greenfield], complexity: small, engagement: ongoing, \
                company_stage: smb, hiring_capacity: some, control: high, \
                requirements: changing, budget_figure: total, budget_amount: 100000, \
                team_size: 4, seniority: senior, region: western_europe";
    let tie = "drivers: [greenfield], engagement: short, complexity: small, \
               company_stage: startup, hiring_capacity: none, urgency: soon";
    let mut files = Vec::new();
    for (name, answers) in [
        ("A", format!("{base}, urgency: asap")),
        ("B", format!("{base}, urgency: asap")),
        ("C", tie.to_string()),
    ] {
        let path = dir.path().join(format!("{name}.yaml"));
        std::fs::write(
            &path,
            format!("pack: backend-hiring\nanswers: {{{answers}}}\n"),
        )
        .unwrap();
        files.push(path);
    }
    for format in ["text", "markdown"] {
        let out = Command::cargo_bin("hirewiz")
            .unwrap()
            .arg("group")
            .args(&files)
            .args(["--format", format])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8(out.stdout).unwrap();
        let (members, profile) = text.split_once("group profile").unwrap_or_else(|| {
            text.split_once("group recommendation")
                .expect("a group section")
        });
        assert!(
            members.contains("Neither is recommended over the other"),
            "{text}"
        );
        assert!(
            members.contains("Deciding between Freelance and Outsource"),
            "{text}"
        );
        assert!(
            profile.contains("Your budget does not cover an agency even at the low end"),
            "{text}"
        );
    }
}

/// Reported: one member's answer made the group's result a close call, so pairs were
/// never tried and the report said nothing more, though that answer and another
/// member's together make Freelance the choice. Where no single disagreement changes
/// who is recommended, the pairs that do now follow.
#[test]
fn pairs_that_change_who_is_recommended_follow_changes_of_state() {
    let dir = tempfile::tempdir().unwrap();
    let base = "drivers: [greenfield], complexity: complex, engagement: short, \
                company_stage: startup, hiring_capacity: none, requirements: changing, \
                budget_figure: per_month, budget_amount: 200000, urgency: soon, \
                team_size: 2, region: asia";
    let mut files = Vec::new();
    for (name, answers) in [
        ("A", base.to_string()),
        (
            "B",
            base.replace("complexity: complex", "complexity: small"),
        ),
        (
            "C",
            base.replace("hiring_capacity: none", "hiring_capacity: some"),
        ),
    ] {
        let path = dir.path().join(format!("{name}.yaml"));
        std::fs::write(
            &path,
            format!("pack: backend-hiring\nanswers: {{{answers}}}\n"),
        )
        .unwrap();
        files.push(path);
    }
    let out = Command::cargo_bin("hirewiz")
        .unwrap()
        .arg("group")
        .args(&files)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let decide = text.split("What the disagreements decide").nth(1).unwrap();
    assert!(
        decide.contains("Outsource still leads, but it is a close call"),
        "{text}"
    );
    assert!(
        decide.contains("No single disagreement changes who is recommended, but two together do:"),
        "{text}"
    );
    assert!(
        decide.contains("and C's answer to “How much recruiting capacity do you have?”"),
        "{text}"
    );
    assert!(decide.contains("Freelance is the choice"), "{text}");
}
