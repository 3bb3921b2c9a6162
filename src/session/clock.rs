//! Times as sessions record them: whole seconds, written in RFC 3339 in UTC
//! (`2025-06-01T14:30:05Z`). Plain std arithmetic keeps the dependency list short.

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

/// A moment, in whole seconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

impl Timestamp {
    /// The current time (the epoch, should the system clock stand before it).
    pub fn now() -> Timestamp {
        let secs = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Timestamp(i64::try_from(secs).unwrap_or(i64::MAX))
    }

    /// The moment `secs` seconds after the epoch.
    pub fn from_unix(secs: i64) -> Timestamp {
        Timestamp(secs)
    }

    /// Seconds since the epoch.
    pub fn unix(self) -> i64 {
        self.0
    }

    /// The UTC calendar date and time: (year, month, day, hour, minute, second).
    pub fn civil(self) -> (i64, u32, u32, u32, u32, u32) {
        let days = self.0.div_euclid(86_400);
        let secs = self.0.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(days);
        (
            y,
            m,
            d,
            (secs / 3600) as u32,
            (secs / 60 % 60) as u32,
            (secs % 60) as u32,
        )
    }

    /// Read an RFC 3339 time (`2025-06-01T14:30:05Z`, `2025-06-01T16:30:05.25+02:00`);
    /// fractions of a second are dropped and offsets folded into UTC.
    pub fn parse(s: &str) -> Result<Timestamp, String> {
        let bad = || format!("`{s}` is not a time like 2025-06-01T14:30:05Z");
        let b = s.as_bytes();
        if b.len() < 20 || !s.is_ascii() {
            return Err(bad());
        }
        let num = |from: usize, len: usize| -> Result<i64, String> {
            let part = &s[from..from + len];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let sep = |i: usize, c: &[u8]| -> Result<(), String> {
            if c.contains(&b[i]) {
                Ok(())
            } else {
                Err(bad())
            }
        };
        let year = num(0, 4)?;
        sep(4, b"-")?;
        let month = num(5, 2)?;
        sep(7, b"-")?;
        let day = num(8, 2)?;
        sep(10, b"Tt ")?;
        let hour = num(11, 2)?;
        sep(13, b":")?;
        let minute = num(14, 2)?;
        sep(16, b":")?;
        let second = num(17, 2)?;
        let mut i = 19;
        if b[i] == b'.' {
            i += 1;
            let start = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            if i == start {
                return Err(bad());
            }
        }
        let offset = match &s[i..] {
            "Z" | "z" => 0,
            rest if rest.len() == 6 && matches!(rest.as_bytes()[0], b'+' | b'-') => {
                sep(i + 3, b":")?;
                let (h, m) = (num(i + 1, 2)?, num(i + 4, 2)?);
                if h > 23 || m > 59 {
                    return Err(bad());
                }
                let o = h * 3600 + m * 60;
                if rest.starts_with('-') { -o } else { o }
            }
            _ => return Err(bad()),
        };
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
            2 => 28,
            _ => return Err(bad()),
        };
        // A leap second (:60) is read as the second before it.
        if day < 1 || day > days_in_month || hour > 23 || minute > 59 || second > 60 {
            return Err(bad());
        }
        let days = days_from_civil(year, month as u32, day as u32);
        let secs = days * 86_400 + hour * 3600 + minute * 60 + second.min(59) - offset;
        Ok(Timestamp(secs))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, mo, d, h, mi, s) = self.civil();
        write!(f, "{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
    }
}

/// Days since the epoch of a proleptic Gregorian date (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: u32, d: u32) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = i64::from((m + 9) % 12);
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The proleptic Gregorian date of a day count since the epoch.
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_in_utc() {
        assert_eq!(Timestamp(0).to_string(), "1970-01-01T00:00:00Z");
        assert_eq!(Timestamp(1_748_788_205).to_string(), "2025-06-01T14:30:05Z");
        assert_eq!(Timestamp(951_782_400).to_string(), "2000-02-29T00:00:00Z");
    }

    #[test]
    fn round_trips_over_centuries() {
        for secs in (-5_000_000_000i64..10_000_000_000).step_by(86_399 * 37) {
            let t = Timestamp(secs);
            assert_eq!(Timestamp::parse(&t.to_string()), Ok(t));
        }
    }

    #[test]
    fn reads_offsets_and_fractions() {
        let t = Timestamp::parse("2025-06-01T16:30:05.250+02:00").unwrap();
        assert_eq!(t.to_string(), "2025-06-01T14:30:05Z");
    }

    #[test]
    fn refuses_what_is_not_a_time() {
        for s in [
            "",
            "yesterday",
            "2025-13-01T00:00:00Z",
            "2025-02-29T00:00:00Z",
            "2025-06-01T24:00:00Z",
            "2025-06-01T14:30:05",
            "2025-06-01T14:30:05+0200",
            "2025-06-01T14:30:05.Z",
            "２025-06-01T14:30:05Z",
        ] {
            assert!(Timestamp::parse(s).is_err(), "{s}");
        }
    }
}
