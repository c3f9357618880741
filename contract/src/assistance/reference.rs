//! The streets (街道) and their communities (社区) as a district imports them
//! (`reference import streets|communities`, `PUT /api/v1/staff/reference/{kind}`). The app
//! serves their names without an English fallback, so English is required here.

use crate::api::reference::{active_default, check_code, check_localised, check_order, lenient_text, ReferenceRow};
use crate::api::LocalisedText;
use crate::error::FieldErrors;
use serde::{Deserialize, Serialize};

/// Longest street or community name.
pub const PLACE_NAME_MAX_CHARS: usize = 60;

/// A street (街道): its stable code, its name, its place in lists.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct StreetRow {
    pub code: String,
    /// `zh_hant` may be left out (converted from 简体); `en` is required.
    #[serde(deserialize_with = "lenient_text")]
    pub name: LocalisedText,
    pub order: u32,
}

/// A community (社区) of a street, where applications are received. A community no longer
/// used is kept with `active: false` (applications name it) and leaves the public list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CommunityRow {
    pub code: String,
    /// The street's code (in the same file's import or already stored).
    pub street: String,
    #[serde(deserialize_with = "lenient_text")]
    pub name: LocalisedText,
    pub order: u32,
    #[serde(default = "active_default")]
    pub active: bool,
}

impl ReferenceRow for StreetRow {
    const KEY_FIELD: &'static str = "code";

    fn key(&self) -> String {
        self.code.clone()
    }

    fn check(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        errors.check("code", check_code(&self.code));
        check_localised(&mut errors, "name", &self.name, PLACE_NAME_MAX_CHARS, true);
        check_order(&mut errors, self.order);
        errors
    }
}

impl ReferenceRow for CommunityRow {
    const KEY_FIELD: &'static str = "code";

    fn key(&self) -> String {
        self.code.clone()
    }

    fn check(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        errors.check("code", check_code(&self.code));
        errors.check("street", check_code(&self.street));
        check_localised(&mut errors, "name", &self.name, PLACE_NAME_MAX_CHARS, true);
        check_order(&mut errors, self.order);
        errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::reference::ORDER_MAX;
    use crate::error::FieldError;

    fn community() -> CommunityRow {
        serde_json::from_str(
            r#"{"code":"xinan-haiyu","street":"xinan","name":{"zh_hans":"海裕社区","en":"Haiyu Community"},"order":1}"#,
        )
        .unwrap()
    }

    #[test]
    fn a_row_may_leave_out_traditional_and_active() {
        let c = community();
        assert_eq!(c.name.zh_hant, "");
        assert!(c.active);
        assert!(c.check().is_empty());
    }

    #[test]
    fn every_bad_field_is_reported() {
        let mut c = community();
        c.code = "Haiyu".into();
        c.street = String::new();
        c.name.en = None;
        c.name.zh_hans = " ".into();
        c.order = ORDER_MAX + 1;
        let errors = c.check();
        assert_eq!(errors.get("code"), Some(FieldError::ReferenceCode));
        assert_eq!(errors.get("street"), Some(FieldError::ReferenceCode));
        assert_eq!(errors.get("name.zh_hans"), Some(FieldError::Required));
        assert_eq!(errors.get("name.en"), Some(FieldError::Required));
        assert_eq!(errors.get("order"), Some(FieldError::FigureRange));
    }

    #[test]
    fn a_key_twice_in_one_file_is_reported_on_its_second_line() {
        let rows = vec![(1, community()), (2, community())];
        let errors = crate::api::reference::check_rows(&rows, false);
        assert_eq!(errors.get("line.2.code"), Some(FieldError::ReferenceDuplicate));
        assert_eq!(errors.0.len(), 1);
    }
}
