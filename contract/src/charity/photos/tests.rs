//! A project photo's alt text and where photos are served.

use super::*;

#[test]
fn alt_text_is_required_plain_and_short() {
    assert_eq!(validate_photo_alt("  志愿者为长者送餐 "), Ok("志愿者为长者送餐".into()));
    assert_eq!(validate_photo_alt("   "), Err(FieldError::Required));
    assert_eq!(validate_photo_alt(""), Err(FieldError::Required));
    assert_eq!(validate_photo_alt(&"图".repeat(MAX_PHOTO_ALT_CHARS)).map(|s| s.chars().count()), Ok(120));
    assert_eq!(validate_photo_alt(&"图".repeat(MAX_PHOTO_ALT_CHARS + 1)), Err(FieldError::CharityMessageTooLong));
    assert_eq!(validate_photo_alt("<img onerror=x>"), Err(FieldError::CharityMessageCharacters));
}

#[test]
fn photos_are_served_under_the_charity_api() {
    assert_eq!(photo_path("abc"), "/charity/photos/abc");
}
