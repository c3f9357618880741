//! Mainland China mobile numbers, the sign-in identity (SMS codes go to them).

use crate::error::FieldError;

/// The canonical form [`parse_mobile`] returns, as a regular expression (the OpenAPI schema of a
/// phone field): `1`, then `3`–`9`, then 9 more digits.
pub const MOBILE_PATTERN: &str = "^1[3-9][0-9]{9}$";

/// Validates a mainland mobile number and returns its 11 digits.
///
/// Accepts what people paste from contacts: spaces and hyphens anywhere (`138-1234-5678`,
/// `138 1234 5678`) and a country prefix `+86`, `0086` or `86`. The number must be `1`, then
/// `3`–`9`, then 9 more digits → else [`FieldError::PhoneFormat`]; nothing → `Required`.
/// Hong Kong / Macau numbers are not accepted: SMS sign-in needs a mainland number.
pub fn parse_mobile(input: &str) -> Result<String, FieldError> {
    let compact: String = input.chars().filter(|&c| !(c.is_whitespace() || c == '-')).collect();
    if compact.is_empty() {
        return Err(FieldError::Required);
    }
    let number = if let Some(rest) = compact.strip_prefix("+86") {
        rest
    } else if let Some(rest) = compact.strip_prefix("0086") {
        rest
    } else if compact.len() == 13 {
        // A bare 11-digit number never starts with 86, so this cannot eat real digits.
        compact.strip_prefix("86").unwrap_or(&compact)
    } else {
        &compact
    };
    let b = number.as_bytes();
    let ok = b.len() == 11 && b.iter().all(u8::is_ascii_digit) && b[0] == b'1' && (b'3'..=b'9').contains(&b[1]);
    if ok {
        Ok(number.to_string())
    } else {
        Err(FieldError::PhoneFormat)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pattern_is_the_canonical_form() {
        assert_eq!(MOBILE_PATTERN, "^1[3-9][0-9]{9}$", "change the samples below with the pattern");
        // Every second digit the pattern allows (and only those), with any 9 digits after.
        for second in b'0'..=b'9' {
            for rest in ["000000000", "123456789", "999999999"] {
                let number = format!("1{}{rest}", second as char);
                assert_eq!(parse_mobile(&number).is_ok(), (b'3'..=b'9').contains(&second), "{number}");
            }
        }
        assert!(parse_mobile("2381234567").is_err() && parse_mobile("138123456789").is_err());
    }

    #[test]
    fn accepts_common_ways_of_writing_a_number() {
        for input in [
            "13812345678",
            " 13812345678 ",
            "138 1234 5678",
            "138-1234-5678",
            "+86 138 1234 5678",
            "+8613812345678",
            "008613812345678",
            "8613812345678",
            "86-138-1234-5678",
            "138\u{3000}1234\u{3000}5678",
        ] {
            assert_eq!(parse_mobile(input).as_deref(), Ok("13812345678"), "{input:?}");
        }
        for ok in ["13000000000", "19999999999", "16612345678"] {
            assert_eq!(parse_mobile(ok).as_deref(), Ok(ok));
        }
    }

    #[test]
    fn rejects_everything_else() {
        let cases: &[(&str, FieldError)] = &[
            ("", FieldError::Required),
            ("  - ", FieldError::Required),
            ("12812345678", FieldError::PhoneFormat), // 1 then 2
            ("10812345678", FieldError::PhoneFormat),
            ("23812345678", FieldError::PhoneFormat),
            ("1381234567", FieldError::PhoneFormat),
            ("138123456789", FieldError::PhoneFormat),
            ("1381234567a", FieldError::PhoneFormat),
            ("１３８１２３４５６７８", FieldError::PhoneFormat), // full-width digits
            ("+85291234567", FieldError::PhoneFormat),           // Hong Kong
            ("+1 13812345678", FieldError::PhoneFormat),
            ("+86+8613812345678", FieldError::PhoneFormat),
            ("(138)12345678", FieldError::PhoneFormat),
            ("86138123456", FieldError::PhoneFormat), // 11 digits starting 86
        ];
        for &(input, err) in cases {
            assert_eq!(parse_mobile(input), Err(err), "{input:?}");
        }
    }
}
