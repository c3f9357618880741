//! Every field error of the contract, as a message that says how to fix it.

use super::{Key, Msg};
use baoan_contract::error::FieldError;

/// The message for a field error. Shared errors use the shared table; each journey's errors
/// map to that journey's own table (`journeys/<name>/i18n`).
pub fn field_error_key(e: FieldError) -> Msg {
    match e {
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
        FieldError::Unknown => Key::FeUnknown.into(),

        // ── Social assistance ──
        FieldError::AssistanceAmount => crate::journeys::assistance::i18n::Key::FeAmount.into(),
        FieldError::AssistanceTextTooLong => crate::journeys::assistance::i18n::Key::FeTextTooLong.into(),
        FieldError::AssistanceUnknownCommunity => crate::journeys::assistance::i18n::Key::FeUnknownCommunity.into(),
        FieldError::AssistanceTooManyMembers => crate::journeys::assistance::i18n::Key::FeTooManyMembers.into(),
        FieldError::AssistanceDisabilityLevel => crate::journeys::assistance::i18n::Key::FeDisabilityLevel.into(),
        FieldError::AssistanceDate => crate::journeys::assistance::i18n::Key::FeDate.into(),
        FieldError::AssistanceDateInFuture => crate::journeys::assistance::i18n::Key::FeDateInFuture.into(),
        FieldError::AssistanceBankAccount => crate::journeys::assistance::i18n::Key::FeBankAccount.into(),
        FieldError::AssistanceDocumentMissing => crate::journeys::assistance::i18n::Key::FeDocumentMissing.into(),
        FieldError::AssistanceUnknownUpload => crate::journeys::assistance::i18n::Key::FeUnknownUpload.into(),
        FieldError::AssistanceConsentMissing => crate::journeys::assistance::i18n::Key::FeConsentMissing.into(),
        FieldError::AssistanceConsentName => crate::journeys::assistance::i18n::Key::FeConsentName.into(),
        FieldError::AssistanceHousehold => crate::journeys::assistance::i18n::Key::FeHousehold.into(),

        // ── Marriage registration ──

        // ── Charity ──

        // ── Tomb-sweeping and memorials ──
    }
}
