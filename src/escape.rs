//! Text from packs, answers and session files made safe to show: whatever leaves for a
//! terminal or a report passes through [`shown`] at the one writer of its kind, so an
//! escape sequence in a file (a screen clear, a clipboard write, a link) is shown as
//! text instead of being obeyed.

use std::borrow::Cow;

/// The bidirectional overrides and isolates, which reorder what a reader sees.
pub fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether `c` is shown escaped: C0 and C1 controls and DEL, except the newline and tab
/// that lay text out, and the bidi controls.
fn needs_escape(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\t')) || is_bidi_control(c)
}

/// `text` with every control character shown escaped: `\e` for ESC, `\r`, `\x07` for
/// the other C0 controls, and `\u009b`, `\u007f`, `\u202e` for C1 controls, DEL and bidi
/// controls. Newlines and tabs are kept. The `\u` escapes are JSON's own, so JSON text
/// passed through here stays valid and means the same; a JSON writer never leaves a raw
/// C0 control inside a string.
pub fn shown(text: &str) -> Cow<'_, str> {
    if !any_escaped(text.as_bytes()) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if !needs_escape(c) {
            out.push(c);
            continue;
        }
        match c {
            '\u{1b}' => out.push_str("\\e"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\x{:02x}", c as u32)),
            c => out.push_str(&format!("\\u{:04x}", c as u32)),
        }
    }
    Cow::Owned(out)
}

/// `text` for a place one line long (a name in a column, a file in a list): as
/// [`shown`], and line breaks and tabs escaped too (`\n`, `\t`), so that the width a
/// column is padded to is the width shown.
pub fn one_line(text: &str) -> Cow<'_, str> {
    if !text.contains(['\n', '\t']) {
        return shown(text);
    }
    let text = text.replace('\n', "\\n").replace('\t', "\\t");
    Cow::Owned(shown(&text).into_owned())
}

/// Whether any character of this UTF-8 text [`needs_escape`], told from its bytes: every
/// report passes through here, so the common case (nothing to escape) is a branch-free
/// scan of 32-byte blocks, and only a block holding a byte that may begin an escaped
/// character is looked at closely.
fn any_escaped(bytes: &[u8]) -> bool {
    /// A byte that is, or may begin, a character to escape.
    fn suspect(b: u8) -> bool {
        (b < 0x20 && b != b'\n' && b != b'\t') | (b == 0x7f) | (b == 0xc2) | (b == 0xe2)
    }
    let at = |i: usize| bytes.get(i).copied().unwrap_or(0);
    let escaped = |i: usize| match bytes[i] {
        // U+0080..=U+009F, the C1 controls.
        0xc2 => matches!(at(i + 1), 0x80..=0x9f),
        // U+202A..=U+202E and U+2066..=U+2069, the bidi controls.
        0xe2 => matches!(
            (at(i + 1), at(i + 2)),
            (0x80, 0xaa..=0xae) | (0x81, 0xa6..=0xa9)
        ),
        b => suspect(b),
    };
    const BLOCK: usize = 32;
    let blocks = bytes.chunks_exact(BLOCK);
    let tail = blocks.remainder().len();
    // Whole blocks of a fixed size, so that the scan compiles to a few vector operations.
    let whole = blocks.enumerate().any(|(n, block)| {
        block.iter().fold(0u8, |any, &b| any | u8::from(suspect(b))) != 0
            && (0..BLOCK).any(|i| suspect(block[i]) && escaped(n * BLOCK + i))
    });
    whole || (bytes.len() - tail..bytes.len()).any(escaped)
}

/// Longest name a message quotes whole.
const EXCERPT_CHARS: usize = 40;

/// `text` cut to its first few characters, with `…` where it was cut: how a message
/// quotes a name it does not know, so that a file which is no YAML of ours (a key file,
/// a password file) is never echoed at length. Escaping is still the writer's job.
pub fn excerpt(text: &str) -> Cow<'_, str> {
    match text.char_indices().nth(EXCERPT_CHARS) {
        None => Cow::Borrowed(text),
        Some((cut, _)) => Cow::Owned(format!("{}…", &text[..cut])),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_line_text_escapes_line_breaks_and_tabs_as_well() {
        assert_eq!(one_line("a\nb\tc\u{1b}[31m"), "a\\nb\\tc\\e[31m");
        assert_eq!(one_line("plain"), "plain");
    }

    #[test]
    fn the_byte_test_agrees_with_the_character_test_for_every_character() {
        let mut buf = [0u8; 4];
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            let alone = c.encode_utf8(&mut buf).as_bytes().to_vec();
            assert_eq!(any_escaped(&alone), needs_escape(c), "{:?}", c);
            let among = format!("a·{c}–z");
            assert_eq!(any_escaped(among.as_bytes()), needs_escape(c), "{:?}", c);
        }
    }

    #[test]
    fn excerpts_are_short() {
        assert_eq!(excerpt("promt"), "promt");
        let long = "é".repeat(100);
        assert_eq!(excerpt(&long), format!("{}…", "é".repeat(EXCERPT_CHARS)));
    }

    #[test]
    fn plain_text_is_left_alone() {
        let t = "Outsource · 3 × $7,000\n\tindented";
        assert!(matches!(shown(t), Cow::Borrowed(_)));
    }

    #[test]
    fn controls_are_shown_escaped() {
        assert_eq!(shown("a\x1b[2Jb"), "a\\e[2Jb");
        assert_eq!(shown("\x1b]52;c;SGVsbG8=\x07"), "\\e]52;c;SGVsbG8=\\x07");
        assert_eq!(shown("x\u{9b}31m\u{7f}"), "x\\u009b31m\\u007f");
        assert_eq!(shown("line\r\n"), "line\\r\n");
        assert_eq!(shown("abc\u{202e}fed"), "abc\\u202efed");
        assert_eq!(shown("\u{2066}x\u{2069}"), "\\u2066x\\u2069");
    }

    #[test]
    fn json_stays_valid_and_keeps_its_value() {
        let value = serde_json::json!({"name": "a\u{9b}b\u{202e}c\u{7f}\x1b"});
        let text = serde_json::to_string_pretty(&value).expect("serialises");
        let safe = shown(&text);
        assert!(!safe.chars().any(needs_escape), "{safe}");
        let back: serde_json::Value = serde_json::from_str(&safe).expect("still JSON");
        assert_eq!(back, value);
    }

    #[test]
    fn escaping_twice_changes_nothing_more() {
        let once = shown("\x1b\u{9b}\u{202e}\r").into_owned();
        assert_eq!(shown(&once), once);
    }
}
