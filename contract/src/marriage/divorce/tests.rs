//! The divorce clock: cooling-off, the second visit's window, and its wire form.

use super::*;

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

#[test]
fn the_clock_from_first_visit_to_missed_window() {
    let visit = d(2026, 12, 10);
    let ends = d(2027, 1, 9);
    let opens = d(2027, 1, 10);
    let closes = d(2027, 2, 8);
    let cases = [
        (d(2026, 12, 9), DivorceStage::BeforeFirstVisit { first_visit: visit, cooling_off_ends: ends }),
        (visit, DivorceStage::CoolingOff { ends, days_left: 30, window_opens: opens }),
        (d(2026, 12, 11), DivorceStage::CoolingOff { ends, days_left: 29, window_opens: opens }),
        (ends, DivorceStage::CoolingOff { ends, days_left: 0, window_opens: opens }),
        (opens, DivorceStage::Window { opens, closes, days_left: 30 }),
        (closes, DivorceStage::Window { opens, closes, days_left: 1 }),
        (d(2027, 2, 9), DivorceStage::Missed { closed: closes }),
    ];
    for (today, want) in cases {
        assert_eq!(divorce_stage(visit, today), want, "on {today}");
    }
}

#[test]
fn second_visit_only_inside_the_window() {
    let visit = d(2026, 12, 10);
    let cases = [
        (visit, Err(FieldError::MarriageSecondVisitTooEarly)),
        (d(2027, 1, 9), Err(FieldError::MarriageSecondVisitTooEarly)), // last cooling-off day
        (d(2027, 1, 10), Ok(())),                                      // the window opens
        (d(2027, 2, 8), Ok(())),                                       // its last day
        (d(2027, 2, 9), Err(FieldError::MarriageSecondVisitWindowMissed)), // the day after
    ];
    for (day, want) in cases {
        assert_eq!(check_second_visit_day(visit, day), want, "on {day}");
    }
}

#[test]
fn periods_are_thirty_days_each() {
    let visit = d(2027, 2, 1);
    assert_eq!(cooling_off_ends(visit), d(2027, 3, 3)); // February has 28 days in 2027
    assert_eq!(second_visit_window(visit), (d(2027, 3, 4), d(2027, 4, 2)));
}

#[test]
fn wire_form_is_tagged() {
    let s = serde_json::to_value(DivorceStage::Missed { closed: d(2027, 2, 8) }).unwrap();
    assert_eq!(s, serde_json::json!({"stage": "missed", "closed": "2027-02-08"}));
}
