//! The application form's checks: a complete form, each bad field, the event, totals, consents.

use super::*;
use crate::assistance::eligibility::Residence;
use crate::rules::resident_id::make_resident_id;

fn d(s: &str) -> Date {
    Date::parse_iso(s).unwrap()
}

fn today() -> Date {
    d("2026-06-01")
}

fn member(name: &str, born: &str) -> Member {
    Member {
        relation: Some(Relation::Child),
        name: name.into(),
        id_type: IdType::ResidentId,
        id_number: make_resident_id("440306", d(born), 12, true),
        birth_date: String::new(),
        work_status: Some(WorkStatus::Student),
        monthly_income_yuan: 0,
        disability_level: 0,
        health: String::new(),
    }
}

pub fn valid_form() -> ApplicationForm {
    ApplicationForm {
        programme: Programme::Temporary,
        applicant: Applicant {
            name: "张三".into(),
            id_type: IdType::ResidentId,
            id_number: make_resident_id("440306", d("1980-05-01"), 11, true),
            birth_date: String::new(),
            phone: "13800138000".into(),
            residence: Some(Residence::Elsewhere),
            street: "xinan".into(),
            community: "xinan-haiyu".into(),
            address: "海裕社区 1 栋 101".into(),
        },
        members: vec![member("张小明", "2000-01-01"), member("张小红", "2015-01-01")],
        income: Income { salary_yuan: 2000, ..Default::default() },
        event: Some(Event {
            kind: Some(EmergencyKind::Fire),
            date: "2026-05-20".into(),
            place: "宝安区新安街道".into(),
            description: "家中失火".into(),
            expenses_yuan: 8000,
        }),
        bank: Bank {
            bank_name: "中国银行".into(),
            holder: "张三".into(),
            account_number: "6217 8500 0000 0000 123".into(),
        },
        documents: vec![AttachedDocument {
            kind: DocumentKind::IdCards,
            upload_id: "u1".into(),
            name: "id.jpg".into(),
        }],
        consents: vec![
            Consent { person: "applicant".into(), signed_name: "张三".into() },
            Consent { person: "members.0".into(), signed_name: "张小明".into() },
        ],
    }
}

fn errors(f: &ApplicationForm) -> Vec<(String, FieldError)> {
    match f.validate(today(), |s, c| s == "xinan" && c == "xinan-haiyu") {
        Ok(()) => vec![],
        Err(e) => e.0.into_iter().collect(),
    }
}

#[test]
fn a_complete_form_passes_and_the_minor_needs_no_consent_of_their_own() {
    assert_eq!(errors(&valid_form()), vec![]);
    let people = valid_form().consent_people(today());
    assert_eq!(people.iter().map(|(p, _)| p.as_str()).collect::<Vec<_>>(), vec!["applicant", "members.0"]);
}

#[test]
fn each_bad_field_is_named() {
    type Breaker = fn(&mut ApplicationForm);
    let cases: Vec<(&str, FieldError, Breaker)> = vec![
        ("applicant.name", FieldError::Required, |f| f.applicant.name.clear()),
        ("applicant.id_number", FieldError::IdChecksum, |f| {
            let last = if f.applicant.id_number.ends_with('0') { '1' } else { '0' };
            f.applicant.id_number.pop();
            f.applicant.id_number.push(last);
        }),
        ("applicant.phone", FieldError::PhoneFormat, |f| f.applicant.phone = "12345".into()),
        ("applicant.residence", FieldError::Required, |f| f.applicant.residence = None),
        ("applicant.community", FieldError::AssistanceUnknownCommunity, |f| f.applicant.community = "nowhere".into()),
        ("applicant.address", FieldError::Required, |f| f.applicant.address = "  ".into()),
        ("members.1.relation", FieldError::Required, |f| f.members[1].relation = None),
        ("members.0.id_number", FieldError::IdLength, |f| f.members[0].id_number = "123".into()),
        ("members.0.monthly_income_yuan", FieldError::AssistanceAmount, |f| f.members[0].monthly_income_yuan = -1),
        ("members.0.disability_level", FieldError::AssistanceDisabilityLevel, |f| f.members[0].disability_level = 5),
        ("income.savings_yuan", FieldError::AssistanceAmount, |f| f.income.savings_yuan = MAX_AMOUNT_YUAN + 1),
        ("event.date", FieldError::AssistanceDateInFuture, |f| f.event.as_mut().unwrap().date = "2026-06-02".into()),
        ("event.date", FieldError::AssistanceDate, |f| f.event.as_mut().unwrap().date = "2026-02-30".into()),
        ("event.kind", FieldError::Required, |f| f.event = None),
        ("bank.account_number", FieldError::AssistanceBankAccount, |f| f.bank.account_number = "12345".into()),
        ("bank.account_number", FieldError::AssistanceBankAccount, |f| {
            f.bank.account_number = "6217abcd00000000".into()
        }),
        ("documents.id_cards", FieldError::AssistanceDocumentMissing, |f| f.documents.clear()),
        ("consents.members.0", FieldError::AssistanceConsentMissing, |f| {
            f.consents.pop();
        }),
        ("consents.applicant", FieldError::AssistanceConsentName, |f| f.consents[0].signed_name = "李四".into()),
        ("members.1.id_number", FieldError::HkMacauPermitFormat, |f| {
            f.members[1].id_type = IdType::HkMacauPermit;
            f.members[1].birth_date = "2015-01-01".into();
        }),
        ("members.1.birth_date", FieldError::Required, |f| {
            f.members[1].id_type = IdType::HkMacauPermit;
            f.members[1].id_number = "H12345678".into();
        }),
        ("members.1.birth_date", FieldError::AssistanceDate, |f| {
            f.members[1].id_type = IdType::Passport;
            f.members[1].id_number = "E12345678".into();
            f.members[1].birth_date = "2015-13-01".into();
        }),
        ("applicant.birth_date", FieldError::AssistanceDateInFuture, |f| {
            f.applicant.id_type = IdType::TaiwanPermit;
            f.applicant.id_number = "12345678".into();
            f.applicant.birth_date = "2026-06-02".into();
        }),
        ("applicant.id_number", FieldError::PassportFormat, |f| {
            f.applicant.id_type = IdType::Passport;
            f.applicant.birth_date = "1980-05-01".into();
            f.applicant.id_number = "E1".into();
        }),
        ("members", FieldError::AssistanceTooManyMembers, |f| {
            f.members = vec![member("王五", "1990-01-01"); MAX_MEMBERS + 1]
        }),
    ];
    for (field, error, breaker) in cases {
        let mut f = valid_form();
        breaker(&mut f);
        let got = errors(&f);
        assert!(got.contains(&(field.to_string(), error)), "{field}: expected {error:?}, got {got:?}");
    }
}

#[test]
fn the_event_is_asked_only_where_the_programme_needs_it() {
    let mut f = valid_form();
    f.programme = Programme::ElderlyAllowance;
    f.applicant.residence = Some(Residence::BaoanHukou);
    f.event = None;
    f.documents.push(AttachedDocument { kind: DocumentKind::HukouBook, upload_id: "u2".into(), name: "h.pdf".into() });
    assert_eq!(errors(&f), vec![]);
}

#[test]
fn totals_add_up_and_bank_numbers_lose_their_spaces() {
    let i = Income {
        salary_yuan: 1,
        pension_yuan: 2,
        rent_yuan: 3,
        other_income_yuan: 4,
        savings_yuan: 10,
        vehicles_yuan: 20,
        property_yuan: 30,
    };
    assert_eq!((i.monthly_total(), i.assets_total()), (10, 60));
    assert_eq!(parse_bank_account("6217 8500 0000 1234"), Ok("6217850000001234".into()));
    assert_eq!(parse_bank_account(""), Err(FieldError::Required));
}

#[test]
fn other_id_types_take_a_typed_birth_date_which_decides_who_consents() {
    let mut f = valid_form();
    // A resident ID gives the birth date; anything typed beside it is ignored.
    f.members[0].birth_date = "not a date".into();
    assert_eq!(f.members[0].birth_date(today()), Some(d("2000-01-01")));
    assert_eq!(errors(&f), vec![]);
    // The child's Hong Kong permit: valid with its typed date of birth, and still a minor.
    f.members[1].id_type = IdType::HkMacauPermit;
    f.members[1].id_number = "H12345678".into();
    f.members[1].birth_date = "2015-01-01".into();
    f.applicant.id_type = IdType::Passport;
    f.applicant.id_number = "E12345678".into();
    f.applicant.birth_date = "1980-05-01".into();
    assert_eq!(errors(&f), vec![]);
    assert_eq!(f.members[1].birth_date(today()), Some(d("2015-01-01")));
    assert_eq!(f.consent_people(today()).len(), 2);
    // Born 2000 on the permit: an adult, who must consent by name.
    f.members[1].birth_date = "2000-03-04".into();
    assert_eq!(errors(&f), vec![("consents.members.1".to_string(), FieldError::AssistanceConsentMissing)]);
    assert_eq!(parse_birth_date("1899-12-31", today()), Err(FieldError::AssistanceDate));
    assert_eq!(parse_birth_date(" 1900-01-01 ", today()), Ok(d("1900-01-01")));
}

#[test]
fn forms_without_an_id_type_mean_a_resident_id() {
    let mut v = serde_json::to_value(valid_form()).unwrap();
    v["applicant"].as_object_mut().unwrap().remove("id_type");
    v["members"][0].as_object_mut().unwrap().remove("id_type");
    v["members"][0].as_object_mut().unwrap().remove("birth_date");
    let f: ApplicationForm = serde_json::from_value(v).unwrap();
    assert_eq!((f.applicant.id_type, f.members[0].id_type), (IdType::ResidentId, IdType::ResidentId));
    assert_eq!(serde_json::to_value(IdType::HkMacauPermit).unwrap(), "hk_macau_permit");
}
