//! Snapshots of every screen at 50x14 (the smallest laid out), 80x24 and 120x40, and of
//! the too-small notice. These are the design: read them as a user would before
//! accepting a change.

use hirewiz::pack::Pack;
use hirewiz::tui::{App, Key, Msg, Place, Theme, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use std::sync::Arc;

use Key::*;

const SIZES: [(u16, u16); 3] = [(50, 14), (80, 24), (120, 40)];

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
        if app.place() == Place::Result {
            return;
        }
        app.update(Msg::Key(Enter));
    }
    panic!("Enter alone did not reach the result");
}

/// Press Enter until the review shows.
fn to_review(app: &mut App) {
    for _ in 0..100 {
        if app.place() == Place::Review {
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

/// The result screen carries what the text report has: the cost assumptions with their
/// sources, the in-house start delay, and every answer given.
/// Every notice a paste can raise reads whole on the smallest screen.
#[test]
fn a_paste_notice_fits_the_smallest_screen() {
    let pack = default_pack();
    let mut app = after(&pack, (50, 14), &[Enter]);
    app.update(Msg::Paste("some text".into()));
    let screen = draw(&app, (50, 14));
    assert!(
        screen.contains("Paste ignored: labels and numbers take text."),
        "{screen}"
    );
}

/// No figure is split over two lines, at any width: a narrow column breaks a range
/// such as `$50,000–$90,000` between its figures, never inside `$90,000`. Every figure
/// with a thousands separator shows whole as often on a narrower screen as on the
/// widest.
#[test]
fn no_figure_on_the_result_screen_is_split_over_two_lines() {
    let pack = default_pack();
    let screen_at = |width: u16| {
        let size = (width, 400);
        let mut app = after(&pack, size, &[]);
        to_result(&mut app);
        draw(&app, size)
    };
    let wide = screen_at(120);
    let mut figures: Vec<&str> = wide
        .split(|c: char| c.is_whitespace() || "–()\"".contains(c))
        .map(|t| t.trim_end_matches(['.', ',', ';', ':']))
        .filter(|t| t.starts_with('$') && t.contains(','))
        .collect();
    figures.sort_unstable();
    figures.dedup();
    assert!(figures.len() > 5, "too few figures to test: {figures:?}");
    for width in [50, 64, 80, 100] {
        let screen = screen_at(width);
        for f in &figures {
            let (here, there) = (screen.matches(f).count(), wide.matches(f).count());
            assert_eq!(here, there, "{f} is cut at {width} columns:\n{screen}");
        }
    }
}

#[test]
fn the_result_screen_shows_the_assumptions_the_delay_and_the_answers() {
    let pack = default_pack();
    let size = (100, 300);
    let mut app = after(&pack, size, &[]);
    to_result(&mut app);
    let screen = draw(&app, size);
    let report = app.report().expect("a report");
    let text = hirewiz::report::text::render(report);
    for needle in [
        "Assumptions",
        "Your answers",
        "US Bureau of Labor Statistics",
        "weeks",
    ] {
        assert!(screen.contains(needle), "{needle:?} missing:\n{screen}");
        assert!(text.contains(needle), "{needle:?} not in the text report");
    }
    for a in &report.answers {
        assert!(screen.contains(a.prompt.as_str()), "{} missing", a.prompt);
    }
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
fn quit_question_with_answers_saved() {
    let pack = default_pack();
    check("confirm_quit_saved", |s| {
        after(&pack, s, &[Enter, Enter, Enter, Char('q')])
    });
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

/// A session of the test pack with fixed id, label and times: length long, regulated,
/// two regimes, a back-step and a changed answer, stopped before the result unless
/// `finish`.
fn saved_session(pack: &Arc<Pack>, finish: bool) -> hirewiz::session::Session {
    use hirewiz::pack::Answer;
    use hirewiz::session::{Label, Session, SessionId, Timestamp};
    use hirewiz::wizard::{Event, Wizard};
    let at = Timestamp::from_unix(1_748_788_200);
    let id = SessionId::parse("20250601-1430-k3x9").expect("an id");
    let mut s = Session::new(id, pack, Label::parse("Acme Corp").ok(), at);
    let q = |id: &str| pack.question_index(id).expect("question");
    let mut events = vec![
        Event::Answer {
            question: q("length"),
            answer: Answer::Choice(2),
        },
        Event::Next,
        Event::Back,
        Event::Answer {
            question: q("length"),
            answer: Answer::Choice(0),
        },
        Event::Next,
        Event::Answer {
            question: q("regulated"),
            answer: Answer::Bool(true),
        },
        Event::Next,
    ];
    if finish {
        events.extend([Event::Next, Event::Next, Event::Next]);
    }
    let mut w = Wizard::new(pack.clone());
    for (i, e) in events.iter().enumerate() {
        w.apply(e).expect("the event plays");
        s.push(e, &w, Timestamp::from_unix(at.unix() + 20 * i as i64));
    }
    s
}

fn replaying(pack: &Arc<Pack>, session: &hirewiz::session::Session, size: (u16, u16)) -> App {
    use hirewiz::session::replay::{drift, replay};
    let played = replay(session, pack.clone(), "session.yaml").expect("it replays");
    let player = hirewiz::tui::Player::new(session, &played, drift(session, &played));
    let mut app = App::replaying(player, Theme::colour());
    app.update(Msg::Resize(size.0, size.1));
    app
}

#[test]
fn welcome_with_the_resume_offer() {
    use hirewiz::session::{Timestamp, replay::replay};
    let pack = test_pack();
    let session = saved_session(&pack, false);
    let played = replay(&session, pack.clone(), "session.yaml").expect("it replays");
    check("welcome_resume", |s| {
        let offer = hirewiz::tui::ResumeOffer {
            id: session.id.to_string(),
            label: Some("Acme Corp".into()),
            updated: session.updated,
            now: Timestamp::from_unix(session.updated.unix() + 3 * 3600 + 60),
            state: played.final_state().clone(),
            answered: session.answers.len(),
            pack_changed: None,
        };
        let mut app = App::new(pack.clone(), Theme::colour()).with_offers(vec![offer]);
        app.update(Msg::Resize(s.0, s.1));
        app
    });
}

#[test]
fn label_overlay_with_a_refused_label() {
    let pack = default_pack();
    let mut keys = vec![Char('l')];
    keys.extend("../acme".chars().map(Char));
    keys.push(Enter);
    check("label_refused", |s| after(&pack, s, &keys));
}

#[test]
fn replay_with_its_status_line() {
    let pack = test_pack();
    let session = saved_session(&pack, true);
    check("replay_question", |s| {
        let mut app = replaying(&pack, &session, s);
        for k in [Right, Right, Right] {
            app.update(Msg::Key(k));
        }
        app
    });
}

#[test]
fn replay_result_when_the_pack_and_the_result_changed() {
    let pack = test_pack();
    let session = saved_session(&pack, true);
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/packs/tui.yaml");
    let text = std::fs::read_to_string(path)
        .expect("the test pack")
        .replace("version: \"1.0.0\"", "version: \"1.1.0\"")
        .replace("points: {beta: 4}", "points: {beta: 1, gamma: 5}");
    let changed = Arc::new(
        hirewiz::pack::load_texts(&[("tui.yaml".into(), text)]).expect("the changed pack"),
    );
    check("replay_result_changed", |s| {
        let mut app = replaying(&changed, &session, s);
        app.update(Msg::Key(End));
        app
    });
}

#[test]
fn recommendation_on_a_close_call() {
    // A small system for 3 to 12 months needing a rare specialism, at a company that
    // runs its own recruiting: Freelance leads Outsource by only 2 points, under the
    // default pack's close-call margin of 3.
    let pack = default_pack();
    check("recommendation_close_call", |s| {
        let app = answered_app(&pack, s, CLOSE_CALL);
        assert!(
            app.report()
                .is_some_and(|r| r.close && !r.tie && r.margin == 2)
        );
        app
    });
}

#[test]
fn recommendation_on_a_close_call_scrolled_to_what_would_change_it() {
    let pack = default_pack();
    check("recommendation_close_call_end", |s| {
        let mut app = answered_app(&pack, s, CLOSE_CALL);
        app.update(Msg::Key(Char('G')));
        app
    });
}

/// The close call's answers.
const CLOSE_CALL: &str = "pack: backend-hiring\nanswers: {drivers: [greenfield], \
                          complexity: small, hiring_capacity: established, \
                          niche_expertise: true}\n";

/// The tie's answers, replayed into a wizard at the review.
fn tie_app(pack: &Arc<Pack>, size: (u16, u16)) -> App {
    let text = "pack: backend-hiring\nanswers: {drivers: [greenfield], engagement: short, \
                complexity: small, company_stage: startup, hiring_capacity: none, \
                urgency: soon}\n";
    answered_app(pack, size, text)
}

/// The result for an answers file's `text`, replayed into a wizard.
fn answered_app(pack: &Arc<Pack>, size: (u16, u16), text: &str) -> App {
    let answers = hirewiz::answers::read_text(pack, "answers", text)
        .unwrap()
        .answers;
    let events: Vec<hirewiz::wizard::Event> = (0..pack.questions().len())
        .filter_map(|q| {
            answers.get(q).map(|a| hirewiz::wizard::Event::Answer {
                question: q,
                answer: a.clone(),
            })
        })
        .chain([hirewiz::wizard::Event::Finish])
        .collect();
    let state = hirewiz::wizard::Wizard::replay(pack.clone(), &events);
    let mut app = App::resumed(state, Theme::colour(), None);
    app.update(Msg::Resize(size.0, size.1));
    to_result(&mut app);
    app
}

#[test]
fn recommendation_on_a_tie_at_the_smallest_size_wraps_its_headline() {
    let pack = default_pack();
    let app = tie_app(&pack, (50, 14));
    let screen = draw(&app, (50, 14));
    assert!(screen.contains("level on 7 points"), "{screen}");
    insta::assert_snapshot!("recommendation_tie_50x14", screen);
}

#[test]
fn recommendation_on_a_tie() {
    // A small build of under three months for a startup with no recruiting: In-house is
    // ruled out and Freelance and Outsource are level on 7 points, so no winner is named.
    let pack = default_pack();
    check("recommendation_tie", |s| {
        let app = tie_app(&pack, s);
        let r = app.report().unwrap();
        assert!(r.tie && r.recommendation.is_none(), "{}", r.headline());
        app
    });
}

#[test]
fn the_result_screen_says_how_seniority_scaled_each_rate_and_on_what_assumption() {
    // Two senior engineers in Asia: the in-house step is the guide's US row, applied to an
    // Asian salary, and the screen says so beside the costs, as the text report does.
    let pack = default_pack();
    for size in [(80, 24), (120, 40)] {
        let mut app = answered_app(
            &pack,
            size,
            "answers: {team_size: 2, seniority: senior, region: asia}\n",
        );
        let mut screen = draw(&app, size);
        for _ in 0..200 {
            if screen.contains("Seniority: In-House (US)") {
                break;
            }
            app.update(Msg::Key(Down));
            screen = draw(&app, size);
        }
        assert!(
            screen.contains("Seniority: In-House (US)"),
            "the in-house note never shows:\n{screen}"
        );
        // On to the end of that note and the assumption the scaling rests on.
        for _ in 0..8 {
            app.update(Msg::Key(Down));
        }
        let screen = draw(&app, size);
        assert!(
            screen.contains("Senior rates scaled from Mid-Level Engineer"),
            "{screen}"
        );
        insta::assert_snapshot!(
            format!("recommendation_seniority_{}x{}", size.0, size.1),
            screen
        );
    }
}

#[test]
fn the_result_screen_says_which_options_fit_the_budget_given() {
    // Four engineers in Eastern Europe for 6 months on $30,000 a month ($180,000): only
    // Outsource ($120,000 at the middle of its range) fits.
    let pack = default_pack();
    for size in [(80, 24), (120, 40)] {
        let mut app = answered_app(
            &pack,
            size,
            "answers: {team_size: 4, region: eastern_europe, budget_figure: per_month, \
             budget_amount: 30000}\n",
        );
        let mut screen = draw(&app, size);
        for _ in 0..200 {
            if screen.contains("Budget: $30,000 a month") {
                break;
            }
            app.update(Msg::Key(Down));
            screen = draw(&app, size);
        }
        for _ in 0..8 {
            app.update(Msg::Key(Down));
        }
        let screen = draw(&app, size);
        assert!(
            screen.contains("Within it: Outsource. Over it: In-house and Freelance."),
            "{screen}"
        );
        insta::assert_snapshot!(
            format!("recommendation_budget_{}x{}", size.0, size.1),
            screen
        );
    }
}

const SMALL: [(u16, u16); 2] = [(50, 14), (80, 24)];

/// Sessions offered on the welcome screen: "Acme Corp", changed ten minutes ago and
/// stopped at the third question, then an unlabelled one left two days ago before its
/// first answer.
fn offers(pack: &Arc<Pack>) -> Vec<hirewiz::tui::ResumeOffer> {
    use hirewiz::session::{Timestamp, replay::replay};
    let session = saved_session(pack, false);
    let played = replay(&session, pack.clone(), "session.yaml").expect("it replays");
    let now = Timestamp::from_unix(session.updated.unix() + 600);
    let acme = hirewiz::tui::ResumeOffer {
        id: session.id.to_string(),
        label: Some("Acme Corp".into()),
        updated: session.updated,
        now,
        state: played.final_state().clone(),
        answered: session.answers.len(),
        pack_changed: None,
    };
    let waiting = hirewiz::tui::ResumeOffer {
        id: "20250530-0910-q7wz".into(),
        label: None,
        updated: Timestamp::from_unix(now.unix() - 2 * 86_400),
        state: hirewiz::wizard::Wizard::new(pack.clone()),
        answered: 0,
        ..acme.clone()
    };
    vec![acme, waiting]
}

fn picker(pack: &Arc<Pack>, size: (u16, u16), keys: &[Key]) -> App {
    let mut app = App::new(pack.clone(), Theme::colour()).with_offers(offers(pack));
    app.update(Msg::Resize(size.0, size.1));
    for k in keys {
        app.update(Msg::Key(*k));
    }
    app
}

#[test]
fn welcome_picker_of_two_sessions() {
    let pack = test_pack();
    for size in SMALL {
        let app = picker(&pack, size, &[]);
        insta::assert_snapshot!(
            format!("welcome_picker_{}x{}", size.0, size.1),
            draw(&app, size)
        );
    }
    let app = picker(&pack, (50, 14), &[End]);
    insta::assert_snapshot!("welcome_picker_new_50x14", draw(&app, (50, 14)));
}

/// At the smallest size the list scrolls, and whichever choice is highlighted shows.
#[test]
fn every_welcome_choice_shows_when_highlighted_at_the_smallest_size() {
    let pack = test_pack();
    for (down, expect) in [
        (0, "Resume “Acme Corp”"),
        (1, "Resume session 20250530-0910-q7wz"),
        (2, "Start a new session"),
    ] {
        let app = picker(&pack, (50, 14), &vec![Down; down]);
        let screen = draw(&app, (50, 14));
        let row = screen.lines().find(|l| l.contains('›')).unwrap_or_default();
        assert!(row.contains(expect), "{expect}:\n{screen}");
    }
}

#[test]
fn review_with_a_long_answer_wrapped() {
    let pack = default_pack();
    let mut app = after(&pack, (100, 32), &[Enter, Char('2'), Char('3'), Char('4')]);
    to_review(&mut app);
    insta::assert_snapshot!("review_long_answer_100x32", draw(&app, (100, 32)));
}

/// The default pack's result with the cost chart open, in `theme`, after `keys`.
fn chart(pack: &Arc<Pack>, size: (u16, u16), theme: Theme, keys: &[Key]) -> App {
    let mut app = App::new(pack.clone(), theme);
    app.update(Msg::Resize(size.0, size.1));
    to_result(&mut app);
    app.update(Msg::Key(Char('c')));
    for k in keys {
        app.update(Msg::Key(*k));
    }
    app
}

/// The screen, then a map of its colours cell by cell (a letter per foreground colour,
/// blank where none), so that a snapshot shows what colour adds to the text.
fn draw_with_colours(app: &App, (w, h): (u16, u16)) -> String {
    use ratatui::style::Color;
    let mut t = Terminal::new(TestBackend::new(w, h)).expect("test backend");
    t.draw(|f| view(app, f)).expect("draw");
    let buf = t.backend().buffer().clone();
    let mut out = t.backend().to_string();
    out.push_str("\ncolours: c cyan, y yellow, m magenta, g green, b blue, r red, d dark grey\n");
    for y in 0..h {
        let row: String = (0..w)
            .map(|x| match buf[(x, y)].fg {
                Color::Cyan => 'c',
                Color::Yellow => 'y',
                Color::Magenta => 'm',
                Color::Green => 'g',
                Color::Blue => 'b',
                Color::Red => 'r',
                Color::DarkGray => 'd',
                Color::Reset => ' ',
                _ => '?',
            })
            .collect();
        out.push_str(&format!("\"{row}\"\n"));
    }
    out
}

#[test]
fn cost_chart_in_colour() {
    let pack = default_pack();
    for size in [(80, 24), (120, 40)] {
        let app = chart(&pack, size, Theme::colour(), &[]);
        insta::assert_snapshot!(
            format!("chart_colour_{}x{}", size.0, size.1),
            draw_with_colours(&app, size)
        );
    }
}

#[test]
fn cost_chart_without_colour() {
    let pack = default_pack();
    for size in [(80, 24), (120, 40)] {
        let app = chart(&pack, size, Theme::plain(), &[]);
        let mut t = Terminal::new(TestBackend::new(size.0, size.1)).expect("test backend");
        t.draw(|f| view(&app, f)).expect("draw");
        let buf = t.backend().buffer();
        assert!(
            buf.content()
                .iter()
                .all(|c| c.fg == ratatui::style::Color::Reset
                    && c.bg == ratatui::style::Color::Reset),
            "no colour without colour"
        );
        insta::assert_snapshot!(
            format!("chart_plain_{}x{}", size.0, size.1),
            draw(&app, size)
        );
    }
}

#[test]
fn cost_chart_over_two_years() {
    let pack = default_pack();
    let app = chart(
        &pack,
        (80, 24),
        Theme::plain(),
        &[Char(']'), Char(']'), Char(']'), Char(']')],
    );
    assert_eq!(app.result().map(|r| r.horizon), Some(24));
    insta::assert_snapshot!("chart_24_months_80x24", draw(&app, (80, 24)));
}

#[test]
fn cost_chart_at_the_smallest_size_asks_for_a_wider_window() {
    let pack = default_pack();
    let app = chart(&pack, (50, 14), Theme::plain(), &[]);
    let screen = draw(&app, (50, 14));
    assert!(screen.contains("Widen the window"), "{screen}");
    insta::assert_snapshot!("chart_50x14", screen);
}

/// The README's captured chart is the screen as drawn today, so it stays true.
#[test]
fn the_readme_shows_the_cost_chart_as_drawn() {
    let readme = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md"))
        .expect("the README");
    let block = readme
        .split("### Cost over time")
        .nth(1)
        .and_then(|rest| rest.split("```\n").nth(1))
        .expect("the README shows the chart");
    let pack = default_pack();
    let app = chart(&pack, (80, 24), Theme::plain(), &[]);
    let mut t = Terminal::new(TestBackend::new(80, 24)).expect("test backend");
    t.draw(|f| view(&app, f)).expect("draw");
    let buf = t.backend().buffer();
    let screen: String = (0..24)
        .map(|y| {
            let row: String = (0..80).map(|x| buf[(x, y)].symbol().to_string()).collect();
            format!("{}\n", row.trim_end())
        })
        .collect();
    assert_eq!(block, screen);
}

/// The three people of `docs/team` as saved sessions offered for a group, and one file
/// that could not be read.
fn team_app(size: (u16, u16)) -> App {
    use hirewiz::tui::app::GroupMember;
    let pack = default_pack();
    let members: Vec<GroupMember> = ["CTO", "CFO", "Founder"]
        .iter()
        .enumerate()
        .map(|(i, who)| {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("docs/team/{who}.yaml"));
            let file = hirewiz::answers::read_path(&pack, &path).expect("team answers");
            GroupMember {
                id: format!("20261201-090{i}-team"),
                label: Some(who.to_string()),
                file: format!("sessions/20261201-090{i}-team.yaml"),
                finished: true,
                answers: file.answers,
                notes: Vec::new(),
            }
        })
        .collect();
    let mut app = after(&pack, size, &[Char('t')]);
    app.update(Msg::Sessions(members, 1));
    app
}

#[test]
fn group_screens() {
    for size in [(80, 24), (120, 40)] {
        let mut app = team_app(size);
        for k in [Char(' '), Down, Char(' '), Down, Char(' ')] {
            app.update(Msg::Key(k));
        }
        assert_eq!(app.place(), Place::Group);
        insta::assert_snapshot!(
            format!("group_pick_{}x{}", size.0, size.1),
            draw(&app, size)
        );
        app.update(Msg::Key(Enter));
        insta::assert_snapshot!(
            format!("group_view_{}x{}", size.0, size.1),
            draw(&app, size)
        );
        // Where the disagreements are weighed: scrolled to the end of that section.
        for _ in 0..200 {
            if draw(&app, size).contains("On every other question") {
                break;
            }
            app.update(Msg::Key(Down));
        }
        insta::assert_snapshot!(
            format!("group_view_decide_{}x{}", size.0, size.1),
            draw(&app, size)
        );
    }
}

#[test]
fn a_group_needs_two_sessions_and_settles_into_the_wizard() {
    let size = (80, 24);
    let mut app = team_app(size);
    app.update(Msg::Key(Char(' ')));
    app.update(Msg::Key(Enter));
    assert!(draw(&app, size).contains("Pick at least two sessions"));
    for k in [Down, Char(' '), Down, Char(' '), Enter] {
        app.update(Msg::Key(k));
    }
    let fx = app.update(Msg::Key(Char('s')));
    assert!(!fx.is_empty(), "settling records the pre-filled session");
    // The one open question (team size) is asked first.
    let q = app.pack().question_index("team_size").expect("team_size");
    assert_eq!(app.place(), Place::Question(q));
    assert_eq!(app.label(), Some("Group: CTO, CFO, Founder"));
    let screen = draw(&app, size);
    assert!(
        screen.contains("Settling the group's answers: this is the last open question."),
        "{screen}"
    );
    assert!(!screen.contains("Editing from the review"), "{screen}");
    insta::assert_snapshot!("group_settle_question_80x24", screen);
    app.update(Msg::Resize(50, 14));
    insta::assert_snapshot!("group_settle_question_50x14", draw(&app, (50, 14)));
    app.update(Msg::Resize(size.0, size.1));
    // Its answer taken, the review follows: the questions the group agreed on are not
    // asked again.
    app.update(Msg::Key(Enter));
    assert_eq!(app.place(), Place::Review);
    app.update(Msg::Key(Enter));
    assert_eq!(app.place(), Place::Result);
    assert!(draw(&app, size).contains("Recommendation: In-house"));
}
