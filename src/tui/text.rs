//! Measuring, wrapping and cutting text by display width, so that every view knows
//! exactly how many rows its content takes before it draws.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Display width of `s` in terminal columns.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Word-wrap `s` to lines of at most `max` columns. Words longer than a line break after
/// a dash or slash where they have one, and are cut where they do not; explicit line
/// breaks are kept. Always returns at least one line.
pub fn wrap(s: &str, max: usize) -> Vec<String> {
    let max = max.max(1);
    let mut out = Vec::new();
    for para in s.split('\n') {
        let mut line = String::new();
        let mut w = 0;
        for word in para.split_whitespace() {
            let ww = width(word);
            if w > 0 && w + 1 + ww <= max {
                line.push(' ');
                line.push_str(word);
                w += 1 + ww;
                continue;
            }
            if w > 0 {
                out.push(std::mem::take(&mut line));
                w = 0;
            }
            if ww <= max {
                line.push_str(word);
                w = ww;
                continue;
            }
            // A word wider than a line breaks after its dashes and slashes, so that a
            // range such as `$50,000–$90,000` splits between its figures; a piece still
            // wider than a line is cut at the column limit.
            for piece in pieces(word) {
                let pw = width(piece);
                if w > 0 && w + pw > max {
                    out.push(std::mem::take(&mut line));
                    w = 0;
                }
                if pw <= max {
                    line.push_str(piece);
                    w += pw;
                    continue;
                }
                for c in piece.chars() {
                    let cw = c.width().unwrap_or(0);
                    if w + cw > max && w > 0 {
                        out.push(std::mem::take(&mut line));
                        w = 0;
                    }
                    line.push(c);
                    w += cw;
                }
            }
        }
        out.push(line);
    }
    out
}

/// `word` split after each place a line may break inside it: after a dash or a slash,
/// and after a hyphen that joins two words (not one that is a minus sign).
fn pieces(word: &str) -> impl Iterator<Item = &str> {
    let mut prev = None;
    word.split_inclusive(move |c: char| {
        let joins = c == '-' && prev.is_some_and(char::is_alphabetic);
        prev = Some(c);
        matches!(c, '–' | '—' | '/') || joins
    })
}

/// `s` cut to at most `max` columns, ending in `…` when it was cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// `s` padded with spaces (or cut) to exactly `cols` columns.
pub fn pad(s: &str, cols: usize) -> String {
    let s = truncate(s, cols);
    let w = width(&s);
    format!("{s}{}", " ".repeat(cols.saturating_sub(w)))
}

/// The first letter in upper case, for messages that come from the core in lower case.
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_at_word_boundaries() {
        assert_eq!(wrap("one two three", 7), vec!["one two", "three"]);
        assert_eq!(wrap("", 5), vec![""]);
        assert_eq!(wrap("abcdefgh", 3), vec!["abc", "def", "gh"]);
        assert_eq!(wrap("a\nb", 10), vec!["a", "b"]);
    }

    #[test]
    fn a_range_too_wide_for_a_line_splits_between_its_figures() {
        assert_eq!(
            wrap("1 × ($50,000–$90,000 a year", 15),
            vec!["1 ×", "($50,000–", "$90,000 a year"]
        );
        // Pieces still too wide are cut; a dash-free word is cut as before.
        assert_eq!(wrap("abcdefgh-ij", 4), vec!["abcd", "efgh", "-ij"]);
        assert_eq!(wrap("x a/b", 3), vec!["x", "a/b"]);
        // A minus sign stays with its figure; a hyphen between words is a break.
        assert_eq!(
            wrap("(-$72,000–-$1,000)", 9),
            vec!["(-$72,000", "–-$1,000)"]
        );
        assert_eq!(wrap("well-known-name", 6), vec!["well-", "known-", "name"]);
    }

    #[test]
    fn truncates_with_an_ellipsis() {
        assert_eq!(truncate("hello world", 6), "hello…");
        assert_eq!(truncate("hi", 6), "hi");
        assert_eq!(truncate("hi", 0), "");
        assert_eq!(pad("ab", 4), "ab  ");
    }
}
