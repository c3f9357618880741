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

/// A bank card or account number keeps its first 4 and last 4 digits (`6217***********0123`);
/// shorter values fall back like [`mask_id_number`].
pub fn mask_bank_account(number: &str) -> String {
    let len = number.chars().count();
    if len >= 12 {
        keep_ends(number, len, 4, 4)
    } else {
        mask_short(number, len)
    }
}

/// Field names whose value is a document or account number whatever its shape (a Taiwan
/// permit's 8 digits look like a date anywhere else): `id_number=…`, `"passport":"…"`.
const SENSITIVE_KEYS: [&str; 6] =
    ["id_number", "document_number", "account_number", "bank_account", "passport", "permit_number"];

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Masks the value after each sensitive field name (`key=v`, `key: v`, `"key":"v"`).
fn mask_labelled_values(text: &str) -> String {
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut copied = 0;
    let mut i = 0;
    while i < b.len() {
        let Some(key) = SENSITIVE_KEYS.iter().find(|k| b[i..].starts_with(k.as_bytes())) else {
            i += 1;
            continue;
        };
        let mut j = i + key.len();
        if (i > 0 && is_word(b[i - 1])) || b.get(j).is_some_and(|&c| is_word(c)) {
            i = j;
            continue;
        }
        let skip = |j: &mut usize, set: &[u8]| {
            while b.get(*j).is_some_and(|c| set.contains(c)) {
                *j += 1;
            }
        };
        skip(&mut j, b"\"' ");
        if !matches!(b.get(j), Some(b':' | b'=')) {
            i = j;
            continue;
        }
        j += 1;
        skip(&mut j, b"\"' ");
        let start = j;
        while b.get(j).is_some_and(|c| c.is_ascii_alphanumeric()) {
            j += 1;
        }
        if j > start {
            out.push_str(&text[copied..start]);
            out.push_str(&mask_id_number(&text[start..j]));
            copied = j;
        }
        i = j.max(i + 1);
    }
    out.push_str(&text[copied..]);
    out
}

/// Scrubs free text (a log line, an error message) of personal numbers.
///
/// First, the value after a field name that always holds a document or account number
/// (`id_number`, `document_number`, `account_number`, `bank_account`, `passport`,
/// `permit_number`) is masked whatever it looks like. Then each maximal run of ASCII digits is
/// looked at, so order numbers, timestamps and amounts that merely contain such digits are
/// left alone:
/// - 18 digits, or 17 digits followed by `X`/`x` → a resident ID, masked by [`mask_id_number`];
/// - 11 digits starting with `1` → a mobile number, masked by [`mask_phone`];
/// - the same with a `86` or `0086` country prefix (`+8613812345678`) → prefix kept, number masked;
/// - 16, 17 or 19–25 digits → a bank card or account number, masked by [`mask_bank_account`];
/// - one or two letters then 7–10 digits, as a word of its own (`E12345678`, `EJ1234567`,
///   `H1234567890`, `C12345678`) → a passport or Hong Kong/Macau permit, masked by
///   [`mask_id_number`].
///
/// Numbers written with spaces or hyphens inside are not recognised; the server logs
/// normalised values, which never contain them. A Taiwan permit (8 or 10 digits) is only
/// recognised by its field name: unlabelled, it cannot be told from a date or a timestamp.
pub fn mask_sensitive_text(text: &str) -> String {
    let labelled = mask_labelled_values(text);
    let text = labelled.as_str();
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
        // One or two letters right before the digits, starting a word, and the word ends here.
        let letters = (1..=2usize)
            .rev()
            .find(|&n| start >= n && b[start - n..start].iter().all(u8::is_ascii_alphabetic))
            .filter(|&n| start == n || !b[start - n - 1].is_ascii_alphanumeric())
            .filter(|_| (7..=10).contains(&run.len()) && !b.get(i).is_some_and(u8::is_ascii_alphanumeric));
        let (from, end, masked) = if let Some(n) = letters {
            (start - n, i, Some(mask_id_number(&text[start - n..i])))
        } else if run.len() == 17 && matches!(b.get(i), Some(b'X' | b'x')) {
            (start, i + 1, Some(mask_id_number(&text[start..=i])))
        } else if run.len() == 18 {
            (start, i, Some(mask_id_number(run)))
        } else if matches!(run.len(), 16 | 17 | 19..=25) && !b.get(i).is_some_and(u8::is_ascii_alphanumeric) {
            (start, i, Some(mask_bank_account(run)))
        } else {
            (start, i, phone_at("").or_else(|| phone_at("86")).or_else(|| phone_at("0086")))
        };
        if let Some(masked) = masked {
            out.push_str(&text[copied..from]);
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
    fn free_text_is_scrubbed_of_bank_passport_and_permit_numbers() {
        let cases: &[(&str, &str)] = &[
            // Bank cards and accounts: 16, 17, 19 digits and longer (18 is masked as an ID).
            ("card 6217850000001234 ok", "card 6217********1234 ok"),
            ("acct=6217850000000000123", "acct=6217***********0123"),
            ("x 62178500000000001234567 y", "x 6217***************4567 y"),
            // Passports and Hong Kong/Macau permits: letters then digits, a word of their own.
            ("passport E12345678 ok", "passport E******78 ok"),
            ("p=EJ1234567&x", "p=E******67&x"),
            ("permit H1234567890.", "permit H********90."),
            ("回乡证M12345678。", "回乡证M******78。"),
            // Labelled values, whatever their shape: Taiwan permits, accounts with short numbers.
            ("{\"id_number\":\"12345678\"}", "{\"id_number\":\"1*****78\"}"),
            ("id_number=1234567890 next", "id_number=1*******90 next"),
            ("account_number: 123456789012", "account_number: 1*********12"),
            ("passport=X1234", "passport=X**34"),
            // Left alone: inside longer words, too few digits, lowercase hash-like words.
            ("sha=ab12345678cd", "sha=ab12345678cd"),
            ("E123456 short", "E123456 short"),
            ("ABC12345678", "ABC12345678"),
            ("my_id_number_count=3", "my_id_number_count=3"),
        ];
        for &(input, want) in cases {
            assert_eq!(mask_sensitive_text(input), want, "{input:?}");
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
            ("ts=1747670400123", "ts=1747670400123"),
            ("ref BA-M-20260520-0001 SA23456789X", "ref BA-M-20260520-0001 SA23456789X"),
            ("1101051949123100XX", "1101051949123100XX"),
            ("no digits here", "no digits here"),
            ("", ""),
        ];
        for &(input, want) in cases {
            assert_eq!(mask_sensitive_text(input), want, "{input:?}");
        }
    }
}
