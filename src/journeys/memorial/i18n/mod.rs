//! This journey's own strings, in the three languages: `zh-Hans.json`, `zh-Hant.json` and
//! `en.json` beside this file (see `crate::i18n` for the mechanism).

use crate::i18n::{JourneyStrings, Msg};
use baoan_contract::api::MessageEvent;
use baoan_contract::error::FieldError;

crate::string_table!("journeys/memorial/i18n");

/// The messages of this journey's own field errors (the shared ones are in src/i18n).
pub fn field_error(e: FieldError) -> Option<Msg> {
    Some(match e {
        FieldError::MemorialGroupSize => Key::FeGroupSize.into(),
        FieldError::MemorialPlate => Key::FePlate.into(),
        FieldError::MemorialBeforeWindow => Key::FeBeforeWindow.into(),
        FieldError::MemorialAfterWindow => Key::FeAfterWindow.into(),
        FieldError::MemorialTooFarAhead => Key::FeTooFarAhead.into(),
        FieldError::MemorialDayPassed => Key::FeDayPassed.into(),
        FieldError::MemorialServiceClosed => Key::FeServiceClosed.into(),
        FieldError::MemorialSlotFull => Key::FeSlotFull.into(),
        FieldError::MemorialSlotOver => Key::FeSlotOver.into(),
        FieldError::MemorialOnePerDay => Key::FeOnePerDay.into(),
        FieldError::MemorialGrave => Key::FeGrave.into(),
        FieldError::MemorialCertificateFormat => Key::FeCertificateFormat.into(),
        FieldError::MemorialCertificateUnknown => Key::FeCertificateUnknown.into(),
        FieldError::MemorialTextTooLong => Key::FeTextTooLong.into(),
        FieldError::MemorialTextCharacters => Key::FeTextCharacters.into(),
        FieldError::MemorialDates => Key::FeDates.into(),
        FieldError::MemorialServices => Key::FeServices.into(),
        FieldError::MemorialNoProxyService => Key::FeNoProxyService.into(),
        FieldError::MemorialVisitorIncomplete => Key::FeVisitorIncomplete.into(),
        FieldError::MemorialRelation => Key::FeRelation.into(),
        FieldError::MemorialReportAction => Key::FeReportAction.into(),
        FieldError::MemorialReportMessage => Key::FeReportMessage.into(),
        _ => return None,
    })
}

/// This journey's strings for the shared message lookups (registered by its bundles).
pub const STRINGS: JourneyStrings = JourneyStrings { field_error, event_message };

/// The message-centre text for one of this journey's events (`memorial.…`), if it is one.
pub fn event_message(event: MessageEvent) -> Option<Msg> {
    let key = match event {
        MessageEvent::MemorialReminderOn => Key::EventReminderOn,
        MessageEvent::MemorialProxyDone => Key::EventProxyDone,
        MessageEvent::MemorialAnniversary => Key::EventAnniversary,
        MessageEvent::MemorialQingming => Key::EventQingming,
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
