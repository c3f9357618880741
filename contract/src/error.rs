//! One error shape for every failure, and the typed field errors every rule returns.
//!
//! The server sends `{ "code": "...", "message": "...", "fields": { "field": "field-error-code" } }`.
//! `message` is a developer-facing English sentence; the app never shows it. It shows its own
//! translation of `code` and of each field's error code, in the resident's language.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What went wrong with a request as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// One or more fields are invalid; `fields` says which and why.
    Validation,
    /// The request body could not be read (not JSON, wrong shape).
    BadRequest,
    /// Sign-in is needed (or the session has ended).
    Unauthorized,
    /// No such thing — or it belongs to someone else, which the server never reveals.
    NotFound,
    /// Too many requests; try again later (`retry_after_seconds` says when).
    RateLimited,
    /// The request is refused whoever sends it (e.g. a cross-site request).
    Forbidden,
    /// The request conflicts with the current state (e.g. already done).
    Conflict,
    /// The request body is larger than the server accepts.
    PayloadTooLarge,
    /// The request body is not of a type the endpoint reads (e.g. no `Content-Type: application/json`).
    UnsupportedMediaType,
    /// The path exists but not with this method; the `Allow` header lists the methods it has.
    MethodNotAllowed,
    /// The server failed; the resident's input is kept and they may retry.
    Internal,
    // limits slice (issue 10): the server's own protection against overload.
    /// The request took longer than the server allows (a slow upload or a stuck request); retry.
    Timeout,
    /// The server is at its limit of concurrent requests or its database is busy; retry after
    /// `retry_after_seconds`.
    Unavailable,
    // honest figures (issue 12): the live service decides nothing with figures nobody set.
    /// The district has not set the figures this answer depends on (e.g. the assistance
    /// standards): the service cannot answer yet. Nothing the resident did is wrong.
    StandardsNotConfigured,
    // verified identity (issue 12 item 7).
    /// This needs a verified real-name identity (applying for assistance, booking marriage
    /// registration): verify in the account area first (`/mine/verify`).
    IdentityVerificationRequired,
    /// The identity platform's answer was refused (expired or replayed attempt, a token that
    /// failed its checks, or the platform unreachable): start the verification again.
    IdentityVerificationFailed,
    /// The ID number the platform vouched for is already verified on another live account of
    /// this service (one person, one verified account): sign in with that account's phone
    /// number. Which account, or which number, is never said.
    IdentityVerifiedElsewhere,
    /// A code this app version does not know (a newer server).
    #[serde(other)]
    Unknown,
}

/// The error body of every failed API request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiError {
    pub code: ErrorCode,
    /// For developers and logs, in English. The app translates `code` instead.
    pub message: String,
    /// Field name (as in the request body) → what is wrong with it.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    #[cfg_attr(feature = "openapi", schema(value_type = BTreeMap<String, String>))]
    pub fields: BTreeMap<String, FieldError>,
    /// With `rate_limited`: seconds until the action is allowed again (also the `Retry-After` header).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_after_seconds: Option<i64>,
}

impl ApiError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self { code, message: message.into(), fields: BTreeMap::new(), retry_after_seconds: None }
    }

    /// A validation error naming the fields that are wrong.
    pub fn validation(fields: FieldErrors) -> Self {
        Self {
            code: ErrorCode::Validation,
            message: "Some fields are invalid".into(),
            fields: fields.0,
            retry_after_seconds: None,
        }
    }
}

/// Collects field errors while validating a request, in the order the form shows them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FieldErrors(pub BTreeMap<String, FieldError>);

impl FieldErrors {
    pub fn new() -> Self {
        Self::default()
    }

    /// Records the outcome of one rule for one field; keeps the first error per field.
    pub fn check<T>(&mut self, field: &str, result: Result<T, FieldError>) -> Option<T> {
        match result {
            Ok(v) => Some(v),
            Err(e) => {
                self.0.entry(field.to_string()).or_insert(e);
                None
            }
        }
    }

    pub fn add(&mut self, field: &str, error: FieldError) {
        self.0.entry(field.to_string()).or_insert(error);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn get(&self, field: &str) -> Option<FieldError> {
        self.0.get(field).copied()
    }

    /// `Ok(())` when nothing is wrong, otherwise the API error to send or show.
    pub fn into_result(self) -> Result<(), ApiError> {
        if self.is_empty() {
            Ok(())
        } else {
            Err(ApiError::validation(self))
        }
    }
}

mod field;
pub use field::FieldError;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_error_code_round_trips_and_is_unique() {
        let mut seen = std::collections::HashSet::new();
        for e in FieldError::ALL {
            assert!(seen.insert(e.code()), "duplicate code {}", e.code());
            assert_eq!(FieldError::from_code(e.code()), *e);
        }
        assert_eq!(FieldError::from_code("no.such.code"), FieldError::Unknown);
    }

    #[test]
    fn error_body_has_the_documented_shape() {
        let mut f = FieldErrors::new();
        f.add("phone", FieldError::PhoneFormat);
        let body = serde_json::to_value(ApiError::validation(f)).unwrap();
        assert_eq!(body["code"], "validation");
        assert_eq!(body["fields"]["phone"], "phone.format");
        let back: ApiError = serde_json::from_value(body).unwrap();
        assert_eq!(back.fields["phone"], FieldError::PhoneFormat);
    }

    #[test]
    fn unknown_codes_from_a_newer_server_do_not_break_the_app() {
        let e: ApiError =
            serde_json::from_str(r#"{"code":"brand_new","message":"x","fields":{"a":"brand.new"}}"#).unwrap();
        assert_eq!(e.code, ErrorCode::Unknown);
        assert_eq!(e.fields["a"], FieldError::Unknown);
    }
}
