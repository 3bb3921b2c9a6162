//! Session files written by earlier versions of hirewiz still load, to the very same
//! data, and still play back on the pack they were answered with.
//!
//! `tests/sessions/v1/` keeps files as hirewiz wrote them (and one as a person might
//! edit one) while its reader was written by hand: each `NAME.yaml` beside `NAME.json`,
//! the data it loaded to then, every field and the place of every event and answer
//! included. Both were made by that hirewiz; neither is to be regenerated.

mod session_support;

use hirewiz::session::{SavedEvent, Session, Status, format, replay};
use serde_json::{Value, json};
use session_support::*;
use std::path::{Path, PathBuf};

/// Everything a loaded session holds, as plain data that does not depend on how the
/// types are built.
fn describe(s: &Session) -> Value {
    let at = |p: hirewiz::yaml::Pos| json!([p.line, p.col]);
    json!({
        "id": s.id.as_str(),
        "label": s.label.as_ref().map(|l| l.as_str()),
        "created": s.created.unix(),
        "updated": s.updated.unix(),
        "status": s.status.as_str(),
        "pack": {"id": s.pack.id, "version": s.pack.version, "hash": s.pack.hash},
        "answers": s.answers.iter().map(|a| json!({
            "question": a.question, "value": a.value, "pos": at(a.pos),
        })).collect::<Vec<_>>(),
        "history": s.history.iter().map(|r| {
            let (question, answer) = match &r.event {
                SavedEvent::Answer { question, answer } => (Some(question.clone()), Some(answer.clone())),
                SavedEvent::Jump { question } => (Some(question.clone()), None),
                SavedEvent::Next | SavedEvent::Back | SavedEvent::Finish => (None, None),
                // Written since the fixtures were: kept apart so the fixtures' text is unchanged.
                SavedEvent::Settle { questions } => (None, Some(json!(questions))),
                SavedEvent::Label { label } => (None, Some(json!(label))),
                SavedEvent::Export { file } => (None, Some(json!(file))),
            };
            json!({
                "at": r.at.unix(), "event": r.event.name(), "question": question,
                "answer": answer, "pos": at(r.pos),
            })
        }).collect::<Vec<_>>(),
        "result": s.result.as_ref().map(|r| json!({
            "at": r.at.unix(), "winner": r.winner, "margin": r.margin, "tie": r.tie,
            "close": r.close,
            "standings": r.standings.iter().map(|st| json!({
                "candidate": st.candidate, "name": st.name, "points": st.points,
                "vetoed": st.vetoed,
            })).collect::<Vec<_>>(),
        })),
    })
}

fn fixtures() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sessions/v1");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    files.sort();
    files
}

#[test]
fn old_session_files_load_to_the_same_data() {
    let files = fixtures();
    assert!(files.len() >= 3, "{files:?}");
    for file in files {
        let name = file.display().to_string();
        let session = hirewiz::session::store::read_file(&file).unwrap_or_else(|e| panic!("{e}"));
        let expected: Value =
            serde_json::from_str(&std::fs::read_to_string(file.with_extension("json")).unwrap())
                .unwrap();
        assert_eq!(describe(&session), expected, "{name}");
        // Written again, it reads back the same.
        let again = format::to_yaml(&session);
        assert_eq!(
            format::from_text(&name, &again).unwrap(),
            session,
            "{again}"
        );
    }
}

#[test]
fn old_session_files_still_play_back() {
    for file in fixtures() {
        let session = hirewiz::session::store::read_file(&file).unwrap();
        if session.pack.hash != hirewiz::session::PackIdentity::of(&pack()).hash {
            continue;
        }
        let name = file.display().to_string();
        let r = replay::replay(&session, pack(), &name).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(r.steps.len(), session.history.len(), "{name}");
        assert_eq!(r.finished(), session.status == Status::Complete, "{name}");
        assert!(replay::drift(&session, &r).is_same(), "{name}");
    }
}
