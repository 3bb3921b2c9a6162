//! The model and its update. The model is the wizard's state, the [`Screen`] showing
//! (each carrying what only it needs: the highlighted row, the number being typed, the
//! scroll offset) and at most one [`Overlay`]; the types leave no room for a combination
//! that cannot be shown. Keys come in as [`Msg`]s; decisions are the wizard's, made
//! through its events.
//!
//! The app touches no file. What it needs from outside (saving each accepted event,
//! labelling, resuming, exporting) [`App::update`] returns as [`Effect`]s, which the I/O
//! loop hands to [`super::autosave::Autosave`]; the outcome comes back as a [`Msg`].

use super::keys::{self, Action, Answering, Context, Edit, Key, Move, Play};
use super::player::Player;
use super::text::capitalise;
use super::theme::Theme;
use super::view;
use crate::pack::{Answer, Kind, Pack};
use crate::report::Report;
use crate::score;
use crate::session::{Label, MAX_LABEL, Timestamp};
use crate::wizard::{Event, Rejected, Step, Wizard};
use std::collections::HashMap;
use std::sync::Arc;
use std::time::Duration;

/// Smallest terminal the screens are laid out for: (columns, rows).
pub const MIN_SIZE: (u16, u16) = (50, 14);

/// How recently the newest unfinished session must have changed for Enter to resume it,
/// in seconds. Within the hour it is most likely the run just interrupted; anything older
/// is as likely another client's, so Enter starts afresh and resuming is one key away.
pub const RESUME_WITHIN: i64 = 3600;

/// Longest number that can be typed, in digits (keeps every value inside an `i64`).
const MAX_DIGITS: usize = 15;

/// Something that happened to the app.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// A key was pressed.
    Key(Key),
    /// The terminal is now this many columns and rows.
    Resize(u16, u16),
    /// The replay's clock: time for its next step.
    Tick,
    /// Everything recorded is on disk.
    Saved,
    /// Saving failed; the session is kept in memory and saved again later. Says why.
    SaveFailed(String),
    /// Something to tell the user in the notice line, until the next key.
    Notice(String),
    /// Text pasted into the terminal (bracketed paste): never read as keys.
    Paste(String),
}

/// Something the app asks of the world outside it, performed by the I/O loop.
#[derive(Debug, Clone)]
pub enum Effect {
    /// The wizard accepted `event`, and `state` is the wizard after it: record and save.
    Record {
        /// The event.
        event: Event,
        /// The wizard after it.
        state: Wizard,
    },
    /// Label the session (`None` removes its label).
    Label(Option<Label>),
    /// Go on with the session with this id, offered on the welcome screen.
    Resume(String),
    /// Write this report as Markdown beside the session file.
    Export(Arc<Report>),
}

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
    fn new(text: String) -> LabelInput {
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

    fn type_char(&mut self, c: char) {
        if self.text.chars().count() >= MAX_LABEL {
            self.error = Some(format!("A label has at most {MAX_LABEL} characters"));
            return;
        }
        let at = self.at(self.caret);
        self.text.insert(at, c);
        self.caret += 1;
        self.error = None;
    }

    fn edit(&mut self, edit: Edit) {
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
    /// How far it is scrolled, in rows.
    pub scroll: u16,
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
                Page::Result(ResultState {
                    report: Arc::new(Report::build(pack, &effective, &verdict)),
                    scroll: 0,
                })
            }
        }
    }

    fn step(&self) -> Step {
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
    wizard: Wizard,
    theme: Theme,
    screen: Screen,
    overlay: Option<Overlay>,
    label: Option<String>,
    notice: Option<String>,
    unsaved: Option<String>,
    size: Option<(u16, u16)>,
    exit: Option<Exit>,
    /// The last draft and highlight of each question left, confirmed or not, so that an
    /// edit survives going back and forth.
    drafts: HashMap<usize, (Draft, usize)>,
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
            Screen::Welcome(_) => None,
            Screen::Wizard(p) => Some(p),
            Screen::Replay(r) => Some(&r.page),
        }
    }

    fn page_mut(&mut self) -> Option<&mut Page> {
        match &mut self.screen {
            Screen::Welcome(_) => None,
            Screen::Wizard(p) => Some(p),
            Screen::Replay(r) => Some(&mut r.page),
        }
    }

    /// Where the user is.
    pub fn place(&self) -> Place {
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

    /// How far the help (when open) or the result is scrolled, in rows.
    pub fn scroll(&self) -> u16 {
        match (&self.overlay, self.page()) {
            (Some(Overlay::Help { scroll }), _) => *scroll,
            (_, Some(Page::Result(r))) => r.scroll,
            _ => 0,
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
            Screen::Wizard(Page::Question(s)) => match self.pack().questions()[s.q].kind {
                Kind::Multiple { .. } => Context::Multiple,
                Kind::Number { .. } => Context::Number,
                Kind::Single { .. } | Kind::YesNo => Context::Choice,
            },
            Screen::Wizard(Page::Review(_)) => Context::Review,
            Screen::Wizard(Page::Result(_)) => Context::Result,
        }
    }

    /// Apply one message; returns what it asks of the world outside, oldest first.
    pub fn update(&mut self, msg: Msg) -> Vec<Effect> {
        let mut fx = Vec::new();
        match msg {
            Msg::Resize(w, h) => self.size = Some((w, h)),
            Msg::Key(key) => {
                self.notice = None;
                if let Some(action) = keys::resolve(key, self.context()) {
                    self.act(action, &mut fx);
                }
            }
            Msg::Tick => self.play(Player::tick),
            Msg::Saved => self.unsaved = None,
            Msg::SaveFailed(why) => self.unsaved = Some(why),
            Msg::Notice(text) => self.notice = Some(text),
            Msg::Paste(text) => self.paste(&text),
        }
        self.remember();
        // The page follows the wizard to its step, fresh when the step changed.
        if let Screen::Wizard(page) = &self.screen
            && page.step() != self.wizard.step()
        {
            self.screen = Screen::Wizard(self.step_page());
        }
        fx
    }

    /// Keep the question's draft, for when the user comes back to it.
    fn remember(&mut self) {
        if let Screen::Wizard(Page::Question(s)) = &self.screen {
            self.drafts.insert(s.q, (s.draft.clone(), s.cursor));
        }
    }

    /// The page for the wizard's step; a question shows its draft as it was left.
    fn step_page(&self) -> Page {
        let mut page = Page::new(&self.wizard);
        if let Page::Question(s) = &mut page
            && let Some((draft, cursor)) = self.drafts.get(&s.q)
        {
            s.draft = draft.clone();
            s.cursor = *cursor;
        }
        page
    }

    /// Pasted text goes into the open text field (the label, or a number being typed),
    /// and is otherwise left alone with a notice: a paste never presses keys, so pasting
    /// `query` cannot quit and a sentence cannot tick choices or move on.
    fn paste(&mut self, text: &str) {
        self.notice = None;
        if let Some(Overlay::Label(input)) = &mut self.overlay {
            for c in text.chars().filter(|c| !c.is_control()) {
                input.type_char(c);
            }
            return;
        }
        if self.overlay.is_none() && self.context() == Context::Number {
            let digits = text.trim();
            if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
                self.notice = Some("Only digits can be pasted into a number.".to_string());
                return;
            }
            for d in digits.bytes() {
                self.answering(Answering::Digit(d - b'0'), &mut Vec::new());
            }
            return;
        }
        self.notice = Some("Paste ignored: only a label or number takes text.".to_string());
    }

    /// Do what `action` asks. The context that bound it says which screen or overlay it
    /// belongs to, so each arm acts on that one.
    fn act(&mut self, action: Action, fx: &mut Vec<Effect>) {
        match action {
            Action::Interrupt => self.exit = Some(Exit::Interrupted),
            Action::Quit => self.exit = Some(Exit::Quit),
            Action::AskQuit => self.overlay = Some(Overlay::Quit),
            Action::Help => self.overlay = Some(Overlay::Help { scroll: 0 }),
            Action::Close => self.overlay = None,
            Action::ScrollHelp(m) => {
                let room = view::help_room(self);
                if let Some(Overlay::Help { scroll }) = &mut self.overlay {
                    *scroll = room.scroll(*scroll, m);
                }
            }
            Action::Name => self.open_label(),
            Action::Type(c) => self.edit_label(|input| input.type_char(c)),
            Action::Edit(e) => self.edit_label(|input| input.edit(e)),
            Action::SaveLabel => self.save_label(fx),
            Action::Select(m) => self.select(m),
            Action::Scroll(m) => {
                let room = view::result_room(self);
                if let Some(Page::Result(r)) = self.page_mut() {
                    r.scroll = room.scroll(r.scroll, m);
                }
            }
            Action::Start => self.start(fx),
            Action::Back => self.back(fx),
            // Moving on from a question changed from the review returns there; the
            // edit is dropped, not kept for later.
            Action::ToReview if self.wizard.returning() => {
                if let Step::Question(q) = self.wizard.step() {
                    self.drafts.remove(&q);
                }
                let _ = self.event(Event::Next, fx);
                self.screen = Screen::Wizard(self.step_page());
            }
            Action::ToReview => {}
            Action::Forward => {
                if let Step::Question(q) = self.wizard.step()
                    && self.wizard.answers().is_given(q)
                {
                    let _ = self.event(Event::Next, fx);
                }
            }
            Action::Change => self.change(fx),
            Action::Export => self.export(fx),
            Action::Play(p) => self.play(|player| match p {
                Play::Pause => player.toggle(),
                Play::Back => player.back(),
                Play::Forward => player.forward(),
                Play::First => player.first(),
                Play::Last => player.last(),
                Play::Faster => player.faster(),
                Play::Slower => player.slower(),
            }),
            Action::Answer(a) => self.answering(a, fx),
        }
    }

    fn select(&mut self, m: Move) {
        let rows = self.wizard().visible().len();
        let page = view::review_page(self, m == Move::PageUp);
        match &mut self.screen {
            Screen::Welcome(w) => w.cursor = m.from(w.cursor, w.offers.len(), 1),
            Screen::Wizard(Page::Review(r)) => r.cursor = m.from(r.cursor, rows, page),
            Screen::Wizard(Page::Question(s)) => {
                let last = choices(&self.wizard.pack().questions()[s.q].kind).saturating_sub(1);
                s.cursor = m.from(s.cursor, last, 1);
            }
            _ => {}
        }
    }

    /// Enter on the welcome screen: resume the highlighted session, or start afresh.
    fn start(&mut self, fx: &mut Vec<Effect>) {
        let Screen::Welcome(w) = &mut self.screen else {
            return;
        };
        let cursor = w.cursor;
        if let Some(offer) = std::mem::take(&mut w.offers).into_iter().nth(cursor) {
            self.wizard = offer.state;
            if self.label.is_none() {
                self.label = offer.label;
            }
            fx.push(Effect::Resume(offer.id));
        }
        self.screen = Screen::Wizard(self.step_page());
    }

    fn back(&mut self, fx: &mut Vec<Effect>) {
        self.remember();
        if let Err(Rejected::AtStart) = self.event(Event::Back, fx) {
            self.screen = Screen::Welcome(WelcomeState::default());
        }
    }

    /// Enter on the review: change the highlighted answer, or see the result.
    fn change(&mut self, fx: &mut Vec<Effect>) {
        let Screen::Wizard(Page::Review(r)) = &self.screen else {
            return;
        };
        let event = match self.wizard.visible().get(r.cursor) {
            Some(&q) => Event::Jump(q),
            None => Event::Next,
        };
        if let Err(e) = self.event(event, fx)
            && let Screen::Wizard(Page::Review(r)) = &mut self.screen
        {
            r.message = Some(capitalise(&e.to_string()));
        }
    }

    fn export(&mut self, fx: &mut Vec<Effect>) {
        let report = match &self.screen {
            // The report of where the replay ends, whichever step is showing.
            Screen::Replay(r) => {
                let state = r.player.final_frame();
                let effective = state.effective();
                let verdict = score::score(state.pack(), &effective);
                Arc::new(Report::build(state.pack(), &effective, &verdict))
            }
            Screen::Wizard(Page::Result(r)) => r.report.clone(),
            _ => return,
        };
        fx.push(Effect::Export(report));
    }

    /// Move the replay with `f`; the page shows the new frame afresh when the position
    /// moved (the same question may show another answer).
    fn play(&mut self, f: impl FnOnce(&mut Player)) {
        if let Screen::Replay(r) = &mut self.screen {
            let before = r.player.position();
            f(&mut r.player);
            if r.player.position() != before {
                r.page = Page::new(r.player.frame());
            }
        }
    }

    fn open_label(&mut self) {
        let text = match (&self.label, &self.screen) {
            (Some(l), _) => l.clone(),
            (None, Screen::Welcome(w)) => w
                .offers
                .get(w.cursor)
                .and_then(|o| o.label.clone())
                .unwrap_or_default(),
            _ => String::new(),
        };
        self.overlay = Some(Overlay::Label(LabelInput::new(text)));
    }

    fn edit_label(&mut self, f: impl FnOnce(&mut LabelInput)) {
        if let Some(Overlay::Label(input)) = &mut self.overlay {
            f(input);
        }
    }

    fn save_label(&mut self, fx: &mut Vec<Effect>) {
        let Some(Overlay::Label(input)) = &mut self.overlay else {
            return;
        };
        let text = input.text.trim();
        let label = if text.is_empty() {
            None
        } else {
            match Label::parse(text) {
                Ok(l) => Some(l),
                Err(why) => {
                    input.error = Some(format!("{}.", capitalise(&why)));
                    return;
                }
            }
        };
        let label_text = label.as_ref().map(|l| l.as_str().to_string());
        if label_text != self.label {
            fx.push(Effect::Label(label));
        }
        self.label = label_text;
        self.overlay = None;
    }

    fn event(&mut self, event: Event, fx: &mut Vec<Effect>) -> Result<(), Rejected> {
        self.wizard.apply(&event)?;
        fx.push(Effect::Record {
            event,
            state: self.wizard.clone(),
        });
        Ok(())
    }

    fn answering(&mut self, action: Answering, fx: &mut Vec<Effect>) {
        let Screen::Wizard(Page::Question(s)) = &mut self.screen else {
            return;
        };
        let q = s.q;
        let question = &self.wizard.pack().questions()[q];
        let kind = &question.kind;
        let rows = choices(kind);
        let answer = match (action, kind, &mut s.draft) {
            (Answering::Details, _, _) if question.details.is_some() => {
                s.details = !s.details;
                None
            }
            (Answering::Details, _, _) => {
                self.notice = Some("No more on this question than “Why we ask” says.".into());
                None
            }
            (Answering::Yes | Answering::No, Kind::YesNo, _) => {
                s.cursor = usize::from(action == Answering::No);
                Some(Answer::Bool(action == Answering::Yes))
            }
            (Answering::Pick(d) | Answering::Tick(d), _, _) if d == 0 || usize::from(d) > rows => {
                s.message = Some(format!("Choose a number from 1 to {}", rows.min(9)));
                None
            }
            (Answering::Pick(d), _, _) => {
                s.cursor = usize::from(d) - 1;
                confirmed(kind, s.cursor, &s.draft).ok()
            }
            (Answering::Tick(d), Kind::Multiple { max, .. }, Draft::Multiple(sel)) => {
                s.cursor = usize::from(d) - 1;
                s.message = toggle(sel, s.cursor, *max);
                None
            }
            (Answering::Toggle, Kind::Multiple { max, .. }, Draft::Multiple(sel)) => {
                s.message = toggle(sel, s.cursor, *max);
                None
            }
            (Answering::Digit(d), Kind::Number { min, max, .. }, Draft::Number { text, fresh }) => {
                s.message = type_digit(text, fresh, d, *min, *max);
                None
            }
            (Answering::Erase, _, Draft::Number { text, fresh }) => {
                text.pop();
                *fresh = false;
                s.message = None;
                None
            }
            (
                Answering::Step(dir),
                Kind::Number { min, max, step, .. },
                Draft::Number { text, fresh },
            ) => {
                *text = stepped(text, *min, *max, *step, dir).to_string();
                *fresh = true;
                s.message = None;
                None
            }
            (Answering::Confirm, _, _) => match confirmed(kind, s.cursor, &s.draft) {
                Ok(a) => Some(a),
                Err(why) => {
                    s.message = Some(why);
                    None
                }
            },
            _ => None,
        };
        if let Some(answer) = answer {
            self.answer_and_continue(q, answer, fx);
        }
    }

    fn answer_and_continue(&mut self, q: usize, answer: Answer, fx: &mut Vec<Effect>) {
        let question = q;
        let result = self
            .event(Event::Answer { question, answer }, fx)
            .and_then(|()| {
                // Answering may itself move past a question it hid; only move on when the
                // wizard still stands on this one.
                if self.wizard.step() == Step::Question(q) {
                    self.event(Event::Next, fx)
                } else {
                    Ok(())
                }
            });
        if let Err(e) = result
            && let Screen::Wizard(Page::Question(s)) = &mut self.screen
        {
            s.message = Some(capitalise(&e.to_string()));
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

/// The answer the draft stands for, or why there is none.
fn confirmed(kind: &Kind, cursor: usize, draft: &Draft) -> Result<Answer, String> {
    Ok(match (kind, draft) {
        (Kind::Single { .. }, _) => Answer::Choice(cursor),
        (Kind::YesNo, _) => Answer::Bool(cursor == 0),
        (Kind::Multiple { .. }, Draft::Multiple(sel)) => Answer::Choices(
            sel.iter()
                .enumerate()
                .filter_map(|(i, s)| s.then_some(i))
                .collect(),
        ),
        (Kind::Number { min, max, .. }, Draft::Number { text, .. }) => match text.parse() {
            Ok(n) => Answer::Number(n),
            Err(_) => return Err(format!("Type a number from {min} to {max}")),
        },
        _ => return Err(String::new()),
    })
}

/// Select or clear choice `at`, keeping to at most `max`; says why when refused.
fn toggle(selected: &mut [bool], at: usize, max: usize) -> Option<String> {
    let on = *selected.get(at)?;
    if !on && selected.iter().filter(|s| **s).count() >= max {
        return Some(format!(
            "You can choose at most {max}: clear one before choosing another"
        ));
    }
    selected[at] = !on;
    None
}

/// Type a digit into the number field: no more digits than the largest allowed value
/// has, and a range problem said as soon as it is typed, not only on Enter.
fn type_digit(text: &mut String, fresh: &mut bool, d: u8, min: i64, max: i64) -> Option<String> {
    if *fresh || text == "0" {
        text.clear();
        *fresh = false;
    }
    let most = max.unsigned_abs().to_string().len().min(MAX_DIGITS);
    if text.len() >= most {
        return Some(format!("At most {max}: no more digits fit"));
    }
    text.push(char::from(b'0' + d));
    match text.parse::<i64>() {
        Ok(n) if n > max => Some(format!("Must be between {min} and {max}")),
        _ => None,
    }
}

/// The next value on the grid of `step`s from `min`, up or down from wherever the typed
/// value lies; from nothing typed, the end of the range it steps from.
fn stepped(text: &str, min: i64, max: i64, step: i64, dir: i8) -> i64 {
    let next = match text.parse::<i64>() {
        Ok(n) => {
            let n = n.clamp(min, max);
            let below = min + (n - min) / step * step;
            if dir > 0 {
                below.saturating_add(step)
            } else if below < n {
                below
            } else {
                below.saturating_sub(step)
            }
        }
        Err(_) if dir > 0 => min,
        Err(_) => max,
    };
    next.clamp(min, min + (max - min) / step * step)
}
