//! This journey's own strings, in the three languages (see `crate::i18n` for the mechanism).

mod en;
mod zh_hans;
mod zh_hant;

use crate::i18n::{JourneyStrings, Lang, Msg};
use baoan_contract::error::FieldError;

crate::keys! {
    MineHeading,
    MineEmpty,
    FeGroupSize,
    FePlate,
    FeBeforeWindow,
    FeAfterWindow,
    FeTooFarAhead,
    FeDayPassed,
    FeServiceClosed,
    FeSlotFull,
    FeOnePerDay,
    FeGrave,
    FeCertificateFormat,
    FeCertificateUnknown,
    FeTextTooLong,
    FeTextCharacters,
    FeDates,
    FeServices,
    StartTitle,
    StartLead,
    BookTitle,
    BookLead,
    MemorialsTitle,
    InfoTitle,
    MapLink,
    ChooseDay,
    ChooseSlot,
    NoDays,
    PlacesLeft,
    Full,
    CrowdLabel,
    KindQingming,
    KindWinterSolstice,
    KindOther,
    DetailsTitle,
    GroupSizeLabel,
    GroupSizeHint,
    PlateLabel,
    PlateHint,
    DeceasedLabel,
    GraveArea,
    GraveRow,
    GraveNumber,
    VisitorLabel,
    VisitorHint,
    Continue,
    CheckTitle,
    Cemetery,
    Day,
    Time,
    Plate,
    NoCar,
    Grave,
    Visitor,
    Change,
    ConfirmBooking,
    Booking,
    ConfirmedTitle,
    Reference,
    QrLabel,
    QrKept,
    NextSteps,
    AddToCalendar,
    Print,
    Cancel,
    Cancelled,
    OfflineCopy,
    People,
    MyBookings,
    MyMemorials,
    CreateMemorial,
    CreateLead,
    BornLabel,
    DiedLabel,
    DateHint,
    BiographyLabel,
    Create,
    Private,
    Public,
    Flowers,
    Candles,
    FlowersCount,
    CandlesCount,
    OfferingsFree,
    Messages,
    NoMessages,
    MessageLabel,
    MessageHint,
    Send,
    Hide,
    Delete,
    Hidden,
    Report,
    ReportReason,
    Reported,
    Invite,
    InviteHint,
    JoinTitle,
    Joining,
    OpenMemorial,
    MakePublic,
    CertificateLabel,
    CertificateHint,
    Reminder,
    ReminderOn,
    InfoEcoHeading,
    InfoEcoBody,
    InfoFreeHeading,
    InfoFreeBody,
    ProxyTitle,
    ProxyLead,
    EventReminderOn,
    EventProxyDone,
    SignedOutMemorial,
    ProxyDateLabel,
    ProxyServicesLabel,
    ServiceClean,
    ServiceFlowers,
    ServiceWipeStone,
    ServicePhoto,
    NoteLabel,
    ProxySubmit,
    MyProxy,
    StatusRequested,
    StatusDone,
    StaffPhoto,
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
        FieldError::MemorialGroupSize => Key::FeGroupSize.into(),
        FieldError::MemorialPlate => Key::FePlate.into(),
        FieldError::MemorialBeforeWindow => Key::FeBeforeWindow.into(),
        FieldError::MemorialAfterWindow => Key::FeAfterWindow.into(),
        FieldError::MemorialTooFarAhead => Key::FeTooFarAhead.into(),
        FieldError::MemorialDayPassed => Key::FeDayPassed.into(),
        FieldError::MemorialServiceClosed => Key::FeServiceClosed.into(),
        FieldError::MemorialSlotFull => Key::FeSlotFull.into(),
        FieldError::MemorialOnePerDay => Key::FeOnePerDay.into(),
        FieldError::MemorialGrave => Key::FeGrave.into(),
        FieldError::MemorialCertificateFormat => Key::FeCertificateFormat.into(),
        FieldError::MemorialCertificateUnknown => Key::FeCertificateUnknown.into(),
        FieldError::MemorialTextTooLong => Key::FeTextTooLong.into(),
        FieldError::MemorialTextCharacters => Key::FeTextCharacters.into(),
        FieldError::MemorialDates => Key::FeDates.into(),
        FieldError::MemorialServices => Key::FeServices.into(),
        _ => return None,
    })
}

/// This journey's strings for the shared message lookups (registered by its bundles).
pub const STRINGS: JourneyStrings = JourneyStrings { field_error, event_message };


/// The message-centre text for one of this journey's events (`memorial.…`), if it is one.
pub fn event_message(event: &str) -> Option<Msg> {
    match event {
        "memorial.reminder_on" => Some(Key::EventReminderOn.into()),
        "memorial.proxy_done" => Some(Key::EventProxyDone.into()),
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
