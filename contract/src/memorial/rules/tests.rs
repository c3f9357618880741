//! Every 祭扫 rule: group size, plates, booking windows, slots that are over, certificates, texts,
//! graves, visitors, photos.

use super::*;

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

#[test]
fn group_size_is_one_to_the_cemeterys_maximum() {
    for (n, max, ok) in [(1, 6, true), (6, 6, true), (0, 6, false), (7, 6, false), (4, 4, true), (5, 4, false)] {
        assert_eq!(check_group_size(n, max).is_ok(), ok, "{n} of {max}");
    }
    assert_eq!(check_group_size(7, DEFAULT_MAX_GROUP), Err(FieldError::MemorialGroupSize));
}

#[test]
fn mainland_plates_ordinary_and_new_energy() {
    let valid = [
        ("粤B12345", "粤B12345"),
        ("粤b·a8k21", "粤BA8K21"),
        (" 京A 12345 ", "京A12345"),
        ("粤BD12345", "粤BD12345"), // small electric
        ("粤BF12345", "粤BF12345"), // small hybrid
        ("粤BDA1234", "粤BDA1234"), // small electric, letter second
        ("粤B12345D", "粤B12345D"), // large electric
        ("沪A12345F", "沪A12345F"), // large hybrid
    ];
    for (input, want) in valid {
        assert_eq!(parse_plate(input).as_deref(), Ok(want), "{input}");
    }
    let invalid = [
        "",
        "B12345",     // no province
        "港B12345",   // not a mainland province
        "粤112345",   // city must be a letter
        "粤BI2345",   // I is never used
        "粤BO2345",   // O is never used
        "粤B1234",    // too short
        "粤B1234567", // too long
        "粤BX12345",  // new-energy must start D/A/B/C/E/F/G/H/J/K
        "粤BD1234A",  // small new-energy ends in 4 digits
        "粤B12345X",  // large new-energy ends D or F
        "粤B1234<",
    ];
    for input in invalid {
        assert_eq!(parse_plate(input), Err(FieldError::MemorialPlate), "{input:?}");
    }
}

fn qingming() -> WindowRule {
    WindowRule {
        starts_on: d(2027, 3, 27),
        ends_on: d(2027, 4, 11),
        days_ahead: DEFAULT_DAYS_AHEAD,
        service_opens_minute: 8 * 60,
        service_closes_minute: 20 * 60,
    }
}

#[test]
fn booking_window_rules() {
    let w = qingming();
    let noon = 12 * 60;
    let cases = [
        // (day, today, minute, expected)
        (d(2027, 4, 4), d(2027, 3, 30), noon, Ok(())),
        (d(2027, 3, 27), d(2027, 3, 27), noon, Ok(())),
        (d(2027, 4, 6), d(2027, 3, 30), noon, Ok(())), // exactly 7 days ahead
        (d(2027, 4, 7), d(2027, 3, 30), noon, Err(FieldError::MemorialTooFarAhead)),
        (d(2027, 3, 26), d(2027, 3, 20), noon, Err(FieldError::MemorialBeforeWindow)),
        (d(2027, 4, 12), d(2027, 4, 8), noon, Err(FieldError::MemorialAfterWindow)),
        (d(2027, 3, 29), d(2027, 3, 30), noon, Err(FieldError::MemorialDayPassed)),
        (d(2027, 4, 4), d(2027, 3, 30), 7 * 60 + 59, Err(FieldError::MemorialServiceClosed)),
        (d(2027, 4, 4), d(2027, 3, 30), 8 * 60, Ok(())),
        (d(2027, 4, 4), d(2027, 3, 30), 20 * 60, Err(FieldError::MemorialServiceClosed)),
    ];
    for (day, today, minute, want) in cases {
        assert_eq!(check_booking_day(&w, day, today, minute), want, "{day} on {today} at {minute}");
    }
}

#[test]
fn a_slot_of_today_is_bookable_until_its_end() {
    let today = d(2027, 4, 4);
    let (eight_to_nine, over) = (9 * 60, Err(FieldError::MemorialSlotOver));
    let cases = [
        // (day, now minute, expected) for the 08:00–09:00 slot
        (today, 7 * 60, Ok(())),          // before it starts
        (today, 8 * 60, Ok(())),          // as it starts
        (today, 9 * 60 - 1, Ok(())),      // a minute before its end: under way
        (today, 9 * 60, over),            // at its end
        (today, 15 * 60, over),           // hours later
        (d(2027, 4, 5), 15 * 60, Ok(())), // the same hours tomorrow
        (d(2027, 4, 3), 7 * 60, over),    // yesterday's
    ];
    for (day, now, want) in cases {
        assert_eq!(check_slot_not_over(day, today, eight_to_nine, now), want, "{day} at {now}");
    }
    // The last slot of the day (23:00–24:00) is under way until midnight.
    assert_eq!(check_slot_not_over(today, today, 24 * 60, 24 * 60 - 1), Ok(()));
}

#[test]
fn bookable_days_are_the_window_clipped_to_days_ahead() {
    let w = qingming();
    assert!(bookable_days(&w, d(2027, 3, 1)).is_empty(), "nothing before 7 days ahead of the window");
    assert_eq!(bookable_days(&w, d(2027, 3, 20)), vec![d(2027, 3, 27)]);
    assert_eq!(bookable_days(&w, d(2027, 3, 30)).len(), 8);
    assert_eq!(bookable_days(&w, d(2027, 4, 10)), vec![d(2027, 4, 10), d(2027, 4, 11)]);
    assert!(bookable_days(&w, d(2027, 4, 12)).is_empty());
}

#[test]
fn burial_certificate_numbers() {
    assert_eq!(parse_certificate_number(" ba-2019-000123 ").as_deref(), Ok("BA-2019-000123"));
    for bad in
        ["", "BA2019000123", "BA-19-000123", "BA-2019-12345", "B1-2019-000123", "BA-1800-000123", "BA-2019-00012A"]
    {
        assert_eq!(parse_certificate_number(bad), Err(FieldError::MemorialCertificateFormat), "{bad:?}");
    }
}

#[test]
fn messages_are_plain_text_and_length_limited() {
    // Markup is kept as text (it is never rendered as HTML).
    assert_eq!(parse_message("<script>alert(1)</script>").as_deref(), Ok("<script>alert(1)</script>"));
    assert_eq!(parse_message("  永远怀念\r\n您  ").as_deref(), Ok("永远怀念\n您"));
    assert_eq!(parse_message("   "), Err(FieldError::Required));
    assert_eq!(parse_message("a\u{0007}b"), Err(FieldError::MemorialTextCharacters));
    assert!(parse_message(&"念".repeat(MAX_MESSAGE_CHARS)).is_ok());
    assert_eq!(parse_message(&"念".repeat(MAX_MESSAGE_CHARS + 1)), Err(FieldError::MemorialTextTooLong));
}

#[test]
fn grave_parts_and_life_dates() {
    assert_eq!(parse_grave_part(" a3 ").as_deref(), Ok("A3"));
    assert_eq!(parse_grave_part("福区").as_deref(), Ok("福区"));
    assert_eq!(parse_grave_part(""), Err(FieldError::Required));
    assert_eq!(parse_grave_part("A-3"), Err(FieldError::MemorialGrave));
    assert_eq!(parse_grave_part("12345678901"), Err(FieldError::MemorialGrave));
    let today = d(2026, 11, 29);
    assert!(check_life_dates(d(1930, 1, 1), d(2020, 5, 1), today).is_ok());
    assert_eq!(check_life_dates(d(1930, 1, 1), d(1920, 5, 1), today), Err(FieldError::MemorialDates));
    assert_eq!(check_life_dates(d(1930, 1, 1), d(2027, 5, 1), today), Err(FieldError::MemorialDates));
}

#[test]
fn booking_for_someone_else_needs_their_name_and_mobile() {
    assert_eq!(check_visitor("", " "), Ok((String::new(), String::new())));
    assert_eq!(check_visitor("陈老伯", "138 0013 8000"), Ok(("陈老伯".into(), "13800138000".into())));
    assert_eq!(check_visitor("陈老伯", ""), Err(vec![("visitor_phone", FieldError::MemorialVisitorIncomplete)]));
    assert_eq!(check_visitor("", "13800138000"), Err(vec![("visitor_name", FieldError::MemorialVisitorIncomplete)]));
    let bad = check_visitor("陈老伯", "12345").unwrap_err();
    assert_eq!(bad.len(), 1);
    assert_eq!(bad[0].0, "visitor_phone");
}

#[test]
fn a_memorial_photo_is_a_jpeg_or_png() {
    use crate::api::FileKind;
    assert!(check_memorial_photo(Some(FileKind::Jpeg)).is_ok());
    assert!(check_memorial_photo(Some(FileKind::Png)).is_ok());
    assert_eq!(check_memorial_photo(Some(FileKind::Pdf)), Err(FieldError::UploadType));
    assert_eq!(check_memorial_photo(None), Err(FieldError::UploadType));
}
