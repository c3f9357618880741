//! The bookable days of an office (`GET /api/v1/marriage/offices/{id}/days`): places left, closures,
//! busy dates, and how far ahead a booking may be made.

use super::busy::BusyNote;
use crate::api::LocalisedText;
use crate::rules::date::Date;
use serde::{Deserialize, Serialize};

/// Why a day cannot be booked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DayState {
    /// Places left.
    Open,
    /// Every place is taken.
    Full,
    /// The office does not register that day (weekend, holiday); `note` may say why.
    Closed,
}

/// One day of `GET /api/v1/marriage/offices/{id}/days`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Day {
    pub date: Date,
    pub state: DayState,
    pub places_left: u32,
    /// Extended service, or why it is closed.
    pub note: Option<LocalisedText>,
    /// A date many couples want: book early, or take one of `nearest_free`.
    pub busy: bool,
    /// For busy days: the nearest days that still have places.
    pub nearest_free: Vec<Date>,
    /// For busy days: why, and what that rests on (a prediction, never policy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub busy_note: Option<BusyNote>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DayList {
    pub office_id: String,
    pub days: Vec<Day>,
}

/// How many days ahead can be booked.
pub const BOOKABLE_DAYS: i64 = 30;
