//! The terminal wizard driven by key events, as a user would: from the welcome screen to
//! the recommendation, going back, revising, and every kind of question.

use hirewiz::pack::{Answer, Pack};
use hirewiz::tui::app::Draft;
use hirewiz::tui::{App, Exit, Key, Msg, Overlay, Place, Theme, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use std::sync::Arc;

fn test_pack() -> Arc<Pack> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/packs/tui.yaml");
    Arc::new(hirewiz::pack::load_path(&path).expect("the test pack loads"))
}

fn app(pack: Arc<Pack>) -> App {
    let mut app = App::new(pack, Theme::colour());
    app.update(Msg::Resize(80, 24));
    app
}

fn press(app: &mut App, keys: &[Key]) {
    for k in keys {
        app.update(Msg::Key(*k));
    }
}

fn screen_text(app: &App, w: u16, h: u16) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    t.draw(|f| view(app, f)).expect("draw");
    t.backend().to_string()
}

fn question(app: &App, id: &str) -> Place {
    Place::Question(app.pack().question_index(id).expect("question exists"))
}

use Key::*;

#[test]
fn enter_alone_goes_from_welcome_to_the_recommendation() {
    let mut app = app(test_pack());
    assert_eq!(app.place(), Place::Welcome);
    for _ in 0..10 {
        press(&mut app, &[Enter]);
    }
    assert_eq!(app.place(), Place::Result);
    let report = app.report().expect("a report on the result screen");
    assert!(screen_text(&app, 80, 24).contains(&report.headline()));
}

#[test]
fn a_full_session_by_keys() {
    let mut app = app(test_pack());
    press(&mut app, &[Enter]);
    assert_eq!(app.place(), question(&app, "length"));
    // The default is preselected; move down and pick "Long".
    assert_eq!(app.cursor(), 1);
    press(&mut app, &[Down, Enter]);
    assert_eq!(app.place(), question(&app, "regulated"));
    assert_eq!(app.wizard().progress().total, 3);

    // Yes makes the regimes question appear.
    press(&mut app, &[Char('y')]);
    assert_eq!(app.place(), question(&app, "regimes"));
    assert_eq!(app.wizard().progress().total, 4);
    assert!(screen_text(&app, 80, 24).contains("Question 3 of 4"));

    // Multiple choice: clearing the only choice and confirming is refused with a message.
    press(&mut app, &[Char(' '), Enter]);
    assert_eq!(app.place(), question(&app, "regimes"));
    assert_eq!(app.message(), Some("Choose at least one"));
    assert!(screen_text(&app, 80, 24).contains("Choose at least one"));
    // Two choices by number; a third is refused, with the limit said.
    press(&mut app, &[Char('2'), Char('3'), Char('1')]);
    assert_eq!(app.draft(), Some(&Draft::Multiple(vec![false, true, true])));
    assert!(app.message().unwrap_or_default().contains("at most 2"));
    press(&mut app, &[Enter]);
    assert_eq!(app.place(), question(&app, "size"));
    let regimes = app.pack().question_index("regimes").unwrap_or(0);
    assert_eq!(
        app.wizard().answers().get(regimes),
        Some(&Answer::Choices(vec![1, 2]))
    );

    // Number: typing replaces the preset value; out of range is refused inline.
    press(&mut app, &[Char('2'), Char('5'), Enter]);
    assert_eq!(app.place(), question(&app, "size"));
    assert_eq!(app.message(), Some("Must be between 1 and 20"));
    assert!(screen_text(&app, 80, 24).contains("Must be between 1 and 20"));
    press(&mut app, &[Backspace, Up, Char('+'), Char('-')]);
    assert_eq!(
        app.draft(),
        Some(&Draft::Number {
            text: "3".into(),
            fresh: true
        })
    );
    press(&mut app, &[Backspace, Enter]);
    assert_eq!(app.message(), Some("Type a number from 1 to 20"));
    press(&mut app, &[Char('9'), Enter]);
    assert_eq!(app.place(), Place::Review);

    // The review opens on "see the result"; back goes to the last question.
    let rows = app.review_rows();
    assert_eq!(app.cursor(), rows.len());
    press(&mut app, &[Left]);
    assert_eq!(app.place(), question(&app, "size"));
    press(&mut app, &[Enter]);
    assert_eq!(app.place(), Place::Review);

    // Change "regulated" to no from the review: the regimes question disappears and
    // the wizard comes back to the review.
    press(&mut app, &[Up, Up, Up, Enter]);
    assert_eq!(app.place(), question(&app, "regulated"));
    press(&mut app, &[Char('n')]);
    assert_eq!(app.place(), Place::Review);
    assert_eq!(app.review_rows().len(), 3);
    // The review lists it no more, and the notice says why the total changed.
    assert_eq!(
        app.notice(),
        Some("Now 3 questions: “Which regimes apply?” is no longer asked.")
    );
    let review = screen_text(&app, 80, 24);
    assert_eq!(
        review.matches("Which regimes apply?").count(),
        1,
        "{review}"
    );

    // And yes again brings it back: it is asked again, its earlier answer the
    // suggestion, and Enter keeps it and returns to the review.
    press(&mut app, &[Up, Up, Enter, Char('y')]);
    assert_eq!(app.place(), question(&app, "regimes"));
    assert_eq!(
        app.notice(),
        Some("Now 4 questions: “Which regimes apply?” is asked because of this answer.")
    );
    let asked = screen_text(&app, 80, 24);
    assert!(asked.contains("[x] Payments"), "{asked}");
    press(&mut app, &[Enter]);
    assert_eq!(app.place(), Place::Review);
    assert_eq!(app.review_rows().len(), 4);
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Which regimes apply?"), "{text}");
    assert!(text.contains("Payments, Health"), "{text}");

    // The result, back to the answers, the result again, and quit at once.
    press(&mut app, &[Enter]);
    assert_eq!(app.place(), Place::Result);
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("Recommendation: Alpha"), "{text}");
    press(&mut app, &[Char('b')]);
    assert_eq!(app.place(), Place::Review);
    press(&mut app, &[Enter, Char('q')]);
    assert_eq!(app.exit(), Some(Exit::Quit));
}

#[test]
fn digits_pick_a_choice_and_move_on() {
    let mut app = app(test_pack());
    press(&mut app, &[Enter, Char('1')]);
    assert_eq!(app.place(), question(&app, "regulated"));
    let length = app.pack().question_index("length").unwrap_or(0);
    assert_eq!(app.wizard().answers().get(length), Some(&Answer::Choice(0)));
    press(&mut app, &[Char('7')]);
    assert_eq!(app.message(), Some("Choose a number from 1 to 2"));
}

#[test]
fn back_from_the_first_question_shows_the_welcome() {
    let mut app = app(test_pack());
    press(&mut app, &[Enter, BackTab]);
    assert_eq!(app.place(), Place::Welcome);
    press(&mut app, &[Enter, Char('b')]);
    assert_eq!(app.place(), Place::Welcome);
}

#[test]
fn quitting_before_the_result_asks_first() {
    let mut app = app(test_pack());
    press(&mut app, &[Enter, Char('q')]);
    assert_eq!(app.overlay(), Some(&Overlay::Quit));
    assert!(screen_text(&app, 80, 24).contains("Quit now?"));
    press(&mut app, &[Char('n')]);
    assert_eq!(app.overlay(), None);
    assert_eq!(app.exit(), None);
    press(&mut app, &[Char('q'), Char('y')]);
    assert_eq!(app.exit(), Some(Exit::Quit));
}

#[test]
fn ctrl_c_quits_at_once_from_anywhere() {
    for prefix in [
        &[][..],
        &[Enter][..],
        &[Enter, Char('?')][..],
        &[Enter, Char('q')][..],
    ] {
        let mut app = app(test_pack());
        press(&mut app, prefix);
        press(&mut app, &[Ctrl('c')]);
        assert_eq!(app.exit(), Some(Exit::Interrupted));
    }
}

#[test]
fn help_lists_the_keys_of_the_screen_and_esc_closes_it() {
    let mut app = app(test_pack());
    press(&mut app, &[Enter, Char('?')]);
    assert_eq!(app.overlay(), Some(&Overlay::Help { scroll: 0 }));
    let text = screen_text(&app, 80, 24);
    assert!(text.contains("pick a choice by its number"), "{text}");
    // Keys of the screen underneath do nothing while help is open.
    press(&mut app, &[Enter]);
    assert_eq!(app.place(), question(&app, "length"));
    press(&mut app, &[Esc]);
    assert_eq!(app.overlay(), None);
}

#[test]
fn details_open_on_demand() {
    let mut app = app(test_pack());
    press(&mut app, &[Enter]);
    assert!(!screen_text(&app, 80, 24).contains("Longer work builds knowledge"));
    press(&mut app, &[Char('i')]);
    assert!(screen_text(&app, 80, 24).contains("Longer work builds knowledge"));
}

#[test]
fn a_small_terminal_pauses_the_wizard_until_it_grows() {
    let mut app = app(test_pack());
    press(&mut app, &[Enter]);
    app.update(Msg::Resize(40, 10));
    assert!(screen_text(&app, 40, 10).contains("Terminal too small"));
    press(&mut app, &[Enter, Down]);
    app.update(Msg::Resize(80, 24));
    assert_eq!(app.place(), question(&app, "length"));
    assert_eq!(app.cursor(), 1);
}

#[test]
fn release_and_repeat_free_keys_do_not_reach_the_wizard() {
    // Keys with no meaning on a screen change nothing.
    let mut app = app(test_pack());
    press(&mut app, &[Enter]);
    let before = app.wizard().clone();
    press(&mut app, &[Char('x'), Tab, Right, PageDown, Char('Z')]);
    assert_eq!(app.wizard(), &before);
    assert_eq!(app.place(), question(&app, "length"));
}

#[test]
fn the_result_scrolls_and_stops_at_the_end() {
    let mut app = app(test_pack());
    app.update(Msg::Resize(60, 16));
    for _ in 0..10 {
        press(&mut app, &[Enter]);
    }
    assert_eq!(app.place(), Place::Result);
    screen_text(&app, 60, 16);
    press(&mut app, &[Char('G')]);
    let bottom = app.scroll();
    assert!(bottom > 0, "the result overflows 60x16");
    press(&mut app, &[Down, Down, PageDown]);
    assert_eq!(app.scroll(), bottom);
    press(&mut app, &[Char('g')]);
    assert_eq!(app.scroll(), 0);
}

/// A paste fills the label being typed and never presses keys elsewhere.
#[test]
fn a_paste_goes_into_the_label_and_is_ignored_on_a_question() {
    let mut a = app(test_pack());
    press(&mut a, &[Char('l')]);
    assert!(matches!(a.overlay(), Some(Overlay::Label(_))));
    a.update(Msg::Paste("Client\u{1b}[2J A".to_string()));
    assert_eq!(a.input().unwrap().text, "Client[2J A");
    press(&mut a, &[Esc, Enter]);
    let before = a.place();
    a.update(Msg::Paste("query".to_string()));
    assert_eq!(a.place(), before);
    assert!(a.exit().is_none() && a.overlay().is_none());
    assert!(a.notice().is_some_and(|n| n.contains("ignored")));
}

/// Progress counts answered questions: 0% before the first answer, never 100% while a
/// question is unanswered; and the number field says "1 engineer", not "1 engineers".
#[test]
fn progress_counts_answers_and_the_number_field_uses_the_word_for_one() {
    let pack = Arc::new(hirewiz::pack::load_default().unwrap());
    let mut a = App::new(pack.clone(), Theme::plain());
    a.update(Msg::Resize(100, 32));
    press(&mut a, &[Enter]);
    assert!(screen_text(&a, 100, 32).contains("   0%"));
    // Enter through to the team size, whose default is 1.
    let team = pack.question_index("team_size").unwrap();
    enter_until(&mut a, Place::Question(team));
    let s = screen_text(&a, 100, 32);
    assert!(s.contains(" engineer\n") || s.contains(" engineer "), "{s}");
    assert!(!s.contains("1▏ engineers") && !s.contains(" 1  engineers"));
    let p = a.wizard().progress();
    assert!(p.percent() < 100 && p.answered < p.total);
}

/// `b` typed in a number field is not "back": letters do nothing there, ← still goes back.
#[test]
fn a_letter_in_the_number_field_does_not_go_back() {
    let pack = Arc::new(hirewiz::pack::load_default().unwrap());
    let mut a = App::new(pack.clone(), Theme::plain());
    a.update(Msg::Resize(100, 32));
    let team = pack.question_index("team_size").unwrap();
    enter_until(&mut a, Place::Question(team));
    press(&mut a, &[Char('b')]);
    assert_eq!(a.place(), Place::Question(team));
    press(&mut a, &[Left]);
    assert_ne!(a.place(), Place::Question(team));
}

/// The number field takes no more digits than the largest value has, and says at once
/// when what is typed is out of range.
#[test]
fn the_number_field_refuses_extra_digits_and_flags_the_range_as_you_type() {
    let pack = Arc::new(hirewiz::pack::load_default().unwrap());
    let mut a = App::new(pack.clone(), Theme::plain());
    a.update(Msg::Resize(100, 32));
    let team = pack.question_index("team_size").unwrap();
    enter_until(&mut a, Place::Question(team));
    press(&mut a, &[Char('7'), Char('5')]);
    assert!(a.message().is_some_and(|m| m.contains("between 1 and 50")));
    press(&mut a, &[Char('1')]);
    match a.draft() {
        Some(Draft::Number { text, .. }) => assert_eq!(text, "75"),
        other => panic!("{other:?}"),
    }
    a.update(Msg::Paste("12345678901234567890".into()));
    match a.draft() {
        Some(Draft::Number { text, .. }) => assert!(text.len() <= 2, "{text}"),
        other => panic!("{other:?}"),
    }
}

/// Press Enter until `screen` shows.
fn enter_until(app: &mut App, screen: Place) {
    for _ in 0..40 {
        if app.place() == screen {
            return;
        }
        press(app, &[Enter]);
    }
    panic!("Enter alone did not reach {screen:?}");
}

/// An offer of the test pack's first question, changed `ago` seconds before now.
fn offer(pack: &Arc<Pack>, ago: i64) -> hirewiz::tui::ResumeOffer {
    let now = hirewiz::session::Timestamp::from_unix(1_800_000_000);
    hirewiz::tui::ResumeOffer {
        id: "20250601-1430-k3x9".into(),
        label: None,
        updated: hirewiz::session::Timestamp::from_unix(now.unix() - ago),
        now,
        state: hirewiz::wizard::Wizard::new(pack.clone()),
        answered: 0,
        pack_changed: None,
    }
}

/// Enter resumes the newest session when it changed within the hour (the run just
/// interrupted); an older one is likely another client's, so Enter starts afresh.
#[test]
fn enter_resumes_only_a_session_left_within_the_hour() {
    let pack = test_pack();
    for (ago, highlighted) in [(59 * 60, 0), (61 * 60, 2)] {
        let offers = vec![offer(&pack, ago), offer(&pack, ago + 86_400)];
        let mut a = App::new(pack.clone(), Theme::plain()).with_offers(offers);
        a.update(Msg::Resize(80, 24));
        assert_eq!(a.cursor(), highlighted, "{ago}s ago");
        let effects = a.update(Msg::Key(Enter));
        let resumed = effects
            .iter()
            .any(|e| matches!(e, hirewiz::tui::Effect::Resume(_)));
        assert_eq!(resumed, highlighted == 0, "{ago}s ago");
    }
}

/// The picker moves with the arrows, j/k, g/G and Home/End, and stops at its ends.
#[test]
fn the_welcome_picker_moves_like_every_list() {
    let pack = test_pack();
    let offers = vec![offer(&pack, 60), offer(&pack, 120), offer(&pack, 180)];
    let mut a = App::new(pack.clone(), Theme::plain()).with_offers(offers);
    a.update(Msg::Resize(80, 24));
    for (key, at) in [
        (Char('j'), 1),
        (Down, 2),
        (Down, 3),
        (Down, 3),
        (Char('k'), 2),
        (Char('g'), 0),
        (Up, 0),
        (Char('G'), 3),
        (Home, 0),
        (End, 3),
    ] {
        press(&mut a, &[key]);
        assert_eq!(a.cursor(), at, "after {key:?}");
    }
}

/// The default pack at the review, every need ticked on the first question so that its
/// answer is long.
fn review_with_a_long_answer(size: (u16, u16)) -> App {
    let pack = Arc::new(hirewiz::pack::load_default().unwrap());
    let mut a = App::new(pack, Theme::plain());
    a.update(Msg::Resize(size.0, size.1));
    press(&mut a, &[Enter, Char('2'), Char('3'), Char('4')]);
    enter_until(&mut a, Place::Review);
    a
}

/// A long answer and a long prompt wrap in their columns instead of being cut.
#[test]
fn review_rows_wrap_instead_of_being_cut() {
    let a = review_with_a_long_answer((100, 32));
    let text = screen_text(&a, 100, 32);
    assert!(!text.contains('…'), "{text}");
    for words in [
        "services (payments, CRM, cloud)",
        "and regulatory compliance",
    ] {
        assert!(text.contains(words), "{words}: {text}");
    }
}

/// PgUp and PgDn move the highlight a page, Home and End to the ends, and the view
/// follows it, down to the smallest size.
#[test]
fn the_review_pages_and_jumps_to_its_ends() {
    let mut a = review_with_a_long_answer((80, 24));
    let last = a.review_rows().len();
    press(&mut a, &[Home]);
    assert_eq!(a.cursor(), 0);
    press(&mut a, &[PageDown]);
    let paged = a.cursor();
    assert!(paged > 1 && paged < last, "{paged}");
    press(&mut a, &[PageUp]);
    assert_eq!(a.cursor(), 0);
    press(&mut a, &[End]);
    assert_eq!(a.cursor(), last);

    let mut a = review_with_a_long_answer((50, 14));
    press(&mut a, &[Home]);
    for _ in 0..last {
        let text = screen_text(&a, 50, 14);
        assert!(text.contains('›'), "the highlight is in view:\n{text}");
        press(&mut a, &[PageDown]);
    }
    assert_eq!(a.cursor(), last);
    let text = screen_text(&a, 50, 14);
    let highlighted = text.lines().find(|l| l.contains('›')).unwrap_or_default();
    assert!(highlighted.contains("See the result"), "{text}");
}

/// Changing an answer from the review says so; Enter confirms and returns there, Esc
/// returns leaving the answer as it was.
#[test]
fn editing_from_the_review_says_so_and_returns_there() {
    let mut a = app(test_pack());
    enter_until(&mut a, Place::Review);
    let before = a.wizard().answers().clone();
    press(&mut a, &[Home, Enter]);
    assert_eq!(a.place(), question(&a, "length"));
    let text = screen_text(&a, 80, 24);
    assert!(
        text.contains("Editing from the review — Enter returns there"),
        "{text}"
    );
    press(&mut a, &[Down, Esc]);
    assert_eq!(a.place(), Place::Review);
    assert_eq!(
        a.wizard().answers(),
        &before,
        "Esc leaves the answer as it was"
    );
    press(&mut a, &[Home, Enter, Up, Enter]);
    assert_eq!(a.place(), Place::Review);
    assert_ne!(a.wizard().answers(), &before, "Enter confirms the change");
    // Outside an edit from the review, Esc does nothing on a question.
    press(&mut a, &[Left]);
    press(&mut a, &[Esc]);
    assert_eq!(a.place(), question(&a, "size"));
}

/// A number typed but not confirmed is still there after going back and forth.
#[test]
fn a_number_typed_survives_going_back_and_forth() {
    let pack = Arc::new(hirewiz::pack::load_default().unwrap());
    let mut a = App::new(pack.clone(), Theme::plain());
    a.update(Msg::Resize(100, 32));
    let team = pack.question_index("team_size").unwrap();
    enter_until(&mut a, Place::Question(team));
    press(&mut a, &[Char('1'), Char('2'), Left]);
    assert_ne!(a.place(), Place::Question(team));
    press(&mut a, &[Right]);
    assert_eq!(a.place(), Place::Question(team));
    match a.draft() {
        Some(Draft::Number { text, .. }) => assert_eq!(text, "12"),
        other => panic!("{other:?}"),
    }
    assert!(screen_text(&a, 100, 32).contains("12▏"));
}

/// Choices ticked but not confirmed are still ticked after going back and coming back.
#[test]
fn choices_ticked_survive_going_back_and_coming_back() {
    let mut a = app(test_pack());
    press(&mut a, &[Enter, Enter, Char('y')]);
    assert_eq!(a.place(), question(&a, "regimes"));
    press(&mut a, &[Char(' '), Char('2'), Char('3'), Left]);
    assert_eq!(a.place(), question(&a, "regulated"));
    press(&mut a, &[Right]);
    assert_eq!(a.place(), question(&a, "regimes"));
    assert_eq!(a.draft(), Some(&Draft::Multiple(vec![false, true, true])));
    // Coming back by Enter instead keeps them too.
    press(&mut a, &[Left, Enter]);
    assert_eq!(a.draft(), Some(&Draft::Multiple(vec![false, true, true])));
}

/// The label field edits like a line of text: arrows, Home and End move the caret,
/// typing inserts at it, Backspace erases before it, Ctrl-U everything before it; and
/// the hint line shows these keys while the field is open.
#[test]
fn the_label_field_edits_at_its_caret_and_hints_its_own_keys() {
    let mut a = app(test_pack());
    press(&mut a, &[Char('l')]);
    for c in "Acme".chars() {
        press(&mut a, &[Char(c)]);
    }
    press(
        &mut a,
        &[Left, Left, Char('X'), Home, Char('_'), End, Char('!')],
    );
    assert_eq!(a.input().map(|i| i.text.as_str()), Some("_AcXme!"));
    press(&mut a, &[Left, Backspace, Right, Char('?')]);
    assert_eq!(a.input().map(|i| i.text.as_str()), Some("_AcXm!?"));
    let text = screen_text(&a, 80, 24);
    let hints = text.lines().last().unwrap_or_default();
    for key in ["←→ move", "Ctrl-U clear", "Enter save", "Esc cancel"] {
        assert!(hints.contains(key), "{key}: {text}");
    }
    assert!(text.contains("_AcXm!?▏"), "{text}");
    press(&mut a, &[Left, Left, Ctrl('u')]);
    assert_eq!(a.input().map(|i| i.text.as_str()), Some("!?"));
    assert_eq!(a.input().map(|i| i.caret), Some(0));
}

/// At the smallest size the help wraps what each key does instead of cutting it, and
/// says there is more to scroll to.
#[test]
fn help_wraps_at_the_smallest_size() {
    let mut a = app(test_pack());
    a.update(Msg::Resize(50, 14));
    press(&mut a, &[Enter, Char('?')]);
    let text = screen_text(&a, 50, 14);
    assert!(!text.contains('…'), "{text}");
    assert!(text.contains("Keys (↑↓ for more)"), "{text}");
    press(
        &mut a,
        &[
            Char('G'),
            Down,
            Down,
            Down,
            Down,
            Down,
            Down,
            Down,
            Down,
            Down,
        ],
    );
    let text = screen_text(&a, 50, 14);
    assert!(text.contains("close this help"), "{text}");
}

/// With nothing saved, the welcome help does not speak of resuming; with a session
/// offered it does.
#[test]
fn the_welcome_help_speaks_of_resuming_only_with_a_session_to_resume() {
    let mut a = app(test_pack());
    press(&mut a, &[Char('?')]);
    let text = screen_text(&a, 80, 24).to_lowercase();
    assert!(!text.contains("resum"), "{text}");
    let mut a = App::new(test_pack(), Theme::plain()).with_offers(vec![offer(&test_pack(), 60)]);
    a.update(Msg::Resize(80, 24));
    press(&mut a, &[Char('?')]);
    assert!(screen_text(&a, 80, 24).contains("resume the highlighted session"));
}

/// `i` on a question without a longer explanation says so instead of doing nothing.
#[test]
fn details_on_a_question_without_them_say_so() {
    let mut a = app(test_pack());
    press(&mut a, &[Enter, Enter]);
    assert_eq!(a.place(), question(&a, "regulated"));
    press(&mut a, &[Char('i')]);
    let notice = a.notice().unwrap_or_default();
    assert!(notice.contains("No more on this question"), "{notice}");
    assert!(screen_text(&a, 80, 24).contains("No more on this question"));
}

#[test]
fn help_pages_with_pgup_pgdn_and_jumps_with_home_end() {
    let mut a = app(test_pack());
    a.update(Msg::Resize(50, 14));
    press(&mut a, &[Enter, Char('?')]);
    let top = screen_text(&a, 50, 14);
    press(&mut a, &[End]);
    let bottom = screen_text(&a, 50, 14);
    assert_ne!(top, bottom);
    assert!(bottom.contains("close this help"), "{bottom}");
    press(&mut a, &[Home]);
    assert_eq!(screen_text(&a, 50, 14), top);
    press(&mut a, &[PageDown]);
    let paged = screen_text(&a, 50, 14);
    assert_ne!(paged, top, "a page down moves");
    press(&mut a, &[PageUp]);
    assert_eq!(screen_text(&a, 50, 14), top);
    assert!(
        matches!(a.overlay(), Some(Overlay::Help { .. })),
        "help stays open"
    );
}

/// The default pack's result at 80×24, answered with Enter alone.
fn priced_result() -> App {
    let pack = Arc::new(hirewiz::pack::load_default().expect("the default pack loads"));
    let mut app = app(pack);
    enter_until(&mut app, Place::Result);
    app
}

fn hint_row(screen: &str) -> &str {
    screen.lines().last().unwrap_or_default()
}

#[test]
fn the_horizon_keys_change_the_chart_and_the_hint_line() {
    let mut app = priced_result();
    let screen = screen_text(&app, 80, 24);
    assert!(hint_row(&screen).contains("c cost chart"), "{screen}");
    assert!(!hint_row(&screen).contains("months"), "{screen}");
    // The horizon keys mean nothing on the report.
    press(&mut app, &[Char(']')]);
    assert_eq!(app.result().map(|r| r.horizon), Some(6));

    press(&mut app, &[Char('c')]);
    let six = screen_text(&app, 80, 24);
    assert!(hint_row(&six).contains("[ ] months"), "{six}");
    assert!(hint_row(&six).contains("c report"), "{six}");
    assert!(six.contains("· 6 months (as costed)"), "{six}");
    assert!(six.contains("┊ month 4: from here In-house costs less than Freelance"));

    // Longer: 9 months, the axis ending on 9 and the money axis rising with it.
    press(&mut app, &[Char(']')]);
    assert_eq!(app.result().map(|r| r.horizon), Some(9));
    let nine = screen_text(&app, 80, 24);
    assert!(nine.contains("· 9 months "), "{nine}");
    assert!(!nine.contains("(as costed)"), "{nine}");
    let months = nine
        .lines()
        .find(|l| l.contains("months  0"))
        .expect("the month labels");
    assert!(
        months.trim_end_matches(['"', ' ', '│', '┃']).ends_with('9'),
        "{months}"
    );
    assert!(nine.contains("$125,000 ┤"), "{nine}");
    assert_ne!(six, nine);

    // Shorter, past the months costed: the break-even lies beyond the chart.
    press(&mut app, &[Char('['), Char('-')]);
    assert_eq!(app.result().map(|r| r.horizon), Some(3));
    let three = screen_text(&app, 80, 24);
    assert!(
        three.contains("In-house against Freelance: never within 3 months (month 4 at mid"),
        "{three}"
    );
    assert!(!three.contains("┊ month"), "{three}");

    // Bounded: at 60 months it goes no further and says so.
    for _ in 0..12 {
        press(&mut app, &[Char('+')]);
    }
    assert_eq!(app.result().map(|r| r.horizon), Some(60));
    assert_eq!(app.notice(), Some("The chart shows at most 60 months."));
    for _ in 0..12 {
        press(&mut app, &[Char('[')]);
    }
    assert_eq!(app.result().map(|r| r.horizon), Some(1));

    // Back to the report, where it was left; the horizon stays for the words there.
    press(&mut app, &[Esc]);
    let report = screen_text(&app, 80, 24);
    assert!(hint_row(&report).contains("c cost chart"), "{report}");
    assert_eq!(app.result().map(|r| r.horizon), Some(1));
}

#[test]
fn a_pack_that_prices_nothing_has_no_chart_and_says_so() {
    let mut app = app(test_pack());
    enter_until(&mut app, Place::Result);
    press(&mut app, &[Char('c')]);
    assert_eq!(
        app.notice(),
        Some("This pack prices no option, so there is no cost chart.")
    );
    // Nor does its hint line offer one.
    assert!(!screen_text(&app, 80, 24).contains("c cost chart"));
}

/// A number written as the wizard writes it ("12,000", or "12 000") pastes as its digits;
/// text that could mean another number ("12,5") is refused with the notice.
#[test]
fn a_grouped_number_pastes_as_its_digits() {
    let pack = Arc::new(hirewiz::pack::load_default().unwrap());
    let mut a = App::new(pack.clone(), Theme::plain());
    a.update(Msg::Resize(100, 32));
    let basis = pack.question_index("budget_figure").unwrap();
    let amount = pack.question_index("budget_amount").unwrap();
    enter_until(&mut a, Place::Question(basis));
    press(&mut a, &[Char('2')]);
    enter_until(&mut a, Place::Question(amount));
    for (paste, want) in [("12,000", "12000"), ("12 000", "12000"), ("12,5", "")] {
        press(&mut a, &[Backspace; 12]);
        a.update(Msg::Paste(paste.into()));
        match a.draft() {
            Some(Draft::Number { text, .. }) => assert_eq!(text, want, "{paste}"),
            other => panic!("{other:?}"),
        }
        assert_eq!(a.notice().is_some(), want.is_empty(), "{paste}");
    }
}
