//! The headless session commands, run as a user would: `sessions`, `export`, and
//! `recommend --answers` given a session file, each in a temporary data folder.

mod session_support;

use assert_cmd::Command;
use hirewiz::session::{Recorder, Store};
use predicates::prelude::*;
use session_support::*;
use std::path::{Path, PathBuf};

struct Fixture {
    dir: tempfile::TempDir,
    pack: PathBuf,
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

    fn store(&self) -> Store {
        Store::in_data_dir(&self.data())
    }

    /// Record the winding walk (or its first `n` events); returns the id and the file.
    fn record(&self, n: Option<usize>, label: Option<&str>) -> (String, PathBuf) {
        let pack = pack();
        let events = winding_walk(&pack);
        let events = &events[..n.unwrap_or(events.len())];
        let mut rec = Recorder::start(self.store(), &pack, None);
        if label.is_some() {
            rec.set_label(label).unwrap();
        }
        walk(pack.clone(), events, |e, w| {
            rec.record(e, w).unwrap();
        });
        (rec.session().id.to_string(), rec.path())
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
}

fn stamp(p: &Path) -> (Vec<u8>, std::time::SystemTime) {
    (
        std::fs::read(p).unwrap(),
        std::fs::metadata(p).unwrap().modified().unwrap(),
    )
}

#[test]
fn an_empty_folder_lists_nothing() {
    let f = Fixture::new();
    f.cmd()
        .arg("sessions")
        .assert()
        .success()
        .stdout(predicate::str::contains("No saved sessions"));
}

#[test]
fn sessions_are_listed_as_a_table_newest_first() {
    let f = Fixture::new();
    let (done, _) = f.record(None, Some("Acme Corp"));
    let (open, _) = f.record(Some(4), None);
    let out = f.cmd().arg("sessions").assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("ID"), "{text}");
    assert_eq!(lines.len(), 3, "{text}");
    let row = |id: &str| *lines.iter().find(|l| l.starts_with(id)).unwrap();
    assert!(row(&done).contains("Acme Corp"), "{text}");
    assert!(row(&done).contains("complete"), "{text}");
    assert!(row(&done).contains("In-house"), "{text}");
    assert!(row(&done).contains("staffing-test 1.0.0"), "{text}");
    assert!(row(&open).contains("in progress"), "{text}");
}

#[test]
fn sessions_are_listed_as_json() {
    let f = Fixture::new();
    let (id, path) = f.record(None, Some("Acme"));
    let out = f
        .cmd()
        .args(["sessions", "--format", "json"])
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    let s = &v["sessions"][0];
    assert_eq!(s["id"], id.as_str());
    assert_eq!(s["label"], "Acme");
    assert_eq!(s["status"], "complete");
    assert_eq!(s["recommendation"], "In-house");
    assert_eq!(s["pack"]["id"], "staffing-test");
    assert!(s["pack"]["hash"].as_str().unwrap().starts_with("sha256:"));
    assert_eq!(s["file"], path.to_string_lossy().as_ref());
    assert_eq!(v["unreadable"], serde_json::json!([]));
}

#[test]
fn an_unreadable_file_is_listed_with_its_reason_and_left_alone() {
    let f = Fixture::new();
    let (id, _) = f.record(None, None);
    let bad = f.store().dir().join("broken.yaml");
    std::fs::write(&bad, "format: hirewiz-session/9\n").unwrap();
    let before = stamp(&bad);
    f.cmd()
        .arg("sessions")
        .assert()
        .success()
        .stdout(predicate::str::contains(id))
        .stdout(predicate::str::contains("broken.yaml: unreadable: line 1:"))
        .stdout(predicate::str::contains("hirewiz-session/9"));
    let out = f
        .cmd()
        .args(["sessions", "--format", "json"])
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["unreadable"][0]["file"], bad.to_string_lossy().as_ref());
    assert_eq!(stamp(&bad), before);
}

/// A session edited by hand into something its history does not lead to is refused by
/// `export`; the listing says so too, rather than listing it as readable.
#[test]
fn a_session_its_history_does_not_lead_to_is_listed_as_unreadable() {
    let f = Fixture::new();
    let (id, path) = f.record(None, None);
    let text = std::fs::read_to_string(&path).unwrap();
    // The last answer in the history, played back no more: the saved answers now say
    // more than the history does.
    let kept: Vec<&str> = text.lines().collect();
    let last = kept
        .iter()
        .rposition(|l| l.contains("event: answer"))
        .unwrap();
    let edited: String = kept
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != last)
        .map(|(_, l)| format!("{l}\n"))
        .collect();
    std::fs::write(&path, edited).unwrap();
    f.cmd()
        .args(["export", &id, "--format", "json"])
        .assert()
        .code(2);
    let out = f.cmd().arg("sessions").assert().success();
    let stdout = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    let name = path.file_name().unwrap().to_string_lossy().to_string();
    assert!(
        stdout.contains(&format!("{name}: unreadable: line ")),
        "{stdout}"
    );
    let out = f
        .cmd()
        .args(["sessions", "--format", "json"])
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["sessions"], serde_json::json!([]), "{v}");
    assert_eq!(v["unreadable"][0]["file"], path.to_string_lossy().as_ref());
}

/// Exporting into a folder that does not exist says so of the file named, and never
/// names the temporary file a write goes through.
#[test]
fn export_into_a_missing_folder_names_the_file_asked_for() {
    let f = Fixture::new();
    let (id, _) = f.record(None, None);
    let out = f.dir.path().join("no-such-folder/report.md");
    let run = f
        .cmd()
        .args(["export", &id, "-o"])
        .arg(&out)
        .assert()
        .code(1);
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).to_string();
    assert_eq!(
        stderr,
        format!(
            "hirewiz: {}: cannot write: its folder does not exist\n",
            out.display()
        )
    );
    assert!(!stderr.contains(".report.md."));
}

#[test]
fn the_data_folder_can_come_from_the_environment() {
    let f = Fixture::new();
    let (id, _) = f.record(None, None);
    Command::cargo_bin("hirewiz")
        .unwrap()
        .env("HIREWIZ_DATA_DIR", f.data())
        .arg("sessions")
        .assert()
        .success()
        .stdout(predicate::str::contains(id));
}

#[test]
fn export_writes_markdown_by_id_prefix_and_json_by_file() {
    let f = Fixture::new();
    let (id, path) = f.record(None, None);
    f.cmd()
        .args(["export", &id[..id.len() - 2]])
        .assert()
        .success()
        .stdout(predicate::str::contains("In-house"))
        .stdout(predicate::str::starts_with("#"))
        .stderr(predicate::str::is_empty());
    let out = f
        .cmd()
        .args(["export", "--format", "json"])
        .arg(&path)
        .assert()
        .success();
    let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(v["recommendation"], "in_house");
}

#[test]
fn export_writes_to_a_file() {
    let f = Fixture::new();
    let (id, _) = f.record(None, None);
    let target = f.dir.path().join("report.md");
    f.cmd()
        .args(["export", &id, "-o"])
        .arg(&target)
        .assert()
        .success()
        .stdout(predicate::str::is_empty());
    let text = std::fs::read_to_string(&target).unwrap();
    assert!(text.contains("In-house"), "{text}");
}

#[test]
fn export_notes_a_changed_pack_and_result() {
    let f = Fixture::new();
    let (id, _) = f.record(None, None);
    let changed = f.dir.path().join("changed.yaml");
    std::fs::write(
        &changed,
        PACK.replace("points: {agency: 4}", "points: {agency: 9}"),
    )
    .unwrap();
    f.cmd()
        .args(["export", &id, "--pack"])
        .arg(&changed)
        .assert()
        .success()
        .stdout(predicate::str::contains("Agency"))
        .stderr(predicate::str::contains(
            "the pack changed since the session was saved",
        ))
        .stderr(predicate::str::contains(
            "the recommendation was In-house when saved; it is Agency now",
        ));
}

#[test]
fn export_of_an_unfinished_session_says_so() {
    let f = Fixture::new();
    let (id, _) = f.record(Some(3), None);
    f.cmd()
        .args(["export", &id])
        .assert()
        .success()
        .stderr(predicate::str::contains("the session is not finished"));
}

#[test]
fn export_of_a_broken_session_names_the_file_and_exits_2() {
    let f = Fixture::new();
    let (id, path) = f.record(None, None);
    let text = std::fs::read_to_string(&path).unwrap().replacen(
        "question: team_size",
        "question: headcount",
        1,
    );
    std::fs::write(&path, text).unwrap();
    let before = stamp(&path);
    f.cmd()
        .args(["export", &id])
        .assert()
        .code(2)
        .stderr(predicate::str::contains(path.to_string_lossy().as_ref()))
        .stderr(predicate::str::contains("unknown question `headcount`"));
    assert_eq!(stamp(&path), before);
}

#[test]
fn export_refuses_unknown_and_path_like_ids() {
    let f = Fixture::new();
    f.record(None, None);
    f.cmd()
        .args(["export", "no-such-session"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no session `no-such-session`"));
    f.cmd()
        .args(["export", "../../etc/passwd-nope"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is not a session id"));
}

#[test]
fn recommend_reads_a_session_file_as_its_answers() {
    let f = Fixture::new();
    let (_, path) = f.record(None, None);
    f.cmd()
        .arg("recommend")
        .arg("--answers")
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Recommendation: In-house"))
        .stderr(predicate::str::is_empty());
}

#[test]
fn resuming_a_session_open_in_another_hirewiz_goes_on_in_a_new_one() {
    let f = Fixture::new();
    let pack = pack();
    let events = winding_walk(&pack);
    // This test process stands for the hirewiz that has the session open.
    let mut open = Recorder::start(f.store(), &pack, None);
    walk(pack.clone(), &events[..4], |e, w| {
        open.record(e, w).unwrap();
    });
    let id = open.session().id.to_string();
    let before = stamp(&open.path());
    f.cmd()
        .args(["resume", &id, "--plain"])
        .write_stdin("f\n")
        .assert()
        .success();
    assert_eq!(stamp(&open.path()), before, "the open session was written");
    let files: Vec<PathBuf> = std::fs::read_dir(f.store().dir())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    assert_eq!(files.len(), 2, "{files:?}");
    let other = files.iter().find(|p| **p != open.path()).unwrap();
    let copy = hirewiz::session::store::read_file(other).unwrap();
    assert_eq!(copy.history[..4], open.session().history[..]);
    assert_eq!(copy.status, hirewiz::session::Status::Complete);
}

#[test]
fn the_table_stays_aligned_when_a_hand_edited_file_holds_control_characters() {
    let f = Fixture::new();
    let (_, file) = f.record(None, Some("Acme"));
    f.record(None, Some("Plain label"));
    // Edited by hand: an escape sequence and a tab in the pack version.
    let text = std::fs::read_to_string(&file).unwrap();
    let edited = text.replacen("  version: 1.0.0", "  version: \"\\e[2J\\t1.0.0\"", 1);
    assert_ne!(text, edited);
    std::fs::write(&file, edited).unwrap();
    let out = f.cmd().arg("sessions").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(
        !table.contains('\u{1b}') && !table.contains('\t'),
        "{table:?}"
    );
    assert!(table.contains("\\e[2J 1.0.0"), "{table}");
    // Every row's STATUS column starts where the header's does, and so does RECOMMENDATION.
    let lines: Vec<&str> = table.lines().filter(|l| !l.is_empty()).collect();
    assert_eq!(lines.len(), 3, "{table}");
    for heading in ["RECOMMENDATION", "PACK"] {
        let column = lines[0].find(heading).unwrap();
        for l in &lines[1..] {
            let cell_start = l[..column].chars().last();
            assert_eq!(cell_start, Some(' '), "{heading} misaligned:\n{table}");
            assert_ne!(
                l[column..].chars().next(),
                Some(' '),
                "{heading} misaligned:\n{table}"
            );
        }
    }
}

/// An export made from the result screen is in the session's history: the listing and a
/// plain resume say so, and replay lists it at its place.
#[test]
fn an_exported_session_is_listed_and_replayed_as_exported() {
    let f = Fixture::new();
    let pack = pack();
    let mut rec = Recorder::start(f.store(), &pack, None);
    walk(pack.clone(), &winding_walk(&pack), |e, w| {
        rec.record(e, w).unwrap();
    });
    rec.exported("sessions/acme.md").unwrap();
    let id = rec.session().id.to_string();
    drop(rec);
    let listed = f.cmd().arg("sessions").output().unwrap();
    let listed = String::from_utf8(listed.stdout).unwrap();
    assert!(
        listed
            .lines()
            .any(|l| l.contains(&id) && l.contains("complete, exported")),
        "{listed}"
    );
    let json = f
        .cmd()
        .args(["sessions", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    assert!(v["sessions"][0]["exported"].is_string(), "{v}");
    let out = f.cmd().args(["replay", &id, "--plain"]).output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("] Exported the report to sessions/acme.md."),
        "{text}"
    );
    let reached = text
        .find("] Reached the result: ")
        .expect("reaching the result");
    assert!(reached < text.find("] Exported").unwrap(), "{text}");
    let out = f
        .cmd()
        .args(["resume", &id, "--plain"])
        .write_stdin("")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("the report was exported"), "{text}");
}

/// The listing named a close call like a clear result; it now marks one, and the JSON
/// says `close`.
#[test]
fn a_close_call_is_marked_in_the_listing() {
    let f = Fixture::new();
    let (id, path) = f.record(None, None);
    let listed = |f: &Fixture| {
        let out = f
            .cmd()
            .args(["sessions", "--format", "json"])
            .assert()
            .success();
        let v: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
        let text = f.cmd().arg("sessions").assert().success();
        let text = String::from_utf8(text.get_output().stdout.clone()).unwrap();
        (v["sessions"][0]["close"].clone(), text)
    };
    // The winding walk ends on a close call in the test pack.
    let (close, text) = listed(&f);
    assert_eq!(close, serde_json::json!(true));
    let row = text.lines().find(|l| l.starts_with(&id)).unwrap();
    assert!(row.ends_with("In-house (close call)"), "{text}");
    // The same session, its result saved as clear.
    let saved = std::fs::read_to_string(&path).unwrap();
    assert!(saved.contains("\n  close: true\n"), "{saved}");
    std::fs::write(
        &path,
        saved.replace("\n  close: true\n", "\n  close: false\n"),
    )
    .unwrap();
    let (close, text) = listed(&f);
    assert_eq!(close, serde_json::json!(false));
    let row = text.lines().find(|l| l.starts_with(&id)).unwrap();
    assert!(row.ends_with("In-house"), "{text}");
}
