//! Amounts in yuan and fen, gift messages and donor names.

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
fn recorded_amounts_typed_in_yuan_go_past_a_gifts_limit() {
    let table: &[(&str, Result<i64, FieldError>)] = &[
        ("50000.01", Ok(5_000_001)),
        ("1,234,567.89", Ok(123_456_789)),
        ("10000000000", Ok(MAX_RECORDED_FEN)),
        ("10000000000.01", Err(CharityAmountTooLarge)),
        ("99999999999999999999", Err(CharityAmountTooLarge)),
        ("0", Err(CharityAmountNotPositive)),
        ("1.234", Err(CharityAmountFormat)),
        ("", Err(Required)),
    ];
    for (input, want) in table {
        assert_eq!(parse_recorded_yuan(input), *want, "{input:?}");
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
