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
        FieldError::MarriageUnderAge => crate::journeys::marriage::i18n::Key::FeUnderAge.into(),
        FieldError::MarriageSamePerson => crate::journeys::marriage::i18n::Key::FeSamePerson.into(),
        FieldError::MarriageSlotFull => crate::journeys::marriage::i18n::Key::FeSlotFull.into(),
        FieldError::MarriageSlotUnavailable => crate::journeys::marriage::i18n::Key::FeSlotUnavailable.into(),
        FieldError::MarriageAlreadyBooked => crate::journeys::marriage::i18n::Key::FeAlreadyBooked.into(),
        FieldError::MarriageBirthDate => crate::journeys::marriage::i18n::Key::FeBirthDate.into(),
        FieldError::MarriageSecondVisitTooEarly => crate::journeys::marriage::i18n::Key::FeSecondVisitTooEarly.into(),
        FieldError::MarriageSecondVisitWindowMissed => crate::journeys::marriage::i18n::Key::FeSecondVisitMissed.into(),

        // ── Charity ──
        FieldError::CharityAmountFormat => crate::journeys::charity::i18n::Key::FeAmountFormat.into(),
        FieldError::CharityAmountNotPositive => crate::journeys::charity::i18n::Key::FeAmountNotPositive.into(),
        FieldError::CharityAmountTooLarge => crate::journeys::charity::i18n::Key::FeAmountTooLarge.into(),
        FieldError::CharityMessageTooLong => crate::journeys::charity::i18n::Key::FeMessageTooLong.into(),
        FieldError::CharityMessageCharacters => crate::journeys::charity::i18n::Key::FeMessageCharacters.into(),
        FieldError::CharityDonorName => crate::journeys::charity::i18n::Key::FeDonorName.into(),

        // ── Tomb-sweeping and memorials ──
        FieldError::MemorialGroupSize => crate::journeys::memorial::i18n::Key::FeGroupSize.into(),
        FieldError::MemorialPlate => crate::journeys::memorial::i18n::Key::FePlate.into(),
        FieldError::MemorialBeforeWindow => crate::journeys::memorial::i18n::Key::FeBeforeWindow.into(),
        FieldError::MemorialAfterWindow => crate::journeys::memorial::i18n::Key::FeAfterWindow.into(),
        FieldError::MemorialTooFarAhead => crate::journeys::memorial::i18n::Key::FeTooFarAhead.into(),
        FieldError::MemorialDayPassed => crate::journeys::memorial::i18n::Key::FeDayPassed.into(),
        FieldError::MemorialServiceClosed => crate::journeys::memorial::i18n::Key::FeServiceClosed.into(),
        FieldError::MemorialSlotFull => crate::journeys::memorial::i18n::Key::FeSlotFull.into(),
        FieldError::MemorialOnePerDay => crate::journeys::memorial::i18n::Key::FeOnePerDay.into(),
        FieldError::MemorialGrave => crate::journeys::memorial::i18n::Key::FeGrave.into(),
        FieldError::MemorialCertificateFormat => crate::journeys::memorial::i18n::Key::FeCertificateFormat.into(),
        FieldError::MemorialCertificateUnknown => crate::journeys::memorial::i18n::Key::FeCertificateUnknown.into(),
        FieldError::MemorialTextTooLong => crate::journeys::memorial::i18n::Key::FeTextTooLong.into(),
        FieldError::MemorialTextCharacters => crate::journeys::memorial::i18n::Key::FeTextCharacters.into(),
        FieldError::MemorialDates => crate::journeys::memorial::i18n::Key::FeDates.into(),
        FieldError::MemorialServices => crate::journeys::memorial::i18n::Key::FeServices.into(),
    }
}
