//! The resident's own name and identity document, used to pre-fill every journey's forms.

use crate::error::FieldErrors;
use crate::rules::date::Date;
use crate::rules::documents::{parse_document_number, IdType};
use crate::rules::name::parse_person_name;
use serde::{Deserialize, Serialize};

/// `PUT /api/v1/me/profile`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProfileUpdate {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::person_name))]
    pub name: String,
    pub id_type: IdType,
    pub id_number: String,
}

impl ProfileUpdate {
    /// The normalised profile, or the field errors to show. `today` is Shenzhen's date.
    pub fn validate(&self, today: Date) -> Result<ProfileUpdate, FieldErrors> {
        let mut errors = FieldErrors::new();
        let name = errors.check("name", parse_person_name(&self.name));
        let number = errors.check("id_number", parse_document_number(self.id_type, &self.id_number, today));
        match (name, number) {
            (Some(name), Some(id_number)) => Ok(ProfileUpdate { name, id_type: self.id_type, id_number }),
            _ => Err(errors),
        }
    }
}

/// The profile as its owner sees it: the full number (only ever sent to its owner) and the masked
/// form the app shows by default.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Profile {
    pub name: String,
    pub id_type: IdType,
    pub id_number: String,
    pub id_number_masked: String,
    /// Set when an identity platform vouched for the name and number: they are then locked.
    #[serde(default)]
    pub verification: Option<crate::api::identity::IdentityVerification>,
}
