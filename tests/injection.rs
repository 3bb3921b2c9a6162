//! Escape sequences written into a pack, an answers file or a session file never reach
//! a terminal or a report raw: every output shows them escaped. The texts below clear
//! the screen, write the clipboard (OSC 52), make a link (OSC 8), ring the bell, start a
//! C1 control sequence and reverse the reading order.

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Every hostile sequence at once, as a YAML double-quoted text.
const HOSTILE: &str = r"\e[2J\e]52;c;SGVsbG8=\a\e]8;;http://example.invalid/\e\\link\e]8;;\e\\\a\x9b31m\u202eevil\u2066x\u2069\x7f";

fn injection_pack() -> String {
    let h = HOSTILE;
    format!(
        r#"pack:
  id: injection
  version: "1.0.0"
  title: "Title {h}"
  description: "Description {h}"
candidates:
  - {{id: one, name: "One {h}", description: "First {h}"}}
  - {{id: two, name: "Two {h}"}}
sections:
  - id: main
    title: "Section {h}"
    questions:
      - id: size
        prompt: "Prompt {h}"
        help: "Help {h}"
        details: "Details {h}"
        kind: single
        options:
          - {{id: small, label: "Small {h}", help: "Option help {h}"}}
          - {{id: large, label: "Large {h}"}}
        default: small
      - id: days
        prompt: "Days {h}"
        help: "Days help {h}"
        kind: number
        min: 0
        max: 30
        unit: "days {h}"
        default: 2
rules:
  - id: small
    when: {{equals: {{size: small}}}}
    points: {{one: 3, two: 1}}
    reason: "Reason {h}"
  - id: large
    when: {{equals: {{size: large}}}}
    points: {{two: 3}}
    reason: "Other reason {h}"
"#
    )
}

/// Whether `bytes` hold a control character other than newline and tab, DEL, a C1
/// control or a bidi control: anything a terminal would obey rather than show.
fn raw_control(bytes: &[u8]) -> Option<String> {
    if let Some(b) = bytes
        .iter()
        .find(|&&b| (b < 0x20 && b != b'\n' && b != b'\t') || b == 0x7f)
    {
        return Some(format!("byte {b:#04x}"));
    }
    let text = String::from_utf8_lossy(bytes);
    text.chars()
        .find(|&c| {
            ('\u{80}'..='\u{9f}').contains(&c)
                || ('\u{202a}'..='\u{202e}').contains(&c)
                || ('\u{2066}'..='\u{2069}').contains(&c)
        })
        .map(|c| format!("character U+{:04X}", c as u32))
}

fn assert_clean(what: &str, bytes: &[u8]) {
    if let Some(found) = raw_control(bytes) {
        panic!(
            "{what} holds a raw {found}:\n{}",
            String::from_utf8_lossy(bytes)
        );
    }
}

struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::write(dir.path().join("pack.yaml"), injection_pack()).expect("pack written");
        Fixture { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    fn cmd(&self) -> Command {
        let mut c = Command::cargo_bin("hirewiz").expect("the binary is built");
        c.env_remove("HIREWIZ_DATA_DIR")
            .env("NO_COLOR", "1")
            .arg("--pack")
            .arg(self.path("pack.yaml"))
            .arg("--data-dir")
            .arg(self.path("data"))
            .timeout(Duration::from_secs(20));
        c
    }

    /// Run with `args`, check both streams are clean, and return standard output.
    fn run(&self, args: &[&str], stdin: &str) -> (String, i32) {
        let out = self
            .cmd()
            .args(args)
            .write_stdin(stdin)
            .output()
            .expect("the binary runs");
        let what = format!("hirewiz {}", args.join(" "));
        assert_clean(&format!("stdout of {what}"), &out.stdout);
        assert_clean(&format!("stderr of {what}"), &out.stderr);
        (
            String::from_utf8_lossy(&out.stdout).into_owned(),
            out.status.code().unwrap_or(-1),
        )
    }

    /// A finished session saved by plain mode, and its file.
    fn session(&self) -> PathBuf {
        let (out, code) = self.run(&["--plain"], "\n\n\n");
        assert_eq!(code, 0, "{out}");
        let dir = self.path("data").join("sessions");
        std::fs::read_dir(&dir)
            .expect("sessions saved")
            .flatten()
            .map(|e| e.path())
            .find(|p| p.extension().is_some_and(|e| e == "yaml"))
            .expect("a session file")
    }
}

fn write(path: &Path, text: &str) {
    std::fs::write(path, text).expect("file written");
}

#[test]
fn reports_show_pack_text_escaped() {
    let f = Fixture::new();
    write(&f.path("answers.yaml"), "answers: {size: small}\n");
    write(&f.path("other.yaml"), "answers: {size: large}\n");
    let answers = f.path("answers.yaml").to_string_lossy().into_owned();
    let other = f.path("other.yaml").to_string_lossy().into_owned();
    for format in ["text", "markdown"] {
        let (out, code) = f.run(
            &["recommend", "--answers", &answers, "--format", format],
            "",
        );
        assert_eq!(code, 0, "{out}");
        assert!(out.contains(r"One \e[2J\e]52;c;SGVsbG8=\x07"), "{out}");
        assert!(out.contains(r"\u009b31m\u202eevil"), "{out}");
        assert!(out.contains("Reason "), "{out}");
    }
    let (json, code) = f.run(
        &["recommend", "--answers", &answers, "--format", "json"],
        "",
    );
    assert_eq!(code, 0);
    let value: serde_json::Value = serde_json::from_str(&json).expect("JSON output parses");
    // JSON escapes keep the value itself intact.
    let reason = value["reasons"][0]["reason"].as_str().unwrap_or_default();
    assert!(reason.starts_with("Reason \x1b[2J\x1b]52;"), "{reason:?}");
    assert!(reason.contains("\u{9b}31m\u{202e}evil"), "{reason:?}");
    assert!(json.contains("\\u202eevil"), "{json}");
    for format in ["text", "json"] {
        let (out, code) = f.run(&["compare", &answers, &other, "--format", format], "");
        assert_eq!(code, 0, "{out}");
    }
}

#[test]
fn check_and_answers_warnings_quote_file_text_escaped() {
    let f = Fixture::new();
    let broken = injection_pack().replace(
        "      - id: days\n",
        "      - id: days\n        \"promt\\e[2J\\x9b\": x\n",
    );
    write(&f.path("broken.yaml"), &broken);
    let broken = f.path("broken.yaml").to_string_lossy().into_owned();
    let (out, code) = f.run(&["check", &broken], "");
    assert_eq!(code, 2, "{out}");
    assert!(out.contains(r"promt\e[2J\u009b"), "{out}");
    let (out, code) = f.run(&["check"], "");
    assert_eq!(code, 0, "{out}");

    write(
        &f.path("answers.yaml"),
        "answers: {size: small, \"q\\e]52;c;SGVsbG8=\\a\": 1}\n",
    );
    let answers = f.path("answers.yaml").to_string_lossy().into_owned();
    let out = f
        .cmd()
        .args(["recommend", "--answers", &answers])
        .output()
        .expect("runs");
    assert_clean("stderr of a warning", &out.stderr);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(r"q\e]52;c;SGVsbG8=\x07"), "{err}");
}

#[test]
fn plain_mode_shows_pack_text_escaped() {
    let f = Fixture::new();
    let (out, code) = f.run(&["--plain"], "\n\n\n");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains(r"Prompt \e[2J"), "{out}");
}

#[test]
fn sessions_exports_and_replays_of_hostile_files_are_escaped() {
    let f = Fixture::new();
    let file = f.session();
    let id = file
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .expect("a file name");
    // Hand-edited: the pack version and the winner's name as saved carry escapes.
    let text = std::fs::read_to_string(&file).expect("session reads");
    let mut named = false;
    let edited: String = text
        .lines()
        .map(|l| {
            if l.starts_with("  version: ") {
                format!("  version: \"1{HOSTILE}\"\n")
            } else if l.starts_with("    name: ") && !named {
                named = true;
                format!("    name: \"Saved {HOSTILE}\"\n")
            } else {
                format!("{l}\n")
            }
        })
        .collect();
    assert!(named, "{text}");
    write(&file, &edited);
    let sessions = f.path("data").join("sessions");
    // Unreadable files whose reason quotes a bad value.
    write(
        &sessions.join("20250101-0000-bad1.yaml"),
        &format!("format: \"hirewiz-session/1{HOSTILE}\"\n"),
    );
    write(
        &sessions.join("20250101-0000-bad2.yaml"),
        &text.replacen("status: complete", &format!("status: \"{HOSTILE}\""), 1),
    );

    let (out, code) = f.run(&["sessions"], "");
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("bad1.yaml: unreadable"), "{out}");
    assert!(out.contains(r"1\e[2J\e]52;"), "{out}");
    assert!(out.contains(r"bad2.yaml: unreadable"), "{out}");
    let (out, code) = f.run(&["sessions", "--format", "json"], "");
    assert_eq!(code, 0);
    serde_json::from_str::<serde_json::Value>(&out).expect("the listing is JSON");

    for format in ["markdown", "json"] {
        let (out, code) = f.run(&["export", &id, "--format", format], "");
        assert_eq!(code, 0, "{out}");
        let target = f.path(&format!("export.{format}"));
        let t = target.to_string_lossy().into_owned();
        let (_, code) = f.run(&["export", &id, "--format", format, "-o", &t], "");
        assert_eq!(code, 0);
        let bytes = std::fs::read(&target).expect("export written");
        assert_clean(&format!("the exported {format}"), &bytes);
        if format == "json" {
            serde_json::from_slice::<serde_json::Value>(&bytes).expect("exported JSON parses");
        }
    }
    for given in [id.as_str(), "20250101-0000-bad1", "20250101-0000-bad2"] {
        f.run(&["--plain", "replay", given], "");
        f.run(&["export", given, "--format", "markdown"], "");
    }
    let (_, code) = f.run(&["compare", &id, &file.to_string_lossy()], "");
    assert_eq!(code, 0);
}

#[test]
fn a_typed_label_refuses_direction_controls() {
    use hirewiz::session::Label;
    for bad in ["gro\u{202e}txt.exe", "a\u{2066}b", "\u{202a}x"] {
        let e = Label::parse(bad).expect_err("refused");
        assert!(e.contains("direction controls"), "{e}");
    }
    assert!(Label::parse("Acme · ünïcode ✓").is_ok());
}

#[test]
fn check_warns_at_every_bidirectional_control_in_a_pack() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("bidi.yaml");
    std::fs::write(
        &pack,
        "pack:\n  id: bidi\n  version: \"1\"\n  title: \"Safe \u{202e}txet\"\n\
         candidates: [{id: a, name: A}, {id: b, name: B}]\n\
         sections:\n  - id: s\n    title: S\n    questions:\n\
         \x20     - {id: q, prompt: \"Ready \\u2066now?\", help: h, kind: yes_no, default: false}\n\
         rules:\n  - {id: r, when: {equals: {q: true}}, points: {a: 1, b: -1}, reason: R}\n",
    )
    .unwrap();
    let out = assert_cmd::Command::cargo_bin("hirewiz")
        .unwrap()
        .arg("check")
        .arg(&pack)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        !text.contains('\u{202e}') && !text.contains('\u{2066}'),
        "{text}"
    );
    assert!(
        text.contains("bidi.yaml:4:16: warning: a bidirectional control character (U+202E)"),
        "{text}"
    );
    assert!(
        text.contains("bidi.yaml:10:32: warning: a bidirectional control character (U+2066)"),
        "{text}"
    );
}

/// A line break inside a name, a label, a prompt or a reason would stand in a report as a
/// line of its own ("Recommendation: FAKE"): such a pack is refused, each break named at
/// its place, and the item it is in is kept, so nothing that refers to it is misreported.
#[test]
fn a_line_break_inside_a_pack_text_is_refused_at_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let pack = dir.path().join("lines.yaml");
    std::fs::write(
        &pack,
        "pack:\n  id: lines\n  version: \"1\"\n  title: T\n\
         candidates: [{id: a, name: \"A\\nRecommendation: FAKE\"}, {id: b, name: B}]\n\
         sections:\n  - id: s\n    title: S\n    questions:\n\
         \x20     - id: q\n        prompt: \"Ready?\\r\\nRecommendation: FAKE\"\n        help: h\n\
         \x20       kind: single\n        options: [{id: x, label: \"X\\u2028Y\"}, {id: y, label: Y}]\n\
         \x20       default: x\n\
         rules:\n  - {id: r, when: {equals: {q: x}}, points: {a: 1, b: -1}, reason: \"R\\nS\"}\n",
    )
    .unwrap();
    let out = assert_cmd::Command::cargo_bin("hirewiz")
        .unwrap()
        .arg("check")
        .arg(&pack)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let text = String::from_utf8(out.stdout).unwrap();
    for at in [
        "5:28: error: `name`",
        "11:17: error: `prompt`",
        "14:34: error: `label`",
        "17:68: error: `reason`",
    ] {
        assert!(
            text.contains(&format!("lines.yaml:{at} must be one line")),
            "{at}\n{text}"
        );
    }
    assert!(text.ends_with("4 problems found\n"), "{text}");
}

/// Members named after files whose names hold a line break or an escape sequence: the
/// group and compare tables printed the line break raw, breaking the table, and padded
/// the escaped ESC by its raw width. Names are now one line, escaped, and aligned.
#[test]
fn group_and_compare_show_hostile_file_names_on_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let a = dir.path().join("a\nb.yaml");
    let b = dir.path().join("c\u{1b}[31md.yaml");
    std::fs::copy("docs/team/CTO.yaml", &a).unwrap();
    std::fs::copy("docs/team/CFO.yaml", &b).unwrap();
    for cmd in ["group", "compare"] {
        let out = Command::cargo_bin("hirewiz")
            .unwrap()
            .arg(cmd)
            .arg(&a)
            .arg(&b)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{cmd}");
        assert_clean(cmd, &out.stdout);
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(!text.contains("a\nb"), "{text}");
        assert!(
            text.contains("a\\nb") && text.contains("c\\e[31md"),
            "{text}"
        );
    }
    // In the group's list of who answered, the file column starts at one place.
    let out = Command::cargo_bin("hirewiz")
        .unwrap()
        .arg("group")
        .arg(&a)
        .arg(&b)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let rows: Vec<&str> = text
        .lines()
        .skip_while(|l| *l != "Who answered")
        .skip(1)
        .take(2)
        .collect();
    let col = |row: &str| row.find(dir.path().to_str().unwrap()).unwrap();
    assert_eq!(col(rows[0]), col(rows[1]), "{text}");
}
