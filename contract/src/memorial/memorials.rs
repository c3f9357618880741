//! Online memorials (网上祭扫, `/api/v1/memorial/memorials`): creating one with its checks, a
//! memorial as its viewer sees it, the list, making it public, its photo and reminder, and
//! staff's reminder run.

use super::rules::{check_life_dates, parse_plain_text, MAX_BIOGRAPHY_CHARS};
use super::tributes::MemorialMessage;
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

/// How the requester is related to the deceased, asked when making a memorial public (stored
/// with the memorial, so staff can follow up a dispute).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    Spouse,
    Child,
    Parent,
    Sibling,
    Grandchild,
    OtherRelative,
}

impl Relation {
    pub const ALL: [Relation; 6] = [
        Relation::Spouse,
        Relation::Child,
        Relation::Parent,
        Relation::Sibling,
        Relation::Grandchild,
        Relation::OtherRelative,
    ];

    /// The stable code on the wire and in the database.
    pub fn code(self) -> &'static str {
        match self {
            Relation::Spouse => "spouse",
            Relation::Child => "child",
            Relation::Parent => "parent",
            Relation::Sibling => "sibling",
            Relation::Grandchild => "grandchild",
            Relation::OtherRelative => "other_relative",
        }
    }

    /// One of the codes, or `MemorialRelation` ("choose how you are related"), also when empty:
    /// the question is a choice, so "fill this in" would not say what to do.
    pub fn parse(code: &str) -> Result<Relation, FieldError> {
        let code = code.trim();
        Relation::ALL.into_iter().find(|r| r.code() == code).ok_or(FieldError::MemorialRelation)
    }
}

/// Make a memorial public: link it to the burial register and say how you are related.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublishRequest {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::certificate_number))]
    pub certificate_number: String,
    /// One of `spouse`, `child`, `parent`, `sibling`, `grandchild`, `other_relative`.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::relation))]
    pub relation: String,
}

impl PublishRequest {
    /// The normalised certificate number and the relation, or the field errors.
    pub fn validate(&self) -> Result<(String, Relation), FieldErrors> {
        let mut f = FieldErrors::new();
        let number = f.check("certificate_number", super::rules::parse_certificate_number(&self.certificate_number));
        let relation = f.check("relation", Relation::parse(&self.relation));
        match (number, relation) {
            (Some(n), Some(r)) if f.is_empty() => Ok((n, r)),
            _ => Err(f),
        }
    }
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

#[cfg(test)]
mod tests;
