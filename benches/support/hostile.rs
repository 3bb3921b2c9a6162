//! YAML texts shaped to make a careless parser slow: each either parses or is refused,
//! and either way quickly. Shared by `benches/hostile.rs` and `tests/hostile_input.rs`.

#![allow(dead_code)]

/// A mapping of `n` keys merged whole into another with `<<`.
pub fn merge(n: usize) -> String {
    let mut s = String::from("base: &b\n");
    for i in 0..n {
        s.push_str(&format!("  k{i}: {i}\n"));
    }
    s.push_str("merged:\n  <<: *b\n  own: 1\n");
    s
}

/// A list of `n` items, each with an anchor of its own.
pub fn anchors(n: usize) -> String {
    let mut s = String::from("---\n");
    for i in 0..n {
        s.push_str(&format!("- &a{i} {i}\n"));
    }
    s
}

/// About `bytes` bytes of `- 1` lines.
pub fn items(bytes: usize) -> String {
    "- 1\n".repeat(bytes / 4)
}

/// A mapping of `n` keys.
pub fn keys(n: usize) -> String {
    let mut s = String::with_capacity(n * 12);
    for i in 0..n {
        s.push_str(&format!("k{i}: 1\n"));
    }
    s
}

/// A flow list of about `bytes` bytes.
pub fn flow(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 2);
    s.push('[');
    s.push_str(&"1, ".repeat(bytes / 3));
    s.push_str("1]\n");
    s
}

/// Nine levels of lists of nine aliases to the level below: a billion values if expanded.
pub fn laughs() -> String {
    let mut s = String::from("a: &a [x, x, x, x, x, x, x, x, x]\n");
    let mut prev = "a";
    for n in ["b", "c", "d", "e", "f", "g", "h", "i"] {
        let refs = vec![format!("*{prev}"); 9].join(", ");
        s.push_str(&format!("{n}: &{n} [{refs}]\n"));
        prev = n;
    }
    s
}

/// One anchored list of `width` values, aliased `times` times in another: a wide anchor
/// repeated rather than nested.
pub fn wide_aliases(width: usize, times: usize) -> String {
    let items = vec!["x"; width].join(", ");
    let refs = vec!["*w"; times].join(", ");
    format!("wide: &w [{items}]\nrefs: [{refs}]\n")
}

/// `units` flow lists nested 60 deep with an anchor at every level, side by side: no
/// alias at all, but each anchor keeps a copy of all it holds.
pub fn anchored_nesting(units: usize) -> String {
    let unit = format!("{}1{}", "[&a ".repeat(60), "]".repeat(60));
    format!("[{}]\n", vec![unit.as_str(); units].join(", "))
}

/// A flow list of about `bytes` bytes of one-digit items with no spaces: the most
/// values a byte can hold.
pub fn flow_tight(bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + 2);
    s.push('[');
    s.push_str(&"1,".repeat(bytes / 2));
    s.push_str("1]\n");
    s
}

/// About `bytes` bytes of one-key documents, each after a `---`.
pub fn documents(bytes: usize) -> String {
    "a: 1\n---\n".repeat(bytes / 9)
}

/// One plain scalar of about `bytes` bytes, the whole document.
pub fn scalar(bytes: usize) -> String {
    let mut s = "x".repeat(bytes);
    s.push('\n');
    s
}

/// About `bytes` bytes of flow lists nested 60 deep, within the nesting limit, side by
/// side in one list.
pub fn deep(bytes: usize) -> String {
    let unit = format!("{}1{}", "[".repeat(60), "]".repeat(60));
    let mut s = String::with_capacity(bytes + unit.len() + 2);
    s.push('[');
    while s.len() < bytes {
        s.push_str(&unit);
        s.push(',');
    }
    s.push_str("1]\n");
    s
}

/// About `bytes` bytes of block mappings nested 60 deep, within the nesting limit, one
/// after another.
pub fn deep_block(bytes: usize) -> String {
    let mut unit = String::new();
    for level in 0..60 {
        unit.push_str(&" ".repeat(level));
        unit.push_str("k:\n");
    }
    let mut s = String::with_capacity(bytes + unit.len() * 2);
    let mut i = 0;
    while s.len() < bytes {
        s.push_str(&format!("d{i}:\n"));
        for line in unit.lines() {
            s.push(' ');
            s.push_str(line);
            s.push('\n');
        }
        i += 1;
    }
    s
}
