//! Proxy sweeping (代祭扫, `/api/v1/memorial/proxy`): the family's request with its checks, the
//! request as the family and staff see it, and staff marking it done.

use super::bookings::Grave;
use super::rules::{parse_plain_text, MAX_NOTE_CHARS};
use crate::error::{FieldError, FieldErrors};
use crate::rules::date::Date;
use crate::rules::name::parse_person_name;
use serde::{Deserialize, Serialize};

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

/// The most photos gate staff attach to one request: enough to show the grave before and after,
/// and a bound on what one request can store.
pub const MAX_PROXY_PHOTOS: usize = 6;
