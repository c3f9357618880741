//! What a booking offers (the second visit, withdrawing a divorce) and the list's paging.

use super::*;
use crate::marriage::divorce::{divorce_stage, second_visit_window};

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

#[test]
fn the_second_visit_button_only_inside_the_window() {
    let visit = d(2026, 12, 10);
    let booking = |today: Date| Booking {
        id: "b".into(),
        role: BookingRole::Booker,
        reference: "BA-D-20261210-AAAAAA".into(),
        kind: BookingKind::Divorce,
        status: BookingStatus::Confirmed,
        office: serde_json::from_value(serde_json::json!({"id": "o", "name": {"zh_hans": "", "zh_hant": "", "en": ""},
            "address": {"zh_hans": "", "zh_hant": "", "en": ""}, "hours": {"zh_hans": "", "zh_hant": "", "en": ""},
            "phone": "", "map_url": "", "special_days": []}))
        .unwrap(),
        slot: serde_json::from_value(
            serde_json::json!({"id": "s", "office_id": "o", "date": "2026-12-10", "purpose": "registration",
            "start_minute": 540, "end_minute": 570, "capacity": 8, "places_left": 7}),
        )
        .unwrap(),
        ceremony: None,
        counselling: None,
        party_a: party(),
        party_b: party(),
        confirm_by: None,
        divorce: Some(divorce_stage(visit, today)),
        first_visit_reference: None,
        second_visit_reference: None,
        checklist: vec![],
        qr: crate::api::QrMatrix { size: 1, modules: "0".into() },
        created_at: 0,
    };
    let (opens, closes) = second_visit_window(visit);
    assert!(!booking(opens.add_days(-1)).second_visit_bookable(), "last cooling-off day");
    assert!(booking(opens.add_days(-1)).ending_withdraws_divorce());
    assert!(booking(opens).second_visit_bookable());
    assert!(!booking(opens).ending_withdraws_divorce());
    assert!(booking(closes).second_visit_bookable());
    assert!(!booking(closes.add_days(1)).second_visit_bookable(), "missed");
    let mut booked = booking(opens);
    booked.second_visit_reference = Some("BA-S-20270110-BBBBBB".into());
    assert!(!booked.second_visit_bookable(), "already booked");
    let mut marriage = booking(opens);
    marriage.kind = BookingKind::Marriage;
    assert!(!marriage.second_visit_bookable());
}

fn party() -> Party {
    serde_json::from_value(serde_json::json!({"name": "张三", "id_type": "resident_id", "id_number": null,
        "id_number_masked": "4403**********0011", "birth_date": null, "sex": "male", "nationality": "中国",
        "phone_masked": "138****0001"}))
    .unwrap()
}

#[test]
fn page_queries_are_clamped() {
    assert_eq!(PageQuery::default().clamped(), (1, DEFAULT_PAGE_SIZE));
    assert_eq!(PageQuery { page: Some(0), per_page: Some(10_000) }.clamped(), (1, MAX_PAGE_SIZE));
    assert_eq!(PageQuery { page: Some(3), per_page: Some(0) }.clamped(), (3, 1));
}
