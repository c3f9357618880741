//! The well-known busy dates and the nearest free days.

use super::*;

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

#[test]
fn the_well_known_dates() {
    assert_eq!(popular_date(d(2027, 5, 20)), Some(BusyReason::May20));
    assert_eq!(popular_date(d(2027, 2, 14)), Some(BusyReason::Valentine));
    assert_eq!(popular_date(d(2026, 8, 19)), Some(BusyReason::Qixi));
    assert_eq!(popular_date(d(2027, 8, 8)), Some(BusyReason::Qixi));
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

#[test]
fn a_busy_note_says_what_it_rests_on() {
    let note = busy_note(d(2027, 5, 20), None).unwrap();
    assert_eq!(note.reason, BusyReason::May20);
    assert!(note.source.is_example(), "a prediction, not policy");
    assert_eq!(note.calendar, None);
    let qixi = busy_note(d(2026, 8, 19), Some(Basis::SetByDistrict)).unwrap();
    assert_eq!(qixi.reason, BusyReason::Qixi);
    assert_eq!(qixi.calendar, Some(qixi_calendar_source()));
    assert_eq!(qixi_calendar_source().check(), Ok(()));
    // An office's marking keeps its own basis and applies from that day.
    let marked = busy_note(d(2027, 3, 3), Some(Basis::SetByDistrict)).unwrap();
    assert_eq!(marked.reason, BusyReason::Office);
    assert_eq!(marked.source, Provenance { basis: Basis::SetByDistrict, effective_from: d(2027, 3, 3) });
    assert!(busy_note(d(2027, 3, 3), Some(Basis::Example)).unwrap().source.is_example());
    assert_eq!(busy_note(d(2027, 3, 3), None), None);
}
