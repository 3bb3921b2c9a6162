//! The model and its update: the wizard's state plus what only the screen needs (the
//! highlighted row, the number being typed, the open overlay, scroll offsets). Keys come
//! in as [`Msg`]s; decisions are the wizard's, made through its events.
//!
//! The app touches no file. What it needs from outside (saving each accepted event,
//! labelling, resuming, exporting) it queues as [`Effect`]s, which the I/O loop hands to
//! [`super::autosave::Autosave`]; the outcome comes back as a [`Msg`].

use super::keys::{self, Action, Context, Key};
use super::player::Player;
use super::text::capitalise;
use super::theme::Theme;
use crate::pack::{Answer, Kind, Pack};
use crate::report::Report;
use crate::score;
use crate::session::{Label, MAX_LABEL, Timestamp};
use crate::wizard::{Event, Rejected, Step, Wizard};
use std::cell::Cell;
use std::sync::Arc;
use std::time::Duration;

/// Smallest terminal the screens are laid out for: (columns, rows).
pub const MIN_SIZE: (u16, u16) = (50, 14);

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
    /// Go on with the session offered on the welcome screen.
    Resume,
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
    /// Why the label was refused, if it was.
    pub error: Option<String>,
}

/// Which screen is showing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// What hirewiz does, before the first question.
    Welcome,
    /// Asking the question with this index.
    Question(usize),
    /// Every answer, before the result.
    Review,
    /// The recommendation.
    Result,
}

/// A window over the screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Overlay {
    /// Every key that works here.
    Help,
    /// Quit before the result?
    ConfirmQuit,
    /// The field that labels the session.
    Label,
}

/// How the app ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// The user pressed Ctrl-C.
    Interrupted,
}

/// The answer being edited on the current question, before it is confirmed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Draft {
    /// Nothing is being edited (not on a question).
    None,
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

/// The whole state of the terminal app.
#[derive(Debug, Clone)]
pub struct App {
    wizard: Wizard,
    theme: Theme,
    welcome: bool,
    /// The step the UI state below belongs to.
    on: Option<Step>,
    draft: Draft,
    cursor: usize,
    message: Option<String>,
    details: bool,
    overlay: Option<Overlay>,
    scroll: u16,
    help_scroll: u16,
    /// Largest useful scroll offset, found by the last draw.
    max_scroll: Cell<u16>,
    /// Rows of the scrolled area at the last draw, for paging.
    page: Cell<u16>,
    /// Largest useful scroll offset of the help overlay, found by the last draw.
    help_max: Cell<u16>,
    size: Option<(u16, u16)>,
    report: Option<Arc<Report>>,
    exit: Option<Exit>,
    offer: Option<ResumeOffer>,
    label: Option<String>,
    input: Option<LabelInput>,
    notice: Option<String>,
    unsaved: Option<String>,
    player: Option<Box<Player>>,
    /// The replay position the wizard shows, to redraw the screen when it moves.
    shown: Option<usize>,
    effects: Vec<Effect>,
}

impl App {
    /// A new app on the welcome screen.
    pub fn new(pack: Arc<Pack>, theme: Theme) -> App {
        let mut app = App {
            wizard: Wizard::new(pack),
            theme,
            welcome: true,
            on: None,
            draft: Draft::None,
            cursor: 0,
            message: None,
            details: false,
            overlay: None,
            scroll: 0,
            help_scroll: 0,
            max_scroll: Cell::new(u16::MAX),
            page: Cell::new(10),
            help_max: Cell::new(u16::MAX),
            size: None,
            report: None,
            exit: None,
            offer: None,
            label: None,
            input: None,
            notice: None,
            unsaved: None,
            player: None,
            shown: None,
            effects: Vec::new(),
        };
        app.sync();
        app
    }

    /// The app on the welcome screen, offering to resume `offer` as its first,
    /// highlighted choice.
    pub fn with_offer(mut self, offer: ResumeOffer) -> App {
        self.offer = Some(offer);
        self.cursor = 0;
        self
    }

    /// The app resumed at `state` (a saved session's last state), past the welcome.
    pub fn resumed(state: Wizard, theme: Theme, label: Option<String>) -> App {
        let mut app = App::new(state.pack().clone(), theme);
        app.wizard = state;
        app.welcome = false;
        app.label = label;
        app.sync();
        app
    }

    /// The app playing a saved session back.
    pub fn replaying(player: Player, theme: Theme) -> App {
        let mut app = App::new(player.frame().pack().clone(), theme);
        app.welcome = false;
        app.label = player.label().map(str::to_string);
        app.player = Some(Box::new(player));
        app.show_frame();
        app.sync();
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

    /// Take the effects queued since the last call, oldest first.
    pub fn take_effects(&mut self) -> Vec<Effect> {
        std::mem::take(&mut self.effects)
    }

    /// The session the welcome screen offers to resume.
    pub fn offer(&self) -> Option<&ResumeOffer> {
        self.offer.as_ref()
    }

    /// The session's label, as the user last set it.
    pub fn label(&self) -> Option<&str> {
        self.label.as_deref()
    }

    /// The label being typed, while its field is open.
    pub fn input(&self) -> Option<&LabelInput> {
        self.input.as_ref()
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
        self.player.as_deref()
    }

    /// How long until the replay's next step, while it plays (it holds still while an
    /// overlay is open, so that reading the help misses nothing).
    pub fn tick_interval(&self) -> Option<Duration> {
        if self.overlay.is_some() {
            return None;
        }
        self.player.as_ref().and_then(|p| p.interval())
    }

    /// The wizard's state.
    pub fn wizard(&self) -> &Wizard {
        &self.wizard
    }

    /// The pack being asked.
    pub fn pack(&self) -> &Pack {
        self.wizard.pack()
    }

    /// The theme to draw with.
    pub fn theme(&self) -> &Theme {
        &self.theme
    }

    /// The screen showing now.
    pub fn screen(&self) -> Screen {
        if self.welcome {
            return Screen::Welcome;
        }
        match self.wizard.step() {
            Step::Question(q) => Screen::Question(q),
            Step::Review => Screen::Review,
            Step::Done => Screen::Result,
        }
    }

    /// The overlay open, if any.
    pub fn overlay(&self) -> Option<Overlay> {
        self.overlay
    }

    /// The highlighted row: a choice on a question, an answer (or the final action) on
    /// the review.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// The answer being edited on the current question.
    pub fn draft(&self) -> &Draft {
        &self.draft
    }

    /// The validation message to show, if any.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// Whether the longer explanation of the question is open.
    pub fn details(&self) -> bool {
        self.details
    }

    /// How far the result (or the help) is scrolled, in rows.
    pub fn scroll(&self) -> u16 {
        match self.overlay {
            Some(Overlay::Help) => self.help_scroll,
            _ => self.scroll,
        }
    }

    /// Record what the last draw found: the largest useful scroll offset and the rows
    /// shown, so that scrolling stops at the end and pages by what is visible.
    pub fn set_scroll_limits(&self, max: u16, page: u16) {
        self.max_scroll.set(max);
        self.page.set(page.max(1));
    }

    /// Record the help overlay's largest useful scroll offset, found by the last draw.
    pub fn set_help_limit(&self, max: u16) {
        self.help_max.set(max);
    }

    /// The result, once the wizard is done.
    pub fn report(&self) -> Option<&Report> {
        self.report.as_deref()
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
        self.wizard.visible()
    }

    /// What keys mean right now.
    pub fn context(&self) -> Context {
        if self.too_small() {
            return Context::TooSmall;
        }
        match self.overlay {
            Some(Overlay::Help) => Context::Help,
            Some(Overlay::ConfirmQuit) => Context::ConfirmQuit,
            Some(Overlay::Label) => Context::Label,
            None => self.screen_context(),
        }
    }

    /// The context of the screen under any overlay (for the help overlay's key list).
    pub fn screen_context(&self) -> Context {
        if self.player.is_some() {
            return Context::Replay;
        }
        match self.screen() {
            Screen::Welcome => Context::Welcome,
            Screen::Question(q) => match self.pack().questions()[q].kind {
                Kind::Multiple { .. } => Context::Multiple,
                Kind::Number { .. } => Context::Number,
                Kind::Single { .. } | Kind::YesNo => Context::Choice,
            },
            Screen::Review => Context::Review,
            Screen::Result => Context::Result,
        }
    }

    /// Apply one message.
    pub fn update(&mut self, msg: Msg) {
        match msg {
            Msg::Resize(w, h) => self.size = Some((w, h)),
            Msg::Key(key) => {
                self.notice = None;
                if let Some(action) = keys::resolve(key, self.context()) {
                    self.act(action);
                }
            }
            Msg::Tick => {
                if let Some(p) = self.player.as_mut() {
                    p.tick();
                }
                self.show_frame();
            }
            Msg::Saved => self.unsaved = None,
            Msg::SaveFailed(why) => self.unsaved = Some(why),
            Msg::Notice(text) => self.notice = Some(text),
            Msg::Paste(text) => self.paste(&text),
        }
        self.sync();
    }

    /// Pasted text goes into the open text field (the label, or a number being typed),
    /// and is otherwise left alone with a notice: a paste never presses keys, so pasting
    /// `query` cannot quit and a sentence cannot tick choices or move on.
    fn paste(&mut self, text: &str) {
        self.notice = None;
        if self.overlay == Some(Overlay::Label) {
            for c in text.chars().filter(|c| !c.is_control()) {
                self.on_input(Action::Type(c));
            }
            return;
        }
        if self.overlay.is_none() && self.context() == Context::Number {
            let digits: Vec<u8> = text
                .trim()
                .bytes()
                .filter(u8::is_ascii_digit)
                .map(|b| b - b'0')
                .collect();
            let range = match self.screen() {
                Screen::Question(q) => match &self.wizard.pack().questions()[q].kind {
                    Kind::Number { min, max, .. } => Some((*min, *max)),
                    _ => None,
                },
                _ => None,
            };
            if let Some((min, max)) = range
                && !digits.is_empty()
                && text.trim().bytes().all(|b| b.is_ascii_digit())
            {
                for d in digits {
                    self.type_digit(d, min, max);
                }
                return;
            }
            self.notice = Some("Only digits can be pasted into a number.".to_string());
            return;
        }
        self.notice = Some("Paste ignored: only a label or number takes text.".to_string());
    }

    fn act(&mut self, action: Action) {
        match action {
            Action::Interrupt => self.exit = Some(Exit::Interrupted),
            Action::Help => {
                self.overlay = Some(Overlay::Help);
                self.help_scroll = 0;
            }
            Action::Close => {
                self.overlay = None;
                self.input = None;
            }
            _ if self.overlay == Some(Overlay::Label) => self.on_input(action),
            Action::ConfirmQuit => self.exit = Some(Exit::Quit),
            Action::Quit => match self.context() {
                Context::Choice | Context::Multiple | Context::Number | Context::Review => {
                    self.overlay = Some(Overlay::ConfirmQuit);
                }
                _ => self.exit = Some(Exit::Quit),
            },
            _ if self.overlay == Some(Overlay::Help) => self.scroll_help(action),
            Action::Name => {
                let text = match (&self.label, &self.offer) {
                    (Some(l), _) => l.clone(),
                    (None, Some(o)) if self.welcome && self.cursor == 0 => {
                        o.label.clone().unwrap_or_default()
                    }
                    _ => String::new(),
                };
                self.input = Some(LabelInput { text, error: None });
                self.overlay = Some(Overlay::Label);
            }
            _ if self.player.is_some() => self.on_replay(action),
            Action::Export => {
                if let Some(r) = &self.report {
                    self.effects.push(Effect::Export(r.clone()));
                }
            }
            _ => match self.screen() {
                Screen::Welcome => self.on_welcome(action),
                Screen::Question(q) => self.on_question(q, action),
                Screen::Review => self.on_review(action),
                Screen::Result => self.on_result(action),
            },
        }
    }

    fn scroll_help(&mut self, action: Action) {
        let max = self.help_max.get();
        self.help_scroll = match action {
            Action::Up => self.help_scroll.saturating_sub(1),
            Action::Down => self.help_scroll.saturating_add(1).min(max),
            _ => self.help_scroll,
        };
    }

    fn on_welcome(&mut self, action: Action) {
        let last = usize::from(self.offer.is_some());
        match action {
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(last),
            Action::Enter => {
                if let Some(offer) = self.offer.take()
                    && self.cursor == 0
                {
                    self.wizard = offer.state;
                    if self.label.is_none() {
                        self.label = offer.label;
                    }
                    self.effects.push(Effect::Resume);
                }
                self.welcome = false;
            }
            _ => {}
        }
    }

    fn on_input(&mut self, action: Action) {
        let Some(input) = self.input.as_mut() else {
            return;
        };
        match action {
            Action::Type(c) if input.text.chars().count() < MAX_LABEL => {
                input.text.push(c);
                input.error = None;
            }
            Action::Type(_) => {
                input.error = Some(format!("A label has at most {MAX_LABEL} characters"));
            }
            Action::Erase => {
                input.text.pop();
                input.error = None;
            }
            Action::Enter => {
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
                let changed = label.as_ref().map(Label::as_str) != self.label.as_deref();
                self.label = label.as_ref().map(|l| l.as_str().to_string());
                if changed {
                    self.effects.push(Effect::Label(label));
                }
                self.input = None;
                self.overlay = None;
            }
            _ => {}
        }
    }

    fn on_replay(&mut self, action: Action) {
        let Some(p) = self.player.as_mut() else {
            return;
        };
        match action {
            Action::Pause => p.toggle(),
            Action::Back => p.back(),
            Action::Forward => p.forward(),
            Action::First => p.first(),
            Action::Last => p.last(),
            Action::Increase => p.faster(),
            Action::Decrease => p.slower(),
            Action::Up | Action::Down | Action::PageUp | Action::PageDown if p.on_result() => {
                self.on_result(action);
            }
            Action::Export => {
                // The report of where the replay ends, whichever step is showing.
                let state = p.final_frame();
                let effective = state.effective();
                let verdict = score::score(state.pack(), &effective);
                let report = Report::build(state.pack(), &effective, &verdict);
                self.effects.push(Effect::Export(Arc::new(report)));
            }
            _ => {}
        }
        self.show_frame();
    }

    /// Show the replay's current frame on the screens, redrawn from scratch when the
    /// position moved (the same question may show another answer).
    fn show_frame(&mut self) {
        let Some(p) = self.player.as_ref() else {
            return;
        };
        if self.shown != Some(p.position()) {
            self.shown = Some(p.position());
            self.wizard = p.frame().clone();
            self.on = None;
        }
    }

    fn event(&mut self, event: Event) -> Result<(), Rejected> {
        self.wizard.apply(&event)?;
        self.effects.push(Effect::Record {
            event,
            state: self.wizard.clone(),
        });
        Ok(())
    }

    fn on_question(&mut self, q: usize, action: Action) {
        let question = &self.wizard.pack().questions()[q];
        let kind = question.kind.clone();
        let has_details = question.details.is_some();
        let rows = match &kind {
            Kind::Single { options } | Kind::Multiple { options, .. } => options.len(),
            Kind::YesNo => 2,
            Kind::Number { .. } => 0,
        };
        match action {
            Action::Back => {
                if let Err(Rejected::AtStart) = self.event(Event::Back) {
                    self.welcome = true;
                }
            }
            Action::Details if has_details => self.details = !self.details,
            Action::Up if rows > 0 => self.cursor = self.cursor.saturating_sub(1),
            Action::Down if rows > 0 => self.cursor = (self.cursor + 1).min(rows - 1),
            Action::First if rows > 0 => self.cursor = 0,
            Action::Last if rows > 0 => self.cursor = rows - 1,
            Action::Yes if kind == Kind::YesNo => self.pick(q, Answer::Bool(true)),
            Action::No if kind == Kind::YesNo => self.pick(q, Answer::Bool(false)),
            Action::Digit(d) => match &kind {
                Kind::Number { min, max, .. } => {
                    self.type_digit(d, *min, *max);
                }
                _ if d == 0 || usize::from(d) > rows => {
                    self.message = Some(format!("Choose a number from 1 to {}", rows.min(9)));
                }
                Kind::Multiple { .. } => {
                    self.cursor = usize::from(d) - 1;
                    self.toggle(&kind);
                }
                _ => {
                    self.cursor = usize::from(d) - 1;
                    self.confirm(q, &kind);
                }
            },
            Action::Toggle => self.toggle(&kind),
            Action::Erase => {
                if let Draft::Number { text, fresh } = &mut self.draft {
                    text.pop();
                    *fresh = false;
                    self.message = None;
                }
            }
            Action::Increase => self.step_number(&kind, 1),
            Action::Decrease => self.step_number(&kind, -1),
            Action::Enter => self.confirm(q, &kind),
            _ => {}
        }
    }

    /// Type a digit into the number field: no more digits than the largest allowed
    /// value has, and a range problem said as soon as it is typed, not only on Enter.
    fn type_digit(&mut self, d: u8, min: i64, max: i64) {
        if let Draft::Number { text, fresh } = &mut self.draft {
            if *fresh || text == "0" {
                text.clear();
                *fresh = false;
            }
            let most = max.unsigned_abs().to_string().len().min(MAX_DIGITS);
            if text.len() >= most {
                self.message = Some(format!("At most {max}: no more digits fit"));
                return;
            }
            text.push(char::from(b'0' + d));
            self.message = match text.parse::<i64>() {
                Ok(n) if n > max => Some(format!("Must be between {min} and {max}")),
                _ => None,
            };
        }
    }

    fn step_number(&mut self, kind: &Kind, dir: i64) {
        let (Kind::Number { min, max, step, .. }, Draft::Number { text, fresh }) =
            (kind, &mut self.draft)
        else {
            return;
        };
        let now = text.parse::<i64>().ok();
        let next = match now {
            // Step to the next value on the grid, from wherever the typed value lies.
            Some(n) => {
                let n = n.clamp(*min, *max);
                let below = min + (n - min) / step * step;
                if dir > 0 {
                    below.saturating_add(*step)
                } else if below < n {
                    below
                } else {
                    below.saturating_sub(*step)
                }
            }
            None if dir > 0 => *min,
            None => *max,
        };
        let next = next.clamp(*min, min + (max - min) / step * step);
        *text = next.to_string();
        *fresh = true;
        self.message = None;
    }

    fn toggle(&mut self, kind: &Kind) {
        let (Kind::Multiple { max, .. }, Draft::Multiple(selected)) = (kind, &mut self.draft)
        else {
            return;
        };
        let Some(on) = selected.get(self.cursor).copied() else {
            return;
        };
        let count = selected.iter().filter(|s| **s).count();
        if !on && count >= *max {
            self.message = Some(format!(
                "You can choose at most {max}: clear one before choosing another"
            ));
            return;
        }
        selected[self.cursor] = !on;
        self.message = None;
    }

    fn pick(&mut self, q: usize, answer: Answer) {
        if let Answer::Bool(b) = answer {
            self.cursor = if b { 0 } else { 1 };
        }
        self.answer_and_continue(q, answer);
    }

    fn confirm(&mut self, q: usize, kind: &Kind) {
        let answer = match (kind, &self.draft) {
            (Kind::Single { .. }, _) => Answer::Choice(self.cursor),
            (Kind::YesNo, _) => Answer::Bool(self.cursor == 0),
            (Kind::Multiple { .. }, Draft::Multiple(sel)) => Answer::Choices(
                sel.iter()
                    .enumerate()
                    .filter_map(|(i, s)| s.then_some(i))
                    .collect(),
            ),
            (Kind::Number { min, max, .. }, Draft::Number { text, .. }) => {
                match text.parse::<i64>() {
                    Ok(n) => Answer::Number(n),
                    Err(_) => {
                        self.message = Some(format!("Type a number from {min} to {max}"));
                        return;
                    }
                }
            }
            _ => return,
        };
        self.answer_and_continue(q, answer);
    }

    fn answer_and_continue(&mut self, q: usize, answer: Answer) {
        let result = self
            .event(Event::Answer {
                question: q,
                answer,
            })
            .and_then(|()| {
                // Answering may itself move past a question it hid; only move on when
                // the wizard still stands on this one.
                if self.wizard.step() == Step::Question(q) {
                    self.event(Event::Next)
                } else {
                    Ok(())
                }
            });
        if let Err(e) = result {
            self.message = Some(capitalise(&e.to_string()));
        }
    }

    fn on_review(&mut self, action: Action) {
        let rows = self.review_rows();
        let last = rows.len(); // the final row is the action to see the result
        match action {
            Action::Up => self.cursor = self.cursor.saturating_sub(1),
            Action::Down => self.cursor = (self.cursor + 1).min(last),
            Action::First => self.cursor = 0,
            Action::Last => self.cursor = last,
            Action::Back => {
                let _ = self.event(Event::Back);
            }
            Action::Enter => {
                let result = match rows.get(self.cursor) {
                    Some(&q) => self.event(Event::Jump(q)),
                    None => self.event(Event::Next),
                };
                if let Err(e) = result {
                    self.message = Some(capitalise(&e.to_string()));
                }
            }
            _ => {}
        }
    }

    fn on_result(&mut self, action: Action) {
        let max = self.max_scroll.get();
        let page = self.page.get().saturating_sub(1).max(1);
        self.scroll = match action {
            Action::Up => self.scroll.saturating_sub(1),
            Action::Down => self.scroll.saturating_add(1),
            Action::PageUp => self.scroll.saturating_sub(page),
            Action::PageDown => self.scroll.saturating_add(page),
            Action::First => 0,
            Action::Last => max,
            Action::Back => {
                let _ = self.event(Event::Back);
                0
            }
            _ => self.scroll,
        }
        .min(max);
    }

    /// Reset the screen-only state when the wizard has moved to another step.
    fn sync(&mut self) {
        let step = (!self.welcome).then(|| self.wizard.step());
        if step == self.on {
            return;
        }
        self.on = step;
        self.message = None;
        self.details = false;
        self.scroll = 0;
        self.max_scroll.set(u16::MAX);
        self.draft = Draft::None;
        self.cursor = 0;
        match step {
            Some(Step::Question(q)) => {
                let question = &self.wizard.pack().questions()[q];
                let shown = self.wizard.shown_answer(q);
                match (&question.kind, shown) {
                    (Kind::Single { .. }, Answer::Choice(i)) => {
                        self.draft = Draft::Pick;
                        self.cursor = i;
                    }
                    (Kind::YesNo, Answer::Bool(b)) => {
                        self.draft = Draft::Pick;
                        self.cursor = if b { 0 } else { 1 };
                    }
                    (Kind::Multiple { options, .. }, Answer::Choices(v)) => {
                        let mut sel = vec![false; options.len()];
                        for i in v {
                            if let Some(s) = sel.get_mut(i) {
                                *s = true;
                            }
                        }
                        self.draft = Draft::Multiple(sel);
                    }
                    (Kind::Number { .. }, Answer::Number(n)) => {
                        self.draft = Draft::Number {
                            text: n.to_string(),
                            fresh: true,
                        };
                    }
                    _ => self.draft = Draft::Pick,
                }
            }
            Some(Step::Review) => self.cursor = self.review_rows().len(),
            Some(Step::Done) => {
                let pack = self.wizard.pack();
                let effective = self.wizard.effective();
                let verdict = score::score(pack, &effective);
                self.report = Some(Arc::new(Report::build(pack, &effective, &verdict)));
            }
            None => {}
        }
    }
}
