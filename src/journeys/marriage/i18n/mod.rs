//! This journey's own strings, in the three languages (see `crate::i18n` for the mechanism).

mod en;
mod zh_hans;
mod zh_hant;

use crate::i18n::{JourneyStrings, Lang, Msg};
use baoan_contract::error::FieldError;

crate::keys! {
    Title, Intro, KindQuestion, KindMarriage, KindDivorce, KindReplacement, Continue, MyBookingsLink, OfficeTitle, OfficeHint, Phone, OfficePhone, MapLink, ChooseOffice, DayTitle, DayHint, PlacesLeft, DayFull, DayClosed, BusyWarning, BusyNearest, SlotTitle, SlotFull, PartiesTitle, PartyA, PartyB, PartnerCodeHint, DerivedFromId, Male, Female, BirthDate, BirthDateHint, Sex, Nationality, NationalityHint, ExtrasTitle, Ceremony, CeremonyHint, Counselling, CounsellingHint, NoThanks, BringTitle, BringResidentId, BringHkMacau, BringTaiwan, BringForeign, BringJointPhotos, BringCertificates, BringAgreement, BringReplacementPhotos, BringReceipt, CheckTitle, Change, WhenLabel, CheckDeclaration, Submit, Submitting, SlotTakenTitle, SlotTakenBody, BookingTitle, ConfirmedTitle, Reference, CheckInTitle, QrLabel, AddToCalendar, Print, NextTitle, NextBody, AwaitingBody, ConfirmButton, DivorceTitle, DivorceBefore, DivorceCooling, DivorceWindow, DivorceMissed, CancelBooking, StatusAwaiting, StatusConfirmed, StatusCancelled, StatusExpired, MineHeading, MineEmpty, BookNow, Mon, Tue, Wed, Thu, Fri, Sat, Sun, FeUnderAge, FeSamePerson, FeSlotFull, FeSlotUnavailable, FeAlreadyBooked, FeBirthDate, EvAwaiting, EvConfirmed, EvCancelled, EvExpired, EvRescheduled, ListSeparator, OfficeLabel, DivorceWindowTitle, DivorceMissedTitle, KindDivorceSecond, SecondVisitButton, SecondVisitTitle, SecondVisitHint, SecondVisitSubmit, FirstVisitRef, SecondVisitRef, WithdrawTitle, WithdrawBody, WithdrawButton, EvWithdrawn, FeSecondVisitTooEarly, FeSecondVisitMissed, RescheduleTitle, RescheduleLink, CurrentTime, ChooseAnotherDay, ChooseAnotherTime, RescheduleConfirmTitle, NewTime, RescheduleButton, RescheduleExtrasNote, MovedNotice, OutsideWindow,
    OwnIdentityHint, OwnIdentityChange, OwnIdentityNeeded, OwnIdentitySave, PartyADetails, PartnerPhone, PartnerPhoneHint, StatusDeclined, PartnerAsk, PartnerAskTitle, DeclineButton, FeProfileIdentityMissing, FeNotYourDocument, FePartnerOwnPhone, FeAccountHasBooking, EvPartnerRequest, EvDeclined, MineAwaitingYou,
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
pub fn event_message(event: &str) -> Option<Msg> {
    let key = match event {
        "marriage.awaiting_partner" => Key::EvAwaiting,
        "marriage.confirmed" => Key::EvConfirmed,
        "marriage.cancelled" => Key::EvCancelled,
        "marriage.expired" => Key::EvExpired,
        "marriage.rescheduled" => Key::EvRescheduled,
        "marriage.withdrawn" => Key::EvWithdrawn,
        "marriage.partner_request" => Key::EvPartnerRequest,
        "marriage.declined" => Key::EvDeclined,
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
