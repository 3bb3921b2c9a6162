//! A session stays openable however long it grows: once large, the steps that only led
//! back to where they started are left out; it is capped, with a clear message, before
//! what the reader accepts; and a session at its cap still resumes, replays and exports.
//! Saving stays quick at every size.

use assert_cmd::Command;
use hirewiz::pack::{self, Answer, Pack};
use hirewiz::session::format::{self, HistoryText};
use hirewiz::session::{
    Recorded, Recorder, SavedEvent, Session, SessionError, SessionId, Status, Store, Timestamp,
    replay,
};
use hirewiz::wizard::{Event, Wizard};
use std::sync::Arc;
use std::time::{Duration, Instant};

/// Twenty options with long ids: answered ten at a time, a session can grow to its
/// size in bytes, one new state after another, with few steps.
fn pack_text() -> String {
    let options: String = (0..20)
        .map(|i| format!("          - {{id: {}, label: Option {i}}}\n", option(i)))
        .collect();
    format!(
        r#"
pack:
  id: picking
  version: "1.0.0"
  title: Picking
  description: A pack whose sessions can grow without ever coming back to a state.
candidates:
  - {{id: few, name: Few}}
  - {{id: many, name: Many}}
sections:
  - id: main
    title: Main
    questions:
      - id: picks
        prompt: Which ones?
        help: Any of them.
        kind: multiple
        options:
{options}        min: 1
        max: 20
        default: [{first}]
      - id: sure
        prompt: Are you sure?
        help: Say so.
        kind: yes_no
        default: true
rules:
  - id: many
    when: {{contains: {{picks: {last}}}}}
    points: {{many: 2}}
    reason: The last one counts.
  - id: sure
    when: {{equals: {{sure: true}}}}
    points: {{few: 1}}
    reason: Being sure helps.
"#,
        first = option(0),
        last = option(19),
    )
}

fn option(i: usize) -> String {
    format!("option-{i:02}-{}", "x".repeat(54))
}

const T0: i64 = 1_748_788_205;

fn picking() -> Arc<Pack> {
    Arc::new(pack::load_texts(&[("picking.yaml".to_string(), pack_text())]).unwrap())
}

/// The `k`-th choice of ten options out of twenty (each a new state), the last included.
fn pick(k: usize) -> Event {
    let mut found = 0;
    let bits = (0u32..1 << 19)
        .map(|b| b | 1 << 19)
        .filter(|b| b.count_ones() == 10)
        .find(|_| {
            found += 1;
            found > k
        })
        .expect("enough choices");
    Event::Answer {
        question: 0,
        answer: Answer::Choices((0..20).filter(|i| bits & 1 << i != 0).collect()),
    }
}

/// Every choice of ten out of twenty with the last included, in order.
fn picks() -> impl Iterator<Item = Event> {
    (0u32..1 << 19)
        .map(|b| b | 1 << 19)
        .filter(|b| b.count_ones() == 10)
        .map(|bits| Event::Answer {
            question: 0,
            answer: Answer::Choices((0..20).filter(|i| bits & 1 << i != 0).collect()),
        })
}

/// A session of `events` recorded one after the other, built in memory.
fn session_of(pack: &Arc<Pack>, id: &str, events: impl Iterator<Item = Event>) -> Session {
    let mut s = Session::new(
        SessionId::parse(id).unwrap(),
        pack,
        None,
        Timestamp::from_unix(T0),
    );
    let mut w = Wizard::new(pack.clone());
    for (i, event) in events.enumerate() {
        w.apply(&event).unwrap();
        s.history.push(Recorded {
            at: Timestamp::from_unix(T0 + i as i64 / 50),
            event: SavedEvent::of(&event, pack),
            pos: Default::default(),
        });
    }
    let at = s.history.last().map_or(s.updated, |r| r.at);
    s.sync(&w, at);
    s
}

#[test]
fn a_session_grown_to_its_cap_still_resumes_replays_and_exports() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let pack_file = dir.path().join("picking.yaml");
    std::fs::write(&pack_file, pack_text()).unwrap();
    let store = Store::in_data_dir(&data);
    let pack = picking();
    let id = "20250601-1430-big1";

    // Grow it to a few steps short of the cap: every step a new state, so that nothing
    // can be left out, and each one line of the same length and count of values.
    let one = |n: usize| {
        format::write(
            &session_of(&pack, id, picks().take(n)),
            &mut HistoryText::default(),
        )
    };
    let (a, b) = (one(2), one(1));
    let (line, values) = (a.text.len() - b.text.len(), a.values - b.values);
    let cap = |limit: usize| limit / 16 * 15;
    let limits = hirewiz::yaml::Limits::default();
    let room = ((cap(limits.max_bytes) - b.text.len()) / line + 1)
        .min((cap(limits.max_nodes) - b.values) / values + 1);
    let steps = room - 2;
    store
        .save(&session_of(&pack, id, picks().take(steps)), None)
        .unwrap();
    let path = store.path_of(&SessionId::parse(id).unwrap());

    // Resumed, it takes steps until the next would not fit, and says so; every save is
    // quick, the one that looks for steps to leave out included.
    let (loaded, _) = store.find(id).unwrap();
    let played = replay::replay(&loaded, pack.clone(), "big").unwrap();
    let mut w = played.final_state().clone();
    let mut rec = Recorder::resume(store.clone(), loaded, &played);
    let mut next_pick = steps;
    let full = loop {
        let e = pick(next_pick);
        next_pick += 1;
        let mut next = w.clone();
        next.apply(&e).unwrap();
        let t = Instant::now();
        let saved = rec.record(&e, &next);
        assert!(t.elapsed() < Duration::from_secs(15), "{:?}", t.elapsed());
        match saved {
            Ok(_) => w = next,
            Err(e) => break e,
        }
        assert!(next_pick < room + 5, "never capped");
    };
    let SessionError::Full { events, .. } = &full else {
        panic!("{full}");
    };
    assert!(full.to_string().contains("largest size"), "{full}");
    assert!(
        full.to_string().contains(&*path.to_string_lossy()),
        "{full}"
    );
    assert_eq!(*events, rec.session().history.len());
    assert_eq!(*events, room);
    assert!(std::fs::metadata(&path).unwrap().len() <= cap(limits.max_bytes) as u64);
    // The refused step changed nothing, and later saves still work.
    rec.set_label(Some("Still here")).unwrap();
    let recorded = rec.session().clone();
    drop(rec);

    // At its cap it loads as it was recorded and replays to where it stopped, and the
    // headless commands read it.
    let (at_cap, _) = store.find(id).unwrap();
    assert_eq!(at_cap, recorded);
    let again = replay::replay(&at_cap, pack.clone(), "big").unwrap();
    assert_eq!(again.final_state(), &w);
    // Every step, and the label, which is recorded too (a shorter line than a step).
    assert_eq!(again.steps.len(), room + 1);
    let out = dir.path().join("big.md");
    Command::cargo_bin("hirewiz")
        .unwrap()
        .env_remove("HIREWIZ_DATA_DIR")
        .arg("--data-dir")
        .arg(&data)
        .arg("--pack")
        .arg(&pack_file)
        .args(["export", id, "-o"])
        .arg(&out)
        .assert()
        .success();
    assert!(std::fs::read_to_string(&out).unwrap().contains("Many"));
    assert_eq!(at_cap.status, Status::InProgress);
}

#[test]
fn a_session_that_goes_back_and_forth_for_long_is_kept_small_and_replays_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::in_data_dir(dir.path());
    let pack = picking();
    let id = "20250601-1430-long";
    // Two answers given in turn, over and over: past three quarters of what a file may
    // hold, well before its cap.
    let turn = |i: usize| pick(i % 2);
    let one = |n: usize| {
        format::write(
            &session_of(&pack, id, (0..n).map(turn)),
            &mut HistoryText::default(),
        )
    };
    let (a, b) = (one(2), one(1));
    let line = a.text.len() - b.text.len();
    let limits = hirewiz::yaml::Limits::default();
    let n = (limits.max_bytes / 4 * 3 - b.text.len()) / line + 10;
    let long = session_of(&pack, id, (0..n).map(turn));
    assert!(!format::write(&long, &mut HistoryText::default()).within((3, 4)));
    let first = long.history[0].clone();
    let played = replay::replay(&long, pack.clone(), "long").unwrap();
    let mut w = played.final_state().clone();
    let mut rec = Recorder::resume(store.clone(), long, &played);

    let e = turn(n);
    w.apply(&e).unwrap();
    let t = Instant::now();
    rec.record(&e, &w).unwrap();
    assert!(t.elapsed() < Duration::from_secs(15), "{:?}", t.elapsed());
    // Only the steps that came back to where they started are left out.
    let kept = &rec.session().history;
    assert!(kept.len() <= 2, "{}", kept.len());
    assert_eq!(kept[0], first, "each step keeps its time");
    assert!(std::fs::metadata(rec.path()).unwrap().len() < 10_000);
    let (saved, path) = store.find(id).unwrap();
    let again = replay::replay(&saved, pack.clone(), &path.to_string_lossy()).unwrap();
    assert_eq!(again.final_state(), &w);
    assert!(replay::drift(&saved, &again).is_same());
}
