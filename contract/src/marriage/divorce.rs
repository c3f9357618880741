//! The legal clock of divorce by agreement (《民法典》第一千零七十七条).
//!
//! From the day the registry receives the application (the first visit), either party may
//! withdraw within 30 days (离婚冷静期). After those 30 days the couple has another 30 days to
//! come back together for the certificate; if they do not, the application counts as withdrawn.
//! Periods counted in days start the day after the event (《民法典》第二百零一条), so with the
//! first visit on day D the cooling-off runs D+1 ..= D+30 and the window D+31 ..= D+60.

use crate::error::FieldError;
use crate::rules::date::Date;
use serde::{Deserialize, Serialize};

pub const COOLING_OFF_DAYS: i64 = 30;
pub const WINDOW_DAYS: i64 = 30;

/// Where a couple stands on `today`, given the first-visit day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "stage", rename_all = "snake_case")]
pub enum DivorceStage {
    /// The first visit is still ahead; the clock starts that day.
    BeforeFirstVisit { first_visit: Date, cooling_off_ends: Date },
    /// Either party may withdraw until `ends` (inclusive).
    CoolingOff { ends: Date, days_left: u32, window_opens: Date },
    /// Book the second visit together between `opens` and `closes` (inclusive).
    Window { opens: Date, closes: Date, days_left: u32 },
    /// The window closed on `closed` without a second visit: the application counts as withdrawn.
    Missed { closed: Date },
}

/// Last day of the cooling-off period.
pub fn cooling_off_ends(first_visit: Date) -> Date {
    first_visit.add_days(COOLING_OFF_DAYS)
}

/// First and last day on which the couple can come back for the certificate.
pub fn second_visit_window(first_visit: Date) -> (Date, Date) {
    let ends = cooling_off_ends(first_visit);
    (ends.add_days(1), ends.add_days(WINDOW_DAYS))
}

pub fn divorce_stage(first_visit: Date, today: Date) -> DivorceStage {
    let ends = cooling_off_ends(first_visit);
    let (opens, closes) = second_visit_window(first_visit);
    let days = |from: Date, to: Date| (to.days_since_epoch() - from.days_since_epoch()).max(0) as u32;
    if today < first_visit {
        DivorceStage::BeforeFirstVisit { first_visit, cooling_off_ends: ends }
    } else if today <= ends {
        DivorceStage::CoolingOff { ends, days_left: days(today, ends), window_opens: opens }
    } else if today <= closes {
        // Counting today: on the last day there is still 1 day left.
        DivorceStage::Window { opens, closes, days_left: days(today, closes) + 1 }
    } else {
        DivorceStage::Missed { closed: closes }
    }
}

/// Whether the second visit may be booked for `day`, the first visit having been on
/// `first_visit`: only inside the window. The app disables other days; the server refuses them.
pub fn check_second_visit_day(first_visit: Date, day: Date) -> Result<(), FieldError> {
    let (opens, closes) = second_visit_window(first_visit);
    if day < opens {
        Err(FieldError::MarriageSecondVisitTooEarly)
    } else if day > closes {
        Err(FieldError::MarriageSecondVisitWindowMissed)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
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
    fn the_second_visit_button_only_inside_the_window() {
        use crate::marriage::api::{Booking, BookingKind, BookingStatus};
        let visit = d(2026, 12, 10);
        let booking = |today: Date| Booking {
            id: "b".into(),
            role: crate::marriage::api::BookingRole::Booker,
            reference: "BA-D-20261210-AAAAAA".into(),
            kind: BookingKind::Divorce,
            status: BookingStatus::Confirmed,
            office: serde_json::from_value(
                serde_json::json!({"id": "o", "name": {"zh_hans": "", "zh_hant": "", "en": ""},
                "address": {"zh_hans": "", "zh_hant": "", "en": ""}, "hours": {"zh_hans": "", "zh_hant": "", "en": ""},
                "phone": "", "map_url": "", "special_days": []}),
            )
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

    fn party() -> crate::marriage::api::Party {
        serde_json::from_value(serde_json::json!({"name": "张三", "id_type": "resident_id", "id_number": null,
            "id_number_masked": "4403**********0011", "birth_date": null, "sex": "male", "nationality": "中国",
            "phone_masked": "138****0001"}))
        .unwrap()
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
}
