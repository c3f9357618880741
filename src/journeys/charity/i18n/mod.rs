//! This journey's own strings, in the three languages (see `crate::i18n` for the mechanism).

mod en;
mod zh_hans;
mod zh_hant;

use crate::i18n::{JourneyStrings, Lang, Msg};
use baoan_contract::error::FieldError;

crate::keys! {
    MineHeading, MineEmpty, MineBrowse, FeAmountFormat, FeAmountNotPositive, FeAmountTooLarge, FeMessageTooLong, FeMessageCharacters,
    FeDonorName, ListTitle, ListLead, NavFunds, NavDistrict, SearchLabel, SearchButton, FilterStatus,
    FilterCategory, FilterOrganiser, FilterFund, FilterAll, SortLabel, SortNewest, SortNearlyFunded, SortMostDonors,
    SortEndingSoon, StatusFundraising, StatusFinished, CatMedical, CatEducation, CatElderly, CatPoverty, CatEmergency,
    CatCommunity, ResultsCount, NoResults, PagePrev, PageNext, PageOf, PageWord, PageNav,
    RegistrationNo, Target, Raised, Donors, DaysLeft, Ended, ProgressLabel, Organiser,
    Qualification, Description, Budget, BudgetItem, Amount, Updates, Ledger, LedgerDate,
    LedgerKind, LedgerPurpose, LedgerCounterparty, LedgerReceipt, LedgerBalance, LedgerEmpty, Income, Expense,
    ChartTitle, ChartEmpty, CpPublicDonors, CpEnterprise, CpFund, CpHospital, CpSchool, CpSupplier,
    CpBeneficiaries, CpOperations, Disclosures, BadgeOnTime, BadgeDueIn, BadgeOverdue, Days, NextDue,
    RecentGifts, Anonymous, ShareLink, GiveButton, ProjectFinishedNote, BackToList, FundsTitle, FundsLead,
    FundSearchLabel, FundSortName, FundSortRaised, FounderType, FounderEnterprise, FounderFamily, FounderIndividual,
    Founded, Principal, TotalRaised, TotalSpent, ProjectsSupported, FundProjects, AnnualReports, ReportIncome,
    ReportExpense, NoFunds, DistrictTitle, RaisedThisYear, FundsCount, ProjectsCount, DonorsCount, ByCategory,
    GiveTitle, GiveTo, AmountLegend, AmountOther, AmountCustomLabel, AmountCustomHint, NameLegend, Named,
    AnonymousChoice, DonorNameLabel, DonorNameHint, MessageLabel, MessageHint, FrequencyLegend, FrequencyOnce, FrequencyMonthly,
    Continue, Working, PayTitle, SandboxNotice, OrderId, Project, Frequency, ShownAs,
    Message, PayButton, ChangeGift, AlreadyPaid, ReceiptTitle, ReceiptThanks, ReceiptNo, Donor,
    Date, PrintReceipt, WhatNext, WhatNextBody, MonthlyNote, ReceiptPending, ViewReceipt, LatestUpdate,
    StatusPending, StatusPaid, GiftPaidEvent, Yuan,
    Photos, PledgesHeading, PledgeActive, PledgeCancelled, PledgePerMonth, PledgeStarted, PledgeLastMonth, CancelPledge, PledgeCancelledNote, PledgeCancelError, PledgeChargedEvent, FundSortNewest, FundSortProjects, FundResultsCount, Colon,
}

fn text(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::ZhHans => zh_hans::text(key),
        Lang::ZhHant => zh_hant::text(key),
        Lang::En => en::text(key),
    }
}

/// The messages of this journey's own field errors (the shared ones are in src/i18n).
pub fn field_error(e: FieldError) -> Option<Msg> {
    Some(match e {
        FieldError::CharityAmountFormat => Key::FeAmountFormat.into(),
        FieldError::CharityAmountNotPositive => Key::FeAmountNotPositive.into(),
        FieldError::CharityAmountTooLarge => Key::FeAmountTooLarge.into(),
        FieldError::CharityMessageTooLong => Key::FeMessageTooLong.into(),
        FieldError::CharityMessageCharacters => Key::FeMessageCharacters.into(),
        FieldError::CharityDonorName => Key::FeDonorName.into(),
        _ => return None,
    })
}

/// This journey's strings for the shared message lookups (registered by its bundles).
pub const STRINGS: JourneyStrings = JourneyStrings { field_error, event_message };

/// The message-centre text for one of this journey's events (`charity.…`), if it is one.
pub fn event_message(event: &str) -> Option<Msg> {
    match event {
        "charity.gift_paid" => Some(Key::GiftPaidEvent.into()),
        "charity.pledge_charged" => Some(Key::PledgeChargedEvent.into()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_key_has_text_in_every_language() {
        crate::i18n::tests::assert_table_complete(super::Key::ALL);
    }
}
