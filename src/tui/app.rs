//! The update: [`App::update`] applies a [`Msg`] to the model ([`super::model`]) and
//! returns what it asks of the world outside as [`Effect`]s, which the I/O loop hands to
//! [`super::autosave::Autosave`]; the outcome comes back as a [`Msg`]. Keys are looked up
//! once on the active context; decisions are the wizard's, made through its events.
//! Scrolling and paging are bounded by the view's own layout functions, so drawing writes
//! nothing back.
//!
//! The app touches no file.

pub use super::model::*;

use super::keys::{self, Action, Answering, Context, Grouping, Key, Move, Play};
use super::player::Player;
use super::text::capitalise;
use super::view;
use crate::pack::{Answer, Kind};
use crate::report::Report;
use crate::report::group::{GroupReport, MemberInput};
use crate::score;
use crate::session::Label;
use crate::wizard::{Event, Rejected, Step, Wizard};
use std::sync::Arc;

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
    /// The saved sessions that can be grouped, newest first, and how many files could
    /// not be read.
    Sessions(Vec<GroupMember>, usize),
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
    /// List the saved sessions, played back on the pack, for the group screen.
    ListSessions,
}

impl App {
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
            Msg::Sessions(members, unreadable) => self.sessions(members, unreadable),
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
            // A number as the wizard writes it, "12,000", pastes as its digits.
            let Some(digits) = crate::figures::ungrouped(text) else {
                self.notice = Some("Only digits can be pasted into a number.".to_string());
                return;
            };
            for d in digits.bytes() {
                self.answering(Answering::Digit(d - b'0'), &mut Vec::new());
            }
            return;
        }
        self.notice = Some("Paste ignored: labels and numbers take text.".to_string());
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
            Action::Scroll(m) if self.place() == Place::Group => {
                let room = view::group_room(self);
                if let Screen::Group(g) = &mut self.screen
                    && let GroupPane::View { scroll, .. } = &mut g.pane
                {
                    *scroll = room.scroll(*scroll, m);
                }
            }
            Action::Scroll(m) => {
                let room = view::result_room(self);
                if let Some(Page::Result(r)) = self.page_mut() {
                    match &mut r.pane {
                        Pane::Report => r.scroll = room.scroll(r.scroll, m),
                        Pane::Chart { scroll } => *scroll = room.scroll(*scroll, m),
                    }
                }
            }
            Action::Chart => self.toggle_chart(),
            Action::Horizon(dir) => self.horizon(dir),
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
            Action::Group(g) => self.grouping(g, fx),
        }
    }

    /// The sessions listed for a group arrive: the picker shows them, if the welcome
    /// screen that asked is still up.
    fn sessions(&mut self, members: Vec<GroupMember>, unreadable: usize) {
        if !matches!(self.screen, Screen::Welcome(_)) {
            return;
        }
        self.screen = Screen::Group(Box::new(GroupState {
            picked: vec![false; members.len()],
            members,
            cursor: 0,
            unreadable,
            message: None,
            pane: GroupPane::Pick,
        }));
    }

    fn grouping(&mut self, g: Grouping, fx: &mut Vec<Effect>) {
        if g == Grouping::Open {
            fx.push(Effect::ListSessions);
            return;
        }
        let Screen::Group(state) = &mut self.screen else {
            return;
        };
        state.message = None;
        match (g, &state.pane) {
            (Grouping::Toggle, GroupPane::Pick) => {
                if let Some(p) = state.picked.get_mut(state.cursor) {
                    *p = !*p;
                }
            }
            (Grouping::Show, GroupPane::Pick) => {
                let chosen: Vec<&GroupMember> = state
                    .members
                    .iter()
                    .zip(&state.picked)
                    .filter(|(_, p)| **p)
                    .map(|(m, _)| m)
                    .collect();
                if chosen.len() < 2 {
                    state.message =
                        Some("Pick at least two sessions with Space, then press Enter.".into());
                    return;
                }
                let names = crate::report::group::distinct(
                    &chosen
                        .iter()
                        .map(|m| m.label.clone().unwrap_or_else(|| m.id.clone()))
                        .collect::<Vec<_>>(),
                );
                let inputs: Vec<MemberInput> = chosen
                    .iter()
                    .zip(names)
                    .map(|(m, name)| MemberInput {
                        name,
                        file: m.file.clone(),
                        session: Some(m.id.clone()),
                        notes: m.notes.clone(),
                        answers: m.answers.clone(),
                    })
                    .collect();
                let report = GroupReport::build(self.wizard.pack(), &inputs, Vec::new());
                state.pane = GroupPane::View {
                    report: Arc::new(report),
                    scroll: 0,
                };
            }
            (Grouping::Leave, GroupPane::View { .. }) => state.pane = GroupPane::Pick,
            (Grouping::Leave, GroupPane::Pick) => {
                self.screen = Screen::Welcome(WelcomeState::default());
            }
            (Grouping::Settle, GroupPane::View { report, .. }) => {
                let report = report.clone();
                self.settle(&report, fx);
            }
            _ => {}
        }
    }

    /// A new session pre-filled with the group profile, labelled as the group's, at its
    /// first open question (see [`crate::insight::group::settle_events`]).
    fn settle(&mut self, report: &GroupReport, fx: &mut Vec<Effect>) {
        let label = Label::parse(&report.settle_label()).ok();
        self.label = label.as_ref().map(|l| l.as_str().to_string());
        fx.push(Effect::Label(label));
        self.wizard = Wizard::new(self.wizard.pack().clone());
        self.drafts.clear();
        let events =
            crate::insight::group::settle_events(&report.group.profile, &report.group.open());
        for e in events {
            let _ = self.event(e, fx);
        }
        // The notice line then says the session is labelled as the group's.
        self.screen = Screen::Wizard(self.step_page());
    }

    fn select(&mut self, m: Move) {
        let rows = self.wizard().visible().len();
        let page = view::review_page(self, m == Move::PageUp);
        match &mut self.screen {
            Screen::Welcome(w) => w.cursor = m.from(w.cursor, w.offers.len(), 1),
            Screen::Group(g) => g.cursor = m.from(g.cursor, g.members.len().saturating_sub(1), 1),
            Screen::Wizard(Page::Review(r)) => r.cursor = m.from(r.cursor, rows, page),
            Screen::Wizard(Page::Question(s)) => {
                let last = choices(&self.wizard.pack().questions()[s.q].kind).saturating_sub(1);
                s.cursor = m.from(s.cursor, last, 1);
            }
            _ => {}
        }
    }

    /// Show the cost chart in place of the report, or the report again; a pack that
    /// prices nothing has no chart, and says so.
    fn toggle_chart(&mut self) {
        let Some(Page::Result(r)) = self.page_mut() else {
            return;
        };
        r.pane = match r.pane {
            Pane::Chart { .. } => Pane::Report,
            Pane::Report if r.report.cost_over_time.is_some() => Pane::Chart { scroll: 0 },
            Pane::Report => {
                self.notice = Some("This pack prices no option, so there is no cost chart.".into());
                return;
            }
        };
    }

    /// More or fewer months of work on the chart, within [`HORIZONS`].
    fn horizon(&mut self, dir: i8) {
        let Some(Page::Result(r)) = self.page_mut() else {
            return;
        };
        let next = step_horizon(r.horizon, dir);
        if next == r.horizon {
            let (first, last) = (HORIZONS[0], HORIZONS[HORIZONS.len() - 1]);
            self.notice = Some(if dir > 0 {
                format!("The chart shows at most {last} months.")
            } else {
                format!("The chart shows at least {first} month.")
            });
            return;
        }
        r.horizon = next;
        // The chart's length changes with the words under it: keep the scroll in range.
        let room = view::result_room(self);
        if let Some(Page::Result(r)) = self.page_mut()
            && let Pane::Chart { scroll } = &mut r.pane
        {
            *scroll = (*scroll).min(room.max());
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
        let before = self.wizard.visible();
        self.wizard.apply(&event)?;
        if let Some(why) = self.wizard.total_change(&before) {
            self.notice = Some(why);
        }
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
            Err(_) => {
                return Err(format!(
                    "Type a number from {} to {}",
                    crate::figures::grouped(*min),
                    crate::figures::grouped(*max)
                ));
            }
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
        return Some(format!(
            "At most {}: no more digits fit",
            crate::figures::grouped(max)
        ));
    }
    text.push(char::from(b'0' + d));
    match text.parse::<i64>() {
        Ok(n) if n > max => Some(format!(
            "Must be between {} and {}",
            crate::figures::grouped(min),
            crate::figures::grouped(max)
        )),
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
