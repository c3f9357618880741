//! The staff pages' own strings, in the three languages: `zh-Hans.json`, `zh-Hant.json` and
//! `en.json` beside this file (see `crate::i18n` for the mechanism). The staff field errors'
//! messages live here, so the residents' bundles do not carry them.

use crate::i18n::{JourneyStrings, Msg};
use baoan_contract::api::MessageEvent;
use baoan_contract::error::FieldError;

crate::string_table!("staff/i18n");

/// The messages of the staff field errors.
pub fn field_error(e: FieldError) -> Option<Msg> {
    Some(match e {
        FieldError::StaffLogin => Key::FeStaffLogin.into(),
        FieldError::StaffPassword => Key::FeStaffPassword.into(),
        FieldError::StaffPlace => Key::FeStaffPlace.into(),
        FieldError::StaffSignIn => Key::FeStaffSignIn.into(),
        FieldError::StaffReason => Key::FeStaffReason.into(),
        _ => return None,
    })
}

/// Staff receive no message-centre events.
fn event_message(_: MessageEvent) -> Option<Msg> {
    None
}

/// The staff strings for the shared message lookups (registered by the staff bundle).
pub const STRINGS: JourneyStrings = JourneyStrings { field_error, event_message };

#[cfg(test)]
mod tests {
    #[test]
    fn every_key_has_text_in_every_language() {
        crate::i18n::tests::assert_table_complete(super::Key::ALL);
    }
}
