//! Masking personal data for logs and for showing it to anyone but its owner (a family member
//! on a shared application, a clerk's list view, a charity's donor wall).
//!
//! Masks keep just enough to recognise one's own data (`138****5678`) and count characters,
//! not bytes, so Chinese text is never cut inside a character.

/// Keeps the first `head` and last `tail` characters and replaces the rest with `*`.
/// Callers make sure `head + tail < len`.
fn keep_ends(s: &str, len: usize, head: usize, tail: usize) -> String {
    s.chars().enumerate().map(|(i, c)| if i < head || i >= len - tail { c } else { '*' }).collect()
}

/// The fallback for values of unexpected length: first character and last two, at least one
/// star in between; three characters or fewer become all stars.
fn mask_short(s: &str, len: usize) -> String {
    if len <= 3 {
        "*".repeat(len)
    } else {
        keep_ends(s, len, 1, 2)
    }
}

/// `13812345678` → `138****5678`. Other lengths of at least 8 characters keep the first 3
/// and last 4; shorter values fall back to first 1 and last 2.
pub fn mask_phone(phone: &str) -> String {
    let len = phone.chars().count();
    if len >= 8 {
        keep_ends(phone, len, 3, 4)
    } else {
        mask_short(phone, len)
    }
}

/// An 18-character resident ID keeps its first 3 and last 4 characters (`110***********002X`),
/// which shows the province and lets the owner recognise it without revealing the birth date.
/// Other document numbers keep the first 1 and last 2 (at least one star); three characters or
/// fewer are all stars.
pub fn mask_id_number(number: &str) -> String {
    let len = number.chars().count();
    if len == 18 {
        keep_ends(number, len, 3, 4)
    } else {
        mask_short(number, len)
    }
}

/// First character, then one star per remaining character: `张三丰` → `张**`,
/// `Chan Tai Man` → `C***********`. A one-character name becomes `*` (showing it would show
/// all of it).
pub fn mask_name(name: &str) -> String {
    let name = name.trim();
    let mut chars = name.chars();
    match (chars.next(), name.chars().count()) {
        (None, _) => String::new(),
        (Some(_), 1) => "*".to_string(),
        (Some(first), len) => std::iter::once(first).chain(std::iter::repeat_n('*', len - 1)).collect(),
    }
}

/// Scrubs free text (a log line, an error message) of resident IDs and mobile numbers.
///
/// Looks at each maximal run of ASCII digits, so order numbers, timestamps and amounts that
/// merely contain such digits are left alone:
/// - 18 digits, or 17 digits followed by `X`/`x` → a resident ID, masked by [`mask_id_number`];
/// - 11 digits starting with `1` → a mobile number, masked by [`mask_phone`];
/// - the same with a `86` or `0086` country prefix (`+8613812345678`) → prefix kept, number masked.
///
/// Numbers written with spaces or hyphens inside are not recognised; the server logs
/// normalised values, which never contain them.
pub fn mask_sensitive_text(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0; // text[..copied] is already in `out`
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            i += 1;
        }
        // Byte indices are safe to slice at: ASCII bytes never occur inside a UTF-8 sequence.
        let run = &text[start..i];
        let phone_at = |prefix: &str| {
            (run.len() == prefix.len() + 11 && run.starts_with(prefix) && run.as_bytes()[prefix.len()] == b'1')
                .then(|| format!("{prefix}{}", mask_phone(&run[prefix.len()..])))
        };
        let (end, masked) = if run.len() == 17 && matches!(b.get(i), Some(b'X' | b'x')) {
            (i + 1, Some(mask_id_number(&text[start..=i])))
        } else if run.len() == 18 {
            (i, Some(mask_id_number(run)))
        } else {
            (i, phone_at("").or_else(|| phone_at("86")).or_else(|| phone_at("0086")))
        };
        if let Some(masked) = masked {
            out.push_str(&text[copied..start]);
            out.push_str(&masked);
            copied = end;
            i = end;
        }
    }
    out.push_str(&text[copied..]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones() {
        for (input, want) in [
            ("13812345678", "138****5678"),
            ("+8613812345678", "+86*******5678"),
            ("12345678", "123*5678"),
            ("1234567", "1****67"),
            ("123", "***"),
            ("", ""),
        ] {
            assert_eq!(mask_phone(input), want, "{input:?}");
        }
    }

    #[test]
    fn id_numbers() {
        for (input, want) in [
            ("11010519491231002X", "110***********002X"),
            ("440306199001011234", "440***********1234"),
            ("H12345678", "H******78"),
            ("E1234", "E**34"),
            ("ABCD", "A*CD"),
            ("ABC", "***"),
            ("A", "*"),
            ("", ""),
        ] {
            assert_eq!(mask_id_number(input), want, "{input:?}");
        }
    }

    #[test]
    fn names() {
        for (input, want) in [
            ("张三丰", "张**"),
            ("张三", "张*"),
            ("阿卜杜热合曼·艾力", "阿********"),
            ("Chan Tai Man", "C***********"),
            ("张", "*"),
            ("  ", ""),
            ("", ""),
        ] {
            assert_eq!(mask_name(input), want, "{input:?}");
        }
    }

    #[test]
    fn free_text_is_scrubbed_of_ids_and_phones() {
        let cases: &[(&str, &str)] = &[
            ("login ok phone=13812345678", "login ok phone=138****5678"),
            ("id 11010519491231002X applied", "id 110***********002X applied"),
            ("id=11010519491231002x", "id=110***********002x"),
            ("440306199001011234,13812345678", "440***********1234,138****5678"),
            ("{\"phone\":\"+8613812345678\"}", "{\"phone\":\"+86138****5678\"}"),
            ("call 008613812345678 now", "call 0086138****5678 now"),
            ("申请人13812345678身份证11010519491231002X。", "申请人138****5678身份证110***********002X。"),
            // Left alone: other lengths, not starting with 1, part of longer numbers.
            ("order 1381234567890 done", "order 1381234567890 done"),
            ("amount 23812345678", "amount 23812345678"),
            ("ts=1747670400123456789", "ts=1747670400123456789"),
            ("1101051949123100XX", "1101051949123100XX"),
            ("no digits here", "no digits here"),
            ("", ""),
        ];
        for &(input, want) in cases {
            assert_eq!(mask_sensitive_text(input), want, "{input:?}");
        }
    }
}
