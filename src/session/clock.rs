//! Times as sessions record them: whole seconds, written in RFC 3339 in UTC
//! (`2025-06-01T14:30:05Z`). The calendar is the `time` crate's.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use time::OffsetDateTime;
use time::format_description::well_known::Rfc3339;

/// A moment, in whole seconds since 1970-01-01T00:00:00Z, between the years 0 and 9999
/// (all that RFC 3339 can write).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

/// 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z.
const FIRST: i64 = -62_167_219_200;
const LAST: i64 = 253_402_300_799;

impl Timestamp {
    /// The current time (the epoch, should the system clock stand before it).
    pub fn now() -> Timestamp {
        Timestamp::from_unix(OffsetDateTime::now_utc().unix_timestamp().max(0))
    }

    /// The moment `secs` seconds after the epoch, kept within the years RFC 3339 writes.
    pub fn from_unix(secs: i64) -> Timestamp {
        Timestamp(secs.clamp(FIRST, LAST))
    }

    /// Seconds since the epoch.
    pub fn unix(self) -> i64 {
        self.0
    }

    fn utc(self) -> OffsetDateTime {
        // In range by construction.
        OffsetDateTime::from_unix_timestamp(self.0).unwrap_or(OffsetDateTime::UNIX_EPOCH)
    }

    /// The UTC calendar date and time: (year, month, day, hour, minute, second).
    pub fn civil(self) -> (i64, u32, u32, u32, u32, u32) {
        let t = self.utc();
        (
            i64::from(t.year()),
            u32::from(u8::from(t.month())),
            u32::from(t.day()),
            u32::from(t.hour()),
            u32::from(t.minute()),
            u32::from(t.second()),
        )
    }

    /// To the minute, for people: `2025-06-01 14:30 UTC`.
    pub fn to_minute(self) -> String {
        let (y, mo, d, h, mi, _) = self.civil();
        format!("{y:04}-{mo:02}-{d:02} {h:02}:{mi:02} UTC")
    }

    /// Read an RFC 3339 time (`2025-06-01T14:30:05Z`, `2025-06-01T16:30:05.25+02:00`);
    /// fractions of a second are dropped and offsets folded into UTC.
    pub fn parse(s: &str) -> Result<Timestamp, String> {
        OffsetDateTime::parse(s, &Rfc3339)
            .map(|t| Timestamp::from_unix(t.unix_timestamp()))
            .map_err(|_| format!("`{s}` is not a time like 2025-06-01T14:30:05Z"))
    }
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.utc().format(&Rfc3339) {
            Ok(text) => f.write_str(&text),
            // Every moment in range formats; this is never reached.
            Err(_) => write!(f, "{}", self.0),
        }
    }
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(d)?;
        Timestamp::parse(&text).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_in_utc() {
        assert_eq!(Timestamp(0).to_string(), "1970-01-01T00:00:00Z");
        assert_eq!(Timestamp(1_748_788_205).to_string(), "2025-06-01T14:30:05Z");
        assert_eq!(Timestamp(951_782_400).to_string(), "2000-02-29T00:00:00Z");
        assert_eq!(
            Timestamp(1_748_788_205).civil(),
            (2025, 6, 1, 14, 30, 5),
            "civil"
        );
    }

    #[test]
    fn round_trips_over_centuries() {
        for secs in (-5_000_000_000i64..10_000_000_000).step_by(86_399 * 37) {
            let t = Timestamp(secs);
            assert_eq!(Timestamp::parse(&t.to_string()), Ok(t));
        }
        for t in [
            Timestamp::from_unix(i64::MIN),
            Timestamp::from_unix(i64::MAX),
        ] {
            assert_eq!(Timestamp::parse(&t.to_string()), Ok(t));
        }
    }

    #[test]
    fn reads_offsets_fractions_and_the_forms_rfc_3339_allows() {
        let t = Timestamp::parse("2025-06-01T16:30:05.250+02:00").unwrap();
        assert_eq!(t.to_string(), "2025-06-01T14:30:05Z");
        for s in ["2025-06-01t14:30:05z", "2025-06-01 14:30:05Z"] {
            assert_eq!(Timestamp::parse(s), Ok(Timestamp(1_748_788_205)), "{s}");
        }
        // A leap second is read as the second before it.
        assert_eq!(
            Timestamp::parse("2016-12-31T23:59:60Z")
                .unwrap()
                .to_string(),
            "2016-12-31T23:59:59Z"
        );
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
            "2025-06-01T14:30:05+02:60",
            "2025-06-01T14:30:05.Z",
            "２025-06-01T14:30:05Z",
        ] {
            assert!(Timestamp::parse(s).is_err(), "{s}");
        }
    }
}
