//! This journey's own strings, in the three languages: `zh-Hans.json`, `zh-Hant.json` and
//! `en.json` beside this file (see `crate::i18n` for the mechanism).

use crate::i18n::{JourneyStrings, Msg};
use baoan_contract::api::MessageEvent;
use baoan_contract::error::FieldError;

crate::string_table!("journeys/marriage/i18n");

/// The messages of this journey's own field errors (the shared ones are in src/i18n).
pub fn field_error(e: FieldError) -> Option<Msg> {
    Some(match e {
        FieldError::MarriageUnderAge => Key::FeUnderAge.into(),
        FieldError::MarriageSamePerson => Key::FeSamePerson.into(),
        FieldError::MarriageSlotFull => Key::FeSlotFull.into(),
        FieldError::MarriageSlotUnavailable => Key::FeSlotUnavailable.into(),
        FieldError::MarriageAlreadyBooked => Key::FeAlreadyBooked.into(),
        FieldError::MarriageBirthDate => Key::FeBirthDate.into(),
        FieldError::MarriageSecondVisitTooEarly => Key::FeSecondVisitTooEarly.into(),
        FieldError::MarriageSecondVisitWindowMissed => Key::FeSecondVisitMissed.into(),
        FieldError::MarriageProfileIdentityMissing => Key::FeProfileIdentityMissing.into(),
        FieldError::MarriageNotYourDocument => Key::FeNotYourDocument.into(),
        FieldError::MarriagePartnerOwnPhone => Key::FePartnerOwnPhone.into(),
        FieldError::MarriageAccountHasBooking => Key::FeAccountHasBooking.into(),
        _ => return None,
    })
}

/// This journey's strings for the shared message lookups (registered by its bundles).
pub const STRINGS: JourneyStrings = JourneyStrings { field_error, event_message };

/// The message-centre text for one of this journey's events (`marriage.…`), if it is one.
pub fn event_message(event: MessageEvent) -> Option<Msg> {
    let key = match event {
        MessageEvent::MarriageAwaitingPartner => Key::EvAwaiting,
        MessageEvent::MarriageConfirmed => Key::EvConfirmed,
        MessageEvent::MarriageCancelled => Key::EvCancelled,
        MessageEvent::MarriageExpired => Key::EvExpired,
        MessageEvent::MarriageRescheduled => Key::EvRescheduled,
        MessageEvent::MarriageWithdrawn => Key::EvWithdrawn,
        MessageEvent::MarriagePartnerRequest => Key::EvPartnerRequest,
        MessageEvent::MarriageDeclined => Key::EvDeclined,
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
    fn places_left_says_one_place_and_two_places() {
        use crate::i18n::{fill, Lang, Msg};
        let left = |lang, n: i64| fill(Msg::from(super::Key::PlacesLeft).plural(lang, n), &[("n", &n.to_string())]);
        assert_eq!(left(Lang::En, 1), "1 place left");
        assert_eq!(left(Lang::En, 2), "2 places left");
        assert_eq!(left(Lang::ZhHant, 1), "剩餘 1 個名額");
    }
}
