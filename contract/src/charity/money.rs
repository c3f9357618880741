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
    parse_yuan_by(input, validate_fen)
}

/// Parses an amount a charity editor types in yuan for a ledger line: as [`parse_yuan`], at
/// most [`MAX_RECORDED_FEN`].
pub fn parse_recorded_yuan(input: &str) -> Result<i64, FieldError> {
    parse_yuan_by(input, validate_recorded_fen)
}

/// Parses yuan into fen, then applies `rule` (a gift's limits or a recorded amount's).
fn parse_yuan_by(input: &str, rule: fn(i64) -> Result<i64, FieldError>) -> Result<i64, FieldError> {
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
    // Anything with more than 12 whole digits is over every limit anyway (and could overflow).
    if whole.trim_start_matches('0').len() > 12 {
        return Err(FieldError::CharityAmountTooLarge);
    }
    let whole: i64 = if whole.is_empty() { 0 } else { whole.parse().map_err(|_| FieldError::CharityAmountFormat)? };
    let frac: i64 = match frac.len() {
        0 => 0,
        1 => frac.parse::<i64>().unwrap_or(0) * 10,
        _ => frac.parse::<i64>().unwrap_or(0),
    };
    rule(whole * 100 + frac)
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

/// Largest amount of one ledger line, fund principal or project target a district records:
/// ten billion yuan, in fen.
pub const MAX_RECORDED_FEN: i64 = 1_000_000_000_000;

/// The rule for an amount a district records (a ledger line, a target, a fund's principal), in
/// fen: positive and at most [`MAX_RECORDED_FEN`].
pub fn validate_recorded_fen(fen: i64) -> Result<i64, FieldError> {
    if fen <= 0 {
        Err(FieldError::CharityAmountNotPositive)
    } else if fen > MAX_RECORDED_FEN {
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
mod tests;
