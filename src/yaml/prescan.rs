//! A look over a YAML text before the parser's, in one pass that stops where a limit is
//! crossed: runaway flow nesting (`[[[[…`) and a text that certainly holds more values
//! than the node budget are refused here.
//!
//! The parser cannot refuse those quickly itself. It reads a whole flow collection that
//! opens in block context before it gives the first of its values (the collection might
//! be a mapping key), which for a 15 MB flow list costs seconds and gigabytes; and a
//! large block list is built value by value up to the budget, which takes about a second.
//!
//! The pass follows the scanner's tokens only as far as counting needs: comments, quoted
//! and block scalars are skipped, plain scalars are told from indicators, and what is
//! counted is a floor of the values a well-formed text holds:
//! - one per block list entry (`- `), the entry's value;
//! - two per block mapping entry (`: `), its key and its value;
//! - one per flow collection that is not empty, and one per comma that another entry
//!   follows: a collection of k entries counts k, and holds at least k + 1 values, so a
//!   flow value counted again by the `- ` or `: ` before it is still not counted twice;
//! - one for the document's top value, which nothing above counts.
//!
//! A text that is not well formed may be counted higher than it would parse; it is
//! refused either way, only by another message. The pass ends at a second document,
//! which the parser refuses as it starts.

use super::{Limits, YamlError, pos_at, too_deep};

/// What the pass is inside of.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// Between tokens.
    Token,
    /// A plain scalar.
    Plain,
    /// A comment, up to the end of the line.
    Comment,
    /// A single-quoted scalar.
    Single,
    /// A double-quoted scalar.
    Double,
}

struct Scan<'a> {
    bytes: &'a [u8],
    limits: &'a Limits,
    count: usize,
    /// Flow nesting.
    depth: usize,
    /// The column of the innermost block collection, as the last `- ` or key put it: a
    /// plain scalar goes on onto a line indented further, and a block scalar holds the
    /// lines indented further. -1 before any.
    floor: isize,
    /// The column where the current line's last token began, and whether it has one.
    token_col: usize,
    line_has_token: bool,
    line_start: usize,
    /// A flow collection opened, or a comma read, that counts once an entry follows.
    pending: usize,
    /// Whether the document's top value has been counted.
    top_counted: bool,
}

fn is_blank(b: Option<&u8>) -> bool {
    matches!(b, None | Some(b' ' | b'\t' | b'\r' | b'\n'))
}

/// The index of the first byte from `from` on that `stop` picks, or the text's end.
#[inline]
fn skip_to(bytes: &[u8], from: usize, stop: impl Fn(u8) -> bool) -> usize {
    bytes
        .get(from..)
        .and_then(|rest| rest.iter().position(|&b| stop(b)))
        .map_or(bytes.len(), |p| from + p)
}

fn is_flow_indicator(b: u8) -> bool {
    matches!(b, b',' | b'[' | b']' | b'{' | b'}')
}

/// Where a plain scalar may end or change in block context.
fn block_loud(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b':' | b'\n')
}

/// Where a plain scalar may end or change in flow context.
fn flow_loud(b: u8) -> bool {
    block_loud(b) || is_flow_indicator(b)
}

impl Scan<'_> {
    fn col(&self, i: usize) -> usize {
        i - self.line_start
    }

    #[inline]
    fn add(&mut self, n: usize, i: usize) -> Result<(), YamlError> {
        self.count += n;
        if self.count > self.limits.max_nodes {
            return Err(self.over_budget(i));
        }
        Ok(())
    }

    #[cold]
    fn over_budget(&self, i: usize) -> YamlError {
        YamlError::new(
            pos_at(self.bytes, i),
            format!(
                "the document expands to more than {} values",
                self.limits.max_nodes
            ),
        )
        .hint("no pack, answers or session file holds this many; it is refused unread")
    }

    /// A flow entry begins at `i`: what was pending counts.
    #[inline]
    fn entry(&mut self, i: usize) -> Result<(), YamlError> {
        let n = std::mem::take(&mut self.pending);
        if n > 0 { self.add(n, i) } else { Ok(()) }
    }

    /// The first token of the document, at `i`: its top value counts.
    #[inline]
    fn top(&mut self, i: usize) -> Result<(), YamlError> {
        if self.top_counted {
            return Ok(());
        }
        self.top_counted = true;
        self.add(1, i)
    }

    /// `[` or `{` at `i`.
    #[inline]
    fn open(&mut self, i: usize) -> Result<(), YamlError> {
        self.entry(i)?;
        self.depth += 1;
        if self.depth > self.limits.max_depth {
            return Err(too_deep(pos_at(self.bytes, i), self.limits.max_depth));
        }
        self.pending = 1;
        self.token_col = self.col(i);
        self.line_has_token = true;
        Ok(())
    }

    /// `]` or `}`.
    #[inline]
    fn close(&mut self) {
        self.pending = 0;
        self.depth = self.depth.saturating_sub(1);
    }

    /// `- ` in block context, at `i`: the entry's value.
    #[inline]
    fn dash(&mut self, i: usize) -> Result<(), YamlError> {
        self.add(1, i)?;
        self.floor = self.col(i) as isize;
        self.line_has_token = false;
        Ok(())
    }

    /// `: ` in block context, at `i`: a key and its value.
    #[inline]
    fn key(&mut self, i: usize) -> Result<(), YamlError> {
        self.add(2, i)?;
        self.floor = if self.line_has_token {
            self.token_col
        } else {
            self.col(i)
        } as isize;
        self.line_has_token = false;
        Ok(())
    }

    /// A scalar, anchor, tag or alias starts at `i`.
    #[inline]
    fn word(&mut self, i: usize) -> Result<(), YamlError> {
        self.entry(i)?;
        if !self.line_has_token {
            self.token_col = self.col(i);
            self.line_has_token = true;
        }
        Ok(())
    }

    /// A line break at `i`.
    #[inline]
    fn newline(&mut self, i: usize) {
        self.line_start = i + 1;
        self.line_has_token = false;
    }

    /// `---` or `...` at the start of a line.
    fn document_marker(&self, i: usize) -> bool {
        let b = self.bytes;
        matches!(b[i], b'-' | b'.')
            && i == self.line_start
            && (b[i..].starts_with(b"---") || b[i..].starts_with(b"..."))
            && is_blank(b.get(i + 3))
    }

    /// The end of the line that holds `i` (the index of its newline, or the text's end).
    fn line_end(&self, i: usize) -> usize {
        self.bytes[i..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(self.bytes.len(), |p| i + p)
    }

    /// Skip a block scalar whose indicator is at `i`: its header line, then every line
    /// that is blank or indented past the floor. Returns the start of the next line.
    fn block_scalar(&self, i: usize) -> usize {
        let mut at = self.line_end(i);
        while at < self.bytes.len() {
            let start = at + 1;
            let end = self.line_end(start.min(self.bytes.len()));
            let line = &self.bytes[start.min(end)..end];
            let indent = line.iter().take_while(|&&b| b == b' ').count();
            let blank = line.iter().all(|&b| matches!(b, b' ' | b'\t' | b'\r'));
            let marker =
                (line.starts_with(b"---") || line.starts_with(b"...")) && is_blank(line.get(3));
            if !blank && (indent as isize <= self.floor || (indent == 0 && marker)) {
                return start;
            }
            at = end;
        }
        self.bytes.len()
    }
}

/// Refuse runaway flow nesting and a text over the node budget; see the module's notes.
pub(super) fn prescan(text: &str, limits: &Limits) -> Result<(), YamlError> {
    floor(text, limits, true).map(|_| ())
}

/// The floor of the values `text` holds, or why it is refused. With `fast`, runs of the
/// commonest tokens are read by the tight loops [`Scan::flow_run`] and
/// [`Scan::block_run`]; without, by the general loop alone, which the tests hold them
/// to: the answer is the same either way.
fn floor(text: &str, limits: &Limits, fast: bool) -> Result<usize, YamlError> {
    let bytes = text.as_bytes();
    let mut s = Scan {
        bytes,
        limits,
        count: 0,
        depth: 0,
        floor: -1,
        token_col: 0,
        line_has_token: false,
        line_start: 0,
        pending: 0,
        top_counted: false,
    };
    let mut mode = Mode::Token;
    let mut at_line_start = true;
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        if c == b'\n' {
            s.newline(i);
            if mode == Mode::Comment {
                mode = Mode::Token;
            }
            at_line_start = matches!(mode, Mode::Token | Mode::Plain);
            i += 1;
            continue;
        }
        if at_line_start {
            if matches!(c, b' ' | b'\t' | b'\r') {
                i += 1;
                continue;
            }
            at_line_start = false;
            // A plain scalar in block context goes on only onto a line indented past
            // the collection it is in, and not onto a comment or a document marker.
            if mode == Mode::Plain
                && (c == b'#'
                    || (s.depth == 0 && (s.col(i) as isize <= s.floor || s.document_marker(i))))
            {
                mode = Mode::Token;
            }
            if mode == Mode::Token && s.depth == 0 {
                if s.document_marker(i) {
                    if s.top_counted {
                        // A second document: the parser refuses it as it starts.
                        break;
                    }
                    i += 3;
                    continue;
                }
                if c == b'%' && i == s.line_start {
                    mode = Mode::Comment;
                    continue;
                }
            }
        }
        if fast && mode == Mode::Token {
            let (j, m, line_start) = if s.depth > 0 {
                let (j, m) = s.flow_run(i)?;
                (j, m, false)
            } else {
                s.block_run(i)?
            };
            if j > i {
                (i, mode, at_line_start) = (j, m, line_start);
                continue;
            }
        }
        let next = bytes.get(i + 1);
        match mode {
            // Runs of bytes that change nothing are skipped in one search each.
            Mode::Comment => i = skip_to(bytes, i, |b| b == b'\n'),
            Mode::Single => {
                if c != b'\'' {
                    i = skip_to(bytes, i + 1, |b| b == b'\'' || b == b'\n');
                    continue;
                }
                if next == Some(&b'\'') {
                    i += 1;
                } else {
                    mode = Mode::Token;
                }
                i += 1;
            }
            Mode::Double => {
                if !matches!(c, b'\\' | b'"') {
                    i = skip_to(bytes, i + 1, |b| matches!(b, b'\\' | b'"' | b'\n'));
                    continue;
                }
                match c {
                    b'\\' => i += 1,
                    b'"' => mode = Mode::Token,
                    _ => {}
                }
                i += 1;
            }
            Mode::Plain => {
                let flow = s.depth > 0;
                let loud = if flow { flow_loud } else { block_loud };
                if !loud(c) {
                    i = skip_to(bytes, i + 1, loud);
                    continue;
                }
                let value = c == b':'
                    && (is_blank(next) || (flow && next.is_some_and(|&b| is_flow_indicator(b))));
                if (c == b' ' || c == b'\t') && next == Some(&b'#') {
                    mode = Mode::Comment;
                } else if (flow && is_flow_indicator(c)) || value {
                    // The scalar ends here; the indicator is read as a token.
                    mode = Mode::Token;
                    continue;
                }
                i += 1;
            }
            Mode::Token => {
                if matches!(c, b' ' | b'\t' | b'\r') {
                    i += 1;
                    continue;
                }
                if c != b'#' {
                    s.top(i)?;
                }
                let flow = s.depth > 0;
                match c {
                    b'#' => mode = Mode::Comment,
                    b'[' | b'{' => s.open(i)?,
                    b']' | b'}' => s.close(),
                    b',' if flow => {
                        s.entry(i)?;
                        s.pending = 1;
                    }
                    b'-' if !flow && is_blank(next) => s.dash(i)?,
                    b'?' if is_blank(next) => {
                        if !flow {
                            s.floor = s.col(i) as isize;
                            s.line_has_token = false;
                        }
                    }
                    b':' if flow => {}
                    b':' if is_blank(next) => s.key(i)?,
                    b'|' | b'>' if !flow => {
                        i = s.block_scalar(i);
                        s.line_start = i;
                        s.line_has_token = false;
                        at_line_start = true;
                        continue;
                    }
                    _ => {
                        s.word(i)?;
                        match c {
                            b'\'' => mode = Mode::Single,
                            b'"' => mode = Mode::Double,
                            // An anchor, tag or alias: a word that starts no plain scalar.
                            b'&' | b'!' | b'*' => {
                                let word = bytes[i..]
                                    .iter()
                                    .position(|&b| {
                                        is_blank(Some(&b)) || (flow && is_flow_indicator(b))
                                    })
                                    .unwrap_or(bytes.len() - i);
                                i += word;
                                continue;
                            }
                            _ => mode = Mode::Plain,
                        }
                    }
                }
                i += 1;
            }
        }
    }
    Ok(s.count)
}

impl Scan<'_> {
    /// From `i`, in flow context between tokens: commas, brackets, spaces, line breaks
    /// and plain words that start with a letter or digit, one a turn, as the general
    /// loop reads them. Stops at anything else, or where the flow ends, and says where
    /// and in which mode.
    fn flow_run(&mut self, mut i: usize) -> Result<(usize, Mode), YamlError> {
        let b = self.bytes;
        while let Some(&c) = b.get(i) {
            match c {
                b' ' => i += 1,
                b'\n' => {
                    self.newline(i);
                    i += 1;
                }
                b',' => {
                    self.entry(i)?;
                    self.pending = 1;
                    i += 1;
                }
                b'[' | b'{' => {
                    self.open(i)?;
                    i += 1;
                }
                b']' | b'}' => {
                    self.close();
                    i += 1;
                    if self.depth == 0 {
                        break;
                    }
                }
                c if c.is_ascii_alphanumeric() => {
                    self.word(i)?;
                    i = skip_to(b, i + 1, flow_loud);
                    if !b.get(i).is_some_and(|&c| is_flow_indicator(c)) {
                        return Ok((i, Mode::Plain));
                    }
                }
                _ => break,
            }
        }
        Ok((i, Mode::Token))
    }

    /// From `i`, in block context between tokens: `- ` entries, `key: ` keys, spaces,
    /// and plain words that start with a letter or digit, across lines that start with
    /// one of those, as the general loop reads them. Stops at anything else, and says
    /// where, in which mode, and whether at the start of a line.
    fn block_run(&mut self, mut i: usize) -> Result<(usize, Mode, bool), YamlError> {
        let b = self.bytes;
        while let Some(&c) = b.get(i) {
            match c {
                b' ' => i += 1,
                b'-' | b':' if is_blank(b.get(i + 1)) => {
                    self.top(i)?;
                    if c == b'-' {
                        self.dash(i)?;
                    } else {
                        self.key(i)?;
                    }
                    i += 1;
                }
                b'\n' => match self.next_line(i, Mode::Token) {
                    Ok(j) => i = j,
                    Err((j, mode)) => return Ok((j, mode, true)),
                },
                c if c.is_ascii_alphanumeric() => {
                    self.top(i)?;
                    self.word(i)?;
                    // The plain scalar, up to a `: ` or the line's end.
                    loop {
                        i = skip_to(b, i + 1, block_loud);
                        let next = b.get(i + 1);
                        match b.get(i) {
                            Some(b':') if is_blank(next) => break,
                            Some(b':') => {}
                            Some(b' ') if next != Some(&b'#') => {}
                            Some(b'\n') => match self.next_line(i, Mode::Plain) {
                                Ok(j) => {
                                    i = j;
                                    break;
                                }
                                Err((j, mode)) => return Ok((j, mode, true)),
                            },
                            _ => return Ok((i, Mode::Plain, false)),
                        }
                    }
                }
                _ => return Ok((i, Mode::Token, false)),
            }
        }
        Ok((i, Mode::Token, false))
    }

    /// After the line break at `i`, in `mode` (between tokens, or in a plain scalar):
    /// the first token of the next line that holds one, when it is one that
    /// [`Scan::block_run`] reads on with between tokens; otherwise where the general
    /// loop takes over at the start of a line, and in which mode.
    fn next_line(&mut self, mut i: usize, mode: Mode) -> Result<usize, (usize, Mode)> {
        let b = self.bytes;
        loop {
            self.newline(i);
            let j = skip_to(b, i + 1, |c| c != b' ');
            match b.get(j) {
                Some(b'\n') => i = j,
                Some(&c) if c.is_ascii_alphanumeric() || (c == b'-' && is_blank(b.get(j + 1))) => {
                    // A plain scalar goes on onto a line indented past its collection.
                    if mode == Mode::Plain && self.col(j) as isize > self.floor {
                        return Err((j, mode));
                    }
                    return Ok(j);
                }
                _ => return Err((j, mode)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::build;

    /// The floor never passes the builder's own count: a budget one below the floor is
    /// crossed by the builder too. Only for texts the builder accepts. And the tight
    /// loops change nothing: with and without them, the same floor or the same refusal.
    fn floor_holds(text: &str) {
        same_either_way(text);
        let limits = Limits::default();
        if build(text, &limits).is_err() {
            return;
        }
        let n = floor(text, &limits, true).unwrap_or_else(|e| panic!("{e} in {text:?}"));
        if n == 0 {
            return;
        }
        let tight = Limits {
            max_nodes: n - 1,
            ..limits
        };
        let e = build(text, &tight).expect_err(text);
        assert!(
            e.message.contains("expands to more than"),
            "{e} in {text:?}"
        );
    }

    /// The same answer with the tight loops as without, under the default limits and
    /// under budgets and depths small enough to be crossed inside them.
    fn same_either_way(text: &str) {
        let default = Limits::default();
        let general = floor(text, &default, false);
        assert_eq!(floor(text, &default, true), general, "in {text:?}");
        let most = general.as_ref().map_or(text.len(), |&n| n);
        for max_nodes in [0, 1, 2, 3, 5, most / 2, most.saturating_sub(1), most] {
            for max_depth in [1, 3, 64] {
                let limits = Limits {
                    max_nodes,
                    max_depth,
                    ..default
                };
                assert_eq!(
                    floor(text, &limits, true),
                    floor(text, &limits, false),
                    "in {text:?} with {limits:?}"
                );
            }
        }
    }

    #[test]
    fn the_tight_loops_read_as_the_general_loop_does() {
        for text in [
            "- 1\n- 2\n-  three four\n- 5: 6\n  seven: 8\n",
            "k0: 1\nk1: 2\n\n\nk2:\n  k3: x y z\n   more of it\nk4: -1\n",
            "a: b:c d\n  e\n- f\n-\n-\tg\nh # i\nj:\tk\n",
            "[1,2,[3,[4]],{a: b, c}]\n",
            "[1,\n  2 ,3\n  ,4]\n- x\n",
            "- [a, b\n  c, d]\n- {e: [f]}\n",
            "---\na: 1\n--- \nb: 2\n",
            "a: 1\n  b: 2\n c: 3\nd: 4\n",
            "x\n",
            "a: [1, 2]\nb: {c: d}\n",
            "a:\r\n  - 1\r\n",
            "- a\n\n  b\n- c\n",
            "key:\n    value\n  - still the value\n",
        ] {
            floor_holds(text);
        }
        for text in [
            super::super::flow::to_flow(&vec![1; 500])
                .map(|f| f.text)
                .unwrap_or_default(),
            "- 1\n".repeat(300),
            (0..300).map(|i| format!("k{i}: {i}\n")).collect(),
            format!("[{}1]", "[[1]],".repeat(300)),
        ] {
            floor_holds(&text);
        }
    }

    #[test]
    fn the_floor_is_never_above_the_values_held() {
        for text in [
            "a: 1\nb: [1, 2, [3, []], {x: y, z}]\n",
            "- 1\n- - 2\n  - 3\n- a: b\n  c: d\n",
            "[[], [[]], {}, [a, ], {a: 1, }]\n",
            "a: |\n  - not: an entry\n  [1, 2, 3]\n\nb: >-\n   x: y\n",
            "- |\n  - text\n- x\n",
            "a: some text\n  - more: of it\n  [and, more]\nb: 2\n",
            "key:\n    value\n  - still the value\n",
            "a: 'it''s: [a, b], c'\nb: \"\\\\\"\nc: \"q\\\"[1, 2]\"\n",
            "a: x # c: [1, 2, 3]\n# - b\nb: y\n",
            "a: &x [1, 2]\nb: *x\nc: !!str 3\nd: [&y 1, *y, !!int 2]\n",
            "? a\n: b\n? [c, d]\n: e\n",
            "---\na: 1\n...\n",
            "%YAML 1.2\n---\n- a\n",
            "[a,\n  b, # c, d\n  'e, f',\n  {g: h}]\n",
            "a:\n- 1\n- 2\nb: [1,2]\n",
            "\"a\": 1\n'b': 2\n? c\n",
            "url: http://x:80/a\nt: 12:30\n",
            "- [1]\n- []\n- {a: [b]}\n",
            "hello\nworld\n",
            "--- |\n  text\n  - x\n",
        ] {
            floor_holds(text);
        }
    }

    #[test]
    fn the_floor_holds_for_every_file_in_the_project() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut folders = vec![
            root.join("questions"),
            root.join("assets"),
            root.join("tests"),
        ];
        folders.push(root.join("fuzz/corpus"));
        let mut seen = 0;
        while let Some(dir) = folders.pop() {
            let Ok(entries) = std::fs::read_dir(&dir) else {
                continue;
            };
            for path in entries.flatten().map(|e| e.path()) {
                if path.is_dir() {
                    folders.push(path);
                } else if let Ok(text) = std::fs::read_to_string(&path) {
                    let yaml = path.extension().is_some_and(|x| x == "yaml" || x == "yml");
                    if yaml || path.starts_with(root.join("fuzz/corpus")) {
                        floor_holds(&text);
                        seen += 1;
                    }
                }
            }
        }
        assert!(seen > 20, "only {seen} files");
    }

    #[test]
    fn the_floor_holds_for_texts_made_of_yaml_tokens() {
        let tokens = [
            "\n", "  ", "- ", ": ", "? ", "[", "]", "{", "}", ", ", "&a ", "*a", "<<: ", "!!str ",
            "'", "\"", "\\", "|", ">-", "#", " #", "---", "...", "\t", "é", "a", "bc", "1", "-2",
            "x:y", "''", "\r\n", "%", "|2", " : ", "k: ", "k:", "-1", "- - ", " -", "\n  ",
            "\n    ", "a b", ",", "\n- ", "\nk: ", "[1,", "1]", " # x",
        ];
        let mut seed: u64 = 0x5851_f42d_4c95_7f2d;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..20_000 {
            let len = next(80);
            let text: String = (0..len).map(|_| tokens[next(tokens.len())]).collect();
            floor_holds(&text);
        }
    }

    #[test]
    fn large_texts_are_counted_past_the_budget() {
        let limits = Limits {
            max_nodes: 1000,
            ..Limits::default()
        };
        let over = |text: String| {
            let e = floor(&text, &limits, true).expect_err("over the budget");
            assert!(e.message.contains("more than 1000 values"), "{e}");
            e.pos
        };
        assert_eq!(over("- 1\n".repeat(1000)).line, 1000);
        over((0..600).map(|i| format!("k{i}: 1\n")).collect());
        over(format!("[{}1]", "1,".repeat(1000)));
        over(format!("{}1]", "[".repeat(10) + &"1,".repeat(1000)));
        assert!(floor(&"- 1\n".repeat(998), &limits, true).is_ok());
    }
}
