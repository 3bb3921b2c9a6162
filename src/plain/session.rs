//! Saved sessions in plain mode: going on with one line by line (`hirewiz resume`), and
//! playing one back as a transcript (`hirewiz replay`), for screen readers, dumb
//! terminals and pipes, where the terminal screens cannot be drawn.

use super::{Clean, PlainError, run_stdio};
use crate::pack::Pack;
use crate::report::{self, Report};
use crate::score;
use crate::session::replay::{Drift, Played, drift, replay};
use crate::session::store::{find_anywhere, shown};
use crate::session::{Recorder, Replay, Session, Status, Store, Timestamp};
use crate::wizard::{Event, Step, Wizard};
use std::fmt::Write as _;
use std::path::Path;
use std::sync::Arc;

/// `hirewiz resume [ID] --plain`: go on with the session `given` names (else the most
/// recently updated unfinished one) at the question where it stopped, line by line,
/// saving every event into it as the terminal screens do. A session saved with another
/// version of the pack goes on in a new session; the old file is left as it was.
pub fn resume_saving(
    pack: Arc<Pack>,
    data_dir: Option<&Path>,
    given: Option<&str>,
) -> Result<(), PlainError> {
    let store = Store::locate(data_dir)?;
    let (session, path) = store.to_resume(given)?;
    let played = replay(&session, pack, &shown(&path))?;
    let state = played.final_state().clone();
    let mut notice = resumed_words(&session, &state);
    let old = session.id.to_string();
    let recorder = Recorder::resume(store, session, &played);
    if let Some(change) = &played.pack_change {
        let _ = write!(
            notice,
            "\n{} Going on as session {}; {old} is kept as it was.",
            change.words(),
            recorder.session().id
        );
    } else if let Some(e) = recorder.in_use() {
        let _ = write!(
            notice,
            "\n{e}: going on as session {}; {old} is left to it.",
            recorder.session().id
        );
    }
    run_stdio(state, Some(&notice), Some(recorder)).map(|_| ())
}

/// What a new run says about the unfinished sessions it leaves alone, so that a
/// consultant does not start afresh unaware of one: the newest, its answers and when it
/// was saved, whether there are more, and how to go on with one. `None` when there are
/// none. Only the first two are read, however many sessions the folder holds.
pub(super) fn unfinished_words(store: &Store) -> Option<String> {
    let mut waiting = store.in_progress();
    let (newest, _) = waiting.next()?;
    let more = waiting.next().is_some();
    let label = quoted_label(&newest);
    let answers = match newest.answers.len() {
        0 => "no answers yet".to_string(),
        1 => "1 answer".to_string(),
        n => format!("{n} answers"),
    };
    let others = if more {
        "; there are more (`hirewiz sessions` lists them)"
    } else {
        ""
    };
    Some(format!(
        "An unfinished session is saved: {}{label}, {answers}, last saved {}{others}. \
         This run starts a new session; `hirewiz resume --plain {}` goes on with that one.",
        newest.id,
        time(newest.updated),
        newest.id
    ))
}

/// "Going on with session 20250601-1430-k3x9 “Acme”: 4 answers given, at question 5 of 13."
fn resumed_words(session: &Session, state: &Wizard) -> String {
    let label = quoted_label(session);
    let n = session.answers.len();
    let answers = match n {
        0 => "no answers yet".to_string(),
        1 => "1 answer given".to_string(),
        n => format!("{n} answers given"),
    };
    let at = match state.step() {
        Step::Question(_) => {
            let p = state.progress();
            format!("at question {} of {}", p.index, p.total)
        }
        Step::Review => "at the review".to_string(),
        Step::Done => "and finished; here is its result with the pack as it is now".to_string(),
    };
    let mut words = format!(
        "Going on with session {}{label}: {answers}, {at}.",
        session.id
    );
    if let Some(m) = session.milestones() {
        words.push(' ');
        words.push_str(&m);
    }
    words
}

/// `hirewiz replay ID --plain`: the session's events as a transcript, how its result
/// compares with the one saved, and the recommendation scored with the current pack.
pub fn replay_printing(
    pack: Arc<Pack>,
    data_dir: Option<&Path>,
    given: &str,
) -> Result<(), PlainError> {
    let (session, path) = find_anywhere(data_dir, given)?;
    let played = replay(&session, pack, &shown(&path))?;
    let drift = drift(&session, &played);
    let text = transcript(&session, &played, &drift);
    Clean(std::io::stdout().lock()).say(&text)
}

/// The plain transcript of a replayed session: a heading, one numbered line per answer,
/// going back, change from the review and finish (moving on is left out: every answer
/// moves on), the remarks on the result, and the text report.
pub fn transcript(session: &Session, played: &Replay, drift: &Drift) -> String {
    let pack = played.start.pack();
    let mut s = String::new();
    let label = quoted_label(session);
    let _ = writeln!(
        s,
        "Replay of session {}{label}: {} {}, started {}, last saved {}.",
        session.id,
        session.pack.id,
        session.pack.version,
        time(session.created),
        time(session.updated)
    );
    let mut n = 0;
    let mut previous = &played.start;
    for step in &played.steps {
        let line = match &step.event {
            Played::Step(Event::Answer { question, answer }) => {
                let q = &pack.questions()[*question];
                format!("{} {}", q.prompt, q.describe(answer))
            }
            Played::Step(Event::Next) if step.state.step() == Step::Done => {
                format!("Reached the result: {}.", result_name(&step.state, step.at))
            }
            Played::Step(Event::Next) => {
                previous = &step.state;
                continue;
            }
            Played::Step(Event::Back) => match previous.step() {
                Step::Done => "Went back from the result to the review.".to_string(),
                Step::Review => "Went back from the review.".to_string(),
                _ => "Went back.".to_string(),
            },
            Played::Step(Event::Jump(q)) => format!(
                "Went from the review to change “{}”.",
                pack.questions()[*q].prompt
            ),
            Played::Step(Event::Finish) => {
                format!("Finished: {}.", result_name(&step.state, step.at))
            }
            Played::Step(Event::Settle(open)) => settle_words(pack, open),
            Played::Labelled(Some(l)) => format!("Labelled “{l}”."),
            Played::Labelled(None) => "Removed the label.".to_string(),
            Played::Exported(file) => format!("Exported the report to {file}."),
        };
        n += 1;
        let _ = writeln!(s, "{n:>3}. [{}] {line}", clock(step.at));
        previous = &step.state;
    }
    if n == 0 {
        let _ = writeln!(s, "  No answer was given.");
    }
    let remarks = drift.remarks(session.status == Status::InProgress);
    let _ = writeln!(s);
    for w in &remarks.warnings {
        let _ = writeln!(s, "! {w}");
    }
    if let Some(same) = &remarks.same {
        let _ = writeln!(s, "{same}");
    }
    if let Some((saved, now)) = &remarks.results {
        let _ = writeln!(s, "  saved  {}", saved.scores_words());
        let _ = writeln!(s, "  now    {}", now.scores_words());
    }
    // A session saved before its result is scored with the answers it has, every other
    // question taking its default, as the terminal replay ends.
    let state = played.final_state();
    let effective = state.effective();
    let verdict = score::score(pack, &effective);
    let report = Report::build(pack, &effective, &verdict);
    let _ = writeln!(s);
    s.push_str(&report::text::render(&report));
    if session.status == Status::InProgress {
        let _ = writeln!(
            s,
            "\nThe session is not finished. Go on with it: hirewiz resume {}",
            session.id
        );
    }
    s
}

/// The recommendation `state` scores to, as the result screen heads it.
fn result_name(state: &Wizard, at: Timestamp) -> String {
    crate::session::SavedResult::of(state.pack(), state.answers(), at).winner_name()
}

/// What a settle did, in a sentence.
pub(crate) fn settle_words(pack: &Pack, open: &[usize]) -> String {
    let prompts: Vec<String> = open
        .iter()
        .filter_map(|&q| pack.questions().get(q))
        .map(|q| format!("“{}”", q.prompt))
        .collect();
    match prompts.len() {
        0 => "Took the group's answers; none was left open.".to_string(),
        1 => format!("Took the group's answers, leaving {} open.", prompts[0]),
        n => format!(
            "Took the group's answers, leaving {n} open: {}.",
            prompts.join(", ")
        ),
    }
}

/// ` “Acme”` after a session's id, or nothing when it has no label.
fn quoted_label(session: &Session) -> String {
    session
        .label
        .as_ref()
        .map_or(String::new(), |l| format!(" “{l}”"))
}

/// `2025-06-01 14:30 UTC`.
fn time(t: Timestamp) -> String {
    t.to_minute()
}

/// `14:30:05`, the time of day (UTC) an event was recorded.
fn clock(t: Timestamp) -> String {
    let (_, _, _, h, mi, sec) = t.civil();
    format!("{h:02}:{mi:02}:{sec:02}")
}
