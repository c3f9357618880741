//! The 18-character PRC resident identity number (公民身份号码, GB 11643-1999).
//!
//! Layout: 6-digit administrative region code, 8-digit birth date `YYYYMMDD`, 3-digit order
//! code (odd for men, even for women), and an ISO 7064 MOD 11-2 check character (0–9 or X).
//!
//! Only the province-level prefix of the region code is checked: the full county table
//! (GB/T 2260) has thousands of entries, would bloat the wasm, and changes every year (Bao'an
//! itself was split in 2016–2018), while IDs issued under old codes stay valid for life.

use super::date::Date;
use crate::error::FieldError;
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;

/// Sex as encoded in the resident ID's order code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Male,
    Female,
}

/// A valid, normalised resident ID (18 characters, uppercase `X`).
///
/// `Debug` masks the number so an ID that ends up in a log line or panic message is not
/// leaked; `Display`, [`ResidentId::as_str`] and `Serialize` give the full number.
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct ResidentId(String);

/// ISO 7064 MOD 11-2 weights for the first 17 digits (2^(17-i) mod 11).
const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
/// Check character for each value of (weighted sum mod 11).
const CHECK_CHARS: &[u8; 11] = b"10X98765432";

/// Birth dates before 1900-01-01 are rejected: nobody that old applies for anything, and a
/// year like `1890` is far more likely a typo for `1990`.
pub const EARLIEST_BIRTH_YEAR: i32 = 1900;

/// Province-level codes (first two digits) in use: mainland provinces, 71 Taiwan, and 81/82/83
/// used on residence permits for Hong Kong, Macau and Taiwan residents.
fn is_province_code(code: &[u8]) -> bool {
    let n = (code[0] - b'0') * 10 + (code[1] - b'0');
    matches!(n, 11..=15 | 21..=23 | 31..=37 | 41..=46 | 50..=54 | 61..=65 | 71 | 81..=83)
}

/// Check character for 17 ASCII digits (the caller has checked them).
fn check_char(first17: &[u8]) -> u8 {
    let sum: u32 = first17.iter().zip(WEIGHTS).map(|(&c, w)| u32::from(c - b'0') * w).sum();
    CHECK_CHARS[(sum % 11) as usize]
}

/// The GB 11643 check character (`'0'`–`'9'` or `'X'`) for the first 17 digits of an ID.
///
/// # Panics
/// If `first17` is not exactly 17 ASCII digits (this is for building fixtures, not for input).
pub fn check_digit(first17: &str) -> char {
    let b = first17.as_bytes();
    assert!(b.len() == 17 && b.iter().all(u8::is_ascii_digit), "check_digit needs 17 ASCII digits");
    char::from(check_char(b))
}

/// Builds a valid ID for tests and demo data: region code, birth date, and the `seq`-th person
/// of the given sex registered that day (`seq` is taken modulo 500 so the 3-digit order code
/// `seq * 2 + 1` (men) or `seq * 2` (women) fits).
///
/// The result only parses if the region's province prefix is valid and `birth` is in
/// 1900..=today.
///
/// # Panics
/// If `region` is not 6 ASCII digits.
pub fn make_resident_id(region: &str, birth: Date, seq: u16, male: bool) -> String {
    assert!(region.len() == 6 && region.bytes().all(|c| c.is_ascii_digit()), "region must be 6 ASCII digits");
    let order = (seq % 500) * 2 + u16::from(male);
    let first17 = format!("{region}{:04}{:02}{:02}{order:03}", birth.year(), birth.month(), birth.day());
    let check = check_digit(&first17);
    format!("{first17}{check}")
}

/// Validates a resident ID typed by a person. Whitespace anywhere is ignored (people type IDs
/// in groups, e.g. `440306 19900101 1234`) and a lowercase `x` is accepted.
///
/// Checks, in this order, so the message names the first thing to fix:
/// nothing entered → [`FieldError::Required`]; not 18 characters → `IdLength`; not 17 digits
/// and a digit or X → `IdCharacters`; unknown province → `IdRegion`; birth date not a real
/// date from 1900-01-01 on → `IdBirthDate`; born after `today` → `IdBirthInFuture`; wrong
/// check character → `IdChecksum`.
pub fn parse_resident_id(input: &str, today: Date) -> Result<ResidentId, FieldError> {
    let id: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    if id.is_empty() {
        return Err(FieldError::Required);
    }
    if id.chars().count() != 18 {
        return Err(FieldError::IdLength);
    }
    let id = id.to_ascii_uppercase();
    let b = id.as_bytes();
    // 18 chars but not 18 bytes means a non-ASCII character: fails here too.
    if b.len() != 18 || !b[..17].iter().all(u8::is_ascii_digit) || !(b[17].is_ascii_digit() || b[17] == b'X') {
        return Err(FieldError::IdCharacters);
    }
    if !is_province_code(&b[..2]) {
        return Err(FieldError::IdRegion);
    }
    let birth = birth_date_of(b).filter(|d| d.year() >= EARLIEST_BIRTH_YEAR).ok_or(FieldError::IdBirthDate)?;
    if birth > today {
        return Err(FieldError::IdBirthInFuture);
    }
    if check_char(&b[..17]) != b[17] {
        return Err(FieldError::IdChecksum);
    }
    Ok(ResidentId(id))
}

/// The date in digits 7–14, if it is a real date.
fn birth_date_of(b: &[u8]) -> Option<Date> {
    let num = |r: std::ops::Range<usize>| b[r].iter().fold(0u32, |acc, &c| acc * 10 + u32::from(c - b'0'));
    Date::new(num(6..10) as i32, u8::try_from(num(10..12)).ok()?, u8::try_from(num(12..14)).ok()?)
}

impl ResidentId {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }

    /// The birth date in digits 7–14.
    pub fn birth_date(&self) -> Date {
        // Validated in `parse_resident_id`.
        birth_date_of(self.0.as_bytes()).unwrap_or(Date::MIN)
    }

    /// Digit 17 (the last digit of the order code): odd for men, even for women.
    pub fn sex(&self) -> Sex {
        if (self.0.as_bytes()[16] - b'0') % 2 == 1 {
            Sex::Male
        } else {
            Sex::Female
        }
    }

    /// The 6-digit administrative region code where the ID was first issued (e.g. `440306`).
    pub fn region_code(&self) -> &str {
        &self.0[..6]
    }
}

impl fmt::Debug for ResidentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "ResidentId({})", crate::mask::mask_id_number(&self.0))
    }
}

impl fmt::Display for ResidentId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl AsRef<str> for ResidentId {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl Serialize for ResidentId {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::new(2025, 6, 1).unwrap()
    }

    fn d(y: i32, m: u8, day: u8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn published_examples_are_valid() {
        for (input, normalised, birth, sex, region) in [
            ("11010519491231002X", "11010519491231002X", d(1949, 12, 31), Sex::Female, "110105"),
            ("11010519491231002x", "11010519491231002X", d(1949, 12, 31), Sex::Female, "110105"),
            ("  11010519491231002x \n", "11010519491231002X", d(1949, 12, 31), Sex::Female, "110105"),
            ("110105 19491231 002X", "11010519491231002X", d(1949, 12, 31), Sex::Female, "110105"),
        ] {
            let id = parse_resident_id(input, today()).unwrap_or_else(|e| panic!("{input}: {e:?}"));
            assert_eq!(id.as_str(), normalised);
            assert_eq!(id.birth_date(), birth);
            assert_eq!(id.sex(), sex);
            assert_eq!(id.region_code(), region);
        }
    }

    /// GB 11643's second example was born on 1880-01-01: its check digit is right, but it
    /// predates [`EARLIEST_BIRTH_YEAR`], so a resident typing it is told the date is wrong.
    #[test]
    fn gb_example_born_1880_predates_the_floor() {
        assert_eq!(check_digit("44052418800101001"), '4');
        assert_eq!(parse_resident_id("440524188001010014", today()), Err(FieldError::IdBirthDate));
    }

    #[test]
    fn each_failure_mode_has_its_own_error() {
        let valid = make_resident_id("440306", d(1990, 3, 7), 12, true);
        let mut bad_check = valid.clone();
        let last = bad_check.pop().unwrap();
        bad_check.push(if last == '0' { '1' } else { '0' });
        let cases: Vec<(String, FieldError)> = vec![
            ("".into(), FieldError::Required),
            ("   ".into(), FieldError::Required),
            ("110105491231002".into(), FieldError::IdLength), // old 15-digit ID
            ("11010519491231002XX".into(), FieldError::IdLength),
            ("1101051949123100２X".into(), FieldError::IdCharacters), // full-width digit
            ("11010519491231002Y".into(), FieldError::IdCharacters),
            ("X10105194912310021".into(), FieldError::IdCharacters),
            ("1101051949123100-X".into(), FieldError::IdCharacters),
            (make_resident_id("990105", d(1990, 1, 1), 1, true), FieldError::IdRegion),
            (make_resident_id("000000", d(1990, 1, 1), 1, true), FieldError::IdRegion),
            (make_resident_id("160000", d(1990, 1, 1), 1, true), FieldError::IdRegion),
            ("110105199002300011".into(), FieldError::IdBirthDate), // 30 Feb
            ("110105199013010011".into(), FieldError::IdBirthDate), // month 13
            ("110105199001000011".into(), FieldError::IdBirthDate), // day 0
            (make_resident_id("110105", d(1899, 12, 31), 1, true), FieldError::IdBirthDate),
            (make_resident_id("110105", d(2025, 6, 2), 1, true), FieldError::IdBirthInFuture),
            (bad_check, FieldError::IdChecksum),
            ("110105194912310021".into(), FieldError::IdChecksum),
        ];
        for (input, err) in cases {
            assert_eq!(parse_resident_id(&input, today()), Err(err), "{input:?}");
        }
        assert!(parse_resident_id(&valid, today()).is_ok());
    }

    #[test]
    fn leap_day_births() {
        let leap = make_resident_id("440306", d(2000, 2, 29), 5, false);
        assert_eq!(parse_resident_id(&leap, today()).unwrap().birth_date(), d(2000, 2, 29));
        // Same digits with a non-leap year, check digit recomputed so only the date is wrong.
        let first17 = "44030619990229010";
        let id = format!("{first17}{}", check_digit(first17));
        assert_eq!(parse_resident_id(&id, today()), Err(FieldError::IdBirthDate));
        let first17 = "44030619000229010"; // 1900 is not a leap year
        let id = format!("{first17}{}", check_digit(first17));
        assert_eq!(parse_resident_id(&id, today()), Err(FieldError::IdBirthDate));
    }

    #[test]
    fn born_today_is_fine() {
        let id = make_resident_id("440306", today(), 0, false);
        assert!(parse_resident_id(&id, today()).is_ok());
    }

    #[test]
    fn make_resident_id_encodes_sex_and_sequence() {
        for seq in [0u16, 1, 249, 499, 500, 999, u16::MAX] {
            for male in [true, false] {
                let s = make_resident_id("810000", d(1985, 7, 1), seq, male);
                let id = parse_resident_id(&s, today()).unwrap();
                assert_eq!(id.sex(), if male { Sex::Male } else { Sex::Female }, "{s}");
                assert_eq!(id.region_code(), "810000");
            }
        }
    }

    #[test]
    fn check_digit_can_be_x_and_every_residue_maps() {
        assert_eq!(check_digit("11010519491231002"), 'X');
        assert_eq!(check_digit("44052418800101001"), '4');
        let mut seen = std::collections::HashSet::new();
        for n in 0..200u32 {
            seen.insert(check_digit(&format!("44030619900101{n:03}")));
        }
        assert_eq!(seen.len(), 11);
    }

    #[test]
    fn debug_masks_but_display_and_serde_do_not() {
        let id = parse_resident_id("11010519491231002X", today()).unwrap();
        assert_eq!(format!("{id:?}"), "ResidentId(110***********002X)");
        assert_eq!(id.to_string(), "11010519491231002X");
        assert_eq!(serde_json::to_string(&id).unwrap(), "\"11010519491231002X\"");
        assert_eq!(serde_json::to_string(&Sex::Female).unwrap(), "\"female\"");
    }
}
