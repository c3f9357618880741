//! Identity documents a resident can register with.
//!
//! Most Bao'an residents are migrants and the district borders Hong Kong, so besides the
//! mainland resident ID the app accepts the travel permits Hong Kong, Macau and Taiwan
//! residents use on the mainland, and foreign passports. Only the shape of the number is
//! checked here; whether the document is genuine is for the registry behind the server.

use super::date::Date;
use super::resident_id::parse_resident_id;
use crate::error::FieldError;
use serde::{Deserialize, Serialize};

/// Kind of identity document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum IdType {
    /// 居民身份证, 18 characters (GB 11643).
    ResidentId,
    /// 港澳居民来往内地通行证 (回乡证): H (Hong Kong) or M (Macau) and 8 or 10 digits.
    HkMacauPermit,
    /// 台湾居民来往大陆通行证 (台胞证): 8 digits, or 10 on the older booklet.
    TaiwanPermit,
    /// Any passport: 5–17 letters and digits.
    Passport,
}

impl IdType {
    /// Every type, in the order a form offers them.
    pub const ALL: [IdType; 4] = [IdType::ResidentId, IdType::HkMacauPermit, IdType::TaiwanPermit, IdType::Passport];

    /// The stable code used on the wire, in storage and in form values (same as serde's).
    pub fn code(self) -> &'static str {
        match self {
            IdType::ResidentId => "resident_id",
            IdType::HkMacauPermit => "hk_macau_permit",
            IdType::TaiwanPermit => "taiwan_permit",
            IdType::Passport => "passport",
        }
    }

    pub fn from_code(code: &str) -> Option<IdType> {
        IdType::ALL.into_iter().find(|t| t.code() == code)
    }
}

/// Validates a document number of the given type and returns it normalised: whitespace
/// removed anywhere (numbers are often typed or printed in groups) and letters uppercased.
///
/// Errors: nothing entered → [`FieldError::Required`]; otherwise the type's format error, or
/// for resident IDs whatever [`parse_resident_id`] says (which needs `today` for the birth
/// date check).
pub fn parse_document_number(id_type: IdType, input: &str, today: Date) -> Result<String, FieldError> {
    let number: String = input.chars().filter(|c| !c.is_whitespace()).map(|c| c.to_ascii_uppercase()).collect();
    if number.is_empty() {
        return Err(FieldError::Required);
    }
    let digits = |s: &str, lens: &[usize]| lens.contains(&s.len()) && s.bytes().all(|c| c.is_ascii_digit());
    match id_type {
        IdType::ResidentId => parse_resident_id(&number, today).map(|id| id.into_string()),
        IdType::HkMacauPermit => match number.strip_prefix(['H', 'M']) {
            // 2013+ cards: 8 digits; older booklets: 10 digits.
            Some(rest) if digits(rest, &[8, 10]) => Ok(number),
            _ => Err(FieldError::HkMacauPermitFormat),
        },
        IdType::TaiwanPermit if digits(&number, &[8, 10]) => Ok(number),
        IdType::TaiwanPermit => Err(FieldError::TaiwanPermitFormat),
        IdType::Passport => {
            let ok = (5..=17).contains(&number.len())
                && number.bytes().all(|c| c.is_ascii_alphanumeric())
                && number.bytes().any(|c| c.is_ascii_digit());
            if ok {
                Ok(number)
            } else {
                Err(FieldError::PassportFormat)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::new(2025, 6, 1).unwrap()
    }

    #[test]
    fn valid_numbers_are_normalised() {
        let cases: &[(IdType, &str, &str)] = &[
            (IdType::ResidentId, "11010519491231002x", "11010519491231002X"),
            (IdType::ResidentId, " 110105 19491231 002X ", "11010519491231002X"),
            (IdType::HkMacauPermit, "H12345678", "H12345678"),
            (IdType::HkMacauPermit, "m 1234 5678", "M12345678"),
            (IdType::HkMacauPermit, "H1234567890", "H1234567890"),
            (IdType::TaiwanPermit, "12345678", "12345678"),
            (IdType::TaiwanPermit, "1234567890", "1234567890"),
            (IdType::Passport, "E12345678", "E12345678"),
            (IdType::Passport, "ej 1234567", "EJ1234567"),
            (IdType::Passport, "12345", "12345"),
            (IdType::Passport, "AB1234567890CDEFG", "AB1234567890CDEFG"),
        ];
        for &(t, input, want) in cases {
            assert_eq!(parse_document_number(t, input, today()).as_deref(), Ok(want), "{t:?} {input:?}");
        }
    }

    #[test]
    fn invalid_numbers_name_the_format() {
        use FieldError::*;
        let cases: &[(IdType, &str, FieldError)] = &[
            (IdType::ResidentId, "", Required),
            (IdType::HkMacauPermit, "  ", Required),
            (IdType::TaiwanPermit, "", Required),
            (IdType::Passport, "\t", Required),
            (IdType::ResidentId, "110105194912310021", IdChecksum),
            (IdType::ResidentId, "H12345678", IdLength),
            (IdType::HkMacauPermit, "12345678", HkMacauPermitFormat),
            (IdType::HkMacauPermit, "H1234567", HkMacauPermitFormat),
            (IdType::HkMacauPermit, "H123456789", HkMacauPermitFormat),
            (IdType::HkMacauPermit, "X12345678", HkMacauPermitFormat),
            (IdType::HkMacauPermit, "H1234567A", HkMacauPermitFormat),
            (IdType::HkMacauPermit, "HH12345678", HkMacauPermitFormat),
            (IdType::TaiwanPermit, "1234567", TaiwanPermitFormat),
            (IdType::TaiwanPermit, "123456789", TaiwanPermitFormat),
            (IdType::TaiwanPermit, "T1234567", TaiwanPermitFormat),
            (IdType::Passport, "E123", PassportFormat),
            (IdType::Passport, "ABCDEFGH", PassportFormat),
            (IdType::Passport, "AB1234567890CDEFGH", PassportFormat),
            (IdType::Passport, "E1234-5678", PassportFormat),
            (IdType::Passport, "Ｅ12345678", PassportFormat),
        ];
        for &(t, input, err) in cases {
            assert_eq!(parse_document_number(t, input, today()), Err(err), "{t:?} {input:?}");
        }
    }

    #[test]
    fn id_type_wire_names() {
        let names: Vec<String> = IdType::ALL.iter().map(|t| serde_json::to_string(t).unwrap()).collect();
        assert_eq!(names, ["\"resident_id\"", "\"hk_macau_permit\"", "\"taiwan_permit\"", "\"passport\""]);
    }

    #[test]
    fn id_type_codes_match_serde_and_round_trip() {
        for t in IdType::ALL {
            assert_eq!(IdType::from_code(t.code()), Some(t));
            assert_eq!(serde_json::to_value(t).unwrap(), serde_json::Value::String(t.code().into()));
        }
        assert_eq!(IdType::from_code("driving_licence"), None);
    }
}
