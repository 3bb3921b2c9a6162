//! The wizard in a real pseudo-terminal: start the binary, answer by keys, reach the
//! recommendation, quit, and check the terminal was given back as it was found; and a
//! session stopped with Ctrl-C, resumed, finished and replayed to the same result.

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

const ROWS: u16 = 32;
const COLS: u16 = 100;
/// Longest wait for the screen to show what is expected.
const DEADLINE: Duration = Duration::from_secs(20);

struct Screen {
    parser: vt100::Parser,
    output: Receiver<Vec<u8>>,
}

impl Screen {
    /// Read output until `pred` holds on the screen, or fail at the deadline.
    fn wait_for(&mut self, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let end = Instant::now() + DEADLINE;
        loop {
            let text = self.parser.screen().contents();
            if pred(&text) {
                return text;
            }
            let left = end.saturating_duration_since(Instant::now());
            assert!(
                !left.is_zero(),
                "timed out waiting for {what}; screen:\n{text}"
            );
            match self.output.recv_timeout(left) {
                Ok(bytes) => self.parser.process(&bytes),
                Err(_) => panic!("timed out or output ended waiting for {what}; screen:\n{text}"),
            }
        }
    }

    fn wait_text(&mut self, needle: &str) -> String {
        self.wait_for(needle, |t| t.contains(needle))
    }

    /// Take in a frame still arriving: every chunk of output until none comes for a
    /// moment (a frame larger than one read comes in several). The screen as it then is.
    fn settled(&mut self) -> String {
        while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(150)) {
            self.parser.process(&bytes);
        }
        self.parser.screen().contents()
    }

    /// Read whatever is left once the program has ended.
    fn drain(&mut self) {
        while let Ok(bytes) = self.output.recv_timeout(Duration::from_millis(500)) {
            self.parser.process(&bytes);
        }
    }
}

fn nonzero(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n).expect("a size above zero")
}

/// "Question N of M" as shown in the header, if a question is showing.
fn question_number(text: &str) -> Option<String> {
    let at = text.find("Question ")?;
    let rest = &text[at..];
    let end = rest.find('\n').unwrap_or(rest.len());
    Some(rest[..end].trim().to_string())
}

#[test]
fn the_wizard_runs_in_a_terminal_and_gives_it_back() {
    // Sessions go to a folder of the test's own, never the user's.
    let data = tempfile::tempdir().expect("a temporary data folder");
    let dir = data.path().to_string_lossy().to_string();
    let mut run = Running::start(&["--data-dir", &dir]);

    run.screen.wait_text("Press Enter to start");
    assert!(
        run.screen.parser.screen().alternate_screen(),
        "the wizard draws on the alternate screen"
    );
    assert!(
        run.screen.parser.screen().hide_cursor(),
        "the cursor is hidden while drawing"
    );
    run.send("\r");
    let first = run.screen.wait_text("Question 1 of");

    // Forward one question, then back again with the left arrow.
    let q1 = question_number(&first);
    run.send("\r");
    run.screen.wait_for("the second question", |t| {
        question_number(t).is_some_and(|q| Some(q) != q1)
    });
    run.send("\x1b[D");
    run.screen.wait_text("Question 1 of");

    // Enter alone through every question to the review, then to the result.
    let result = run.enter_to_result();
    assert!(result.contains("Scores"), "{result}");

    // Quit: the program ends at once, restores the terminal and leaves the headline.
    run.send("q");
    assert_eq!(run.wait_exit(), 0, "exit status");
    let s = run.screen.parser.screen();
    assert!(!s.alternate_screen(), "the alternate screen was left");
    assert!(!s.hide_cursor(), "the cursor is shown again");
    assert!(s.contents().contains("Recommendation:"), "{}", s.contents());
}

#[cfg(unix)]
#[test]
fn a_named_pipe_among_the_sessions_does_not_hold_up_the_welcome_screen() {
    let data = tempfile::tempdir().expect("a temporary data folder");
    let sessions = data.path().join("sessions");
    std::fs::create_dir(&sessions).expect("the sessions folder");
    let status = std::process::Command::new("mkfifo")
        .arg(sessions.join("20250601-1430-fifo.yaml"))
        .status()
        .expect("mkfifo runs");
    assert!(status.success());
    let dir = data.path().to_string_lossy().to_string();
    let mut run = Running::start(&["--data-dir", &dir]);
    run.screen.wait_text("Press Enter to start");
    run.send("q");
    assert_eq!(run.wait_exit(), 0, "exit status");
}

#[test]
fn the_line_left_after_the_wizard_shows_pack_text_escaped() {
    // The winner's name clears the screen and writes the clipboard, if printed raw.
    let data = tempfile::tempdir().expect("a temporary data folder");
    let dir = data.path().to_string_lossy().to_string();
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/packs/plain.yaml"
    ))
    .expect("the test pack reads")
    .replace(
        "name: Do it yourself",
        r#"name: "Do it \e[2J\e]52;c;SGVsbG8=\a\x9b yourself""#,
    );
    let pack = data.path().join("pack.yaml");
    std::fs::write(&pack, text).expect("pack written");
    let pack = pack.to_string_lossy().to_string();
    let mut run = Running::start(&["--data-dir", &dir, "--pack", &pack]);
    run.screen.wait_text("Press Enter to start");
    run.enter_to_result();
    run.send("q");
    assert_eq!(run.wait_exit(), 0, "exit status");
    let text = run.screen.parser.screen().contents();
    assert!(
        text.contains(r"Do it \e[2J\e]52;c;SGVsbG8=\x07\u009b yourself"),
        "{text}"
    );
}

#[cfg(unix)]
#[test]
fn signals_that_end_the_wizard_give_the_terminal_back() {
    for (signal, number) in [
        ("QUIT", libc::SIGQUIT),
        ("USR1", libc::SIGUSR1),
        ("TERM", libc::SIGTERM),
    ] {
        let data = tempfile::tempdir().expect("a temporary data folder");
        let dir = data.path().to_string_lossy().to_string();
        let mut run = Running::start(&["--data-dir", &dir]);
        run.screen.wait_text("Press Enter to start");
        let pid = run.child.process_id().expect("the wizard's process id");
        let sent = std::process::Command::new("kill")
            .arg(format!("-{signal}"))
            .arg(pid.to_string())
            .status()
            .expect("kill runs");
        assert!(sent.success());
        let expected = 128 + number as u32;
        assert_eq!(run.wait_exit(), expected, "exit status after SIG{signal}");
        run.screen.drain();
        let s = run.screen.parser.screen();
        assert!(
            !s.alternate_screen(),
            "SIG{signal}: the alternate screen was left"
        );
        assert!(!s.hide_cursor(), "SIG{signal}: the cursor is shown again");
    }
}

/// The binary running in a pseudo-terminal with `args`, its screen and its keyboard.
struct Running {
    screen: Screen,
    keys: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    /// Held open for as long as the program runs.
    _master: Box<dyn MasterPty + Send>,
}

impl Running {
    fn start(args: &[&str]) -> Running {
        let mut cmd = CommandBuilder::new(env!("CARGO_BIN_EXE_hirewiz"));
        cmd.args(args);
        cmd.env_remove("HIREWIZ_DATA_DIR");
        Running::spawn(cmd)
    }

    /// Run `cmd` in a new pseudo-terminal of the standard size.
    fn spawn(mut cmd: CommandBuilder) -> Running {
        let pty = native_pty_system()
            .openpty(PtySize {
                rows: ROWS,
                cols: COLS,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pseudo-terminal");
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        let child = pty.slave.spawn_command(cmd).expect("the binary starts");
        drop(pty.slave);
        let mut reader = pty.master.try_clone_reader().expect("pty reader");
        let keys = pty.master.take_writer().expect("pty writer");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        Running {
            screen: Screen {
                parser: vt100::Parser::new(nonzero(ROWS), nonzero(COLS), 0),
                output: rx,
            },
            keys,
            child,
            _master: pty.master,
        }
    }

    fn send(&mut self, s: &str) {
        self.keys.write_all(s.as_bytes()).expect("send keys");
        self.keys.flush().expect("flush keys");
    }

    /// Press Enter and wait for the question number (or the screen) to change.
    fn enter_and_move_on(&mut self) {
        let before = question_number(&self.screen.parser.screen().contents());
        self.send("\r");
        self.screen.wait_for("the next screen", |t| {
            t.contains("See the result") || question_number(t) != before
        });
    }

    /// Press Enter through every remaining question to the review, then to the result;
    /// the result screen.
    fn enter_to_result(&mut self) -> String {
        for _ in 0..40 {
            if self
                .screen
                .parser
                .screen()
                .contents()
                .contains("See the result")
            {
                break;
            }
            self.enter_and_move_on();
        }
        self.screen.wait_text("See the result");
        self.send("\r");
        self.wait_result()
    }

    /// The result screen once it is whole: its footer, the last row drawn, is there
    /// ("Recommendation:" can be read while the frame is still half drawn over the last).
    fn wait_result(&mut self) -> String {
        self.screen.wait_for("the result screen", |t| {
            t.contains("Recommendation:") && t.contains("b change answers")
        })
    }

    /// Wait for the program to end; its exit code.
    fn wait_exit(&mut self) -> u32 {
        let end = Instant::now() + DEADLINE;
        loop {
            if let Some(s) = self.child.try_wait().expect("child status") {
                self.screen.drain();
                return s.exit_code();
            }
            assert!(Instant::now() < end, "the program did not end");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// The line of the screen that holds the recommendation's headline.
fn headline(text: &str) -> String {
    text.lines()
        .find(|l| l.contains("Recommendation:"))
        .map(|l| l.trim().to_string())
        .unwrap_or_default()
}

#[test]
fn a_session_stopped_with_ctrl_c_resumes_and_replays_to_the_same_result() {
    let data = tempfile::tempdir().expect("a data folder");
    let data_arg = data.path().to_str().expect("a UTF-8 path").to_string();

    // Answer three questions, then Ctrl-C.
    let mut first = Running::start(&["--data-dir", &data_arg]);
    first.screen.wait_text("Press Enter to start");
    first.send("\r");
    first.screen.wait_text("Question 1 of");
    for _ in 0..3 {
        first.enter_and_move_on();
    }
    let stopped = question_number(&first.screen.parser.screen().contents());
    assert!(
        stopped
            .as_deref()
            .is_some_and(|q| q.starts_with("Question 4 of")),
        "{stopped:?}"
    );
    first.send("\x03");
    assert_eq!(first.wait_exit(), 130);

    // Start again: the welcome offers the session; Enter resumes at the same question.
    let mut second = Running::start(&["--data-dir", &data_arg]);
    let welcome = second.screen.wait_text("Resume session");
    assert!(
        welcome.contains("3 answers, stopped at question 4"),
        "{welcome}"
    );
    second.send("\r");
    let resumed = second.screen.wait_text("Question 4 of");
    assert_eq!(question_number(&resumed), stopped);
    for _ in 0..40 {
        if second
            .screen
            .parser
            .screen()
            .contents()
            .contains("See the result")
        {
            break;
        }
        second.enter_and_move_on();
    }
    second.screen.wait_text("See the result");
    second.send("\r");
    let result = second.wait_result();
    let live = headline(&result);
    second.send("q");
    assert_eq!(second.wait_exit(), 0);

    // One session, finished; replay it and skip to the end: the same recommendation.
    let sessions: Vec<_> = std::fs::read_dir(data.path().join("sessions"))
        .expect("the sessions folder")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    assert_eq!(sessions.len(), 1, "{sessions:?}");
    let id = sessions[0]
        .file_stem()
        .and_then(|s| s.to_str())
        .expect("an id")
        .to_string();
    let mut replay = Running::start(&["--data-dir", &data_arg, "replay", &id]);
    replay.screen.wait_text("Replay");
    replay.send("\x1b[F");
    // Wait for the last line the end screen draws: "Recommendation:" can be read while
    // the frame is still half drawn over the replay's first screen.
    let end = replay.screen.wait_text("Same pack and same result");
    assert_eq!(headline(&end), live);
    replay.send("q");
    assert_eq!(replay.wait_exit(), 0);
}

#[test]
fn with_output_redirected_the_wizard_points_to_the_headless_commands() {
    // Keys come from a terminal but the screen would go to a file: the wizard refuses
    // with exit code 2 and says what to use instead, and draws nothing into the file.
    let data = tempfile::tempdir().expect("a temporary data folder");
    let out = data.path().join("out.txt");
    let mut cmd = CommandBuilder::new("sh");
    cmd.arg("-c");
    cmd.arg("\"$0\" > \"$1\"; echo \"exit=$?\"");
    cmd.arg(env!("CARGO_BIN_EXE_hirewiz"));
    cmd.arg(&out);
    cmd.env("HIREWIZ_DATA_DIR", data.path());
    let mut run = Running::spawn(cmd);
    let text = run.screen.wait_text("exit=");
    assert!(text.contains("exit=2"), "{text}");
    assert!(text.contains("hirewiz recommend"), "{text}");
    assert!(text.contains("--plain"), "{text}");
    run.wait_exit();
    let drawn = std::fs::read(&out).expect("the redirected output");
    assert!(drawn.is_empty(), "nothing is drawn into a file: {drawn:?}");
}

/// Pasted text never presses keys: `query` (q opens the quit dialog, y confirms it) and
/// a sentence of command letters are pasted on the welcome screen, a choice question
/// and the result, and the wizard neither quits nor moves on.
#[test]
fn pasted_command_letters_neither_quit_nor_move_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().to_string_lossy().to_string();
    let mut w = Running::start(&["--data-dir", &data]);
    let paste = |w: &mut Running, text: &str| {
        w.send(&format!("\x1b[200~{text}\x1b[201~"));
        w.screen.wait_text("Paste ignored")
    };
    w.screen.wait_text("Press Enter to start");
    let after = paste(&mut w, "query yes");
    assert!(after.contains("Press Enter to start"), "{after}");
    w.enter_and_move_on();
    let before = question_number(&w.screen.parser.screen().contents());
    w.send("x"); // a key that does nothing, to clear the notice
    let after = paste(&mut w, "jkq y 1 2 3 b\r");
    assert_eq!(question_number(&after), before, "{after}");
    assert!(w.child.try_wait().expect("status").is_none());
    w.enter_to_result();
    let after = paste(&mut w, "query");
    assert!(after.contains("Result"), "{after}");
    assert!(
        w.child.try_wait().expect("status").is_none(),
        "a paste quit the wizard"
    );
    w.send("q");
    assert_eq!(w.wait_exit(), 0);
}

/// Paste `text` (bracketed, as a terminal sends a paste) and wait for `notice`; then
/// clear the notice with a key that does nothing there, so the next paste is seen anew.
fn paste_and_see(w: &mut Running, text: &str, notice: &str) -> String {
    w.send(&format!("\x1b[200~{text}\x1b[201~"));
    let after = w.screen.wait_text(notice);
    assert!(
        w.child.try_wait().expect("status").is_none(),
        "a paste of {text:?} ended the wizard"
    );
    // `x` is bound to nothing on these screens: the notice goes with it.
    w.send("x");
    w.screen
        .wait_for("the notice to clear", |t| !t.contains(notice));
    after
}

/// On every screen and dialog, a paste of command letters (q quits, y confirms, b goes
/// back, digits pick, Enter moves on) is ignored with a notice, or goes into the text
/// field that is open, and nothing quits, moves on or changes.
#[test]
fn a_paste_of_command_letters_on_every_screen_presses_no_key() {
    const IGNORED: &str = "Paste ignored";
    const LETTERS: &str = "query yes 1 2 3 b jk g\r";
    let dir = tempfile::tempdir().expect("temp dir");
    let data = dir.path().to_string_lossy().to_string();
    // One earlier session, so that the group picker has two to offer later.
    let plain = assert_cmd::Command::cargo_bin("hirewiz")
        .expect("binary")
        .args(["--data-dir", &data, "--plain"])
        .write_stdin("2\n".to_string() + &"\n".repeat(30))
        .output()
        .expect("plain run");
    assert!(plain.status.success());
    let mut w = Running::start(&["--data-dir", &data]);
    w.screen.wait_text("Press Enter to start");

    // The welcome screen, its help and its label dialog.
    let after = paste_and_see(&mut w, LETTERS, IGNORED);
    assert!(after.contains("Press Enter to start"), "{after}");
    w.send("?");
    w.screen.wait_text(" Keys");
    let after = paste_and_see(&mut w, LETTERS, IGNORED);
    assert!(after.contains(" Keys"), "{after}");
    w.send("\x1b");
    w.screen
        .wait_for("the help to close", |t| !t.contains(" Keys"));
    w.send("l");
    w.screen.wait_text("Label this session");
    w.send("\x1b[200~query\x1b[201~");
    let after = w.screen.wait_text("query");
    assert!(after.contains("Label this session"), "{after}");
    w.send("\x1b");
    w.screen.wait_for("the label dialog to close", |t| {
        !t.contains("Label this session")
    });

    // Every question: its number stays, nothing is ticked or typed.
    w.enter_and_move_on();
    let mut numbers_seen = 0;
    let mut yes_no_seen = 0;
    loop {
        let now = w.screen.settled();
        if now.contains("See the result") {
            break;
        }
        let number = question_number(&now);
        assert!(number.is_some(), "{now}");
        if now.contains("From 1 to") {
            numbers_seen += 1;
            let after = paste_and_see(&mut w, "query", "Only digits can be pasted");
            assert_eq!(question_number(&after), number, "{after}");
            // Digits go in, as typed.
            w.send("\x1b[200~12\x1b[201~");
            w.screen.wait_text("›  12▏");
            w.send("\x7f\x7f1");
            w.screen.wait_text("›  1▏");
        } else {
            yes_no_seen += usize::from(now.contains("Yes") && now.contains("No"));
            let before: Vec<String> = now.lines().map(str::to_string).collect();
            let after = paste_and_see(&mut w, LETTERS, IGNORED);
            assert_eq!(question_number(&after), number, "{after}");
            // The options read as before: nothing ticked or moved.
            let options = |lines: &[String]| -> Vec<String> {
                lines
                    .iter()
                    .filter(|l| l.contains('[') || l.contains('›'))
                    .map(|l| l.trim_end().to_string())
                    .collect()
            };
            let after_lines: Vec<String> = w
                .screen
                .parser
                .screen()
                .contents()
                .lines()
                .map(str::to_string)
                .collect();
            assert_eq!(options(&before), options(&after_lines), "{after}");
        }
        w.enter_and_move_on();
    }
    assert!(
        numbers_seen >= 1 && yes_no_seen >= 1,
        "{numbers_seen} {yes_no_seen}"
    );

    // The review, and the quit dialog over it.
    let after = paste_and_see(&mut w, LETTERS, IGNORED);
    assert!(after.contains("See the result"), "{after}");
    w.send("q");
    w.screen.wait_text(" Quit ");
    let after = paste_and_see(&mut w, "y", IGNORED);
    assert!(after.contains(" Quit "), "{after}");
    w.send("n");
    w.screen
        .wait_for("the quit dialog to close", |t| !t.contains(" Quit "));

    // The result, and its cost chart.
    w.send("\r");
    w.screen.wait_text("Recommendation:");
    let after = paste_and_see(&mut w, LETTERS, IGNORED);
    assert!(after.contains("Recommendation:"), "{after}");
    w.send("c");
    w.screen.wait_text("months");
    let after = paste_and_see(&mut w, LETTERS, IGNORED);
    assert!(after.contains("months"), "{after}");
    w.send("c");
    w.screen.wait_text("Recommendation:");
    w.send("q");
    assert_eq!(w.wait_exit(), 0);

    // The group picker and the group view.
    let mut g = Running::start(&["--data-dir", &data]);
    g.screen.wait_text("Press Enter to start");
    g.send("t");
    g.screen.wait_text("Decide as a team");
    let after = paste_and_see(&mut g, LETTERS, IGNORED);
    assert!(after.contains("Decide as a team"), "{after}");
    assert!(!after.contains("[x]"), "a paste picked a session: {after}");
    g.send(" ");
    g.send("\x1b[B");
    g.send(" ");
    g.screen.wait_text("2 picked.");
    g.send("\r");
    g.screen.wait_text("Where they");
    let after = paste_and_see(&mut g, LETTERS, IGNORED);
    assert!(after.contains("Group of 2"), "{after}");
    g.send("q");
    assert_eq!(g.wait_exit(), 0);

    // The replay screen.
    let listed = assert_cmd::Command::cargo_bin("hirewiz")
        .expect("binary")
        .args(["--data-dir", &data, "sessions", "--format", "json"])
        .output()
        .expect("sessions");
    let v: serde_json::Value = serde_json::from_slice(&listed.stdout).expect("json");
    let id = v["sessions"][0]["id"].as_str().expect("an id").to_string();
    let mut r = Running::start(&["--data-dir", &data, "replay", &id]);
    r.screen.wait_text("Replay");
    r.send(" "); // pause, so the screen holds still
    let paused = r.screen.wait_text("paused");
    let step = |t: &str| {
        t.lines()
            .find(|l| l.contains("Replay ·"))
            .map(str::to_string)
    };
    let before = step(&paused);
    paste_and_see(&mut r, LETTERS, IGNORED);
    // The notice gone, the status line is back: still paused, at the same step.
    let after = r.screen.wait_text("paused");
    assert_eq!(step(&after), before, "{after}");
    r.send("q");
    assert_eq!(r.wait_exit(), 0);
}

/// Save an unfinished session of the default pack labelled `label`, last changed
/// `ago` seconds before now, with the first `answers` questions answered by default.
fn unfinished(data: &std::path::Path, id: &str, label: &str, ago: i64, answers: usize) {
    use hirewiz::session::{Label, Session, SessionId, Store, Timestamp};
    use hirewiz::wizard::{Event, Step, Wizard};
    let pack = std::sync::Arc::new(hirewiz::pack::load_default().expect("the default pack"));
    let at = Timestamp::from_unix(Timestamp::now().unix() - ago);
    let id = SessionId::parse(id).expect("an id");
    let mut s = Session::new(id, &pack, Label::parse(label).ok(), at);
    let mut w = Wizard::new(pack.clone());
    for _ in 0..answers {
        let Step::Question(question) = w.step() else {
            break;
        };
        let answer = w.shown_answer(question);
        for e in [Event::Answer { question, answer }, Event::Next] {
            w.apply(&e).expect("the event plays");
            s.push(&e, &w, at);
        }
    }
    Store::in_data_dir(data)
        .save(&s, None)
        .expect("the session saves");
}

/// The line of the screen with the highlight on it.
fn highlighted(text: &str) -> String {
    text.lines()
        .find(|l| l.contains('›'))
        .map(|l| l.trim().to_string())
        .unwrap_or_default()
}

#[test]
fn the_welcome_picker_moves_by_keys_and_starts_the_chosen_session() {
    let data = tempfile::tempdir().expect("a data folder");
    unfinished(data.path(), "20251201-0900-glbx", "Globex", 2 * 86_400, 1);
    unfinished(data.path(), "20251201-1200-acme", "Acme", 600, 3);
    let dir = data.path().to_string_lossy().to_string();
    let mut run = Running::start(&["--data-dir", &dir]);

    // Newest first; changed ten minutes ago, so Enter would resume it.
    let welcome = run.screen.wait_text("2 unfinished sessions");
    assert!(highlighted(&welcome).contains("Acme"), "{welcome}");
    assert!(
        welcome.contains("3 answers, stopped at question 4"),
        "{welcome}"
    );
    assert!(welcome.contains("updated 2 days ago"), "{welcome}");
    let mut step = |key: &str, expect: &str| {
        run.send(key);
        run.screen
            .wait_for(expect, |t| highlighted(t).contains(expect));
    };
    step("j", "Globex");
    step("j", "Start a new session");
    step("k", "Globex");
    step("g", "Acme");
    step("G", "Start a new session");
    step("\x1b[A", "Globex");

    // Enter resumes the one chosen, where it stopped, with its label in the title.
    run.send("\r");
    let resumed = run.screen.wait_text("Question 2 of");
    assert!(resumed.contains("Globex"), "{resumed}");
    run.send("\x03");
    assert_eq!(run.wait_exit(), 130);
}

#[test]
fn three_plain_sessions_grouped_from_the_welcome_screen_and_settled_to_a_result() {
    let data = tempfile::tempdir().expect("a temporary data folder");
    let dir = data.path().to_string_lossy().to_string();
    // Three people answer line by line, each differently.
    for input in [
        "1\n\n3\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n",
        "2\n\n1\n\n\n\n1\n\n\n\n\n\n\n\n\n\n\n",
        "\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n\n",
    ] {
        let out = assert_cmd::Command::cargo_bin("hirewiz")
            .expect("binary")
            .args(["--plain", "--data-dir", &dir])
            .write_stdin(input)
            .output()
            .expect("plain mode runs");
        assert_eq!(out.status.code(), Some(0), "{out:?}");
    }
    let mut run = Running::start(&["--data-dir", &dir]);
    run.screen.wait_text("Press Enter to start");
    run.send("t");
    run.screen.wait_text("Decide as a team");
    // Pick all three (Space, Down) and show the group.
    run.send(" ");
    run.send("\x1b[B");
    run.send(" ");
    run.send("\x1b[B");
    run.send(" ");
    run.screen.wait_text("3 picked.");
    run.send("\r");
    let view = run.screen.wait_text("Where they disagree");
    assert!(view.contains("Group of 3:"), "{view}");
    // Settle: a new session labelled as the group's, then on to its result.
    run.send("s");
    let first = run.screen.wait_text("Labelled “Group: ");
    assert!(first.contains("Question "), "{first}");
    let result = run.enter_to_result();
    assert!(result.contains("Recommendation:"), "{result}");
    run.send("q");
    assert_eq!(run.wait_exit(), 0, "exit status");
    let listed = assert_cmd::Command::cargo_bin("hirewiz")
        .expect("binary")
        .args(["--data-dir", &dir, "sessions"])
        .output()
        .expect("sessions lists");
    let listed = String::from_utf8_lossy(&listed.stdout).to_string();
    assert!(
        listed
            .lines()
            .any(|l| l.contains("Group: ") && l.contains("complete")),
        "{listed}"
    );
}
