//! The one-time code sent by SMS for sign-in.

use crate::error::FieldError;

/// Length of every SMS code the server sends.
pub const SMS_CODE_LEN: usize = 6;

/// Validates the shape of an SMS code (trimmed, exactly 6 ASCII digits) so a mistyped code is
/// caught before a round trip that would count as a wrong try. Nothing → [`FieldError::Required`];
/// otherwise → `SmsCodeFormat`. Whether it is the right code is the server's business.
pub fn parse_sms_code(input: &str) -> Result<String, FieldError> {
    let code = input.trim();
    if code.is_empty() {
        return Err(FieldError::Required);
    }
    if code.len() == SMS_CODE_LEN && code.bytes().all(|c| c.is_ascii_digit()) {
        Ok(code.to_string())
    } else {
        Err(FieldError::SmsCodeFormat)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn six_digits_only() {
        let cases: &[(&str, Result<&str, FieldError>)] = &[
            ("123456", Ok("123456")),
            (" 000000\n", Ok("000000")),
            ("", Err(FieldError::Required)),
            ("   ", Err(FieldError::Required)),
            ("12345", Err(FieldError::SmsCodeFormat)),
            ("1234567", Err(FieldError::SmsCodeFormat)),
            ("12345a", Err(FieldError::SmsCodeFormat)),
            ("123 456", Err(FieldError::SmsCodeFormat)),
            ("１２３４５６", Err(FieldError::SmsCodeFormat)),
            ("-12345", Err(FieldError::SmsCodeFormat)),
        ];
        for &(input, want) in cases {
            assert_eq!(parse_sms_code(input).as_deref().map_err(|e| *e), want, "{input:?}");
        }
    }
}
