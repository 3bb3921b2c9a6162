//! Drawing the recommendation screen at 120x40: the budget is 200 µs a frame.

use criterion::{Criterion, criterion_group, criterion_main};
use hirewiz::tui::{App, Key, Msg, Theme, view};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::hint::black_box;
use std::sync::Arc;

fn result_screen() -> App {
    let pack = Arc::new(hirewiz::pack::load_default().expect("the default pack loads"));
    let mut app = App::new(pack, Theme::colour());
    app.update(Msg::Resize(120, 40));
    // Enter alone goes from the welcome screen through every question to the result.
    for _ in 0..200 {
        if app.report().is_some() {
            break;
        }
        app.update(Msg::Key(Key::Enter));
    }
    assert!(app.report().is_some(), "Enter alone reaches the result");
    app
}

fn draw_recommendation(c: &mut Criterion) {
    let app = result_screen();
    let mut terminal = Terminal::new(TestBackend::new(120, 40)).expect("test backend");
    c.bench_function("draw recommendation 120x40", |b| {
        b.iter(|| {
            terminal
                .draw(|frame| view(black_box(&app), frame))
                .expect("draw");
        })
    });
}

criterion_group!(benches, draw_recommendation);
criterion_main!(benches);
