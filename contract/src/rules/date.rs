//! Calendar dates without a date library.
//!
//! The app ships as wasm to cheap phones, so instead of pulling in `chrono` or `time` the
//! contract carries this small proleptic-Gregorian date: enough to read birth dates out of
//! resident IDs, compute ages (周岁) for eligibility rules, and book appointment days.
//! Day arithmetic uses Howard Hinnant's `days_from_civil` / `civil_from_days` algorithms
//! (<https://howardhinnant.github.io/date_algorithms.html>).
//!
//! Years are limited to 1..=9999 so that every date has exactly one `YYYY-MM-DD` form and
//! arithmetic can never overflow; operations that would leave that range saturate at
//! [`Date::MIN`] / [`Date::MAX`] rather than panic (a panic in the wasm app kills the page).

use serde::de::{self, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Shenzhen's offset from UTC in seconds (China Standard Time, UTC+8, no daylight saving).
pub const SHENZHEN_UTC_OFFSET: i32 = 8 * 3600;

const SECONDS_PER_DAY: i64 = 86_400;
/// Days from 0000-03-01 to 1970-01-01 in Hinnant's shifted calendar.
const EPOCH_SHIFT: i64 = 719_468;
const DAYS_PER_ERA: i64 = 146_097;

/// A calendar day (no time, no zone). Ordering is chronological because fields are compared
/// year, then month, then day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// Whether `year` is a Gregorian leap year.
pub fn is_leap_year(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Number of days in `month` (1–12) of `year`; 0 for an invalid month.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// The earliest representable date, 0001-01-01.
    pub const MIN: Date = Date { year: 1, month: 1, day: 1 };
    /// The latest representable date, 9999-12-31.
    pub const MAX: Date = Date { year: 9999, month: 12, day: 31 };

    /// A real calendar date, or `None` (e.g. 2023-02-29, month 13, year 0 or 10000).
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        if !(1..=9999).contains(&year) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Date { year, month, day })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    /// Parses exactly `YYYY-MM-DD` (the wire format and what `<input type="date">` yields).
    /// Deliberately strict: no surrounding spaces, no single-digit months.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| -> Option<u32> {
            b[r].iter().try_fold(0u32, |acc, &c| c.is_ascii_digit().then(|| acc * 10 + u32::from(c - b'0')))
        };
        let year = num(0..4)? as i32;
        let month = u8::try_from(num(5..7)?).ok()?;
        let day = u8::try_from(num(8..10)?).ok()?;
        Date::new(year, month, day)
    }

    /// `YYYY-MM-DD`.
    pub fn to_iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Days since 1970-01-01 (negative before it).
    pub fn days_since_epoch(self) -> i64 {
        let (m, d) = (i64::from(self.month), i64::from(self.day));
        let y = i64::from(self.year) - i64::from(m <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400; // [0, 399]
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1; // [0, 365]
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy; // [0, 146096]
        era * DAYS_PER_ERA + doe - EPOCH_SHIFT
    }

    /// The date `days` after 1970-01-01; saturates at [`Date::MIN`] / [`Date::MAX`].
    pub fn from_days_since_epoch(days: i64) -> Date {
        if days <= Date::MIN.days_since_epoch() {
            return Date::MIN;
        }
        if days >= Date::MAX.days_since_epoch() {
            return Date::MAX;
        }
        let z = days + EPOCH_SHIFT;
        let era = z.div_euclid(DAYS_PER_ERA);
        let doe = z - era * DAYS_PER_ERA; // [0, 146096]
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365; // [0, 399]
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // [0, 365]
        let mp = (5 * doy + 2) / 153; // [0, 11], March-based
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// The date `days` later (or earlier, if negative); saturates at the representable range.
    pub fn add_days(self, days: i64) -> Date {
        Date::from_days_since_epoch(self.days_since_epoch().saturating_add(days))
    }

    /// Day of the week, 0 = Monday … 6 = Sunday (the Chinese week starts on Monday).
    pub fn weekday(self) -> u8 {
        // 1970-01-01 was a Thursday (3).
        (self.days_since_epoch() + 3).rem_euclid(7) as u8
    }

    /// The local calendar day at Unix time `seconds` for a zone `utc_offset_seconds` east of UTC.
    /// Use [`SHENZHEN_UTC_OFFSET`] for "today" in Bao'an, whatever zone the server or phone is in.
    pub fn from_unix_seconds(seconds: i64, utc_offset_seconds: i32) -> Date {
        let local = seconds.saturating_add(i64::from(utc_offset_seconds));
        Date::from_days_since_epoch(local.div_euclid(SECONDS_PER_DAY))
    }
}

/// The local minute of the day (0–1439) at Unix time `seconds` for a zone `utc_offset_seconds`
/// east of UTC: with [`Date::from_unix_seconds`], "now" as a slot's minutes are counted.
pub fn minute_of_day(seconds: i64, utc_offset_seconds: i32) -> u32 {
    (seconds.saturating_add(i64::from(utc_offset_seconds)).rem_euclid(SECONDS_PER_DAY) / 60) as u32
}

/// Age in full years (周岁) on the day `on`, as Chinese law counts it (marriage age, 70+
/// elderly allowance). 0 if `on` is before `birth`.
///
/// Someone born on 29 February becomes a year older on 1 March in non-leap years (not on
/// 28 February): the birthday has not happened until the calendar passes 29 February. This
/// matches how 周岁 is usually computed by registries (comparing month/day) and is the
/// conservative choice for age thresholds.
pub fn age_on(birth: Date, on: Date) -> u32 {
    if on <= birth {
        return 0;
    }
    let mut years = on.year - birth.year;
    if (on.month, on.day) < (birth.month, birth.day) {
        years -= 1;
    }
    years.max(0) as u32
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct IsoDate;
        impl Visitor<'_> for IsoDate {
            type Value = Date;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a date as YYYY-MM-DD")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Date, E> {
                Date::parse_iso(v).ok_or_else(|| E::invalid_value(de::Unexpected::Str(v), &self))
            }
        }
        d.deserialize_str(IsoDate)
    }
}

/// In the OpenAPI document a [`Date`] is a `string` with `format: date`, which is what it is
/// on the wire (derive is impossible because serialisation is hand-written).
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for Date {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{KnownFormat, ObjectBuilder, SchemaFormat, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(SchemaFormat::KnownFormat(KnownFormat::Date)))
            .description(Some("A calendar day, YYYY-MM-DD (Shenzhen local date)."))
            .examples(["2025-05-20"])
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for Date {}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn new_validates_the_calendar() {
        let cases: &[(i32, u8, u8, bool)] = &[
            (2024, 2, 29, true),
            (2023, 2, 29, false),
            (2000, 2, 29, true),
            (1900, 2, 29, false),
            (2023, 4, 31, false),
            (2023, 12, 31, true),
            (2023, 13, 1, false),
            (2023, 0, 1, false),
            (2023, 1, 0, false),
            (0, 1, 1, false),
            (10000, 1, 1, false),
            (9999, 12, 31, true),
        ];
        for &(y, m, day, ok) in cases {
            assert_eq!(Date::new(y, m, day).is_some(), ok, "{y}-{m}-{day}");
        }
    }

    #[test]
    fn iso_round_trips_and_rejects_malformed_text() {
        assert_eq!(Date::parse_iso("2025-05-20"), Some(d(2025, 5, 20)));
        assert_eq!(d(2025, 5, 20).to_iso(), "2025-05-20");
        assert_eq!(d(7, 1, 2).to_iso(), "0007-01-02");
        for bad in
            ["", "2025-5-20", "2025/05/20", " 2025-05-20", "2025-02-30", "20250520xx", "２０２５-05-20", "+025-05-20"]
        {
            assert_eq!(Date::parse_iso(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn epoch_days_match_known_values() {
        let cases: &[(Date, i64)] = &[
            (d(1970, 1, 1), 0),
            (d(1970, 1, 2), 1),
            (d(1969, 12, 31), -1),
            (d(2000, 3, 1), 11_017),
            (d(2024, 2, 29), 19_782),
            (d(1900, 1, 1), -25_567),
            (Date::MIN, -719_162),
        ];
        for &(date, days) in cases {
            assert_eq!(date.days_since_epoch(), days, "{date}");
            assert_eq!(Date::from_days_since_epoch(days), date, "{days}");
        }
    }

    #[test]
    fn every_day_round_trips_through_epoch_days() {
        let mut date = d(1899, 1, 1);
        let mut days = date.days_since_epoch();
        while date < d(2101, 1, 1) {
            assert_eq!(Date::from_days_since_epoch(days), date);
            let next = date.add_days(1);
            assert!(next > date);
            days += 1;
            assert_eq!(next.days_since_epoch(), days);
            date = next;
        }
    }

    #[test]
    fn the_minute_of_the_day_is_local() {
        // 2026-12-02 16:00:59 UTC is 2026-12-03 00:00:59 in Shenzhen.
        let t = 1_796_227_259;
        assert_eq!(Date::from_unix_seconds(t, SHENZHEN_UTC_OFFSET), Date::new(2026, 12, 3).unwrap());
        assert_eq!(minute_of_day(t, SHENZHEN_UTC_OFFSET), 0);
        assert_eq!(minute_of_day(t - 60, SHENZHEN_UTC_OFFSET), 1439);
        assert_eq!(minute_of_day(t + 9 * 3600 + 30 * 60, SHENZHEN_UTC_OFFSET), 9 * 60 + 30);
        assert_eq!(minute_of_day(-1, 0), 1439);
    }

    #[test]
    fn arithmetic_saturates_instead_of_panicking() {
        assert_eq!(Date::from_days_since_epoch(i64::MAX), Date::MAX);
        assert_eq!(Date::from_days_since_epoch(i64::MIN), Date::MIN);
        assert_eq!(Date::MAX.add_days(1), Date::MAX);
        assert_eq!(Date::MIN.add_days(-1), Date::MIN);
        assert_eq!(Date::from_unix_seconds(i64::MAX, SHENZHEN_UTC_OFFSET), Date::MAX);
    }

    #[test]
    fn add_days_crosses_months_and_years() {
        assert_eq!(d(2024, 2, 28).add_days(1), d(2024, 2, 29));
        assert_eq!(d(2023, 2, 28).add_days(1), d(2023, 3, 1));
        assert_eq!(d(2024, 12, 31).add_days(1), d(2025, 1, 1));
        assert_eq!(d(2025, 3, 1).add_days(-30), d(2025, 1, 30));
    }

    #[test]
    fn weekday_starts_on_monday() {
        let cases: &[(Date, u8)] = &[
            (d(1970, 1, 1), 3),  // Thursday
            (d(2024, 1, 1), 0),  // Monday
            (d(2025, 5, 20), 1), // Tuesday
            (d(2025, 6, 1), 6),  // Sunday
            (d(1949, 10, 1), 5), // Saturday
        ];
        for &(date, wd) in cases {
            assert_eq!(date.weekday(), wd, "{date}");
        }
    }

    #[test]
    fn unix_seconds_become_the_shenzhen_day() {
        // 2025-05-19T16:00:00Z is midnight 2025-05-20 in Shenzhen.
        let t = 1_747_670_400;
        assert_eq!(Date::from_unix_seconds(t, 0), d(2025, 5, 19));
        assert_eq!(Date::from_unix_seconds(t, SHENZHEN_UTC_OFFSET), d(2025, 5, 20));
        assert_eq!(Date::from_unix_seconds(t - 1, SHENZHEN_UTC_OFFSET), d(2025, 5, 19));
        assert_eq!(Date::from_unix_seconds(-1, 0), d(1969, 12, 31));
    }

    #[test]
    fn age_counts_full_years() {
        let cases: &[(Date, Date, u32)] = &[
            (d(2000, 5, 20), d(2022, 5, 19), 21),
            (d(2000, 5, 20), d(2022, 5, 20), 22),
            (d(2000, 5, 20), d(2000, 5, 20), 0),
            (d(2000, 5, 20), d(1999, 1, 1), 0),
            (d(1955, 1, 1), d(2025, 1, 1), 70),
            (d(1955, 1, 2), d(2025, 1, 1), 69),
            // 29 February: a year older on 1 March in non-leap years.
            (d(2004, 2, 29), d(2025, 2, 28), 20),
            (d(2004, 2, 29), d(2025, 3, 1), 21),
            (d(2004, 2, 29), d(2024, 2, 29), 20),
            (d(2004, 2, 29), d(2024, 2, 28), 19),
        ];
        for &(birth, on, age) in cases {
            assert_eq!(age_on(birth, on), age, "born {birth} on {on}");
        }
    }

    #[test]
    fn serde_uses_iso_strings() {
        let date = d(2025, 2, 14);
        assert_eq!(serde_json::to_string(&date).unwrap(), "\"2025-02-14\"");
        assert_eq!(serde_json::from_str::<Date>("\"2025-02-14\"").unwrap(), date);
        assert!(serde_json::from_str::<Date>("\"2025-02-30\"").is_err());
        assert!(serde_json::from_str::<Date>("20250214").is_err());
        let owned: Date = serde_json::from_value(serde_json::json!("2024-02-29")).unwrap();
        assert_eq!(owned, d(2024, 2, 29));
    }

    #[cfg(feature = "openapi")]
    #[test]
    fn openapi_schema_is_a_date_string() {
        use utoipa::{PartialSchema, ToSchema};
        let v = serde_json::to_value(Date::schema()).unwrap();
        assert_eq!(v["type"], "string");
        assert_eq!(v["format"], "date");
        assert_eq!(Date::name(), "Date");
    }
}
