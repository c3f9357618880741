//! The parties' checks: marriage age on the booked day, two people, documents, each field.

use super::*;
use crate::rules::resident_id::make_resident_id;

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

fn today() -> Date {
    d(2026, 11, 29)
}

fn resident(birth: Date, male: bool, seq: u16) -> PartyInput {
    // Each party has their own phone (party B confirms in their own account).
    PartyInput {
        name: "张三".into(),
        id_type: Some(IdType::ResidentId),
        id_number: make_resident_id("440306", birth, seq, male),
        birth_date: String::new(),
        sex: None,
        nationality: "中国".into(),
        phone: format!("138{:08}", seq),
    }
}

#[test]
fn marriage_age_boundaries_on_the_booked_day() {
    // (birth, male, booked day, allowed)
    let cases = [
        (d(2004, 12, 10), true, d(2026, 12, 9), false), // day before the 22nd birthday
        (d(2004, 12, 10), true, d(2026, 12, 10), true), // the 22nd birthday
        (d(2006, 12, 10), false, d(2026, 12, 9), false), // day before the 20th birthday
        (d(2006, 12, 10), false, d(2026, 12, 10), true), // the 20th birthday
        (d(2006, 12, 10), true, d(2026, 12, 10), false), // a man of 20 may not
        (d(2004, 2, 29), true, d(2026, 2, 28), false),  // leap-day birthday: not until 1 March
        (d(2004, 2, 29), true, d(2026, 3, 1), true),
    ];
    for (birth, male, day, ok) in cases {
        let sex = if male { Sex::Male } else { Sex::Female };
        assert_eq!(old_enough_to_marry(birth, sex, day), ok, "{birth} {sex:?} on {day}");
        assert_eq!(day >= may_marry_from(birth, sex), ok, "may_marry_from agrees for {birth} on {day}");
    }
}

#[test]
fn check_parties_applies_the_age_rule_to_the_booked_day_not_today() {
    let man = resident(d(2004, 12, 10), true, 1);
    let woman = resident(d(2000, 1, 1), false, 2);
    let early = check_parties(BookingKind::Marriage, &man, &woman, d(2026, 12, 9), today()).unwrap_err();
    assert_eq!(early.get("party_a.id_number"), Some(FieldError::MarriageUnderAge));
    assert!(check_parties(BookingKind::Marriage, &man, &woman, d(2026, 12, 10), today()).is_ok());
    // Divorce and replacement have no age rule.
    assert!(check_parties(BookingKind::Divorce, &man, &woman, d(2026, 12, 9), today()).is_ok());
}

#[test]
fn the_two_parties_must_be_different_people() {
    let a = resident(d(1995, 5, 5), true, 3);
    let mut b = a.clone();
    b.phone = "13900000002".into();
    b.id_number = format!(" {} ", b.id_number.to_lowercase()); // same number, typed differently
    let e = check_parties(BookingKind::Marriage, &a, &b, d(2026, 12, 10), today()).unwrap_err();
    assert_eq!(e.get("party_b.id_number"), Some(FieldError::MarriageSamePerson));
}

#[test]
fn other_documents_need_a_typed_birth_date_and_sex() {
    let mut p = PartyInput {
        name: "Chan Tai Man".into(),
        id_type: Some(IdType::HkMacauPermit),
        id_number: "H12345678".into(),
        nationality: "中国香港".into(),
        phone: "13900000002".into(),
        ..Default::default()
    };
    let mut e = FieldErrors::new();
    assert!(check_party(&p, "party_b", today(), &mut e).is_none());
    assert_eq!(e.get("party_b.birth_date"), Some(FieldError::Required));
    assert_eq!(e.get("party_b.sex"), Some(FieldError::Required));
    p.birth_date = "2030-01-01".into();
    p.sex = Some(Sex::Female);
    let mut e = FieldErrors::new();
    assert!(check_party(&p, "party_b", today(), &mut e).is_none());
    assert_eq!(e.get("party_b.birth_date"), Some(FieldError::MarriageBirthDate));
    p.birth_date = "1996-07-01".into();
    let mut e = FieldErrors::new();
    let ok = check_party(&p, "party_b", today(), &mut e).unwrap();
    assert_eq!((ok.birth_date, ok.sex), (d(1996, 7, 1), Sex::Female));
}

#[test]
fn every_field_error_is_reported_beside_its_field() {
    let empty = PartyInput::default();
    let e = check_parties(BookingKind::Marriage, &empty, &empty, d(2026, 12, 10), today()).unwrap_err();
    for f in ["name", "id_type", "nationality", "phone"] {
        assert_eq!(e.get(&format!("party_b.{f}")), Some(FieldError::Required), "party_b.{f}");
    }
    for f in ["name", "id_type", "nationality"] {
        assert_eq!(e.get(&format!("party_a.{f}")), Some(FieldError::Required), "party_a.{f}");
    }
    assert_eq!(e.get("party_a.phone"), None, "party A's phone is the account's, never typed");
    let mut bad = resident(d(1990, 1, 1), true, 4);
    bad.id_number.replace_range(17..18, if bad.id_number.ends_with('0') { "1" } else { "0" });
    bad.phone = "12345".into();
    let mut e = FieldErrors::new();
    check_party(&bad, "party_a", today(), &mut e);
    assert_eq!(e.get("party_a.id_number"), Some(FieldError::IdChecksum));
    assert_eq!(e.get("party_a.phone"), Some(FieldError::PhoneFormat));
}

#[test]
fn birth_date_and_sex_are_derived_from_a_resident_id() {
    let id = make_resident_id("440306", d(1998, 3, 4), 5, false);
    assert_eq!(derived_from_id(Some(IdType::ResidentId), &id, today()), Some((d(1998, 3, 4), Sex::Female)));
    assert_eq!(derived_from_id(Some(IdType::Passport), &id, today()), None);
    assert_eq!(derived_from_id(Some(IdType::ResidentId), "123", today()), None);
}

#[test]
fn party_a_is_the_profile_and_party_b_has_a_phone_of_their_own() {
    use crate::api::profile::Profile;
    let me = resident(d(1990, 1, 1), true, 7);
    let profile = Profile {
        name: "王小明".into(),
        id_type: IdType::ResidentId,
        id_number: me.id_number.clone(),
        id_number_masked: String::new(),
        verification: None,
    };
    let own = OwnDetails { birth_date: String::new(), sex: None, nationality: "中国".into() };
    let a = own.party(&profile, "13800000001");
    assert_eq!(
        (a.name.as_str(), a.id_number.as_str(), a.phone.as_str()),
        ("王小明", me.id_number.as_str(), "13800000001")
    );
    let mut b = resident(d(1992, 2, 2), false, 8);
    b.phone = "13800000001".into();
    let e = check_parties(BookingKind::Marriage, &a, &b, d(2026, 12, 10), today()).unwrap_err();
    assert_eq!(e.get("party_b.phone"), Some(FieldError::MarriagePartnerOwnPhone));
    b.phone = "13900000002".into();
    assert!(check_parties(BookingKind::Marriage, &a, &b, d(2026, 12, 10), today()).is_ok());
    // In the app party A's phone is not known: nothing is said about it.
    let a = own.party(&profile, "");
    assert!(check_parties(BookingKind::Marriage, &a, &b, d(2026, 12, 10), today()).is_ok());
}
