//! Plain mode driven through a pipe, as a script or a screen reader user would drive it.

use assert_cmd::Command;

const PACK: &str = "tests/packs/plain.yaml";

fn hirewiz() -> Command {
    let mut c = Command::cargo_bin("hirewiz").expect("binary builds");
    // Sessions are saved as the wizard goes: keep them out of the user's data folder.
    c.env("TERM", "xterm-256color")
        .env_remove("NO_COLOR")
        .env("HIREWIZ_DATA_DIR", env!("CARGO_TARGET_TMPDIR"));
    c
}

fn run(c: &mut Command, input: &str) -> (Option<i32>, String, String) {
    let out = c.write_stdin(input).output().unwrap();
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// No escape sequence, cursor movement or colour: no control character but line breaks.
fn assert_plain(text: &str) {
    if let Some(c) = text.chars().find(|c| c.is_control() && *c != '\n') {
        panic!("control character {c:?} in output:\n{text}");
    }
}

/// The text report `recommend` prints for the same answers.
fn recommend(answers: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("answers.yaml");
    std::fs::write(&file, answers).unwrap();
    recommend_file(&file)
}

/// The text report `recommend` prints for an answers or session file.
fn recommend_file(file: &std::path::Path) -> String {
    let out = hirewiz()
        .args(["recommend", "--pack", PACK, "--answers"])
        .arg(file)
        .output()
        .unwrap();
    assert!(out.status.success());
    // The pack's title holds an escape sequence, which plain mode drops.
    String::from_utf8(out.stdout)
        .unwrap()
        .chars()
        .filter(|c| !c.is_control() || *c == '\n')
        .collect()
}

#[test]
fn piped_answers_reach_the_same_recommendation_as_the_text_report() {
    // Large garden; tools 1 and 3, then back to question 2 which keeps them; a number
    // off the grid and a list where one number is wanted, both refused and asked again;
    // yes; then Enter at the review.
    let input = "3\n1,3\nb\n\n9\n1 2 3\n4\ny\n\n";
    let (code, out, err) = run(hirewiz().args(["--plain", "--pack", PACK]), input);
    assert_eq!(code, Some(0), "{err}");
    assert_plain(&out);
    assert!(out.contains("Section: The garden\nQuestion 1 of 3: How big is the garden?"));
    assert!(out.contains("  1. Small (default)\n  2. Medium\n  3. Large\n"));
    assert!(
        out.contains("Choose 1 to 2 of the 3: type their numbers separated by spaces or commas.")
    );
    assert!(out.contains("Type a whole number from 0 to 30 in steps of 2, in days."));
    // Going back shows question 2 again with the answer given.
    assert!(out.contains("  1. Spade (selected)\n  2. Fork\n  3. Mini digger (selected)\nCurrent answer: Spade, Mini digger."));
    assert!(out.contains("Not accepted: must be 0 plus a multiple of 2.\nQuestion 3 of 4: How many days can you spare?"));
    assert!(out.contains("Not accepted: type a whole number from 0 to 30."));
    assert!(out.contains("\n\nQuestion 4 of 4: Must it be done this week?"));
    // Choosing a large garden brings a question in, and the new total says why.
    assert!(out.contains(
        "Now 4 questions: “Must it be done this week?” is asked because of this answer.\n"
    ));
    assert!(out.contains("Review your answers\n  1. How big is the garden? Large\n"));

    let report =
        recommend("answers: {size: large, tools: [spade, digger], days: 4, hurry: true}\n");
    assert!(report.starts_with("Recommendation: Hire a firm\n"));
    assert!(
        out.ends_with(&report),
        "plain mode must end with the text report:\n{out}"
    );
}

#[test]
fn a_dumb_terminal_gets_plain_mode_without_asking() {
    let (code, out, _) = run(hirewiz().env("TERM", "dumb").args(["--pack", PACK]), "f\n");
    assert_eq!(code, Some(0));
    assert_plain(&out);
    assert!(out.contains("Question 1 of 3: How big is the garden?"));
    assert!(out.ends_with(&recommend("answers:\n")));
}

#[test]
fn enter_keeps_the_defaults_and_f_finishes_with_them() {
    let (_, all_enter, _) = run(hirewiz().args(["--plain", "--pack", PACK]), "\n\n\n\n");
    let (_, finish, _) = run(hirewiz().args(["--plain", "--pack", PACK]), "f\n");
    let defaults = recommend("answers:\n");
    assert!(all_enter.ends_with(&defaults));
    assert!(finish.ends_with(&defaults));
    assert!(!finish.contains("Review your answers"));
}

#[test]
fn help_back_at_the_start_and_changes_from_the_review() {
    // `?` at the first question, `b` where there is nothing before, then defaults; at
    // the review, change answer 1 to Medium, which leaves the review as it was.
    let input = "?\nb\n\n\n\n1\n2\n\n";
    let (code, out, _) = run(hirewiz().args(["--plain", "--pack", PACK]), input);
    assert_eq!(code, Some(0));
    assert_plain(&out);
    assert!(out.contains("Help: How big is the garden?\nSmall is under 50 square metres; large is over 500.\n  2. Medium: Between 50 and 500 square metres.\n"));
    assert!(out.contains("This is the first question; there is nothing before it."));
    assert!(out.contains("  1. How big is the garden? Medium\n"));
    assert!(out.ends_with(&recommend("answers: {size: medium}\n")));
}

#[test]
fn input_that_ends_early_stops_without_a_recommendation() {
    let (code, out, err) = run(hirewiz().args(["--plain", "--pack", PACK]), "2\n");
    assert_eq!(code, Some(2));
    assert_plain(&out);
    assert!(!out.contains("Recommendation:"));
    assert!(err.contains("the input ended at question 2 of 3"), "{err}");
    assert!(err.contains("type f to finish"));
}

#[test]
fn ending_the_input_at_the_review_confirms_it() {
    let (code, out, _) = run(hirewiz().args(["--plain", "--pack", PACK]), "\n\n\n");
    assert_eq!(code, Some(0));
    assert!(out.ends_with(&recommend("answers:\n")));
}

#[test]
fn odd_input_is_refused_and_asked_again_never_crashes() {
    let long = "9".repeat(10_000);
    let input = format!("{long}\n\u{1b}[A\n\u{0}\n-1\n99999999999999999999\n\u{fffd}\n1\n\n\n\n");
    let (code, out, _) = run(hirewiz().args(["--plain", "--pack", PACK]), &input);
    assert_eq!(code, Some(0));
    assert_plain(&out);
    assert!(out.contains("Not accepted: the answer is longer than 4096 characters."));
    assert_eq!(out.matches("Not accepted").count(), 6, "{out}");
}

#[test]
fn the_session_is_saved_as_the_wizard_goes() {
    let data = tempfile::tempdir().unwrap();
    let (code, out, err) = run(
        hirewiz()
            .env("HIREWIZ_DATA_DIR", data.path())
            .args(["--plain", "--pack", PACK]),
        "2\n2 3\n6\n\n",
    );
    assert_eq!(code, Some(0), "{err}");
    assert!(err.is_empty(), "{err}");
    let sessions: Vec<_> = std::fs::read_dir(data.path().join("sessions"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    assert_eq!(sessions.len(), 1, "{sessions:?}");
    // The saved session gives the recommendation plain mode printed.
    assert!(out.ends_with(&recommend_file(&sessions[0])));
}
