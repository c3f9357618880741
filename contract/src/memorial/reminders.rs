//! When a memorial's owner is reminded (opt-in): on the anniversary of the death and at Qingming.
//! Qingming (清明) is a solar term: 4 or 5 April depending on the year, so its dates are data.

use crate::rules::date::Date;

/// Qingming's day in April, per year (Purple Mountain Observatory's published solar terms).
/// Years outside the table get no Qingming reminder rather than a guessed one.
pub const QINGMING_APRIL_DAY: &[(i32, u8)] = &[
    (2024, 4),
    (2025, 4),
    (2026, 5),
    (2027, 5),
    (2028, 4),
    (2029, 4),
    (2030, 5),
    (2031, 5),
    (2032, 4),
    (2033, 4),
    (2034, 5),
    (2035, 5),
    (2036, 4),
    (2037, 4),
    (2038, 5),
    (2039, 5),
    (2040, 4),
];

/// Qingming in `year`, if the table covers it.
pub fn qingming(year: i32) -> Option<Date> {
    QINGMING_APRIL_DAY.iter().find(|(y, _)| *y == year).and_then(|&(y, d)| Date::new(y, 4, d))
}

/// The occasions a reminder is sent for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Occasion {
    Anniversary,
    Qingming,
}

impl Occasion {
    pub fn code(self) -> &'static str {
        match self {
            Occasion::Anniversary => "anniversary",
            Occasion::Qingming => "qingming",
        }
    }
}

/// The anniversary of `died` in `year` (28 February in common years for a death on 29 February).
pub fn anniversary_in(died: Date, year: i32) -> Date {
    Date::new(year, died.month(), died.day()).or_else(|| Date::new(year, died.month(), died.day() - 1)).unwrap_or(died)
}

/// The next anniversary of `died`, today or later.
pub fn next_anniversary(died: Date, today: Date) -> Date {
    let this_year = anniversary_in(died, today.year());
    if this_year >= today {
        this_year
    } else {
        anniversary_in(died, today.year() + 1)
    }
}

/// The reminders due `today` for a memorial of someone who died on `died`. Nothing in the year
/// of death itself (the first anniversary is a year later).
pub fn reminders_due(died: Date, today: Date) -> Vec<Occasion> {
    let mut due = Vec::new();
    if today.year() > died.year() && anniversary_in(died, today.year()) == today {
        due.push(Occasion::Anniversary);
    }
    if today > died && qingming(today.year()) == Some(today) {
        due.push(Occasion::Qingming);
    }
    due
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn qingming_dates_follow_the_solar_term_formula() {
        // The 21st-century rule of thumb: day = ⌊Y·0.2422 + 4.81⌋ − ⌊Y/4⌋ (Y = year − 2000).
        for &(year, day) in QINGMING_APRIL_DAY {
            let y = f64::from(year - 2000);
            let expected = ((y * 0.2422 + 4.81).floor() - (y / 4.0).floor()) as u8;
            assert_eq!(day, expected, "{year}");
        }
        assert_eq!(qingming(2026), Some(d("2026-04-05")));
        assert_eq!(qingming(2028), Some(d("2028-04-04")));
        assert_eq!(qingming(1999), None);
    }

    #[test]
    fn the_table_covers_the_coming_years() {
        for year in 2026..=2036 {
            assert!(qingming(year).is_some(), "{year}");
        }
    }

    #[test]
    fn anniversary_and_qingming_are_due_on_their_day_only() {
        let died = d("2019-03-30");
        assert_eq!(reminders_due(died, d("2027-03-30")), vec![Occasion::Anniversary]);
        assert!(reminders_due(died, d("2027-03-29")).is_empty());
        assert_eq!(reminders_due(died, d("2027-04-05")), vec![Occasion::Qingming]);
        assert!(reminders_due(died, d("2027-04-04")).is_empty());
        // Not in the year of death.
        assert!(reminders_due(d("2027-03-01"), d("2027-03-01")).is_empty());
        assert!(reminders_due(d("2027-04-05"), d("2027-04-05")).is_empty());
        // Died at Qingming: both on the same day in a later year where the dates match.
        assert_eq!(reminders_due(d("2026-04-05"), d("2027-04-05")), vec![Occasion::Anniversary, Occasion::Qingming]);
    }

    #[test]
    fn a_death_on_29_february_is_remembered_on_28_february_in_common_years() {
        let died = d("2020-02-29");
        assert_eq!(reminders_due(died, d("2027-02-28")), vec![Occasion::Anniversary]);
        assert_eq!(reminders_due(died, d("2028-02-29")), vec![Occasion::Anniversary]);
        assert!(reminders_due(died, d("2028-02-28")).is_empty());
        assert_eq!(next_anniversary(died, d("2027-03-01")), d("2028-02-29"));
    }
}
