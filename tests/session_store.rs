//! The sessions folder: private files, refused path-like ids and labels, listings that
//! survive bad files, bad files reported and never touched, and saves that survive
//! being killed at any moment.

mod session_support;

use hirewiz::pack::Answer;
use hirewiz::session::{
    self, Label, Listed, Recorded, Recorder, SavedEvent, SessionError, SessionId, Store, Timestamp,
    format, replay,
};
use hirewiz::wizard::{Event, Wizard};
use session_support::*;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::in_data_dir(dir.path());
    (dir, store)
}

/// A complete session saved in `store`; returns its file.
fn saved_session(store: &Store) -> PathBuf {
    let pack = pack();
    let mut rec = Recorder::start(store.clone(), &pack, None);
    walk(pack.clone(), &winding_walk(&pack), |e, w| {
        rec.record(e, w).unwrap();
    });
    rec.path()
}

#[cfg(unix)]
#[test]
fn files_are_private_to_their_owner() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, store) = store();
    let path = saved_session(&store);
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(store.dir()), 0o700);
    // No temporary files are left behind.
    let names: Vec<String> = std::fs::read_dir(store.dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn path_like_ids_are_refused() {
    for id in [
        "../x",
        "..",
        ".",
        "/etc/passwd",
        "a/b",
        "a\\b",
        ".hidden",
        "-rf",
        "C:x",
        "",
        "con",
        "Upper",
        "é",
        "a b",
        "a\0b",
        &"x".repeat(65),
    ] {
        assert!(SessionId::parse(id).is_err(), "{id:?} accepted");
    }
    for id in ["20250601-1430-k3x9", "acme", "a_b-1"] {
        assert!(SessionId::parse(id).is_ok(), "{id:?} refused");
    }
}

#[test]
fn path_like_labels_are_refused_and_change_nothing() {
    for label in [
        "../../etc",
        "a/b",
        "a\\b",
        ".ssh",
        "~root",
        "line\nbreak",
        "tab\there",
        "   ",
        "",
        &"x".repeat(81),
    ] {
        assert!(Label::parse(label).is_err(), "{label:?} accepted");
    }
    assert_eq!(Label::parse("  Acme Corp  ").unwrap().as_str(), "Acme Corp");

    let (_dir, store) = store();
    let pack = pack();
    let mut rec = Recorder::start(store.clone(), &pack, None);
    rec.set_label(Some("Acme")).unwrap();
    let before = std::fs::read(rec.path()).unwrap();
    let err = rec.set_label(Some("../../evil")).unwrap_err();
    assert!(matches!(err, SessionError::BadLabel { .. }), "{err}");
    assert_eq!(std::fs::read(rec.path()).unwrap(), before);
    assert_eq!(rec.session().label.as_ref().unwrap().as_str(), "Acme");
}

#[test]
fn a_path_given_as_an_id_never_reaches_outside_the_folder() {
    let (dir, store) = store();
    saved_session(&store);
    std::fs::write(dir.path().join("outside.yaml"), "secret").unwrap();
    // `../outside` is neither a session id nor an existing path from here.
    let err = store.find("../outside").unwrap_err();
    assert!(matches!(err, SessionError::BadId { .. }), "{err}");
}

#[test]
fn sessions_are_found_by_id_prefix_and_listed_newest_first() {
    let (_dir, store) = store();
    let pack = pack();
    let mut ids = Vec::new();
    for (n, label) in ["First", "Second"].iter().enumerate() {
        let mut s = hirewiz::session::Session::new(
            SessionId::parse(&format!("2025060{}-1200-abcd", n + 1)).unwrap(),
            &pack,
            Some(Label::parse(label).unwrap()),
            Timestamp::from_unix(1_748_779_200 + n as i64 * 86_400),
        );
        let w = Wizard::new(pack.clone());
        s.sync(&w, s.updated);
        store.save(&s, None).unwrap();
        ids.push(s.id.clone());
    }
    let listed = store.list().unwrap();
    let labels: Vec<_> = listed
        .iter()
        .map(|l| match l {
            Listed::Session(s) => s.label.clone().unwrap(),
            Listed::Unreadable { .. } => panic!("{l:?}"),
        })
        .collect();
    assert_eq!(labels, ["Second", "First"]);
    assert_eq!(store.find("20250601").unwrap().0.id, ids[0]);
    let err = store.find("2025060").unwrap_err();
    assert!(matches!(err, SessionError::Ambiguous { .. }), "{err}");
    let err = store.find("nothing").unwrap_err();
    assert!(matches!(err, SessionError::NotFound { .. }), "{err}");
    assert_eq!(store.latest_in_progress().unwrap().id, ids[1]);
}

#[test]
fn answers_with_awkward_text_survive_the_file() {
    let pack = pack();
    let mut s = hirewiz::session::Session::new(
        SessionId::parse("awkward").unwrap(),
        &pack,
        None,
        Timestamp::from_unix(0),
    );
    for text in [
        "yes",
        "no",
        "on",
        "null",
        "~",
        "1.0",
        "0x1f",
        "a, b",
        "x: y",
        "[",
        "{",
        "#c",
        "'",
        "\"",
        "é ü",
        "",
        " lead",
        "-",
        "a\\b",
        "2025-06-01",
    ] {
        s.history.push(Recorded {
            at: Timestamp::from_unix(0),
            event: SavedEvent::Answer {
                question: text.to_string(),
                answer: serde_json::json!([text, text]),
            },
            pos: Default::default(),
        });
    }
    let yaml = format::to_yaml(&s);
    assert_eq!(format::from_text("s", &yaml).unwrap(), s, "{yaml}");
}

/// The ways a session file gets broken, each with what its message must say.
fn broken_files(good: &str) -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let alias_bomb = {
        let mut s = String::from("format: hirewiz-session/1\na: &a [x, x, x, x, x, x, x, x, x]\n");
        let mut prev = "a".to_string();
        for n in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            s.push_str(&format!(
                "{n}: &{n} [{}]\n",
                vec![format!("*{prev}"); 9].join(", ")
            ));
            prev = n.to_string();
        }
        s
    };
    let history_at = good.find("history:").unwrap();
    vec![
        (
            "truncated",
            good.as_bytes()[..good.len() * 2 / 3].to_vec(),
            "",
        ),
        (
            "wrong version",
            good.replace("hirewiz-session/1", "hirewiz-session/2")
                .into_bytes(),
            "format `hirewiz-session/2`",
        ),
        (
            "binary junk",
            (0u8..128).cycle().take(4096).collect(),
            "control characters",
        ),
        (
            "invalid UTF-8",
            [good.as_bytes(), b"\xff\xfe\xfd"].concat(),
            "not UTF-8",
        ),
        ("empty", Vec::new(), "file is empty"),
        (
            "alias bomb",
            alias_bomb.into_bytes(),
            "anchors and aliases repeat more than",
        ),
        (
            "deep nesting",
            format!("format: hirewiz-session/1\nx: {}", "[".repeat(10_000)).into_bytes(),
            "nesting is deeper",
        ),
        (
            "wrong types",
            good.replace("status: complete", "status: [complete]")
                .into_bytes(),
            "`status` must be text, found a list",
        ),
        (
            "history not a list",
            format!("{}history: 3\n", &good[..history_at]).into_bytes(),
            "`history` must be a list",
        ),
        (
            "no format",
            good.replace("format: hirewiz-session/1\n", "").into_bytes(),
            "no `format: hirewiz-session/1`",
        ),
        (
            "not a mapping",
            b"- just\n- a list\n".to_vec(),
            "expected a mapping",
        ),
        (
            "unknown event",
            good.replacen("event: next", "event: skip", 1).into_bytes(),
            "unknown event `skip`",
        ),
        (
            "jump without question",
            good.replacen("event: jump, question: team_size", "event: jump", 1)
                .into_bytes(),
            "`question` is missing",
        ),
        (
            "bad time",
            good.replacen("at: 20", "at: 19x", 1).into_bytes(),
            "is not a time",
        ),
        (
            "complete without result",
            good[..good.find("result:").unwrap()]
                .to_string()
                .into_bytes()
                .into_iter()
                .chain(good[good.find("answers:").unwrap()..].bytes())
                .collect(),
            "has no `result`",
        ),
        (
            "id not matching the file name",
            good.replacen("id: ", "id: other-", 1).into_bytes(),
            "is named after",
        ),
        (
            "two documents",
            format!("{good}---\n{good}").into_bytes(),
            "more than one YAML document",
        ),
    ]
}

/// Broken in a way only the pack can tell: the file reads, the replay refuses it.
fn broken_histories(good: &str) -> Vec<(&'static str, String, &'static str)> {
    vec![
        (
            "unknown question id",
            good.replacen("question: team_size", "question: headcount", 1),
            "unknown question `headcount`",
        ),
        (
            "answer out of range",
            good.replacen(
                "question: team_size, answer: 5",
                "question: team_size, answer: 500",
                1,
            ),
            "must be between 1 and 50",
        ),
        (
            "unknown option",
            good.replacen("answer: short", "answer: forever", 1),
            "unknown option `forever`",
        ),
        (
            "answers disagree with history",
            good.replacen("  team_size: 8", "  team_size: 9", 1),
            "the history gives 8",
        ),
        (
            "event that cannot happen",
            good.replacen("event: back}", "event: jump, question: has_lead}", 1),
            "cannot be played",
        ),
    ]
}

fn stamp(p: &Path) -> (Vec<u8>, std::time::SystemTime) {
    (
        std::fs::read(p).unwrap(),
        std::fs::metadata(p).unwrap().modified().unwrap(),
    )
}

#[test]
fn broken_files_are_reported_with_their_name_and_never_modified() {
    let (_dir, store) = store();
    let good_path = saved_session(&store);
    let good = std::fs::read_to_string(&good_path).unwrap();
    let id = SessionId::parse(good_path.file_stem().unwrap().to_str().unwrap()).unwrap();
    let cases = broken_files(&good);
    assert!(cases.len() >= 10);
    for (name, bytes, expect) in cases {
        std::fs::write(&good_path, &bytes).unwrap();
        let before = stamp(&good_path);
        let shown = good_path.to_string_lossy().to_string();

        let err = store.load(&id).expect_err(name).to_string();
        assert!(err.contains(&shown), "{name}: {err}");
        assert!(err.contains(expect), "{name}: expected `{expect}` in {err}");

        match store.list().unwrap().as_slice() {
            [Listed::Unreadable { path, reason }] => {
                assert_eq!(path, &good_path, "{name}");
                assert!(!reason.is_empty(), "{name}");
            }
            other => panic!("{name}: {other:?}"),
        }

        // A recorder holding this session refuses to save over the broken file.
        let pack = pack();
        let mut s = format::from_text("good", &good).unwrap();
        s.history.clear();
        let mut w = Wizard::new(pack.clone());
        w.apply(&Event::Next).unwrap();
        s.push(&Event::Next, &w, Timestamp::now());
        let err = store.save(&s, Some(0)).expect_err(name);
        assert!(
            matches!(
                err,
                SessionError::WouldOverwrite { .. } | SessionError::Conflict { .. }
            ),
            "{name}: {err}"
        );
        assert_eq!(stamp(&good_path), before, "{name}: file was modified");
    }

    for (name, text, expect) in broken_histories(&good) {
        assert_ne!(text, good, "{name}: the case did not change the file");
        std::fs::write(&good_path, &text).unwrap();
        let before = stamp(&good_path);
        let (s, path) = store.find(id.as_str()).expect(name);
        let err = replay::replay(&s, pack(), &path.to_string_lossy())
            .expect_err(name)
            .to_string();
        assert!(err.contains(&*good_path.to_string_lossy()), "{name}: {err}");
        assert!(err.contains(expect), "{name}: expected `{expect}` in {err}");
        assert_eq!(stamp(&good_path), before, "{name}: file was modified");
    }
}

#[test]
fn an_unreadable_file_does_not_break_the_listing() {
    let (_dir, store) = store();
    let good = saved_session(&store);
    std::fs::write(store.dir().join("junk.yaml"), b"\x00\x01").unwrap();
    std::fs::write(store.dir().join("notes.txt"), b"ignored").unwrap();
    std::fs::create_dir(store.dir().join("folder.yaml")).unwrap();
    let listed = store.list().unwrap();
    assert_eq!(listed.len(), 3, "{listed:?}");
    assert!(matches!(&listed[0], Listed::Session(s) if s.path == good));
    assert!(
        listed[1..]
            .iter()
            .all(|l| matches!(l, Listed::Unreadable { .. }))
    );
}

/// Runs as the child of `saves_killed_at_random_moments_leave_a_readable_file`: saves
/// the session in `HIREWIZ_KILL_TEST_DIR` over and over, printing `saved N` after each.
#[test]
fn kill_test_child() {
    let Some(dir) = std::env::var_os("HIREWIZ_KILL_TEST_DIR") else {
        return;
    };
    let store = Store::in_data_dir(Path::new(&dir));
    let pack = pack();
    let tq = q(&pack, "team_size");
    let (mut rec, mut w) = match store.list().unwrap().first() {
        Some(Listed::Session(s)) => {
            let session = store.load(&s.id).unwrap();
            let r = replay::replay(&session, pack.clone(), "s").unwrap();
            let w = r.final_state().clone();
            (Recorder::resume(store.clone(), session, &r), w)
        }
        _ => {
            let mut w = Wizard::new(pack.clone());
            let mut rec = Recorder::start(store.clone(), &pack, None);
            w.apply(&Event::Next).unwrap();
            rec.record(&Event::Next, &w).unwrap();
            println!("saved {}", rec.session().history.len());
            (rec, w)
        }
    };
    loop {
        let n = rec.session().history.len();
        let e = Event::Answer {
            question: tq,
            answer: Answer::Number(1 + (n as i64 % 50)),
        };
        w.apply(&e).unwrap();
        rec.record(&e, &w).unwrap();
        println!("saved {}", rec.session().history.len());
    }
}

#[test]
fn saves_killed_at_random_moments_leave_a_readable_file() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::in_data_dir(dir.path());
    let exe = std::env::current_exe().unwrap();
    let mut total_saves = 0usize;
    let mut kills = 0usize;
    let mut durable = 0usize;
    let mut seed = std::process::id() as u64 | 1;
    let mut rand = move |n: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % n
    };
    while total_saves < 200 || kills < 20 {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "kill_test_child",
                "--nocapture",
                "--test-threads=1",
            ])
            .env("HIREWIZ_KILL_TEST_DIR", dir.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        // Wait for a random number of completed saves, then kill mid-flight after a
        // random short spin, so the kill lands anywhere in the next save.
        let want = 1 + rand(15) as usize;
        let mut seen = 0;
        for line in lines.by_ref() {
            let line = line.unwrap();
            if let Some(n) = line.strip_prefix("saved ") {
                durable = n.parse().unwrap();
                seen += 1;
                if seen >= want {
                    break;
                }
            }
        }
        assert!(seen > 0, "the child saved nothing");
        let spin = std::time::Instant::now();
        let spin_for = std::time::Duration::from_micros(rand(3000));
        while spin.elapsed() < spin_for {
            std::hint::spin_loop();
        }
        child.kill().unwrap();
        child.wait().unwrap();
        kills += 1;
        total_saves += seen;

        let listed = store.list().unwrap();
        let [Listed::Session(s)] = listed.as_slice() else {
            panic!("after kill {kills}: {listed:?}");
        };
        let session = session::store::read_file(&s.path).unwrap();
        assert!(
            session.history.len() >= durable,
            "a completed save was lost: {} < {durable}",
            session.history.len()
        );
        replay::replay(&session, pack(), "s").unwrap();
    }
    assert!(total_saves >= 200);
}

/// The offer to resume reads only the top lines of each file to order them, yet picks
/// exactly what a full listing would: the most recently updated unfinished session that
/// loads, whatever the file names, the way a file is written, or the broken files around.
#[test]
fn the_latest_unfinished_session_is_found_without_reading_every_file_whole() {
    let (dir, store) = store();
    let pack = pack();
    let save = |id: &str, day: i64, finished: bool| -> PathBuf {
        let mut s = hirewiz::session::Session::new(
            SessionId::parse(id).unwrap(),
            &pack,
            None,
            Timestamp::from_unix(1_748_779_200 + day * 86_400),
        );
        let mut w = Wizard::new(pack.clone());
        if finished {
            w.apply(&Event::Finish).unwrap();
            s.push(&Event::Finish, &w, s.updated);
        }
        s.sync(&w, s.updated);
        store.save(&s, None).unwrap();
        store.path_of(&s.id)
    };
    // Names sort one way, times the other.
    save("20250601-1200-aaaa", 5, false);
    save("20250609-1200-zzzz", 1, false);
    save("20250610-1200-done", 9, true);
    let latest = || store.latest_in_progress().map(|s| s.id.to_string());
    let listed = || {
        store.list().unwrap().into_iter().find_map(|l| match l {
            Listed::Session(s) if s.status == hirewiz::session::Status::InProgress => {
                Some(s.id.to_string())
            }
            _ => None,
        })
    };
    assert_eq!(latest().as_deref(), Some("20250601-1200-aaaa"));
    assert_eq!(latest(), listed());

    // A newer one written by hand with a quoted status is parsed whole, and found.
    let quoted = save("20250602-1200-qqqq", 7, false);
    let text = std::fs::read_to_string(&quoted).unwrap();
    let text = text.replace("status: in_progress", "status: 'in_progress'");
    std::fs::write(&quoted, text).unwrap();
    assert_eq!(latest().as_deref(), Some("20250602-1200-qqqq"));
    assert_eq!(latest(), listed());

    // A newer one whose top lines look fine but that does not load is passed over,
    // and so is a file named after another session.
    let broken = save("20250603-1200-bbbb", 8, false);
    let text = std::fs::read_to_string(&broken).unwrap();
    std::fs::write(&broken, format!("{text}answers: [not, a, mapping]\n")).unwrap();
    let misnamed = dir.path().join("sessions/20250604-1200-mmmm.yaml");
    std::fs::copy(&quoted, &misnamed).unwrap();
    let text = std::fs::read_to_string(&misnamed).unwrap();
    std::fs::write(
        &misnamed,
        text.replace("updated: 2025-06-08", "updated: 2025-06-20"),
    )
    .unwrap();
    assert_eq!(latest().as_deref(), Some("20250602-1200-qqqq"));
    assert_eq!(latest(), listed());
    assert_eq!(
        store.to_resume(None).unwrap().0.id.to_string(),
        "20250602-1200-qqqq"
    );
    // The iterator goes on in order to the older ones.
    let all: Vec<String> = store.in_progress().map(|(s, _)| s.id.to_string()).collect();
    assert_eq!(
        all,
        [
            "20250602-1200-qqqq",
            "20250601-1200-aaaa",
            "20250609-1200-zzzz"
        ]
    );
}
