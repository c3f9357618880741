//! This journey's own strings, in the three languages: `zh-Hans.json`, `zh-Hant.json` and
//! `en.json` beside this file (see `crate::i18n` for the mechanism).

use crate::i18n::{JourneyStrings, Msg};
use baoan_contract::api::MessageEvent;
use baoan_contract::error::FieldError;

crate::string_table!("journeys/assistance/i18n");

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
pub fn event_message(event: MessageEvent) -> Option<Msg> {
    let key = match event {
        MessageEvent::AssistanceSubmitted => Key::EvSubmitted,
        MessageEvent::AssistanceDocumentsRequested => Key::EvDocumentsRequested,
        MessageEvent::AssistanceDocumentsReceived => Key::EvDocumentsReceived,
        MessageEvent::AssistanceApproved => Key::EvApproved,
        MessageEvent::AssistanceRefused => Key::EvRefused,
        MessageEvent::AssistanceWithdrawn => Key::EvWithdrawn,
        MessageEvent::AssistancePaid => Key::EvPaid,
        MessageEvent::AssistanceHomeVisit => Key::EvHomeVisit,
        MessageEvent::AssistancePublicNotice => Key::EvPublicNotice,
        MessageEvent::AssistanceStreetReview => Key::EvStreetReview,
        MessageEvent::AssistanceDistrictApproval => Key::EvDistrictApproval,
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
}
