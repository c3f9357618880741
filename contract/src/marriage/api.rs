//! Request and response types of `/api/v1/marriage/…`.

use super::checklist::ChecklistItem;
use super::divorce::DivorceStage;
use super::party::{OwnDetails, PartyInput};
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

/// Text the server serves in the three languages of the app (office names, addresses, notes).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Localized {
    pub zh_hans: String,
    pub zh_hant: String,
    pub en: String,
}

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
    pub note: Localized,
}

/// `GET /api/v1/marriage/offices`: every registry office (全城通办: any office serves any couple).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Office {
    pub id: String,
    pub name: Localized,
    pub address: Localized,
    /// Usual opening hours, as the office words them.
    pub hours: Localized,
    pub phone: String,
    /// A link to the office on a map.
    pub map_url: String,
    /// Holiday closures, extended-service and busy days in the bookable period.
    pub special_days: Vec<SpecialDay>,
}

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
    pub note: Option<Localized>,
    /// A date many couples want: book early, or take one of `nearest_free`.
    pub busy: bool,
    /// For busy days: the nearest days that still have places.
    pub nearest_free: Vec<Date>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DayList {
    pub office_id: String,
    pub days: Vec<Day>,
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

/// `POST /api/v1/marriage/second-visits`: either party books the divorce second visit from their
/// own account — the account that booked the first visit, or the partner's account that
/// confirmed it; any other account gets "not found". Both parties are taken from the first
/// visit; the booker becomes party A and the other confirms in their own account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SecondVisitRequest {
    pub first_visit_reference: String,
    pub slot_id: String,
}

/// The 409 answer when the slot went while the couple was filling in the form carries
/// `fields: {"slot_id": "marriage.slot_full"}`; the app then asks for this list.
/// `GET /api/v1/marriage/offices/{id}/nearest-free?from=YYYY-MM-DD`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NearestFree {
    pub slots: Vec<Slot>,
}

/// How long the partner has to confirm (in their own account) before the place is released.
pub const CONFIRM_WITHIN_SECONDS: i64 = 2 * 3600;
/// How many days ahead can be booked.
pub const BOOKABLE_DAYS: i64 = 30;

/// `08:30` from minutes after midnight.
pub fn clock_time(minute: u32) -> String {
    format!("{:02}:{:02}", minute / 60, minute % 60)
}
