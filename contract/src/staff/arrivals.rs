//! Today's arrivals at one gate or counter: what gate staff and registry clerks see waiting for
//! them — the slots of the day that have bookings, and the one under way now, with their places,
//! bookings and arrivals, and the bookings by short reference (nothing personal: the visitor shows
//! their code, and the clerk checks ID in person).

use crate::rules::date::Date;
use serde::{Deserialize, Serialize};

/// `GET /api/v1/staff/arrivals`: today at the member's cemetery or registry office.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArrivalsToday {
    pub day: Date,
    /// The cemetery's or office's id.
    pub place: String,
    /// The day's slots with bookings, and the slot under way now even when empty
    /// ([`ArrivalSlot::listed_at`]), earliest first.
    pub slots: Vec<ArrivalSlot>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArrivalSlot {
    /// Minutes after midnight, Shenzhen time.
    pub starts_minute: u32,
    pub ends_minute: u32,
    pub capacity: i64,
    /// People checked in so far (a cemetery group counts its size; a couple counts one).
    pub arrived: i64,
    /// The slot's bookings that can still arrive or have arrived (not cancelled), by reference.
    pub bookings: Vec<ArrivalBooking>,
}

impl ArrivalSlot {
    /// Whether the slot is under way at `minute` (after midnight, Shenzhen time).
    pub fn under_way(&self, minute: u32) -> bool {
        self.starts_minute <= minute && minute < self.ends_minute
    }

    /// Whether today's list at `minute` shows the slot: it has a booking that can still arrive or
    /// has arrived, or it is under way (so the gate sees the slot of now, even empty). A gate of
    /// twenty empty slots lists nothing else.
    pub fn listed_at(&self, minute: u32) -> bool {
        !self.bookings.is_empty() || self.under_way(minute)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArrivalBooking {
    pub reference: String,
    pub group_size: u32,
    /// Unix seconds of the check-in; absent until they arrive.
    pub arrived_at: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slot(starts: u32, ends: u32, booked: bool) -> ArrivalSlot {
        let bookings = if booked {
            vec![ArrivalBooking { reference: "JS-20270404-7K3Q".into(), group_size: 2, arrived_at: None }]
        } else {
            vec![]
        };
        ArrivalSlot { starts_minute: starts, ends_minute: ends, capacity: 10, arrived: 0, bookings }
    }

    #[test]
    fn lists_booked_slots_and_the_one_under_way() {
        assert!(slot(480, 540, true).listed_at(0), "booked, later today");
        assert!(slot(480, 540, true).listed_at(1000), "booked, earlier today");
        assert!(slot(480, 540, false).listed_at(480), "empty, starting now");
        assert!(slot(480, 540, false).listed_at(539), "empty, under way");
        assert!(!slot(480, 540, false).listed_at(540), "empty, just over");
        assert!(!slot(480, 540, false).listed_at(479), "empty, not yet");
    }
}
