//! A gift request's checks: named, anonymous, every bad field.

use super::*;
use crate::error::FieldError;

fn req() -> GiftRequest {
    GiftRequest {
        project_id: "p".into(),
        amount_fen: 5000,
        anonymous: false,
        donor_name: "李女士".into(),
        message: "加油".into(),
        frequency: Frequency::Once,
    }
}

#[test]
fn a_valid_named_gift() {
    let v = req().validate().unwrap();
    assert_eq!(v, ValidGift { amount_fen: 5000, donor_name: Some("李女士".into()), message: "加油".into() });
}

#[test]
fn an_anonymous_gift_drops_the_name() {
    let v = GiftRequest { anonymous: true, donor_name: "不该出现".into(), ..req() }.validate().unwrap();
    assert_eq!(v.donor_name, None);
}

#[test]
fn every_field_is_checked() {
    let e = GiftRequest { amount_fen: 0, donor_name: String::new(), message: "<i>".into(), ..req() }
        .validate()
        .unwrap_err();
    assert_eq!(e.fields.get("amount"), Some(&FieldError::CharityAmountNotPositive));
    assert_eq!(e.fields.get("donor_name"), Some(&FieldError::Required));
    assert_eq!(e.fields.get("message"), Some(&FieldError::CharityMessageCharacters));
}
