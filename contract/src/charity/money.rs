//! Money on the wire is integer fen (1 yuan = 100 fen): no floating point anywhere.
//! The rules for a gift's amount and its plain-text message live here, used by app and server.

use crate::error::FieldError;

/// The largest single online gift: ¥50,000.00.
pub const MAX_GIFT_FEN: i64 = 5_000_000;
/// A gift message is at most this many characters.
pub const MAX_MESSAGE_CHARS: usize = 100;
/// A donor's display name on a named gift is at most this many characters.
pub const MAX_DONOR_NAME_CHARS: usize = 20;

/// Parses an amount typed in yuan ("50", "50.5", "50.05", "¥1,000") into fen.
/// Positive, at most two decimals, at most [`MAX_GIFT_FEN`].
pub fn parse_yuan(input: &str) -> Result<i64, FieldError> {
    let s: String = input.trim().trim_start_matches(['¥', '￥']).chars().filter(|c| *c != ',' && *c != '，').collect();
    let s = s.trim();
    if s.is_empty() {
        return Err(FieldError::Required);
    }
    if s.starts_with('-') {
        return Err(FieldError::CharityAmountNotPositive);
    }
    let (whole, frac) = match s.split_once('.') {
        Some((w, f)) => (w, f),
        None => (s, ""),
    };
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || !digits(frac) || (whole.is_empty() && frac.is_empty()) || frac.len() > 2 || s.ends_with('.') {
        return Err(FieldError::CharityAmountFormat);
    }
    // Anything with more than 9 whole digits is over the limit anyway (and would overflow).
    if whole.trim_start_matches('0').len() > 9 {
        return Err(FieldError::CharityAmountTooLarge);
    }
    let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| FieldError::CharityAmountFormat)? };
    let frac: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().unwrap_or(0) * 10,
        _ => frac.parse::<i64>().unwrap_or(0),
    };
    validate_fen(whole * 100 + frac)
}

/// The rule for an amount already in fen (what the server receives).
pub fn validate_fen(fen: i64) -> Result<i64, FieldError> {
    if fen <= 0 {
        Err(FieldError::CharityAmountNotPositive)
    } else if fen > MAX_GIFT_FEN {
        Err(FieldError::CharityAmountTooLarge)
    } else {
        Ok(fen)
    }
}

/// Formats fen as yuan with two decimals and thousands separators: 123456 → "1,234.56".
pub fn format_yuan(fen: i64) -> String {
    let sign = if fen < 0 { "-" } else { "" };
    let fen = fen.unsigned_abs();
    let whole = (fen / 100).to_string();
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{sign}{grouped}.{:02}", fen % 100)
}

/// Plain text only: no control characters and no markup brackets.
pub(crate) fn plain_text(s: &str) -> bool {
    !s.chars().any(|c| c.is_control() || matches!(c, '<' | '>'))
}

/// A gift's optional message: trimmed, plain text, at most [`MAX_MESSAGE_CHARS`] characters.
pub fn validate_message(input: &str) -> Result<String, FieldError> {
    let s = input.trim();
    if s.chars().count() > MAX_MESSAGE_CHARS {
        return Err(FieldError::CharityMessageTooLong);
    }
    if !plain_text(s) {
        return Err(FieldError::CharityMessageCharacters);
    }
    Ok(s.to_string())
}

/// The display name of a named gift: required, plain text, at most [`MAX_DONOR_NAME_CHARS`].
pub fn validate_donor_name(input: &str) -> Result<String, FieldError> {
    let s = input.trim();
    if s.is_empty() {
        return Err(FieldError::Required);
    }
    if s.chars().count() > MAX_DONOR_NAME_CHARS || !plain_text(s) {
        return Err(FieldError::CharityDonorName);
    }
    Ok(s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use FieldError::*;

    #[test]
    fn amounts_typed_in_yuan() {
        let table: &[(&str, Result<i64, FieldError>)] = &[
            ("50", Ok(5000)),
            (" 50.5 ", Ok(5050)),
            ("50.05", Ok(5005)),
            ("0.01", Ok(1)),
            (".5", Ok(50)),
            ("¥1,000", Ok(100_000)),
            ("50000", Ok(MAX_GIFT_FEN)),
            ("50000.00", Ok(MAX_GIFT_FEN)),
            ("50000.01", Err(CharityAmountTooLarge)),
            ("99999999999999999999", Err(CharityAmountTooLarge)),
            ("0", Err(CharityAmountNotPositive)),
            ("0.00", Err(CharityAmountNotPositive)),
            ("-5", Err(CharityAmountNotPositive)),
            ("1.234", Err(CharityAmountFormat)),
            ("1.", Err(CharityAmountFormat)),
            ("1e3", Err(CharityAmountFormat)),
            ("五十", Err(CharityAmountFormat)),
            (".", Err(CharityAmountFormat)),
            ("", Err(Required)),
            ("  ", Err(Required)),
        ];
        for (input, want) in table {
            assert_eq!(parse_yuan(input), *want, "{input:?}");
        }
    }

    #[test]
    fn amounts_in_fen_at_the_limits() {
        assert_eq!(validate_fen(1), Ok(1));
        assert_eq!(validate_fen(0), Err(CharityAmountNotPositive));
        assert_eq!(validate_fen(-1), Err(CharityAmountNotPositive));
        assert_eq!(validate_fen(MAX_GIFT_FEN), Ok(MAX_GIFT_FEN));
        assert_eq!(validate_fen(MAX_GIFT_FEN + 1), Err(CharityAmountTooLarge));
    }

    #[test]
    fn formats_yuan() {
        assert_eq!(format_yuan(0), "0.00");
        assert_eq!(format_yuan(5), "0.05");
        assert_eq!(format_yuan(123_456), "1,234.56");
        assert_eq!(format_yuan(100_000_000), "1,000,000.00");
        assert_eq!(format_yuan(-1050), "-10.50");
    }

    #[test]
    fn messages_are_short_plain_text() {
        assert_eq!(validate_message("  加油！ "), Ok("加油！".into()));
        assert_eq!(validate_message(""), Ok(String::new()));
        let max: String = "好".repeat(MAX_MESSAGE_CHARS);
        assert_eq!(validate_message(&max), Ok(max.clone()));
        assert_eq!(validate_message(&format!("{max}好")), Err(CharityMessageTooLong));
        assert_eq!(validate_message("<b>hi</b>"), Err(CharityMessageCharacters));
        assert_eq!(validate_message("a\u{0007}b"), Err(CharityMessageCharacters));
        assert_eq!(validate_message("line\nbreak"), Err(CharityMessageCharacters));
    }

    #[test]
    fn donor_names() {
        assert_eq!(validate_donor_name(" 李女士 "), Ok("李女士".into()));
        assert_eq!(validate_donor_name(""), Err(Required));
        assert_eq!(validate_donor_name(&"李".repeat(21)), Err(CharityDonorName));
        assert_eq!(validate_donor_name("<script>"), Err(CharityDonorName));
    }
}
