//! Keys and what they do, as data: one table serves the key handling, the help overlay
//! and the hint line, so that what is shown is what works.

/// A key press, independent of the terminal library that reported it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Key {
    /// A printable character.
    Char(char),
    /// A character typed with Ctrl held.
    Ctrl(char),
    /// Enter or Return.
    Enter,
    /// Escape.
    Esc,
    /// Backspace.
    Backspace,
    /// Tab.
    Tab,
    /// Shift-Tab.
    BackTab,
    /// Arrow up.
    Up,
    /// Arrow down.
    Down,
    /// Arrow left.
    Left,
    /// Arrow right.
    Right,
    /// Home.
    Home,
    /// End.
    End,
    /// Page up.
    PageUp,
    /// Page down.
    PageDown,
}

/// Where the user is, which decides what a key means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Context {
    /// The welcome screen.
    Welcome,
    /// A single choice or yes/no question.
    Choice,
    /// A multiple choice question.
    Multiple,
    /// A number question.
    Number,
    /// The review of every answer.
    Review,
    /// The recommendation.
    Result,
    /// The help overlay.
    Help,
    /// The question asking whether to quit.
    ConfirmQuit,
    /// The terminal is below the minimum size.
    TooSmall,
    /// Typing a session's label.
    Label,
    /// Playing a saved session back.
    Replay,
}

/// What a key asks for. The app decides what it means on the current screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Move the highlight (or the view) up.
    Up,
    /// Move the highlight (or the view) down.
    Down,
    /// Jump to the first row.
    First,
    /// Jump to the last row.
    Last,
    /// Scroll a page up.
    PageUp,
    /// Scroll a page down.
    PageDown,
    /// A digit: picks a choice by number, or types into a number.
    Digit(u8),
    /// Pick the highlighted row, or continue.
    Enter,
    /// Toggle the highlighted choice.
    Toggle,
    /// Go back one step.
    Back,
    /// Step a number up.
    Increase,
    /// Step a number down.
    Decrease,
    /// Erase the last digit typed.
    Erase,
    /// Answer yes.
    Yes,
    /// Answer no.
    No,
    /// Show or hide the longer explanation of the question.
    Details,
    /// Open or close the help overlay.
    Help,
    /// Close the overlay.
    Close,
    /// Quit (at once on the result, after asking elsewhere).
    Quit,
    /// Confirm quitting.
    ConfirmQuit,
    /// Quit at once from anywhere.
    Interrupt,
    /// Open the field that labels the session.
    Name,
    /// Export the report as Markdown beside the session file.
    Export,
    /// A character typed into a text field.
    Type(char),
    /// Pause or go on playing a replay.
    Pause,
    /// One step forward in a replay.
    Forward,
}

/// Which keys a binding answers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pattern {
    /// Exactly this key.
    Key(Key),
    /// Any of the digits 0 to 9.
    Digit,
    /// Any printable character (typed into a text field).
    Printable,
}

/// One line of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The keys, in the order they are shown.
    pub keys: &'static [Pattern],
    /// How the keys are written in help and hints.
    pub label: &'static str,
    /// What they do.
    pub action: Action,
    /// What they do, in words for the help overlay.
    pub help: &'static str,
    /// Where they work.
    pub contexts: &'static [Context],
}

use Context as C;
use Key as K;
use Pattern::Key as P;

const QUESTIONS: &[Context] = &[C::Choice, C::Multiple, C::Number];
const LISTS: &[Context] = &[C::Choice, C::Multiple, C::Review];
const SCREENS: &[Context] = &[
    C::Welcome,
    C::Choice,
    C::Multiple,
    C::Number,
    C::Review,
    C::Result,
    C::Replay,
];

/// Every key binding, in the order the help overlay lists them.
pub const BINDINGS: &[Binding] = &[
    Binding {
        keys: &[P(K::Up), P(K::Char('k'))],
        label: "↑ k",
        action: Action::Up,
        help: "move up",
        contexts: LISTS,
    },
    Binding {
        keys: &[P(K::Up), P(K::Down)],
        label: "↑ ↓",
        action: Action::Up,
        help: "choose between resuming and starting afresh",
        contexts: &[C::Welcome],
    },
    Binding {
        keys: &[P(K::Down), P(K::Char('j'))],
        label: "↓ j",
        action: Action::Down,
        help: "move down",
        contexts: LISTS,
    },
    Binding {
        keys: &[P(K::Up), P(K::Char('k'))],
        label: "↑ k",
        action: Action::Up,
        help: "scroll up",
        contexts: &[C::Result, C::Help, C::Replay],
    },
    Binding {
        keys: &[P(K::Down), P(K::Char('j'))],
        label: "↓ j",
        action: Action::Down,
        help: "scroll down",
        contexts: &[C::Result, C::Help, C::Replay],
    },
    Binding {
        keys: &[P(K::PageUp), P(K::PageDown)],
        label: "PgUp PgDn",
        action: Action::PageDown,
        help: "scroll a page",
        contexts: &[C::Result],
    },
    Binding {
        keys: &[P(K::Home), P(K::Char('g'))],
        label: "Home g",
        action: Action::First,
        help: "go to the top",
        contexts: &[C::Choice, C::Multiple, C::Review, C::Result],
    },
    Binding {
        keys: &[P(K::End), P(K::Char('G'))],
        label: "End G",
        action: Action::Last,
        help: "go to the bottom",
        contexts: &[C::Choice, C::Multiple, C::Review, C::Result],
    },
    Binding {
        keys: &[Pattern::Digit],
        label: "1-9",
        action: Action::Digit(0),
        help: "pick a choice by its number",
        contexts: &[C::Choice],
    },
    Binding {
        keys: &[Pattern::Digit],
        label: "1-9",
        action: Action::Digit(0),
        help: "select or clear a choice by its number",
        contexts: &[C::Multiple],
    },
    Binding {
        keys: &[P(K::Char('y')), P(K::Char('n'))],
        label: "y n",
        action: Action::Yes,
        help: "answer yes or no (yes/no questions)",
        contexts: &[C::Choice],
    },
    Binding {
        keys: &[Pattern::Digit],
        label: "0-9",
        action: Action::Digit(0),
        help: "type the number",
        contexts: &[C::Number],
    },
    Binding {
        keys: &[P(K::Backspace)],
        label: "Backspace",
        action: Action::Erase,
        help: "erase the last digit",
        contexts: &[C::Number],
    },
    Binding {
        keys: &[P(K::Char('+')), P(K::Up)],
        label: "+ ↑",
        action: Action::Increase,
        help: "step the number up",
        contexts: &[C::Number],
    },
    Binding {
        keys: &[P(K::Char('-')), P(K::Down)],
        label: "- ↓",
        action: Action::Decrease,
        help: "step the number down",
        contexts: &[C::Number],
    },
    Binding {
        keys: &[P(K::Char(' '))],
        label: "Space",
        action: Action::Toggle,
        help: "select or clear the highlighted choice",
        contexts: &[C::Multiple],
    },
    Binding {
        keys: &[P(K::Enter)],
        label: "Enter",
        action: Action::Enter,
        help: "resume the highlighted session, or start a new one",
        contexts: &[C::Welcome],
    },
    Binding {
        keys: &[P(K::Enter)],
        label: "Enter",
        action: Action::Enter,
        help: "pick the highlighted choice and continue",
        contexts: &[C::Choice],
    },
    Binding {
        keys: &[P(K::Enter)],
        label: "Enter",
        action: Action::Enter,
        help: "confirm the selection and continue",
        contexts: &[C::Multiple],
    },
    Binding {
        keys: &[P(K::Enter)],
        label: "Enter",
        action: Action::Enter,
        help: "confirm the number and continue",
        contexts: &[C::Number],
    },
    Binding {
        keys: &[P(K::Enter)],
        label: "Enter",
        action: Action::Enter,
        help: "change the highlighted answer, or see the result",
        contexts: &[C::Review],
    },
    Binding {
        keys: &[P(K::Char('i'))],
        label: "i",
        action: Action::Details,
        help: "more on why the question is asked",
        contexts: QUESTIONS,
    },
    Binding {
        keys: &[P(K::Left), P(K::BackTab), P(K::Char('b'))],
        label: "← ⇧Tab b",
        action: Action::Back,
        help: "go back one question",
        contexts: &[C::Choice, C::Multiple, C::Review],
    },
    // While a number is typed, letters are not commands: only ← and ⇧Tab go back.
    Binding {
        keys: &[P(K::Left), P(K::BackTab)],
        label: "← ⇧Tab",
        action: Action::Back,
        help: "go back one question",
        contexts: &[C::Number],
    },
    Binding {
        keys: &[P(K::Left), P(K::BackTab), P(K::Char('b'))],
        label: "← ⇧Tab b",
        action: Action::Back,
        help: "back to your answers, to change them",
        contexts: &[C::Result],
    },
    Binding {
        keys: &[P(K::Char(' '))],
        label: "Space",
        action: Action::Pause,
        help: "pause, or play on",
        contexts: &[C::Replay],
    },
    Binding {
        keys: &[P(K::Left)],
        label: "←",
        action: Action::Back,
        help: "one step back (pauses)",
        contexts: &[C::Replay],
    },
    Binding {
        keys: &[P(K::Right)],
        label: "→",
        action: Action::Forward,
        help: "one step forward (pauses)",
        contexts: &[C::Replay],
    },
    Binding {
        keys: &[P(K::Char('+')), P(K::Char('='))],
        label: "+",
        action: Action::Increase,
        help: "faster",
        contexts: &[C::Replay],
    },
    Binding {
        keys: &[P(K::Char('-'))],
        label: "-",
        action: Action::Decrease,
        help: "slower",
        contexts: &[C::Replay],
    },
    Binding {
        keys: &[P(K::Home)],
        label: "Home",
        action: Action::First,
        help: "back to the start",
        contexts: &[C::Replay],
    },
    Binding {
        keys: &[P(K::End)],
        label: "End",
        action: Action::Last,
        help: "skip to the result",
        contexts: &[C::Replay],
    },
    Binding {
        keys: &[P(K::Char('e'))],
        label: "e",
        action: Action::Export,
        help: "export the report as Markdown beside the session file",
        contexts: &[C::Result, C::Replay],
    },
    Binding {
        keys: &[P(K::Char('l'))],
        label: "l",
        action: Action::Name,
        help: "label the session with a client or project name",
        contexts: &[C::Welcome, C::Result],
    },
    Binding {
        keys: &[Pattern::Printable],
        label: "letters",
        action: Action::Type(' '),
        help: "type the label",
        contexts: &[C::Label],
    },
    Binding {
        keys: &[P(K::Backspace)],
        label: "Backspace",
        action: Action::Erase,
        help: "erase the last character",
        contexts: &[C::Label],
    },
    Binding {
        keys: &[P(K::Enter)],
        label: "Enter",
        action: Action::Enter,
        help: "save the label (an empty one removes it)",
        contexts: &[C::Label],
    },
    Binding {
        keys: &[P(K::Esc)],
        label: "Esc",
        action: Action::Close,
        help: "cancel",
        contexts: &[C::Label],
    },
    Binding {
        keys: &[P(K::Char('?'))],
        label: "?",
        action: Action::Help,
        help: "show or hide this help",
        contexts: SCREENS,
    },
    Binding {
        keys: &[P(K::Esc), P(K::Char('?')), P(K::Char('q'))],
        label: "Esc ? q",
        action: Action::Close,
        help: "close this help",
        contexts: &[C::Help],
    },
    Binding {
        keys: &[P(K::Char('y')), P(K::Char('q'))],
        label: "y q",
        action: Action::ConfirmQuit,
        help: "quit",
        contexts: &[C::ConfirmQuit],
    },
    Binding {
        keys: &[P(K::Char('n')), P(K::Esc)],
        label: "n Esc",
        action: Action::Close,
        help: "stay",
        contexts: &[C::ConfirmQuit],
    },
    Binding {
        keys: &[P(K::Char('q'))],
        label: "q",
        action: Action::Quit,
        help: "quit",
        contexts: &[C::Welcome, C::Result, C::TooSmall, C::Replay],
    },
    Binding {
        keys: &[P(K::Char('q'))],
        label: "q",
        action: Action::Quit,
        help: "quit (asks first)",
        contexts: &[C::Choice, C::Multiple, C::Number, C::Review],
    },
    Binding {
        keys: &[P(K::Ctrl('c'))],
        label: "Ctrl-C",
        action: Action::Interrupt,
        help: "quit at once",
        contexts: &[
            C::Welcome,
            C::Choice,
            C::Multiple,
            C::Number,
            C::Review,
            C::Result,
            C::Help,
            C::ConfirmQuit,
            C::TooSmall,
            C::Label,
            C::Replay,
        ],
    },
];

/// What `key` asks for in `context`, if anything.
pub fn resolve(key: Key, context: Context) -> Option<Action> {
    // Keys whose meaning is not one action per table line.
    match (key, context) {
        (K::PageUp, C::Result) => return Some(Action::PageUp),
        (K::Char('n'), C::Choice) => return Some(Action::No),
        (K::Down, C::Welcome) => return Some(Action::Down),
        (K::Char(c), C::Label) if !c.is_control() => return Some(Action::Type(c)),
        _ => {}
    }
    BINDINGS
        .iter()
        .filter(|b| b.contexts.contains(&context))
        .find_map(|b| {
            b.keys.iter().find_map(|p| match (p, key) {
                (Pattern::Key(k), _) if *k == key => Some(b.action),
                (Pattern::Digit, K::Char(c)) => c.to_digit(10).map(|d| Action::Digit(d as u8)),
                (Pattern::Printable, K::Char(c)) if !c.is_control() => Some(Action::Type(c)),
                _ => None,
            })
        })
}

/// The bindings that work in `context`, for the help overlay.
pub fn bindings(context: Context) -> impl Iterator<Item = &'static Binding> {
    BINDINGS
        .iter()
        .filter(move |b| b.contexts.contains(&context))
}

/// The one-line hint shown at the bottom of each screen, as (keys, what) pairs.
/// `choices` is the number of choices on a question (for `1-N pick`); on the welcome
/// screen, see the comment below.
pub fn hints(context: Context, choices: usize) -> Vec<(String, &'static str)> {
    let pick = match choices {
        0 | 1 => String::new(),
        n => format!("1-{}", n.min(9)),
    };
    let h = |k: &str, w: &'static str| (k.to_string(), w);
    match context {
        // On the welcome screen, `choices` says what Enter does: 2 when it resumes the
        // session offered, 3 when it starts a new one beside that offer.
        C::Welcome if choices > 1 => vec![
            h("↑↓", "choose"),
            h(
                "Enter",
                if choices == 2 {
                    "resume"
                } else {
                    "start afresh"
                },
            ),
            h("l", "label"),
            h("?", "help"),
            h("q", "quit"),
        ],
        C::Welcome => vec![
            h("Enter", "start"),
            h("l", "label"),
            h("?", "help"),
            h("q", "quit"),
        ],
        C::Choice => vec![
            h("↑↓", "move"),
            (pick, "pick"),
            h("Enter", "continue"),
            h("←", "back"),
            h("?", "help"),
            h("q", "quit"),
        ],
        C::Multiple => vec![
            h("↑↓", "move"),
            h("Space", "select"),
            h("Enter", "confirm"),
            h("←", "back"),
            h("?", "help"),
            h("q", "quit"),
        ],
        C::Number => vec![
            h("0-9", "type"),
            h("+/-", "step"),
            h("Enter", "continue"),
            h("←", "back"),
            h("?", "help"),
            h("q", "quit"),
        ],
        C::Review => vec![
            h("↑↓", "move"),
            h("Enter", "change / see result"),
            h("←", "back"),
            h("?", "help"),
            h("q", "quit"),
        ],
        C::Result => vec![
            h("↑↓", "scroll"),
            h("b", "change answers"),
            h("e", "export"),
            h("l", "label"),
            h("?", "help"),
            h("q", "quit"),
        ],
        C::Replay => vec![
            h("Space", "pause/play"),
            h("←→", "step"),
            h("+/-", "speed"),
            h("End", "result"),
            h("?", "help"),
            h("q", "quit"),
        ],
        C::Label => vec![h("Enter", "save"), h("Esc", "cancel")],
        C::Help => vec![h("Esc", "close")],
        C::ConfirmQuit => vec![h("y", "quit"), h("n", "stay")],
        C::TooSmall => vec![h("q", "quit")],
    }
    .into_iter()
    .filter(|(k, _)| !k.is_empty())
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_resolve_by_context() {
        assert_eq!(resolve(K::Char('3'), C::Choice), Some(Action::Digit(3)));
        assert_eq!(resolve(K::Up, C::Number), Some(Action::Increase));
        assert_eq!(resolve(K::Up, C::Choice), Some(Action::Up));
        assert_eq!(resolve(K::Char('q'), C::Help), Some(Action::Close));
        assert_eq!(resolve(K::Char('n'), C::Choice), Some(Action::No));
        assert_eq!(resolve(K::Char('y'), C::Choice), Some(Action::Yes));
        assert_eq!(resolve(K::PageUp, C::Result), Some(Action::PageUp));
        assert_eq!(resolve(K::PageDown, C::Result), Some(Action::PageDown));
        assert_eq!(resolve(K::Ctrl('c'), C::TooSmall), Some(Action::Interrupt));
        assert_eq!(resolve(K::Char('x'), C::Review), None);
        assert_eq!(resolve(K::Char('q'), C::Label), Some(Action::Type('q')));
        assert_eq!(resolve(K::Char('?'), C::Label), Some(Action::Type('?')));
        assert_eq!(resolve(K::Ctrl('c'), C::Label), Some(Action::Interrupt));
        assert_eq!(resolve(K::Esc, C::Label), Some(Action::Close));
        assert_eq!(resolve(K::Char('e'), C::Result), Some(Action::Export));
        assert_eq!(resolve(K::Char('l'), C::Welcome), Some(Action::Name));
        assert_eq!(resolve(K::Down, C::Welcome), Some(Action::Down));
        assert_eq!(resolve(K::End, C::Replay), Some(Action::Last));
        assert_eq!(resolve(K::Right, C::Replay), Some(Action::Forward));
        assert_eq!(resolve(K::Char(' '), C::Replay), Some(Action::Pause));
    }

    #[test]
    fn every_screen_has_help_and_quit() {
        for c in [
            C::Welcome,
            C::Choice,
            C::Multiple,
            C::Number,
            C::Review,
            C::Result,
            C::Replay,
        ] {
            assert_eq!(resolve(K::Char('?'), c), Some(Action::Help), "{c:?}");
            assert_eq!(resolve(K::Char('q'), c), Some(Action::Quit), "{c:?}");
        }
    }
}
