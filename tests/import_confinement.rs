//! A pack's imports stay in its folder tree: an absolute path, a `..` that climbs out or
//! a link that leads out is refused at the import, exit 2, with a hint naming the flag
//! that allows it; the flag lets such an import through. The built-in pack's layout
//! (`questions/` importing `../assets/`) is inside its tree.

use assert_cmd::Command;
use predicates::prelude::*;
use std::path::{Path, PathBuf};

const DATASTORE: &str = "tests/packs/datastore/pack.yaml";
const ANSWERS: &str = "tests/inputs/datastore-global.yaml";
const FLAG: &str = "--allow-outside-imports";

fn hirewiz() -> Command {
    let mut c = Command::cargo_bin("hirewiz").expect("the binary is built");
    c.env("NO_COLOR", "1");
    c
}

/// The datastore pack written as `dir/name`, importing `import` first; returns its path.
fn pack_importing(dir: &Path, name: &str, import: &str) -> PathBuf {
    let src = std::fs::read_to_string(DATASTORE).expect("the datastore pack");
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("the pack's folder");
    }
    std::fs::write(&path, format!("imports: [\"{import}\"]\n{src}")).expect("pack written");
    path
}

/// A part of a pack that adds nothing, so that importing it leaves a sound pack.
fn part(path: &Path) {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).expect("the part's folder");
    }
    std::fs::write(path, "imports: []\n").expect("part written");
}

/// `check` refuses the pack with exit 2, naming the import at its place and the flag.
fn refused_at_the_import(pack: &Path, import: &str) {
    let out = hirewiz()
        .arg("check")
        .arg(pack)
        .output()
        .expect("check runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    let at = format!("{}:1:11: error: cannot import `", pack.display());
    assert!(stdout.contains(&at), "missing {at:?} in:\n{stdout}");
    assert!(stdout.contains(import), "{stdout}");
    assert!(stdout.contains("outside the pack's folder"), "{stdout}");
    assert!(stdout.contains(&format!("hint: a pack reads only files in its own folder tree; move the file there, or pass {FLAG}")), "{stdout}");
}

#[test]
fn an_absolute_path_outside_is_refused() {
    let dir = tempfile::tempdir().expect("a folder");
    let outside = tempfile::tempdir().expect("another folder");
    let target = outside.path().join("extra.yaml");
    part(&target);
    let target = target.display().to_string();
    let pack = pack_importing(dir.path(), "pack.yaml", &target);
    refused_at_the_import(&pack, &target);
    // A system file is refused before it is read: nothing of it is quoted.
    let pack = pack_importing(dir.path(), "system.yaml", "/etc/passwd");
    refused_at_the_import(&pack, "/etc/passwd");
    let out = hirewiz()
        .arg("check")
        .arg(&pack)
        .output()
        .expect("check runs");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("/etc/passwd:"));
}

#[test]
fn climbing_out_with_dot_dot_is_refused() {
    let dir = tempfile::tempdir().expect("a folder");
    part(&dir.path().join("extra.yaml"));
    let pack = pack_importing(dir.path(), "a/b/pack.yaml", "../../extra.yaml");
    refused_at_the_import(&pack, "extra.yaml");
    // Climbing out and back in again stays inside.
    part(&dir.path().join("a/b/c/extra.yaml"));
    let pack = pack_importing(dir.path(), "a/b/back.yaml", "../b/c/extra.yaml");
    hirewiz().arg("check").arg(&pack).assert().success();
}

#[cfg(unix)]
#[test]
fn a_link_that_leads_outside_is_refused() {
    let dir = tempfile::tempdir().expect("a folder");
    let outside = tempfile::tempdir().expect("another folder");
    let target = outside.path().join("extra.yaml");
    part(&target);
    std::os::unix::fs::symlink(&target, dir.path().join("link.yaml")).expect("a link");
    let pack = pack_importing(dir.path(), "pack.yaml", "link.yaml");
    refused_at_the_import(&pack, "link.yaml");
    let out = hirewiz()
        .arg("check")
        .arg(&pack)
        .output()
        .expect("check runs");
    assert!(String::from_utf8_lossy(&out.stdout).contains("is a link to a file outside"));
    // A link inside the tree is followed.
    std::fs::remove_file(dir.path().join("link.yaml")).expect("link removed");
    part(&dir.path().join("real.yaml"));
    std::os::unix::fs::symlink(dir.path().join("real.yaml"), dir.path().join("link.yaml"))
        .expect("a link inside");
    hirewiz().arg("check").arg(&pack).assert().success();
}

#[cfg(unix)]
#[test]
fn a_folder_pack_cannot_hold_a_link_that_leads_outside() {
    let dir = tempfile::tempdir().expect("a folder");
    let outside = tempfile::tempdir().expect("another folder");
    std::fs::copy(DATASTORE, dir.path().join("pack.yaml")).expect("pack copied");
    let target = outside.path().join("extra.yaml");
    part(&target);
    std::os::unix::fs::symlink(&target, dir.path().join("z.yaml")).expect("a link");
    hirewiz()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "z.yaml: it is a link to a file outside",
        ))
        .stderr(predicate::str::contains(FLAG));
    // A folder whose only file is such a link is refused too.
    std::fs::remove_file(dir.path().join("pack.yaml")).expect("pack removed");
    hirewiz()
        .arg("check")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains(
            "z.yaml: it is a link to a file outside",
        ));
}

#[test]
fn an_import_inside_the_pack_folder_is_read() {
    let dir = tempfile::tempdir().expect("a folder");
    part(&dir.path().join("parts/extra.yaml"));
    let pack = pack_importing(dir.path(), "pack.yaml", "parts/./extra.yaml");
    hirewiz()
        .arg("check")
        .arg(&pack)
        .assert()
        .success()
        .stdout(predicate::str::contains("ok: pack `datastore-choice`"));
}

#[test]
fn a_questions_folder_reaches_the_assets_beside_it() {
    let dir = tempfile::tempdir().expect("a project folder");
    part(&dir.path().join("assets/extra.yaml"));
    let pack = pack_importing(dir.path(), "questions/pack.yaml", "../assets/extra.yaml");
    hirewiz().arg("check").arg(&pack).assert().success();
    hirewiz()
        .arg("check")
        .arg(dir.path().join("questions"))
        .assert()
        .success();
    // But no further up than the project folder.
    let outer = tempfile::tempdir().expect("a folder");
    part(&outer.path().join("extra.yaml"));
    let pack = pack_importing(
        outer.path(),
        "project/questions/pack.yaml",
        "../../extra.yaml",
    );
    refused_at_the_import(&pack, "extra.yaml");
}

#[test]
fn the_flag_lets_an_outside_import_through_for_every_command() {
    let dir = tempfile::tempdir().expect("a folder");
    let outside = tempfile::tempdir().expect("another folder");
    let target = outside.path().join("extra.yaml");
    part(&target);
    let pack = pack_importing(dir.path(), "pack.yaml", &target.display().to_string());
    hirewiz()
        .args(["check", FLAG])
        .arg(&pack)
        .assert()
        .success();
    hirewiz()
        .arg(FLAG)
        .arg("check")
        .arg(&pack)
        .assert()
        .success();
    // recommend (like every command that takes --pack) refuses it without the flag...
    hirewiz()
        .arg("--pack")
        .arg(&pack)
        .args(["recommend", "--answers", ANSWERS])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("outside the pack's folder"));
    // ...and reads it with the flag.
    hirewiz()
        .arg("--pack")
        .arg(&pack)
        .args(["recommend", FLAG, "--answers", ANSWERS])
        .assert()
        .success()
        .stdout(predicate::str::starts_with("Recommendation:"));
}

#[test]
fn what_an_allowed_outside_file_says_is_quoted_only_in_short() {
    let dir = tempfile::tempdir().expect("a folder");
    let outside = tempfile::tempdir().expect("another folder");
    let secret = format!("{}: x\n", "s".repeat(300));
    std::fs::write(outside.path().join("secret"), &secret).expect("a file that is no pack");
    let target = outside.path().join("secret").display().to_string();
    let pack = pack_importing(dir.path(), "pack.yaml", &target);
    let out = hirewiz()
        .args(["check", FLAG])
        .arg(&pack)
        .output()
        .expect("check runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    assert!(stdout.contains("unknown field `ssss"), "{stdout}");
    assert!(!stdout.contains(&"s".repeat(41)), "{stdout}");
}

#[test]
fn the_flag_is_in_the_help_and_the_manual() {
    hirewiz()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains(FLAG));
    hirewiz()
        .arg("man")
        .assert()
        .success()
        .stdout(predicate::str::contains("allow\\-outside\\-imports"));
}

/// A pack named by a relative path, from its own folder: two `..` in a row climb two
/// folders, so an import that leaves the pack is refused rather than read from a file of
/// the same name inside it, and with the flag the file outside is the one read.
#[test]
fn two_dot_dots_from_a_relative_pack_path_climb_two_folders() {
    let dir = tempfile::tempdir().expect("a folder");
    let root = dir.path().canonicalize().expect("the folder's path");
    let questions = root.join("pack/questions");
    pack_importing(&questions, "pack.yaml", "../../shared.yaml");
    part(&root.join("shared.yaml"));
    // A decoy where a `../..` taken for nothing would lead: it does not even parse.
    std::fs::write(questions.join("shared.yaml"), "decoy: [\n").expect("decoy written");
    let out = hirewiz()
        .current_dir(&questions)
        .args(["check", "pack.yaml"])
        .output()
        .expect("check runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(2), "{stdout}");
    assert!(stdout.contains("outside the pack's folder"), "{stdout}");
    assert!(!stdout.contains("decoy"), "{stdout}");
    hirewiz()
        .current_dir(&questions)
        .args([FLAG, "check", "pack.yaml"])
        .assert()
        .success();
}
