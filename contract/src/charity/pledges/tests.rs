//! Which month a monthly pledge is charged for.

use super::*;

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

#[test]
fn the_first_month_is_paid_by_the_first_gift() {
    assert_eq!(pledge_month_due(d(2026, 3, 15), d(2026, 3, 31)), None);
    assert_eq!(pledge_month_due(d(2026, 3, 15), d(2026, 4, 1)), Some("2026-04".into()));
    assert_eq!(pledge_month_due(d(2026, 3, 15), d(2026, 5, 20)), Some("2026-05".into()));
}

#[test]
fn months_cross_years_and_never_go_backwards() {
    assert_eq!(pledge_month_due(d(2025, 12, 31), d(2026, 1, 1)), Some("2026-01".into()));
    assert_eq!(pledge_month_due(d(2026, 1, 10), d(2025, 12, 31)), None);
    assert_eq!(month_key(d(2026, 9, 3)), "2026-09");
}
