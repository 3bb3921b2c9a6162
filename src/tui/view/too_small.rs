//! The notice shown when the terminal is too small to lay the screens out. The wizard
//! keeps its state and carries on as soon as the terminal grows.

use crate::tui::keys::{self, Context};
use crate::tui::model::{App, MIN_SIZE};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

pub(super) fn draw(app: &App, frame: &mut Frame, area: Rect) {
    let t = app.theme();
    let lines = vec![
        Line::styled("Terminal too small", t.title),
        Line::default(),
        Line::styled(
            format!(
                "It is {}×{}; hirewiz needs at least {}×{}.",
                area.width, area.height, MIN_SIZE.0, MIN_SIZE.1
            ),
            t.text,
        ),
        Line::styled("Make the window larger to carry on.", t.text),
        Line::default(),
        Line::from(
            keys::hints(Context::TooSmall, keys::Shown::default())
                .into_iter()
                .flat_map(|(k, what)| {
                    [
                        Span::styled(k, t.key),
                        Span::styled(format!(" {what}"), t.text),
                    ]
                })
                .collect::<Vec<_>>(),
        ),
    ];
    // Centre vertically when there is room; otherwise start at the top.
    let needed = 8u16;
    let top = area.height.saturating_sub(needed) / 2;
    let rect = Rect {
        y: area.y + top,
        height: area.height - top,
        ..area
    };
    frame.render_widget(
        Paragraph::new(lines)
            .alignment(ratatui::layout::Alignment::Center)
            .wrap(Wrap { trim: true }),
        rect,
    );
}
