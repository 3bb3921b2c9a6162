//! Snapshots of every screen at 80x24 and 120x40, and of the too-small notice. These are
//! the design: read them as a user would before accepting a change.

use hirewiz::pack::Pack;
use hirewiz::tui::{App, Key, Msg, Screen, Theme, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use std::sync::Arc;

use Key::*;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn default_pack() -> Arc<Pack> {
    Arc::new(hirewiz::pack::load_default().expect("the default pack loads"))
}

fn test_pack() -> Arc<Pack> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/packs/tui.yaml");
    Arc::new(hirewiz::pack::load_path(&path).expect("the test pack loads"))
}

/// The app after `keys`, laid out for `size`.
fn after(pack: &Arc<Pack>, size: (u16, u16), keys: &[Key]) -> App {
    let mut app = App::new(pack.clone(), Theme::colour());
    app.update(Msg::Resize(size.0, size.1));
    for k in keys {
        app.update(Msg::Key(*k));
    }
    app
}

/// Press Enter until the result shows.
fn to_result(app: &mut App) {
    for _ in 0..100 {
        if app.screen() == Screen::Result {
            return;
        }
        app.update(Msg::Key(Enter));
    }
    panic!("Enter alone did not reach the result");
}

/// Press Enter until the review shows.
fn to_review(app: &mut App) {
    for _ in 0..100 {
        if app.screen() == Screen::Review {
            return;
        }
        app.update(Msg::Key(Enter));
    }
    panic!("Enter alone did not reach the review");
}

fn draw(app: &App, (w, h): (u16, u16)) -> String {
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    t.draw(|f| view(app, f)).expect("draw");
    t.backend().to_string()
}

fn check(name: &str, make: impl Fn((u16, u16)) -> App) {
    for size in SIZES {
        let app = make(size);
        insta::assert_snapshot!(format!("{name}_{}x{}", size.0, size.1), draw(&app, size));
    }
}

#[test]
fn welcome() {
    let pack = default_pack();
    check("welcome", |s| after(&pack, s, &[]));
}

#[test]
fn first_question() {
    let pack = default_pack();
    check("question_first", |s| after(&pack, s, &[Enter]));
}

#[test]
fn review() {
    let pack = default_pack();
    check("review", |s| {
        let mut app = after(&pack, s, &[]);
        to_review(&mut app);
        app
    });
}

#[test]
fn recommendation() {
    let pack = default_pack();
    check("recommendation", |s| {
        let mut app = after(&pack, s, &[]);
        to_result(&mut app);
        app
    });
}

#[test]
fn help_overlay() {
    let pack = default_pack();
    check("help_question", |s| after(&pack, s, &[Enter, Char('?')]));
}

#[test]
fn quit_question() {
    let pack = default_pack();
    check("confirm_quit", |s| after(&pack, s, &[Enter, Char('q')]));
}

#[test]
fn single_choice_with_details() {
    let pack = test_pack();
    check("kind_single_details", |s| {
        after(&pack, s, &[Enter, Up, Char('i')])
    });
}

#[test]
fn yes_no() {
    let pack = test_pack();
    check("kind_yes_no", |s| after(&pack, s, &[Enter, Enter]));
}

#[test]
fn multiple_choice_with_a_message() {
    let pack = test_pack();
    check("kind_multiple_message", |s| {
        after(&pack, s, &[Enter, Enter, Char('y'), Char('2'), Char('3')])
    });
}

#[test]
fn number_with_a_message() {
    let pack = test_pack();
    check("kind_number_message", |s| {
        after(
            &pack,
            s,
            &[Enter, Enter, Enter, Char('4'), Char('2'), Enter],
        )
    });
}

#[test]
fn recommendation_with_negative_scores_and_a_veto() {
    let pack = test_pack();
    check("recommendation_negative", |s| {
        let mut app = after(
            &pack,
            s,
            &[
                Enter,
                Down,
                Enter,
                Char('y'),
                Char('3'),
                Enter,
                Char('9'),
                Enter,
            ],
        );
        to_result(&mut app);
        app
    });
}

#[test]
fn too_small() {
    let pack = default_pack();
    let app = after(&pack, (40, 10), &[Enter]);
    insta::assert_snapshot!("too_small_40x10", draw(&app, (40, 10)));
}
