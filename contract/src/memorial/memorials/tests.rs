//! Making a memorial public: the relation and the certificate number.

use super::*;

#[test]
fn relation_is_one_of_the_choices() {
    for r in Relation::ALL {
        assert_eq!(Relation::parse(r.code()), Ok(r));
    }
    assert_eq!(Relation::parse(" "), Err(FieldError::MemorialRelation));
    assert_eq!(Relation::parse("friend"), Err(FieldError::MemorialRelation));
    let req = PublishRequest { certificate_number: "ba-2019-000123".into(), relation: "child".into() };
    assert_eq!(req.validate(), Ok(("BA-2019-000123".into(), Relation::Child)));
    let req = PublishRequest { certificate_number: "x".into(), relation: String::new() };
    let e = req.validate().unwrap_err();
    assert_eq!(e.0.get("certificate_number"), Some(&FieldError::MemorialCertificateFormat));
    assert_eq!(e.0.get("relation"), Some(&FieldError::MemorialRelation));
}
