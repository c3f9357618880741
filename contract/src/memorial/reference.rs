//! The cemeteries' burial register as a district imports it (`reference import burial_records`,
//! `PUT /api/v1/staff/reference/burial_records`): a memorial goes public only when its
//! certificate number and name match a record here.

use super::rules::parse_certificate_number;
use crate::api::reference::{check_code, ReferenceRow};
use crate::error::FieldErrors;
use crate::rules::date::Date;
use crate::rules::name::parse_person_name;
use serde::{Deserialize, Serialize};

/// One burial: the certificate (`BA-YYYY-NNNNNN`), the name on it, the cemetery, the day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct BurialRecordRow {
    pub certificate_number: String,
    pub deceased_name: String,
    /// The cemetery's id (one already stored).
    pub cemetery: String,
    pub buried_on: Date,
}

impl ReferenceRow for BurialRecordRow {
    const KEY_FIELD: &'static str = "certificate_number";

    fn key(&self) -> String {
        self.certificate_number.clone()
    }

    fn normalise(&mut self) {
        if let Ok(n) = parse_certificate_number(&self.certificate_number) {
            self.certificate_number = n;
        }
        if let Ok(n) = parse_person_name(&self.deceased_name) {
            self.deceased_name = n;
        }
    }

    fn check(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        errors.check("certificate_number", parse_certificate_number(&self.certificate_number));
        errors.check("deceased_name", parse_person_name(&self.deceased_name));
        errors.check("cemetery", check_code(&self.cemetery));
        errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::FieldError;

    #[test]
    fn a_record_is_normalised_then_checked() {
        let mut r: BurialRecordRow = serde_json::from_str(
            r#"{"certificate_number":"ba-2019-000123 ","deceased_name":"陈  国华","cemetery":"baoshan","buried_on":"2019-04-02"}"#,
        )
        .unwrap();
        r.normalise();
        assert_eq!(r.certificate_number, "BA-2019-000123");
        assert!(r.check().is_empty());
        r.certificate_number = "2019-123".into();
        r.deceased_name = "123".into();
        r.cemetery = "宝山园".into();
        let errors = r.check();
        assert_eq!(errors.get("certificate_number"), Some(FieldError::MemorialCertificateFormat));
        assert_eq!(errors.get("deceased_name"), Some(FieldError::NameCharacters));
        assert_eq!(errors.get("cemetery"), Some(FieldError::ReferenceCode));
    }
}
