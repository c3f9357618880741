//! Cemeteries that take visit bookings (`/api/v1/memorial/cemeteries`): their booking periods,
//! the days that can be booked, and the hourly slots of a day.

use super::rules::WindowRule;
use crate::api::LocalisedText;
use crate::rules::date::Date;
use serde::{Deserialize, Serialize};

/// A cemetery that takes visit bookings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Cemetery {
    pub id: String,
    pub name: LocalisedText,
    pub address: LocalisedText,
    /// A link to the cemetery on a map.
    pub map_url: String,
    /// Largest group one booking may bring.
    pub max_group: u32,
    /// Whether staff offer proxy sweeping (代祭扫) here.
    #[serde(default)]
    pub proxy_service: bool,
}

/// A booking period (清明, 冬至…) as data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BookingWindow {
    pub id: String,
    /// `qingming`, `winter_solstice` or `other`.
    pub kind: String,
    pub starts_on: Date,
    pub ends_on: Date,
    pub days_ahead: u32,
    pub service_opens_minute: u32,
    pub service_closes_minute: u32,
}

impl BookingWindow {
    pub fn rule(&self) -> WindowRule {
        WindowRule {
            starts_on: self.starts_on,
            ends_on: self.ends_on,
            days_ahead: self.days_ahead,
            service_opens_minute: self.service_opens_minute,
            service_closes_minute: self.service_closes_minute,
        }
    }
}

/// One bookable day and the places left in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BookableDay {
    pub date: Date,
    pub window_kind: String,
    pub places_left: i64,
}

/// A cemetery with its windows and the days that can be booked today.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CemeteryDetail {
    pub cemetery: Cemetery,
    pub windows: Vec<BookingWindow>,
    pub days: Vec<BookableDay>,
}

/// One hourly visit slot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(as = MemorialSlot))]
pub struct Slot {
    pub id: String,
    pub date: Date,
    /// Minutes after midnight, Shenzhen time.
    pub starts_minute: u32,
    pub ends_minute: u32,
    pub capacity: i64,
    pub taken: i64,
}

impl Slot {
    pub fn places_left(&self) -> i64 {
        (self.capacity - self.taken).max(0)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(as = MemorialSlotList))]
pub struct SlotList {
    pub cemetery_id: String,
    pub date: Date,
    pub slots: Vec<Slot>,
}
