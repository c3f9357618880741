//! Who may fit which programme: one function per programme, each answering whether it may fit
//! and why (a reason code the app turns into a plain sentence). The answers come from the
//! eligibility questionnaire; the thresholds from [`Standards`]. "May fit": the community's
//! means check (居民经济状况核对) decides, so these rules lean towards letting people apply.

use super::standards::Standards;
use serde::{Deserialize, Serialize};

/// Where the household is registered or lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Residence {
    /// 宝安户籍
    BaoanHukou,
    /// 宝安居住证
    BaoanPermit,
    /// Neither (e.g. a visitor, or registered elsewhere without a permit).
    Elsewhere,
}

/// What kind of emergency happened recently.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EmergencyKind {
    Illness,
    Accident,
    Fire,
    Disaster,
    Other,
}

/// One household member as the questionnaire knows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemberAnswer {
    pub age: u32,
    /// Disability certificate level 1 (most severe) to 4; 0 for none.
    pub disability_level: u8,
}

/// The questionnaire's answers (kept in the draft, then used to pre-fill the application).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Answers {
    pub residence: Residence,
    /// Everyone in the household, the applicant included.
    pub members: Vec<MemberAnswer>,
    /// The whole household's income per month, in yuan.
    pub monthly_income_yuan: i64,
    /// Savings, deposits and other assets of the household, in yuan.
    pub assets_yuan: i64,
    /// Medical bills paid out of pocket in the last 12 months, in yuan.
    pub medical_bills_yuan: i64,
    /// Whether someone with a legal duty to support them (children, parents, spouse) can do so.
    pub has_supporter: bool,
    /// A recent emergency, if any.
    pub emergency: Option<EmergencyKind>,
    /// Whether that emergency happened in Bao'an.
    pub emergency_in_baoan: bool,
}

/// The district's programmes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Programme {
    /// 最低生活保障
    MinimumLiving,
    /// 低保边缘家庭
    LowIncomeMargin,
    /// 特困人员救助供养
    ExtremePoverty,
    /// 临时救助
    Temporary,
    /// 支出型贫困家庭帮扶
    ExpenditurePoverty,
    /// 困难残疾人生活补贴
    DisabilityLiving,
    /// 重度残疾人护理补贴
    SevereDisabilityNursing,
    /// 高龄津贴
    ElderlyAllowance,
}

impl Programme {
    pub const ALL: [Programme; 8] = [
        Programme::MinimumLiving,
        Programme::LowIncomeMargin,
        Programme::ExtremePoverty,
        Programme::Temporary,
        Programme::ExpenditurePoverty,
        Programme::DisabilityLiving,
        Programme::SevereDisabilityNursing,
        Programme::ElderlyAllowance,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Programme::MinimumLiving => "minimum_living",
            Programme::LowIncomeMargin => "low_income_margin",
            Programme::ExtremePoverty => "extreme_poverty",
            Programme::Temporary => "temporary",
            Programme::ExpenditurePoverty => "expenditure_poverty",
            Programme::DisabilityLiving => "disability_living",
            Programme::SevereDisabilityNursing => "severe_disability_nursing",
            Programme::ElderlyAllowance => "elderly_allowance",
        }
    }

    pub fn from_code(code: &str) -> Option<Programme> {
        Programme::ALL.into_iter().find(|p| p.code() == code)
    }

    /// Whether the application needs the "what happened" task (the event, its date, expenses).
    pub fn needs_event(self) -> bool {
        matches!(self, Programme::Temporary | Programme::ExpenditurePoverty)
    }
}

/// Why a programme may or may not fit: the app shows each as a plain sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    IncomeBelowStandard,
    IncomeAtOrAboveStandard,
    IncomeWithinMargin,
    IncomeBelowMargin,
    IncomeAboveMargin,
    AssetsAboveLimit,
    NotBaoanHukou,
    NotBaoanResident,
    NoSupporterAndVulnerable,
    HasSupporter,
    NoVulnerableMember,
    EmergencyInBaoan,
    EmergencyWhileRegisteredHere,
    EmergencyElsewhere,
    NoEmergency,
    MedicalBillsExceedIncome,
    MedicalBillsWithinIncome,
    DisabledInHardship,
    NoDisabledMember,
    SevereDisability,
    NoSevereDisability,
    MemberAtElderlyAge,
    NoMemberAtElderlyAge,
}

/// One programme's answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Outcome {
    pub programme: Programme,
    pub fits: bool,
    pub reason: Reason,
}

fn fits(programme: Programme, reason: Reason) -> Outcome {
    Outcome { programme, fits: true, reason }
}

fn not(programme: Programme, reason: Reason) -> Outcome {
    Outcome { programme, fits: false, reason }
}

fn size(a: &Answers) -> u32 {
    (a.members.len() as u32).max(1)
}

/// 最低生活保障: Bao'an 户籍, income per person below the standard, assets within the limit.
pub fn minimum_living(a: &Answers, s: &Standards) -> Outcome {
    let p = Programme::MinimumLiving;
    if a.residence != Residence::BaoanHukou {
        return not(p, Reason::NotBaoanHukou);
    }
    if a.monthly_income_yuan >= s.minimum_living_line(size(a)) {
        return not(p, Reason::IncomeAtOrAboveStandard);
    }
    if a.assets_yuan > s.asset_limit(size(a)) {
        return not(p, Reason::AssetsAboveLimit);
    }
    fits(p, Reason::IncomeBelowStandard)
}

/// 低保边缘: Bao'an 户籍, income per person from the standard up to `margin_percent` of it.
pub fn low_income_margin(a: &Answers, s: &Standards) -> Outcome {
    let p = Programme::LowIncomeMargin;
    if a.residence != Residence::BaoanHukou {
        return not(p, Reason::NotBaoanHukou);
    }
    let income = a.monthly_income_yuan;
    if income < s.minimum_living_line(size(a)) {
        // Below the standard itself: 低保 is the programme to apply for.
        return not(p, Reason::IncomeBelowStandard);
    }
    if income > s.margin_line(size(a)) {
        return not(p, Reason::IncomeAboveMargin);
    }
    if a.assets_yuan > s.asset_limit(size(a)) {
        return not(p, Reason::AssetsAboveLimit);
    }
    fits(p, Reason::IncomeWithinMargin)
}

/// 特困: Bao'an 户籍, no supporter, income below the standard, and someone elderly, a child, or
/// severely disabled.
pub fn extreme_poverty(a: &Answers, s: &Standards) -> Outcome {
    let p = Programme::ExtremePoverty;
    if a.residence != Residence::BaoanHukou {
        return not(p, Reason::NotBaoanHukou);
    }
    if a.has_supporter {
        return not(p, Reason::HasSupporter);
    }
    if a.monthly_income_yuan >= s.minimum_living_line(size(a)) {
        return not(p, Reason::IncomeAtOrAboveStandard);
    }
    let vulnerable = a.members.iter().any(|m| {
        m.age >= s.extreme_poverty_elderly_age
            || m.age < s.extreme_poverty_minor_age
            || is_severe(m.disability_level, s)
    });
    if !vulnerable {
        return not(p, Reason::NoVulnerableMember);
    }
    fits(p, Reason::NoSupporterAndVulnerable)
}

/// 临时救助: anyone whose emergency happened in Bao'an, whatever their 户籍 (the plan lets people
/// apply where the emergency happened); Bao'an 户籍 may also apply for one elsewhere.
pub fn temporary(a: &Answers, _s: &Standards) -> Outcome {
    let p = Programme::Temporary;
    match (a.emergency, a.emergency_in_baoan, a.residence) {
        (None, _, _) => not(p, Reason::NoEmergency),
        (Some(_), true, _) => fits(p, Reason::EmergencyInBaoan),
        (Some(_), false, Residence::BaoanHukou) => fits(p, Reason::EmergencyWhileRegisteredHere),
        (Some(_), false, _) => not(p, Reason::EmergencyElsewhere),
    }
}

/// 支出型贫困: living in Bao'an (户籍 or 居住证), medical bills of the last 12 months larger than
/// the household's income over the same 12 months.
pub fn expenditure_poverty(a: &Answers, _s: &Standards) -> Outcome {
    let p = Programme::ExpenditurePoverty;
    if a.residence == Residence::Elsewhere {
        return not(p, Reason::NotBaoanResident);
    }
    if a.medical_bills_yuan > a.monthly_income_yuan.saturating_mul(12) {
        fits(p, Reason::MedicalBillsExceedIncome)
    } else {
        not(p, Reason::MedicalBillsWithinIncome)
    }
}

/// 困难残疾人生活补贴: Bao'an 户籍, someone with a disability certificate, and household income
/// at most the 低保边缘 line.
pub fn disability_living(a: &Answers, s: &Standards) -> Outcome {
    let p = Programme::DisabilityLiving;
    if a.residence != Residence::BaoanHukou {
        return not(p, Reason::NotBaoanHukou);
    }
    if !a.members.iter().any(|m| m.disability_level > 0) {
        return not(p, Reason::NoDisabledMember);
    }
    if a.monthly_income_yuan > s.margin_line(size(a)) {
        return not(p, Reason::IncomeAboveMargin);
    }
    fits(p, Reason::DisabledInHardship)
}

/// 重度残疾人护理补贴: Bao'an 户籍 and someone with a level 1 or 2 certificate (no income test).
pub fn severe_disability_nursing(a: &Answers, s: &Standards) -> Outcome {
    let p = Programme::SevereDisabilityNursing;
    if a.residence != Residence::BaoanHukou {
        return not(p, Reason::NotBaoanHukou);
    }
    if a.members.iter().any(|m| is_severe(m.disability_level, s)) {
        fits(p, Reason::SevereDisability)
    } else {
        not(p, Reason::NoSevereDisability)
    }
}

/// 高龄津贴: Bao'an 户籍 and someone aged 70 or older (no income test).
pub fn elderly_allowance(a: &Answers, s: &Standards) -> Outcome {
    let p = Programme::ElderlyAllowance;
    if a.residence != Residence::BaoanHukou {
        return not(p, Reason::NotBaoanHukou);
    }
    if a.members.iter().any(|m| m.age >= s.elderly_allowance_age) {
        fits(p, Reason::MemberAtElderlyAge)
    } else {
        not(p, Reason::NoMemberAtElderlyAge)
    }
}

fn is_severe(level: u8, s: &Standards) -> bool {
    level >= 1 && level <= s.severe_disability_max_level
}

/// Every programme's answer, in the order the result page lists them.
pub fn assess_all(a: &Answers, s: &Standards) -> Vec<Outcome> {
    Programme::ALL.into_iter().map(|p| assess(p, a, s)).collect()
}

pub fn assess(p: Programme, a: &Answers, s: &Standards) -> Outcome {
    match p {
        Programme::MinimumLiving => minimum_living(a, s),
        Programme::LowIncomeMargin => low_income_margin(a, s),
        Programme::ExtremePoverty => extreme_poverty(a, s),
        Programme::Temporary => temporary(a, s),
        Programme::ExpenditurePoverty => expenditure_poverty(a, s),
        Programme::DisabilityLiving => disability_living(a, s),
        Programme::SevereDisabilityNursing => severe_disability_nursing(a, s),
        Programme::ElderlyAllowance => elderly_allowance(a, s),
    }
}

/// The monthly amount a programme's rule gives for this household, if it gives one: only 低保
/// (the standard's shortfall, [`Standards::minimum_living_estimate`]) and only when it may fit.
/// An estimate: the community's means check decides the real figure.
pub fn estimated_monthly_yuan(o: &Outcome, a: &Answers, s: &Standards) -> Option<i64> {
    (o.fits && o.programme == Programme::MinimumLiving)
        .then(|| s.minimum_living_estimate(size(a), a.monthly_income_yuan))
}

#[cfg(test)]
mod tests;
