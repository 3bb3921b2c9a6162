//! The shape of the code: the modules' imports point one way.
//!
//! Every path a source file names (`crate::a::b`, `super::c`, `use super::{d, e}`) is an
//! edge from its module to the module the path lands in. Between the modules of one
//! folder the edges must form no cycle, at every level of the tree, and the front ends
//! (`tui`, `plain`) and everything below them never reach up into `cli`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

type Module = Vec<String>;

/// Every module of the library and the text of its file, comments left out.
fn modules() -> BTreeMap<Module, String> {
    let mut out = BTreeMap::new();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    walk(&root, &root, &mut out);
    out
}

fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<Module, String>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().collect();
    entries.sort_by_key(|e| e.path());
    for e in entries {
        let path = e.path();
        if path.is_dir() {
            walk(root, &path, out);
            continue;
        }
        if path.extension().is_none_or(|x| x != "rs") {
            continue;
        }
        let rel = path.strip_prefix(root).unwrap().with_extension("");
        let mut module: Module = rel
            .iter()
            .map(|p| p.to_string_lossy().into_owned())
            .collect();
        if module.last().is_some_and(|l| l == "mod" || l == "lib") {
            module.pop();
        }
        if module == ["main"] {
            continue; // the binary sits above everything
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let code: String = text
            .lines()
            .map(|l| match l.find("//") {
                Some(i) => &l[..i],
                None => l,
            })
            .collect::<Vec<_>>()
            .join("\n");
        out.insert(module, code);
    }
}

/// The paths `code` names, made absolute from `module`.
fn paths(module: &Module, code: &str) -> Vec<Module> {
    let mut found = Vec::new();
    let bytes = code.as_bytes();
    for (start, _) in code
        .match_indices("crate::")
        .chain(code.match_indices("super::"))
    {
        if start > 0 && (bytes[start - 1].is_ascii_alphanumeric() || bytes[start - 1] == b'_') {
            continue;
        }
        if start >= 2 && &code[start - 2..start] == "::" {
            continue; // the tail of a longer path, counted from its head
        }
        let mut base: Module;
        let mut rest = &code[start..];
        if let Some(r) = rest.strip_prefix("crate::") {
            base = Vec::new();
            rest = r;
        } else {
            base = module.clone();
            while let Some(r) = rest.strip_prefix("super::") {
                base.pop();
                rest = r;
            }
        }
        for tail in heads(rest) {
            let mut p = base.clone();
            p.extend(tail);
            found.push(p);
        }
    }
    found
}

/// The paths that start `rest`: `a::b::C`, or each member of a `{a, b::c}` group.
fn heads(rest: &str) -> Vec<Vec<String>> {
    if let Some(group) = rest.strip_prefix('{') {
        let mut depth = 0;
        let mut members = Vec::new();
        let mut current = String::new();
        for ch in group.chars() {
            match ch {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    members.push(std::mem::take(&mut current));
                    continue;
                }
                _ => {}
            }
            current.push(ch);
        }
        members.push(current);
        return members.iter().flat_map(|m| heads(m.trim())).collect();
    }
    let mut segs = Vec::new();
    let mut rest = rest;
    loop {
        let end = rest
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        if end == 0 {
            break;
        }
        segs.push(rest[..end].to_string());
        match rest[end..].strip_prefix("::") {
            Some(r) if !r.starts_with('{') => rest = r,
            Some(r) => {
                return heads(r)
                    .into_iter()
                    .map(|t| segs.iter().cloned().chain(t).collect())
                    .collect();
            }
            None => break,
        }
    }
    vec![segs]
}

/// The module a path lands in: its longest prefix that is a module.
fn landing(path: &Module, known: &BTreeSet<Module>) -> Module {
    (0..=path.len())
        .rev()
        .map(|n| path[..n].to_vec())
        .find(|p| known.contains(p))
        .unwrap_or_default()
}

/// Edges between modules, each once: (from, to).
fn edges() -> BTreeSet<(Module, Module)> {
    let all = modules();
    let known: BTreeSet<Module> = all.keys().cloned().collect();
    let mut edges = BTreeSet::new();
    for (m, code) in &all {
        for p in paths(m, code) {
            let to = landing(&p, &known);
            if &to != m {
                edges.insert((m.clone(), to));
            }
        }
    }
    edges
}

fn name(m: &[String]) -> String {
    if m.is_empty() {
        "crate".to_string()
    } else {
        m.join("::")
    }
}

#[test]
fn no_import_cycle_between_the_modules_of_any_folder() {
    // Between siblings under a common parent: an edge from a module (or its descendants)
    // to another child of the same parent. A child naming its parent's own items, and a
    // parent naming its children, are the tree itself, not edges between siblings.
    let mut graphs: BTreeMap<Module, BTreeMap<String, BTreeSet<String>>> = BTreeMap::new();
    for (from, to) in edges() {
        let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
        if common == from.len() || common == to.len() {
            continue;
        }
        graphs
            .entry(from[..common].to_vec())
            .or_default()
            .entry(from[common].clone())
            .or_default()
            .insert(to[common].clone());
    }
    let mut cycles = Vec::new();
    for (parent, graph) in &graphs {
        if let Some(cycle) = find_cycle(graph) {
            cycles.push(format!("in {}: {}", name(parent), cycle.join(" -> ")));
        }
    }
    assert!(cycles.is_empty(), "import cycles:\n{}", cycles.join("\n"));
}

/// A cycle in `graph`, as the names along it, if there is one.
fn find_cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(
        n: &str,
        graph: &BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<String>,
        done: &mut BTreeSet<String>,
    ) -> Option<Vec<String>> {
        if let Some(i) = path.iter().position(|p| p == n) {
            let mut cycle = path[i..].to_vec();
            cycle.push(n.to_string());
            return Some(cycle);
        }
        if done.contains(n) {
            return None;
        }
        path.push(n.to_string());
        for next in graph.get(n).into_iter().flatten() {
            if let Some(c) = visit(next, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        done.insert(n.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph
        .keys()
        .find_map(|n| visit(n, graph, &mut Vec::new(), &mut done))
}

#[test]
fn nothing_below_the_command_line_reaches_up_into_it() {
    let up: Vec<String> = edges()
        .into_iter()
        .filter(|(from, to)| to.first().is_some_and(|t| t == "cli") && from.first() != to.first())
        .map(|(from, to)| format!("{} -> {}", name(&from), name(&to)))
        .collect();
    assert!(
        up.is_empty(),
        "imports of `cli` from below it:\n{}",
        up.join("\n")
    );
}

#[test]
fn the_core_knows_no_front_end() {
    let front = ["cli", "tui", "plain"];
    let up: Vec<String> = edges()
        .into_iter()
        .filter(|(from, to)| {
            let (f, t) = (
                from.first().map(String::as_str),
                to.first().map(String::as_str),
            );
            t.is_some_and(|t| front.contains(&t))
                && f.is_some_and(|f| !front.contains(&f))
                && !from.is_empty()
        })
        .map(|(from, to)| format!("{} -> {}", name(&from), name(&to)))
        .collect();
    assert!(
        up.is_empty(),
        "the core imports a front end:\n{}",
        up.join("\n")
    );
}

#[test]
fn the_edge_finder_sees_every_form_of_path() {
    let m: Module = vec!["pack".into(), "decode".into()];
    let found = paths(
        &m,
        "use super::{advice, reader::{Fields, int}};\nuse crate::diag::{Diagnostics, suggest};\nlet x = crate::yaml::Node::new(); super::super::score::f();",
    );
    let shown: Vec<String> = found.iter().map(|p| name(p)).collect();
    for want in [
        "pack::advice",
        "pack::reader::Fields",
        "pack::reader::int",
        "diag::Diagnostics",
        "diag::suggest",
        "yaml::Node::new",
        "score::f",
    ] {
        assert!(shown.iter().any(|s| s == want), "{want} not in {shown:?}");
    }
}
