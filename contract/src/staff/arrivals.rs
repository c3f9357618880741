//! Today's arrivals at one gate or counter: what gate staff and registry clerks see waiting for
//! them — each slot of the day with its places, bookings and arrivals, and the bookings by short
//! reference (nothing personal: the visitor shows their code, and the clerk checks ID in person).

use crate::rules::date::Date;
use serde::{Deserialize, Serialize};

/// `GET /api/v1/staff/arrivals`: today at the member's cemetery or registry office.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArrivalsToday {
    pub day: Date,
    /// The cemetery's or office's id.
    pub place: String,
    /// The day's slots, earliest first.
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

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ArrivalBooking {
    pub reference: String,
    pub group_size: u32,
    /// Unix seconds of the check-in; absent until they arrive.
    pub arrived_at: Option<i64>,
}
