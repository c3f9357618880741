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
        let text = json(required_chars::<{ crate::charity::money::MAX_MESSAGE_CHARS }>());
        assert_eq!(text["maxLength"], crate::charity::money::MAX_MESSAGE_CHARS);
        assert_eq!(text["minLength"], 1);
        let n = json(int_range::<1, 6>());
        assert_eq!((n["minimum"].as_f64(), n["maximum"].as_f64()), (Some(1.0), Some(6.0)));
        assert_eq!(json(chars_or_null::<5>())["type"], serde_json::json!(["string", "null"]));
    }
}
