//! This journey's own strings, in the three languages (see `crate::i18n` for the mechanism).

mod en;
mod zh_hans;
mod zh_hant;

use crate::i18n::{JourneyStrings, Lang, Msg};
use baoan_contract::error::FieldError;

crate::keys! {
    MineHeading, MineEmpty, FeAmount, FeTextTooLong, FeUnknownCommunity, FeTooManyMembers, FeDisabilityLevel, FeDate,
    FeDateInFuture, FeBankAccount, FeDocumentMissing, FeUnknownUpload, FeConsentMissing, FeConsentName, FeHousehold, EvSubmitted,
    EvDocumentsRequested, EvDocumentsReceived, EvApproved, EvRefused, EvWithdrawn, EvPaid, EvHomeVisit, EvPublicNotice,
    EvStreetReview, EvDistrictApproval, AddMember, AddressLabel, AgeOther, AgeYou, AmountHint, AmountYuan,
    ApplicationTitle, ApplyFor, Assets, AutosaveHint, Back, BankAccount, BankAccountHint, BankHolder,
    BankHolderHint, BankName, Change, CheckAnswers, CheckTitle, ChooseFile, ChooseOne, ChooseProgrammeFirst,
    CommunityLabel, ConfirmationTitle, ConsentExplained, ConsentFor, ConsentMinors, ConsentTypeName, Continue, ContinueApplication,
    Declaration, DeclarationTitle, Dis1, Dis2, Dis3, Dis4, DisNone, DocBankCard,
    DocDisabilityCertificate, DocEmergencyProof, DocHukouBook, DocIdCards, DocIncomeProof, DocMedicalBills, DocOther, DocResidencePermit,
    DocumentsHint, Done, DoneOn, DueBy, EmAccident, EmDisaster, EmFire, EmIllness,
    EmNone, EmOther, FileHint, FinishTasksFirst, HealthHint, HealthLabel, IdLabel, InProgress,
    IncOther, IncPension, IncProperty, IncRent, IncSalary, IncSavings, IncVehicles, MayFollowLater,
    MemberIncome, MemberTitle, MembersHint, MissingDocuments, MonthlyIncome, NextStepBy, No, NotStarted,
    NowHere, PeopleCount, PgDisabilityLiving, PgElderlyAllowance, PgExpenditurePoverty, PgExtremePoverty, PgLowIncomeMargin, PgMinimumLiving,
    PgSevereDisabilityNursing, PgTemporary, PhoneLabel, PrintSummary, ProgrammeLabel, QAges, QAgesHint, QAssets,
    QAssetsHint, QDisability, QDisabilityHint, QEmergency, QEmergencyHere, QIncome, QIncomeHint, QMedical,
    QMedicalHint, QResidence, QSize, QSizeHint, QSupporter, QSupporterHint, QuestionOf, ReferenceLabel,
    RefusedBecause, RelChild, RelGrandchild, RelGrandparent, RelOther, RelParent, RelSibling, RelSpouse,
    RelationLabel, Remove, Required, ResElsewhere, ResHukou, ResPermit, ResultIncomplete, ResultLead,
    ResultNone, ResultOthers, ResultTitle, RsAssetsAboveLimit, RsDisabledInHardship, RsEmergencyElsewhere, RsEmergencyInBaoan, RsEmergencyWhileRegisteredHere,
    RsHasSupporter, RsIncomeAboveMargin, RsIncomeAtOrAboveStandard, RsIncomeBelowStandard, RsIncomeWithinMargin, RsMedicalBillsExceedIncome, RsMedicalBillsWithinIncome, RsMemberAtElderlyAge,
    RsNoDisabledMember, RsNoEmergency, RsNoMemberAtElderlyAge, RsNoSevereDisability, RsNoSupporterAndVulnerable, RsNoVulnerableMember, RsNotBaoanHukou, RsNotBaoanResident,
    RsSevereDisability, SaveContinue, SendBy, SsApproved, SsAwaitingDocuments, SsInReview, SsPaid, SsRefused,
    SsWithdrawn, StCommunityAcceptance, StDistrictApproval, StHomeVisit, StPayment, StPublicNotice, StStreetReview, StartCheck,
    StartLead, StartPoint1, StartPoint2, StartPoint3, StreetLabel, Submit, SubmitKept, Submitting,
    TaskApplicant, TaskBank, TaskConsent, TaskDocuments, TaskEvent, TaskIncome, TaskListTitle, TaskMembers,
    TodoDocuments, TotalAssets, TotalMonthly, TryAgain, UnnamedMember, Uploading, WhatNext, WhatToPrepare,
    Withdraw, WithdrawConfirm, WithdrawSure, WkEmployed, WkPreschool, WkRetired, WkStudent, WkUnableToWork,
    WkUnemployed, WorkLabel, Yes, Yuan, EventKind, EventDate, EventDateHint, EventPlace,
    EventDescription, EventExpenses, BirthDateLabel, BirthDateHint,
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
        FieldError::AssistanceAmount => Key::FeAmount.into(),
        FieldError::AssistanceTextTooLong => Key::FeTextTooLong.into(),
        FieldError::AssistanceUnknownCommunity => Key::FeUnknownCommunity.into(),
        FieldError::AssistanceTooManyMembers => Key::FeTooManyMembers.into(),
        FieldError::AssistanceDisabilityLevel => Key::FeDisabilityLevel.into(),
        FieldError::AssistanceDate => Key::FeDate.into(),
        FieldError::AssistanceDateInFuture => Key::FeDateInFuture.into(),
        FieldError::AssistanceBankAccount => Key::FeBankAccount.into(),
        FieldError::AssistanceDocumentMissing => Key::FeDocumentMissing.into(),
        FieldError::AssistanceUnknownUpload => Key::FeUnknownUpload.into(),
        FieldError::AssistanceConsentMissing => Key::FeConsentMissing.into(),
        FieldError::AssistanceConsentName => Key::FeConsentName.into(),
        FieldError::AssistanceHousehold => Key::FeHousehold.into(),
        _ => return None,
    })
}

/// This journey's strings for the shared message lookups (registered by its bundles).
pub const STRINGS: JourneyStrings = JourneyStrings { field_error, event_message };

/// The message-centre text for one of this journey's events (`assistance.…`), if it is one.
pub fn event_message(event: &str) -> Option<Msg> {
    let key = match event {
        "assistance.submitted" => Key::EvSubmitted,
        "assistance.documents_requested" => Key::EvDocumentsRequested,
        "assistance.documents_received" => Key::EvDocumentsReceived,
        "assistance.approved" => Key::EvApproved,
        "assistance.refused" => Key::EvRefused,
        "assistance.withdrawn" => Key::EvWithdrawn,
        "assistance.paid" => Key::EvPaid,
        "assistance.stage.home_visit" => Key::EvHomeVisit,
        "assistance.stage.public_notice" => Key::EvPublicNotice,
        "assistance.stage.street_review" => Key::EvStreetReview,
        "assistance.stage.district_approval" => Key::EvDistrictApproval,
        _ => return None,
    };
    Some(key.into())
}

#[cfg(test)]
mod tests {
    #[test]
    fn every_key_has_text_in_every_language() {
        crate::i18n::tests::assert_table_complete(super::Key::ALL);
    }

    #[test]
    fn every_event_the_server_sends_has_a_message() {
        for event in [
            "assistance.submitted",
            "assistance.documents_requested",
            "assistance.documents_received",
            "assistance.approved",
            "assistance.refused",
            "assistance.withdrawn",
            "assistance.paid",
            "assistance.stage.home_visit",
            "assistance.stage.public_notice",
            "assistance.stage.street_review",
            "assistance.stage.district_approval",
        ] {
            assert!(super::event_message(event).is_some(), "{event}");
        }
    }
}
