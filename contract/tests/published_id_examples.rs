//! Resident IDs through the public API: the examples published in GB 11643-1999 and variants
//! of them with one thing wrong, plus generated IDs showing the check digit catches every
//! single-digit typo.

use baoan_contract::rules::date::Date;
use baoan_contract::rules::resident_id::{check_digit, make_resident_id, parse_resident_id, Sex};
use baoan_contract::FieldError;

fn today() -> Date {
    Date::new(2025, 6, 1).unwrap()
}

#[test]
fn published_examples_and_their_broken_variants() {
    use FieldError::*;
    // (input, expected normalised ID or error)
    let cases: &[(&str, Result<&str, FieldError>)] = &[
        // GB 11643-1999 example: a woman born 1949-12-31 in Chaoyang District, Beijing.
        ("11010519491231002X", Ok("11010519491231002X")),
        ("11010519491231002x", Ok("11010519491231002X")),
        (" 11010519491231002X\t", Ok("11010519491231002X")),
        // GB 11643-1999 example born 1880-01-01 in Guangdong: its check digit is right, but
        // the rules refuse birth dates before 1900.
        ("440524188001010014", Err(IdBirthDate)),
        // The same person's 15-digit ID from the 1989 standard: no longer accepted.
        ("110105491231002", Err(IdLength)),
        ("11010519491231002", Err(IdLength)),
        ("11010519491231002X0", Err(IdLength)),
        ("", Err(Required)),
        ("11010519491231002Z", Err(IdCharacters)),
        ("1101051949123100X2", Err(IdCharacters)),
        ("110105194912310０2X", Err(IdCharacters)),
        ("91010519491231002X", Err(IdRegion)),
        ("11010519491331002X", Err(IdBirthDate)),
        ("11010519490231002X", Err(IdBirthDate)),
        ("11010530491231002X", Err(IdBirthInFuture)),
        ("110105194912310020", Err(IdChecksum)),
        ("11010519491231003X", Err(IdChecksum)),
        ("440524188001010015", Err(IdBirthDate)), // date is checked before the check digit
    ];
    for &(input, want) in cases {
        let got = parse_resident_id(input, today());
        assert_eq!(got.as_ref().map(|id| id.as_str()).map_err(|e| *e), want, "{input:?}");
    }
    assert_eq!(check_digit("44052418800101001"), '4');
    let id = parse_resident_id("11010519491231002X", today()).unwrap();
    assert_eq!(id.sex(), Sex::Female);
    assert_eq!(id.birth_date(), Date::new(1949, 12, 31).unwrap());
    assert_eq!(id.region_code(), "110105");
}

/// A tiny deterministic generator (no `rand` dependency): xorshift64*.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

#[test]
fn generated_ids_parse_and_every_single_digit_typo_is_caught() {
    const REGIONS: &[&str] = &[
        "440306", "440305", "440303", "110105", "310101", "510104", "650102", "540102", "230103", "810000", "820000",
        "830000", "710000", "360122",
    ];
    let first = Date::new(1900, 1, 1).unwrap().days_since_epoch();
    let span = (today().days_since_epoch() - first + 1) as u64;
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for n in 0..1_000 {
        let region = REGIONS[rng.below(REGIONS.len() as u64) as usize];
        // Force the edges in: first allowed day, today, and a leap day.
        let birth = match n {
            0 => Date::new(1900, 1, 1).unwrap(),
            1 => today(),
            2 => Date::new(2000, 2, 29).unwrap(),
            _ => Date::from_days_since_epoch(first + rng.below(span) as i64),
        };
        let seq = rng.below(1_000) as u16;
        let male = rng.below(2) == 1;
        let s = make_resident_id(region, birth, seq, male);

        let id = parse_resident_id(&s, today()).unwrap_or_else(|e| panic!("{s}: {e:?}"));
        assert_eq!(id.as_str(), s);
        assert_eq!(id.birth_date(), birth, "{s}");
        assert_eq!(id.region_code(), region);
        assert_eq!(id.sex(), if male { Sex::Male } else { Sex::Female }, "{s}");
        assert_eq!(parse_resident_id(&s.to_lowercase(), today()).unwrap(), id);

        let bytes = s.as_bytes();
        for pos in 0..17 {
            for digit in b'0'..=b'9' {
                if digit == bytes[pos] {
                    continue;
                }
                let mut typo = bytes.to_vec();
                typo[pos] = digit;
                let typo = String::from_utf8(typo).unwrap();
                assert!(parse_resident_id(&typo, today()).is_err(), "typo {typo} of {s} was accepted");
            }
        }
        // A wrong check character alone is always reported as a checksum error.
        for check in "0123456789X".chars().filter(|&c| c != s.chars().last().unwrap()) {
            let wrong = format!("{}{check}", &s[..17]);
            assert_eq!(parse_resident_id(&wrong, today()), Err(FieldError::IdChecksum), "{wrong}");
        }
    }
}
