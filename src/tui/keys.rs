//! Keys and what they do, as data. Each line of [`BINDINGS`] names its keys, the one
//! action they ask for, where they work, how help describes them and how the hint line
//! shows them: handling, the help overlay and the hints all read this one table, so what
//! is shown is what works.

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
    /// The welcome screen, with nothing saved to resume.
    Welcome,
    /// The welcome screen, with a saved session highlighted.
    Resume,
    /// The welcome screen, with "start a new session" highlighted beside saved ones.
    StartAfresh,
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
    /// The cost chart of the recommendation.
    Chart,
    /// The help overlay.
    Help,
    /// The question asking whether to quit.
    Quit,
    /// The terminal is below the minimum size.
    TooSmall,
    /// Typing a session's label.
    Label,
    /// Playing a saved session back.
    Replay,
    /// Picking the sessions of a group.
    GroupPick,
    /// The group view of the sessions picked.
    GroupView,
}

impl Context {
    /// Where this is, in a few words, for the manual page's key list.
    pub fn name(self) -> &'static str {
        match self {
            Context::Welcome | Context::Resume | Context::StartAfresh => "welcome screen",
            Context::Choice => "single choice and yes/no questions",
            Context::Multiple => "multiple choice questions",
            Context::Number => "number questions",
            Context::Review => "review",
            Context::Result => "result",
            Context::Chart => "cost chart",
            Context::Help => "help",
            Context::Quit => "quit dialog",
            Context::TooSmall => "a terminal too small",
            Context::Label => "label dialog",
            Context::Replay => "replay",
            Context::GroupPick => "group picker",
            Context::GroupView => "group view",
        }
    }
}

/// A movement through a list or a scrolled view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Move {
    /// One row up.
    Up,
    /// One row down.
    Down,
    /// A page up.
    PageUp,
    /// A page down.
    PageDown,
    /// To the first row.
    First,
    /// To the last row.
    Last,
}

impl Move {
    /// Where `at` goes in `0..=last`, a page being `page` rows.
    pub fn from(self, at: usize, last: usize, page: usize) -> usize {
        let page = page.max(1);
        match self {
            Move::Up => at.saturating_sub(1),
            Move::Down => at.saturating_add(1),
            Move::PageUp => at.saturating_sub(page),
            Move::PageDown => at.saturating_add(page),
            Move::First => 0,
            Move::Last => last,
        }
        .min(last)
    }
}

/// What a control of the replay does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Play {
    /// Pause, or play on.
    Pause,
    /// One step back.
    Back,
    /// One step forward.
    Forward,
    /// Back to the start.
    First,
    /// To the result.
    Last,
    /// Faster.
    Faster,
    /// Slower.
    Slower,
}

/// What a key does to the text of the label field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Edit {
    /// The caret one character left.
    Left,
    /// The caret one character right.
    Right,
    /// The caret to the start.
    Home,
    /// The caret to the end.
    End,
    /// Erase the character before the caret.
    Erase,
    /// Erase everything before the caret.
    Clear,
}

/// What a key does to the question being answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Answering {
    /// Pick the choice with this number and continue.
    Pick(u8),
    /// Select or clear the choice with this number.
    Tick(u8),
    /// Type this digit into the number.
    Digit(u8),
    /// Select or clear the highlighted choice.
    Toggle,
    /// Answer yes.
    Yes,
    /// Answer no.
    No,
    /// Erase the last digit typed.
    Erase,
    /// Step the number up (1) or down (-1).
    Step(i8),
    /// Confirm the answer and continue.
    Confirm,
    /// Show or hide the longer explanation of the question.
    Details,
}

/// What a key does on the group screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Grouping {
    /// From the welcome screen: pick saved sessions to see side by side.
    Open,
    /// Pick or drop the highlighted session.
    Toggle,
    /// Show the group of the sessions picked.
    Show,
    /// Back: from the group view to the picker, from the picker to the welcome screen.
    Leave,
    /// Start a new session pre-filled with the group profile, its open questions first.
    Settle,
}

/// What a key asks for. Each action belongs to the screen or overlay whose context
/// binds it, so it has one meaning.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    /// Move the highlight of a list (the welcome choices, a question's choices, the review).
    Select(Move),
    /// Scroll the result.
    Scroll(Move),
    /// Scroll the help overlay.
    ScrollHelp(Move),
    /// Begin: resume the highlighted session, or start a new one.
    Start,
    /// Something done to the question being answered.
    Answer(Answering),
    /// On the review: change the highlighted answer, or see the result.
    Change,
    /// Go back one step of the wizard.
    Back,
    /// Back to the review without changing the answer (when changing one from it).
    ToReview,
    /// On to the next question, past one already answered, without confirming an edit.
    Forward,
    /// Open the help overlay.
    Help,
    /// Close the overlay.
    Close,
    /// Ask whether to quit.
    AskQuit,
    /// Quit.
    Quit,
    /// Quit at once from anywhere.
    Interrupt,
    /// Open the field that labels the session.
    Name,
    /// A character typed into the label.
    Type(char),
    /// Edit the label: move the caret or erase.
    Edit(Edit),
    /// Save the label.
    SaveLabel,
    /// Export the report as Markdown beside the session file.
    Export,
    /// A control of the replay.
    Play(Play),
    /// On the result: show the cost chart, or back to the report from it.
    Chart,
    /// On the cost chart: more months of work (1) or fewer (-1).
    Horizon(i8),
    /// Something done on the group screens.
    Group(Grouping),
}

impl Action {
    /// The action for the digit `d`, for a line whose keys are the digits.
    fn with_digit(self, d: u8) -> Action {
        match self {
            Action::Answer(Answering::Pick(_)) => Action::Answer(Answering::Pick(d)),
            Action::Answer(Answering::Tick(_)) => Action::Answer(Answering::Tick(d)),
            Action::Answer(Answering::Digit(_)) => Action::Answer(Answering::Digit(d)),
            other => other,
        }
    }
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

/// How a binding shows in the hint line at the bottom of the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hint {
    /// Not in the hint line.
    None,
    /// These keys, doing this.
    Keys(&'static str, &'static str),
    /// The numbers of the question's choices (`1-4`), doing this; left out with one choice.
    Choices(&'static str),
    /// These keys, doing this, shown only when the result prices its options.
    Priced(&'static str, &'static str),
}

/// What the screen in view has, for the hints that depend on it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Shown {
    /// How many choices the question has (none off a question).
    pub choices: usize,
    /// Whether the result prices its options, so that it has a cost chart.
    pub priced: bool,
}

/// One line of the key table.
#[derive(Debug, Clone, Copy)]
pub struct Binding {
    /// The keys, in the order they are shown.
    pub keys: &'static [Pattern],
    /// How the keys are written in help.
    pub label: &'static str,
    /// What they do.
    pub action: Action,
    /// What they do, in words for the help overlay.
    pub help: &'static str,
    /// Where they work.
    pub contexts: &'static [Context],
    /// How they show in the hint line.
    pub hint: Hint,
}

const fn bind(
    keys: &'static [Pattern],
    label: &'static str,
    action: Action,
    help: &'static str,
    contexts: &'static [Context],
) -> Binding {
    Binding {
        keys,
        label,
        action,
        help,
        contexts,
        hint: Hint::None,
    }
}

/// A binding for the question being answered.
const fn ask(
    keys: &'static [Pattern],
    label: &'static str,
    action: Answering,
    help: &'static str,
    contexts: &'static [Context],
) -> Binding {
    bind(keys, label, Action::Answer(action), help, contexts)
}

impl Binding {
    const fn hint(mut self, keys: &'static str, what: &'static str) -> Binding {
        self.hint = Hint::Keys(keys, what);
        self
    }

    const fn priced(mut self, keys: &'static str, what: &'static str) -> Binding {
        self.hint = Hint::Priced(keys, what);
        self
    }

    const fn choices(mut self, what: &'static str) -> Binding {
        self.hint = Hint::Choices(what);
        self
    }
}

use Action as A;
use Answering as E;
use Context as C;
use Grouping as G;
use Key as K;
use Pattern::Key as P;

const QUESTIONS: &[Context] = &[C::Choice, C::Multiple, C::Number];
const LISTS: &[Context] = &[C::Choice, C::Multiple, C::Review];
const PICKER: &[Context] = &[C::Resume, C::StartAfresh, C::GroupPick];
const WELCOME: &[Context] = &[C::Welcome, C::Resume, C::StartAfresh];
const SCREENS: &[Context] = &[
    C::Welcome,
    C::Resume,
    C::StartAfresh,
    C::Choice,
    C::Multiple,
    C::Number,
    C::Review,
    C::Result,
    C::Chart,
    C::Replay,
    C::GroupPick,
    C::GroupView,
];
const EVERYWHERE: &[Context] = &[
    C::Welcome,
    C::Resume,
    C::StartAfresh,
    C::Choice,
    C::Multiple,
    C::Number,
    C::Review,
    C::Result,
    C::Chart,
    C::Help,
    C::Quit,
    C::TooSmall,
    C::Label,
    C::Replay,
    C::GroupPick,
    C::GroupView,
];
const HOME_END: &[Context] = &[
    C::Choice,
    C::Multiple,
    C::Review,
    C::Resume,
    C::StartAfresh,
    C::GroupPick,
];
const UP: &[Pattern] = &[P(K::Up), P(K::Char('k'))];
const HOME: &[Pattern] = &[P(K::Home), P(K::Char('g'))];
const END: &[Pattern] = &[P(K::End), P(K::Char('G'))];
const DIGIT: &[Pattern] = &[Pattern::Digit];
const ENTER: &[Pattern] = &[P(K::Enter)];
const SPACE: &[Pattern] = &[P(K::Char(' '))];
const EXPORT: &[Pattern] = &[P(K::Char('e'))];
const EXPORTS: &str = "export the report as Markdown beside the session file";
const DOWN: &[Pattern] = &[P(K::Down), P(K::Char('j'))];
const BACK: &[Pattern] = &[P(K::Left), P(K::BackTab), P(K::Char('b'))];
const RESULT: &[Context] = &[C::Result, C::Chart];
const SCROLLED: &[Context] = &[C::Result, C::Chart, C::GroupView];
const CHART: &[Pattern] = &[P(K::Char('c'))];

/// Every key binding, in the order the help overlay lists them and the hint line shows
/// them.
#[rustfmt::skip]
pub const BINDINGS: &[Binding] = &[
    bind(UP, "↑ k", A::Select(Move::Up), "move up", LISTS).hint("↑↓", "move"),
    bind(DOWN, "↓ j", A::Select(Move::Down), "move down", LISTS),
    bind(UP, "↑ k", A::Select(Move::Up), "move up", PICKER).hint("↑↓", "choose"),
    bind(DOWN, "↓ j", A::Select(Move::Down), "move down", PICKER),
    bind(UP, "↑ k", A::Scroll(Move::Up), "scroll up", SCROLLED).hint("↑↓", "scroll"),
    bind(DOWN, "↓ j", A::Scroll(Move::Down), "scroll down", SCROLLED),
    bind(UP, "↑ k", A::Scroll(Move::Up), "scroll up", &[C::Replay]),
    bind(DOWN, "↓ j", A::Scroll(Move::Down), "scroll down", &[C::Replay]),
    bind(UP, "↑ k", A::ScrollHelp(Move::Up), "scroll up", &[C::Help]).hint("↑↓", "scroll"),
    bind(DOWN, "↓ j", A::ScrollHelp(Move::Down), "scroll down", &[C::Help]),
    bind(&[P(K::PageUp)], "PgUp", A::ScrollHelp(Move::PageUp), "scroll a page up", &[C::Help]),
    bind(&[P(K::PageDown)], "PgDn", A::ScrollHelp(Move::PageDown), "scroll a page down", &[C::Help]),
    bind(HOME, "Home g", A::ScrollHelp(Move::First), "go to the top", &[C::Help]),
    bind(END, "End G", A::ScrollHelp(Move::Last), "go to the bottom", &[C::Help]),
    bind(&[P(K::PageUp)], "PgUp", A::Scroll(Move::PageUp), "scroll a page up", SCROLLED),
    bind(&[P(K::PageDown)], "PgDn", A::Scroll(Move::PageDown), "scroll a page down", SCROLLED),
    bind(&[P(K::PageUp)], "PgUp", A::Select(Move::PageUp), "move a page up", &[C::Review]),
    bind(&[P(K::PageDown)], "PgDn", A::Select(Move::PageDown), "move a page down", &[C::Review]),
    bind(HOME, "Home g", A::Select(Move::First), "go to the top", HOME_END),
    bind(END, "End G", A::Select(Move::Last), "go to the bottom", HOME_END),
    bind(HOME, "Home g", A::Scroll(Move::First), "go to the top", SCROLLED),
    bind(END, "End G", A::Scroll(Move::Last), "go to the bottom", SCROLLED),
    ask(DIGIT, "1-9", E::Pick(0), "pick a choice by its number", &[C::Choice]).choices("pick"),
    ask(DIGIT, "1-9", E::Tick(0), "select or clear a choice by its number", &[C::Multiple]),
    ask(&[P(K::Char('y'))], "y", E::Yes, "answer yes (yes/no questions)", &[C::Choice]),
    ask(&[P(K::Char('n'))], "n", E::No, "answer no (yes/no questions)", &[C::Choice]),
    ask(DIGIT, "0-9", E::Digit(0), "type the number", &[C::Number]).hint("0-9", "type"),
    ask(&[P(K::Backspace)], "Backspace", E::Erase, "erase the last digit", &[C::Number]),
    ask(&[P(K::Char('+')), P(K::Up)], "+ ↑", E::Step(1), "step the number up", &[C::Number])
        .hint("+/-", "step"),
    ask(&[P(K::Char('-')), P(K::Down)], "- ↓", E::Step(-1), "step the number down",
        &[C::Number]),
    ask(SPACE, "Space", E::Toggle, "select or clear the highlighted choice", &[C::Multiple])
        .hint("Space", "select"),
    bind(ENTER, "Enter", A::Start, "start", &[C::Welcome]).hint("Enter", "start"),
    bind(ENTER, "Enter", A::Start, "resume the highlighted session", &[C::Resume])
        .hint("Enter", "resume"),
    bind(ENTER, "Enter", A::Start, "start a new session; saved ones stay as they are",
        &[C::StartAfresh]).hint("Enter", "start afresh"),
    ask(ENTER, "Enter", E::Confirm, "pick the highlighted choice and continue", &[C::Choice])
        .hint("Enter", "continue"),
    ask(ENTER, "Enter", E::Confirm, "confirm the selection and continue", &[C::Multiple])
        .hint("Enter", "confirm"),
    ask(ENTER, "Enter", E::Confirm, "confirm the number and continue", &[C::Number])
        .hint("Enter", "continue"),
    bind(ENTER, "Enter", A::Change, "change the highlighted answer, or see the result",
        &[C::Review]).hint("Enter", "change / see result"),
    ask(&[P(K::Char('i'))], "i", E::Details, "more on why the question is asked", QUESTIONS),
    bind(BACK, "← ⇧Tab b", A::Back, "go back one question", LISTS).hint("←", "back"),
    bind(&[P(K::Right)], "→", A::Forward, "forward, past an answered question", QUESTIONS),
    bind(&[P(K::Esc)], "Esc", A::ToReview, "back to the review, answer unchanged", QUESTIONS),
    // While a number is typed, letters are not commands: only ← and ⇧Tab go back.
    bind(&[P(K::Left), P(K::BackTab)], "← ⇧Tab", A::Back, "go back one question", &[C::Number])
        .hint("←", "back"),
    // On the chart, the way back to the report is the hint kept longest.
    bind(&[P(K::Char('c')), P(K::Esc)], "c Esc", A::Chart, "back to the report", &[C::Chart])
        .hint("c", "report"),
    bind(BACK, "← ⇧Tab b", A::Back, "back to your answers, to change them", RESULT)
        .hint("b", "change answers"),
    bind(CHART, "c", A::Chart, "the cost of each option month by month, as a chart",
        &[C::Result]).priced("c", "cost chart"),
    bind(&[P(K::Char(']')), P(K::Char('+')), P(K::Char('='))], "] +", A::Horizon(1),
        "more months of work on the chart (up to 60)", &[C::Chart]).hint("[ ]", "months"),
    bind(&[P(K::Char('[')), P(K::Char('-'))], "[ -", A::Horizon(-1),
        "fewer months of work on the chart (down to 1)", &[C::Chart]),
    bind(SPACE, "Space", A::Play(Play::Pause), "pause, or play on", &[C::Replay])
        .hint("Space", "pause/play"),
    bind(&[P(K::Left)], "←", A::Play(Play::Back), "one step back (pauses)", &[C::Replay])
        .hint("←→", "step"),
    bind(&[P(K::Right)], "→", A::Play(Play::Forward), "one step forward (pauses)", &[C::Replay]),
    bind(&[P(K::Char('+')), P(K::Char('='))], "+", A::Play(Play::Faster), "faster", &[C::Replay])
        .hint("+/-", "speed"),
    bind(&[P(K::Char('-'))], "-", A::Play(Play::Slower), "slower", &[C::Replay]),
    bind(&[P(K::Home)], "Home", A::Play(Play::First), "back to the start", &[C::Replay]),
    bind(&[P(K::End)], "End", A::Play(Play::Last), "skip to the result", &[C::Replay])
        .hint("End", "result"),
    bind(SPACE, "Space", A::Group(G::Toggle), "pick or drop the highlighted session",
        &[C::GroupPick]).hint("Space", "pick"),
    bind(ENTER, "Enter", A::Group(G::Show), "show the sessions picked side by side",
        &[C::GroupPick]).hint("Enter", "group view"),
    bind(&[P(K::Char('s'))], "s", A::Group(G::Settle),
        "settle: a new session pre-filled with the group profile, open questions first",
        &[C::GroupView]).hint("s", "settle"),
    bind(&[P(K::Esc)], "Esc", A::Group(G::Leave), "back", &[C::GroupPick, C::GroupView])
        .hint("Esc", "back"),
    bind(&[P(K::Char('t'))], "t", A::Group(G::Open),
        "decide as a team: pick saved sessions to see side by side", WELCOME)
        .hint("t", "team"),
    bind(EXPORT, "e", A::Export, EXPORTS, RESULT).hint("e", "export"),
    bind(EXPORT, "e", A::Export, EXPORTS, &[C::Replay]),
    bind(&[P(K::Char('l'))], "l", A::Name, "label the session with a client or project name",
        &[C::Welcome, C::Resume, C::StartAfresh, C::Result, C::Chart]).hint("l", "label"),
    bind(&[Pattern::Printable], "letters", A::Type(' '), "type the label", &[C::Label]),
    bind(&[P(K::Left)], "←", A::Edit(Edit::Left), "move left", &[C::Label]).hint("←→", "move"),
    bind(&[P(K::Right)], "→", A::Edit(Edit::Right), "move right", &[C::Label]),
    bind(&[P(K::Home)], "Home", A::Edit(Edit::Home), "go to the start", &[C::Label]),
    bind(&[P(K::End)], "End", A::Edit(Edit::End), "go to the end", &[C::Label]),
    bind(&[P(K::Backspace)], "Backspace", A::Edit(Edit::Erase), "erase the character before",
        &[C::Label]),
    bind(&[P(K::Ctrl('u'))], "Ctrl-U", A::Edit(Edit::Clear), "erase everything before",
        &[C::Label]).hint("Ctrl-U", "clear"),
    bind(ENTER, "Enter", A::SaveLabel, "save the label (an empty one removes it)", &[C::Label])
        .hint("Enter", "save"),
    bind(&[P(K::Esc)], "Esc", A::Close, "cancel", &[C::Label]).hint("Esc", "cancel"),
    bind(&[P(K::Char('?'))], "?", A::Help, "show or hide this help", SCREENS).hint("?", "help"),
    bind(&[P(K::Esc), P(K::Char('?')), P(K::Char('q'))], "Esc ? q", A::Close, "close this help",
        &[C::Help]).hint("Esc", "close"),
    bind(&[P(K::Char('y')), P(K::Char('q'))], "y q", A::Quit, "quit", &[C::Quit])
        .hint("y", "quit"),
    bind(&[P(K::Char('n')), P(K::Esc)], "n Esc", A::Close, "stay", &[C::Quit]).hint("n", "stay"),
    bind(&[P(K::Char('q'))], "q", A::Quit, "quit",
        &[C::Welcome, C::Resume, C::StartAfresh, C::Result, C::Chart, C::TooSmall, C::Replay,
          C::GroupPick, C::GroupView])
        .hint("q", "quit"),
    bind(&[P(K::Char('q'))], "q", A::AskQuit, "quit (asks first)",
        &[C::Choice, C::Multiple, C::Number, C::Review]).hint("q", "quit"),
    bind(&[P(K::Ctrl('c'))], "Ctrl-C", A::Interrupt, "quit at once", EVERYWHERE),
];

/// What `key` asks for in `context`, if anything: the first line of the table that
/// works there and answers to it.
pub fn resolve(key: Key, context: Context) -> Option<Action> {
    bindings(context).find_map(|b| {
        b.keys.iter().find_map(|p| match (p, key) {
            (Pattern::Key(k), _) if *k == key => Some(b.action),
            (Pattern::Digit, K::Char(c)) => c.to_digit(10).map(|d| b.action.with_digit(d as u8)),
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

/// The hint line of `context`, as (keys, what) pairs, for a screen that has what
/// `shown` says (the choices of a question for `1-N pick`, a priced result for its chart).
pub fn hints(context: Context, shown: Shown) -> Vec<(String, &'static str)> {
    let choices = shown.choices;
    bindings(context)
        .filter_map(|b| match b.hint {
            Hint::None => None,
            Hint::Keys(k, what) => Some((k.to_string(), what)),
            Hint::Choices(what) => (choices > 1).then(|| (format!("1-{}", choices.min(9)), what)),
            Hint::Priced(k, what) => shown.priced.then(|| (k.to_string(), what)),
        })
        .collect()
}

/// The few keys the welcome screen names before the first question, each as the key
/// table writes it in help (for moving, as its hint line does, both ways in one), with
/// the words the welcome uses.
pub fn summary() -> Vec<(&'static str, &'static str)> {
    // (what, where, written as the hint line writes it, words)
    const SHOWN: &[(Action, Context, bool, &str)] = &[
        (A::Select(Move::Up), C::Choice, true, "move between choices"),
        (A::Answer(E::Confirm), C::Choice, false, "pick and continue"),
        (A::Back, C::Choice, false, "go back, change an answer"),
        (A::Help, C::Choice, false, "every key, at any time"),
    ];
    SHOWN
        .iter()
        .filter_map(|&(action, context, as_hint, words)| {
            let b = bindings(context).find(|b| b.action == action)?;
            let keys = match b.hint {
                Hint::Keys(k, _) if as_hint => k,
                _ => b.label,
            };
            Some((keys, words))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_welcome_summary_is_drawn_from_the_table() {
        let shown = summary();
        assert_eq!(
            shown.iter().map(|(k, _)| *k).collect::<Vec<_>>(),
            ["↑↓", "Enter", "← ⇧Tab b", "?"]
        );
        // Each key named does what the summary says on a question.
        assert_eq!(resolve(K::Up, C::Choice), Some(A::Select(Move::Up)));
        assert_eq!(resolve(K::Down, C::Choice), Some(A::Select(Move::Down)));
        assert_eq!(resolve(K::Enter, C::Choice), Some(A::Answer(E::Confirm)));
        assert_eq!(resolve(K::Left, C::Choice), Some(A::Back));
        assert_eq!(resolve(K::BackTab, C::Choice), Some(A::Back));
        assert_eq!(resolve(K::Char('b'), C::Choice), Some(A::Back));
        assert_eq!(resolve(K::Char('?'), C::Choice), Some(A::Help));
    }

    #[test]
    fn keys_resolve_by_context() {
        assert_eq!(
            resolve(K::Char('3'), C::Choice),
            Some(A::Answer(E::Pick(3)))
        );
        assert_eq!(
            resolve(K::Char('3'), C::Multiple),
            Some(A::Answer(E::Tick(3)))
        );
        assert_eq!(resolve(K::Up, C::Number), Some(A::Answer(E::Step(1))));
        assert_eq!(resolve(K::Up, C::Choice), Some(A::Select(Move::Up)));
        assert_eq!(resolve(K::Char('q'), C::Help), Some(A::Close));
        assert_eq!(resolve(K::Char('n'), C::Choice), Some(A::Answer(E::No)));
        assert_eq!(resolve(K::Char('y'), C::Choice), Some(A::Answer(E::Yes)));
        assert_eq!(resolve(K::PageUp, C::Result), Some(A::Scroll(Move::PageUp)));
        assert_eq!(
            resolve(K::PageDown, C::Result),
            Some(A::Scroll(Move::PageDown))
        );
        assert_eq!(resolve(K::Ctrl('c'), C::TooSmall), Some(A::Interrupt));
        assert_eq!(resolve(K::Char('x'), C::Review), None);
        assert_eq!(resolve(K::Char('q'), C::Label), Some(A::Type('q')));
        assert_eq!(resolve(K::Char('?'), C::Label), Some(A::Type('?')));
        assert_eq!(resolve(K::Ctrl('c'), C::Label), Some(A::Interrupt));
        assert_eq!(resolve(K::Esc, C::Label), Some(A::Close));
        assert_eq!(resolve(K::Char('e'), C::Result), Some(A::Export));
        assert_eq!(resolve(K::Char('l'), C::Welcome), Some(A::Name));
        assert_eq!(resolve(K::Down, C::Resume), Some(A::Select(Move::Down)));
        assert_eq!(resolve(K::End, C::Replay), Some(A::Play(Play::Last)));
        assert_eq!(resolve(K::Right, C::Replay), Some(A::Play(Play::Forward)));
        assert_eq!(resolve(K::Char(' '), C::Replay), Some(A::Play(Play::Pause)));
        assert_eq!(resolve(K::Char('c'), C::Result), Some(A::Chart));
        assert_eq!(resolve(K::Esc, C::Chart), Some(A::Chart));
        assert_eq!(resolve(K::Char(']'), C::Chart), Some(A::Horizon(1)));
        assert_eq!(resolve(K::Char('-'), C::Chart), Some(A::Horizon(-1)));
        assert_eq!(resolve(K::Char(']'), C::Result), None);
    }

    #[test]
    fn every_screen_has_help_and_quit() {
        for &c in SCREENS {
            assert_eq!(resolve(K::Char('?'), c), Some(A::Help), "{c:?}");
            let q = resolve(K::Char('q'), c);
            assert!(matches!(q, Some(A::Quit | A::AskQuit)), "{c:?}");
        }
    }

    /// A key means one thing in a context: no line is hidden behind an earlier one.
    #[test]
    fn no_key_is_bound_twice_in_a_context() {
        for &c in EVERYWHERE {
            let mut seen: Vec<Pattern> = Vec::new();
            for b in bindings(c) {
                for p in b.keys {
                    assert!(!seen.contains(p), "{p:?} twice in {c:?}");
                    seen.push(*p);
                }
            }
        }
    }

    #[test]
    fn the_hint_line_comes_from_the_table() {
        let words = |c, n| -> Vec<String> {
            hints(
                c,
                Shown {
                    choices: n,
                    priced: true,
                },
            )
            .into_iter()
            .map(|(k, w)| format!("{k} {w}"))
            .collect()
        };
        assert_eq!(
            words(C::Choice, 3),
            [
                "↑↓ move",
                "1-3 pick",
                "Enter continue",
                "← back",
                "? help",
                "q quit"
            ]
        );
        assert_eq!(
            words(C::Welcome, 0),
            ["Enter start", "t team", "l label", "? help", "q quit"]
        );
        assert_eq!(words(C::Quit, 0), ["y quit", "n stay"]);
        assert_eq!(
            words(C::Chart, 0),
            [
                "↑↓ scroll",
                "c report",
                "b change answers",
                "[ ] months",
                "e export",
                "l label",
                "? help",
                "q quit"
            ]
        );
    }
}
