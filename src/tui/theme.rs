//! Colours and emphasis. The default sticks to the 16 ANSI colours, which every terminal
//! has and which follow the user's own palette; with `NO_COLOR` set, emphasis is carried
//! by bold, reverse video and markers alone.

use ratatui::style::{Color, Modifier, Style};

/// The styles every view draws with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Whether colours are off (`NO_COLOR`).
    pub plain: bool,
    /// The program and pack name at the top.
    pub title: Style,
    /// The heavy rule under the title.
    pub rule: Style,
    /// Section names and headings.
    pub heading: Style,
    /// The question prompt and the headline.
    pub prompt: Style,
    /// Ordinary text.
    pub text: Style,
    /// Secondary text: help lines, hints, units.
    pub dim: Style,
    /// The highlighted row.
    pub highlight: Style,
    /// The marker of the chosen answer.
    pub chosen: Style,
    /// Validation messages.
    pub error: Style,
    /// Keys in the hint line and the help overlay.
    pub key: Style,
    /// Filled part of gauges and bars.
    pub bar: Style,
    /// Filled part of a bar below zero.
    pub bar_negative: Style,
    /// Unfilled part of gauges and bars.
    pub track: Style,
    /// Points in favour.
    pub good: Style,
    /// Points against.
    pub bad: Style,
    /// The options of the cost chart, in turn; each is told apart by its letter too.
    pub series: [Style; 6],
}

impl Theme {
    /// The colour theme, or the plain one when `no_color` is set.
    pub fn new(no_color: bool) -> Theme {
        if no_color {
            Theme::plain()
        } else {
            Theme::colour()
        }
    }

    /// The default theme, in the 16 ANSI colours.
    pub fn colour() -> Theme {
        let s = Style::default();
        Theme {
            plain: false,
            title: s.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            rule: s.fg(Color::Cyan),
            heading: s.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            prompt: s.add_modifier(Modifier::BOLD),
            text: s,
            dim: s.fg(Color::DarkGray),
            highlight: s.fg(Color::Black).bg(Color::Cyan),
            chosen: s.fg(Color::Green).add_modifier(Modifier::BOLD),
            error: s.fg(Color::Red).add_modifier(Modifier::BOLD),
            key: s.fg(Color::Cyan).add_modifier(Modifier::BOLD),
            bar: s.fg(Color::Cyan),
            bar_negative: s.fg(Color::Red),
            track: s.fg(Color::DarkGray),
            good: s.fg(Color::Green),
            bad: s.fg(Color::Red),
            series: [
                s.fg(Color::Cyan),
                s.fg(Color::Magenta),
                s.fg(Color::Green),
                s.fg(Color::Yellow),
                s.fg(Color::Blue),
                s.fg(Color::Red),
            ],
        }
    }

    /// No colours: bold, reverse and markers only.
    pub fn plain() -> Theme {
        let s = Style::default();
        let bold = s.add_modifier(Modifier::BOLD);
        Theme {
            plain: true,
            title: bold,
            rule: s,
            heading: bold,
            prompt: bold,
            text: s,
            dim: s,
            highlight: s.add_modifier(Modifier::REVERSED),
            chosen: bold,
            error: bold,
            key: bold,
            bar: s,
            bar_negative: s,
            track: s,
            good: s,
            bad: s,
            series: [s; 6],
        }
    }
}
