//! Whatever the keys and whatever the size, the wizard never panics, and drawing always
//! fits the screen.

use hirewiz::pack::Pack;
use hirewiz::tui::{App, Key, Msg, Theme, view};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;
use std::sync::{Arc, OnceLock};

fn packs() -> &'static [Arc<Pack>; 2] {
    static PACKS: OnceLock<[Arc<Pack>; 2]> = OnceLock::new();
    PACKS.get_or_init(|| {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/packs/tui.yaml");
        [
            Arc::new(hirewiz::pack::load_default().expect("default pack")),
            Arc::new(hirewiz::pack::load_path(&path).expect("test pack")),
        ]
    })
}

fn key() -> impl Strategy<Value = Key> {
    prop_oneof![
        4 => Just(Key::Enter),
        2 => Just(Key::Up),
        2 => Just(Key::Down),
        1 => Just(Key::Left),
        1 => Just(Key::Right),
        1 => Just(Key::Home),
        1 => Just(Key::End),
        1 => Just(Key::PageUp),
        1 => Just(Key::PageDown),
        1 => Just(Key::Tab),
        1 => Just(Key::BackTab),
        1 => Just(Key::Backspace),
        1 => Just(Key::Esc),
        2 => prop::sample::select(
            "0123456789 +-bgGijkynq?xQ".chars().collect::<Vec<_>>()
        ).prop_map(Key::Char),
        1 => Just(Key::Ctrl('a')),
    ]
}

#[derive(Debug, Clone)]
enum Step {
    Key(Key),
    Resize(u16, u16),
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        12 => key().prop_map(Step::Key),
        1 => (0u16..160, 0u16..50).prop_map(|(w, h)| Step::Resize(w, h)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn any_keys_at_any_size_never_panic(
        which in 0usize..2,
        plain in any::<bool>(),
        start in (0u16..160, 0u16..50),
        steps in prop::collection::vec(step(), 0..80),
    ) {
        let pack = packs()[which].clone();
        let theme = if plain { Theme::plain() } else { Theme::colour() };
        let mut app = App::new(pack, theme);
        let (mut w, mut h) = start;
        app.update(Msg::Resize(w, h));
        let mut terminal = Terminal::new(TestBackend::new(w, h)).expect("backend");
        for s in steps {
            match s {
                Step::Key(k) => {
                    app.update(Msg::Key(k));
                }
                Step::Resize(nw, nh) => {
                    (w, h) = (nw, nh);
                    app.update(Msg::Resize(w, h));
                    terminal = Terminal::new(TestBackend::new(w, h)).expect("backend");
                }
            }
            if app.exit().is_some() {
                break;
            }
            terminal.draw(|f| view(&app, f)).expect("draw");
        }
    }
}
