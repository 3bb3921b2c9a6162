//! Recording, resuming and replaying sessions: every step is saved, a resumed session
//! stands exactly where the user stopped, and a replay reproduces the final state, or
//! says what changed when the pack did.

mod session_support;

use hirewiz::session::{self, Recorder, Status, Store, format, replay};
use hirewiz::wizard::{Event, Step, Wizard};
use session_support::*;

fn store() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::in_data_dir(dir.path());
    (dir, store)
}

#[test]
fn every_recorded_event_is_saved_at_once() {
    let (_dir, store) = store();
    let pack = pack();
    let mut rec = Recorder::start(store.clone(), &pack, None);
    let mut n = 0;
    walk(pack.clone(), &winding_walk(&pack), |e, w| {
        let path = rec.record(e, w).unwrap();
        n += 1;
        let on_disk = session::store::read_file(&path).unwrap();
        assert_eq!(on_disk.history.len(), n, "after event {n}");
        assert_eq!(&on_disk, rec.session());
        assert!(rec.is_saved());
    });
}

#[test]
fn nothing_is_written_before_the_first_event() {
    let (_dir, store) = store();
    let rec = Recorder::start(store.clone(), &pack(), None);
    assert!(!rec.path().exists());
    assert!(store.list().unwrap().is_empty());
}

#[test]
fn a_resumed_session_continues_at_the_question_with_every_answer() {
    let (_dir, store) = store();
    let pack = pack();
    let events = winding_walk(&pack);
    let mut rec = Recorder::start(store.clone(), &pack, None);
    // Stop after answering has_lead, before moving on.
    let stopped = walk(pack.clone(), &events[..8], |e, w| {
        rec.record(e, w).unwrap();
    });
    assert_eq!(stopped.step(), Step::Question(q(&pack, "has_lead")));

    let (loaded, path) = store.find(rec.session().id.as_str()).unwrap();
    assert_eq!(loaded.status, Status::InProgress);
    let r = replay::replay(&loaded, pack.clone(), &path.to_string_lossy()).unwrap();
    let resumed = r.final_state();
    assert_eq!(resumed, &stopped);
    assert_eq!(resumed.step(), Step::Question(q(&pack, "has_lead")));
    assert_eq!(resumed.answers(), stopped.answers());
    assert!(r.pack_change.is_none());

    // Carry on in the same file and finish.
    let mut rec = Recorder::resume(store.clone(), loaded, &r);
    let mut w = resumed.clone();
    for e in &events[8..] {
        w.apply(e).unwrap();
        rec.record(e, &w).unwrap();
    }
    assert_eq!(rec.path(), path);
    let done = session::store::read_file(&path).unwrap();
    assert_eq!(done.status, Status::Complete);
    assert_eq!(done.history.len(), events.len());
    assert!(done.result.is_some());
}

#[test]
fn replay_with_back_steps_and_changed_answers_reproduces_the_final_state() {
    let (_dir, store) = store();
    let pack = pack();
    let events = winding_walk(&pack);
    let mut rec = Recorder::start(store.clone(), &pack, None);
    let mut states: Vec<Wizard> = Vec::new();
    let last = walk(pack.clone(), &events, |e, w| {
        rec.record(e, w).unwrap();
        states.push(w.clone());
    });
    assert_eq!(last.step(), Step::Done);

    let loaded = store.load(&rec.session().id).unwrap();
    let r = replay::replay(&loaded, pack.clone(), "s").unwrap();
    assert!(r.skipped.is_empty());
    assert_eq!(r.steps.len(), events.len());
    for (step, (event, state)) in r.steps.iter().zip(events.iter().zip(&states)) {
        assert_eq!(step.event.step(), Some(event));
        assert_eq!(&step.state, state, "after {event:?}");
    }
    assert_eq!(r.final_state(), &last);
    assert!(r.finished());
    let cmp = replay::drift(&loaded, &r);
    assert!(cmp.is_same(), "{cmp:?}");
    assert_eq!(cmp.current.winner, "in_house");
}

#[test]
fn a_pack_change_and_a_changed_result_are_reported() {
    let (_dir, store) = store();
    let pack = pack();
    let mut rec = Recorder::start(store.clone(), &pack, None);
    walk(pack.clone(), &winding_walk(&pack), |e, w| {
        rec.record(e, w).unwrap();
    });
    let loaded = store.load(&rec.session().id).unwrap();

    let changed = changed_pack();
    let r = replay::replay(&loaded, changed.clone(), "s").unwrap();
    let change = r.pack_change.as_ref().expect("pack change reported");
    assert_eq!(change.saved, loaded.pack);
    assert_ne!(change.saved.hash, change.current.hash);
    let cmp = replay::drift(&loaded, &r);
    let diff = cmp.result.expect("result change reported");
    assert_eq!(diff.saved.winner, "in_house");
    assert_eq!(diff.current.winner, "agency");
    assert!(diff.winner_changed());
}

#[test]
fn a_removed_question_is_skipped_on_a_changed_pack_and_resume_forks() {
    let (_dir, store) = store();
    let pack = pack();
    let mut rec = Recorder::start(store.clone(), &pack, None);
    walk(pack.clone(), &winding_walk(&pack)[..6], |e, w| {
        rec.record(e, w).unwrap();
    });
    let old_path = rec.path();
    let before = std::fs::read(&old_path).unwrap();
    let loaded = store.load(&rec.session().id).unwrap();

    let text = PACK.replace("id: team_size", "id: engineers");
    let other = std::sync::Arc::new(
        hirewiz::pack::load_texts(&[("staffing.yaml".to_string(), text)]).unwrap(),
    );
    let r = replay::replay(&loaded, other.clone(), "s").unwrap();
    assert_eq!(r.skipped.len(), 1);
    assert!(r.skipped[0].reason.contains("unknown question `team_size`"));

    let mut resumed = Recorder::resume(store.clone(), loaded.clone(), &r);
    assert_ne!(resumed.session().id, loaded.id);
    resumed.save().unwrap();
    assert_eq!(
        std::fs::read(&old_path).unwrap(),
        before,
        "old file untouched"
    );
    let fresh = store.load(&resumed.session().id).unwrap();
    let again = replay::replay(&fresh, other, "s").unwrap();
    assert!(again.pack_change.is_none() && again.skipped.is_empty());
    assert_eq!(again.final_state(), r.final_state());
}

/// Reaching the result and pressing `b` to look again leaves the session finished: the
/// listing says complete and replay does not call it "saved before its result".
#[test]
fn going_back_from_the_result_leaves_the_session_finished() {
    let (_dir, store) = store();
    let pack = pack();
    let mut rec = Recorder::start(store.clone(), &pack, None);
    let mut w = walk(pack.clone(), &winding_walk(&pack), |e, w| {
        rec.record(e, w).unwrap();
    });
    assert_eq!(rec.session().status, Status::Complete);
    let result = rec.session().result.clone();
    // Back to the review, back to the last question, and forward again without a change.
    for e in [Event::Back, Event::Back, Event::Next] {
        w.apply(&e).unwrap();
        rec.record(&e, &w).unwrap();
        assert_eq!(rec.session().status, Status::Complete, "after {e:?}");
    }
    let s = store.load(&rec.session().id).unwrap();
    assert_eq!(s.status, Status::Complete);
    assert_eq!(s.result, result);
    let r = replay::replay(&s, pack.clone(), "s").unwrap();
    assert!(r.finished());
    assert_eq!(r.final_state().step(), Step::Review);
    let remarks = replay::drift(&s, &r).remarks(s.status == Status::InProgress);
    assert!(
        !remarks
            .warnings
            .iter()
            .any(|w| w.contains("before its result")),
        "{remarks:?}"
    );
}

/// A changed answer after the result has no result yet: the session is unfinished
/// again, and resume offers it.
#[test]
fn changing_an_answer_after_the_result_reopens_the_session() {
    let (_dir, store) = store();
    let pack = pack();
    let mut rec = Recorder::start(store.clone(), &pack, None);
    let mut w = walk(pack.clone(), &winding_walk(&pack), |e, w| {
        rec.record(e, w).unwrap();
    });
    let Step::Done = w.step() else { panic!() };
    let changed = Event::Answer {
        question: q(&pack, "has_lead"),
        answer: hirewiz::pack::Answer::Bool(false),
    };
    for e in [Event::Back, Event::Jump(q(&pack, "has_lead")), changed] {
        w.apply(&e).unwrap();
        rec.record(&e, &w).unwrap();
    }
    let s = store.load(&rec.session().id).unwrap();
    assert_eq!(s.status, Status::InProgress);
    assert!(s.result.is_none());
    let r = replay::replay(&s, pack.clone(), "s").unwrap();
    assert!(!r.finished());
    assert_eq!(store.to_resume(None).unwrap().0.id, s.id);
    // Answering it back as it was still leaves it to be finished again.
    let back = Event::Answer {
        question: q(&pack, "has_lead"),
        answer: hirewiz::pack::Answer::Bool(true),
    };
    w.apply(&back).unwrap();
    rec.record(&back, &w).unwrap();
    assert_eq!(rec.session().status, Status::InProgress);
    for e in [Event::Next, Event::Next] {
        w.apply(&e).unwrap();
        rec.record(&e, &w).unwrap();
    }
    assert_eq!(w.step(), Step::Done);
    assert_eq!(rec.session().status, Status::Complete);
}

/// Labels and exports are kept in the history: the file reads back, replay lists them
/// at their place without changing a state, and the listing tells an export.
#[test]
fn labels_and_exports_are_recorded_events() {
    use hirewiz::session::SavedEvent;
    use hirewiz::session::replay::Played;
    let (_dir, store) = store();
    let pack = pack();
    let events = winding_walk(&pack);
    let mut rec = Recorder::start(store.clone(), &pack, None);
    let w = walk(pack.clone(), &events[..2], |e, w| {
        rec.record(e, w).unwrap();
    });
    rec.set_label(Some("Acme")).unwrap();
    // The same label again records nothing.
    rec.set_label(Some("Acme")).unwrap();
    let mut w2 = w.clone();
    for e in &events[2..] {
        w2.apply(e).unwrap();
        rec.record(e, &w2).unwrap();
    }
    rec.exported("acme.md").unwrap();
    rec.set_label(None).unwrap();
    let s = store.load(&rec.session().id).unwrap();
    let notes: Vec<&SavedEvent> = s
        .history
        .iter()
        .map(|r| &r.event)
        .filter(|e| !e.is_step())
        .collect();
    assert_eq!(
        notes,
        [
            &SavedEvent::Label {
                label: Some("Acme".into())
            },
            &SavedEvent::Export {
                file: "acme.md".into()
            },
            &SavedEvent::Label { label: None },
        ]
    );
    assert_eq!(s.history.len(), events.len() + 3);
    assert_eq!(s.status, Status::Complete);
    let r = replay::replay(&s, pack.clone(), "s").unwrap();
    assert_eq!(r.steps.len(), events.len() + 3);
    assert_eq!(r.steps[2].event, Played::Labelled(Some("Acme".into())));
    assert_eq!(r.steps[2].state, r.steps[1].state);
    assert!(r.finished());
    let listed = store.list().unwrap();
    let [session::Listed::Session(summary)] = &listed[..] else {
        panic!("{listed:?}")
    };
    assert!(summary.exported.is_some());
    let said = s.milestones().unwrap();
    assert!(
        said.starts_with("Its result, ") && said.contains("the report was exported"),
        "{said}"
    );
}

/// Leaving out detours keeps the status: a stretch from the review to the result and
/// back is not a detour once the result was reached.
#[test]
fn leaving_out_detours_keeps_a_finished_session_finished() {
    let (_dir, store) = store();
    let pack = pack();
    let mut rec = Recorder::start(store.clone(), &pack, None);
    let mut w = walk(pack.clone(), &winding_walk(&pack), |e, w| {
        rec.record(e, w).unwrap();
    });
    for e in [Event::Back, Event::Back, Event::Next] {
        w.apply(&e).unwrap();
        rec.record(&e, &w).unwrap();
    }
    rec.exported("x.md").unwrap();
    let s = rec.session().clone();
    let shorter = replay::without_detours(&s, pack.clone()).unwrap();
    assert!(shorter.len() < s.history.len());
    let mut compact = s.clone();
    compact.history = shorter;
    let r = replay::replay(&compact, pack.clone(), "s").unwrap();
    assert!(r.finished());
    assert_eq!(r.final_state(), &w);
    assert!(compact.history.iter().any(|e| !e.event.is_step()));
}

#[test]
fn the_file_round_trips_and_reads_as_an_answers_file() {
    let pack = pack();
    let (_dir, store) = store();
    let mut rec = Recorder::start(store, &pack, None);
    rec.set_label(Some("Acme: \"yes\" # no")).unwrap();
    let w = walk(pack.clone(), &winding_walk(&pack), |e, w| {
        rec.record(e, w).unwrap();
    });
    let text = format::to_yaml(rec.session());
    assert!(text.starts_with("format: hirewiz-session/1\n"), "{text}");
    assert_eq!(&format::from_text("s", &text).unwrap(), rec.session());

    let read = hirewiz::answers::read_text(&pack, "s.yaml", &text).unwrap();
    assert!(read.warnings.is_empty(), "{:?}", read.warnings);
    assert_eq!(read.answers.effective(&pack), w.effective());
}

#[test]
fn a_second_recorder_on_the_same_file_is_refused_not_obeyed() {
    let (_dir, store) = store();
    let pack = pack();
    let events = winding_walk(&pack);
    let mut a = Recorder::start(store.clone(), &pack, None);
    let w = walk(pack.clone(), &events[..3], |e, w| {
        a.record(e, w).unwrap();
    });
    let loaded = store.load(&a.session().id).unwrap();
    let r = replay::replay(&loaded, pack.clone(), "s").unwrap();
    let mut b = Recorder::resume(store.clone(), loaded, &r);
    let mut wb = r.final_state().clone();
    wb.apply(&events[3]).unwrap();
    b.record(&events[3], &wb).unwrap();

    let mut wa = w.clone();
    wa.apply(&Event::Next).unwrap();
    let err = a.record(&Event::Next, &wa).unwrap_err();
    assert!(
        matches!(err, hirewiz::session::SessionError::Conflict { .. }),
        "{err}"
    );
    // Nothing typed is lost: the first recorder goes on in a file of its own.
    let forked = a.fork().unwrap();
    assert_ne!(forked, b.path());
    assert_eq!(session::store::read_file(&forked).unwrap().history.len(), 4);
    assert_eq!(
        session::store::read_file(&b.path()).unwrap().history.len(),
        4
    );
}
