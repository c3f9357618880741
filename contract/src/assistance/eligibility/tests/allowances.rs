//! The disability and elderly allowances, and the assessment of every programme at once.

use super::*;

#[test]
fn disability_programmes() {
    let disabled = |level: u8, income: i64| {
        with(household(BaoanHukou, &[30, 60], income), |a| a.members[1].disability_level = level)
    };
    check(
        disability_living,
        Programme::DisabilityLiving,
        vec![
            Case {
                name: "level 4, low income",
                answers: disabled(4, 2000),
                fits: true,
                reason: Reason::DisabledInHardship,
            },
            Case {
                name: "at the margin line (2 × 1875)",
                answers: disabled(4, 3750),
                fits: true,
                reason: Reason::DisabledInHardship,
            },
            Case {
                name: "one over the margin line",
                answers: disabled(4, 3751),
                fits: false,
                reason: Reason::IncomeAboveMargin,
            },
            Case { name: "nobody disabled", answers: disabled(0, 0), fits: false, reason: Reason::NoDisabledMember },
            Case {
                name: "permit",
                answers: with(disabled(1, 0), |a| a.residence = BaoanPermit),
                fits: false,
                reason: Reason::NotBaoanHukou,
            },
        ],
    );
    check(
        severe_disability_nursing,
        Programme::SevereDisabilityNursing,
        vec![
            Case { name: "level 1", answers: disabled(1, 99_999), fits: true, reason: Reason::SevereDisability },
            Case {
                name: "level 2 (boundary)",
                answers: disabled(2, 99_999),
                fits: true,
                reason: Reason::SevereDisability,
            },
            Case { name: "level 3", answers: disabled(3, 0), fits: false, reason: Reason::NoSevereDisability },
            Case { name: "none", answers: disabled(0, 0), fits: false, reason: Reason::NoSevereDisability },
            Case {
                name: "elsewhere",
                answers: with(disabled(1, 0), |a| a.residence = Elsewhere),
                fits: false,
                reason: Reason::NotBaoanHukou,
            },
        ],
    );
}

#[test]
fn elderly_allowance_from_seventy_for_registered_residents() {
    check(
        elderly_allowance,
        Programme::ElderlyAllowance,
        vec![
            Case {
                name: "70",
                answers: household(BaoanHukou, &[70], 100_000),
                fits: true,
                reason: Reason::MemberAtElderlyAge,
            },
            Case {
                name: "69",
                answers: household(BaoanHukou, &[69], 0),
                fits: false,
                reason: Reason::NoMemberAtElderlyAge,
            },
            Case {
                name: "a 92-year-old parent in the household",
                answers: household(BaoanHukou, &[45, 92], 0),
                fits: true,
                reason: Reason::MemberAtElderlyAge,
            },
            Case {
                name: "70 with a permit only",
                answers: household(BaoanPermit, &[70], 0),
                fits: false,
                reason: Reason::NotBaoanHukou,
            },
        ],
    );
}

#[test]
fn assess_all_answers_every_programme_once_in_order() {
    let s = Standards::examples();
    let all = assess_all(&household(Elsewhere, &[30], 0), &s);
    assert_eq!(all.iter().map(|o| o.programme).collect::<Vec<_>>(), Programme::ALL.to_vec());
    assert!(all.iter().all(|o| !o.fits), "a migrant with no emergency and no bills fits nothing");
    for p in Programme::ALL {
        assert_eq!(Programme::from_code(p.code()), Some(p));
    }
}
