//! How whole numbers are written for people: with thousands separators, the one way
//! every answer, amount and count a report prints is written.

/// `n` with thousands separators: `27,903`, `-1,500`, `3`.
pub fn grouped(n: i64) -> String {
    let mut out = String::with_capacity(24);
    if n < 0 {
        out.push('-');
    }
    push_grouped(&mut out, n.unsigned_abs());
    out
}

/// `n` with thousands separators, onto `out`.
pub fn push_grouped(out: &mut String, n: u64) {
    let digits = n.to_string();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
}

/// The digits of a whole number written either plainly (`12000`) or as [`grouped`]
/// writes it (`12,000`), also with spaces for commas (`12 000`); `None` for anything else,
/// such as `12,5` or `1,2000`, which could be meant another way.
pub fn ungrouped(text: &str) -> Option<String> {
    let text = text.trim();
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if digits(text) {
        return Some(text.to_string());
    }
    let sep = [',', ' '].into_iter().find(|&c| text.contains(c))?;
    let mut parts = text.split(sep);
    let first = parts.next()?;
    if !digits(first) || first.len() > 3 {
        return None;
    }
    let mut out = first.to_string();
    for part in parts {
        if part.len() != 3 || !digits(part) {
            return None;
        }
        out.push_str(part);
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouped_numbers_read_back_and_nothing_else_does() {
        for n in [0, 7, 999, 1_000, 27_903, 1_000_000_000] {
            assert_eq!(ungrouped(&grouped(n)), Some(n.to_string()));
            assert_eq!(
                ungrouped(&grouped(n).replace(',', " ")),
                Some(n.to_string())
            );
        }
        assert_eq!(ungrouped(" 12000 "), Some("12000".to_string()));
        for bad in [
            "",
            "12,5",
            "1,2000",
            "1234,567",
            ",123",
            "12,000.50",
            "1, 000",
            "-5",
            "a",
        ] {
            assert_eq!(ungrouped(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn groups_of_three_from_the_right() {
        assert_eq!(grouped(0), "0");
        assert_eq!(grouped(999), "999");
        assert_eq!(grouped(1_000), "1,000");
        assert_eq!(grouped(27_903), "27,903");
        assert_eq!(grouped(1_000_000_000), "1,000,000,000");
        assert_eq!(grouped(-1_500), "-1,500");
        assert_eq!(grouped(i64::MIN), "-9,223,372,036,854,775,808");
    }
}
