//! Playing a saved session back: the frames of a [`Replay`] (the state before the first
//! event, then the state after each), a position among them, and the pace. Pure: the
//! app shows the frame at the position on the real screens, and the I/O loop sends a
//! tick when [`Player::interval`] has passed.

use crate::session::replay::Played;
use crate::session::{Drift, Replay, Session, Status};
use crate::wizard::{Event, Step, Wizard};
use std::time::Duration;

/// Time per step at each speed, slowest first.
const PACES_MS: [u64; 6] = [4000, 2000, 1000, 500, 250, 125];
/// The speed a replay starts at (an index into [`PACES_MS`]): one step a second.
const DEFAULT_SPEED: usize = 2;

/// A session being played back.
#[derive(Debug, Clone)]
pub struct Player {
    /// The state before the first event, then the state after each event played.
    frames: Vec<Wizard>,
    /// The event that led to each frame (`None` for the first, and for the closing frame
    /// of a session that was never finished).
    events: Vec<Option<Played>>,
    pos: usize,
    playing: bool,
    speed: usize,
    /// How the session as saved compares with its replay on the current pack.
    drift: Drift,
    /// Whether the session was saved before its result was reached.
    unfinished: bool,
    /// The session's id, and its label if it has one.
    id: String,
    label: Option<String>,
}

impl Player {
    /// A player over `replay` of `session`, at its first frame and playing.
    ///
    /// A session saved before its result gets one more frame, the result scored with the
    /// answers it has (every other question taking its default), so that a replay
    /// always ends on a recommendation.
    pub fn new(session: &Session, replay: &Replay, drift: Drift) -> Player {
        let mut frames = vec![replay.start.clone()];
        let mut events = vec![None];
        for s in &replay.steps {
            frames.push(s.state.clone());
            events.push(Some(s.event.clone()));
        }
        // Ended away from the result (unfinished, or stepped back from it): the closing
        // frame is the result.
        let away = replay.final_state().step() != Step::Done;
        if away && let Ok(done) = replay.final_state().update(&Event::Finish) {
            frames.push(done);
            events.push(None);
        }
        Player {
            frames,
            events,
            pos: 0,
            playing: true,
            speed: DEFAULT_SPEED,
            drift,
            unfinished: session.status == Status::InProgress,
            id: session.id.to_string(),
            label: session.label.as_ref().map(|l| l.as_str().to_string()),
        }
    }

    /// The state shown now.
    pub fn frame(&self) -> &Wizard {
        &self.frames[self.pos]
    }

    /// The state the replay ends on: the result.
    pub fn final_frame(&self) -> &Wizard {
        &self.frames[self.len()]
    }

    /// The event that led to the frame shown, if any.
    pub fn event(&self) -> Option<&Played> {
        self.events[self.pos].as_ref()
    }

    /// The position: 0 before the first event, up to [`Player::len`].
    pub fn position(&self) -> usize {
        self.pos
    }

    /// The last position.
    pub fn len(&self) -> usize {
        self.frames.len() - 1
    }

    /// Whether there is nothing to play (a session with no events).
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the last frame is showing.
    pub fn at_end(&self) -> bool {
        self.pos == self.len()
    }

    /// Whether it advances by itself.
    pub fn playing(&self) -> bool {
        self.playing
    }

    /// Time to the next step while playing; `None` when paused or at the end.
    pub fn interval(&self) -> Option<Duration> {
        (self.playing && !self.at_end()).then(|| Duration::from_millis(PACES_MS[self.speed]))
    }

    /// The speed in words, relative to one step a second: `¼×` to `8×`.
    pub fn speed_words(&self) -> &'static str {
        ["¼×", "½×", "1×", "2×", "4×", "8×"][self.speed]
    }

    /// How the saved session compares with its replay now.
    pub fn drift(&self) -> &Drift {
        &self.drift
    }

    /// Whether the session was saved before its result.
    pub fn unfinished(&self) -> bool {
        self.unfinished
    }

    /// The session's id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The session's label.
    pub fn label(&self) -> Option<&str> {
        self.label.as_deref()
    }

    /// Whether the result screen is showing at the end of the replay.
    pub fn on_result(&self) -> bool {
        self.at_end() && self.frame().step() == Step::Done
    }

    /// The clock ticked: one step on, stopping at the end.
    pub fn tick(&mut self) {
        if self.playing {
            self.pos = (self.pos + 1).min(self.len());
        }
        if self.at_end() {
            self.playing = false;
        }
    }

    /// Pause, or play on; at the end, play again from the start.
    pub fn toggle(&mut self) {
        if self.playing {
            self.playing = false;
        } else if self.at_end() {
            self.pos = 0;
            self.playing = !self.is_empty();
        } else {
            self.playing = true;
        }
    }

    /// One step forward, paused.
    pub fn forward(&mut self) {
        self.playing = false;
        self.pos = (self.pos + 1).min(self.len());
    }

    /// One step back, paused.
    pub fn back(&mut self) {
        self.playing = false;
        self.pos = self.pos.saturating_sub(1);
    }

    /// To the first frame, paused.
    pub fn first(&mut self) {
        self.playing = false;
        self.pos = 0;
    }

    /// To the last frame: the result.
    pub fn last(&mut self) {
        self.playing = false;
        self.pos = self.len();
    }

    /// Step faster.
    pub fn faster(&mut self) {
        self.speed = (self.speed + 1).min(PACES_MS.len() - 1);
    }

    /// Step slower.
    pub fn slower(&mut self) {
        self.speed = self.speed.saturating_sub(1);
    }
}
