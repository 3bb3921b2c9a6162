//! The terminal wizard's sessions, driven by keys as a user would, against a temporary
//! data folder: every step saved, resume where it stopped, labels, export, replay, and
//! session files that cannot be used.

mod session_support;

use hirewiz::pack::{Answer, Pack};
use hirewiz::session::{Status, Store, Timestamp};
use hirewiz::tui::{App, Autosave, Exit, Key, Launch, Msg, Overlay, Place, Theme, prepare, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use session_support::{changed_pack, choice, pack, q, walk, winding_walk};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use Key::*;

/// A run of the wizard: the app, its autosave, and the data folder they use.
struct Run {
    app: App,
    save: Autosave,
}

impl Run {
    fn start(pack: &Arc<Pack>, data: &Path, launch: Launch) -> Run {
        let (mut app, save) = prepare(
            pack.clone(),
            Some(data),
            &launch,
            Theme::colour(),
            Timestamp::now(),
        )
        .expect("the run starts");
        app.update(Msg::Resize(100, 32));
        Run { app, save }
    }

    /// Press keys, performing the app's effects after each as the I/O loop does.
    fn press(&mut self, keys: &[Key]) {
        for k in keys {
            let effects = self.app.update(Msg::Key(*k));
            self.save.perform(effects, &mut self.app);
        }
    }

    fn type_text(&mut self, s: &str) {
        for c in s.chars() {
            self.press(&[Char(c)]);
        }
    }

    fn screen(&self) -> String {
        let mut t = Terminal::new(TestBackend::new(100, 32)).expect("test backend");
        t.draw(|f| view(&self.app, f)).expect("draw");
        t.backend().to_string()
    }
}

fn session_files(data: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(data.join("sessions"))
        .map(|d| d.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    files.retain(|p| p.extension().is_some_and(|e| e == "yaml"));
    files.sort();
    files
}

fn only_session(data: &Path) -> hirewiz::session::Session {
    let files = session_files(data);
    assert_eq!(files.len(), 1, "{files:?}");
    hirewiz::session::store::read_file(&files[0]).expect("the session reads")
}

/// Start, pick "ongoing", set the team to 7, and stop at the next question.
fn answer_two(run: &mut Run) {
    run.press(&[Enter, Down, Enter]);
    run.press(&[Char('7'), Enter]);
}

#[test]
fn nothing_is_written_until_the_first_answer_then_every_step_is() {
    let pack = pack();
    let dir = tempfile::tempdir().unwrap();
    let mut run = Run::start(&pack, dir.path(), Launch::New);
    run.press(&[Enter, Down, Up, Char('?'), Esc]);
    assert!(session_files(dir.path()).is_empty());
    run.press(&[Down, Enter]);
    let s = only_session(dir.path());
    assert_eq!(s.history.len(), 2, "the answer and the move on");
    run.press(&[Left]);
    assert_eq!(
        only_session(dir.path()).history.len(),
        3,
        "back is saved too"
    );
}

#[test]
fn resume_continues_at_the_question_with_every_answer() {
    let pack = pack();
    let dir = tempfile::tempdir().unwrap();
    let mut run = Run::start(&pack, dir.path(), Launch::New);
    answer_two(&mut run);
    let stopped = run.app.place();
    assert_eq!(stopped, Place::Question(q(&pack, "has_lead")));
    run.press(&[Ctrl('c')]);
    assert_eq!(run.app.exit(), Some(Exit::Interrupted));

    // Start again: the welcome offers the session first, highlighted; Enter resumes it.
    let mut again = Run::start(&pack, dir.path(), Launch::New);
    assert_eq!(again.app.place(), Place::Welcome);
    let offer = again
        .app
        .offer()
        .expect("the unfinished session is offered");
    assert_eq!(offer.answered, 2);
    let text = again.screen();
    assert!(
        text.contains("› ") && text.contains("Resume session"),
        "{text}"
    );
    assert!(text.contains("stopped at question 3 of 4"), "{text}");
    assert!(text.contains("Start a new session"), "{text}");
    again.press(&[Enter]);
    assert_eq!(again.app.place(), stopped);
    let answers = again.app.wizard().answers();
    assert_eq!(
        answers.get(q(&pack, "engagement")),
        Some(&Answer::Choice(choice(&pack, "engagement", "ongoing")))
    );
    assert_eq!(answers.get(q(&pack, "team_size")), Some(&Answer::Number(7)));

    // Going on records into the same file, to the result.
    again.press(&[Char('y'), Enter, Enter]);
    assert_eq!(again.app.place(), Place::Result);
    let s = only_session(dir.path());
    assert_eq!(s.status, Status::Complete);

    // With nothing unfinished, nothing is offered.
    let third = Run::start(&pack, dir.path(), Launch::New);
    assert!(third.app.offer().is_none());
}

#[test]
fn the_second_choice_starts_a_new_session_and_keeps_the_old_one() {
    let pack = pack();
    let dir = tempfile::tempdir().unwrap();
    let mut run = Run::start(&pack, dir.path(), Launch::New);
    answer_two(&mut run);
    let mut again = Run::start(&pack, dir.path(), Launch::New);
    again.press(&[Down, Enter]);
    assert_eq!(again.app.place(), Place::Question(q(&pack, "engagement")));
    assert_eq!(
        again.app.wizard().answers().get(q(&pack, "team_size")),
        None
    );
    again.press(&[Enter]);
    assert_eq!(session_files(dir.path()).len(), 2);
}

#[test]
fn hirewiz_resume_goes_straight_to_where_it_stopped() {
    let pack = pack();
    let dir = tempfile::tempdir().unwrap();
    let mut run = Run::start(&pack, dir.path(), Launch::New);
    answer_two(&mut run);
    let id = only_session(dir.path()).id.to_string();
    for launch in [
        Launch::Resume(None),
        Launch::Resume(Some(id[..14].to_string())),
    ] {
        let resumed = Run::start(&pack, dir.path(), launch);
        assert_eq!(resumed.app.place(), Place::Question(q(&pack, "has_lead")));
        assert_eq!(
            resumed.app.wizard().answers().get(q(&pack, "team_size")),
            Some(&Answer::Number(7))
        );
    }
}

#[test]
fn resuming_with_a_changed_pack_says_so_and_goes_on_in_a_new_session() {
    let dir = tempfile::tempdir().unwrap();
    let mut run = Run::start(&pack(), dir.path(), Launch::New);
    answer_two(&mut run);
    let old = only_session(dir.path());
    let old_bytes = std::fs::read(&session_files(dir.path())[0]).unwrap();

    let changed = changed_pack();
    let mut resumed = Run::start(&changed, dir.path(), Launch::Resume(None));
    let notice = resumed.app.notice().unwrap_or_default().to_string();
    assert!(notice.contains("different version of the pack"), "{notice}");
    assert!(notice.contains(old.id.as_str()), "{notice}");
    resumed.press(&[Enter]);
    let files = session_files(dir.path());
    assert_eq!(files.len(), 2, "{files:?}");
    let old_path = dir.path().join("sessions").join(old.id.file_name());
    assert_eq!(
        std::fs::read(old_path).unwrap(),
        old_bytes,
        "the old file is kept"
    );
}

#[test]
fn a_label_is_checked_inline_and_saved_with_the_session() {
    let pack = pack();
    let dir = tempfile::tempdir().unwrap();
    let mut run = Run::start(&pack, dir.path(), Launch::New);
    run.press(&[Char('l')]);
    assert!(matches!(run.app.overlay(), Some(Overlay::Label(_))));
    run.type_text("../acme");
    run.press(&[Enter]);
    let error = run
        .app
        .input()
        .and_then(|i| i.error.clone())
        .unwrap_or_default();
    assert!(error.contains("cannot contain `/`"), "{error}");
    assert!(
        run.screen().contains("cannot contain `/`"),
        "{}",
        run.screen()
    );
    assert!(
        matches!(run.app.overlay(), Some(Overlay::Label(_))),
        "a refused label keeps the field open"
    );
    assert!(session_files(dir.path()).is_empty());

    // Keys that mean something elsewhere are typed into the field.
    for _ in 0..7 {
        run.press(&[Backspace]);
    }
    run.type_text("Acme q?");
    run.press(&[Enter]);
    assert_eq!(run.app.overlay(), None);
    assert_eq!(run.app.label(), Some("Acme q?"));
    assert!(run.screen().contains("hirewiz · Staffing test · Acme q?"));
    assert!(
        session_files(dir.path()).is_empty(),
        "still nothing before the first answer"
    );

    run.press(&[Enter, Enter]);
    let s = only_session(dir.path());
    assert_eq!(s.label.as_ref().map(|l| l.as_str()), Some("Acme q?"));

    // Relabelled on the result screen; Esc cancels without a change.
    run.press(&[Enter, Enter, Enter]);
    assert_eq!(run.app.place(), Place::Result);
    run.press(&[Char('l')]);
    assert_eq!(run.app.input().map(|i| i.text.as_str()), Some("Acme q?"));
    for _ in 0..3 {
        run.press(&[Backspace]);
    }
    run.type_text(" Ltd");
    run.press(&[Enter]);
    assert_eq!(
        only_session(dir.path())
            .label
            .map(|l| l.as_str().to_string()),
        Some("Acme Ltd".to_string())
    );
    run.press(&[Char('l'), Char('x'), Esc]);
    assert_eq!(run.app.label(), Some("Acme Ltd"));
}

#[test]
fn a_label_given_before_quitting_is_kept_as_a_session_to_resume() {
    let pack = pack();
    let dir = tempfile::tempdir().unwrap();
    let mut run = Run::start(&pack, dir.path(), Launch::New);
    run.press(&[Char('l')]);
    run.type_text("Acme Corp");
    run.press(&[Enter]);
    assert!(session_files(dir.path()).is_empty());
    run.press(&[Char('q')]);
    assert!(run.app.exit().is_some(), "q on the welcome screen quits");
    let note = run.save.farewell(false).unwrap_or_default();
    assert!(note.contains("“Acme Corp” saved in"), "{note}");
    let s = only_session(dir.path());
    assert_eq!(s.label.as_ref().map(|l| l.as_str()), Some("Acme Corp"));
    // Its one recorded event is the label: no step of the wizard yet.
    assert!(
        s.history.iter().all(|r| !r.event.is_step()),
        "{:?}",
        s.history
    );
    assert_eq!(s.history.len(), 1);
    assert_eq!(s.status, Status::InProgress);

    // The next run offers it first, and resuming it starts at the first question with
    // the label in the title.
    let mut next = Run::start(&pack, dir.path(), Launch::New);
    let welcome = next.screen();
    assert!(welcome.contains("Resume “Acme Corp”"), "{welcome}");
    assert!(
        welcome.contains("A session is waiting for its first answer"),
        "{welcome}"
    );
    assert!(
        welcome.contains("no answers yet, starts at question 1"),
        "{welcome}"
    );
    next.press(&[Enter]);
    assert_eq!(next.app.place(), Place::Question(0));
    assert!(next.screen().contains("Acme Corp"), "{}", next.screen());
    next.press(&[Enter]);
    assert_eq!(
        session_files(dir.path()).len(),
        1,
        "the same session goes on"
    );
    // The label, then the answer and the move on.
    assert_eq!(only_session(dir.path()).history.len(), 3);
}

#[test]
fn export_writes_markdown_beside_the_session_and_shows_where() {
    let pack = pack();
    let dir = tempfile::tempdir().unwrap();
    let mut run = Run::start(&pack, dir.path(), Launch::New);
    for _ in 0..8 {
        run.press(&[Enter]);
    }
    assert_eq!(run.app.place(), Place::Result);
    run.press(&[Char('e')]);
    let session = session_files(dir.path()).remove(0);
    let md = session.with_extension("md");
    let text = std::fs::read_to_string(&md).expect("the export is written");
    let headline = run.app.report().expect("a report").headline();
    assert!(text.contains(&headline), "{text}");
    let notice = run.app.notice().unwrap_or_default();
    assert!(notice.contains(&md.display().to_string()), "{notice}");
    assert!(run.screen().contains("Exported to"), "{}", run.screen());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&md).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
    // The notice goes with the next key.
    run.press(&[Down]);
    assert_eq!(run.app.notice(), None);
    // The export is in the session's history, and going back from the result to look
    // again leaves the session finished.
    run.press(&[Char('b')]);
    assert_eq!(run.app.place(), Place::Review);
    let s = only_session(dir.path());
    assert_eq!(s.status, Status::Complete);
    assert!(s.result.is_some());
    assert!(
        s.history
            .iter()
            .any(|r| matches!(&r.event, hirewiz::session::SavedEvent::Export { file } if file.ends_with(".md"))),
        "{:?}",
        s.history
    );
}

#[test]
fn a_failed_save_is_shown_retried_and_loses_nothing() {
    let pack = pack();
    let dir = tempfile::tempdir().unwrap();
    // The data folder's `sessions` is a file: nothing can be saved there.
    std::fs::write(dir.path().join("sessions"), "in the way").unwrap();
    let mut run = Run::start(&pack, dir.path(), Launch::New);
    run.press(&[Enter, Down, Enter]);
    assert!(run.save.failing());
    let why = run.app.unsaved().unwrap_or_default().to_string();
    assert!(why.contains("Not saved yet"), "{why}");
    assert!(run.screen().contains("Not saved yet"));
    // The wizard goes on regardless.
    run.press(&[Char('7'), Enter]);
    assert_eq!(run.app.place(), Place::Question(q(&pack, "has_lead")));

    // Once the folder can be written, the retry saves every step so far.
    std::fs::remove_file(dir.path().join("sessions")).unwrap();
    run.save.retry(&mut run.app);
    assert!(!run.save.failing());
    assert_eq!(run.app.unsaved(), None);
    let s = only_session(dir.path());
    assert_eq!(s.history.len(), 4);
    assert_eq!(s.answers.len(), 2);
}

/// Record the winding walk (back-steps and changed answers) as a session; returns its id.
fn recorded(pack: &Arc<Pack>, data: &Path) -> (String, hirewiz::wizard::Wizard) {
    let mut rec = hirewiz::session::Recorder::start(Store::in_data_dir(data), pack, None);
    let end = walk(pack.clone(), &winding_walk(pack), |e, w| {
        rec.record(e, w).unwrap();
    });
    (rec.session().id.to_string(), end)
}

#[test]
fn replay_steps_both_ways_and_end_skips_to_the_same_result() {
    let pack = pack();
    let dir = tempfile::tempdir().unwrap();
    let (id, end) = recorded(&pack, dir.path());
    let file = dir.path().join("sessions").join(format!("{id}.yaml"));
    let before = std::fs::read(&file).unwrap();

    let mut run = Run::start(&pack, dir.path(), Launch::Replay(id.clone()));
    let p = run.app.player().expect("a replay");
    assert!(p.playing());
    assert_eq!(p.len(), winding_walk(&pack).len());
    assert_eq!(run.app.place(), Place::Question(q(&pack, "engagement")));
    assert!(
        run.screen().contains("Replay · playing · step 0 of 15"),
        "{}",
        run.screen()
    );

    // A tick plays the first answer; Right and Left step, and pause.
    run.app.update(Msg::Tick);
    assert_eq!(run.app.player().map(|p| p.position()), Some(1));
    run.press(&[Right, Right, Right]);
    let p = run.app.player().unwrap();
    assert_eq!((p.position(), p.playing()), (4, false));
    // Step 4 is the back-step: the first question again, with its answer.
    assert_eq!(run.app.place(), Place::Question(q(&pack, "engagement")));
    run.press(&[Left]);
    assert_eq!(run.app.place(), Place::Question(q(&pack, "team_size")));
    run.app.update(Msg::Tick);
    assert_eq!(
        run.app.player().map(|p| p.position()),
        Some(3),
        "paused: ticks do nothing"
    );
    assert!(run.screen().contains("paused"), "{}", run.screen());

    // Speed changes the pace; End goes to the result, which matches the session's.
    let pace = run.app.player().map(|p| p.speed_words());
    run.press(&[Char('+')]);
    assert_ne!(run.app.player().map(|p| p.speed_words()), pace);
    run.press(&[End]);
    assert_eq!(run.app.place(), Place::Result);
    assert_eq!(run.app.wizard().answers(), end.answers());
    assert_eq!(run.app.tick_interval(), None, "the end does not tick");
    let text = run.screen();
    assert!(text.contains("Same pack and same result"), "{text}");
    assert!(text.contains("Recommendation:"), "{text}");

    // q quits at once; the session file was only read.
    run.press(&[Char('q')]);
    assert_eq!(run.app.exit(), Some(Exit::Quit));
    assert_eq!(std::fs::read(&file).unwrap(), before);
}

#[test]
fn replay_on_a_changed_pack_shows_both_results() {
    let dir = tempfile::tempdir().unwrap();
    let (id, _) = recorded(&pack(), dir.path());
    let mut run = Run::start(&changed_pack(), dir.path(), Launch::Replay(id));
    run.press(&[End]);
    assert_eq!(run.app.place(), Place::Result);
    let text = run.screen();
    assert!(
        text.contains("The pack changed since this session was saved"),
        "{text}"
    );
    assert!(text.contains("saved "), "{text}");
    assert!(text.contains("now "), "{text}");
    assert!(text.contains("Agency 4"), "the saved scores: {text}");
    assert!(text.contains("Agency 9"), "the scores now: {text}");
}

#[test]
fn replay_exports_beside_the_session_file() {
    let pack = pack();
    let dir = tempfile::tempdir().unwrap();
    let (id, _) = recorded(&pack, dir.path());
    let mut run = Run::start(&pack, dir.path(), Launch::Replay(id.clone()));
    run.press(&[Char('e')]);
    let md = dir.path().join("sessions").join(format!("{id}.md"));
    assert!(md.exists(), "{:?}", run.app.notice());
}

#[test]
fn bad_session_files_are_named_refused_and_left_alone() {
    let pack = pack();
    let dir = tempfile::tempdir().unwrap();
    let sessions = dir.path().join("sessions");
    std::fs::create_dir_all(&sessions).unwrap();
    let cases: &[(&str, &str)] = &[
        (
            "20250601-1430-aaaa",
            "format: hirewiz-session/1\nid: [unclosed\n",
        ),
        (
            "20250601-1430-bbbb",
            "format: hirewiz-session/9\nid: 20250601-1430-bbbb\n",
        ),
        ("20250601-1430-cccc", ""),
        ("20250601-1430-dddd", "\u{0}\u{1}binary"),
    ];
    for (id, text) in cases {
        let file = sessions.join(format!("{id}.yaml"));
        std::fs::write(&file, text).unwrap();
        for launch in [
            Launch::Resume(Some(id.to_string())),
            Launch::Replay(id.to_string()),
            Launch::Replay(file.display().to_string()),
        ] {
            let err = prepare(
                pack.clone(),
                Some(dir.path()),
                &launch,
                Theme::colour(),
                Timestamp::now(),
            )
            .err()
            .unwrap_or_else(|| panic!("{id} {launch:?} was accepted"));
            let message = err.to_string();
            assert!(message.contains(&file.display().to_string()), "{message}");
            assert!(err.is_bad_input(), "{message}");
            assert_eq!(
                std::fs::read(&file).unwrap(),
                text.as_bytes(),
                "{id} was modified"
            );
        }
    }
    // Unusable files are passed over by the welcome screen's offer, never touched.
    let run = Run::start(&pack, dir.path(), Launch::New);
    assert!(run.app.offer().is_none());
    let err = prepare(
        pack.clone(),
        Some(dir.path()),
        &Launch::Resume(None),
        Theme::colour(),
        Timestamp::now(),
    )
    .expect_err("nothing to resume");
    assert!(err.to_string().contains("no unfinished session"), "{err}");
}

#[test]
fn bad_session_files_exit_2_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("broken.yaml");
    std::fs::write(&file, "format: hirewiz-session/1\nid: oops\nhistory: [").unwrap();
    for cmd in ["replay", "resume"] {
        let out = assert_cmd::Command::cargo_bin("hirewiz")
            .unwrap()
            .env_remove("HIREWIZ_DATA_DIR")
            .arg("--data-dir")
            .arg(dir.path())
            .arg(cmd)
            .arg(&file)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{cmd}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("broken.yaml"), "{cmd}: {err}");
    }
    assert_eq!(
        std::fs::read_to_string(&file).unwrap(),
        "format: hirewiz-session/1\nid: oops\nhistory: ["
    );
}

/// The quit dialog says the answers are kept and how to go on, and it is true: the
/// session resumes where it was left. Before the first answer it promises nothing.
#[test]
fn the_quit_dialog_says_the_answers_are_saved_and_how_to_resume() {
    let pack = pack();
    let dir = tempfile::tempdir().unwrap();
    let mut run = Run::start(&pack, dir.path(), Launch::New);
    run.press(&[Enter, Char('q')]);
    let text = run.screen();
    assert!(text.contains("No answers yet: nothing is kept"), "{text}");
    assert!(!text.contains("hirewiz resume"), "{text}");
    run.press(&[Esc, Left]);
    answer_two(&mut run);
    run.press(&[Char('q')]);
    let text = run.screen();
    assert!(text.contains("Your answers are saved"), "{text}");
    assert!(text.contains("Run `hirewiz resume` to go on"), "{text}");
    run.press(&[Char('y')]);
    assert_eq!(run.app.exit(), Some(Exit::Quit));
    let resumed = Run::start(&pack, dir.path(), Launch::Resume(None));
    assert_eq!(resumed.app.place(), Place::Question(q(&pack, "has_lead")));
}

#[test]
fn a_last_save_that_fails_says_where_the_answers_are_and_fails_the_run() {
    let pack = pack();
    let dir = tempfile::tempdir().unwrap();
    // A file where the sessions folder should be: no save can succeed.
    std::fs::write(dir.path().join("sessions"), "not a folder").unwrap();
    let mut run = Run::start(&pack, dir.path(), Launch::New);
    run.press(&[Enter, Enter]);
    assert!(run.app.unsaved().is_some(), "the failed save is shown");
    run.press(&[Char('q'), Char('y')]);
    let note = run
        .save
        .farewell(false)
        .expect("the way out says what happened");
    assert!(run.save.lost(), "the run must end with a failure");
    assert!(note.contains("the session could not be saved"), "{note}");
    let kept = note
        .split("everything recorded is kept in ")
        .nth(1)
        .and_then(|rest| rest.split(", and").next())
        .unwrap_or_else(|| panic!("no place named: {note}"));
    // What was answered is in the file named, readable as a session.
    let s = hirewiz::session::store::read_file(Path::new(kept)).expect("a readable session");
    assert!(!s.answers.is_empty(), "{s:?}");
    let _ = std::fs::remove_file(kept);
}
