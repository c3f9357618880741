//! The disclosure badge at its boundaries and on the wire.

use super::*;

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

#[test]
fn badge_at_its_boundaries() {
    let last = d("2026-01-01");
    let due = d("2026-04-01"); // last + 90 days
                               // (today, expected tone, expected days where relevant)
    let table: &[(&str, &str, Option<i64>)] = &[
        ("2026-01-01", "ok", None),
        ("2026-03-17", "ok", None),      // 15 days left: still on time
        ("2026-03-18", "due", Some(14)), // exactly 14 left: due soon
        ("2026-03-31", "due", Some(1)),
        ("2026-04-01", "due", Some(0)), // due today is not overdue
        ("2026-04-02", "amber", Some(1)),
        ("2026-04-15", "amber", Some(14)), // two weeks overdue: still amber
        ("2026-04-16", "red", Some(15)),   // one day more: red
        ("2027-01-01", "red", Some(275)),
    ];
    for (today, tone, days) in table {
        let badge = disclosure_badge(last, 90, d(today));
        assert_eq!(badge.tone(), *tone, "on {today}: {badge:?}");
        match (badge, days) {
            (DisclosureBadge::OnTime { next_due }, None) => assert_eq!(next_due, due),
            (DisclosureBadge::DueIn { days: n, next_due }, Some(want))
            | (DisclosureBadge::Overdue { days: n, next_due, .. }, Some(want)) => {
                assert_eq!(n, *want, "on {today}");
                assert_eq!(next_due, due);
            }
            other => panic!("unexpected {other:?} on {today}"),
        }
    }
}

#[test]
fn a_zero_period_is_one_day() {
    assert_eq!(
        disclosure_badge(d("2026-01-01"), 0, d("2026-01-03")),
        DisclosureBadge::Overdue { days: 1, red: false, next_due: d("2026-01-02") }
    );
}

#[test]
fn serialises_with_a_state_tag() {
    let b = disclosure_badge(d("2026-01-01"), 30, d("2026-01-25"));
    let json = serde_json::to_value(b).unwrap();
    assert_eq!(json, serde_json::json!({"state": "due_in", "days": 6, "next_due": "2026-01-31"}));
}
