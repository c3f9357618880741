//! Sign-in with a mainland mobile number and a one-time SMS code.

use crate::error::{FieldError, FieldErrors};
use crate::rules::phone::parse_mobile;
use crate::rules::sms_code::parse_sms_code;
use serde::{Deserialize, Serialize};

/// A code is valid for five minutes.
pub const SMS_CODE_TTL_SECONDS: i64 = 5 * 60;
/// Wrong codes allowed before the code is void.
pub const SMS_CODE_MAX_TRIES: i64 = 5;
/// A new code for the same number no sooner than this.
pub const SMS_RESEND_AFTER_SECONDS: i64 = 60;
/// Codes per number per hour.
pub const SMS_PER_PHONE_PER_HOUR: i64 = 5;
/// Code requests per client address per hour.
pub const SMS_PER_IP_PER_HOUR: i64 = 30;
/// A session lasts this long without use.
pub const SESSION_TTL_SECONDS: i64 = 7 * 24 * 3600;
/// A session ends this long after sign-in, however often it is used.
pub const SESSION_MAX_AGE_SECONDS: i64 = 30 * 24 * 3600;
/// The device cookie (which binds codes to the device that asked for them) lives this long.
pub const DEVICE_COOKIE_MAX_AGE_SECONDS: i64 = 365 * 24 * 3600;
/// A device that signed in to a number within this time keeps its own allowance of codes for it,
/// whatever strangers request for that number.
pub const KNOWN_DEVICE_SECONDS: i64 = 180 * 24 * 3600;
/// Code guesses one client address may make per hour on codes its device did not ask for.
pub const CODE_GUESSES_PER_ADDRESS_PER_HOUR: i64 = 10;
/// Code guesses all strangers together may make per day on one number (the owner's device, on
/// its own code, is never counted here): 10 guesses of a 6-digit code a day cannot find it.
pub const CODE_GUESSES_PER_PHONE_PER_DAY: i64 = 10;

/// `POST /api/v1/auth/sms-code`
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SendCodeRequest {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::mobile))]
    pub phone: String,
}

impl SendCodeRequest {
    /// The normalised phone number, or the field errors to show.
    pub fn validate(&self) -> Result<String, FieldErrors> {
        let mut errors = FieldErrors::new();
        let phone = errors.check("phone", parse_mobile(&self.phone));
        phone.ok_or(errors)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SendCodeResponse {
    /// Seconds before another code may be requested for this number.
    pub resend_after_seconds: i64,
    /// Seconds the code stays valid.
    pub expires_in_seconds: i64,
}

/// `POST /api/v1/auth/session`
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignInRequest {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::mobile))]
    pub phone: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::sms_code))]
    pub code: String,
}

impl SignInRequest {
    /// `(phone, code)` normalised, or the field errors to show.
    pub fn validate(&self) -> Result<(String, String), FieldErrors> {
        let mut errors = FieldErrors::new();
        let phone = errors.check("phone", parse_mobile(&self.phone));
        let code = errors.check("code", parse_sms_code(&self.code));
        match (phone, code) {
            (Some(p), Some(c)) => Ok((p, c)),
            _ => Err(errors),
        }
    }
}

/// Why a sign-in code was refused, as field errors on `code`.
pub fn code_refused(reason: FieldError) -> FieldErrors {
    let mut e = FieldErrors::new();
    e.add("code", reason);
    e
}

/// `GET /api/v1/me` — the signed-in resident.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Me {
    pub user_id: String,
    /// Always masked, e.g. 138****5678: the page may be on a shared screen.
    pub phone_masked: String,
    pub profile: Option<crate::api::profile::Profile>,
}
