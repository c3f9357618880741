//! Checking a booking's QR code at the cemetery gate or the registry counter: one rule for the
//! answer the guard or clerk sees, in the order a person at the gate needs it.

use crate::rules::date::Date;
use serde::{Deserialize, Serialize};

/// How early before the slot's start a visitor is let in.
pub const EARLY_MINUTES: u32 = 30;
/// How late after the slot's end a visitor is still let in.
pub const LATE_MINUTES: u32 = 30;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// Let them in: marked arrived now.
    Valid,
    /// Not a code this service issued, altered, or no such booking.
    Invalid,
    /// A booking for another cemetery or registry office.
    WrongPlace,
    /// Cancelled, expired or declined.
    Cancelled,
    /// A marriage booking the partner has not confirmed.
    NotConfirmed,
    /// Already checked in once.
    AlreadyUsed,
    /// A booking for another day.
    WrongDay,
    /// More than [`EARLY_MINUTES`] before the slot starts.
    TooEarly,
    /// More than [`LATE_MINUTES`] after the slot ends.
    TooLate,
}

/// What is known of a genuine booking when it is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Presented {
    pub at_this_place: bool,
    pub cancelled: bool,
    pub confirmed: bool,
    pub arrived: bool,
    pub day: Date,
    pub starts_minute: u32,
    pub ends_minute: u32,
}

/// The verdict for a genuine booking presented on `today` at `minute` (minutes after local midnight).
pub fn judge(p: Presented, today: Date, minute: u32) -> Verdict {
    if !p.at_this_place {
        Verdict::WrongPlace
    } else if p.cancelled {
        Verdict::Cancelled
    } else if !p.confirmed {
        Verdict::NotConfirmed
    } else if p.arrived {
        Verdict::AlreadyUsed
    } else if p.day != today {
        Verdict::WrongDay
    } else if minute + EARLY_MINUTES < p.starts_minute {
        Verdict::TooEarly
    } else if minute > p.ends_minute + LATE_MINUTES {
        Verdict::TooLate
    } else {
        Verdict::Valid
    }
}

/// `POST /api/v1/staff/check-in`: what the camera read (the signed code) or the short reference typed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CheckInRequest {
    pub code: String,
}

/// The answer, in words and colour on the staff page. Nothing personal beyond what the gate needs
/// (the group size and car plate for a cemetery visit).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CheckInAnswer {
    pub verdict: Verdict,
    pub reference: Option<String>,
    pub day: Option<Date>,
    pub starts_minute: Option<u32>,
    pub ends_minute: Option<u32>,
    pub early_minutes: u32,
    pub late_minutes: u32,
    pub group_size: Option<u32>,
    /// When it was checked in (unix seconds): now for a valid code, earlier for a reused one.
    pub arrived_at: Option<i64>,
    /// Arrivals so far in the slot, and its places.
    pub slot_arrived: Option<i64>,
    pub slot_capacity: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u8) -> Date {
        Date::new(2027, 4, d).unwrap()
    }

    fn booking() -> Presented {
        Presented {
            at_this_place: true,
            cancelled: false,
            confirmed: true,
            arrived: false,
            day: day(5),
            starts_minute: 9 * 60,
            ends_minute: 10 * 60,
        }
    }

    #[test]
    fn each_answer_in_the_order_the_gate_needs_it() {
        let ok = booking();
        assert_eq!(judge(ok, day(5), 9 * 60 + 15), Verdict::Valid);
        assert_eq!(judge(ok, day(5), 9 * 60 - 30), Verdict::Valid, "the early margin");
        assert_eq!(judge(ok, day(5), 9 * 60 - 31), Verdict::TooEarly);
        assert_eq!(judge(ok, day(5), 10 * 60 + 30), Verdict::Valid, "the late margin");
        assert_eq!(judge(ok, day(5), 10 * 60 + 31), Verdict::TooLate);
        assert_eq!(judge(ok, day(6), 9 * 60), Verdict::WrongDay);
        assert_eq!(judge(Presented { arrived: true, ..ok }, day(6), 0), Verdict::AlreadyUsed);
        assert_eq!(judge(Presented { confirmed: false, arrived: true, ..ok }, day(5), 0), Verdict::NotConfirmed);
        assert_eq!(judge(Presented { cancelled: true, arrived: true, ..ok }, day(5), 0), Verdict::Cancelled);
        let elsewhere = Presented { at_this_place: false, cancelled: true, ..ok };
        assert_eq!(judge(elsewhere, day(5), 0), Verdict::WrongPlace, "the place first: it is not ours to judge");
    }
}
