//! The names of the standards' figures: the wire name of each field of [`super::Standards`], the
//! range a rule can use, and which figures each programme's rule reads (what the result page
//! shows beside an outcome).

use crate::assistance::eligibility::Programme;
use serde::{Deserialize, Serialize};
use std::ops::RangeInclusive;

/// The figures, each once: its key and its field in [`super::Standards`]. The macro writes the
/// enum, [`StandardKey::ALL`], the wire name (the field's name, which serde's snake_case gives
/// the variant too) and the read of the field, so a new figure is one line here.
macro_rules! standard_keys {
    ($($key:ident => $field:ident),* $(,)?) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        #[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum StandardKey {
            $($key,)*
        }

        impl StandardKey {
            pub const ALL: [StandardKey; [$(stringify!($key)),*].len()] = [$(StandardKey::$key),*];

            /// The field's name in `Standards` (and the key of its source and of its database row).
            pub fn code(self) -> &'static str {
                match self {
                    $(StandardKey::$key => stringify!($field),)*
                }
            }

            /// The figure's value in `s` (every field widened to i64).
            pub(super) fn read(self, s: &super::Standards) -> i64 {
                match self {
                    $(StandardKey::$key => i64::from(s.$field),)*
                }
            }
        }
    };
}

standard_keys! {
    MinimumLivingYuan => minimum_living_yuan,
    MarginPercent => margin_percent,
    AssetLimitMonths => asset_limit_months,
    ExtremePovertyElderlyAge => extreme_poverty_elderly_age,
    ExtremePovertyMinorAge => extreme_poverty_minor_age,
    SevereDisabilityMaxLevel => severe_disability_max_level,
    ElderlyAllowanceAge => elderly_allowance_age,
    ElderlyAllowanceYuan => elderly_allowance_yuan,
    DisabilityLivingSubsidyYuan => disability_living_subsidy_yuan,
    SevereDisabilityNursingYuan => severe_disability_nursing_yuan,
    TemporaryAssistanceMaxYuan => temporary_assistance_max_yuan,
    PublicNoticeDays => public_notice_days,
    CommunityAcceptanceDays => community_acceptance_days,
    HomeVisitDays => home_visit_days,
    StreetReviewDays => street_review_days,
    DistrictApprovalDays => district_approval_days,
    PaymentDays => payment_days,
    DocumentsRequestDays => documents_request_days,
}

impl StandardKey {
    pub fn from_code(code: &str) -> Option<StandardKey> {
        StandardKey::ALL.into_iter().find(|k| k.code() == code)
    }

    /// The values a rule can work with. Wide on purpose (the district decides the figure), but
    /// narrow enough to catch a typo: a standard in fen instead of yuan, a negative amount, a
    /// deadline of 0 days, a "margin" below the standard itself.
    pub fn range(self) -> RangeInclusive<i64> {
        use StandardKey::*;
        match self {
            MinimumLivingYuan => 1..=100_000,
            MarginPercent => 100..=500,
            AssetLimitMonths => 0..=240,
            ExtremePovertyElderlyAge | ElderlyAllowanceAge => 40..=120,
            ExtremePovertyMinorAge => 1..=25,
            SevereDisabilityMaxLevel => 1..=4,
            ElderlyAllowanceYuan | DisabilityLivingSubsidyYuan | SevereDisabilityNursingYuan => 0..=100_000,
            TemporaryAssistanceMaxYuan => 0..=10_000_000,
            PublicNoticeDays
            | CommunityAcceptanceDays
            | HomeVisitDays
            | StreetReviewDays
            | DistrictApprovalDays
            | PaymentDays
            | DocumentsRequestDays => 1..=365,
        }
    }

    /// The figures a programme's rule reads or its result states (the deadlines are shown on
    /// the application's status page, not here).
    pub fn used_by(programme: Programme) -> &'static [StandardKey] {
        use StandardKey::*;
        match programme {
            Programme::MinimumLiving => &[MinimumLivingYuan, AssetLimitMonths],
            Programme::LowIncomeMargin => &[MinimumLivingYuan, MarginPercent, AssetLimitMonths],
            Programme::ExtremePoverty => {
                &[MinimumLivingYuan, ExtremePovertyElderlyAge, ExtremePovertyMinorAge, SevereDisabilityMaxLevel]
            }
            Programme::Temporary => &[TemporaryAssistanceMaxYuan],
            Programme::ExpenditurePoverty => &[],
            Programme::DisabilityLiving => &[MinimumLivingYuan, MarginPercent, DisabilityLivingSubsidyYuan],
            Programme::SevereDisabilityNursing => &[SevereDisabilityMaxLevel, SevereDisabilityNursingYuan],
            Programme::ElderlyAllowance => &[ElderlyAllowanceAge, ElderlyAllowanceYuan],
        }
    }
}
