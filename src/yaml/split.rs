//! Parsing one large text on several cores: the text is cut into pieces at lines where
//! a cut cannot change what the text means, the pieces are parsed side by side, and
//! their trees are joined. Whenever the pieces do not join up cleanly, the text is
//! parsed again in one pass, so the result is always exactly that of one pass.

use super::{
    Limits, Node, NodeKind, SCAN_KEYS, YamlError, build, check_text, key_text, parse_one, unparsed,
};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A part of a text, parsed on its own: whole top-level entries, or (`items`) a run of
/// items of the top-level list the previous piece ended in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Piece {
    start: usize,
    end: usize,
    /// Lines before `start` in the text.
    line: u32,
    items: bool,
}

/// What one piece parsed to: its tree and node count, or why it failed.
type Parsed = Result<(Node, usize), YamlError>;

/// Parse `texts` over `threads` threads, cutting large texts into pieces of about
/// `target` bytes; results come back in the order of `texts`.
pub(super) fn parse_shared(
    texts: &[&str],
    limits: &Limits,
    threads: usize,
    target: usize,
) -> Vec<Result<Node, YamlError>> {
    let mut out: Vec<Option<Result<Node, YamlError>>> = (0..texts.len()).map(|_| None).collect();
    // Each job is a piece of a text; a text that is not cut is one piece.
    let mut jobs: Vec<(usize, Piece)> = Vec::new();
    for (i, text) in texts.iter().enumerate() {
        if let Err(e) = check_text(text.as_bytes(), limits) {
            out[i] = Some(Err(e));
            continue;
        }
        let pieces = cut(text, target).unwrap_or_else(|| {
            vec![Piece {
                start: 0,
                end: text.len(),
                line: 0,
                items: false,
            }]
        });
        jobs.extend(pieces.into_iter().map(|p| (i, p)));
    }
    // Workers take pieces one at a time, largest first, until none is left: a core that
    // is slow (or busy with something else) simply takes fewer.
    let mut order: Vec<usize> = (0..jobs.len()).collect();
    order.sort_by_key(|&j| std::cmp::Reverse(jobs[j].1.end - jobs[j].1.start));
    let next = AtomicUsize::new(0);
    // Each text's pieces count their nodes together, so that a hostile text cannot hold
    // a full node budget in every piece at once.
    let counts: Vec<AtomicUsize> = texts.iter().map(|_| AtomicUsize::new(0)).collect();
    let run = || -> Vec<(usize, Parsed)> {
        let mut mine = Vec::new();
        while let Some(&j) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
            let (i, p) = jobs[j];
            // Items stand one level less deep in their piece than in the text.
            let limits = Limits {
                max_depth: limits.max_depth - usize::from(p.items && limits.max_depth > 0),
                ..*limits
            };
            let text = &texts[i][p.start..p.end];
            mine.push((j, build(text, &limits, p.line, Some(&counts[i]))));
        }
        mine
    };
    let mut results: Vec<Option<Parsed>> = (0..jobs.len()).map(|_| None).collect();
    std::thread::scope(|scope| {
        let helpers = threads.min(jobs.len()).saturating_sub(1);
        let spawned: Vec<_> = (0..helpers).map(|_| scope.spawn(run)).collect();
        // This thread works too.
        let mut done = vec![run()];
        // Parsing does not panic; should a worker fail all the same, its pieces are
        // missing below and their texts are parsed again in one pass.
        done.extend(spawned.into_iter().filter_map(|w| w.join().ok()));
        for (j, r) in done.into_iter().flatten() {
            results[j] = Some(r);
        }
    });
    // Join each text's pieces, in order.
    let mut results = results.into_iter();
    let mut j = 0;
    while j < jobs.len() {
        let i = jobs[j].0;
        let mut parts = Vec::new();
        while j < jobs.len() && jobs[j].0 == i {
            parts.push((jobs[j].1, results.next().flatten()));
            j += 1;
        }
        let joined = if parts.len() == 1 {
            parts
                .pop()
                .and_then(|(_, r)| r)
                .map(|r| r.map(|(node, _)| node))
        } else {
            join(parts, limits).map(Ok)
        };
        out[i] = Some(joined.unwrap_or_else(|| parse_one(texts[i], limits)));
    }
    out.into_iter()
        .map(|r| r.unwrap_or_else(|| Err(unparsed())))
        .collect()
}

/// The tree of a text from its pieces' trees, or `None` when they do not join up
/// exactly as one pass would have read them.
fn join(parts: Vec<(Piece, Option<Parsed>)>, limits: &Limits) -> Option<Node> {
    let mut nodes = 0usize;
    let mut root: Option<Node> = None;
    let mut keys: Option<std::collections::HashSet<String>> = None;
    for (piece, result) in parts {
        let (node, count) = result?.ok()?;
        nodes = nodes.saturating_add(count);
        if nodes > limits.max_nodes {
            return None;
        }
        let NodeKind::Map(entries) = &mut root
            .get_or_insert_with(|| Node {
                kind: NodeKind::Map(Vec::new()),
                pos: node.pos,
            })
            .kind
        else {
            return None;
        };
        match (piece.items, node.kind) {
            (true, NodeKind::Seq(items)) => match entries.last_mut() {
                Some((
                    _,
                    Node {
                        kind: NodeKind::Seq(list),
                        ..
                    },
                )) => list.extend(items),
                _ => return None,
            },
            (false, NodeKind::Map(more)) => {
                for (k, v) in more {
                    let fresh = if entries.len() < SCAN_KEYS && keys.is_none() {
                        !entries.iter().any(|(e, _)| e.kind == k.kind)
                    } else {
                        keys.get_or_insert_with(|| {
                            entries.iter().map(|(e, _)| key_text(e)).collect()
                        })
                        .insert(key_text(&k))
                    };
                    if !fresh {
                        return None;
                    }
                    entries.push((k, v));
                }
            }
            _ => return None,
        }
    }
    root
}

/// Where a large text can be cut so that each piece parses on its own to the same nodes
/// as in one pass: before a top-level key, and before an item of a top-level block list,
/// taking whole lines until a piece holds about `target` bytes.
///
/// Only plain block-style texts are cut: the text must open with a plain top-level key,
/// and any other line at the left edge that is not a plain key or an item of the list
/// being cut (a document marker, a directive, a quoted or `<<` key, a tab) leaves the
/// text whole, as does a lone carriage return. What a cut could still split (a quoted text or a flow list running over
/// the cut line, an alias to an anchor in an earlier piece) makes a piece fail, and the
/// text is then read in one pass. `None` when the text is not cut.
fn cut(text: &str, target: usize) -> Option<Vec<Piece>> {
    let bytes = text.as_bytes();
    let mut pieces: Vec<Piece> = Vec::new();
    let mut current: Option<Piece> = None;
    // The top-level key just read has its value on the following lines.
    let mut value_below = false;
    // The indent of the items of the top-level list being read.
    let mut item_indent: Option<usize> = None;
    let mut off = 0usize;
    let mut line = 0u32;
    while off < bytes.len() {
        let end = bytes[off..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |n| off + n);
        let row = &bytes[off..end];
        // A lone carriage return also ends a line in YAML; such texts are left whole.
        if row[..row.len().saturating_sub(1)].contains(&b'\r') {
            return None;
        }
        let indent = row.iter().take_while(|&&b| b == b' ').count();
        let rest = &row[indent..];
        if !matches!(rest.first(), None | Some(b'#') | Some(b'\r')) {
            if rest[0] == b'\t' {
                return None;
            }
            let boundary = if indent == 0 && is_plain_key_line(rest) {
                value_below = value_is_below(rest);
                item_indent = None;
                Some(false)
            } else if current.is_none() || (indent == 0 && !is_item(rest)) {
                return None;
            } else if value_below {
                value_below = false;
                if is_item(rest) {
                    item_indent = Some(indent);
                }
                None
            } else if item_indent == Some(indent) && is_item(rest) {
                Some(true)
            } else {
                None
            };
            if let Some(items) = boundary {
                let here = Piece {
                    start: off,
                    end: off,
                    line,
                    items,
                };
                match &mut current {
                    None => current = Some(here),
                    Some(cur) => {
                        if (cur.items && !items) || off - cur.start >= target {
                            cur.end = off;
                            pieces.push(*cur);
                            *cur = here;
                        }
                    }
                }
            }
        }
        off = end + 1;
        line += 1;
    }
    let mut last = current?;
    last.end = bytes.len();
    pieces.push(last);
    (pieces.len() > 1).then_some(pieces)
}

/// `key:` at the start of a line, the key made of letters, digits, `_`, `-` and `.`.
fn is_plain_key_line(rest: &[u8]) -> bool {
    let key = rest
        .iter()
        .take_while(|&&b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-' | b'.'))
        .count();
    key > 0
        && rest[0] != b'-'
        && rest[0] != b'.'
        && rest.get(key) == Some(&b':')
        && matches!(rest.get(key + 1), None | Some(b' ') | Some(b'\r'))
}

/// A `key:` line with nothing after the colon but a comment.
fn value_is_below(rest: &[u8]) -> bool {
    let colon = rest.iter().position(|&b| b == b':').unwrap_or(rest.len());
    let after = rest.get(colon + 1..).unwrap_or_default().trim_ascii_start();
    after.is_empty() || after[0] == b'#'
}

/// `-` alone or followed by a space: a block list item.
fn is_item(rest: &[u8]) -> bool {
    rest[0] == b'-' && matches!(rest.get(1), None | Some(b' ') | Some(b'\r'))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn one_pass(text: &str) -> String {
        format!("{:?}", parse_one(text, &Limits::default()))
    }

    /// Cut as finely as possible, on several thread counts: the result must be exactly
    /// that of one pass, tree, places and errors alike.
    fn assert_same(text: &str) {
        let expected = one_pass(text);
        for threads in [1, 2, 3] {
            for target in [0, 40, 300, 1 << 20] {
                let got = parse_shared(&[text], &Limits::default(), threads, target);
                assert_eq!(
                    format!("{:?}", got[0]),
                    expected,
                    "threads {threads}, target {target}, text:\n{text}"
                );
            }
        }
    }

    fn pieces(text: &str) -> usize {
        cut(text, 0).map_or(1, |p| p.len())
    }

    /// Whether the text, cut as finely as possible, joins without falling back.
    fn joins(text: &str) -> bool {
        let limits = Limits::default();
        cut(text, 0).is_some_and(|ps| {
            let parts = ps
                .iter()
                .map(|p| {
                    (
                        *p,
                        Some(build(&text[p.start..p.end], &limits, p.line, None)),
                    )
                })
                .collect();
            join(parts, &limits).is_some()
        })
    }

    fn yaml_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("folder reads").flatten() {
            let path = entry.path();
            if path.is_dir() {
                yaml_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                out.push(path);
            }
        }
    }

    #[test]
    fn every_yaml_file_of_the_project_reads_the_same_in_pieces() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        for dir in ["questions", "assets", "tests"] {
            yaml_files(&root.join(dir), &mut files);
        }
        assert!(files.len() > 15, "found {} files", files.len());
        let mut cut_files = 0;
        for f in files {
            let bytes = std::fs::read(&f).expect("file reads");
            let Ok(text) = std::str::from_utf8(&bytes) else {
                continue;
            };
            if joins(text) {
                cut_files += 1;
            }
            assert_same(text);
        }
        // The default pack and most test packs are cut and joined, not read again.
        assert!(cut_files > 10, "only {cut_files} files were cut and joined");
    }

    #[test]
    fn a_large_pack_is_cut_evenly_and_joins_to_the_one_pass_tree() {
        let mut s =
            String::from("pack:\n  id: big\ncandidates:\n  - {id: a}\n  - {id: b}\nrules:\n");
        for i in 0..5000 {
            s.push_str(&format!(
                "  - id: r{i}\n    when: {{all: [{{equals: {{q{}: x}}}}, {{not: {{range: {{n: [1, 5]}}}}}}]}}\n    points: {{a: {}}}\n    reason: >-\n      Rule {i} says\n      something long.\n",
                i % 7,
                i % 5
            ));
        }
        s.push_str("notes: done\n");
        let p = cut(&s, 64 * 1024).expect("a plain pack is cut");
        assert!(p.len() >= 8, "{} pieces", p.len());
        // The pieces cover the text from its first key, in order, without a gap.
        assert_eq!(p[0].start, 0);
        assert_eq!(p.last().map(|p| p.end), Some(s.len()));
        assert!(p.windows(2).all(|w| w[0].end == w[1].start));
        assert!(p[1..p.len() - 1].iter().all(|p| p.items));
        assert!(!p.last().is_some_and(|p| p.items));
        assert!(joins(&s));
        let joined = parse_shared(&[&s], &Limits::default(), 2, 64 * 1024);
        assert_eq!(format!("{:?}", joined[0]), one_pass(&s));
    }

    #[test]
    fn texts_that_are_not_plain_block_style_are_left_whole() {
        for text in [
            "{a: 1,\nb: 2}\n",
            "- a\n- b\n",
            "a: 1\n---\nb: 2\n",
            "%YAML 1.2\n---\na: 1\nb: 2\n",
            "a: 1\n\"b\": 2\nc: 3\n",
            "a: 1\n<<: {c: 1}\nd: 2\n",
            // Found by the property below: a key whose value is below, then a `<<` line.
            "a:\n<<: {m: 1}\nb:\n",
            "\u{feff}a: 1\nb: 2\n",
            "a: 1\n\tb: 2\n",
            "? a\n: 1\nb: 2\n",
        ] {
            assert_eq!(pieces(text), 1, "{text:?}");
            assert_same(text);
        }
    }

    #[test]
    fn what_a_cut_could_split_is_read_in_one_pass() {
        for text in [
            // Quoted texts and flow lists running over a cut line.
            "a: \"one\nb: two\"\nc: 3\n",
            "a: 'one\nb: two'\n",
            "a: [1,\nb: 2]\n",
            "l:\n  - \"x\n  - y\"\n  - z\n",
            "l:\n  - [x,\n  - y]\n",
            "l:\n  - {k: x,\n  - y}\n",
            // Anchors used in a later piece.
            "a: &x {k: 1}\nb: *x\n",
            "l:\n  - &x 1\n  - *x\n  - 3\n",
            "l: &all\n  - 1\n  - 2\nm: *all\n",
            // Keys given twice, in different pieces and in the same one.
            "a: 1\nb: 2\na: 3\n",
            "a:\n  - 1\nb: 2\na: 3\n",
            // A list continued at the left edge, and a list then a key.
            "l:\n- 1\n- 2\nm: 3\n",
            "l:\n- 1\n-\n- 3\n",
            "l:\n  - 1\n  -\n  - 3\nm:\n  - 4\n",
            // Block texts, with and without an indentation indicator.
            "a: |\n  one\n  two\nb: >-\n  three\n\n  four\nc: x\n",
            "l:\n  - |1\n    deep\n  - >2\n     deeper\n  - x\n",
            "a: |2\n   x\nb: 1\n",
            // Plain texts over several lines.
            "a: one\n  two\nb: three\n",
            "l:\n  - one\n    two\n  - three\n",
            // Comments and blank lines everywhere.
            "# top\n\na: 1 # one\n# between\nb:\n  # inside\n  - 1\n\n  - 2\n# end\n",
            // Windows line ends.
            "a: 1\r\nb:\r\n  - 1\r\n  - 2\r\nc: x\r\n",
            // Errors, reported as one pass reports them.
            "a: 1\nb: [\nc: 3\n",
            "a: 1\nb:\n  - 1\n   - 2\nc: 3\n",
            "a:\n  - 1\n  - : : :\nb: 1\n",
            "a: 1\nb: *nowhere\n",
            "a: 1\nb: 2\nc:\n",
            "a:\n",
            "a: \nb: \n",
        ] {
            assert_same(text);
        }
    }

    #[test]
    fn the_node_budget_holds_across_pieces() {
        // Each piece alone is within the budget; the whole is not.
        let limits = Limits {
            max_nodes: 50,
            ..Limits::default()
        };
        let text: String = (0..40).map(|i| format!("k{i}: {i}\n")).collect();
        let got = parse_shared(&[&text], &limits, 2, 10);
        assert_eq!(
            format!("{:?}", got[0]),
            format!("{:?}", parse_one(&text, &limits))
        );
        assert!(got[0].is_err());
    }

    #[test]
    fn pieces_share_one_node_budget() {
        // Each piece alone is well within the budget; the second one takes the pieces
        // together over it, and fails, so no piece can hold a whole budget of its own.
        let limits = Limits {
            max_nodes: 100,
            ..Limits::default()
        };
        let piece = format!("k: [{}]\n", vec!["1"; 60].join(", "));
        let shared = AtomicUsize::new(0);
        assert!(build(&piece, &limits, 0, Some(&shared)).is_ok());
        let e = build(&piece, &limits, 0, Some(&shared)).unwrap_err();
        assert!(e.message.contains("expands to more than 100 values"), "{e}");
        // Without a shared count, the same piece is fine again.
        assert!(build(&piece, &limits, 0, None).is_ok());
    }

    #[test]
    fn nesting_limits_hold_in_pieces_as_in_one_pass() {
        for depth in [3, 4, 5] {
            let limits = Limits {
                max_depth: 4,
                ..Limits::default()
            };
            let mut item = String::from("  - ");
            for d in 1..depth {
                item.push_str(&format!("k{d}:\n{}", " ".repeat(4 + 2 * d)));
            }
            item.push_str("leaf\n");
            // The first item shares the key's piece; the deep one stands alone.
            let text = format!("a:\n  - x\n{item}b: 1\n");
            let got = parse_shared(&[&text], &limits, 2, 0);
            assert_eq!(
                format!("{:?}", got[0]),
                format!("{:?}", parse_one(&text, &limits)),
                "{text}"
            );
        }
    }

    /// One item of a top-level list, as lines at the list's indent `i`.
    fn item(i: usize) -> impl Strategy<Value = String> {
        let pad = " ".repeat(i);
        prop_oneof![
            4 => "[a-z0-9]{0,5}".prop_map(|v| format!("- {v}")),
            4 => ("[a-d]", "[a-z0-9]{0,4}", "[a-d]", "[a-z0-9]{0,4}")
                .prop_map(|(k, v, k2, v2)| format!("- {k}: {v}\n  {k2}: {v2}")),
            1 => Just("-".to_string()),
            1 => Just("- |\n  one\n\n  two".to_string()),
            1 => Just("- |1\n  deep".to_string()),
            1 => Just("- k: >-\n    folded\n    text".to_string()),
            1 => Just("- plain\n  continued".to_string()),
            1 => Just("- \"quoted\n  on two lines\"".to_string()),
            1 => Just("- [1,\n  2]".to_string()),
            1 => Just("- &x {k: 1}".to_string()),
            1 => Just("- *x".to_string()),
            1 => Just("- k: 1\n  <<: {m: 2}".to_string()),
            1 => Just("- - nested\n  - list".to_string()),
            1 => Just("# note".to_string()),
            1 => Just("  # deeper note".to_string()),
            1 => Just(String::new()),
        ]
        .prop_map(move |item| {
            item.lines()
                .map(|l| {
                    if l.is_empty() || l.starts_with('#') {
                        l.to_string()
                    } else {
                        format!("{pad}{l}")
                    }
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
    }

    /// One top-level entry of a generated document, or now and then a stray line.
    fn entry() -> impl Strategy<Value = String> {
        prop_oneof![
            3 => ("[a-h]", "[a-z0-9 ]{0,6}").prop_map(|(k, v)| format!("{k}: {v}")),
            6 => ("[a-h]", 0..3usize, proptest::collection::vec(item(2), 1..8))
                .prop_map(|(k, i, items)| {
                    let pad = " ".repeat(i);
                    let items: Vec<String> = items
                        .iter()
                        .map(|it| it.lines().map(|l| l.strip_prefix("  ").map_or(l.to_string(), |l| format!("{pad}{l}"))).collect::<Vec<_>>().join("\n"))
                        .collect();
                    format!("{k}:\n{}", items.join("\n"))
                }),
            2 => ("[a-h]", "[a-d]", "[a-z0-9]{0,4}").prop_map(|(k, k2, v)| format!("{k}:\n  {k2}: {v}\n  z: 1")),
            1 => Just("e: &y 5".to_string()),
            1 => Just("f: *y".to_string()),
            1 => Just("g: |\n  block\n  text".to_string()),
            1 => Just("h: \"two\nlines\"".to_string()),
            1 => Just("# note".to_string()),
            1 => Just(String::new()),
            1 => prop_oneof![
                Just("---"),
                Just("\t- x"),
                Just("- stray"),
                Just("\"q\": 1"),
                Just("<<: {m: 1}"),
                Just("  - : :"),
                Just("   odd: indent"),
            ]
            .prop_map(str::to_string),
        ]
    }

    /// The project's own YAML files, for mutating.
    fn project_texts() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        for dir in ["questions", "assets", "tests/packs"] {
            yaml_files(&root.join(dir), &mut files);
        }
        files
            .iter()
            .filter_map(|f| std::fs::read_to_string(f).ok())
            .collect()
    }

    /// A change an author might make by mistake to one line.
    #[derive(Debug, Clone)]
    enum Edit {
        Delete,
        Duplicate,
        Indent,
        Dedent,
        SwapWithNext,
        Insert(&'static str),
    }

    fn edit() -> impl Strategy<Value = Edit> {
        prop_oneof![
            Just(Edit::Delete),
            Just(Edit::Duplicate),
            Just(Edit::Indent),
            Just(Edit::Dedent),
            Just(Edit::SwapWithNext),
            prop_oneof![
                Just("- stray"),
                Just("  - \"open"),
                Just("rules: [a,"),
                Just("x: &a 1"),
                Just("y: *a"),
                Just("---"),
                Just("candidates:"),
                Just("  - {id: dup}"),
            ]
            .prop_map(Edit::Insert),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(600))]

        /// Real packs with a few lines broken read the same in pieces as in one pass.
        #[test]
        fn edited_project_files_read_the_same_in_pieces(
            file in any::<proptest::sample::Index>(),
            edits in proptest::collection::vec((any::<proptest::sample::Index>(), edit()), 1..4),
        ) {
            let texts = project_texts();
            let text = file.get(&texts);
            let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
            for (at, e) in edits {
                if lines.is_empty() {
                    break;
                }
                let i = at.index(lines.len());
                match e {
                    Edit::Delete => {
                        lines.remove(i);
                    }
                    Edit::Duplicate => lines.insert(i, lines[i].clone()),
                    Edit::Indent => lines[i].insert_str(0, "  "),
                    Edit::Dedent => lines[i] = lines[i].trim_start().to_string(),
                    Edit::SwapWithNext if i + 1 < lines.len() => lines.swap(i, i + 1),
                    Edit::SwapWithNext => {}
                    Edit::Insert(l) => lines.insert(i, l.to_string()),
                }
            }
            let text = lines.join("\n") + "\n";
            let expected = one_pass(&text);
            let got = parse_shared(&[&text], &Limits::default(), 2, 0);
            prop_assert_eq!(format!("{:?}", got[0]), expected, "text:\n{}", text);
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]

        #[test]
        fn any_text_reads_the_same_in_pieces(
            entries in proptest::collection::vec(entry(), 1..12),
            breaks in 0..3u8,
        ) {
            let text = entries.join("\n") + "\n";
            let text = match breaks {
                0 => text,
                1 => text.replace('\n', "\r\n"),
                // Now and then a lone carriage return, which YAML also takes as a line end.
                _ => text.replacen('\n', "\r", 2),
            };
            let expected = one_pass(&text);
            for target in [0, 30] {
                let got = parse_shared(&[&text], &Limits::default(), 2, target);
                prop_assert_eq!(format!("{:?}", got[0]), expected.clone(), "text:\n{}", text);
            }
        }
    }
}
