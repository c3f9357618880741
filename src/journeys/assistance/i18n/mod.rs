//! This journey's own strings, in the three languages (see `crate::i18n` for the mechanism).

mod en;
mod zh_hans;
mod zh_hant;

use crate::i18n::{Lang, Msg};

crate::keys! {
    MineHeading, MineEmpty, FeAmount, FeTextTooLong, FeUnknownCommunity, FeTooManyMembers, FeDisabilityLevel, FeDate,
    FeDateInFuture, FeBankAccount, FeDocumentMissing, FeUnknownUpload, FeConsentMissing, FeConsentName, FeHousehold, EvSubmitted,
    EvDocumentsRequested, EvDocumentsReceived, EvApproved, EvRefused, EvWithdrawn, EvPaid, EvHomeVisit, EvPublicNotice,
    EvStreetReview, EvDistrictApproval,
}

fn text(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::ZhHans => zh_hans::text(key),
        Lang::ZhHant => zh_hant::text(key),
        Lang::En => en::text(key),
    }
}

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
        for event in ["assistance.submitted", "assistance.documents_requested", "assistance.documents_received",
                      "assistance.approved", "assistance.refused", "assistance.withdrawn", "assistance.paid",
                      "assistance.stage.home_visit", "assistance.stage.public_notice", "assistance.stage.street_review",
                      "assistance.stage.district_approval"] {
            assert!(super::event_message(event).is_some(), "{event}");
        }
    }
}
