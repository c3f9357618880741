//! This journey's own strings, in the three languages: `zh-Hans.json`, `zh-Hant.json` and
//! `en.json` beside this file (see `crate::i18n` for the mechanism).

use crate::i18n::{JourneyStrings, Msg};
use baoan_contract::api::MessageEvent;
use baoan_contract::error::FieldError;

crate::string_table!("journeys/charity/i18n");

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
pub fn event_message(event: MessageEvent) -> Option<Msg> {
    let key = match event {
        MessageEvent::CharityGiftPaid => Key::GiftPaidEvent,
        MessageEvent::CharityPledgeCharged => Key::PledgeChargedEvent,
        MessageEvent::CharityPledgeDue => Key::PledgeDueEvent,
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
