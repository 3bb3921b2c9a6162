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

#[cfg(test)]
mod tests {
    use super::*;

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
