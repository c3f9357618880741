//! Bookings (`/api/v1/marriage/bookings`): making one, how each party sees it, its status, the
//! paged list, and moving it to another time.

use super::checklist::ChecklistItem;
use super::divorce::DivorceStage;
use super::offices::Office;
use super::party::{OwnDetails, PartyInput};
use super::slots::Slot;
use crate::api::QrMatrix;
use crate::rules::date::Date;
use crate::rules::documents::IdType;
use crate::rules::resident_id::Sex;
use serde::{Deserialize, Serialize};

/// What the couple comes to the registry for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BookingKind {
    /// 结婚登记
    Marriage,
    /// 离婚登记 (协议离婚), first visit: starts the 30-day cooling-off period.
    Divorce,
    /// 补领婚姻登记证
    Replacement,
    /// 离婚登记, second visit: inside the 30-day window after the cooling-off, linked to the first.
    DivorceSecondVisit,
}

impl BookingKind {
    pub const ALL: [BookingKind; 4] =
        [BookingKind::Marriage, BookingKind::Divorce, BookingKind::Replacement, BookingKind::DivorceSecondVisit];
    /// What a new booking can be for; a second visit is booked from its first visit instead.
    pub const STARTABLE: [BookingKind; 3] = [BookingKind::Marriage, BookingKind::Divorce, BookingKind::Replacement];

    pub fn code(self) -> &'static str {
        match self {
            BookingKind::Marriage => "marriage",
            BookingKind::Divorce => "divorce",
            BookingKind::Replacement => "replacement",
            BookingKind::DivorceSecondVisit => "divorce_second_visit",
        }
    }

    pub fn from_code(code: &str) -> Option<BookingKind> {
        BookingKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// `POST /api/v1/marriage/bookings` (with an Idempotency-Key header).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BookingRequest {
    pub kind: BookingKind,
    pub slot_id: String,
    /// The signed-in resident booking: their name and document come from their profile (never
    /// from the request), so a booking can name no one else as party A; only what the profile
    /// does not hold is sent here.
    pub party_a: OwnDetails,
    /// Their partner, who confirms (or declines) in their own account, signed in with this phone.
    pub party_b: PartyInput,
    pub ceremony_slot_id: Option<String>,
    pub counselling_slot_id: Option<String>,
}

/// A party as a booking shows it. The viewer's own party in full; the other party masked (name
/// `王*`, document and phone masked, no birth date): a person learns nothing of another from a
/// booking that they did not already know.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Party {
    pub name: String,
    pub id_type: IdType,
    /// Present only in responses to the document's owner.
    pub id_number: Option<String>,
    pub id_number_masked: String,
    /// Present only in responses to the party themself.
    pub birth_date: Option<Date>,
    pub sex: Sex,
    pub nationality: String,
    pub phone_masked: String,
}

/// Whose view of a booking this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BookingRole {
    /// Party A: the account that booked (it may cancel and move the booking).
    Booker,
    /// Party B, in their own account: confirms or declines while the booking awaits them.
    Partner,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BookingStatus {
    /// Held until `confirm_by` for the partner to confirm in their own account.
    AwaitingPartner,
    Confirmed,
    Cancelled,
    /// The partner did not confirm in time; the place was released.
    Expired,
    /// The partner declined in their own account; the place was released.
    Declined,
}

impl BookingStatus {
    pub fn code(self) -> &'static str {
        match self {
            BookingStatus::AwaitingPartner => "awaiting_partner",
            BookingStatus::Confirmed => "confirmed",
            BookingStatus::Cancelled => "cancelled",
            BookingStatus::Expired => "expired",
            BookingStatus::Declined => "declined",
        }
    }

    pub fn from_code(code: &str) -> Option<BookingStatus> {
        [Self::AwaitingPartner, Self::Confirmed, Self::Cancelled, Self::Expired, Self::Declined]
            .into_iter()
            .find(|s| s.code() == code)
    }

    /// Holds a place and counts as the person's one active booking.
    pub fn is_active(self) -> bool {
        matches!(self, BookingStatus::AwaitingPartner | BookingStatus::Confirmed)
    }
}

/// A booking as one of its two parties sees it (`role`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Booking {
    pub id: String,
    pub role: BookingRole,
    /// The reference to quote at the counter, e.g. `BA-M-20261210-4F7K`.
    pub reference: String,
    pub kind: BookingKind,
    pub status: BookingStatus,
    pub office: Office,
    pub slot: Slot,
    pub ceremony: Option<Slot>,
    pub counselling: Option<Slot>,
    pub party_a: Party,
    pub party_b: Party,
    /// Unix seconds: an unconfirmed booking is released after this.
    pub confirm_by: Option<i64>,
    /// A divorce second visit: the reference of its first visit.
    pub first_visit_reference: Option<String>,
    /// A divorce first visit: the reference of its active second visit, once booked.
    pub second_visit_reference: Option<String>,
    /// Divorce bookings (both visits): where the couple stands in the legal clock, as of today.
    pub divorce: Option<DivorceStage>,
    pub checklist: Vec<ChecklistItem>,
    /// The check-in QR code (encodes the reference).
    pub qr: QrMatrix,
    pub created_at: i64,
}

impl Booking {
    /// Whether the couple can book the second visit from this booking now: a divorce's first
    /// visit, inside the window (not before, not after), with no second visit booked yet.
    pub fn second_visit_bookable(&self) -> bool {
        self.kind == BookingKind::Divorce
            && self.status == BookingStatus::Confirmed
            && self.second_visit_reference.is_none()
            && matches!(self.divorce, Some(DivorceStage::Window { .. }))
    }

    /// Whether ending this booking withdraws a divorce application (after the first visit,
    /// during the cooling-off) rather than simply cancelling an appointment.
    pub fn ending_withdraws_divorce(&self) -> bool {
        self.kind == BookingKind::Divorce && matches!(self.divorce, Some(DivorceStage::CoolingOff { .. }))
    }
}

/// `GET /api/v1/marriage/bookings?page=&per_page=`: the bookings the resident made and those
/// naming them (their phone) as party B, newest first, one page at a time.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BookingList {
    pub bookings: Vec<Booking>,
    /// 1-based.
    pub page: u32,
    pub per_page: u32,
    /// Whether a next page exists.
    pub has_more: bool,
}

/// The page size of booking lists when none is asked for, and the most one page may hold.
pub const DEFAULT_PAGE_SIZE: u32 = 20;
pub const MAX_PAGE_SIZE: u32 = 50;

/// `?page=&per_page=` of a booking list, clamped: page ≥ 1, 1 ≤ per_page ≤ MAX_PAGE_SIZE.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct PageQuery {
    pub page: Option<u32>,
    pub per_page: Option<u32>,
}

impl PageQuery {
    /// (page, per_page) after clamping.
    pub fn clamped(self) -> (u32, u32) {
        (self.page.unwrap_or(1).max(1), self.per_page.unwrap_or(DEFAULT_PAGE_SIZE).clamp(1, MAX_PAGE_SIZE))
    }
}

/// `POST /api/v1/marriage/bookings/{id}/reschedule`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RescheduleRequest {
    pub slot_id: String,
}

/// How long the partner has to confirm (in their own account) before the place is released.
pub const CONFIRM_WITHIN_SECONDS: i64 = 2 * 3600;

#[cfg(test)]
mod tests;
