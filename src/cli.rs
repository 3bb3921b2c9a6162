//! The command line: its arguments, and the headless commands that need no terminal.
//!
//! The binary parses a [`Cli`], runs the command's function here (or a front end:
//! [`crate::tui`], [`crate::plain`]) and exits with the code of its [`Failure`]; every
//! error is printed once, here, with its exit code chosen by kind (see [`exit`]).

use crate::answers::{self, AnswersError};
use crate::pack::{self, LoadError, Pack};
use crate::report::{self, Report};
use crate::score;
use clap::{Parser, Subcommand, ValueEnum};
use std::path::{Path, PathBuf};
use std::sync::Arc;

pub mod compare;
pub mod group;
pub mod sessions;

pub mod shell;

pub use crate::exit;
pub use crate::out::say_err;

const EXIT_CODES: &str = "\
Exit codes:
  0    success
  1    a failure: output could not be written, or `hirewiz check` found an
       expectation of the pack that does not hold
  2    bad input: usage, or a pack, answers or session file that is missing,
       unreadable, not a regular file, not UTF-8 text, too large or invalid; or, in plain mode, input
       that ended before the last question was answered
  130  stopped with Ctrl-C";

/// hirewiz: decide how to staff your backend work — in-house, freelance or outsourced.
///
/// With no command, starts the interactive wizard.
#[derive(Debug, Parser)]
#[command(name = "hirewiz", version, about, long_about = None, after_help = EXIT_CODES)]
pub struct Cli {
    /// Question pack to use: a YAML file or a folder of them (default: the built-in
    /// backend-hiring pack).
    #[arg(long, global = true, value_name = "PATH")]
    pub pack: Option<PathBuf>,

    /// Let the pack import files from outside its folder tree (without this, such an
    /// import is refused): only for a pack whose author you trust. A pack's tree is the
    /// folder of the pack file or folder named, or its parent when that folder is called
    /// `questions`.
    #[arg(long, global = true)]
    pub allow_outside_imports: bool,

    /// Ask the questions as numbered plain-text prompts, one line at a time, with no
    /// colour or screen drawing: for screen readers, dumb terminals and piped input.
    /// Chosen by itself when TERM=dumb or when standard input is not a terminal (answers
    /// piped in or read from a file); output alone going to a pipe does not choose it.
    #[arg(long, global = true)]
    pub plain: bool,

    /// Folder for hirewiz's data; sessions are kept in its `sessions` folder (default:
    /// $HIREWIZ_DATA_DIR, else the user's data folder, e.g. ~/.local/share/hirewiz).
    #[arg(long, global = true, value_name = "PATH")]
    pub data_dir: Option<PathBuf>,

    /// What to do (default: start the wizard).
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// The pack the command line names for every command but `check`, which may name
    /// its own.
    pub fn pack_choice(&self) -> PackChoice<'_> {
        PackChoice {
            path: self.pack.as_deref(),
            imports: if self.allow_outside_imports {
                pack::Imports::Anywhere
            } else {
                pack::Imports::InsidePack
            },
        }
    }
}

/// A pack named on the command line (none: the built-in one), and how far its imports
/// may reach.
#[derive(Debug, Clone, Copy, Default)]
pub struct PackChoice<'a> {
    /// The pack file or folder.
    pub path: Option<&'a Path>,
    /// Where its imports may lead.
    pub imports: pack::Imports,
}

impl PackChoice<'_> {
    fn load(&self) -> Result<Pack, LoadError> {
        match self.path {
            Some(p) => pack::load_path_with(p, self.imports),
            None => pack::load_default(),
        }
    }
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Score an answers file and print the recommendation, without the wizard.
    Recommend {
        /// YAML file with `answers: {question_id: value}` (a saved session works too).
        #[arg(long, value_name = "FILE")]
        answers: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Compare two answers files (saved session files work too): the answers that
    /// differ and both results side by side.
    Compare {
        /// The first answers file, session file or saved session's id.
        #[arg(value_name = "A")]
        a: PathBuf,
        /// The second answers file, session file or saved session's id.
        #[arg(value_name = "B")]
        b: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = compare::CompareFormat::Text)]
        format: compare::CompareFormat,
    },
    /// Several people's sessions (or answers files) side by side: where they disagree,
    /// each person's result, the group's consensus profile with its open questions, and
    /// which disagreements change the group's result. Sessions saved with another pack
    /// are re-scored with the current one; a member that cannot be read is left out.
    Group {
        /// Two or more session ids (or the start of them), session files or answers files.
        #[arg(value_name = "ID|FILE", num_args = 2.., required = true)]
        members: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = group::GroupFormat::Text)]
        format: group::GroupFormat,
        /// Also save a new session pre-filled with the group profile, labelled as the
        /// group's, which asks the open questions first (`hirewiz resume ID`).
        #[arg(long)]
        settle: bool,
    },
    /// Check a question pack and report every problem with its place.
    Check {
        /// Pack file or folder (default: the built-in pack).
        #[arg(value_name = "PATH")]
        path: Option<PathBuf>,
    },
    /// List the saved sessions: id, label, last update, status, pack and recommendation.
    Sessions {
        /// Output format.
        #[arg(long, value_enum, default_value_t = sessions::ListFormat::Text)]
        format: sessions::ListFormat,
    },
    /// Go on with a saved session in the wizard, at the question where it stopped (in
    /// plain mode, line by line).
    Resume {
        /// The session's id (or the start of it), or a session file (default: the most
        /// recently updated unfinished session).
        #[arg(value_name = "ID|FILE")]
        session: Option<String>,
    },
    /// Play a saved session back on the wizard's screens, answer by answer, ending on
    /// its recommendation scored with the current pack. Space pauses, Left and Right
    /// step, + and - change the pace, End skips to the result. In plain mode, print it
    /// as a transcript followed by the report.
    Replay {
        /// The session's id (or the start of it), or a session file.
        #[arg(value_name = "ID|FILE")]
        session: String,
    },
    /// Write the report of a saved session, scored with the current pack.
    Export {
        /// The session's id (or the start of it), or a session file.
        #[arg(value_name = "ID|FILE")]
        session: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Markdown)]
        format: Format,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// When the output path is a symbolic link, write to the file it points to
        /// (without this, a link is refused).
        #[arg(long, requires = "output")]
        follow_link: bool,
    },
    /// Print the JSON Schema of the pack file format, for editors with a YAML language
    /// server (the same schema is kept in assets/pack.schema.json).
    Schema,
    /// Print a shell completion script.
    Completions {
        /// The shell to complete in.
        #[arg(value_enum)]
        shell: shell::Shell,
    },
    /// Print the manual page (roff), e.g. `hirewiz man > hirewiz.1`.
    Man,
}

/// Report formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Plain text; the first line reads `Recommendation: <name>`.
    Text,
    /// JSON for scripts; field order is fixed.
    Json,
    /// A Markdown memo.
    Markdown,
}

/// A failure with its exit code, printed once by the binary. The front ends' own errors
/// ([`crate::tui::Error`], [`crate::plain::PlainError`]) map into it here.
#[derive(Debug)]
pub struct Failure {
    /// Exit code.
    pub code: i32,
    /// What to print on standard error.
    pub message: String,
}

impl Failure {
    /// A bad-input failure (exit 2).
    pub fn bad_input(message: impl Into<String>) -> Self {
        Failure {
            code: exit::BAD_INPUT,
            message: message.into(),
        }
    }
}

impl From<LoadError> for Failure {
    fn from(e: LoadError) -> Self {
        Failure::bad_input(match e {
            LoadError::Io { .. } => format!("cannot read pack: {e}"),
            LoadError::Invalid(_) => {
                format!("{e}\nthe pack is invalid; run `hirewiz check` on it for details")
            }
        })
    }
}

/// How plain mode's stopping reasons leave the program: input that ended early and a
/// session that cannot be used are bad input (2), output closed by the reader (`| head`)
/// is no failure, the rest is 1.
impl From<crate::plain::PlainError> for Failure {
    fn from(e: crate::plain::PlainError) -> Self {
        use crate::plain::PlainError;
        match e {
            PlainError::InputEnded { .. } => Failure::bad_input(e.to_string()),
            PlainError::Session(s) => s.into(),
            // Its message, with where the answers are, was printed on the way out.
            PlainError::Unsaved => Failure {
                code: exit::FAILURE,
                message: String::new(),
            },
            PlainError::Write(ref w) if w.kind() == std::io::ErrorKind::BrokenPipe => Failure {
                code: exit::OK,
                message: String::new(),
            },
            _ => Failure {
                code: exit::FAILURE,
                message: e.to_string(),
            },
        }
    }
}

/// How the terminal wizard's failures leave the program: no terminal and a session that
/// cannot be used are bad input (2), a terminal that failed is 1.
impl From<crate::tui::Error> for Failure {
    fn from(e: crate::tui::Error) -> Self {
        use crate::tui::Error;
        match e {
            Error::NotATerminal => Failure::bad_input(e.to_string()),
            Error::Session(s) => s.into(),
            Error::Terminal(_) => Failure {
                code: exit::FAILURE,
                message: e.to_string(),
            },
            // Its message, with where the answers are, was printed on the way out.
            Error::Unsaved => Failure {
                code: exit::FAILURE,
                message: String::new(),
            },
        }
    }
}

impl From<AnswersError> for Failure {
    fn from(e: AnswersError) -> Self {
        Failure::bad_input(match e {
            AnswersError::Io { .. } => format!("cannot read answers: {e}"),
            AnswersError::Invalid(_) => e.to_string(),
        })
    }
}

/// Load the pack named on the command line, or the built-in one.
pub fn load_pack(choice: PackChoice) -> Result<Arc<Pack>, Failure> {
    Ok(Arc::new(choice.load()?))
}

/// Write `text` to standard output (see [`crate::out::print`]), as a failure to report.
pub fn print(text: &str) -> Result<(), Failure> {
    crate::out::print(text).map_err(|e| Failure {
        code: exit::FAILURE,
        message: format!("cannot write output: {e}"),
    })
}

/// Build the report for an answers file against a pack, printing its warnings.
pub fn report_for(pack: &Pack, answers_path: &Path) -> Result<Report, Failure> {
    let file = answers::read_path(pack, answers_path)?;
    for w in &file.warnings {
        say_err(&w.to_string());
    }
    let verdict = score::score(pack, &file.answers.effective(pack));
    // From the answers given: exact also for answers to questions not asked now, which a
    // change may bring back.
    Ok(Report::build_from(pack, &file.answers, &verdict))
}

/// Render a report in a format.
pub fn render(r: &Report, format: Format) -> String {
    match format {
        Format::Text => report::text::render(r),
        Format::Json => report::json::render(r),
        Format::Markdown => report::markdown::render(r),
    }
}

/// `hirewiz recommend`: the last thing the process does, so the pack and report it
/// makes are left for the system to take back (not freed one by one).
pub fn recommend(pack: PackChoice, answers: &Path, format: Format) -> Result<(), Failure> {
    let pack = load_pack(pack)?;
    let r = report_for(&pack, answers)?;
    let text = render(&r, format);
    let printed = print(&text);
    // The process ends here: the system takes the pack, the report and its text back
    // whole, which costs nothing, where freeing them piece by piece costs a tenth of the
    // run (and freeing the text, the last thing made, hands its memory back to the
    // system only to end).
    std::mem::forget((pack, r, text));
    printed
}

/// `hirewiz check`: print every problem, or a summary of a sound pack.
pub fn check(choice: PackChoice) -> Result<(), Failure> {
    let path = choice.path;
    match choice.load() {
        Ok(p) => {
            let mut out = String::new();
            let warnings = p.lint();
            for w in &warnings {
                out.push_str(&format!("{w}\n"));
            }
            // The built-in pack is no file in the user's folder: it is named as what it is.
            let name = path.map_or("the built-in pack".to_string(), |p| p.display().to_string());
            let proof = crate::prove::prove(&p);
            out.push_str(&crate::prove::words(&p, &proof));
            if !proof.failures.is_empty() || proof.unchecked.is_some() {
                print(&out)?;
                return Err(Failure {
                    code: exit::FAILURE,
                    message: "the pack does not meet its expectations".to_string(),
                });
            }
            out.push_str(&format!(
                "{name}: ok: pack `{}` {}: {} candidates, {} questions in {} sections, {} rules{}\n",
                p.meta().id,
                p.meta().version,
                p.candidates().len(),
                p.questions().len(),
                p.sections().len(),
                p.rules().len(),
                match warnings.len() {
                    0 => String::new(),
                    1 => ", 1 warning".to_string(),
                    n => format!(", {n} warnings"),
                }
            ));
            print(&out)
        }
        Err(LoadError::Invalid(diags)) => {
            let errors = diags
                .iter()
                .filter(|d| d.severity == crate::diag::Severity::Error)
                .count();
            let mut out: String = diags.iter().map(|d| format!("{d}\n")).collect();
            out.push_str(&format!(
                "{} problem{} found\n",
                errors,
                if errors == 1 { "" } else { "s" }
            ));
            print(&out)?;
            Err(Failure {
                code: exit::BAD_INPUT,
                message: String::new(),
            })
        }
        Err(e @ LoadError::Io { .. }) => Err(Failure::bad_input(format!("cannot read pack: {e}"))),
    }
}
