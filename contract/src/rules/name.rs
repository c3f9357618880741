//! Personal names as written on identity documents.
//!
//! Residents include Han Chinese, minorities whose names are transliterated with a middle dot
//! (阿卜杜热合曼·艾力), Hong Kong and Macau residents with romanised names (Chan Tai Man), and
//! foreigners. Names are checked by character class rather than a pattern so rare characters
//! (生僻字, often outside the Basic Multilingual Plane) are accepted, while digits, symbols,
//! emoji and markup are not.

use crate::error::FieldError;

/// Longest name with any Han character: Han names are short, and 20 leaves room for long
/// transliterated minority names.
pub const MAX_HAN_NAME_CHARS: usize = 20;
/// Longest name in Latin script (passport names can be long).
pub const MAX_LATIN_NAME_CHARS: usize = 60;

/// The canonical middle dot (U+00B7) every look-alike is turned into.
const MIDDLE_DOT: char = '\u{00B7}';

fn is_han(c: char) -> bool {
    matches!(c,
        '\u{3007}'                  // 〇
        | '\u{3400}'..='\u{4DBF}'   // Extension A
        | '\u{4E00}'..='\u{9FFF}'   // Unified Ideographs
        | '\u{F900}'..='\u{FAFF}'   // Compatibility Ideographs
        | '\u{20000}'..='\u{2EBEF}' // Extensions B–F, I
        | '\u{2F800}'..='\u{2FA1F}' // Compatibility Supplement
        | '\u{30000}'..='\u{323AF}' // Extensions G, H
    )
}

fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}') && c.is_alphabetic())
    // not × ÷
}

/// Combining accents, for names typed in decomposed form (e + ◌́ = é).
fn is_combining_accent(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

fn is_middle_dot(c: char) -> bool {
    matches!(c, '\u{00B7}' | '\u{2022}' | '\u{30FB}' | '\u{2027}')
}

/// Validates a person's name and returns it normalised: trimmed, runs of whitespace (including
/// the full-width space) collapsed to one space, and every middle-dot look-alike (• ・ ‧)
/// turned into `·` (U+00B7), the form used on resident IDs.
///
/// Allowed: Han characters, Latin letters (accented too), space, `-`, `'`, `’`, `.` and the
/// middle dot. A name must contain at least one letter or Han character. Anything else →
/// [`FieldError::NameCharacters`]. Longer than [`MAX_HAN_NAME_CHARS`] (if it has any Han
/// character) or [`MAX_LATIN_NAME_CHARS`] → `NameTooLong`. Nothing → `Required`.
pub fn parse_person_name(input: &str) -> Result<String, FieldError> {
    let name: String = input
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .map(|c| if is_middle_dot(c) { MIDDLE_DOT } else { c })
        .collect();
    if name.is_empty() {
        return Err(FieldError::Required);
    }
    let mut has_han = false;
    let mut has_letter = false;
    let mut prev: Option<char> = None;
    for c in name.chars() {
        if is_han(c) {
            has_han = true;
        } else if is_latin_letter(c) {
            has_letter = true;
        } else if is_combining_accent(c) {
            // Only directly after a letter (or another accent), never on its own.
            if !prev.is_some_and(|p| is_latin_letter(p) || is_combining_accent(p)) {
                return Err(FieldError::NameCharacters);
            }
        } else if !matches!(c, ' ' | '-' | '\'' | '\u{2019}' | '.' | MIDDLE_DOT) {
            return Err(FieldError::NameCharacters);
        }
        prev = Some(c);
    }
    if !has_han && !has_letter {
        return Err(FieldError::NameCharacters);
    }
    let max = if has_han { MAX_HAN_NAME_CHARS } else { MAX_LATIN_NAME_CHARS };
    if name.chars().count() > max {
        return Err(FieldError::NameTooLong);
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_and_normalises_real_names() {
        let cases: &[(&str, &str)] = &[
            ("张三", "张三"),
            ("  欧阳娜娜 ", "欧阳娜娜"),
            ("阿卜杜热合曼·艾力", "阿卜杜热合曼·艾力"),
            ("阿卜杜热合曼•艾力", "阿卜杜热合曼·艾力"),
            ("阿卜杜热合曼・艾力", "阿卜杜热合曼·艾力"),
            ("阿卜杜热合曼‧艾力", "阿卜杜热合曼·艾力"),
            ("Chan Tai Man", "Chan Tai Man"),
            ("Chan   Tai\u{3000}Man", "Chan Tai Man"),
            ("O'Brien-Smith", "O'Brien-Smith"),
            ("O\u{2019}Brien", "O\u{2019}Brien"),
            ("José", "José"),
            ("Jose\u{301}", "Jose\u{301}"),
            ("Nguyễn Văn A", "Nguyễn Văn A"),
            ("Martin Luther King Jr.", "Martin Luther King Jr."),
            ("𠈌儿", "𠈌儿"), // Extension B
            ("李〇", "李〇"),
            ("陈 David", "陈 David"),
            ("王五五五五五五五五五五五五五五五五五五五", "王五五五五五五五五五五五五五五五五五五五"), // 20
        ];
        for &(input, want) in cases {
            assert_eq!(parse_person_name(input).as_deref(), Ok(want), "{input:?}");
        }
    }

    #[test]
    fn rejects_what_cannot_be_a_name() {
        let long_latin = "A".repeat(61);
        let cases: Vec<(&str, FieldError)> = vec![
            ("", FieldError::Required),
            (" \u{3000} ", FieldError::Required),
            ("王五五五五五五五五五五五五五五五五五五五五", FieldError::NameTooLong), // 21
            (&long_latin, FieldError::NameTooLong),
            ("张三3", FieldError::NameCharacters),
            ("Agent 007", FieldError::NameCharacters),
            ("张三😀", FieldError::NameCharacters),
            ("<script>", FieldError::NameCharacters),
            ("Robert'); DROP TABLE", FieldError::NameCharacters),
            ("张三@", FieldError::NameCharacters),
            ("A×B", FieldError::NameCharacters),
            ("Иван", FieldError::NameCharacters),
            ("·", FieldError::NameCharacters),
            ("- .", FieldError::NameCharacters),
            ("\u{301}a", FieldError::NameCharacters),
            ("张\u{200B}三", FieldError::NameCharacters), // zero-width space
            ("ｚｈａｎｇ", FieldError::NameCharacters),   // full-width Latin
        ];
        for (input, err) in cases {
            assert_eq!(parse_person_name(input), Err(err), "{input:?}");
        }
        assert_eq!(parse_person_name(&"A".repeat(60)).map(|n| n.len()), Ok(60));
    }
}
