//! The registry offices (`GET /api/v1/marriage/offices`): where they are, their hours, and the
//! days they depart from their usual week; their texts in the shared three-language `LocalisedText`.

use crate::api::LocalisedText;
use crate::rules::date::Date;
use serde::{Deserialize, Serialize};

/// A day an office departs from its usual week.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum SpecialDayKind {
    /// Closed (public holiday, staff training).
    Closed,
    /// Open although it is a weekend or holiday, or open longer (extended service).
    Extended,
    /// A date many couples want (server-marked, besides 5.20, 七夕 and 2.14).
    Busy,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SpecialDay {
    pub date: Date,
    pub kind: SpecialDayKind,
    pub note: LocalisedText,
}

/// `GET /api/v1/marriage/offices`: every registry office (全城通办: any office serves any couple).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Office {
    pub id: String,
    pub name: LocalisedText,
    pub address: LocalisedText,
    /// Usual opening hours, as the office words them.
    pub hours: LocalisedText,
    pub phone: String,
    /// A link to the office on a map.
    pub map_url: String,
    /// Holiday closures, extended-service and busy days in the bookable period.
    pub special_days: Vec<SpecialDay>,
}
