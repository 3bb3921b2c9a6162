//! The model: the wizard's state, the [`Screen`] showing (each carrying what only it
//! needs: the highlighted row, the number being typed, the scroll offset) and at most
//! one [`Overlay`]; the types leave no room for a combination that cannot be shown. The
//! view reads it; only the update ([`super::app`]) changes it.

use super::keys::{Context, Edit};
use super::player::Player;
use super::theme::Theme;
use crate::pack::{Answer, Kind, Pack};
use crate::report::Report;
use crate::score;
use crate::session::{MAX_LABEL, Timestamp};
use crate::wizard::{Step, Wizard};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

/// Smallest terminal the screens are laid out for: (columns, rows).
pub const MIN_SIZE: (u16, u16) = (50, 14);

/// How recently the newest unfinished session must have changed for Enter to resume it,
/// in seconds. Within the hour it is most likely the run just interrupted; anything older
/// is as likely another client's, so Enter starts afresh and resuming is one key away.
pub const RESUME_WITHIN: i64 = 3600;

/// An unfinished session the welcome screen offers to resume.
#[derive(Debug, Clone)]
pub struct ResumeOffer {
    /// Its id.
    pub id: String,
    /// Its label.
    pub label: Option<String>,
    /// When it last changed.
    pub updated: Timestamp,
    /// The time now, to say how long ago that was.
    pub now: Timestamp,
    /// Where it stopped: the wizard after its last event.
    pub state: Wizard,
    /// How many questions it has answers for.
    pub answered: usize,
    /// Set when it was saved with another version of the pack: it then goes on in a new
    /// session, and this says which version it was.
    pub pack_changed: Option<String>,
}

/// The label being typed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LabelInput {
    /// The text typed so far.
    pub text: String,
    /// Where the caret is, in characters from the start.
    pub caret: usize,
    /// Why the label was refused, if it was.
    pub error: Option<String>,
}

impl LabelInput {
    pub(super) fn new(text: String) -> LabelInput {
        let caret = text.chars().count();
        LabelInput {
            text,
            caret,
            error: None,
        }
    }

    /// The byte offset of character `i`.
    fn at(&self, i: usize) -> usize {
        self.text
            .char_indices()
            .nth(i)
            .map_or(self.text.len(), |(b, _)| b)
    }

    pub(super) fn type_char(&mut self, c: char) {
        if self.text.chars().count() >= MAX_LABEL {
            self.error = Some(format!("A label has at most {MAX_LABEL} characters"));
            return;
        }
        let at = self.at(self.caret);
        self.text.insert(at, c);
        self.caret += 1;
        self.error = None;
    }

    pub(super) fn edit(&mut self, edit: Edit) {
        let len = self.text.chars().count();
        match edit {
            Edit::Left => self.caret = self.caret.saturating_sub(1),
            Edit::Right => self.caret = (self.caret + 1).min(len),
            Edit::Home => self.caret = 0,
            Edit::End => self.caret = len,
            Edit::Erase if self.caret > 0 => {
                let at = self.at(self.caret - 1);
                self.text.remove(at);
                self.caret -= 1;
            }
            Edit::Erase => {}
            Edit::Clear => {
                let at = self.at(self.caret);
                self.text.replace_range(..at, "");
                self.caret = 0;
            }
        }
        self.error = None;
    }
}

/// Where the user is, without the screen's state: what tests and the I/O loop ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// What hirewiz does, before the first question.
    Welcome,
    /// Asking the question with this index.
    Question(usize),
    /// Every answer, before the result.
    Review,
    /// The recommendation.
    Result,
    /// Several people's sessions side by side.
    Group,
}

/// The screen showing, with what only it needs.
#[derive(Debug, Clone)]
pub enum Screen {
    /// Before the first question.
    Welcome(WelcomeState),
    /// The wizard at its step.
    Wizard(Page),
    /// A saved session played back on the wizard's own pages.
    Replay(Box<ReplayState>),
    /// Several people's sessions: picked from a list, then side by side.
    Group(Box<GroupState>),
}

/// A saved session offered for a group, played back on the pack in use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupMember {
    /// Its id.
    pub id: String,
    /// Its label.
    pub label: Option<String>,
    /// Its file.
    pub file: String,
    /// Whether it reached its result.
    pub finished: bool,
    /// Its answers given, as its replay ends.
    pub answers: crate::answers::Answers,
    /// What to know about how it was read (another pack, unfinished), as sentences.
    pub notes: Vec<String>,
}

/// The group screens: the sessions offered, those picked, and what shows.
#[derive(Debug, Clone)]
pub struct GroupState {
    /// Every session that could be read, newest first.
    pub members: Vec<GroupMember>,
    /// Which are picked, by index into `members`.
    pub picked: Vec<bool>,
    /// The highlighted session.
    pub cursor: usize,
    /// How many session files could not be read.
    pub unreadable: usize,
    /// Why Enter did nothing, if it did not.
    pub message: Option<String>,
    /// The picker, or the group of those picked.
    pub pane: GroupPane,
}

/// What the group screen shows.
#[derive(Debug, Clone)]
pub enum GroupPane {
    /// The list to pick from.
    Pick,
    /// The group of the sessions picked, scrolled by `scroll` rows.
    View {
        /// The group, as the `hirewiz group` command reports it.
        report: Arc<crate::report::group::GroupReport>,
        /// How far it is scrolled.
        scroll: u16,
    },
}

/// The welcome screen: the unfinished sessions offered, newest first, then "start a new
/// session"; `cursor` is the highlighted one of these.
#[derive(Debug, Clone, Default)]
pub struct WelcomeState {
    /// The sessions offered.
    pub offers: Vec<ResumeOffer>,
    /// The highlighted choice: a session's index, or `offers.len()` for a new one.
    pub cursor: usize,
}

/// What a step of the wizard shows.
#[derive(Debug, Clone)]
pub enum Page {
    /// A question, being answered.
    Question(QuestionState),
    /// Every answer, before the result.
    Review(ReviewState),
    /// The recommendation.
    Result(ResultState),
}

/// A question being answered.
#[derive(Debug, Clone)]
pub struct QuestionState {
    /// Which question.
    pub q: usize,
    /// The answer being edited, before it is confirmed.
    pub draft: Draft,
    /// The highlighted choice (0 on a number).
    pub cursor: usize,
    /// Why the last answer was refused, if it was.
    pub message: Option<String>,
    /// Whether the longer explanation is open.
    pub details: bool,
}

/// The review of every answer.
#[derive(Debug, Clone)]
pub struct ReviewState {
    /// The highlighted row: an answer, or (one past the last) the action to see the result.
    pub cursor: usize,
    /// Why the last change was refused, if it was.
    pub message: Option<String>,
}

/// The recommendation.
#[derive(Debug, Clone)]
pub struct ResultState {
    /// The report drawn.
    pub report: Arc<Report>,
    /// How far the report is scrolled, in rows.
    pub scroll: u16,
    /// Months of work the cost chart and the break-even words cover: the months costed
    /// at first, changed by the horizon keys.
    pub horizon: u32,
    /// What the result screen shows: the report, or the cost chart.
    pub pane: Pane,
}

/// What the result screen shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    /// The report.
    Report,
    /// The cost chart, scrolled this far (the report keeps its own place).
    Chart {
        /// Rows scrolled.
        scroll: u16,
    },
}

/// The horizons the keys step through, in months of work.
pub const HORIZONS: [u32; 11] = [1, 2, 3, 6, 9, 12, 18, 24, 36, 48, 60];

impl ResultState {
    /// The result page for `report`, on the report, over the months costed.
    pub fn new(report: Arc<Report>) -> ResultState {
        let horizon = report.cost_over_time.as_ref().map_or(1, |t| t.horizon);
        ResultState {
            report,
            scroll: 0,
            horizon,
            pane: Pane::Report,
        }
    }

    /// The cost over time at the horizon chosen, when the pack prices the options.
    pub fn over_time(&self) -> Option<crate::advice::OverTime> {
        let t = self.report.cost_over_time.as_ref()?;
        Some(if t.horizon == self.horizon {
            t.clone()
        } else {
            t.with_horizon(self.horizon)
        })
    }
}

/// The next horizon from `h`, longer (`dir` > 0) or shorter, within [`HORIZONS`]; `h`
/// itself at either end.
pub fn step_horizon(h: u32, dir: i8) -> u32 {
    if dir > 0 {
        HORIZONS.iter().copied().find(|&s| s > h).unwrap_or(h)
    } else {
        HORIZONS.iter().rev().copied().find(|&s| s < h).unwrap_or(h)
    }
}

/// A replay: the player and the page its current frame shows.
#[derive(Debug, Clone)]
pub struct ReplayState {
    /// The session being played back.
    pub player: Player,
    /// The page of the frame shown.
    pub page: Page,
}

/// A window over the screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    /// Every key that works here, scrolled this far.
    Help {
        /// Rows scrolled.
        scroll: u16,
    },
    /// Quit before the result?
    Quit,
    /// The field that labels the session.
    Label(LabelInput),
}

/// How the app ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// The user pressed Ctrl-C.
    Interrupted,
}

/// The answer being edited on a question, before it is confirmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Draft {
    /// A single choice or yes/no: the highlight is the pick.
    Pick,
    /// A multiple choice: which options are selected.
    Multiple(Vec<bool>),
    /// A number: the digits typed, and whether the next digit replaces them.
    Number {
        /// The text in the field.
        text: String,
        /// Whether the field still shows the preset value (typing replaces it).
        fresh: bool,
    },
}

impl Page {
    /// The page for `wizard`'s step, in its initial state: the answer shown preselected,
    /// the review on "see the result".
    pub fn new(wizard: &Wizard) -> Page {
        match wizard.step() {
            Step::Question(q) => Page::Question(QuestionState::new(wizard, q)),
            Step::Review => Page::Review(ReviewState {
                cursor: wizard.visible().len(),
                message: None,
            }),
            Step::Done => {
                let pack = wizard.pack();
                let effective = wizard.effective();
                let verdict = score::score(pack, &effective);
                Page::Result(ResultState::new(Arc::new(Report::build(
                    pack, &effective, &verdict,
                ))))
            }
        }
    }

    pub(super) fn step(&self) -> Step {
        match self {
            Page::Question(s) => Step::Question(s.q),
            Page::Review(_) => Step::Review,
            Page::Result(_) => Step::Done,
        }
    }
}

impl QuestionState {
    fn new(wizard: &Wizard, q: usize) -> QuestionState {
        let (draft, cursor) = match (&wizard.pack().questions()[q].kind, wizard.shown_answer(q)) {
            (Kind::Single { .. }, Answer::Choice(i)) => (Draft::Pick, i),
            (Kind::YesNo, Answer::Bool(b)) => (Draft::Pick, usize::from(!b)),
            (Kind::Multiple { options, .. }, Answer::Choices(v)) => {
                let sel = (0..options.len()).map(|i| v.contains(&i)).collect();
                (Draft::Multiple(sel), 0)
            }
            (Kind::Number { .. }, Answer::Number(n)) => {
                let text = n.to_string();
                (Draft::Number { text, fresh: true }, 0)
            }
            _ => (Draft::Pick, 0),
        };
        QuestionState {
            q,
            draft,
            cursor,
            message: None,
            details: false,
        }
    }
}

/// The whole state of the terminal app.
#[derive(Debug, Clone)]
pub struct App {
    pub(super) wizard: Wizard,
    pub(super) theme: Theme,
    pub(super) screen: Screen,
    pub(super) overlay: Option<Overlay>,
    pub(super) label: Option<String>,
    pub(super) notice: Option<String>,
    pub(super) unsaved: Option<String>,
    pub(super) size: Option<(u16, u16)>,
    pub(super) exit: Option<Exit>,
    /// The last draft and highlight of each question left, confirmed or not, so that an
    /// edit survives going back and forth.
    pub(super) drafts: HashMap<usize, (Draft, usize)>,
}

impl App {
    /// A new app on the welcome screen.
    pub fn new(pack: Arc<Pack>, theme: Theme) -> App {
        App {
            wizard: Wizard::new(pack),
            theme,
            screen: Screen::Welcome(WelcomeState::default()),
            overlay: None,
            label: None,
            notice: None,
            unsaved: None,
            size: None,
            exit: None,
            drafts: HashMap::new(),
        }
    }

    /// The app on the welcome screen, offering to resume `offers` (newest first) before
    /// starting a new session. The newest is highlighted when it changed within
    /// [`RESUME_WITHIN`], else "Start a new session" is.
    pub fn with_offers(mut self, offers: Vec<ResumeOffer>) -> App {
        let recent = offers
            .first()
            .is_some_and(|o| o.now.unix() - o.updated.unix() < RESUME_WITHIN);
        let cursor = if recent { 0 } else { offers.len() };
        self.screen = Screen::Welcome(WelcomeState { offers, cursor });
        self
    }

    /// The app resumed at `state` (a saved session's last state), past the welcome.
    pub fn resumed(state: Wizard, theme: Theme, label: Option<String>) -> App {
        let mut app = App::new(state.pack().clone(), theme);
        app.screen = Screen::Wizard(Page::new(&state));
        app.wizard = state;
        app.label = label;
        app
    }

    /// The app playing a saved session back.
    pub fn replaying(player: Player, theme: Theme) -> App {
        let mut app = App::new(player.frame().pack().clone(), theme);
        app.label = player.label().map(str::to_string);
        let page = Page::new(player.frame());
        app.screen = Screen::Replay(Box::new(ReplayState { player, page }));
        app
    }

    /// The same app with `text` in its notice line.
    pub fn with_notice(mut self, text: impl Into<String>) -> App {
        self.notice = Some(text.into());
        self
    }

    /// The same app with its session unsaved, for `reason`.
    pub fn with_unsaved(mut self, reason: impl Into<String>) -> App {
        self.unsaved = Some(reason.into());
        self
    }

    /// The screen showing, with its state.
    pub fn screen(&self) -> &Screen {
        &self.screen
    }

    /// The page showing, on a step of the wizard or of a replay.
    pub fn page(&self) -> Option<&Page> {
        match &self.screen {
            Screen::Welcome(_) | Screen::Group(_) => None,
            Screen::Wizard(p) => Some(p),
            Screen::Replay(r) => Some(&r.page),
        }
    }

    pub(super) fn page_mut(&mut self) -> Option<&mut Page> {
        match &mut self.screen {
            Screen::Welcome(_) | Screen::Group(_) => None,
            Screen::Wizard(p) => Some(p),
            Screen::Replay(r) => Some(&mut r.page),
        }
    }

    /// Where the user is.
    pub fn place(&self) -> Place {
        if let Screen::Group(_) = &self.screen {
            return Place::Group;
        }
        match self.page() {
            None => Place::Welcome,
            Some(Page::Question(s)) => Place::Question(s.q),
            Some(Page::Review(_)) => Place::Review,
            Some(Page::Result(_)) => Place::Result,
        }
    }

    /// The session the welcome screen offers first: the newest unfinished one.
    pub fn offer(&self) -> Option<&ResumeOffer> {
        self.offers().first()
    }

    /// The sessions the welcome screen offers, newest first.
    pub fn offers(&self) -> &[ResumeOffer] {
        match &self.screen {
            Screen::Welcome(w) => &w.offers,
            _ => &[],
        }
    }

    /// The session's label, as the user last set it.
    pub fn label(&self) -> Option<&str> {
        self.label.as_deref()
    }

    /// The label being typed, while its field is open.
    pub fn input(&self) -> Option<&LabelInput> {
        match &self.overlay {
            Some(Overlay::Label(input)) => Some(input),
            _ => None,
        }
    }

    /// What the notice line says: why the session is not saved, else the last notice.
    pub fn notice(&self) -> Option<&str> {
        self.unsaved.as_deref().or(self.notice.as_deref())
    }

    /// Why the session is not saved, while it is not.
    pub fn unsaved(&self) -> Option<&str> {
        self.unsaved.as_deref()
    }

    /// The replay, when playing a session back.
    pub fn player(&self) -> Option<&Player> {
        match &self.screen {
            Screen::Replay(r) => Some(&r.player),
            _ => None,
        }
    }

    /// How long until the replay's next step, while it plays (it holds still while an
    /// overlay is open, so that reading the help misses nothing).
    pub fn tick_interval(&self) -> Option<Duration> {
        if self.overlay.is_some() {
            return None;
        }
        self.player().and_then(Player::interval)
    }

    /// The wizard's state shown: a replay's current frame while playing back.
    pub fn wizard(&self) -> &Wizard {
        self.player().map_or(&self.wizard, Player::frame)
    }

    /// The pack being asked.
    pub fn pack(&self) -> &Pack {
        self.wizard.pack()
    }

    /// The theme to draw with.
    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// The overlay open, if any.
    pub fn overlay(&self) -> Option<&Overlay> {
        self.overlay.as_ref()
    }

    /// The highlighted row: a welcome choice, a question's choice, or a review row.
    pub fn cursor(&self) -> usize {
        match (&self.screen, self.page()) {
            (Screen::Welcome(w), _) => w.cursor,
            (Screen::Group(g), _) => g.cursor,
            (_, Some(Page::Question(s))) => s.cursor,
            (_, Some(Page::Review(s))) => s.cursor,
            _ => 0,
        }
    }

    /// The answer being edited, on a question.
    pub fn draft(&self) -> Option<&Draft> {
        match self.page() {
            Some(Page::Question(s)) => Some(&s.draft),
            _ => None,
        }
    }

    /// The validation message to show, if any.
    pub fn message(&self) -> Option<&str> {
        match self.page() {
            Some(Page::Question(s)) => s.message.as_deref(),
            Some(Page::Review(s)) => s.message.as_deref(),
            _ => None,
        }
    }

    /// How far the help (when open), the result or the group view is scrolled, in rows.
    pub fn scroll(&self) -> u16 {
        if let (None, Screen::Group(g)) = (&self.overlay, &self.screen)
            && let GroupPane::View { scroll, .. } = g.pane
        {
            return scroll;
        }
        match (&self.overlay, self.page()) {
            (Some(Overlay::Help { scroll }), _) => *scroll,
            (_, Some(Page::Result(r))) => match r.pane {
                Pane::Report => r.scroll,
                Pane::Chart { scroll } => scroll,
            },
            _ => 0,
        }
    }

    /// The result page's state, on the result screen.
    pub fn result(&self) -> Option<&ResultState> {
        match self.page() {
            Some(Page::Result(r)) => Some(r),
            _ => None,
        }
    }

    /// The result, on the result screen.
    pub fn report(&self) -> Option<&Report> {
        match self.page() {
            Some(Page::Result(r)) => Some(&r.report),
            _ => None,
        }
    }

    /// The size last reported, if any.
    pub fn size(&self) -> Option<(u16, u16)> {
        self.size
    }

    /// Whether the terminal is below [`MIN_SIZE`].
    pub fn too_small(&self) -> bool {
        self.size
            .is_some_and(|(w, h)| w < MIN_SIZE.0 || h < MIN_SIZE.1)
    }

    /// How the app ended, once it has.
    pub fn exit(&self) -> Option<Exit> {
        self.exit
    }

    /// The review's rows: the questions asked now, then the action to see the result.
    pub fn review_rows(&self) -> Vec<usize> {
        self.wizard().visible()
    }

    /// What keys mean right now: the overlay's context, else the screen's.
    pub fn context(&self) -> Context {
        if self.too_small() {
            return Context::TooSmall;
        }
        match self.overlay {
            Some(Overlay::Help { .. }) => Context::Help,
            Some(Overlay::Quit) => Context::Quit,
            Some(Overlay::Label(_)) => Context::Label,
            None => self.screen_context(),
        }
    }

    /// The context of the screen under any overlay (for the help overlay's key list and
    /// the hint line).
    pub fn screen_context(&self) -> Context {
        match &self.screen {
            Screen::Welcome(w) if w.offers.is_empty() => Context::Welcome,
            Screen::Welcome(w) if w.cursor < w.offers.len() => Context::Resume,
            Screen::Welcome(_) => Context::StartAfresh,
            Screen::Replay(_) => Context::Replay,
            Screen::Group(g) => match g.pane {
                GroupPane::Pick => Context::GroupPick,
                GroupPane::View { .. } => Context::GroupView,
            },
            Screen::Wizard(Page::Question(s)) => match self.pack().questions()[s.q].kind {
                Kind::Multiple { .. } => Context::Multiple,
                Kind::Number { .. } => Context::Number,
                Kind::Single { .. } | Kind::YesNo => Context::Choice,
            },
            Screen::Wizard(Page::Review(_)) => Context::Review,
            Screen::Wizard(Page::Result(r)) => match r.pane {
                Pane::Report => Context::Result,
                Pane::Chart { .. } => Context::Chart,
            },
        }
    }
}

/// How many choices a question shows (none on a number).
pub(crate) fn choices(kind: &Kind) -> usize {
    match kind {
        Kind::Single { options } | Kind::Multiple { options, .. } => options.len(),
        Kind::YesNo => 2,
        Kind::Number { .. } => 0,
    }
}
