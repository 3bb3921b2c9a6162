//! A generated pack of 1,000 questions and 10,000 rules, for benchmarks and the test that
//! keeps it loadable. Shared by `benches/core.rs`, `benches/recommend.rs` and
//! `tests/large_pack.rs`, each using part of it.
#![allow(dead_code)]

/// The YAML text of a large pack: `questions` questions (single, multiple, number and
/// yes/no in turn, some shown only on an earlier answer) in sections of 25, and `rules`
/// rules over them (one test each for half of them, two or three combined for the rest,
/// as in real packs), scoring five candidates.
pub fn large_pack_yaml(questions: usize, rules: usize) -> String {
    large_pack_files(questions, rules, 1).concat()
}

/// The same pack as [`large_pack_yaml`], as a header-and-questions file followed by
/// `parts` files of rules, as an author would split a pack this size.
pub fn large_pack_files(questions: usize, rules: usize, parts: usize) -> Vec<String> {
    use std::fmt::Write;
    let mut s = String::with_capacity(rules * 200);
    s.push_str(
        "pack:\n  id: large\n  version: \"1\"\n  title: Large generated pack\n  close_call: 2\n",
    );
    s.push_str("candidates:\n");
    for c in 0..5 {
        let _ = writeln!(s, "  - {{id: c{c}, name: Candidate {c}}}");
    }
    s.push_str("sections:\n");
    for q in 0..questions {
        if q % 25 == 0 {
            let _ = writeln!(
                s,
                "  - id: s{}\n    title: Section {}\n    questions:",
                q / 25,
                q / 25
            );
        }
        let _ = write!(
            s,
            "      - id: q{q}\n        prompt: Question {q}?\n        help: Generated.\n"
        );
        match q % 4 {
            0 => s.push_str("        kind: single\n        options: [{id: a, label: A}, {id: b, label: B}, {id: c, label: C}]\n        default: a\n"),
            1 => s.push_str("        kind: multiple\n        min: 1\n        options: [{id: x, label: X}, {id: y, label: Y}, {id: z, label: Z}]\n        default: [x]\n"),
            2 => s.push_str("        kind: number\n        min: 0\n        max: 100\n        step: 5\n        default: 50\n"),
            _ => s.push_str("        kind: yes_no\n        default: false\n"),
        }
        if q % 10 == 9 {
            let _ = writeln!(
                s,
                "        when: {{not: {{equals: {{q{}: c}}}}}}",
                (q - 9) / 4 * 4
            );
        }
    }
    let mut files = vec![s];
    let per_part = rules.div_ceil(parts.max(1));
    for r in 0..rules {
        if r % per_part == 0 {
            files.push(String::from("rules:\n"));
        }
        let s = files.last_mut().expect("a rules file was just started");
        let test = |k: usize| -> String {
            let q = (r * 7 + k * 13) % questions;
            match q % 4 {
                0 => format!("{{one_of: {{q{q}: [a, b]}}}}"),
                1 => format!("{{contains: {{q{q}: y}}}}"),
                2 => format!("{{range: {{q{q}: {{min: {}}}}}}}", (r % 10) * 10),
                _ => format!("{{equals: {{q{q}: true}}}}"),
            }
        };
        // Like real packs: most rules test one answer, some combine two or three.
        let when = match r % 4 {
            0 | 1 => test(0),
            2 => format!("{{all: [{}, {}]}}", test(0), test(1)),
            _ => format!("{{any: [{}, {{not: {}}}]}}", test(1), test(2)),
        };
        let _ = writeln!(
            s,
            "  - {{id: r{r}, when: {when}, points: {{c{}: {}, c{}: -1}}, reason: Generated rule {r}., source: Generator}}",
            r % 5,
            1 + r % 3,
            (r + 2) % 5
        );
    }
    files
}
