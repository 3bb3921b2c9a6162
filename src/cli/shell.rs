//! Shell integration: completion scripts and the manual page, both generated from the
//! same [`Cli`] definition that parses the command line, so they cannot drift from it.

use super::Cli;
use clap::{CommandFactory, ValueEnum};

/// The shells a completion script can be printed for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Shell {
    /// GNU Bash.
    Bash,
    /// Z shell.
    Zsh,
    /// fish.
    Fish,
}

/// The completion script for `shell`. Built in memory (the generator gives up on a
/// failed write by panicking), then printed by the caller.
pub fn completions(shell: Shell) -> String {
    let mut cmd = Cli::command();
    let name = cmd.get_name().to_string();
    let shell = match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
    };
    let mut out = Vec::new();
    clap_complete::generate(shell, &mut cmd, name, &mut out);
    String::from_utf8_lossy(&out).into_owned()
}

/// The manual page, in roff. The exit codes of `--help` get an EXIT STATUS section of
/// their own, read from the same text so that the two cannot disagree.
pub fn man() -> String {
    let cmd = Cli::command();
    let exit_codes = cmd
        .get_after_help()
        .map(|h| h.to_string())
        .unwrap_or_default();
    let man = clap_mangen::Man::new(cmd.clone().after_help(None::<&str>));
    let mut out = Vec::new();
    // Writing into memory cannot fail.
    let _ = man.render_title(&mut out);
    let _ = man.render_name_section(&mut out);
    let _ = man.render_synopsis_section(&mut out);
    let _ = man.render_description_section(&mut out);
    let _ = man.render_options_section(&mut out);
    let mut text = String::from_utf8_lossy(&out).into_owned();
    text.push_str(&commands(&cmd));
    text.push_str(&keys());
    text.push_str(ENVIRONMENT_AND_FILES);
    text.push_str(&exit_status(&exit_codes));
    let mut out = Vec::new();
    let _ = man.render_version_section(&mut out);
    text.push_str(&String::from_utf8_lossy(&out));
    text
}

/// The COMMANDS section: each command with its arguments and what it does, on this
/// page (there is no page per command to point to).
fn commands(cmd: &clap::Command) -> String {
    let mut s = String::from(".SH COMMANDS\n");
    for sub in cmd.get_subcommands().filter(|c| c.get_name() != "help") {
        let args: Vec<String> = sub
            .get_positionals()
            .map(|a| {
                let name = a.get_id().as_str().to_uppercase();
                if a.is_required_set() {
                    name
                } else {
                    format!("[{name}]")
                }
            })
            .collect();
        let flags: Vec<String> = sub
            .get_arguments()
            .filter(|a| !a.is_global_set() && !a.is_positional())
            .filter_map(|a| {
                let long = a.get_long()?;
                let flag = match a.get_value_names() {
                    Some([value, ..]) if a.get_action().takes_values() => {
                        format!("--{long} {value}")
                    }
                    _ if a.get_action().takes_values() => {
                        format!("--{long} {}", a.get_id().as_str().to_uppercase())
                    }
                    _ => format!("--{long}"),
                };
                Some(if a.is_required_set() {
                    flag
                } else {
                    format!("[{flag}]")
                })
            })
            .collect();
        let mut usage = format!("hirewiz {}", sub.get_name());
        for f in &flags {
            usage.push(' ');
            usage.push_str(f);
        }
        for a in &args {
            usage.push(' ');
            usage.push_str(a);
        }
        let about = sub
            .get_long_about()
            .or(sub.get_about())
            .map(|a| a.to_string())
            .unwrap_or_default();
        s.push_str(&format!(
            ".TP\n\\fB{}\\fR\n{}\n",
            roff(&usage),
            roff(&about)
        ));
    }
    s
}

/// The KEYS section, from the wizard's one key table: each key, what it does, and where.
fn keys() -> String {
    let mut s = String::from(
        ".SH KEYS\nThe wizard is used from the keyboard alone; \\fB?\\fR lists the keys of the screen in view.\n",
    );
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for b in crate::tui::keys::BINDINGS {
        if seen.contains(&(b.label, b.help)) {
            continue;
        }
        seen.push((b.label, b.help));
        let mut places: Vec<&str> = Vec::new();
        for other in crate::tui::keys::BINDINGS
            .iter()
            .filter(|o| o.label == b.label && o.help == b.help)
        {
            for c in other.contexts {
                if !places.contains(&c.name()) {
                    places.push(c.name());
                }
            }
        }
        s.push_str(&format!(
            ".TP\n\\fB{}\\fR\n{} (on: {})\n",
            roff(b.label),
            roff(b.help),
            roff(&places.join(", "))
        ));
    }
    s
}

/// What the wizard reads from its environment and where it keeps its files.
const ENVIRONMENT_AND_FILES: &str = r#".SH ENVIRONMENT
.TP
\fBHIREWIZ_DATA_DIR\fR
The data folder, when \fB\-\-data\-dir\fR is not given; sessions are kept in its \fIsessions\fR folder.
.TP
\fBNO_COLOR\fR
When set and not empty, the screens are drawn without colour: emphasis comes from bold, reverse video and markers.
.TP
\fBTERM\fR
When \fIdumb\fR, the wizard runs in plain mode (numbered prompts, one line at a time).
.SH FILES
.TP
\fI$XDG_DATA_HOME/hirewiz/sessions/\fR (else \fI~/.local/share/hirewiz/sessions/\fR)
One YAML file per session, saved after every answer; \fBhirewiz sessions\fR lists them.
.TP
\fIassets/pack.schema.json\fR
The JSON Schema of the pack format in the source tree, also printed by \fBhirewiz schema\fR.
"#;

/// The EXIT STATUS section from the help's "Exit codes:" list, one tagged paragraph per
/// code; lines indented further continue the code above.
fn exit_status(help: &str) -> String {
    let mut entries: Vec<(String, String)> = Vec::new();
    for line in help.lines().skip(1) {
        let text = line.trim();
        let code: String = text.chars().take_while(char::is_ascii_digit).collect();
        match entries.last_mut() {
            Some((_, words)) if code.is_empty() => {
                words.push(' ');
                words.push_str(text);
            }
            _ if !code.is_empty() => {
                entries.push((code.clone(), text[code.len()..].trim().to_string()))
            }
            _ => {}
        }
    }
    let mut s = String::from(".SH \"EXIT STATUS\"\n");
    for (code, words) in entries {
        s.push_str(&format!(".TP\n\\fB{code}\\fR\n{}\n", roff(&words)));
    }
    s
}

/// Text safe in a roff paragraph: backslashes and hyphens escaped, and no line that
/// starts with a control character.
fn roff(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) {
        format!("\\&{escaped}")
    } else {
        escaped
    }
}
