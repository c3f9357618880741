//! English.

use super::Key::{self, *};

pub fn text(key: Key) -> &'static str {
    match key {
        MineHeading => "My assistance applications",
        MineEmpty => "No social-assistance applications yet.",
        FeAmount => "Enter an amount in whole yuan, 0 or more, without decimals or symbols",
        FeTextTooLong => "This is too long: use 500 characters or fewer",
        FeUnknownCommunity => "Choose a community of the selected street from the list",
        FeTooManyMembers => "One application can list at most 15 household members",
        FeDisabilityLevel => "Choose a disability level from 1 to 4, or none",
        FeDate => "Enter a real date, for example 2026-05-20",
        FeDateInFuture => "The date cannot be after today",
        FeBankAccount => "A bank account number has 12 to 25 digits",
        FeDocumentMissing => "Upload this required document",
        FeUnknownUpload => "We could not find this file: upload it again",
        FeConsentMissing => "This household member must type their name to authorise the check",
        FeConsentName => "The name typed does not match this member's name",
        FeHousehold => "Enter 1 to 16 people, each aged 0 to 130",
        EvSubmitted => "We have your social-assistance application; the community will accept it by the deadline",
        EvDocumentsRequested => "More documents are needed: upload them by the deadline",
        EvDocumentsReceived => "We have the extra documents; the review continues",
        EvApproved => "The district has approved your application; payment will be made by the deadline",
        EvRefused => "Your application was not approved: see the reason",
        EvWithdrawn => "You withdrew your application",
        EvPaid => "The payment has been made",
        EvHomeVisit => "The community has accepted it; a home visit comes next",
        EvPublicNotice => "The home visit is done; public review and notice (7 days) follows",
        EvStreetReview => "The public notice has ended; the street is reviewing it",
        EvDistrictApproval => "The street has reviewed it; the district civil-affairs bureau decides next",
    }
}
