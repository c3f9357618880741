//! Request and response bodies of the 祭扫 journey, with `validate()` running the rules.

use super::rules::*;
use crate::api::QrMatrix;
use crate::error::{FieldError, FieldErrors};
use crate::rules::date::Date;
use crate::rules::name::parse_person_name;
use serde::{Deserialize, Serialize};

/// A cemetery that takes visit bookings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Cemetery {
    pub id: String,
    pub name: String,
    pub address: String,
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

/// Where a grave is: area (区), row (排), number (号).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Grave {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::grave_part))]
    pub area: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::grave_part))]
    pub row: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::grave_part))]
    pub number: String,
}

impl Grave {
    fn validate(&self, f: &mut FieldErrors) -> Grave {
        Grave {
            area: f.check("grave_area", parse_grave_part(&self.area)).unwrap_or_default(),
            row: f.check("grave_row", parse_grave_part(&self.row)).unwrap_or_default(),
            number: f.check("grave_number", parse_grave_part(&self.number)).unwrap_or_default(),
        }
    }
}

/// A visit booking request.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(as = MemorialBookingRequest))]
pub struct BookingRequest {
    pub slot_id: String,
    /// 1 to the cemetery's maximum group (at most [`DEFAULT_MAX_GROUP`] unless the cemetery says otherwise).
    #[cfg_attr(feature = "openapi", schema(minimum = 1))]
    pub group_size: u32,
    /// Optional; empty means coming without a car.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::plate_or_empty))]
    pub plate: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::person_name))]
    pub deceased_name: String,
    pub grave: Grave,
    /// When booking for someone else (an elderly relative): the visitor's name and mobile
    /// number, both or neither (empty when the account holder comes themself).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::person_name_or_empty))]
    pub visitor_name: String,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::mobile_or_empty))]
    pub visitor_phone: String,
}

impl BookingRequest {
    /// Checks every field; returns the normalised request or the field errors.
    pub fn validate(&self, max_group: u32) -> Result<BookingRequest, FieldErrors> {
        let mut f = FieldErrors::new();
        if self.slot_id.trim().is_empty() {
            f.add("slot_id", FieldError::Required);
        }
        f.check("group_size", check_group_size(self.group_size, max_group));
        let plate = if self.plate.trim().is_empty() {
            String::new()
        } else {
            f.check("plate", parse_plate(&self.plate)).unwrap_or_default()
        };
        let deceased_name = f.check("deceased_name", parse_person_name(&self.deceased_name)).unwrap_or_default();
        let grave = self.grave.validate(&mut f);
        let (visitor_name, visitor_phone) =
            check_visitor(&self.visitor_name, &self.visitor_phone).unwrap_or_else(|errors| {
                for (name, e) in errors {
                    f.add(name, e);
                }
                Default::default()
            });
        if f.is_empty() {
            Ok(BookingRequest {
                slot_id: self.slot_id.trim().into(),
                group_size: self.group_size,
                plate,
                deceased_name,
                grave,
                visitor_name,
                visitor_phone,
            })
        } else {
            Err(f)
        }
    }
}

/// A booking as its owner sees it, with the entry QR code.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(as = MemorialBooking))]
pub struct Booking {
    pub id: String,
    /// The reference shown at the gate, e.g. `JS-20270404-7K3Q`.
    pub reference: String,
    pub cemetery: Cemetery,
    pub date: Date,
    pub starts_minute: u32,
    pub ends_minute: u32,
    pub group_size: u32,
    pub plate: String,
    pub deceased_name: String,
    pub grave: Grave,
    /// Who comes, when booked for someone else (else empty).
    pub visitor_name: String,
    pub visitor_phone: String,
    /// `active` or `cancelled`.
    pub status: String,
    pub qr: QrMatrix,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(as = MemorialBookingList))]
pub struct BookingList {
    pub bookings: Vec<Booking>,
    #[serde(default)]
    pub page: u32,
    #[serde(default)]
    pub page_size: u32,
    #[serde(default)]
    pub total: i64,
}

/// Services staff can do at a grave on the family's behalf.
pub const PROXY_SERVICES: &[&str] = &["clean", "flowers", "wipe_stone", "photo"];

/// A proxy sweeping (代祭扫) request.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProxyRequest {
    pub cemetery_id: String,
    pub date: Option<Date>,
    /// Codes from `PROXY_SERVICES`.
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::proxy_services))]
    pub services: Vec<String>,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::person_name))]
    pub deceased_name: String,
    pub grave: Grave,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::memorial_text::<{ MAX_NOTE_CHARS }>))]
    pub note: String,
}

impl ProxyRequest {
    pub fn validate(&self, today: Date) -> Result<ProxyRequest, FieldErrors> {
        let mut f = FieldErrors::new();
        if self.cemetery_id.trim().is_empty() {
            f.add("cemetery_id", FieldError::Required);
        }
        match self.date {
            None => f.add("date", FieldError::Required),
            Some(d) if d <= today => f.add("date", FieldError::MemorialDayPassed),
            _ => {}
        }
        if self.services.is_empty() || self.services.iter().any(|s| !PROXY_SERVICES.contains(&s.as_str())) {
            f.add("services", FieldError::MemorialServices);
        }
        let deceased_name = f.check("deceased_name", parse_person_name(&self.deceased_name)).unwrap_or_default();
        let grave = self.grave.validate(&mut f);
        let note = if self.note.trim().is_empty() {
            String::new()
        } else {
            f.check("note", parse_plain_text(&self.note, MAX_NOTE_CHARS)).unwrap_or_default()
        };
        if f.is_empty() {
            Ok(ProxyRequest {
                cemetery_id: self.cemetery_id.clone(),
                date: self.date,
                services: self.services.clone(),
                deceased_name,
                grave,
                note,
            })
        } else {
            Err(f)
        }
    }
}

/// A proxy sweeping request as the family (and staff) see it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProxyView {
    pub id: String,
    pub reference: String,
    pub cemetery_name: String,
    pub date: Date,
    pub services: Vec<String>,
    pub deceased_name: String,
    pub grave: Grave,
    pub note: String,
    /// `requested`, `done` or `cancelled` (by the family, before staff went).
    pub status: String,
    /// Ids of staff's photos, readable at `/api/v1/memorial/proxy/{id}/photos/{photo}`.
    pub photos: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProxyList {
    pub requests: Vec<ProxyView>,
    #[serde(default)]
    pub page: u32,
    #[serde(default)]
    pub page_size: u32,
    #[serde(default)]
    pub total: i64,
}

/// Staff mark a proxy sweep done, attaching photos (upload ids).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProxyDone {
    pub photos: Vec<String>,
}

mod memorials;
pub use memorials::*;
