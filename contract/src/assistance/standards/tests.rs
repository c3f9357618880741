use super::*;
use crate::rules::figures::Basis;
use crate::rules::Date;

fn sourced() -> Standards {
    let mut s = Standards::examples();
    let day = Date::new(2025, 1, 1).unwrap();
    for key in StandardKey::ALL {
        s.sources.insert(key.code().into(), Provenance { basis: Basis::SetByDistrict, effective_from: day });
    }
    s
}

#[test]
fn the_estimate_tops_income_up_to_the_standard_per_person() {
    let s = Standards::examples(); // 1250 per person
                                   // 3 people, 1500 a month: (1250 − 500) × 3.
    assert_eq!(s.minimum_living_estimate(3, 1500), 2250);
    // No income: the whole standard for each person.
    assert_eq!(s.minimum_living_estimate(2, 0), 2500);
    // At or above the line: nothing, never a negative amount.
    assert_eq!(s.minimum_living_estimate(2, 2500), 0);
    assert_eq!(s.minimum_living_estimate(1, 9999), 0);
    // A household of "0" is one person; a negative income counts as none.
    assert_eq!(s.minimum_living_estimate(0, 250), 1000);
    assert_eq!(s.minimum_living_estimate(1, -5), 1250);
}

#[test]
fn the_estimate_equals_standard_minus_income_per_person_times_size() {
    let s = Standards::examples();
    for size in 1..=8u32 {
        for per_person in [0i64, 1, 100, 1249, 1250, 2000] {
            let expected = (s.minimum_living_yuan - per_person).max(0) * size as i64;
            assert_eq!(s.minimum_living_estimate(size, per_person * size as i64), expected);
        }
    }
}

#[test]
fn every_key_reads_its_own_field() {
    let s = Standards::examples();
    assert_eq!(s.value(StandardKey::MinimumLivingYuan), 1250);
    assert_eq!(s.value(StandardKey::ElderlyAllowanceAge), 70);
    let codes: std::collections::BTreeSet<_> = StandardKey::ALL.iter().map(|k| k.code()).collect();
    assert_eq!(codes.len(), StandardKey::ALL.len(), "codes are distinct");
    for key in StandardKey::ALL {
        assert_eq!(StandardKey::from_code(key.code()), Some(key));
        assert_eq!(serde_json::to_value(key).unwrap(), key.code(), "the wire name is the field's name");
        assert!(key.range().contains(&s.value(key)), "{} example within range", key.code());
    }
}

#[test]
fn a_complete_sheet_checks_clean() {
    let s = sourced();
    assert!(s.check().is_empty(), "{:?}", s.check());
    assert!(!s.has_examples());
}

#[test]
fn each_bad_field_is_reported() {
    let mut s = sourced();
    s.minimum_living_yuan = 0;
    s.margin_percent = 90;
    s.payment_days = 0;
    s.sources.remove("home_visit_days");
    s.sources.insert(
        "street_review_days".into(),
        Provenance {
            basis: Basis::Document { document: "".into(), article: "1".into() },
            effective_from: Date::new(2025, 1, 1).unwrap(),
        },
    );
    s.sources.insert("no_such_figure".into(), Provenance::example(Date::new(2025, 1, 1).unwrap()));
    let errors = s.check();
    let fields: Vec<_> = errors.0.keys().map(String::as_str).collect();
    assert_eq!(
        fields,
        [
            "margin_percent",
            "minimum_living_yuan",
            "payment_days",
            "sources.home_visit_days",
            "sources.no_such_figure",
            "sources.street_review_days",
        ]
    );
    assert_eq!(errors.get("payment_days"), Some(FieldError::FigureRange));
    assert_eq!(errors.get("sources.home_visit_days"), Some(FieldError::FigureSource));
}

#[test]
fn a_figure_without_source_or_marked_example_counts_as_example() {
    let mut s = sourced();
    s.sources.insert("payment_days".into(), Provenance::example(Date::new(2025, 1, 1).unwrap()));
    assert!(s.has_examples());
    assert!(Standards::examples().has_examples(), "no sources at all");
}
