//! Cemeteries that take visit bookings (`/api/v1/memorial/cemeteries`): their booking periods,
//! the days that can be booked, and the hourly slots of a day.

use super::rules::WindowRule;
use crate::api::LocalisedText;
use crate::rules::date::Date;
use crate::rules::figures::Provenance;
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
    /// What `max_group` rests on. No published document gives it (the district's plan names
    /// 宝山园 but no capacity), so it is set by the district, or an example until it is.
    pub max_group_source: Provenance,
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
    /// What the places of each of its visiting slots rest on (staff who open a window set them).
    pub capacity_source: Provenance,
}

/// How many days ahead booking opens, for a page that has no day to offer: the `days_ahead` of
/// the first window not yet over (the figure that decides it), or `None` when no window is
/// planned (then no number can honestly be given).
pub fn booking_opens_days_ahead(windows: &[BookingWindow], today: Date) -> Option<u32> {
    windows.iter().filter(|w| w.ends_on >= today).min_by_key(|w| w.starts_on).map(|w| w.days_ahead)
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
    /// Visitors checked in at the gate for this slot so far (each booking counts its group once
    /// it arrives): what the crowd bar shows on the day.
    #[serde(default)]
    pub arrived: i64,
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
    /// What the slots' places rest on (their window's `capacity_source`); none without slots.
    pub capacity_source: Option<Provenance>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::figures::Basis;

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    fn window(starts_on: Date, ends_on: Date, days_ahead: u32) -> BookingWindow {
        BookingWindow {
            id: "w".into(),
            kind: "qingming".into(),
            starts_on,
            ends_on,
            days_ahead,
            service_opens_minute: 0,
            service_closes_minute: 1440,
            capacity_source: Provenance::example(starts_on),
        }
    }

    #[test]
    fn booking_opens_as_the_next_window_says() {
        let past = window(d(2026, 4, 1), d(2026, 4, 10), 3);
        let next = window(d(2026, 12, 19), d(2026, 12, 23), 5);
        let later = window(d(2027, 3, 28), d(2027, 4, 8), 9);
        assert_eq!(booking_opens_days_ahead(&[later.clone(), past.clone(), next], d(2026, 6, 1)), Some(5));
        assert_eq!(booking_opens_days_ahead(&[past], d(2026, 6, 1)), None);
        assert_eq!(booking_opens_days_ahead(&[], d(2026, 6, 1)), None);
    }

    #[test]
    fn a_cemetery_carries_the_source_of_its_capacities() {
        let c = Cemetery {
            id: "baoshan".into(),
            name: LocalisedText::same("宝山园"),
            address: LocalisedText::same("-"),
            map_url: String::new(),
            max_group: 6,
            proxy_service: true,
            max_group_source: Provenance { basis: Basis::SetByDistrict, effective_from: d(2026, 1, 1) },
        };
        let json = serde_json::to_value(&c).unwrap();
        assert_eq!(json["max_group_source"]["basis"]["kind"], "set_by_district");
        assert_eq!(json["max_group_source"]["effective_from"], "2026-01-01");
        assert_eq!(serde_json::from_value::<Cemetery>(json).unwrap(), c);
    }
}
