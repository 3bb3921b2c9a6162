//! The one guarded door through which every YAML text enters and leaves hirewiz.
//!
//! Packs, answers files and session files are all read here: the text is size-capped,
//! scanned for runaway nesting and for more values than the budget before any parser
//! sees it (`prescan`), then parsed into a small tree
//! of [`Node`]s that remember their line and column, so that later stages can report
//! every problem at its place. Aliases are expanded against the node budget and a far
//! smaller budget of copies ([`MAX_REPEATED`]), which turns an alias bomb into a prompt
//! error instead of a hang. Typed values are read from that
//! tree ([`de`]), and writing YAML (session files) lives here too, so swapping the
//! YAML library touches this module alone.

pub mod de;
mod flow;
mod prescan;

use compact_str::CompactString;
pub use de::Located;
pub use flow::{Flow, to_flow, values_in};
use saphyr_parser::{Event, Parser, ScalarStyle, Span};
use serde::Serialize;
use std::fmt;

/// Limits applied to every YAML text before and while it is parsed.
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    /// Largest accepted text, in bytes.
    pub max_bytes: usize,
    /// Deepest accepted nesting of sequences and mappings.
    pub max_depth: usize,
    /// Most nodes the tree may hold once aliases are expanded.
    pub max_nodes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_bytes: 16 * 1024 * 1024,
            max_depth: 64,
            max_nodes: 2_000_000,
        }
    }
}

/// A place in a text: 1-based line and column.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Default,
    Hash,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct Pos {
    /// Line, counted from 1.
    pub line: u32,
    /// Column, counted from 1, in characters.
    pub col: u32,
}

impl fmt::Display for Pos {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.line, self.col)
    }
}

/// One parsed YAML value with the place it starts at.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// What the value is.
    pub kind: NodeKind,
    /// Where it starts.
    pub pos: Pos,
}

/// The shape of a [`Node`]. Plain scalars are resolved with the YAML 1.2 core schema.
#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    /// `~`, `null` or nothing.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A whole number that fits in 64 bits.
    Int(i64),
    /// Any other number, including `.inf` and `.nan`.
    Float(f64),
    /// Text (short texts, most keys and ids among them, are kept without an allocation).
    Str(CompactString),
    /// A list.
    Seq(Vec<Node>),
    /// A mapping, in the order written. Keys are unique.
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// The name of this node's type as a person would say it.
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            NodeKind::Null => "nothing",
            NodeKind::Bool(_) => "a yes/no value",
            NodeKind::Int(_) => "a whole number",
            NodeKind::Float(_) => "a decimal number",
            NodeKind::Str(_) => "text",
            NodeKind::Seq(_) => "a list",
            NodeKind::Map(_) => "a mapping",
        }
    }

    /// The text of a string node.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::Str(s) => Some(s),
            _ => None,
        }
    }

    /// The entries of a mapping node.
    pub fn as_map(&self) -> Option<&[(Node, Node)]> {
        match &self.kind {
            NodeKind::Map(m) => Some(m),
            _ => None,
        }
    }

    /// The items of a sequence node.
    pub fn as_seq(&self) -> Option<&[Node]> {
        match &self.kind {
            NodeKind::Seq(s) => Some(s),
            _ => None,
        }
    }

    /// The value under `key` in a mapping node.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.as_map()?
            .iter()
            .find(|(k, _)| k.as_str() == Some(key))
            .map(|(_, v)| v)
    }

    /// The scalar as text, for keys and messages (`None` for lists and mappings).
    pub fn scalar_text(&self) -> Option<String> {
        match &self.kind {
            NodeKind::Null => Some("null".into()),
            NodeKind::Bool(b) => Some(b.to_string()),
            NodeKind::Int(i) => Some(i.to_string()),
            NodeKind::Float(f) => Some(f.to_string()),
            NodeKind::Str(s) => Some(s.to_string()),
            _ => None,
        }
    }
}

/// Why a YAML text was refused.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{message}")]
pub struct YamlError {
    /// Where the problem was found.
    pub pos: Pos,
    /// What is wrong, in words.
    pub message: String,
    /// What might fix it.
    pub hint: Option<String>,
}

impl YamlError {
    fn new(pos: Pos, message: impl Into<String>) -> Self {
        YamlError {
            pos,
            message: message.into(),
            hint: None,
        }
    }
    fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
}

/// Check that raw bytes are an acceptable YAML text and return it as `&str`.
///
/// Refuses texts over the size cap, binary data and invalid UTF-8.
pub fn check_text<'a>(bytes: &'a [u8], limits: &Limits) -> Result<&'a str, YamlError> {
    let start = Pos { line: 1, col: 1 };
    if bytes.len() > limits.max_bytes {
        return Err(YamlError::new(
            start,
            format!(
                "file is too large: {} bytes, the limit is {} bytes",
                bytes.len(),
                limits.max_bytes
            ),
        ));
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let pos = pos_at(bytes, e.valid_up_to());
            return Err(YamlError::new(pos, "file is not UTF-8 text")
                .hint("save the file as UTF-8; binary files cannot be read"));
        }
    };
    let control = |b: u8| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r');
    // Whole blocks first, without an early exit, which the compiler turns into vector
    // instructions; the place is looked for only when there is something to find.
    let clean = bytes
        .chunks(256)
        .all(|block| !block.iter().fold(false, |found, &b| found | control(b)));
    if !clean && let Some(i) = bytes.iter().position(|&b| control(b)) {
        return Err(YamlError::new(
            pos_at(bytes, i),
            "file holds control characters, so it is not a YAML text",
        ));
    }
    Ok(text.strip_prefix('\u{feff}').unwrap_or(text))
}

fn pos_at(bytes: &[u8], index: usize) -> Pos {
    let before = &bytes[..index.min(bytes.len())];
    // Folds without an early exit, which the compiler turns into vector instructions: a
    // place far into a long line (a 15 MB flow list) costs a byte or so a byte.
    let line = before
        .iter()
        .fold(0usize, |n, &b| n + usize::from(b == b'\n'))
        + 1;
    // The line's start: the last block that holds a line break (a word-wide search),
    // then the break in it.
    const BLOCK: usize = 4096;
    let line_start = before
        .rchunks(BLOCK)
        .enumerate()
        .find_map(|(k, block)| {
            if !block.contains(&b'\n') {
                return None;
            }
            let start = before.len() - k * BLOCK - block.len();
            block
                .iter()
                .rposition(|&b| b == b'\n')
                .map(|i| start + i + 1)
        })
        .unwrap_or(0);
    // Characters, not bytes: every byte but a UTF-8 continuation byte starts one. The
    // text before `index` is valid UTF-8 (`check_text` asks only up to the first bad byte).
    let col = before[line_start..]
        .iter()
        .fold(0usize, |n, &b| n + usize::from(b & 0xc0 != 0x80))
        + 1;
    Pos {
        line: line as u32,
        col: col as u32,
    }
}

/// Read a file that will be parsed as YAML, and nothing else: only a regular file is
/// read, and never more than the size cap allows, so a named pipe cannot hang a command
/// and a device such as `/dev/zero` cannot fill memory. Says what went wrong in a few
/// words a person understands.
pub fn read_file(path: &std::path::Path, limits: &Limits) -> Result<Vec<u8>, String> {
    read_bounded(path, limits, false)
}

/// Read at most the first `limits.max_bytes` bytes of a file, with the same checks as
/// [`read_file`]: for a look at the top of a file that may be larger.
pub fn read_head(path: &std::path::Path, limits: &Limits) -> Result<Vec<u8>, String> {
    read_bounded(path, limits, true)
}

fn read_bounded(
    path: &std::path::Path,
    limits: &Limits,
    head_only: bool,
) -> Result<Vec<u8>, String> {
    use std::io::Read;
    // The kind is checked before opening, since opening a named pipe waits for a
    // writer, and again on the opened handle, in case the path changed in between.
    let meta = std::fs::metadata(path).map_err(|e| io_message(&e))?;
    if let Some(what) = not_regular(&meta.file_type()) {
        return Err(what);
    }
    let file = open_no_wait(path).map_err(|e| io_message(&e))?;
    let meta = file.metadata().map_err(|e| io_message(&e))?;
    if let Some(what) = not_regular(&meta.file_type()) {
        return Err(what);
    }
    let too_large = |size: String| {
        format!(
            "file is too large: {size} bytes, the limit is {} bytes",
            limits.max_bytes
        )
    };
    if meta.len() > limits.max_bytes as u64 && !head_only {
        return Err(too_large(meta.len().to_string()));
    }
    // The length can change after it was read: never read more than one byte past the cap.
    let cap = limits.max_bytes as u64 + u64::from(!head_only);
    let mut bytes = Vec::with_capacity(meta.len().min(cap) as usize);
    file.take(cap)
        .read_to_end(&mut bytes)
        .map_err(|e| io_message(&e))?;
    if bytes.len() > limits.max_bytes {
        return Err(too_large(format!("more than {}", limits.max_bytes)));
    }
    Ok(bytes)
}

/// What a path is when it is not a regular file, in words; `None` for a regular file.
pub fn not_regular(kind: &std::fs::FileType) -> Option<String> {
    #[cfg(unix)]
    use std::os::unix::fs::FileTypeExt;
    let what = if kind.is_file() {
        return None;
    } else if kind.is_dir() {
        "is a folder, not a file"
    } else {
        #[cfg(unix)]
        {
            if kind.is_fifo() {
                "is a named pipe, not a regular file"
            } else if kind.is_socket() {
                "is a socket, not a regular file"
            } else if kind.is_char_device() || kind.is_block_device() {
                "is a device, not a regular file"
            } else {
                "is not a regular file"
            }
        }
        #[cfg(not(unix))]
        "is not a regular file"
    };
    Some(what.into())
}

/// Open for reading without waiting: a named pipe put in place after the kind was
/// checked opens at once instead of blocking until something writes to it.
fn open_no_wait(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    options.open(path)
}

/// An I/O error in words: "no such file", "permission denied", or the system's own.
pub fn io_message(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

/// Parse a YAML text into a tree of located nodes, within `limits`.
///
/// An empty document (only comments or blank lines) is an error, as is a stream with
/// more than one document.
pub fn parse(text: &str, limits: &Limits) -> Result<Node, YamlError> {
    check_text(text.as_bytes(), limits)?;
    prescan::prescan(text, limits)?;
    build(text, limits)
}

/// Build the tree from the parser's events, counting every value against the budget as
/// it arrives.
fn build(text: &str, limits: &Limits) -> Result<Node, YamlError> {
    let mut builder = Builder {
        limits: *limits,
        anchors: std::collections::HashMap::new(),
        nodes: 0,
        repeated: 0,
        defined: 0,
    };
    let mut parser = Parser::new_from_str(text);
    let mut docs: Vec<Node> = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    // Finished nodes waiting for the list or mapping they belong to; each container takes
    // its children from here when it ends, so it is allocated once, at its final size.
    let mut waiting: Vec<Node> = Vec::new();
    loop {
        let (event, span) = match parser.next_event() {
            None => break,
            Some(Ok(ev)) => ev,
            Some(Err(e)) => {
                let m = e.marker();
                let at = Pos {
                    line: m.line() as u32,
                    col: m.col() as u32 + 1,
                };
                return Err(match unclosed_flow(text, &stack, at) {
                    Some((open, bracket)) => {
                        let close = if bracket == '[' { ']' } else { '}' };
                        YamlError::new(
                            open,
                            format!(
                                "YAML syntax error: this `{bracket}` is not closed on its line, \
                                 and the text cannot be read on from {}:{} ({})",
                                at.line,
                                at.col,
                                e.info()
                            ),
                        )
                        .hint(format!(
                            "close it with `{close}` on the same line, or write the items one a line"
                        ))
                    }
                    None => YamlError::new(at, format!("YAML syntax error: {}", e.info())),
                });
            }
        };
        let pos = span_pos(&span);
        let done: Option<(Node, usize)> = match event {
            // Refused as it starts, before a large second document is read at all.
            Event::DocumentStart(_) if !docs.is_empty() => return Err(second_document(pos)),
            Event::StreamStart | Event::DocumentStart(_) | Event::Nothing => None,
            Event::DocumentEnd => None,
            Event::StreamEnd => break,
            Event::Alias(id) => {
                let node = builder.resolve_alias(id, pos)?;
                Some((node, 0))
            }
            Event::Scalar(value, style, anchor, tag) => {
                let tagged_str = tag.as_ref().is_some_and(|t| t.suffix.ends_with("str"));
                let kind = if style == ScalarStyle::Plain && !tagged_str {
                    resolve_plain(value)
                } else {
                    NodeKind::Str(CompactString::from(value))
                };
                builder.count(pos, 1)?;
                Some((Node { kind, pos }, anchor))
            }
            Event::SequenceStart(anchor, _) | Event::MappingStart(anchor, _) => {
                builder.count(pos, 1)?;
                if stack.len() >= builder.limits.max_depth {
                    return Err(too_deep(pos, builder.limits.max_depth));
                }
                stack.push(Open {
                    is_map: matches!(event, Event::MappingStart(..)),
                    pos,
                    anchor,
                    start: waiting.len(),
                    merges: Vec::new(),
                    keys: None,
                });
                None
            }
            Event::SequenceEnd | Event::MappingEnd => {
                let open = stack
                    .pop()
                    .ok_or_else(|| YamlError::new(pos, "YAML syntax error: unbalanced end"))?;
                let anchor = open.anchor;
                Some((open.close(&mut waiting)?, anchor))
            }
        };
        let Some((node, anchor)) = done else {
            continue;
        };
        if anchor > 0 {
            builder.define(anchor, &node)?;
        }
        let Some(open) = stack.last_mut() else {
            if !docs.is_empty() {
                return Err(second_document(node.pos));
            }
            docs.push(node);
            continue;
        };
        open.add(&mut waiting, node)?;
    }
    match docs.pop() {
        Some(doc) if doc.kind != NodeKind::Null => Ok(doc),
        _ => Err(YamlError::new(Pos { line: 1, col: 1 }, "file is empty")
            .hint("write a YAML mapping; see the README for the format")),
    }
}

/// Parse several texts; results come back in the order of `texts`.
pub fn parse_all(texts: &[&str], limits: &Limits) -> Vec<Result<Node, YamlError>> {
    texts.iter().map(|t| parse(t, limits)).collect()
}

/// A list or mapping still being read. Its finished children wait on the parser's
/// shared stack, from `start` on; a mapping's alternate key, value, key, value.
struct Open {
    is_map: bool,
    pos: Pos,
    anchor: usize,
    start: usize,
    /// Mappings named by `<<` keys, merged when the mapping ends.
    merges: Vec<Node>,
    /// Keys seen so far, once the mapping is large enough for a linear scan to hurt.
    keys: Option<std::collections::HashMap<KeyId, u32>>,
}

/// Mappings up to this size are checked for duplicate keys by a scan.
const SCAN_KEYS: usize = 16;

impl Open {
    /// Take a finished child: a list item, or a mapping's key or value.
    fn add(&mut self, waiting: &mut Vec<Node>, node: Node) -> Result<(), YamlError> {
        let held = waiting.len() - self.start;
        if !self.is_map {
            waiting.push(node);
            return Ok(());
        }
        if held % 2 == 0 {
            if matches!(node.kind, NodeKind::Seq(_) | NodeKind::Map(_)) {
                return Err(YamlError::new(
                    node.pos,
                    "a mapping key must be plain text, not a list or mapping",
                ));
            }
            waiting.push(node);
            return Ok(());
        }
        // A value: its key is the last node waiting.
        let (earlier, key) = waiting[self.start..].split_at(held - 1);
        let key = &key[0];
        if key.as_str() == Some("<<") {
            waiting.pop();
            self.merges.push(node);
            return Ok(());
        }
        let first_line = if earlier.len() < 2 * SCAN_KEYS {
            earlier
                .iter()
                .step_by(2)
                .find(|k| k.kind == key.kind)
                .map(|k| k.pos.line)
        } else {
            let keys = self.keys.get_or_insert_with(|| {
                earlier
                    .iter()
                    .step_by(2)
                    .map(|k| (key_text(k), k.pos.line))
                    .collect()
            });
            match keys.entry(key_text(key)) {
                std::collections::hash_map::Entry::Occupied(e) => Some(*e.get()),
                std::collections::hash_map::Entry::Vacant(v) => {
                    v.insert(key.pos.line);
                    None
                }
            }
        };
        if let Some(line) = first_line {
            return Err(YamlError::new(
                key.pos,
                format!(
                    "duplicate key `{}` (first given at line {line})",
                    key.scalar_text().unwrap_or_default()
                ),
            ));
        }
        waiting.push(node);
        Ok(())
    }

    /// The finished list or mapping, made of the children waiting since it opened.
    fn close(self, waiting: &mut Vec<Node>) -> Result<Node, YamlError> {
        let held = waiting.len() - self.start;
        let kind = if self.is_map {
            if held % 2 == 1 {
                let key = waiting.last().map_or(self.pos, |k| k.pos);
                return Err(YamlError::new(key, "mapping key without a value"));
            }
            let mut entries = Vec::with_capacity(held / 2);
            let mut children = waiting.drain(self.start..);
            while let (Some(k), Some(v)) = (children.next(), children.next()) {
                entries.push((k, v));
            }
            drop(children);
            // Merged keys (`<<: *base`) fill in what the mapping does not say itself.
            for m in self.merges {
                merge_into(&mut entries, m)?;
            }
            NodeKind::Map(entries)
        } else {
            NodeKind::Seq(waiting.drain(self.start..).collect())
        };
        Ok(Node {
            kind,
            pos: self.pos,
        })
    }
}

fn second_document(pos: Pos) -> YamlError {
    YamlError::new(pos, "the file holds more than one YAML document")
        .hint("remove the `---` separator and keep a single document")
}

/// A key's identity for duplicate detection: its type and value (`1` and `"1"` differ,
/// as do `1` and `1.0`). Made without formatting: a large mapping makes one per key,
/// and short texts are kept inline.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum KeyId {
    Null,
    Bool(bool),
    Int(i64),
    /// A decimal by its bits, every NaN alike.
    Float(u64),
    Str(CompactString),
    /// A list or mapping as a key: every list alike, every mapping alike.
    Other(&'static str),
}

fn key_text(k: &Node) -> KeyId {
    match &k.kind {
        NodeKind::Null => KeyId::Null,
        NodeKind::Bool(b) => KeyId::Bool(*b),
        NodeKind::Int(i) => KeyId::Int(*i),
        NodeKind::Float(f) if f.is_nan() => KeyId::Float(f64::NAN.to_bits()),
        NodeKind::Float(f) => KeyId::Float(f.to_bits()),
        NodeKind::Str(s) => KeyId::Str(s.clone()),
        NodeKind::Seq(_) | NodeKind::Map(_) => KeyId::Other(k.type_name()),
    }
}

fn too_deep(pos: Pos, max: usize) -> YamlError {
    YamlError::new(pos, format!("nesting is deeper than {max} levels"))
        .hint("packs, answers and sessions never need deep nesting")
}

/// `<<: *base` merges a mapping's entries into the one being built, keys written
/// explicitly winning.
fn merge_into(entries: &mut Vec<(Node, Node)>, node: Node) -> Result<(), YamlError> {
    let pos = node.pos;
    let sources = match node.kind {
        NodeKind::Map(m) => vec![m],
        NodeKind::Seq(items) => items
            .into_iter()
            .map(|n| match n.kind {
                NodeKind::Map(m) => Ok(m),
                _ => Err(YamlError::new(n.pos, "`<<` merges only mappings")),
            })
            .collect::<Result<_, _>>()?,
        _ => return Err(YamlError::new(pos, "`<<` merges only mappings")),
    };
    // An index of the keys present, so that merging is linear in the keys merged.
    let mut present: std::collections::HashSet<KeyId> =
        entries.iter().map(|(k, _)| key_text(k)).collect();
    for map in sources {
        for (k, v) in map {
            if present.insert(key_text(&k)) {
                entries.push((k, v));
            }
        }
    }
    Ok(())
}

/// Where a syntax error found at `at` most likely began: the innermost list or mapping
/// still open there that was written in brackets, opened on an earlier line, and not
/// closed on its own line (`drivers: [greenfield` with the `]` forgotten), with its
/// bracket. The parser only stops where the text no longer fits, lines later.
fn unclosed_flow(text: &str, stack: &[Open], at: Pos) -> Option<(Pos, char)> {
    stack.iter().rev().find_map(|open| {
        if open.pos.line >= at.line {
            return None;
        }
        let line = text.lines().nth(open.pos.line as usize - 1)?;
        let mut rest = line.chars().skip(open.pos.col as usize - 1);
        let bracket = rest.next().filter(|c| matches!(c, '[' | '{'))?;
        let (mut depth, mut quote, mut after_space) = (1usize, None::<char>, false);
        for c in rest {
            let spaced = std::mem::replace(&mut after_space, c == ' ' || c == '\t');
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '\'' | '"') => quote = Some(c),
                (None, '[' | '{') => depth += 1,
                (None, ']' | '}') => {
                    depth -= 1;
                    if depth == 0 {
                        return None;
                    }
                }
                (None, '#') if spaced => break,
                _ => {}
            }
        }
        Some((open.pos, bracket))
    })
}

fn span_pos(span: &Span) -> Pos {
    Pos {
        line: span.start.line() as u32,
        col: span.start.col() as u32 + 1,
    }
}

/// Most values that anchors and aliases may copy in all, far below the node budget: an
/// anchor keeps a copy of the values inside what it names, and each alias copies all of
/// it again. Packs name a few small conditions; a text that repeats more than this is
/// an alias bomb, refused after a few milliseconds of copying instead of a hundred.
pub const MAX_REPEATED: usize = 200_000;

/// Most anchors (`&name`) a text may define. Packs name a few shared conditions; a text
/// of hundreds of thousands is refused as it reaches this many, before the parser has
/// read the rest of it.
pub const MAX_ANCHORS: usize = 10_000;

struct Builder {
    limits: Limits,
    /// Each anchor's node and how many values it holds, so that an alias is counted
    /// against the budget before it is copied.
    anchors: std::collections::HashMap<usize, (Node, usize)>,
    nodes: usize,
    /// Values copied for anchors and aliases, against [`MAX_REPEATED`].
    repeated: usize,
    /// Anchors defined so far, against [`MAX_ANCHORS`].
    defined: usize,
}

impl Builder {
    fn count(&mut self, pos: Pos, n: usize) -> Result<(), YamlError> {
        self.nodes = self.nodes.saturating_add(n);
        if self.nodes > self.limits.max_nodes {
            return Err(self.too_many(pos));
        }
        Ok(())
    }

    fn too_many(&self, pos: Pos) -> YamlError {
        YamlError::new(
            pos,
            format!(
                "the document expands to more than {} values",
                self.limits.max_nodes
            ),
        )
        .hint("aliases (`*name`) that repeat large parts are refused")
    }

    /// The values copied once `n` more are, or the refusal if that is over
    /// [`MAX_REPEATED`]; counted before anything is copied.
    fn repeated_with(&self, pos: Pos, n: usize) -> Result<usize, YamlError> {
        let repeated = self.repeated.saturating_add(n);
        if repeated > MAX_REPEATED {
            return Err(YamlError::new(
                pos,
                format!("anchors and aliases repeat more than {MAX_REPEATED} values"),
            )
            .hint(
                "an alias (`*name`) copies all that its anchor names; \
                 repeating large parts is refused",
            ));
        }
        Ok(repeated)
    }

    fn define(&mut self, id: usize, node: &Node) -> Result<(), YamlError> {
        self.defined += 1;
        if self.defined > MAX_ANCHORS {
            return Err(YamlError::new(
                node.pos,
                format!("the text defines more than {MAX_ANCHORS} anchors"),
            )
            .hint("anchors (`&name`) are for naming a few parts to repeat"));
        }
        let size = node_count(node);
        // The node itself is in the tree already; what it holds is copied once more.
        self.repeated = self.repeated_with(node.pos, size.saturating_sub(1))?;
        self.anchors.insert(id, (node.clone(), size));
        Ok(())
    }

    fn resolve_alias(&mut self, id: usize, pos: Pos) -> Result<Node, YamlError> {
        let Some((node, size)) = self.anchors.get(&id) else {
            return Err(YamlError::new(pos, "alias to an unknown anchor"));
        };
        // Counted first: a copy that would cross either budget is never made.
        let nodes = self.nodes.saturating_add(*size);
        if nodes > self.limits.max_nodes {
            return Err(self.too_many(pos));
        }
        let repeated = self.repeated_with(pos, *size)?;
        let mut copy = node.clone();
        copy.pos = pos;
        self.nodes = nodes;
        self.repeated = repeated;
        Ok(copy)
    }
}

fn node_count(node: &Node) -> usize {
    match &node.kind {
        NodeKind::Seq(items) => 1 + items.iter().map(node_count).sum::<usize>(),
        NodeKind::Map(entries) => {
            1 + entries
                .iter()
                .map(|(k, v)| node_count(k) + node_count(v))
                .sum::<usize>()
        }
        _ => 1,
    }
}

/// Resolve a plain scalar with the YAML 1.2 core schema.
fn resolve_plain(value: std::borrow::Cow<'_, str>) -> NodeKind {
    let s: &str = &value;
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return NodeKind::Null,
        "true" | "True" | "TRUE" => return NodeKind::Bool(true),
        "false" | "False" | "FALSE" => return NodeKind::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return NodeKind::Float(f64::INFINITY);
        }
        "-.inf" | "-.Inf" | "-.INF" => return NodeKind::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return NodeKind::Float(f64::NAN),
        _ => {}
    }
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return match s.parse::<i64>() {
            Ok(i) => NodeKind::Int(i),
            Err(_) => NodeKind::Float(s.parse().unwrap_or(f64::NAN)),
        };
    }
    if let Some(hex) = s.strip_prefix("0x")
        && let Ok(i) = i64::from_str_radix(hex, 16)
    {
        return NodeKind::Int(i);
    }
    if let Some(oct) = s.strip_prefix("0o")
        && let Ok(i) = i64::from_str_radix(oct, 8)
    {
        return NodeKind::Int(i);
    }
    let looks_numeric = s
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'))
        && s.bytes().any(|b| b.is_ascii_digit());
    if looks_numeric && let Ok(f) = s.parse::<f64>() {
        return NodeKind::Float(f);
    }
    NodeKind::Str(CompactString::from(value))
}

/// Convert a located tree into a plain serde value, for typed decoding.
pub fn to_json(node: &Node) -> serde_json::Value {
    use serde_json::Value as J;
    match &node.kind {
        NodeKind::Null => J::Null,
        NodeKind::Bool(b) => J::Bool(*b),
        NodeKind::Int(i) => J::from(*i),
        NodeKind::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
        NodeKind::Str(s) => J::String(s.to_string()),
        NodeKind::Seq(items) => J::Array(items.iter().map(to_json).collect()),
        NodeKind::Map(entries) => J::Object(
            entries
                .iter()
                .map(|(k, v)| (k.scalar_text().unwrap_or_default(), to_json(v)))
                .collect(),
        ),
    }
}

/// Write a value as YAML text.
pub fn to_string<T: Serialize>(value: &T) -> Result<String, String> {
    serde_yaml::to_string(value).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Result<Node, YamlError> {
        parse(s, &Limits::default())
    }

    #[test]
    fn scalars_resolve_with_the_core_schema() {
        let n = p("a: 1\nb: true\nc: x\nd: ~\ne: '1'\nf: 1.5\ng: -3").unwrap();
        assert_eq!(n.get("a").unwrap().kind, NodeKind::Int(1));
        assert_eq!(n.get("b").unwrap().kind, NodeKind::Bool(true));
        assert_eq!(n.get("c").unwrap().kind, NodeKind::Str("x".into()));
        assert_eq!(n.get("d").unwrap().kind, NodeKind::Null);
        assert_eq!(n.get("e").unwrap().kind, NodeKind::Str("1".into()));
        assert_eq!(n.get("f").unwrap().kind, NodeKind::Float(1.5));
        assert_eq!(n.get("g").unwrap().kind, NodeKind::Int(-3));
    }

    #[test]
    fn positions_are_one_based() {
        let n = p("top:\n  inner: [1, 2]\n").unwrap();
        let inner = n.get("top").unwrap().get("inner").unwrap();
        assert_eq!(inner.pos, Pos { line: 2, col: 10 });
        assert_eq!(inner.as_seq().unwrap()[1].pos, Pos { line: 2, col: 14 });
    }

    #[test]
    fn duplicate_keys_are_refused_at_the_second() {
        let e = p("a: 1\nb: 2\na: 3\n").unwrap_err();
        assert_eq!(e.pos.line, 3);
        assert!(e.message.contains("duplicate key `a`"), "{e}");
    }

    #[test]
    fn duplicate_keys_in_large_mappings_are_found_quickly() {
        let mut s: String = (0..50_000).map(|i| format!("k{i}: {i}\n")).collect();
        s.push_str("k777: again\n");
        let t = std::time::Instant::now();
        let e = p(&s).unwrap_err();
        assert!(
            e.message
                .contains("duplicate key `k777` (first given at line 778)"),
            "{e}"
        );
        assert_eq!(e.pos.line, 50_001);
        // Only a guard against a return to quadratic work, which takes minutes here even
        // on an idle machine; the speed itself is measured in benches/hostile.rs.
        assert!(t.elapsed().as_secs_f64() < 30.0);
        // A number key and a text key are different keys.
        let n = p("1: a\n'1': b\n").unwrap();
        assert_eq!(n.as_map().unwrap().len(), 2);
        // So they are past the scan, where keys are looked up in an index.
        let many: String = (0..40).map(|i| format!("k{i}: {i}\n")).collect();
        let n = p(&format!("{many}1: a\n'1': b\n1.0: c\n")).unwrap();
        assert_eq!(n.as_map().unwrap().len(), 43);
        let e = p(&format!("{many}1.5: a\n1.50: b\n")).unwrap_err();
        assert!(e.message.contains("duplicate key `1.5`"), "{e}");
    }

    #[test]
    fn merge_keys_merge() {
        let n = p("base: &b {x: 1, y: 2}\nm:\n  <<: *b\n  y: 3\n").unwrap();
        let m = n.get("m").unwrap();
        assert_eq!(m.get("x").unwrap().kind, NodeKind::Int(1));
        assert_eq!(m.get("y").unwrap().kind, NodeKind::Int(3));
    }

    #[test]
    fn an_alias_bomb_is_refused_at_the_alias_that_crosses_the_budget() {
        let mut s = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
        let mut prev = "a";
        for n in ["b", "c", "d", "e", "f", "g", "h", "i"] {
            let refs = vec![format!("*{prev}"); 9].join(", ");
            s.push_str(&format!("{n}: &{n} [{refs}]\n"));
            prev = n;
        }
        let e = p(&s).unwrap_err();
        let expect = format!("anchors and aliases repeat more than {MAX_REPEATED} values");
        assert_eq!(e.message, expect);
        // Up to `e` the copies fit (about 150,000); the first `*e` of `f` crosses.
        assert_eq!(e.pos, Pos { line: 6, col: 8 });
    }

    #[test]
    fn a_text_of_too_many_anchors_is_refused_at_the_first_over() {
        let list = |n: usize| {
            let mut s = String::from("---\n");
            for i in 0..n {
                s.push_str(&format!("- &a{i} {i}\n"));
            }
            s
        };
        assert!(p(&list(MAX_ANCHORS)).is_ok());
        let e = p(&list(200_000)).unwrap_err();
        assert_eq!(
            e.message,
            format!("the text defines more than {MAX_ANCHORS} anchors")
        );
        // The `---` line, then one anchor a line: the one after the last allowed.
        assert_eq!(e.pos.line as usize, MAX_ANCHORS + 2);
    }

    #[test]
    fn a_wide_anchor_aliased_many_times_is_refused() {
        let items = vec!["x"; 999].join(", ");
        let refs = vec!["*a"; 300].join(", ");
        let e = p(&format!("a: &a [{items}]\nb: [{refs}]\n")).unwrap_err();
        assert!(e.message.starts_with("anchors and aliases repeat"), "{e}");
        // The 200th alias is the first over: 999 values copied for the anchor, and
        // 1,000 for each alias.
        assert_eq!(
            e.pos,
            Pos {
                line: 2,
                col: 5 + 4 * 199
            }
        );
        // A few aliases of it are fine.
        let refs = vec!["*a"; 150].join(", ");
        assert!(p(&format!("a: &a [{items}]\nb: [{refs}]\n")).is_ok());
    }

    #[test]
    fn anchors_nested_in_anchors_are_counted_for_their_copies() {
        // No alias at all, but every anchor keeps a copy of all it holds: the 59 anchored
        // lists of a unit hold 1,770 values, so 113 units are the first over.
        let unit = format!("{}1{}", "[&a ".repeat(60), "]".repeat(60));
        let units = |n| format!("[{}]\n", vec![unit.as_str(); n].join(", "));
        let Err(e) = p(&units(113)) else {
            panic!("113 units are read")
        };
        assert!(e.message.starts_with("anchors and aliases repeat"), "{e}");
        assert!(p(&units(112)).is_ok());
    }

    #[test]
    fn an_alias_is_placed_where_it_is_written() {
        let n = p("a: &x {k: [1, 2]}\nb: *x\n").unwrap();
        let (a, b) = (n.get("a").unwrap(), n.get("b").unwrap());
        assert_eq!(b.pos, Pos { line: 2, col: 4 });
        assert_eq!(a.get("k"), b.get("k"));
        assert_eq!(b.get("k").unwrap().pos, Pos { line: 1, col: 11 });
        let e = p("a: 1\nb: *nowhere\n").unwrap_err();
        assert_eq!(e.pos.line, 2);
    }

    #[test]
    fn a_place_is_counted_in_lines_and_characters() {
        let naive = |text: &str, i: usize| {
            let before = &text[..i];
            let line = before.matches('\n').count() + 1;
            let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
            Pos {
                line: line as u32,
                col: col as u32,
            }
        };
        let long = format!("a\n{}\n{}é\n", "é".repeat(5000), "x".repeat(9000));
        for text in ["", "a", "\n", "ab\ncd", "é\nçé", long.as_str()] {
            for (i, _) in text.char_indices().chain([(text.len(), ' ')]) {
                assert_eq!(
                    pos_at(text.as_bytes(), i),
                    naive(text, i),
                    "{i} in {text:?}"
                );
            }
        }
    }

    #[test]
    fn deep_flow_nesting_is_refused_before_parsing() {
        let s = "[".repeat(100_000);
        let e = p(&s).unwrap_err();
        assert!(e.message.contains("nesting is deeper"), "{e}");
    }

    #[test]
    fn deep_block_nesting_is_refused() {
        let mut s = String::new();
        for i in 0..100 {
            s.push_str(&" ".repeat(i));
            s.push_str("k:\n");
        }
        let e = p(&s).unwrap_err();
        assert!(e.message.contains("nesting is deeper"), "{e}");
    }

    #[test]
    fn empty_and_comment_only_files_are_refused() {
        assert_eq!(p("").unwrap_err().message, "file is empty");
        assert_eq!(p("# nothing\n\n").unwrap_err().message, "file is empty");
    }

    #[test]
    fn two_documents_are_refused() {
        let e = p("a: 1\n---\nb: 2\n").unwrap_err();
        assert!(e.message.contains("more than one"), "{e}");
    }

    #[test]
    fn binary_and_bad_utf8_are_refused() {
        let l = Limits::default();
        assert!(check_text(b"a: \xff\xfe", &l).is_err());
        assert!(check_text(b"a\0b", &l).is_err());
    }

    #[test]
    fn oversized_text_is_refused() {
        let l = Limits {
            max_bytes: 10,
            ..Limits::default()
        };
        assert!(
            check_text(b"aaaaaaaaaaaaaaaaaaaaaa", &l)
                .unwrap_err()
                .message
                .contains("too large")
        );
    }

    #[test]
    fn syntax_errors_carry_a_place() {
        let e = p("a: [1, 2\nb: 3\n").unwrap_err();
        assert!(e.message.starts_with("YAML syntax error"), "{e}");
        assert!(e.pos.line >= 1);
    }

    #[test]
    fn a_byte_order_mark_inside_a_comment_gets_one_answer() {
        // Found by fuzzing when large texts were read in pieces: the pieces passed it,
        // one pass refused it. A mark is only allowed at the very start of a text.
        let text = "# \u{feff}\na: 1\nb: 2\n";
        let first = p(text);
        for _ in 0..3 {
            assert_eq!(p(text), first);
        }
        let e = first.unwrap_err();
        assert!(e.message.starts_with("YAML syntax error"), "{e}");
        assert_eq!(e.pos.line, 1);
        // At the very start it is read as the mark it is.
        assert!(p("\u{feff}a: 1\nb: 2\n").is_ok());
    }

    #[test]
    fn the_node_budget_counts_every_value() {
        let limits = Limits {
            max_nodes: 50,
            ..Limits::default()
        };
        let text: String = (0..40).map(|i| format!("k{i}: {i}\n")).collect();
        let e = parse(&text, &limits).unwrap_err();
        assert!(e.message.contains("expands to more than 50 values"), "{e}");
        let small: String = (0..20).map(|i| format!("k{i}: {i}\n")).collect();
        assert!(parse(&small, &limits).is_ok());
    }

    #[test]
    fn a_bracket_left_open_is_told_where_it_opens() {
        let e = parse("a: 1\nlist: [x, y\nnext: 2\n", &Limits::default()).unwrap_err();
        assert_eq!(e.pos, Pos { line: 2, col: 7 }, "{e}");
        assert!(
            e.message
                .starts_with("YAML syntax error: this `[` is not closed on its line"),
            "{e}"
        );
        let e = parse("m: {a: 1, b: [2, 3]\nnext: 2\n", &Limits::default()).unwrap_err();
        assert_eq!(e.pos, Pos { line: 1, col: 4 }, "{e}");
        assert!(e.hint.as_deref().unwrap_or("").contains("`}`"), "{e:?}");
        // A bracket closed on its line is not blamed, whatever comes after; nor is one
        // whose `]` follows a `#` that is part of a word.
        for text in ["a: [x, '#', \"]\", y#z]\nb: : c\n", "a: [x]\n  - b: [\n"] {
            let e = parse(text, &Limits::default()).unwrap_err();
            assert!(!e.message.contains("not closed on its line"), "{text}: {e}");
        }
    }
}
