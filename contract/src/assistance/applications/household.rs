//! The people of an application: the applicant, the household members, their relations and
//! work, and the identity checks (document number, date of birth) they share.

#[cfg(feature = "openapi")]
use super::{MAX_DISABILITY_LEVEL, MAX_TEXT_CHARS};
use crate::assistance::eligibility::Residence;
use crate::error::{FieldError, FieldErrors};
use crate::rules::date::Date;
use crate::rules::documents::{parse_document_number, IdType};
use crate::rules::resident_id::parse_resident_id;
use serde::{Deserialize, Serialize};

/// The ID type a form starts with, and the one older drafts and clients meant.
pub(crate) fn resident_id_type() -> IdType {
    IdType::ResidentId
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Applicant {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::person_name))]
    pub name: String,
    /// Kind of ID document (resident ID unless chosen otherwise).
    #[serde(default = "resident_id_type")]
    pub id_type: IdType,
    /// The number of that document, checked by the shared rule for its type.
    pub id_number: String,
    /// ISO date of birth, typed when the ID is not a resident ID (a resident ID carries it).
    #[serde(default)]
    pub birth_date: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::mobile))]
    pub phone: String,
    pub residence: Option<Residence>,
    /// Street code, from `GET /api/v1/streets`.
    pub street: String,
    /// Community code, from `GET /api/v1/assistance/communities`.
    pub community: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::required_chars::<{ MAX_TEXT_CHARS }>))]
    pub address: String,
}

impl Default for Applicant {
    fn default() -> Self {
        Applicant {
            name: String::new(),
            id_type: IdType::ResidentId,
            id_number: String::new(),
            birth_date: String::new(),
            phone: String::new(),
            residence: None,
            street: String::new(),
            community: String::new(),
            address: String::new(),
        }
    }
}

impl Applicant {
    pub fn birth_date(&self, today: Date) -> Option<Date> {
        birth_date_of(self.id_type, &self.id_number, &self.birth_date, today)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Relation {
    Spouse,
    Child,
    Parent,
    Grandparent,
    Grandchild,
    Sibling,
    Other,
}

impl Relation {
    pub const ALL: [Relation; 7] = [
        Relation::Spouse,
        Relation::Child,
        Relation::Parent,
        Relation::Grandparent,
        Relation::Grandchild,
        Relation::Sibling,
        Relation::Other,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum WorkStatus {
    Employed,
    Unemployed,
    Retired,
    Student,
    UnableToWork,
    Preschool,
}

impl WorkStatus {
    pub const ALL: [WorkStatus; 6] = [
        WorkStatus::Employed,
        WorkStatus::Unemployed,
        WorkStatus::Retired,
        WorkStatus::Student,
        WorkStatus::UnableToWork,
        WorkStatus::Preschool,
    ];
}

/// A household member other than the applicant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Member {
    pub relation: Option<Relation>,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::person_name))]
    pub name: String,
    /// Kind of ID document (resident ID unless chosen otherwise).
    #[serde(default = "resident_id_type")]
    pub id_type: IdType,
    /// The number of that document; a resident ID also gives the date of birth.
    pub id_number: String,
    /// ISO date of birth, typed when the ID is not a resident ID.
    #[serde(default)]
    pub birth_date: String,
    pub work_status: Option<WorkStatus>,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::amount_yuan))]
    pub monthly_income_yuan: i64,
    /// Disability certificate level 1–4; 0 for none.
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::int_range::<0, { MAX_DISABILITY_LEVEL as i64 }>))]
    pub disability_level: u8,
    /// Health in the resident's own words (e.g. a long illness).
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::chars::<{ MAX_TEXT_CHARS }>))]
    pub health: String,
}

impl Member {
    pub fn birth_date(&self, today: Date) -> Option<Date> {
        birth_date_of(self.id_type, &self.id_number, &self.birth_date, today)
    }
}

/// A date of birth: read from a resident ID, as typed for any other document; `None` while
/// the number or the typed date is not valid.
pub fn birth_date_of(id_type: IdType, id_number: &str, typed: &str, today: Date) -> Option<Date> {
    match id_type {
        IdType::ResidentId => parse_resident_id(id_number, today).ok().map(|id| id.birth_date()),
        _ => parse_birth_date(typed, today).ok(),
    }
}

/// The earliest year a typed date of birth may have.
pub const EARLIEST_BIRTH_YEAR: i32 = 1900;

/// A typed date of birth (YYYY-MM-DD): a real date, not in the future, not before 1900.
pub fn parse_birth_date(typed: &str, today: Date) -> Result<Date, FieldError> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err(FieldError::Required);
    }
    match Date::parse_iso(typed) {
        Some(d) if d > today => Err(FieldError::AssistanceDateInFuture),
        Some(d) if d.year() >= EARLIEST_BIRTH_YEAR => Ok(d),
        _ => Err(FieldError::AssistanceDate),
    }
}

/// The ID number by the shared rule of its type and, unless a resident ID gives it, the typed
/// date of birth; errors under `{prefix}id_number` and `{prefix}birth_date`.
pub(crate) fn identity(
    e: &mut FieldErrors,
    prefix: &str,
    id_type: IdType,
    id_number: &str,
    birth_date: &str,
    today: Date,
) {
    e.check(&format!("{prefix}id_number"), parse_document_number(id_type, id_number, today));
    if id_type != IdType::ResidentId {
        e.check(&format!("{prefix}birth_date"), parse_birth_date(birth_date, today));
    }
}
