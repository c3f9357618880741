//! Every field error of the contract, as a message that says how to fix it.

use super::Key;
use baoan_contract::error::FieldError;

pub fn field_error_key(e: FieldError) -> Key {
    match e {
        FieldError::Required => Key::FeRequired,
        FieldError::IdLength => Key::FeIdLength,
        FieldError::IdCharacters => Key::FeIdCharacters,
        FieldError::IdRegion => Key::FeIdRegion,
        FieldError::IdBirthDate => Key::FeIdBirthDate,
        FieldError::IdBirthInFuture => Key::FeIdBirthInFuture,
        FieldError::IdChecksum => Key::FeIdChecksum,
        FieldError::HkMacauPermitFormat => Key::FeHkMacauPermitFormat,
        FieldError::TaiwanPermitFormat => Key::FeTaiwanPermitFormat,
        FieldError::PassportFormat => Key::FePassportFormat,
        FieldError::PhoneFormat => Key::FePhoneFormat,
        FieldError::NameTooLong => Key::FeNameTooLong,
        FieldError::NameCharacters => Key::FeNameCharacters,
        FieldError::SmsCodeFormat => Key::FeSmsCodeFormat,
        FieldError::SmsCodeWrong => Key::FeSmsCodeWrong,
        FieldError::SmsCodeExpired => Key::FeSmsCodeExpired,
        FieldError::SmsCodeTooManyTries => Key::FeSmsCodeTooManyTries,
        FieldError::SmsRateLimited => Key::FeSmsRateLimited,
        FieldError::UploadType => Key::FeUploadType,
        FieldError::UploadTooLarge => Key::FeUploadTooLarge,
        FieldError::Unknown => Key::FeUnknown,
    }
}
