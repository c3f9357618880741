//! The OpenAPI schemas of constrained request fields, built from the constants the rules use, so
//! the document states what the server enforces without retyping a number. Fields name them with
//! `#[schema(schema_with = crate::schema::chars::<{ MAX_MESSAGE_CHARS }>)]` (or `param(…)` on query
//! parameters). Only with the `openapi` feature: the app never pays for it.
//!
//! A schema here may be stricter than its rule (a rule trims what people paste, the schema
//! describes the canonical form), never looser: every value it allows, the server accepts.

use utoipa::openapi::schema::{ObjectBuilder, SchemaFormat, SchemaType, Type};
use utoipa::openapi::{KnownFormat, Object};

/// Not only white space (a rule that trims says `required` to that). JSON Schema patterns are
/// not anchored: this matches any text holding one character other than white space.
const NOT_BLANK: &str = r"\S";

fn string(nullable: bool) -> ObjectBuilder {
    let kind = if nullable { SchemaType::from_iter([Type::String, Type::Null]) } else { SchemaType::new(Type::String) };
    ObjectBuilder::new().schema_type(kind)
}

/// Characters [`crate::charity::money`]'s plain-text rule refuses: control characters (Unicode
/// category Cc) and `<`, `>`.
const CHARITY_FORBIDDEN: &str = r"<>\x00-\x1f\x7f-\x9f";
/// Characters the memorial text rule ([`crate::memorial::rules::parse_plain_text`]) refuses:
/// control characters except the line feed (and the carriage return, which it folds, refused here).
const MEMORIAL_FORBIDDEN: &str = r"\x00-\x09\x0b-\x1f\x7f-\x9f";

/// Text with none of the `forbidden` characters (a regex class body); when `required`, with
/// one character besides white space too.
fn text(forbidden: &str, required: bool, max: usize) -> Object {
    let pattern = if required {
        format!(r"^[^{forbidden}]*[^{forbidden}\s][^{forbidden}]*$")
    } else {
        format!("^[^{forbidden}]*$")
    };
    let min = if required { Some(1) } else { None };
    string(false).min_length(min).max_length(Some(max)).pattern(Some(pattern)).build()
}

/// Charity plain text of at most `MAX` characters, empty allowed (a gift's message).
pub fn charity_text<const MAX: usize>() -> Object {
    text(CHARITY_FORBIDDEN, false, MAX)
}

/// Charity plain text that must say something, at most `MAX` characters (a donor's name).
pub fn charity_required_text<const MAX: usize>() -> Object {
    text(CHARITY_FORBIDDEN, true, MAX)
}

/// Memorial text of at most `MAX` characters, empty allowed (a biography, a note).
pub fn memorial_text<const MAX: usize>() -> Object {
    text(MEMORIAL_FORBIDDEN, false, MAX)
}

/// Memorial text that must say something, at most `MAX` characters (a message, a reason).
pub fn memorial_required_text<const MAX: usize>() -> Object {
    text(MEMORIAL_FORBIDDEN, true, MAX)
}

/// One of a list of wire codes.
fn codes<'a>(values: impl IntoIterator<Item = &'a str>) -> Object {
    string(false).enum_values(Some(values)).build()
}

/// Han characters of the Unified Ideographs block (every rule that takes Han takes these).
const HAN: &str = r"\u4e00-\u9fff";

/// A person's name in a form [`crate::rules::name::parse_person_name`] always accepts: a Han
/// character or Latin letter first, then those, spaces and the middle dot, at most
/// [`crate::rules::name::MAX_HAN_NAME_CHARS`] characters in all (the shorter of its two limits).
pub fn person_name() -> Object {
    let rest = crate::rules::name::MAX_HAN_NAME_CHARS - 1;
    string(false).pattern(Some(format!("^[{HAN}A-Za-z][{HAN}A-Za-z \u{00b7}]{{0,{rest}}}$"))).build()
}

/// A person's name, or empty (someone booking for themself names no visitor).
pub fn person_name_or_empty() -> Object {
    let rest = crate::rules::name::MAX_HAN_NAME_CHARS - 1;
    string(false).pattern(Some(format!("^([{HAN}A-Za-z][{HAN}A-Za-z \u{00b7}]{{0,{rest}}})?$"))).build()
}

/// A mainland mobile number, or empty.
pub fn mobile_or_empty() -> Object {
    let canonical = crate::rules::phone::MOBILE_PATTERN.trim_start_matches('^').trim_end_matches('$');
    string(false).pattern(Some(format!("^({canonical})?$"))).build()
}

/// A grave's area, row or number ([`crate::memorial::rules::parse_grave_part`]).
pub fn grave_part() -> Object {
    let max = crate::memorial::rules::MAX_GRAVE_PART_CHARS;
    string(false).pattern(Some(format!("^[A-Za-z0-9{HAN}]{{1,{max}}}$"))).build()
}

/// A mainland car plate in its canonical form ([`crate::memorial::rules::parse_plate`]), or empty
/// (coming without a car): province, a letter, then five letters or digits (ordinary), or a new-
/// energy plate's six characters. Letters never I or O.
pub fn plate_or_empty() -> Object {
    let provinces = crate::memorial::rules::PROVINCES;
    let letter = "A-HJ-NP-Z";
    let plate =
        format!("[{provinces}][{letter}]([{letter}0-9]{{5}}|[DABCEFGHJK][{letter}0-9][0-9]{{4}}|[0-9]{{5}}[DF])");
    string(false).pattern(Some(format!("^({plate})?$"))).build()
}

/// A burial certificate number, `BA-YYYY-NNNNNN` ([`crate::memorial::rules::parse_certificate_number`]:
/// two letters, a year from 1950 to 2100, six digits).
pub fn certificate_number() -> Object {
    string(false).pattern(Some("^[A-Z]{2}-(19[5-9][0-9]|20[0-9]{2}|2100)-[0-9]{6}$")).build()
}

/// How the requester is related to the deceased ([`crate::memorial::Relation`]'s codes).
pub fn relation() -> Object {
    codes(crate::memorial::Relation::ALL.iter().map(|r| r.code()))
}

/// What staff do with a report ([`crate::memorial::HIDE_MESSAGE`], [`crate::memorial::DISMISS`]).
pub fn report_action() -> Object {
    codes([crate::memorial::HIDE_MESSAGE, crate::memorial::DISMISS])
}

/// An offering's kind ([`crate::memorial::OFFERING_KINDS`]).
pub fn offering_kind() -> Object {
    codes(crate::memorial::OFFERING_KINDS.iter().copied())
}

/// The services of a proxy sweep: at least one, each from [`crate::memorial::PROXY_SERVICES`].
pub fn proxy_services() -> utoipa::openapi::schema::Array {
    utoipa::openapi::schema::ArrayBuilder::new()
        .items(codes(crate::memorial::PROXY_SERVICES.iter().copied()))
        .min_items(Some(1))
        .build()
}

/// Text of at most `MAX` characters (empty allowed).
pub fn chars<const MAX: usize>() -> Object {
    string(false).max_length(Some(MAX)).build()
}

/// Optional text of at most `MAX` characters.
pub fn chars_or_null<const MAX: usize>() -> Object {
    string(true).max_length(Some(MAX)).build()
}

/// Text that must say something: not blank, at most `MAX` characters.
pub fn required_chars<const MAX: usize>() -> Object {
    string(false).min_length(Some(1)).max_length(Some(MAX)).pattern(Some(NOT_BLANK)).build()
}

/// A whole number in `MIN..=MAX`.
pub fn int_range<const MIN: i64, const MAX: i64>() -> Object {
    ObjectBuilder::new()
        .schema_type(SchemaType::new(Type::Integer))
        .format(Some(SchemaFormat::KnownFormat(KnownFormat::Int64)))
        .minimum(Some(MIN as f64))
        .maximum(Some(MAX as f64))
        .build()
}

/// An amount of yuan in an assistance application: whole, `0..=`[`crate::assistance::MAX_AMOUNT_YUAN`].
pub fn amount_yuan() -> Object {
    int_range::<0, { crate::assistance::MAX_AMOUNT_YUAN }>()
}

/// A bank card or account number in its canonical form: only digits, as many as the rule allows.
pub fn bank_account() -> Object {
    use crate::assistance::{MAX_BANK_ACCOUNT_DIGITS, MIN_BANK_ACCOUNT_DIGITS};
    string(false).pattern(Some(format!("^[0-9]{{{MIN_BANK_ACCOUNT_DIGITS},{MAX_BANK_ACCOUNT_DIGITS}}}$"))).build()
}

/// An application's other household members: at most [`crate::assistance::MAX_MEMBERS`].
pub fn members() -> utoipa::openapi::schema::Array {
    utoipa::openapi::schema::ArrayBuilder::new()
        // A schema built by a function is not collected into the components: the server's
        // document registers `Member` itself (server/src/openapi_common.rs).
        .items(utoipa::openapi::Ref::from_schema_name("Member"))
        .max_items(Some(crate::assistance::MAX_MEMBERS))
        .build()
}

/// A mainland mobile number in its canonical form ([`crate::rules::phone::MOBILE_PATTERN`]).
pub fn mobile() -> Object {
    string(false).pattern(Some(crate::rules::phone::MOBILE_PATTERN)).build()
}

/// An SMS code: [`crate::rules::sms_code::SMS_CODE_LEN`] digits.
pub fn sms_code() -> Object {
    let len = crate::rules::sms_code::SMS_CODE_LEN;
    string(false).pattern(Some(format!("^[0-9]{{{len}}}$"))).build()
}

/// A calendar day, `YYYY-MM-DD` (the format [`crate::rules::date::Date`] reads and writes).
pub fn date() -> Object {
    string(false).format(Some(SchemaFormat::KnownFormat(KnownFormat::Date))).build()
}

/// An optional calendar day, `YYYY-MM-DD`.
pub fn date_or_null() -> Object {
    string(true).format(Some(SchemaFormat::KnownFormat(KnownFormat::Date))).build()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schemas_carry_the_rules_constants() {
        let json = |o: Object| serde_json::to_value(o).unwrap();
        let code = json(sms_code());
        assert_eq!(code["pattern"], format!("^[0-9]{{{}}}$", crate::rules::sms_code::SMS_CODE_LEN));
        let text = json(charity_required_text::<{ crate::charity::money::MAX_DONOR_NAME_CHARS }>());
        assert_eq!(text["maxLength"], crate::charity::money::MAX_DONOR_NAME_CHARS);
        assert_eq!(text["minLength"], 1);
        let grave = json(grave_part());
        assert_eq!(
            grave["pattern"],
            format!("^[A-Za-z0-9\\u4e00-\\u9fff]{{1,{}}}$", crate::memorial::rules::MAX_GRAVE_PART_CHARS)
        );
        let n = json(int_range::<1, 6>());
        assert_eq!((n["minimum"].as_f64(), n["maximum"].as_f64()), (Some(1.0), Some(6.0)));
        assert_eq!(json(chars_or_null::<5>())["type"], serde_json::json!(["string", "null"]));
    }

    /// Whether a string schema allows `s`: its pattern and its length bounds (in characters).
    fn allows(o: &Object) -> impl Fn(&str) -> bool {
        let json = serde_json::to_value(o).unwrap();
        let re = regex::Regex::new(json["pattern"].as_str().unwrap()).unwrap();
        let min = json["minLength"].as_u64().unwrap_or(0) as usize;
        let max = json["maxLength"].as_u64().map_or(usize::MAX, |m| m as usize);
        move |s: &str| re.is_match(s) && (min..=max).contains(&s.chars().count())
    }

    /// Strings of up to `max_len` characters, mostly from `common` and one in ten from `rare`,
    /// from a fixed seed: the same every run.
    fn random_strings(common: &str, rare: &str, max_len: usize, count: usize) -> Vec<String> {
        let (common, rare): (Vec<char>, Vec<char>) = (common.chars().collect(), rare.chars().collect());
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = move |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        let mut out = Vec::with_capacity(count);
        for _ in 0..count {
            let len = next(max_len + 1);
            let s =
                (0..len)
                    .map(|_| {
                        if rare.is_empty() || next(10) > 0 {
                            common[next(common.len())]
                        } else {
                            rare[next(rare.len())]
                        }
                    })
                    .collect();
            out.push(s);
        }
        out
    }

    /// Every candidate the schema allows, the rule accepts; and the schema allows the `valid`
    /// samples (so the check is not empty).
    fn never_looser(
        what: &str,
        o: Object,
        valid: &[&str],
        alphabet: (&str, &str),
        max_len: usize,
        rule: impl Fn(&str) -> bool,
    ) {
        let schema_allows = allows(&o);
        for v in valid {
            assert!(schema_allows(v), "{what}: the schema refuses the valid sample {v:?}");
        }
        let candidates = random_strings(alphabet.0, alphabet.1, max_len, 20_000);
        let mut allowed = 0;
        for c in valid.iter().map(|v| v.to_string()).chain(candidates) {
            if schema_allows(&c) {
                allowed += 1;
                assert!(rule(&c), "{what}: the schema allows {c:?}, the rule refuses it");
            }
        }
        assert!(allowed >= valid.len() + 20, "{what}: only {allowed} candidates fit the schema; widen the alphabet");
    }

    #[test]
    fn patterns_are_never_looser_than_their_rules() {
        use crate::memorial::rules::{parse_certificate_number, parse_grave_part, parse_plain_text, parse_plate};
        use crate::rules::name::parse_person_name;
        use crate::rules::phone::parse_mobile;
        never_looser("mobile", mobile(), &["13800138000", "19912345678"], ("13456789", "02 +-"), 13, |s| {
            parse_mobile(s).is_ok()
        });
        never_looser("mobile or empty", mobile_or_empty(), &["", "15012345678"], ("1359", "0"), 12, |s| {
            s.is_empty() || parse_mobile(s).is_ok()
        });
        never_looser("sms code", sms_code(), &["000000", "123456"], ("0123456789", " a"), 7, |s| {
            crate::rules::sms_code::parse_sms_code(s).is_ok()
        });
        let names = ["王芳", "Chan Tai Man", "阿卜杜·艾力", "A"];
        never_looser("person name", person_name(), &names, ("王李明Ab ·", "-.1<\u{3000}"), 26, |s| {
            parse_person_name(s).is_ok()
        });
        never_looser("grave part", grave_part(), &["A", "3", "东区12", "abcdefghij"], ("Aa9东", " -_"), 12, |s| {
            parse_grave_part(s).is_ok()
        });
        let plates = ["", "粤B12345", "粤BD12345", "京A12345D"];
        never_looser("plate", plate_or_empty(), &plates, ("粤京ABDFXZ0123456789", "IO "), 8, |s| {
            s.is_empty() || parse_plate(s).is_ok()
        });
        let accounts = ["622202123456", "6222021234567890123456789"];
        never_looser("bank account", bank_account(), &accounts, ("0123456789", " a-"), 27, |s| {
            crate::assistance::parse_bank_account(s).is_ok()
        });
        // A certificate's structure is too narrow for random strings: every year around its range.
        let certificate = allows(&certificate_number());
        for year in 1900..2200 {
            let number = format!("BA-{year}-000123");
            assert_eq!(certificate(&number), parse_certificate_number(&number).is_ok(), "{number}");
        }
        let text = ("ab 字\n", "\r\t<>\u{7}\u{85}");
        never_looser("memorial message", memorial_required_text::<8>(), &["hi", "两行\n文字"], text, 10, |s| {
            parse_plain_text(s, 8).is_ok()
        });
        never_looser("gift message", charity_text::<6>(), &["", "谢谢"], text, 8, |s| {
            crate::charity::money::validate_message(s).is_ok()
        });
        let donor = charity_required_text::<{ crate::charity::money::MAX_DONOR_NAME_CHARS }>();
        never_looser("donor name", donor, &["张三"], text, 24, |s| {
            crate::charity::money::validate_donor_name(s).is_ok()
        });
    }
}
