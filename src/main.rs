//! The `hirewiz` binary: parse the command line, run a mode, print any error once and
//! exit with its code.

use clap::Parser;
use hirewiz::cli::{self, Cli, Command, Failure, exit};
use hirewiz::tui::{Exit, Launch};

fn main() {
    let cli = Cli::try_parse().unwrap_or_else(|e| std::process::exit(parse_failure(&e)));
    let result = match &cli.command {
        Some(Command::Recommend { answers, format }) => {
            cli::recommend(cli.pack_choice(), answers, *format)
        }
        Some(Command::Check { path }) => cli::check(cli::PackChoice {
            path: path.as_deref().or(cli.pack.as_deref()),
            ..cli.pack_choice()
        }),
        Some(Command::Sessions { format }) => {
            cli::sessions::sessions(cli.pack_choice(), cli.data_dir.as_deref(), *format)
        }
        Some(Command::Compare { a, b, format }) => {
            cli::compare::compare(cli.pack_choice(), cli.data_dir.as_deref(), a, b, *format)
        }
        Some(Command::Group {
            members,
            format,
            settle,
        }) => cli::group::group(
            cli.pack_choice(),
            cli.data_dir.as_deref(),
            members,
            *format,
            *settle,
        ),
        Some(Command::Export {
            session,
            format,
            output,
            follow_link,
        }) => cli::sessions::export(
            cli.pack_choice(),
            cli.data_dir.as_deref(),
            session,
            *format,
            output.as_deref().map(|o| (o, *follow_link)),
        ),
        Some(Command::Resume { session }) if hirewiz::plain::wanted(cli.plain) => {
            cli::load_pack(cli.pack_choice()).and_then(|pack| {
                Ok(hirewiz::plain::resume_saving(
                    pack,
                    cli.data_dir.as_deref(),
                    session.as_deref(),
                )?)
            })
        }
        Some(Command::Resume { session }) => wizard(&cli, Launch::Resume(session.clone())),
        Some(Command::Replay { session }) if hirewiz::plain::wanted(cli.plain) => {
            cli::load_pack(cli.pack_choice()).and_then(|pack| {
                Ok(hirewiz::plain::replay_printing(
                    pack,
                    cli.data_dir.as_deref(),
                    session,
                )?)
            })
        }
        Some(Command::Replay { session }) => wizard(&cli, Launch::Replay(session.clone())),
        Some(Command::Schema) => cli::print(&hirewiz::pack::schema::json()),
        Some(Command::Completions { shell }) => cli::print(&cli::shell::completions(*shell)),
        Some(Command::Man) => cli::print(&cli::shell::man()),
        None if hirewiz::plain::wanted(cli.plain) => plain(&cli),
        None => wizard(&cli, Launch::New),
    };
    let code = match result {
        Ok(()) => exit::OK,
        Err(Failure { code, message }) => {
            if !message.is_empty() {
                cli::say_err(&format!("hirewiz: {message}"));
            }
            code
        }
    };
    std::process::exit(code);
}

/// Print what the command line asked for instead of a run (help, the version) or what
/// is wrong with it, and give the exit code: help and the version that cannot be written
/// fail like any other output (1), a command line that does not parse is bad input (2).
fn parse_failure(e: &clap::Error) -> i32 {
    match e.print() {
        Ok(()) => e.exit_code(),
        Err(err) if !e.use_stderr() => {
            cli::say_err(&format!("hirewiz: cannot write output: {err}"));
            exit::FAILURE
        }
        Err(_) => e.exit_code(),
    }
}

/// The interactive wizard in the terminal (see [`hirewiz::tui`]): new, resumed or
/// replayed, as `launch` says.
fn wizard(cli: &Cli, launch: Launch) -> Result<(), Failure> {
    let pack = cli::load_pack(cli.pack_choice())?;
    let options = hirewiz::tui::Options::from_env();
    match hirewiz::tui::run(pack, cli.data_dir.as_deref(), &launch, options)? {
        Exit::Quit => Ok(()),
        Exit::Interrupted => Err(Failure {
            code: exit::ABORTED,
            message: String::new(),
        }),
    }
}

/// The wizard as plain numbered prompts (see [`hirewiz::plain`]).
fn plain(cli: &Cli) -> Result<(), Failure> {
    let pack = cli::load_pack(cli.pack_choice())?;
    Ok(hirewiz::plain::run_saving(pack, cli.data_dir.as_deref())?)
}
