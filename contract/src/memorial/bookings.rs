//! Visit bookings (`/api/v1/memorial/bookings`): the request with its checks, a booking with its
//! entry QR code, and the resident's list.

use super::cemeteries::Cemetery;
// Only the doc link below names it; the OpenAPI document carries that text as written.
#[cfg(doc)]
use super::rules::DEFAULT_MAX_GROUP;
use super::rules::{check_group_size, check_visitor, parse_grave_part, parse_plate};
use crate::api::QrMatrix;
use crate::error::{FieldError, FieldErrors};
use crate::rules::date::Date;
use crate::rules::name::parse_person_name;
use serde::{Deserialize, Serialize};

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
    pub(super) fn validate(&self, f: &mut FieldErrors) -> Grave {
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
