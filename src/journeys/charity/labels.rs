//! Codes from the server → this journey's words, and money/date formatting for display.

use super::i18n::Key;
use baoan_contract::charity::{
    format_yuan, Category, Counterparty, DisclosureBadge, FounderType, Frequency, GiftStatus, LedgerKind, ProjectSort,
    ProjectStatus,
};

pub fn category(c: Category) -> Key {
    match c {
        Category::Medical => Key::CatMedical,
        Category::Education => Key::CatEducation,
        Category::Elderly => Key::CatElderly,
        Category::Poverty => Key::CatPoverty,
        Category::Emergency => Key::CatEmergency,
        Category::Community => Key::CatCommunity,
    }
}

pub fn status(s: ProjectStatus) -> Key {
    match s {
        ProjectStatus::Fundraising => Key::StatusFundraising,
        ProjectStatus::Finished => Key::StatusFinished,
    }
}

pub fn sort(s: ProjectSort) -> Key {
    match s {
        ProjectSort::Newest => Key::SortNewest,
        ProjectSort::NearlyFunded => Key::SortNearlyFunded,
        ProjectSort::MostDonors => Key::SortMostDonors,
        ProjectSort::EndingSoon => Key::SortEndingSoon,
    }
}

pub fn counterparty(c: Counterparty) -> Key {
    match c {
        Counterparty::PublicDonors => Key::CpPublicDonors,
        Counterparty::Enterprise => Key::CpEnterprise,
        Counterparty::Fund => Key::CpFund,
        Counterparty::Hospital => Key::CpHospital,
        Counterparty::School => Key::CpSchool,
        Counterparty::Supplier => Key::CpSupplier,
        Counterparty::Beneficiaries => Key::CpBeneficiaries,
        Counterparty::Operations => Key::CpOperations,
    }
}

pub fn kind(k: LedgerKind) -> Key {
    match k {
        LedgerKind::Income => Key::Income,
        LedgerKind::Expense => Key::Expense,
    }
}

pub fn founder(f: FounderType) -> Key {
    match f {
        FounderType::Enterprise => Key::FounderEnterprise,
        FounderType::Family => Key::FounderFamily,
        FounderType::Individual => Key::FounderIndividual,
    }
}

pub fn frequency(f: Frequency) -> Key {
    match f {
        Frequency::Once => Key::FrequencyOnce,
        Frequency::Monthly => Key::FrequencyMonthly,
    }
}

pub fn gift_status(s: GiftStatus) -> Key {
    match s {
        GiftStatus::Pending => Key::StatusPending,
        GiftStatus::Paid => Key::StatusPaid,
    }
}

/// The badge's words and its number of days (if any); the state is in the words, not the colour.
pub fn badge(b: DisclosureBadge) -> (Key, Option<i64>) {
    match b {
        DisclosureBadge::OnTime { .. } => (Key::BadgeOnTime, None),
        DisclosureBadge::DueIn { days, .. } => (Key::BadgeDueIn, Some(days)),
        DisclosureBadge::Overdue { days, .. } => (Key::BadgeOverdue, Some(days)),
    }
}

/// "¥1,234.56"
pub fn yuan(fen: i64) -> String {
    format!("¥{}", format_yuan(fen))
}

/// Whole yuan with separators (for summary figures and chart labels): "¥1,235".
pub fn yuan_whole(fen: i64) -> String {
    let s = format_yuan((fen + 50) / 100 * 100);
    format!("¥{}", s.trim_end_matches(".00"))
}
