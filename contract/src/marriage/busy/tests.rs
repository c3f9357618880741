//! The well-known busy dates and the nearest free days.

use super::*;

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

#[test]
fn the_well_known_dates() {
    assert_eq!(popular_date(d(2027, 5, 20)), Some(PopularDate::May20));
    assert_eq!(popular_date(d(2027, 2, 14)), Some(PopularDate::Valentine));
    assert_eq!(popular_date(d(2026, 8, 19)), Some(PopularDate::Qixi));
    assert_eq!(popular_date(d(2027, 8, 8)), Some(PopularDate::Qixi));
    assert_eq!(popular_date(d(2027, 8, 19)), None);
    assert_eq!(popular_date(d(2027, 5, 21)), None);
}

#[test]
fn nearest_days_prefer_closeness_then_earlier() {
    let day = d(2027, 5, 20);
    let free = [d(2027, 5, 17), d(2027, 5, 21), d(2027, 5, 19), d(2027, 5, 24), d(2027, 5, 20)];
    assert_eq!(nearest(day, &free, 3), vec![d(2027, 5, 19), d(2027, 5, 21), d(2027, 5, 17)]);
    assert!(nearest(day, &[], 3).is_empty());
}
