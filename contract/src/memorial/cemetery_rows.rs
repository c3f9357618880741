//! Cemeteries and their booking windows as a district imports them (`reference import
//! cemeteries|booking_windows`, `PUT /api/v1/staff/reference/{kind}`): each capacity figure with
//! its source, which the live service refuses while it is still an example.

use crate::api::reference::{active_default, check_code, check_localised, check_order, lenient_text, ReferenceRow};
use crate::api::LocalisedText;
use crate::error::{FieldError, FieldErrors};
use crate::marriage::reference::check_https_url;
use crate::rules::date::Date;
use crate::rules::figures::Provenance;
use serde::{Deserialize, Serialize};

/// Largest group one booking may bring that a cemetery can set.
pub const MAX_GROUP_LIMIT: u32 = 20;
/// Most places one hourly visiting slot can offer.
pub const PLACES_PER_SLOT_MAX: u32 = 2_000;
/// Longest booking window, first to last day (as the staff endpoint that opens one).
pub const WINDOW_DAYS_MAX: i64 = 60;
/// Most days ahead a window can open booking.
pub const DAYS_AHEAD_MAX: u32 = 60;
/// The kinds of booking window.
pub const WINDOW_KINDS: [&str; 3] = ["qingming", "winter_solstice", "other"];
const NAME_MAX: usize = 80;
const ADDRESS_MAX: usize = 200;
const WINDOW_ID_MAX: usize = 40;

/// A cemetery taking visit bookings. English may be left out (the app shows the Chinese,
/// marked); a cemetery no longer taking bookings is kept with `active: false` (bookings and the
/// burial register name it) and leaves the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CemeteryRow {
    pub id: String,
    pub order: u32,
    #[serde(deserialize_with = "lenient_text")]
    pub name: LocalisedText,
    #[serde(deserialize_with = "lenient_text")]
    pub address: LocalisedText,
    /// An https:// link to the cemetery on a map.
    pub map_url: String,
    /// Largest group one booking may bring, 1–20.
    pub max_group: u32,
    /// What `max_group` rests on; the live service refuses an example.
    pub max_group_source: Provenance,
    /// Whether staff offer proxy sweeping (代祭扫) here.
    #[serde(default)]
    pub proxy_service: bool,
    #[serde(default = "active_default")]
    pub active: bool,
}

impl ReferenceRow for CemeteryRow {
    const KEY_FIELD: &'static str = "id";

    fn key(&self) -> String {
        self.id.clone()
    }

    fn check(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        errors.check("id", check_code(&self.id));
        check_order(&mut errors, self.order);
        check_localised(&mut errors, "name", &self.name, NAME_MAX, false);
        check_localised(&mut errors, "address", &self.address, ADDRESS_MAX, false);
        errors.check("map_url", check_https_url(&self.map_url));
        if !(1..=MAX_GROUP_LIMIT).contains(&self.max_group) {
            errors.add("max_group", FieldError::FigureRange);
        }
        errors
    }

    fn figures(&self) -> Vec<(&'static str, &Provenance)> {
        vec![("max_group_source", &self.max_group_source)]
    }
}

/// A booking window (清明, 冬至…) of one cemetery: its days, how many days ahead each opens, the
/// service's daily hours, the visiting hours (one slot per hour, `first_hour`..=`last_hour`) and
/// the places of each slot. Importing it makes its slots; changing it moves only future slots:
/// a slot keeps at least the places already taken, and a day or hour removed loses only its
/// free slots.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct BookingWindowRow {
    /// The window's stable id: 1–40 of letters, digits, `-` and `_`.
    pub id: String,
    /// The cemetery's id (one already stored).
    pub cemetery: String,
    /// `qingming`, `winter_solstice` or `other`.
    pub kind: String,
    pub starts_on: Date,
    pub ends_on: Date,
    pub days_ahead: u32,
    /// Minutes after midnight (Shenzhen time) the booking service opens and closes each day.
    pub service_opens_minute: u32,
    pub service_closes_minute: u32,
    /// First and last visiting hour of each day (slots start on the hour), 0–23.
    pub first_hour: u32,
    pub last_hour: u32,
    /// Places per hourly slot.
    pub places_per_slot: u32,
    /// What `places_per_slot` rests on; the live service refuses an example.
    pub places_source: Provenance,
}

/// A window's id: 1–40 of ASCII letters, digits, `-` and `_` (ids the staff endpoint made are of
/// this shape too).
pub fn check_window_id(id: &str) -> Result<(), FieldError> {
    let ok = !id.is_empty()
        && id.len() <= WINDOW_ID_MAX
        && id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    if ok {
        Ok(())
    } else {
        Err(FieldError::ReferenceCode)
    }
}

/// Whether a window's days and hours can make slots: at most [`WINDOW_DAYS_MAX`] days after the
/// first, hours within a day, first before last. Shared by the import and the staff endpoint.
pub fn window_shape_ok(starts_on: Date, ends_on: Date, first_hour: u32, last_hour: u32) -> bool {
    let span = ends_on.days_since_epoch() - starts_on.days_since_epoch();
    (0..=WINDOW_DAYS_MAX).contains(&span) && first_hour <= last_hour && last_hour <= 23
}

impl ReferenceRow for BookingWindowRow {
    const KEY_FIELD: &'static str = "id";

    fn key(&self) -> String {
        self.id.clone()
    }

    fn check(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        errors.check("id", check_window_id(&self.id));
        errors.check("cemetery", check_code(&self.cemetery));
        if !WINDOW_KINDS.contains(&self.kind.as_str()) {
            errors.add("kind", FieldError::ReferenceUnknown);
        }
        let span = self.ends_on.days_since_epoch() - self.starts_on.days_since_epoch();
        if !(0..=WINDOW_DAYS_MAX).contains(&span) {
            errors.add("ends_on", FieldError::FigureRange);
        }
        if self.days_ahead > DAYS_AHEAD_MAX {
            errors.add("days_ahead", FieldError::FigureRange);
        }
        if self.service_opens_minute >= self.service_closes_minute || self.service_closes_minute > 24 * 60 {
            errors.add("service_closes_minute", FieldError::FigureRange);
        }
        if self.last_hour > 23 {
            errors.add("last_hour", FieldError::FigureRange);
        }
        if self.first_hour > self.last_hour {
            errors.add("first_hour", FieldError::FigureRange);
        }
        if !(1..=PLACES_PER_SLOT_MAX).contains(&self.places_per_slot) {
            errors.add("places_per_slot", FieldError::FigureRange);
        }
        errors
    }

    fn figures(&self) -> Vec<(&'static str, &Provenance)> {
        vec![("places_source", &self.places_source)]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::reference::check_rows;

    fn window() -> BookingWindowRow {
        serde_json::from_str(
            r#"{"id":"example-qingming-2027","cemetery":"example-cemetery","kind":"qingming",
                "starts_on":"2027-03-27","ends_on":"2027-04-09","days_ahead":7,
                "service_opens_minute":480,"service_closes_minute":1200,"first_hour":7,"last_hour":16,
                "places_per_slot":30,"places_source":{"basis":{"kind":"set_by_district"},"effective_from":"2027-03-27"}}"#,
        )
        .unwrap()
    }

    #[test]
    fn a_window_is_checked_field_by_field() {
        assert!(window().check().is_empty(), "{:?}", window().check());
        let mut w = window();
        w.id = "a b".into();
        w.kind = "spring".into();
        w.ends_on = Date::new(2027, 6, 1).unwrap();
        w.first_hour = 17;
        w.places_per_slot = 0;
        w.service_opens_minute = 1200;
        let errors = w.check();
        for field in ["id", "kind", "ends_on", "first_hour", "places_per_slot", "service_closes_minute"] {
            assert!(errors.get(field).is_some(), "{field}: {errors:?}");
        }
        assert_eq!(errors.0.len(), 6);
        assert!(check_window_id("Ab_9-x").is_ok());
    }

    #[test]
    fn an_example_capacity_is_refused_by_the_live_service_only() {
        let mut w = window();
        w.places_source = Provenance::example(w.starts_on);
        let rows = [(4, w)];
        assert!(check_rows(&rows, true).is_empty());
        assert_eq!(check_rows(&rows, false).get("line.4.places_source"), Some(FieldError::FigureSource));
    }
}
