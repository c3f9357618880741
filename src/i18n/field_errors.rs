//! Every field error of the contract, as a message that says how to fix it.

use super::{Key, Msg};
use baoan_contract::api::MessageEvent;
use baoan_contract::error::FieldError;
use std::cell::RefCell;

/// The message for a field error. Shared errors use the shared table; a journey's errors come
/// from that journey's own table (`journeys/<name>/i18n`), registered by the bundles that
/// carry the journey (see `JourneyStrings`). Every error has its own message once all journeys
/// are registered (tests.rs checks).
pub fn field_error_key(e: FieldError) -> Msg {
    shared(e)
        .or_else(|| JOURNEYS.with(|j| j.borrow().iter().find_map(|strings| (strings.field_error)(e))))
        .unwrap_or(Key::FeUnknown.into())
}

/// The message-centre text for an event, from the registered journeys' tables.
pub fn event_text(event: MessageEvent) -> Msg {
    JOURNEYS
        .with(|j| j.borrow().iter().find_map(|strings| (strings.event_message)(event)))
        .unwrap_or(Key::MessageStatusChanged.into())
}

/// What a journey adds to the shared strings: the messages of its own field errors and of its
/// message-centre events. Registered per bundle, so a bundle carries only its journeys' tables
/// (the home page downloads none of them).
#[derive(Clone, Copy)]
pub struct JourneyStrings {
    pub field_error: fn(FieldError) -> Option<Msg>,
    pub event_message: fn(MessageEvent) -> Option<Msg>,
}

thread_local! {
    static JOURNEYS: RefCell<Vec<JourneyStrings>> = const { RefCell::new(Vec::new()) };
}

/// Makes these journeys' strings available to `field_error_key` and `event_text`.
pub fn register_journey_strings(journeys: &[JourneyStrings]) {
    JOURNEYS.with(|j| *j.borrow_mut() = journeys.to_vec());
}

fn shared(e: FieldError) -> Option<Msg> {
    Some(match e {
        FieldError::Required => Key::FeRequired.into(),
        FieldError::IdLength => Key::FeIdLength.into(),
        FieldError::IdCharacters => Key::FeIdCharacters.into(),
        FieldError::IdRegion => Key::FeIdRegion.into(),
        FieldError::IdBirthDate => Key::FeIdBirthDate.into(),
        FieldError::IdBirthInFuture => Key::FeIdBirthInFuture.into(),
        FieldError::IdChecksum => Key::FeIdChecksum.into(),
        FieldError::HkMacauPermitFormat => Key::FeHkMacauPermitFormat.into(),
        FieldError::TaiwanPermitFormat => Key::FeTaiwanPermitFormat.into(),
        FieldError::PassportFormat => Key::FePassportFormat.into(),
        FieldError::PhoneFormat => Key::FePhoneFormat.into(),
        FieldError::NameTooLong => Key::FeNameTooLong.into(),
        FieldError::NameCharacters => Key::FeNameCharacters.into(),
        FieldError::SmsCodeFormat => Key::FeSmsCodeFormat.into(),
        FieldError::SmsCodeWrong => Key::FeSmsCodeWrong.into(),
        FieldError::SmsCodeExpired => Key::FeSmsCodeExpired.into(),
        FieldError::SmsCodeTooManyTries => Key::FeSmsCodeTooManyTries.into(),
        FieldError::SmsRateLimited => Key::FeSmsRateLimited.into(),
        FieldError::UploadType => Key::FeUploadType.into(),
        FieldError::UploadTooLarge => Key::FeUploadTooLarge.into(),
        FieldError::UploadQuota => Key::FeUploadQuota.into(),
        FieldError::FigureRange => Key::FeFigureRange.into(),
        FieldError::FigureSource => Key::FeFigureSource.into(),
        FieldError::ProfileIdentityVerified => Key::FeProfileIdentityVerified.into(),
        FieldError::ReferenceCode => Key::FeReferenceCode.into(),
        FieldError::ReferenceText => Key::FeReferenceText.into(),
        FieldError::ReferenceDuplicate => Key::FeReferenceDuplicate.into(),
        FieldError::ReferenceUnknown => Key::FeReferenceUnknown.into(),
        FieldError::ReferenceRow => Key::FeReferenceRow.into(),
        FieldError::ReferencePhone => Key::FeReferencePhone.into(),
        FieldError::ReferenceUrl => Key::FeReferenceUrl.into(),
        FieldError::Unknown => Key::FeUnknown.into(),
        // Each journey's own errors: its `field_error` (journeys/<name>/i18n/mod.rs).
        _ => return None,
    })
}
