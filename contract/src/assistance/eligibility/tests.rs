//! Table-driven tests of every programme: fits, does not fit, and the boundary at each standard.

use super::*;
use crate::assistance::standards::Standards;

fn household(residence: Residence, ages: &[u32], income: i64) -> Answers {
    Answers {
        residence,
        members: ages.iter().map(|&age| MemberAnswer { age, disability_level: 0 }).collect(),
        monthly_income_yuan: income,
        assets_yuan: 0,
        medical_bills_yuan: 0,
        has_supporter: true,
        emergency: None,
        emergency_in_baoan: false,
    }
}

use Residence::*;

struct Case {
    name: &'static str,
    answers: Answers,
    fits: bool,
    reason: Reason,
}

fn check(rule: fn(&Answers, &Standards) -> Outcome, programme: Programme, cases: Vec<Case>) {
    let s = Standards::examples();
    for c in cases {
        let got = rule(&c.answers, &s);
        assert_eq!(got.programme, programme, "{}", c.name);
        assert_eq!((got.fits, got.reason), (c.fits, c.reason), "{}", c.name);
        // The dispatcher gives the same answer as the function.
        assert_eq!(assess(programme, &c.answers, &s), got, "{}", c.name);
    }
}

fn with(mut a: Answers, f: impl FnOnce(&mut Answers)) -> Answers {
    f(&mut a);
    a
}

#[test]
fn minimum_living_boundary_is_the_standard_per_person() {
    check(
        minimum_living,
        Programme::MinimumLiving,
        vec![
            Case {
                name: "one person, 1249",
                answers: household(BaoanHukou, &[50], 1249),
                fits: true,
                reason: Reason::IncomeBelowStandard,
            },
            Case {
                name: "one person, exactly 1250",
                answers: household(BaoanHukou, &[50], 1250),
                fits: false,
                reason: Reason::IncomeAtOrAboveStandard,
            },
            Case {
                name: "three people, 3749",
                answers: household(BaoanHukou, &[50, 48, 10], 3749),
                fits: true,
                reason: Reason::IncomeBelowStandard,
            },
            Case {
                name: "three people, 3750",
                answers: household(BaoanHukou, &[50, 48, 10], 3750),
                fits: false,
                reason: Reason::IncomeAtOrAboveStandard,
            },
            Case {
                name: "no income",
                answers: household(BaoanHukou, &[30], 0),
                fits: true,
                reason: Reason::IncomeBelowStandard,
            },
            Case {
                name: "permit holder",
                answers: household(BaoanPermit, &[30], 0),
                fits: false,
                reason: Reason::NotBaoanHukou,
            },
            Case {
                name: "elsewhere",
                answers: household(Elsewhere, &[30], 0),
                fits: false,
                reason: Reason::NotBaoanHukou,
            },
            Case {
                name: "assets at the limit (24 months)",
                answers: with(household(BaoanHukou, &[30], 0), |a| a.assets_yuan = 30_000),
                fits: true,
                reason: Reason::IncomeBelowStandard,
            },
            Case {
                name: "assets one yuan over",
                answers: with(household(BaoanHukou, &[30], 0), |a| a.assets_yuan = 30_001),
                fits: false,
                reason: Reason::AssetsAboveLimit,
            },
        ],
    );
}

#[test]
fn margin_runs_from_the_standard_to_one_and_a_half_times_it() {
    check(
        low_income_margin,
        Programme::LowIncomeMargin,
        vec![
            Case {
                name: "below standard → 低保 instead",
                answers: household(BaoanHukou, &[40], 1249),
                fits: false,
                reason: Reason::IncomeBelowStandard,
            },
            Case {
                name: "at the standard",
                answers: household(BaoanHukou, &[40], 1250),
                fits: true,
                reason: Reason::IncomeWithinMargin,
            },
            Case {
                name: "at 1.5×",
                answers: household(BaoanHukou, &[40], 1875),
                fits: true,
                reason: Reason::IncomeWithinMargin,
            },
            Case {
                name: "one over 1.5×",
                answers: household(BaoanHukou, &[40], 1876),
                fits: false,
                reason: Reason::IncomeAboveMargin,
            },
            Case {
                name: "two people at 3750",
                answers: household(BaoanHukou, &[40, 40], 3750),
                fits: true,
                reason: Reason::IncomeWithinMargin,
            },
            Case {
                name: "permit",
                answers: household(BaoanPermit, &[40], 1500),
                fits: false,
                reason: Reason::NotBaoanHukou,
            },
            Case {
                name: "assets over",
                answers: with(household(BaoanHukou, &[40], 1500), |a| a.assets_yuan = 1_000_000),
                fits: false,
                reason: Reason::AssetsAboveLimit,
            },
        ],
    );
}

#[test]
fn the_margin_multiplier_is_data() {
    let mut s = Standards::examples();
    s.margin_percent = 200;
    assert!(low_income_margin(&household(BaoanHukou, &[40], 2500), &s).fits);
    s.margin_percent = 150;
    assert!(!low_income_margin(&household(BaoanHukou, &[40], 2500), &s).fits);
    s.minimum_living_yuan = 800;
    assert!(!minimum_living(&household(BaoanHukou, &[40], 1000), &s).fits, "an older standard is honoured");
}

#[test]
fn extreme_poverty_needs_no_supporter_and_someone_vulnerable() {
    let alone = |age: u32, income: i64| with(household(BaoanHukou, &[age], income), |a| a.has_supporter = false);
    check(
        extreme_poverty,
        Programme::ExtremePoverty,
        vec![
            Case {
                name: "60, alone, no income",
                answers: alone(60, 0),
                fits: true,
                reason: Reason::NoSupporterAndVulnerable,
            },
            Case { name: "59, alone", answers: alone(59, 0), fits: false, reason: Reason::NoVulnerableMember },
            Case {
                name: "15-year-old orphan",
                answers: alone(15, 0),
                fits: true,
                reason: Reason::NoSupporterAndVulnerable,
            },
            Case { name: "16", answers: alone(16, 0), fits: false, reason: Reason::NoVulnerableMember },
            Case {
                name: "severely disabled 40",
                answers: with(alone(40, 0), |a| a.members[0].disability_level = 2),
                fits: true,
                reason: Reason::NoSupporterAndVulnerable,
            },
            Case {
                name: "level 3 disabled 40",
                answers: with(alone(40, 0), |a| a.members[0].disability_level = 3),
                fits: false,
                reason: Reason::NoVulnerableMember,
            },
            Case {
                name: "has a supporter",
                answers: household(BaoanHukou, &[80], 0),
                fits: false,
                reason: Reason::HasSupporter,
            },
            Case {
                name: "income at the standard",
                answers: alone(80, 1250),
                fits: false,
                reason: Reason::IncomeAtOrAboveStandard,
            },
            Case {
                name: "permit",
                answers: with(alone(80, 0), |a| a.residence = BaoanPermit),
                fits: false,
                reason: Reason::NotBaoanHukou,
            },
        ],
    );
}

#[test]
fn temporary_assistance_follows_where_the_emergency_happened() {
    let emergency = |r: Residence, here: bool| {
        with(household(r, &[35], 9000), |a| {
            a.emergency = Some(EmergencyKind::Fire);
            a.emergency_in_baoan = here;
        })
    };
    check(
        temporary,
        Programme::Temporary,
        vec![
            Case {
                name: "migrant, fire in Bao'an",
                answers: emergency(Elsewhere, true),
                fits: true,
                reason: Reason::EmergencyInBaoan,
            },
            Case {
                name: "permit holder, fire in Bao'an",
                answers: emergency(BaoanPermit, true),
                fits: true,
                reason: Reason::EmergencyInBaoan,
            },
            Case {
                name: "户籍, fire elsewhere",
                answers: emergency(BaoanHukou, false),
                fits: true,
                reason: Reason::EmergencyWhileRegisteredHere,
            },
            Case {
                name: "migrant, fire elsewhere",
                answers: emergency(Elsewhere, false),
                fits: false,
                reason: Reason::EmergencyElsewhere,
            },
            Case {
                name: "no emergency",
                answers: household(BaoanHukou, &[35], 0),
                fits: false,
                reason: Reason::NoEmergency,
            },
        ],
    );
}

#[test]
fn expenditure_poverty_compares_bills_with_a_year_of_income() {
    let bills =
        |r: Residence, income: i64, bills: i64| with(household(r, &[45, 44], income), |a| a.medical_bills_yuan = bills);
    check(
        expenditure_poverty,
        Programme::ExpenditurePoverty,
        vec![
            Case {
                name: "bills one yuan over a year of income",
                answers: bills(BaoanPermit, 5000, 60_001),
                fits: true,
                reason: Reason::MedicalBillsExceedIncome,
            },
            Case {
                name: "bills equal to a year of income",
                answers: bills(BaoanHukou, 5000, 60_000),
                fits: false,
                reason: Reason::MedicalBillsWithinIncome,
            },
            Case {
                name: "户籍, big bills",
                answers: bills(BaoanHukou, 3000, 200_000),
                fits: true,
                reason: Reason::MedicalBillsExceedIncome,
            },
            Case {
                name: "not living in Bao'an",
                answers: bills(Elsewhere, 0, 200_000),
                fits: false,
                reason: Reason::NotBaoanResident,
            },
        ],
    );
}

mod allowances;
