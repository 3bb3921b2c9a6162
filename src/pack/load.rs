//! Finding and reading a pack's files: one file and its imports, a folder, or the
//! default pack compiled into the binary.

use super::Pack;
use super::raw::PackFile;
use super::resolve::{self, resolve};
use crate::diag::{Diagnostic, Diagnostics};
use crate::yaml::de::Lenient;
use crate::yaml::{self, Limits, Pos};
use std::path::{Component, Path, PathBuf};

/// The name of the default pack's main file, as shown in messages.
pub const DEFAULT_PACK_NAME: &str = "questions/backend-hiring.yaml";

/// The default pack's files, compiled into the binary so that it works from any folder.
pub(super) const EMBEDDED: &[(&str, &str)] = &[
    (
        DEFAULT_PACK_NAME,
        include_str!("../../questions/backend-hiring.yaml"),
    ),
    (
        "questions/advice.yaml",
        include_str!("../../questions/advice.yaml"),
    ),
    ("assets/rates.yaml", include_str!("../../assets/rates.yaml")),
    (
        "questions/expectations.yaml",
        include_str!("../../questions/expectations.yaml"),
    ),
];

/// Most files one pack may be made of, imports included.
const MAX_FILES: usize = 64;

/// Why a pack could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum LoadError {
    /// A file could not be read at all.
    #[error("{path}: {message}")]
    Io {
        /// The file as named.
        path: String,
        /// What went wrong.
        message: String,
    },
    /// The files were read but hold problems, every one listed.
    #[error("{}", render(.0))]
    Invalid(Vec<Diagnostic>),
}

fn render(d: &[Diagnostic]) -> String {
    d.iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

/// Read the default pack from its texts compiled into the binary, as any pack is read.
/// [`super::load_default`] gives the same pack without parsing.
pub fn parse_default() -> Result<Pack, LoadError> {
    gather(vec![PathBuf::from(DEFAULT_PACK_NAME)], &|p: &Path| {
        let name = display(p);
        EMBEDDED
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| t.as_bytes().to_vec())
            .ok_or_else(|| "no such file in the default pack".to_string())
    })
}

/// Load a pack from a file (and the files it imports) or a folder (every `.yaml` and
/// `.yml` file directly in it, in name order, and their imports).
pub fn load_path(path: &Path) -> Result<Pack, LoadError> {
    let roots = if path.is_dir() {
        let entries = std::fs::read_dir(path).map_err(|e| io(path, &e))?;
        let mut files: Vec<PathBuf> = entries
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
            .collect();
        files.sort();
        if files.is_empty() {
            return Err(LoadError::Io {
                path: display(path),
                message: "the folder holds no .yaml files".into(),
            });
        }
        files
    } else {
        vec![path.to_path_buf()]
    };
    gather(roots, &|p: &Path| yaml::read_file(p, &Limits::default()))
}

/// Load a pack from texts already in memory, as (name, text) pairs; imports are not
/// followed. Useful for tests, benchmarks and generated packs.
pub fn load_texts(files: &[(String, String)]) -> Result<Pack, LoadError> {
    let (mut d, mut content) = (Diagnostics::default(), Diagnostics::default());
    let mut docs = Vec::new();
    let texts: Vec<&str> = files.iter().map(|(_, t)| t.as_str()).collect();
    for ((name, _), result) in files
        .iter()
        .zip(yaml::parse_all(&texts, &Limits::default()))
    {
        match result {
            Ok(node) => docs.push((name.clone(), resolve::read(name, &node, &mut content))),
            Err(e) => {
                d.set_file(name.clone());
                d.yaml(&e);
            }
        }
    }
    finish(docs, files.to_vec(), d, content)
}

/// Resolve the files read. `d` holds the problems of finding and parsing them, `content`
/// those of what they say.
fn finish(
    docs: Vec<(String, Option<PackFile>)>,
    sources: Vec<(String, String)>,
    d: Diagnostics,
    content: Diagnostics,
) -> Result<Pack, LoadError> {
    if d.has_errors() {
        // Report syntax problems, and whatever the files that did parse hold too.
        let mut all = d.into_sorted();
        if !docs.is_empty()
            && let Err(more) = resolve(&docs, content)
        {
            all.extend(more.into_sorted());
        }
        return Err(LoadError::Invalid(all));
    }
    let mut pack = resolve(&docs, content).map_err(|d| LoadError::Invalid(d.into_sorted()))?;
    pack.warnings.extend(direction_controls(&sources));
    pack.sources = sources;
    Ok(pack)
}

/// A warning at every bidirectional override or isolate in the pack's text: one can make
/// a prompt or a reason read differently from what it says (it is shown escaped on every
/// output, but the author should know it is there).
fn direction_controls(sources: &[(String, String)]) -> Vec<crate::diag::Diagnostic> {
    let mut found = Vec::new();
    for (name, text) in sources {
        let mut d = Diagnostics::new(name.clone());
        for (i, line) in text.lines().enumerate() {
            let chars: Vec<char> = line.chars().collect();
            for (col, &c) in chars.iter().enumerate() {
                // Written as itself, or as a double-quoted string's `\u202E` escape.
                let escaped = (c == '\\' && chars.get(col + 1) == Some(&'u'))
                    .then(|| chars.get(col + 2..col + 6))
                    .flatten()
                    .and_then(|hex| u32::from_str_radix(&hex.iter().collect::<String>(), 16).ok())
                    .and_then(char::from_u32);
                let c = escaped.unwrap_or(c);
                if crate::escape::is_bidi_control(c) {
                    d.warning(
                        Pos {
                            line: u32::try_from(i + 1).unwrap_or(u32::MAX),
                            col: u32::try_from(col + 1).unwrap_or(u32::MAX),
                        },
                        format!(
                            "a bidirectional control character (U+{:04X}) can make this text \
                             read differently from what it holds; it is shown escaped",
                            c as u32
                        ),
                    );
                }
            }
        }
        found.extend(d.into_sorted());
    }
    found
}

type Reader<'a> = &'a dyn Fn(&Path) -> Result<Vec<u8>, String>;

/// Read the root files and, breadth first, everything they import.
fn gather(roots: Vec<PathBuf>, read: Reader) -> Result<Pack, LoadError> {
    let mut wave: Vec<(PathBuf, Option<(String, Pos)>)> =
        roots.into_iter().map(|p| (normalize(&p), None)).collect();
    let mut seen: Vec<PathBuf> = Vec::new();
    let mut docs: Vec<(String, Option<PackFile>)> = Vec::new();
    let mut sources: Vec<(String, String)> = Vec::new();
    let (mut d, mut content) = (Diagnostics::default(), Diagnostics::default());
    // Files are read in waves: the roots, then what they import, and so on.
    while !wave.is_empty() {
        let mut texts: Vec<(PathBuf, String, String)> = Vec::new();
        for (path, from) in std::mem::take(&mut wave) {
            if seen.contains(&path) {
                continue;
            }
            seen.push(path.clone());
            let name = display(&path);
            if seen.len() > MAX_FILES {
                return Err(LoadError::Io {
                    path: name,
                    message: format!("a pack may be made of at most {MAX_FILES} files"),
                });
            }
            let bytes = match read(&path) {
                Ok(b) => b,
                Err(message) => match from {
                    // A missing import is a problem in the importing file.
                    Some((file, pos)) => {
                        d.set_file(file);
                        d.error(pos, format!("cannot import `{name}`: {message}"));
                        continue;
                    }
                    None => {
                        return Err(LoadError::Io {
                            path: name,
                            message,
                        });
                    }
                },
            };
            match yaml::check_text(&bytes, &Limits::default()) {
                Ok(text) => texts.push((path, name, text.to_string())),
                Err(e) => {
                    d.set_file(name);
                    d.yaml(&e);
                }
            }
        }
        let parsed = yaml::parse_all(
            &texts.iter().map(|(_, _, t)| t.as_str()).collect::<Vec<_>>(),
            &Limits::default(),
        );
        for ((path, name, text), result) in texts.into_iter().zip(parsed) {
            d.set_file(name.clone());
            let node = match result {
                Ok(n) => n,
                Err(e) => {
                    d.yaml(&e);
                    continue;
                }
            };
            let file = resolve::read(&name, &node, &mut content);
            let imports = file.as_ref().and_then(|f| f.imports.as_given());
            for target in imports
                .iter()
                .flat_map(|i| &i.0)
                .filter_map(Lenient::as_given)
            {
                let base = path.parent().unwrap_or(Path::new(""));
                let from = Some((name.clone(), target.pos));
                wave.push((normalize(&base.join(&target.value.0)), from));
            }
            sources.push((name.clone(), text));
            docs.push((name, file));
        }
    }
    finish(docs, sources, d, content)
}

/// Lexically tidy a path (`a/./b/../c` to `a/c`) so that one file is read once.
fn normalize(p: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in p.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                if !out.pop() {
                    out.push("..");
                }
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

fn display(p: &Path) -> String {
    p.to_string_lossy().replace('\\', "/")
}

fn io(p: &Path, e: &std::io::Error) -> LoadError {
    LoadError::Io {
        path: display(p),
        message: yaml::io_message(e),
    }
}
