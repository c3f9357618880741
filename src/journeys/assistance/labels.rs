//! Each contract code as the words a resident reads.

use super::i18n::Key;
use baoan_contract::assistance::*;
use baoan_contract::staff::Role;

pub fn programme(p: Programme) -> Key {
    match p {
        Programme::MinimumLiving => Key::PgMinimumLiving,
        Programme::LowIncomeMargin => Key::PgLowIncomeMargin,
        Programme::ExtremePoverty => Key::PgExtremePoverty,
        Programme::Temporary => Key::PgTemporary,
        Programme::ExpenditurePoverty => Key::PgExpenditurePoverty,
        Programme::DisabilityLiving => Key::PgDisabilityLiving,
        Programme::SevereDisabilityNursing => Key::PgSevereDisabilityNursing,
        Programme::ElderlyAllowance => Key::PgElderlyAllowance,
    }
}

pub fn reason(r: Reason) -> Key {
    use Reason::*;
    match r {
        IncomeBelowStandard => Key::RsIncomeBelowStandard,
        IncomeAtOrAboveStandard => Key::RsIncomeAtOrAboveStandard,
        IncomeWithinMargin => Key::RsIncomeWithinMargin,
        IncomeBelowMargin => Key::RsIncomeBelowStandard,
        IncomeAboveMargin => Key::RsIncomeAboveMargin,
        AssetsAboveLimit => Key::RsAssetsAboveLimit,
        NotBaoanHukou => Key::RsNotBaoanHukou,
        NotBaoanResident => Key::RsNotBaoanResident,
        NoSupporterAndVulnerable => Key::RsNoSupporterAndVulnerable,
        HasSupporter => Key::RsHasSupporter,
        NoVulnerableMember => Key::RsNoVulnerableMember,
        EmergencyInBaoan => Key::RsEmergencyInBaoan,
        EmergencyWhileRegisteredHere => Key::RsEmergencyWhileRegisteredHere,
        EmergencyElsewhere => Key::RsEmergencyElsewhere,
        NoEmergency => Key::RsNoEmergency,
        MedicalBillsExceedIncome => Key::RsMedicalBillsExceedIncome,
        MedicalBillsWithinIncome => Key::RsMedicalBillsWithinIncome,
        DisabledInHardship => Key::RsDisabledInHardship,
        NoDisabledMember => Key::RsNoDisabledMember,
        SevereDisability => Key::RsSevereDisability,
        NoSevereDisability => Key::RsNoSevereDisability,
        MemberAtElderlyAge => Key::RsMemberAtElderlyAge,
        NoMemberAtElderlyAge => Key::RsNoMemberAtElderlyAge,
    }
}

pub fn document(k: DocumentKind) -> Key {
    match k {
        DocumentKind::IdCards => Key::DocIdCards,
        DocumentKind::HukouBook => Key::DocHukouBook,
        DocumentKind::ResidencePermit => Key::DocResidencePermit,
        DocumentKind::IncomeProof => Key::DocIncomeProof,
        DocumentKind::DisabilityCertificate => Key::DocDisabilityCertificate,
        DocumentKind::MedicalBills => Key::DocMedicalBills,
        DocumentKind::EmergencyProof => Key::DocEmergencyProof,
        DocumentKind::BankCard => Key::DocBankCard,
        DocumentKind::Other => Key::DocOther,
    }
}

pub fn stage(s: Stage) -> Key {
    match s {
        Stage::CommunityAcceptance => Key::StCommunityAcceptance,
        Stage::HomeVisit => Key::StHomeVisit,
        Stage::PublicNotice => Key::StPublicNotice,
        Stage::StreetReview => Key::StStreetReview,
        Stage::DistrictApproval => Key::StDistrictApproval,
        Stage::Payment => Key::StPayment,
    }
}

/// Who did a step, as residents see it: the role (社区工作人员…), never the person.
pub fn done_by(s: Stage) -> Key {
    match Role::reviewer_of(s) {
        Role::CommunityReviewer => Key::ByCommunityStaff,
        Role::StreetReviewer => Key::ByStreetStaff,
        _ => Key::ByDistrictStaff,
    }
}

pub fn status(s: Status) -> Key {
    match s {
        Status::InReview => Key::SsInReview,
        Status::AwaitingDocuments => Key::SsAwaitingDocuments,
        Status::Approved => Key::SsApproved,
        Status::Paid => Key::SsPaid,
        Status::Refused => Key::SsRefused,
        Status::Withdrawn => Key::SsWithdrawn,
    }
}

pub fn relation(r: Relation) -> Key {
    match r {
        Relation::Spouse => Key::RelSpouse,
        Relation::Child => Key::RelChild,
        Relation::Parent => Key::RelParent,
        Relation::Grandparent => Key::RelGrandparent,
        Relation::Grandchild => Key::RelGrandchild,
        Relation::Sibling => Key::RelSibling,
        Relation::Other => Key::RelOther,
    }
}

pub fn work(w: WorkStatus) -> Key {
    match w {
        WorkStatus::Employed => Key::WkEmployed,
        WorkStatus::Unemployed => Key::WkUnemployed,
        WorkStatus::Retired => Key::WkRetired,
        WorkStatus::Student => Key::WkStudent,
        WorkStatus::UnableToWork => Key::WkUnableToWork,
        WorkStatus::Preschool => Key::WkPreschool,
    }
}

pub fn residence(r: Residence) -> Key {
    match r {
        Residence::BaoanHukou => Key::ResHukou,
        Residence::BaoanPermit => Key::ResPermit,
        Residence::Elsewhere => Key::ResElsewhere,
    }
}

pub fn emergency(e: EmergencyKind) -> Key {
    match e {
        EmergencyKind::Illness => Key::EmIllness,
        EmergencyKind::Accident => Key::EmAccident,
        EmergencyKind::Fire => Key::EmFire,
        EmergencyKind::Disaster => Key::EmDisaster,
        EmergencyKind::Other => Key::EmOther,
    }
}

/// How a standard reads on the result page, with its value in `{value}`.
pub fn figure(k: StandardKey) -> Key {
    use StandardKey::*;
    match k {
        MinimumLivingYuan => Key::FigureMinimumLiving,
        MarginPercent => Key::FigureMarginPercent,
        AssetLimitMonths => Key::FigureAssetLimitMonths,
        ExtremePovertyElderlyAge => Key::FigureElderlyAge,
        ExtremePovertyMinorAge => Key::FigureMinorAge,
        SevereDisabilityMaxLevel => Key::FigureSevereLevel,
        ElderlyAllowanceAge => Key::FigureAllowanceAge,
        ElderlyAllowanceYuan => Key::FigureAllowanceAmount,
        DisabilityLivingSubsidyYuan => Key::FigureDisabilitySubsidy,
        SevereDisabilityNursingYuan => Key::FigureNursingSubsidy,
        TemporaryAssistanceMaxYuan => Key::FigureTemporaryMax,
        PublicNoticeDays
        | CommunityAcceptanceDays
        | HomeVisitDays
        | StreetReviewDays
        | DistrictApprovalDays
        | PaymentDays
        | DocumentsRequestDays => Key::FigureDeadline,
    }
}
