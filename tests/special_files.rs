//! Named pipes, devices, folders and sockets where a file is expected: every input
//! refuses them at once with a message and exit code 2. Each run has a deadline, so a
//! read that blocks or never ends fails the test instead of hanging it.
#![cfg(unix)]

use assert_cmd::Command;
use predicates::prelude::*;
use std::os::unix::net::UnixListener;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Far longer than any of these runs takes, far shorter than a hang.
const DEADLINE: Duration = Duration::from_secs(10);

/// A folder holding one special file of each kind, each named like a YAML file.
struct Specials {
    dir: tempfile::TempDir,
    _socket: UnixListener,
}

impl Specials {
    fn new() -> Specials {
        let dir = tempfile::tempdir().expect("a temporary folder");
        mkfifo(&dir.path().join("fifo.yaml"));
        std::fs::create_dir(dir.path().join("folder.yaml")).expect("a folder");
        let socket = UnixListener::bind(dir.path().join("socket.yaml")).expect("a socket");
        Specials {
            dir,
            _socket: socket,
        }
    }

    /// Every special file, with the words its refusal names it by.
    fn each(&self) -> Vec<(PathBuf, &'static str)> {
        vec![
            (self.dir.path().join("fifo.yaml"), "named pipe"),
            (PathBuf::from("/dev/zero"), "device"),
            (PathBuf::from("/dev/urandom"), "device"),
            (self.dir.path().join("folder.yaml"), "folder"),
            (self.dir.path().join("socket.yaml"), "socket"),
        ]
    }
}

fn mkfifo(path: &Path) {
    let status = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo runs");
    assert!(status.success(), "mkfifo {}", path.display());
}

fn hirewiz(data: &Path) -> Command {
    let mut c = Command::cargo_bin("hirewiz").expect("the binary is built");
    c.env_remove("HIREWIZ_DATA_DIR")
        .env("NO_COLOR", "1")
        .arg("--data-dir")
        .arg(data)
        .timeout(DEADLINE);
    c
}

fn refused(mut cmd: Command, words: &str) {
    cmd.assert()
        .code(2)
        .stderr(predicate::str::contains(words).and(predicate::str::contains("not")));
}

fn answers_file(dir: &Path) -> PathBuf {
    let path = dir.join("answers.yaml");
    std::fs::write(&path, "answers: {}\n").expect("answers written");
    path
}

#[test]
fn a_special_file_as_pack_is_refused() {
    let s = Specials::new();
    let data = tempfile::tempdir().expect("a data folder");
    for (path, words) in s.each() {
        let mut check = hirewiz(data.path());
        check.arg("check").arg(&path);
        refused(check, words);
        let mut recommend = hirewiz(data.path());
        recommend
            .arg("--pack")
            .arg(&path)
            .arg("recommend")
            .arg("--answers")
            .arg(answers_file(data.path()));
        refused(recommend, words);
    }
}

#[test]
fn a_special_file_as_import_is_refused_at_the_import() {
    let s = Specials::new();
    let data = tempfile::tempdir().expect("a data folder");
    for (path, words) in s.each() {
        let pack = data.path().join("pack.yaml");
        std::fs::write(&pack, format!("imports: [{}]\n", path.display())).expect("pack");
        hirewiz(data.path())
            .arg("check")
            .arg(&pack)
            .assert()
            .code(2)
            .stdout(predicate::str::contains(format!(
                "cannot import `{}`",
                path.display()
            )))
            .stdout(predicate::str::contains(words));
    }
}

#[test]
fn a_special_file_as_answers_is_refused() {
    let s = Specials::new();
    let data = tempfile::tempdir().expect("a data folder");
    for (path, words) in s.each() {
        let mut recommend = hirewiz(data.path());
        recommend.arg("recommend").arg("--answers").arg(&path);
        refused(recommend, words);
        let mut compare = hirewiz(data.path());
        compare
            .arg("compare")
            .arg(answers_file(data.path()))
            .arg(&path);
        refused(compare, words);
    }
}

#[test]
fn a_special_file_as_session_file_is_refused() {
    let s = Specials::new();
    let data = tempfile::tempdir().expect("a data folder");
    for (path, words) in s.each() {
        for command in [
            &["export", "--format", "json"][..],
            &["replay", "--plain"][..],
            &["resume", "--plain"][..],
        ] {
            let mut cmd = hirewiz(data.path());
            cmd.args(&command[..1]).arg(&path).args(&command[1..]);
            refused(cmd, words);
        }
    }
}

#[test]
fn special_files_in_the_sessions_folder_are_listed_as_unreadable_and_passed_over() {
    let data = tempfile::tempdir().expect("a data folder");
    let sessions = data.path().join("sessions");
    std::fs::create_dir(&sessions).expect("sessions folder");
    mkfifo(&sessions.join("20250601-1430-fifo.yaml"));
    std::fs::create_dir(sessions.join("20250601-1430-fold.yaml")).expect("a folder");
    let _socket = UnixListener::bind(sessions.join("20250601-1430-sock.yaml")).expect("socket");
    std::os::unix::fs::symlink("/dev/zero", sessions.join("20250601-1430-zero.yaml"))
        .expect("a link");
    hirewiz(data.path())
        .arg("sessions")
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "fifo.yaml: unreadable: is a named pipe",
        ))
        .stdout(predicate::str::contains(
            "fold.yaml: unreadable: is a folder",
        ))
        .stdout(predicate::str::contains(
            "sock.yaml: unreadable: is a socket",
        ))
        .stdout(predicate::str::contains(
            "zero.yaml: unreadable: is a device",
        ));
    hirewiz(data.path())
        .arg("sessions")
        .arg("--format")
        .arg("json")
        .assert()
        .success();
    // None of them is taken for an unfinished session.
    hirewiz(data.path())
        .args(["--plain", "resume"])
        .write_stdin("")
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no unfinished session"));
    hirewiz(data.path())
        .args(["export", "20250601-1430-fifo", "--format", "json"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("named pipe"));
}

/// A finished session in `data`, saved by plain mode on the default pack; its id.
fn saved_session(data: &Path) -> String {
    hirewiz(data)
        .arg("--plain")
        .write_stdin("\n".repeat(80))
        .assert()
        .success();
    let file = std::fs::read_dir(data.join("sessions"))
        .expect("sessions saved")
        .flatten()
        .map(|e| e.path())
        .find(|p| p.extension().is_some_and(|e| e == "yaml"))
        .expect("a session file");
    file.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .expect("a name")
}

#[test]
fn export_writes_only_regular_files() {
    use std::os::unix::fs::PermissionsExt;
    let s = Specials::new();
    let data = tempfile::tempdir().expect("a data folder");
    let id = saved_session(data.path());
    let export = |out: &Path, follow: bool| {
        let mut c = hirewiz(data.path());
        c.args(["export", &id, "-o"]).arg(out);
        if follow {
            c.arg("--follow-link");
        }
        c
    };
    for (path, words) in s.each() {
        export(&path, false)
            .assert()
            .code(2)
            .stderr(predicate::str::contains(words));
    }
    export(Path::new("/dev/null"), false)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("is a device"));
    assert!(s.dir.path().join("fifo.yaml").exists());

    // An existing file keeps its mode.
    let kept = data.path().join("report.md");
    std::fs::write(&kept, "old").expect("written");
    std::fs::set_permissions(&kept, std::fs::Permissions::from_mode(0o644)).expect("chmod");
    export(&kept, false).assert().success();
    let meta = std::fs::metadata(&kept).expect("still there");
    assert_eq!(meta.permissions().mode() & 0o777, 0o644);
    assert!(
        std::fs::read_to_string(&kept)
            .expect("reads")
            .starts_with('#')
    );

    // A link is refused unless asked, and then its target is written, the link kept.
    let link = data.path().join("link.md");
    std::os::unix::fs::symlink(&kept, &link).expect("a link");
    std::fs::write(&kept, "old").expect("written");
    export(&link, false)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("symbolic link"));
    assert_eq!(std::fs::read_to_string(&kept).expect("reads"), "old");
    export(&link, true).assert().success();
    assert!(
        std::fs::symlink_metadata(&link)
            .expect("link")
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(&kept)
            .expect("reads")
            .starts_with('#')
    );
    // A link to a named pipe is refused even when followed.
    let to_fifo = data.path().join("fifo-link.md");
    std::os::unix::fs::symlink(s.dir.path().join("fifo.yaml"), &to_fifo).expect("a link");
    export(&to_fifo, true)
        .assert()
        .code(2)
        .stderr(predicate::str::contains("named pipe"));
}
