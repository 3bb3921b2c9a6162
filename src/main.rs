//! The `hirewiz` binary: parse the command line, run a mode, print any error once and
//! exit with its code.

use clap::Parser;
use hirewiz::cli::{self, Cli, Command, Failure, exit};

fn main() {
    let cli = Cli::parse();
    let result = match &cli.command {
        Some(Command::Recommend { answers, format }) => {
            cli::recommend(cli.pack.as_deref(), answers, *format)
        }
        Some(Command::Check { path }) => cli::check(path.as_deref().or(cli.pack.as_deref())),
        Some(Command::Schema) => cli::print(&hirewiz::pack::schema::json()),
        Some(Command::Completions { shell }) => cli::print(&hirewiz::shell::completions(*shell)),
        Some(Command::Man) => cli::print(&hirewiz::shell::man()),
        None if hirewiz::plain::wanted(cli.plain) => plain(&cli),
        None => wizard(&cli),
    };
    let code = match result {
        Ok(()) => exit::OK,
        Err(Failure { code, message }) => {
            if !message.is_empty() {
                eprintln!("hirewiz: {message}");
            }
            code
        }
    };
    std::process::exit(code);
}

/// The interactive wizard. Until the terminal screens are wired in, show the
/// recommendation for the pack's default answers.
fn wizard(cli: &Cli) -> Result<(), Failure> {
    let pack = cli::load_pack(cli.pack.as_deref())?;
    let effective = hirewiz::answers::Answers::new(pack.questions.len()).effective(&pack);
    let verdict = hirewiz::score::score(&pack, &effective);
    let report = hirewiz::report::Report::build(&pack, &effective, &verdict);
    cli::print(&cli::render(&report, cli::Format::Text))
}

/// The wizard as plain numbered prompts (see [`hirewiz::plain`]).
fn plain(cli: &Cli) -> Result<(), Failure> {
    let pack = cli::load_pack(cli.pack.as_deref())?;
    hirewiz::plain::run_stdio(pack, &mut |_, _| {}).map(|_| ())
}
