//! Qingming dates, and which reminders are due on a day.

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
