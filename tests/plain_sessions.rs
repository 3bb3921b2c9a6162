//! Saved sessions where the terminal screens cannot be drawn: `resume` and `replay` in
//! plain mode, driven through pipes as a screen reader user or a script would.

use assert_cmd::Command;
use std::path::{Path, PathBuf};

/// A data folder and a copy of the test pack that a test may edit.
struct Setup {
    dir: tempfile::TempDir,
}

impl Setup {
    fn new() -> Setup {
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy("tests/packs/tui.yaml", dir.path().join("pack.yaml")).unwrap();
        Setup { dir }
    }

    fn pack(&self) -> PathBuf {
        self.dir.path().join("pack.yaml")
    }

    fn hirewiz(&self) -> Command {
        let mut c = Command::cargo_bin("hirewiz").expect("binary builds");
        c.env("TERM", "xterm-256color")
            .env_remove("NO_COLOR")
            .env("HIREWIZ_DATA_DIR", self.dir.path().join("data"))
            .arg("--pack")
            .arg(self.pack());
        c
    }

    /// Run with `args` and `input` piped in: (exit code, stdout, stderr).
    fn run(&self, args: &[&str], input: &str) -> (Option<i32>, String, String) {
        let out = self
            .hirewiz()
            .args(args)
            .write_stdin(input)
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8(out.stdout).unwrap(),
            String::from_utf8(out.stderr).unwrap(),
        )
    }

    /// The session files, oldest id first.
    fn sessions(&self) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = std::fs::read_dir(self.dir.path().join("data/sessions"))
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        files.retain(|p| p.extension().is_some_and(|e| e == "yaml"));
        files.sort();
        files
    }

    fn only_session(&self) -> (String, PathBuf) {
        let files = self.sessions();
        assert_eq!(files.len(), 1, "{files:?}");
        let id = files[0].file_stem().unwrap().to_string_lossy().to_string();
        (id, files[0].clone())
    }

    /// The text report `recommend` prints for a session file.
    fn recommend(&self, file: &Path) -> String {
        let (code, out, err) = self.run(&["recommend", "--answers", file.to_str().unwrap()], "");
        assert_eq!(code, Some(0), "{err}");
        out
    }

    /// Change the pack's content, as an author editing it would.
    fn edit_pack(&self) {
        let text = std::fs::read_to_string(self.pack()).unwrap();
        let edited = text.replace("points: {beta: 4}", "points: {beta: 9}");
        assert_ne!(text, edited);
        std::fs::write(self.pack(), edited).unwrap();
    }
}

/// No escape sequence, cursor movement or colour: no control character but line breaks.
fn assert_plain(text: &str) {
    if let Some(c) = text.chars().find(|c| c.is_control() && *c != '\n') {
        panic!("control character {c:?} in output:\n{text}");
    }
}

/// Long work, regulated, then the input ends at the third question of four.
const FIRST_PART: &str = "3\nyes\n";
/// Privacy and health, 12 people, then Enter at the review.
const REST: &str = "1 3\n12\n\n";

#[test]
fn an_interrupted_plain_session_goes_on_where_it_stopped() {
    let s = Setup::new();
    let (code, _, err) = s.run(&["--plain"], FIRST_PART);
    assert_eq!(code, Some(2), "{err}");
    assert!(err.contains("the input ended at question 3 of 4"), "{err}");
    let (id, file) = s.only_session();

    let (code, out, err) = s.run(&["resume", "--plain"], REST);
    assert_eq!(code, Some(0), "{err}");
    assert_plain(&out);
    assert!(
        out.contains(&format!(
            "Going on with session {id}: 2 answers given, at question 3 of 4."
        )),
        "{out}"
    );
    // It goes on at the third question, not the first.
    assert!(
        out.contains("Question 3 of 4: Which regimes apply?"),
        "{out}"
    );
    assert!(!out.contains("Question 1 of 4"), "{out}");
    // The same file now holds the finished session, and its report is the one printed.
    assert_eq!(s.only_session().0, id);
    assert!(out.ends_with(&s.recommend(&file)), "{out}");

    // One uninterrupted run with the same answers reaches the same result.
    let whole = Setup::new();
    let (code, uninterrupted, _) = whole.run(&["--plain"], &format!("{FIRST_PART}{REST}"));
    assert_eq!(code, Some(0));
    assert_eq!(s.recommend(&file), whole.recommend(&whole.only_session().1));
    assert!(uninterrupted.ends_with(&s.recommend(&file)));
}

#[test]
fn resume_picks_a_session_by_id_and_goes_on_saving_it() {
    let s = Setup::new();
    s.run(&["--plain"], FIRST_PART);
    let (id, file) = s.only_session();
    // One more answer, then the input ends again: that answer is saved too.
    let (code, out, _) = s.run(&["resume", &id[..12], "--plain"], "1 3\n");
    assert_eq!(code, Some(2));
    assert!(out.contains("at question 3 of 4"), "{out}");
    let saved = std::fs::read_to_string(&file).unwrap();
    assert!(saved.contains("health"), "{saved}");
    let (code, out, _) = s.run(&["resume", &id, "--plain"], "12\n\n");
    assert_eq!(code, Some(0));
    assert!(out.contains("3 answers given, at question 4 of 4"), "{out}");
}

#[test]
fn resume_with_nothing_to_resume_says_so() {
    let s = Setup::new();
    let (code, out, err) = s.run(&["resume", "--plain"], "");
    assert_eq!(code, Some(2));
    assert!(out.is_empty(), "{out}");
    assert!(err.starts_with("hirewiz: "), "{err}");
    let (code, _, err) = s.run(&["resume", "nosuchsession", "--plain"], "");
    assert_eq!(code, Some(2), "{err}");
}

#[test]
fn resume_after_the_pack_changed_goes_on_in_a_new_session() {
    let s = Setup::new();
    s.run(&["--plain"], FIRST_PART);
    let (old_id, old_file) = s.only_session();
    let before = std::fs::read(&old_file).unwrap();
    s.edit_pack();
    let (code, out, err) = s.run(&["resume", "--plain"], REST);
    assert_eq!(code, Some(0), "{err}");
    assert!(
        out.contains("The pack changed since this session was saved"),
        "{out}"
    );
    assert!(
        out.contains(&format!("{old_id} is kept as it was")),
        "{out}"
    );
    assert_eq!(std::fs::read(&old_file).unwrap(), before);
    assert_eq!(s.sessions().len(), 2);
}

#[test]
fn replay_prints_the_session_as_a_transcript_ending_on_its_result() {
    let s = Setup::new();
    // Long, then back, medium, not regulated, 5 people; at the review change the first
    // answer to short, then confirm.
    let (code, _, err) = s.run(&["--plain"], "3\nb\n2\nno\n5\n1\n1\n\n");
    assert_eq!(code, Some(0), "{err}");
    let (id, file) = s.only_session();
    let (code, out, err) = s.run(&["replay", &id, "--plain"], "");
    assert_eq!(code, Some(0), "{err}");
    assert_plain(&out);
    assert!(out.starts_with(&format!("Replay of session {id}: tui-test 1.0.0")));
    for line in [
        "  1. [",
        "] How long is the work? Long",
        "  2. [",
        "] Went back.",
        "] How long is the work? Medium",
        "] Is the work regulated? No",
        "] Went from the review to change “How long is the work?”.",
        "] How long is the work? Short",
        "] Reached the result: ",
        "Same pack and same result as when the session was saved.",
    ] {
        assert!(out.contains(line), "missing {line:?} in:\n{out}");
    }
    assert!(out.ends_with(&s.recommend(&file)), "{out}");
    assert!(!out.contains("hirewiz resume"), "{out}");
}

#[test]
fn replay_without_a_terminal_prints_the_transcript_by_itself() {
    let s = Setup::new();
    s.run(&["--plain"], "1\nno\n5\n\n");
    let (id, _) = s.only_session();
    // No --plain: input is a pipe, so the screens cannot be used.
    let (code, out, _) = s.run(&["replay", &id], "");
    assert_eq!(code, Some(0));
    assert!(out.starts_with("Replay of session"), "{out}");
}

#[test]
fn replay_of_an_unfinished_session_says_how_to_go_on() {
    let s = Setup::new();
    s.run(&["--plain"], FIRST_PART);
    let (id, _) = s.only_session();
    let (code, out, _) = s.run(&["replay", &id, "--plain"], "");
    assert_eq!(code, Some(0));
    assert!(
        out.contains("! The session was saved before its result"),
        "{out}"
    );
    assert!(
        out.ends_with(&format!(
            "The session is not finished. Go on with it: hirewiz resume {id}\n"
        )),
        "{out}"
    );
}

#[test]
fn replay_after_a_pack_change_shows_both_results() {
    let s = Setup::new();
    s.run(&["--plain"], "1\nno\n5\n\n");
    let (id, _) = s.only_session();
    s.edit_pack();
    let (code, out, _) = s.run(&["replay", &id, "--plain"], "");
    assert_eq!(code, Some(0));
    assert!(out.contains("! The pack changed since"), "{out}");
    assert!(
        out.contains("! The recommendation is still Beta, with other points than when saved."),
        "{out}"
    );
    assert!(out.contains("  saved  Beta 5 · "), "{out}");
    assert!(out.contains("  now    Beta 10 · "), "{out}");
}

#[test]
fn replay_of_an_unknown_session_exits_2() {
    let s = Setup::new();
    let (code, out, err) = s.run(&["replay", "20990101-0000-zzzz", "--plain"], "");
    assert_eq!(code, Some(2));
    assert!(out.is_empty());
    assert!(err.contains("20990101-0000-zzzz"), "{err}");
}

#[test]
fn a_new_plain_run_names_the_unfinished_session_it_leaves_alone() {
    let s = Setup::new();
    let (code, out, _) = s.run(&["--plain"], FIRST_PART);
    assert_eq!(code, Some(2));
    assert!(!out.contains("unfinished"), "{out}");
    let (id, _) = s.only_session();

    let (code, out, err) = s.run(&["--plain"], &format!("{FIRST_PART}{REST}"));
    assert_eq!(code, Some(0), "{err}");
    assert_plain(&out);
    assert!(
        out.contains(&format!(
            "An unfinished session is saved: {id}, 2 answers, last saved "
        )),
        "{out}"
    );
    assert!(
        out.contains(&format!(
            "`hirewiz resume --plain {id}` goes on with that one."
        )),
        "{out}"
    );
    assert!(!out.contains("there are more"), "{out}");
    // The earlier session is left as it was; this run saved a second one.
    assert_eq!(s.sessions().len(), 2);

    // A third run: the newest unfinished one is named, and there are more.
    let (_, _, _) = s.run(&["--plain"], FIRST_PART);
    let (_, out, _) = s.run(&["--plain"], FIRST_PART);
    assert!(
        out.contains("there are more (`hirewiz sessions` lists them)"),
        "{out}"
    );
}

#[cfg(unix)]
#[test]
fn ctrl_c_in_plain_mode_says_where_the_answers_are() {
    use std::io::{BufRead, Write};
    let s = Setup::new();
    let bin = assert_cmd::cargo::cargo_bin("hirewiz");
    let mut child = std::process::Command::new(bin)
        .env("TERM", "xterm-256color")
        .env("HIREWIZ_DATA_DIR", s.dir.path().join("data"))
        .args(["--pack", s.pack().to_str().unwrap(), "--plain"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // A deadline, so that a wizard that ignores the signal fails the test, not hangs it.
    let pid = child.id() as i32;
    let (done, finished) = std::sync::mpsc::channel::<()>();
    std::thread::spawn(move || {
        if finished
            .recv_timeout(std::time::Duration::from_secs(30))
            .is_err()
        {
            unsafe { libc_kill(pid, 9) };
        }
    });
    let mut stdin = child.stdin.take().unwrap();
    stdin.write_all(b"3\n").unwrap();
    stdin.flush().unwrap();
    // Wait (on the output itself, not a clock) for the second question to be asked.
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    let mut seen = String::new();
    while !seen.contains("Question 2 of") {
        line.clear();
        assert!(
            out.read_line(&mut line).unwrap() > 0,
            "output ended:\n{seen}"
        );
        seen.push_str(&line);
    }
    unsafe { libc_kill(child.id() as i32, 2) };
    let status = child.wait().unwrap();
    let _ = done.send(());
    let mut err = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut err).unwrap();
    assert_eq!(status.code(), Some(130), "{err}");
    let (id, _) = s.only_session();
    assert!(
        err.contains(&format!(
            "hirewiz: stopped. The answers given are saved in session {id}; \
             `hirewiz resume --plain {id}` goes on with them."
        )),
        "{err}"
    );
    drop(stdin);
}

#[cfg(unix)]
unsafe extern "C" {
    #[link_name = "kill"]
    fn libc_kill(pid: i32, sig: i32) -> i32;
}

#[test]
fn a_failed_last_save_in_plain_mode_exits_1_and_says_where_the_answers_are() {
    let s = Setup::new();
    std::fs::create_dir_all(s.dir.path().join("data")).unwrap();
    std::fs::write(s.dir.path().join("data/sessions"), "not a folder").unwrap();
    let (code, out, err) = s.run(&["--plain"], &format!("{FIRST_PART}{REST}"));
    assert_eq!(code, Some(1), "{err}");
    // The recommendation was still shown.
    assert!(out.contains("Recommendation"), "{out}");
    let kept = err
        .split("everything recorded is kept in ")
        .nth(1)
        .and_then(|rest| rest.split(", and").next())
        .unwrap_or_else(|| panic!("no place named:\n{err}"));
    let text = std::fs::read_to_string(kept).expect("the answers are kept");
    assert!(text.contains("answers"), "{text}");
    assert!(
        err.contains(&format!("`hirewiz resume {kept}` goes on with it")),
        "{err}"
    );
    let _ = std::fs::remove_file(kept);
}
