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

/// Read the default pack from its texts compiled into the binary, as any pack is read;
/// [`super::load_default`] gives the same pack without parsing. Its files are read from
/// the binary, never from disk, so its `../assets` import needs no trust in any folder.
pub fn parse_default() -> Result<Pack, LoadError> {
    gather(
        vec![PathBuf::from(DEFAULT_PACK_NAME)],
        true,
        &|p: &Path, _| {
            let name = display(p);
            EMBEDDED
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, t)| t.as_bytes().to_vec())
                .ok_or_else(|| Refusal::new("no such file in the default pack"))
        },
    )
}

/// Where a pack on disk may import files from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Imports {
    /// Only from inside the pack's folder tree (see [`load_path`]).
    #[default]
    InsidePack,
    /// From anywhere the user can read: for packs whose author is trusted.
    Anywhere,
}

/// The command-line flag that lets a pack import from outside its folder, as hints name it.
pub const IMPORTS_OUTSIDE_FLAG: &str = "--allow-outside-imports";

/// Load a pack from a file (and the files it imports) or a folder (every `.yaml` and
/// `.yml` file directly in it, in name order, and their imports).
///
/// Every file but the one named must lie inside the pack's folder tree once links and
/// `..` are resolved: the folder of the named file (the named folder itself), or its
/// parent when that folder is called `questions`, the layout of a pack project with
/// `questions/` beside `assets/`. This keeps a pack from reading, and its errors from
/// quoting, files such as `/etc/shadow`; [`load_path_with`] can lift it.
pub fn load_path(path: &Path) -> Result<Pack, LoadError> {
    load_path_with(path, Imports::InsidePack)
}

/// [`load_path`], with imports allowed as `imports` says.
pub fn load_path_with(path: &Path, imports: Imports) -> Result<Pack, LoadError> {
    let is_dir = path.is_dir();
    let roots = if is_dir {
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
    let inside = match imports {
        Imports::InsidePack => Some(pack_folder(path, is_dir)?),
        Imports::Anywhere => None,
    };
    gather(roots, !is_dir, &|p: &Path, named: bool| {
        let limits = Limits::default();
        match &inside {
            Some(folder) if !named => read_inside(p, folder, &limits),
            _ => yaml::read_file(p, &limits).map_err(Refusal::new),
        }
    })
}

/// The folder a pack's files must stay in, resolved: the folder named, or the folder of
/// the file named; the parent of either when it is called `questions`.
fn pack_folder(path: &Path, is_dir: bool) -> Result<PathBuf, LoadError> {
    let folder = match (is_dir, path.parent()) {
        (true, _) => path,
        (false, Some(p)) if !p.as_os_str().is_empty() => p,
        (false, _) => Path::new("."),
    };
    let folder = std::fs::canonicalize(folder).map_err(|e| io(folder, &e))?;
    Ok(match folder.parent() {
        Some(parent) if folder.file_name().is_some_and(|n| n == "questions") => {
            parent.to_path_buf()
        }
        _ => folder,
    })
}

/// Read a file of a pack only if it lies inside `folder` once resolved. What it is (a
/// missing file, a pipe, a device) is told first, as the flag would not change that;
/// the resolved path is what is read, so the place checked is the place read.
fn read_inside(path: &Path, folder: &Path, limits: &Limits) -> Result<Vec<u8>, Refusal> {
    let meta = std::fs::metadata(path).map_err(|e| Refusal::new(yaml::io_message(&e)))?;
    if let Some(what) = yaml::not_regular(&meta.file_type()) {
        return Err(Refusal::new(what));
    }
    let resolved = std::fs::canonicalize(path).map_err(|e| Refusal::new(yaml::io_message(&e)))?;
    if !resolved.starts_with(folder) {
        let how = if std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink()) {
            "it is a link to a file"
        } else {
            "it is"
        };
        return Err(Refusal {
            message: format!("{how} outside the pack's folder `{}`", display(folder)),
            hint: Some(format!(
                "a pack reads only files in its own folder tree; move the file there, \
                 or pass {IMPORTS_OUTSIDE_FLAG} if you trust the pack"
            )),
        });
    }
    yaml::read_file(&resolved, limits).map_err(Refusal::new)
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
    pack.sources = sources
        .into_iter()
        .map(|(name, text)| (name, text.into()))
        .collect();
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

/// Why a file of a pack was not read, with what might fix it.
struct Refusal {
    message: String,
    hint: Option<String>,
}

impl Refusal {
    fn new(message: impl Into<String>) -> Self {
        Refusal {
            message: message.into(),
            hint: None,
        }
    }
}

/// Reads one file of a pack; the flag is true for the file the user named itself.
type Reader<'a> = &'a dyn Fn(&Path, bool) -> Result<Vec<u8>, Refusal>;

/// Read the root files and, breadth first, everything they import. `named` says that
/// the one root is the file the user named; a folder's files are read like imports, so a
/// link in it cannot lead out either.
fn gather(roots: Vec<PathBuf>, named: bool, read: Reader) -> Result<Pack, LoadError> {
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
            let bytes = match read(&path, named && from.is_none()) {
                Ok(b) => b,
                Err(Refusal { message, hint }) => match from {
                    // A missing import is a problem in the importing file.
                    Some((file, pos)) => {
                        d.set_file(file);
                        let message = format!("cannot import `{name}`: {message}");
                        match hint {
                            Some(h) => d.error_hint(pos, message, h),
                            None => d.error(pos, message),
                        }
                        continue;
                    }
                    None => {
                        let message = match hint {
                            Some(h) => format!("{message}\n    hint: {h}"),
                            None => message,
                        };
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
            // `..` takes back a folder named before it; after the root it stays at the
            // root, and with nothing to take back (or only `..`s) it is kept.
            Component::ParentDir => match out.components().next_back() {
                Some(Component::Normal(_)) => {
                    out.pop();
                }
                Some(Component::RootDir | Component::Prefix(_)) => {}
                _ => out.push(".."),
            },
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

#[cfg(test)]
mod tests {
    use super::normalize;
    use std::path::Path;

    #[test]
    fn a_dot_dot_takes_back_only_a_folder_named_before_it() {
        let cases = [
            ("a/./b/../c", "a/c"),
            ("../../x", "../../x"),
            ("a/../../x", "../x"),
            ("../a/../../x", "../../x"),
            ("/../x", "/x"),
            ("/a/b/../../../x", "/x"),
            ("./a/", "a"),
        ];
        for (path, tidy) in cases {
            assert_eq!(normalize(Path::new(path)), Path::new(tidy), "{path}");
        }
    }
}
