//! Plain mode: the wizard as numbered prompts read line by line, for screen readers,
//! dumb terminals and piped input.
//!
//! It drives the same [`Wizard`] state machine as the terminal screens: each line typed
//! becomes [`Event`]s, and what is printed is read from the wizard's state. It writes
//! text only, one line after another: no alternate screen, no cursor movement, no
//! colour, and no control character at all (any that a pack's text holds is dropped).
//!
//! Input that ends (end of file, or Ctrl-D at a terminal) before the last question is
//! answered stops the wizard without a recommendation ([`PlainError::InputEnded`], exit
//! code 2): a truncated answers script should not pass for a finished one. Ending the
//! input at the review is taken as confirming it, and `f` finishes at any question with
//! the current answers, every question left taking its default.

mod parse;
mod session;
mod show;

pub use parse::{Line, ReviewLine, question_line, review_line};
pub use session::{replay_printing, resume_saving, transcript};

use crate::pack::Pack;
use crate::report::{self, Report};
use crate::score;
use crate::wizard::{Event, Rejected, Step, Wizard};
use std::io::{BufRead, IsTerminal, Write};
use std::sync::Arc;

/// Longest line read as one answer, in bytes; a longer one is refused, not stored.
const MAX_LINE: usize = 4096;

/// How plain mode talks to its input and output.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Repeat each line read after its prompt, so that a transcript of piped input reads
    /// as a conversation (a terminal echoes typed lines by itself).
    pub echo: bool,
}

/// Why plain mode stopped before showing a recommendation.
#[derive(Debug, thiserror::Error)]
pub enum PlainError {
    /// The input ended before the last question was answered.
    #[error(
        "the input ended at question {index} of {total}, so nothing was recommended \
         (answer every question, or type f to finish with the current answers)"
    )]
    InputEnded {
        /// 1-based position of the question being asked.
        index: usize,
        /// Questions asked with the answers given.
        total: usize,
    },
    /// Reading the input failed.
    #[error("cannot read input: {0}")]
    Read(std::io::Error),
    /// Writing the output failed.
    #[error("cannot write output: {0}")]
    Write(std::io::Error),
    /// The last save failed; where the answers were kept instead was already said.
    #[error("the session could not be saved")]
    Unsaved,
    /// The session to resume or replay cannot be found, read or played back.
    #[error(transparent)]
    Session(#[from] crate::session::SessionError),
}

/// Whether the wizard should run in plain mode: asked for with `--plain`, or chosen by
/// itself when `TERM=dumb` or when answers come from a pipe or a file. Output alone going
/// to a pipe does not choose it: the terminal wizard then explains that it needs a
/// terminal and points to `hirewiz recommend` and `--plain`.
pub fn wanted(flag: bool) -> bool {
    wanted_with(
        flag,
        std::env::var_os("TERM").as_deref(),
        std::io::stdin().is_terminal(),
    )
}

/// [`wanted`], given the flag, the value of `TERM` and whether standard input is a
/// terminal.
pub fn wanted_with(flag: bool, term: Option<&std::ffi::OsStr>, stdin_tty: bool) -> bool {
    flag || term.is_some_and(|t| t == "dumb") || !stdin_tty
}

/// Run plain mode on standard input and output, saving the session after every event
/// as the terminal screens do, in the store [`crate::session::Store::locate`] finds for
/// `data_dir`.
pub fn run_saving(pack: Arc<Pack>, data_dir: Option<&std::path::Path>) -> Result<(), PlainError> {
    use crate::session::{Recorder, Store};
    let mut notice = None;
    let recorder = match Store::locate(data_dir) {
        Ok(store) => {
            notice = session::unfinished_words(&store);
            Some(Recorder::start(store, &pack, None))
        }
        Err(e) => {
            crate::out::say_err(&format!("hirewiz: sessions are not saved: {e}"));
            None
        }
    };
    run_stdio(Wizard::new(pack), notice.as_deref(), recorder).map(|_| ())
}

/// Run plain mode on standard input and output from `wizard`'s state to the text
/// report, saying `notice` after the introduction. Every event the wizard accepts is
/// saved through `recorder`; a save that fails is reported once on standard error and
/// the wizard goes on: losing the record must not lose the answers being given.
pub fn run_stdio(
    wizard: Wizard,
    notice: Option<&str>,
    mut recorder: Option<crate::session::Recorder>,
) -> Result<Wizard, PlainError> {
    let options = Options {
        echo: !std::io::stdin().is_terminal(),
    };
    let input = std::io::stdin().lock();
    let output = std::io::stdout().lock();
    let saved = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let id = recorder.as_ref().map(|r| r.session().id.to_string());
    let _watch = watch_interrupt(id, saved.clone());
    let mut warned = false;
    let mut save =
        |event: &Event, wizard: &Wizard| match recorder.as_mut().map(|r| r.record(event, wizard)) {
            Some(Ok(_)) => saved.store(true, std::sync::atomic::Ordering::SeqCst),
            Some(Err(e)) if !warned => {
                warned = true;
                crate::out::say_err(&format!("hirewiz: the session cannot be saved: {e}"));
            }
            _ => {}
        };
    let result = run(wizard, input, output, options, notice, &mut save);
    // A save that failed on the way is tried once more; if that fails too, the answers
    // are kept elsewhere, the message says where, and the run fails.
    if let Some(r) = recorder.as_mut()
        && !r.is_saved()
        && let Err(e) = r.finish()
    {
        crate::out::say_err(&format!("hirewiz: {e}"));
        return Err(PlainError::Unsaved);
    }
    result
}

/// Ctrl-C while plain mode waits for a line ends it with exit code 130, saying what
/// became of the answers: where they are saved and how to go on with them, or that
/// nothing was saved.
fn watch_interrupt(
    session: Option<String>,
    saved: Arc<std::sync::atomic::AtomicBool>,
) -> Option<Watch> {
    let mut signals = signal_hook::iterator::Signals::new([signal_hook::consts::SIGINT]).ok()?;
    let handle = signals.handle();
    std::thread::spawn(move || {
        if signals.forever().next().is_some() {
            let words = match (&session, saved.load(std::sync::atomic::Ordering::SeqCst)) {
                (Some(id), true) => format!(
                    "stopped. The answers given are saved in session {id}; \
                     `hirewiz resume --plain {id}` goes on with them."
                ),
                _ => "stopped before any answer was saved.".to_string(),
            };
            // Standard output stays locked by the prompt loop, so the message leaves
            // through standard error alone, on a line of its own.
            crate::out::say_err(&format!("\nhirewiz: {words}"));
            std::process::exit(crate::exit::ABORTED);
        }
    });
    Some(Watch(handle))
}

/// The interrupt watch, ended when dropped: after the recommendation, Ctrl-C is the
/// shell's again.
struct Watch(signal_hook::iterator::Handle);

impl Drop for Watch {
    fn drop(&mut self) {
        self.0.close();
    }
}

/// Run the wizard from `wizard`'s state to the recommendation, reading answers from
/// `input` and writing prompts and the final text report to `output`; `notice`, if
/// any, is said after the introduction (where a resumed session stands). Returns the
/// finished wizard.
pub fn run(
    mut wizard: Wizard,
    input: impl BufRead,
    output: impl Write,
    options: Options,
    notice: Option<&str>,
    observe: &mut dyn FnMut(&Event, &Wizard),
) -> Result<Wizard, PlainError> {
    let mut out = Clean(output);
    let mut input = input;
    let mut full = true;
    let mut last_section: Option<usize> = None;
    out.say(&show::intro(wizard.pack()))?;
    if let Some(notice) = notice {
        out.say(&format!("\n{notice}\n"))?;
    }
    loop {
        match wizard.step() {
            Step::Question(q) => {
                let pack = Arc::clone(wizard.pack());
                let question = &pack.questions()[q];
                if full {
                    let section = question.section;
                    if last_section != Some(section) {
                        out.say(&show::heading(&pack, q))?;
                        last_section = Some(section);
                    } else {
                        out.say("\n")?;
                    }
                    out.say(&show::question(&wizard, q))?;
                } else {
                    out.say(&format!("{}\n", show::title(wizard.progress(), question)))?;
                }
                full = false;
                let shown = wizard.shown_answer(q);
                out.say(&show::prompt(question, &shown))?;
                let Some(line) = read(&mut input, &mut out, options)? else {
                    let p = wizard.progress();
                    out.say("\n")?;
                    return Err(PlainError::InputEnded {
                        index: p.index,
                        total: p.total,
                    });
                };
                let parsed = line.and_then(|l| question_line(question, &l));
                let events = match parsed {
                    Err(msg) => {
                        out.say(&format!("Not accepted: {msg}.\n"))?;
                        continue;
                    }
                    Ok(Line::Help) => {
                        out.say(&show::help(question))?;
                        continue;
                    }
                    Ok(Line::Keep) => vec![
                        Event::Answer {
                            question: q,
                            answer: shown,
                        },
                        Event::Next,
                    ],
                    Ok(Line::Answer(answer)) => {
                        vec![
                            Event::Answer {
                                question: q,
                                answer,
                            },
                            Event::Next,
                        ]
                    }
                    Ok(Line::Back) => vec![Event::Back],
                    Ok(Line::Finish) => vec![Event::Finish],
                };
                for e in &events {
                    let before = wizard.visible();
                    match wizard.apply(e) {
                        Ok(()) => {
                            observe(e, &wizard);
                            full = true;
                            if let Some(why) = wizard.total_change(&before) {
                                out.say(&format!("{why}\n"))?;
                            }
                        }
                        Err(Rejected::AtStart) => {
                            out.say("This is the first question; there is nothing before it.\n")?;
                            break;
                        }
                        Err(r) => {
                            out.say(&format!("Not accepted: {r}.\n"))?;
                            break;
                        }
                    }
                }
            }
            Step::Review => {
                out.say(&show::review(&wizard))?;
                last_section = None;
                let event = loop {
                    out.say(show::REVIEW_PROMPT)?;
                    // The end of the input confirms the review: every question was answered.
                    let line = read(&mut input, &mut out, options)?.unwrap_or(Ok(String::new()));
                    let count = wizard.visible().len();
                    match line.and_then(|l| review_line(&l, count)) {
                        Ok(ReviewLine::Confirm) => break Event::Next,
                        Ok(ReviewLine::Back) => break Event::Back,
                        Ok(ReviewLine::Change(n)) => break Event::Jump(wizard.visible()[n - 1]),
                        Ok(ReviewLine::Help) => out.say(&format!("{}\n", show::REVIEW_KEYS))?,
                        Err(msg) => out.say(&format!("Not accepted: {msg}.\n"))?,
                    }
                };
                match wizard.apply(&event) {
                    Ok(()) => observe(&event, &wizard),
                    Err(r) => out.say(&format!("Not accepted: {r}.\n"))?,
                }
                full = true;
            }
            Step::Done => {
                let pack = wizard.pack();
                let effective = wizard.effective();
                let verdict = score::score(pack, &effective);
                let report = Report::build(pack, &effective, &verdict);
                out.say("\n")?;
                out.say(&report::text::render(&report))?;
                return Ok(wizard);
            }
        }
    }
}

/// Read one line: `None` at the end of the input, `Some(Err)` for a line that is too long.
/// Invalid UTF-8 is read with replacement characters, which no answer matches.
fn read(
    input: &mut impl BufRead,
    out: &mut Clean<impl Write>,
    options: Options,
) -> Result<Option<Result<String, String>>, PlainError> {
    let mut buf = Vec::new();
    let n = std::io::Read::take(&mut *input, MAX_LINE as u64 + 1)
        .read_until(b'\n', &mut buf)
        .map_err(PlainError::Read)?;
    if n == 0 {
        return Ok(None);
    }
    if buf.len() > MAX_LINE && buf.last() != Some(&b'\n') {
        // Skip the rest of the overlong line.
        let mut rest = Vec::new();
        input
            .read_until(b'\n', &mut rest)
            .map_err(PlainError::Read)?;
        if options.echo {
            out.say("\n")?;
        }
        return Ok(Some(Err(format!(
            "the answer is longer than {MAX_LINE} characters"
        ))));
    }
    let text = String::from_utf8_lossy(&buf);
    let text = text.trim_end_matches(['\n', '\r']).to_string();
    if options.echo {
        out.say(&format!("{text}\n"))?;
    }
    Ok(Some(Ok(text)))
}

/// An output that drops every control character but line breaks and tabs, so that no
/// escape sequence can reach the terminal, whatever a pack's text holds.
struct Clean<W: Write>(W);

impl<W: Write> Clean<W> {
    fn say(&mut self, text: &str) -> Result<(), PlainError> {
        let clean = crate::escape::shown(text);
        self.0
            .write_all(clean.as_bytes())
            .and_then(|()| self.0.flush())
            .map_err(PlainError::Write)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ffi::OsStr;

    #[test]
    fn plain_mode_is_chosen_for_dumb_terminals_and_pipes() {
        let xterm = Some(OsStr::new("xterm-256color"));
        assert!(!wanted_with(false, xterm, true));
        assert!(!wanted_with(false, None, true));
        assert!(wanted_with(true, xterm, true));
        assert!(wanted_with(false, Some(OsStr::new("dumb")), true));
        assert!(wanted_with(false, xterm, false));
    }
}
