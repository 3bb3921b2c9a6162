//! Shell completions and the manual page, generated from the command line definition.

use assert_cmd::Command;

fn output(args: &[&str]) -> String {
    let out = Command::cargo_bin("hirewiz")
        .unwrap()
        .args(args)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{args:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn completions_know_every_command_and_the_global_flags() {
    for (shell, marker) in [
        ("bash", "complete -F _hirewiz"),
        ("zsh", "#compdef hirewiz"),
        ("fish", "complete -c hirewiz"),
    ] {
        let script = output(&["completions", shell]);
        assert!(script.contains(marker), "{shell}");
        for word in [
            "recommend",
            "group",
            "settle",
            "check",
            "schema",
            "completions",
            "man",
            "plain",
            "pack",
        ] {
            assert!(script.contains(word), "{shell} completion lacks {word}");
        }
    }
}

#[test]
fn an_unknown_shell_is_bad_input() {
    let out = Command::cargo_bin("hirewiz")
        .unwrap()
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn the_man_page_documents_commands_options_and_exit_codes() {
    let page = output(&["man"]);
    assert!(
        page.starts_with(".ie") || page.contains(".TH hirewiz 1"),
        "{page}"
    );
    for part in [
        ".SH SYNOPSIS",
        ".SH OPTIONS",
        "\\-\\-plain",
        ".SH COMMANDS",
        "\\fBhirewiz schema\\fR",
        "\\fBhirewiz group [\\-\\-format FORMAT] [\\-\\-settle] MEMBERS\\fR",
        "\\fBhirewiz recommend \\-\\-answers FILE [\\-\\-format FORMAT]\\fR",
        ".SH KEYS",
        "\\fBCtrl\\-C\\fR",
        ".SH ENVIRONMENT",
        "HIREWIZ_DATA_DIR",
        "NO_COLOR",
        ".SH FILES",
        ".SH \"EXIT STATUS\"",
    ] {
        assert!(page.contains(part), "man page lacks {part}:\n{page}");
    }
    assert!(
        page.contains(".TP\n\\fB130\\fR\nstopped with Ctrl\\-C\n"),
        "{page}"
    );
    assert!(page.contains(".TP\n\\fB2\\fR\nbad input:"));
    // Every page it points to exists: there are no pages per command.
    assert!(!page.contains("hirewiz\\-recommend(1)"), "{page}");
    assert!(!page.contains("(1)\n"), "{page}");
}

#[test]
fn help_lists_the_exit_codes_including_ctrl_c() {
    let help = output(&["--help"]);
    assert!(help.contains("Exit codes:\n  0    success\n"));
    assert!(help.contains("  130  stopped with Ctrl-C"));
}
