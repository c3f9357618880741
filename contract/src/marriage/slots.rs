//! The time slots of a day (`GET /api/v1/marriage/offices/{id}/days/{date}/slots`), for the
//! registration and the free extras, and the nearest free ones when a slot went meanwhile.

use crate::rules::date::Date;
use crate::rules::figures::Provenance;
use serde::{Deserialize, Serialize};

/// How long a 婚姻家庭辅导 session lasts, in minutes, until the district sets an office's own
/// length (`OfficeRow::counselling`). The registry's own arrangement, not a published standard:
/// an example ([`counselling_length`]), which the live service refuses to import.
pub const COUNSELLING_MINUTES: u32 = 45;

/// A session's length with what it rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SessionLength {
    pub minutes: u32,
    pub source: Provenance,
}

/// The example counselling length: [`COUNSELLING_MINUTES`], an example figure (no registry has
/// published one; a district running the service sets each office's own when importing it).
pub fn counselling_length() -> SessionLength {
    SessionLength {
        minutes: COUNSELLING_MINUTES,
        source: Provenance::example(Date::new(2025, 1, 1).expect("a real date")),
    }
}

/// What a slot is for: the registration itself, or one of the free extras.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SlotPurpose {
    Registration,
    /// 颁证仪式 (free certificate ceremony, marriage only).
    Ceremony,
    /// 婚姻家庭辅导 (free marriage and family counselling).
    Counselling,
}

impl SlotPurpose {
    pub fn code(self) -> &'static str {
        match self {
            SlotPurpose::Registration => "registration",
            SlotPurpose::Ceremony => "ceremony",
            SlotPurpose::Counselling => "counselling",
        }
    }

    pub fn from_code(code: &str) -> Option<SlotPurpose> {
        [SlotPurpose::Registration, SlotPurpose::Ceremony, SlotPurpose::Counselling]
            .into_iter()
            .find(|p| p.code() == code)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Slot {
    pub id: String,
    pub office_id: String,
    pub date: Date,
    pub purpose: SlotPurpose,
    /// Minutes after midnight, Shenzhen time.
    pub start_minute: u32,
    pub end_minute: u32,
    pub capacity: u32,
    pub places_left: u32,
}

/// `GET /api/v1/marriage/offices/{id}/days/{date}/slots`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SlotList {
    pub date: Date,
    pub slots: Vec<Slot>,
    pub ceremony: Vec<Slot>,
    pub counselling: Vec<Slot>,
    /// How long a counselling session lasts, with its source.
    pub counselling_length: SessionLength,
}

/// The 409 answer when the slot went while the couple was filling in the form carries
/// `fields: {"slot_id": "marriage.slot_full"}`; the app then asks for this list.
/// `GET /api/v1/marriage/offices/{id}/nearest-free?from=YYYY-MM-DD`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NearestFree {
    pub slots: Vec<Slot>,
}

/// `08:30` from minutes after midnight.
pub fn clock_time(minute: u32) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_counselling_length_is_an_example_figure_with_its_date() {
        let length = counselling_length();
        assert_eq!(length.minutes, COUNSELLING_MINUTES);
        assert!(length.source.is_example(), "the registry's arrangement, not a published standard");
        assert_eq!(length.source.check(), Ok(()));
    }
}
