//! Online memorial (网上祭扫) bodies.

use super::super::rules::*;
use crate::error::{FieldError, FieldErrors};
use crate::rules::date::Date;
use crate::rules::name::parse_person_name;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemorialCreate {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::person_name))]
    pub deceased_name: String,
    /// Required (the rule says so when it is missing).
    #[cfg_attr(feature = "openapi", schema(value_type = Date, required = true))]
    pub born_on: Option<Date>,
    /// Required, not before `born_on` and not in the future.
    #[cfg_attr(feature = "openapi", schema(value_type = Date, required = true))]
    pub died_on: Option<Date>,
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::memorial_text::<{ MAX_BIOGRAPHY_CHARS }>))]
    pub biography: String,
    /// An upload id (JPEG or PNG) of the resident's own.
    #[serde(default)]
    pub photo: Option<String>,
}

impl MemorialCreate {
    pub fn validate(&self, today: Date) -> Result<MemorialCreate, FieldErrors> {
        let mut f = FieldErrors::new();
        let deceased_name = f.check("deceased_name", parse_person_name(&self.deceased_name)).unwrap_or_default();
        if self.born_on.is_none() {
            f.add("born_on", FieldError::Required);
        }
        if self.died_on.is_none() {
            f.add("died_on", FieldError::Required);
        }
        if let (Some(b), Some(d)) = (self.born_on, self.died_on) {
            f.check("died_on", check_life_dates(b, d, today));
        }
        let biography = if self.biography.trim().is_empty() {
            String::new()
        } else {
            f.check("biography", parse_plain_text(&self.biography, MAX_BIOGRAPHY_CHARS)).unwrap_or_default()
        };
        if f.is_empty() {
            Ok(MemorialCreate {
                deceased_name,
                born_on: self.born_on,
                died_on: self.died_on,
                biography,
                photo: self.photo.clone(),
            })
        } else {
            Err(f)
        }
    }
}

/// A message left on a memorial. `text` is plain text: show it as text, never as HTML.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemorialMessage {
    pub id: String,
    /// The author's name masked (`王**`, see `mask::mask_name`), or empty: never a full name.
    pub author: String,
    pub text: String,
    pub created_at: i64,
    /// Hidden by the owner (only the owner still sees it, marked hidden).
    pub hidden: bool,
    pub mine: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Memorial {
    pub id: String,
    pub deceased_name: String,
    pub born_on: Date,
    pub died_on: Date,
    pub biography: String,
    pub photo: Option<String>,
    /// `private` (owner and invited family) or `public` (linked to a cemetery record).
    pub visibility: String,
    /// `owner`, `family` or `visitor`.
    pub role: String,
    pub flowers: i64,
    pub candles: i64,
    pub reminder: bool,
    /// The newest messages (at most `MAX_PAGE_SIZE`, oldest of them first); older ones are
    /// paged at `GET …/messages`.
    pub messages: Vec<MemorialMessage>,
    /// How many messages this viewer could page through in all.
    #[serde(default)]
    pub messages_total: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemorialSummary {
    pub id: String,
    pub deceased_name: String,
    pub visibility: String,
    pub role: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemorialList {
    pub memorials: Vec<MemorialSummary>,
    #[serde(default)]
    pub page: u32,
    #[serde(default)]
    pub page_size: u32,
    #[serde(default)]
    pub total: i64,
}

/// The kinds of offering: free, counted, never ranked.
pub const OFFERING_KINDS: [&str; 2] = ["flower", "candle"];

/// `flower` or `candle` ([`OFFERING_KINDS`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfferingRequest {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::offering_kind))]
    pub kind: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessageRequest {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::memorial_required_text::<{ MAX_MESSAGE_CHARS }>))]
    pub text: String,
}

/// Report a memorial or one message on it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportRequest {
    #[serde(default)]
    pub message_id: Option<String>,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::memorial_required_text::<{ MAX_NOTE_CHARS }>))]
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReminderRequest {
    pub on: bool,
}

/// The owner sets, replaces (`Some(upload id)`) or removes (`None`) the memorial's photo.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PhotoRequest {
    pub photo: Option<String>,
}

/// Staff run the reminders for a given day (tests, or catching up after an outage).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReminderRun {
    pub date: Date,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RemindersSent {
    /// Messages written by this run (reminders already sent are not sent again).
    pub sent: u32,
}
