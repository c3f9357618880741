//! Every failure leaves the server as the contract's one error shape (`ApiError`), with the
//! matching HTTP status. Internal details go to the log, never to the client.

use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use baoan_contract::error::{ApiError, ErrorCode, FieldError, FieldErrors};

#[derive(Debug)]
pub struct AppError(pub ApiError);

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    pub fn new(code: ErrorCode, message: &str) -> Self {
        AppError(ApiError::new(code, message))
    }
    /// 422 with one field's error: the contract's validation shape.
    pub fn field(name: &str, error: FieldError) -> Self {
        let mut fields = FieldErrors::new();
        fields.add(name, error);
        fields.into()
    }
    /// One field's error under another code and message (a slot taken: 409; a quota: 413).
    pub fn field_with(code: ErrorCode, message: &str, name: &str, error: FieldError) -> Self {
        let mut e = Self::field(name, error);
        e.0.code = code;
        e.0.message = message.into();
        e
    }
    /// 400: the request cannot be read as meant.
    pub fn bad_request(message: &str) -> Self {
        Self::new(ErrorCode::BadRequest, message)
    }
    /// 409: the thing changed state meanwhile, or is in a state that does not allow this.
    pub fn conflict(message: &str) -> Self {
        Self::new(ErrorCode::Conflict, message)
    }
    /// 404 for an unknown path (the router's fallback) or anything the caller may not see.
    pub fn not_found() -> Self {
        Self::new(ErrorCode::NotFound, "Not found")
    }
    /// 404 naming what is missing: `no_such("project")` says "No such project".
    pub fn no_such(what: &str) -> Self {
        Self::new(ErrorCode::NotFound, &format!("No such {what}"))
    }
    pub fn unauthorized() -> Self {
        Self::new(ErrorCode::Unauthorized, "Sign-in required")
    }
    pub fn rate_limited() -> Self {
        Self::new(ErrorCode::RateLimited, "Too many requests")
    }
    /// 429 saying when to come back (body `retry_after_seconds` and the `Retry-After` header).
    pub fn rate_limited_for(retry_after_seconds: i64) -> Self {
        Self::rate_limited().retry_after(retry_after_seconds)
    }
    /// 415: the body is not of the type the endpoint reads (JSON bodies need `application/json`).
    pub fn unsupported_media_type() -> Self {
        Self::new(ErrorCode::UnsupportedMediaType, "Expected a request body with Content-Type: application/json")
    }
    /// 405: the path exists, not with this method (the router adds the `Allow` header).
    pub fn method_not_allowed() -> Self {
        Self::new(ErrorCode::MethodNotAllowed, "Method not allowed")
    }
    pub fn forbidden(message: &str) -> Self {
        Self::new(ErrorCode::Forbidden, message)
    }
    /// 503 saying when to come back: the server is at capacity (or its database is busy).
    pub fn unavailable_for(retry_after_seconds: i64, message: &str) -> Self {
        Self::new(ErrorCode::Unavailable, message).retry_after(retry_after_seconds)
    }
    /// This error, saying when to come back: at least a second from now.
    pub fn retry_after(mut self, seconds: i64) -> Self {
        self.0.retry_after_seconds = Some(seconds.max(1));
        self
    }
}

pub fn status_of(code: ErrorCode) -> StatusCode {
    match code {
        ErrorCode::Validation => StatusCode::UNPROCESSABLE_ENTITY,
        ErrorCode::BadRequest => StatusCode::BAD_REQUEST,
        ErrorCode::Unauthorized => StatusCode::UNAUTHORIZED,
        ErrorCode::NotFound => StatusCode::NOT_FOUND,
        ErrorCode::RateLimited => StatusCode::TOO_MANY_REQUESTS,
        ErrorCode::Forbidden | ErrorCode::IdentityVerificationRequired | ErrorCode::IdentityVerificationFailed => {
            StatusCode::FORBIDDEN
        }
        ErrorCode::Conflict | ErrorCode::IdentityVerifiedElsewhere => StatusCode::CONFLICT,
        ErrorCode::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
        ErrorCode::UnsupportedMediaType => StatusCode::UNSUPPORTED_MEDIA_TYPE,
        ErrorCode::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
        ErrorCode::Timeout => StatusCode::REQUEST_TIMEOUT,
        ErrorCode::Unavailable | ErrorCode::StandardsNotConfigured => StatusCode::SERVICE_UNAVAILABLE,
        ErrorCode::Internal | ErrorCode::Unknown => StatusCode::INTERNAL_SERVER_ERROR,
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let status = status_of(self.0.code);
        match self.0.retry_after_seconds {
            Some(after) => {
                (status, [(axum::http::header::RETRY_AFTER, after.to_string())], Json(self.0)).into_response()
            }
            None => (status, Json(self.0)).into_response(),
        }
    }
}

impl From<FieldErrors> for AppError {
    fn from(f: FieldErrors) -> Self {
        AppError(ApiError::validation(f))
    }
}

impl From<ApiError> for AppError {
    fn from(e: ApiError) -> Self {
        AppError(e)
    }
}

impl From<sqlx::Error> for AppError {
    fn from(e: sqlx::Error) -> Self {
        // Overload, not failure: every pooled connection busy for the acquire timeout, or SQLite's
        // write lock still held after busy_timeout. The client may retry shortly: 503, not 500.
        if crate::db::is_busy(&e) {
            tracing::warn!(error = %e, "database busy");
            return Self::unavailable_for(1, "The server is busy; try again in a moment");
        }
        tracing::error!(error = %e, "database error");
        Self::new(ErrorCode::Internal, "Internal error")
    }
}

/// Unreadable JSON bodies get the same error shape as everything else: a body that is not declared
/// JSON is 415, one too large 413, and one that is not JSON or not of the request's shape 400.
impl From<JsonRejection> for AppError {
    fn from(r: JsonRejection) -> Self {
        match r {
            JsonRejection::MissingJsonContentType(_) => Self::unsupported_media_type(),
            _ if r.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                Self::new(ErrorCode::PayloadTooLarge, "Request body too large")
            }
            _ => Self::bad_request(&r.body_text()),
        }
    }
}

/// A JSON body extractor whose rejections use the contract's error shape.
#[derive(axum::extract::FromRequest)]
#[from_request(via(axum::Json), rejection(AppError))]
pub struct JsonBody<T>(pub T);

/// The error code an answer of this status carries when no handler chose one.
fn code_for(status: StatusCode) -> ErrorCode {
    match status {
        StatusCode::NOT_FOUND => ErrorCode::NotFound,
        StatusCode::METHOD_NOT_ALLOWED => ErrorCode::MethodNotAllowed,
        StatusCode::PAYLOAD_TOO_LARGE => ErrorCode::PayloadTooLarge,
        StatusCode::UNSUPPORTED_MEDIA_TYPE => ErrorCode::UnsupportedMediaType,
        StatusCode::REQUEST_TIMEOUT => ErrorCode::Timeout,
        s if s.is_server_error() => ErrorCode::Internal,
        _ => ErrorCode::BadRequest,
    }
}

/// Middleware on /api/v1: an extractor's own rejection (axum answers those in plain text — an
/// unreadable query string or path, a body that is not what the handler reads) leaves in the
/// contract's error shape, with its status and its text as the developer-facing message.
pub async fn plain_rejections(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let response = next.run(request).await;
    let status = response.status();
    let plain = response
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/plain"));
    if !(plain && (status.is_client_error() || status.is_server_error())) {
        return response;
    }
    let (parts, body) = response.into_parts();
    // A rejection's text is one short sentence; anything longer is cut.
    let text = match axum::body::to_bytes(body, 4096).await {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(_) => status.canonical_reason().unwrap_or("Bad request").to_string(),
    };
    let mut answer = (status, Json(ApiError::new(code_for(status), text))).into_response();
    for name in [axum::http::header::ALLOW, axum::http::header::RETRY_AFTER] {
        if let Some(value) = parts.headers.get(&name) {
            answer.headers_mut().insert(name, value.clone());
        }
    }
    answer
}

/// An unreadable query string (e.g. a page size that is not a number) in the contract's error shape.
pub fn bad_query(r: axum::extract::rejection::QueryRejection) -> AppError {
    AppError::bad_request(&r.body_text())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_field_errors_keep_the_contract_shape() {
        let e = AppError::field("confirm", FieldError::Required);
        assert_eq!(
            e.0,
            ApiError::validation({
                let mut f = FieldErrors::new();
                f.add("confirm", FieldError::Required);
                f
            })
        );
        let e = AppError::field_with(ErrorCode::Conflict, "No longer available", "slot_id", FieldError::Required);
        assert_eq!((status_of(e.0.code), e.0.message.as_str()), (StatusCode::CONFLICT, "No longer available"));
        assert_eq!(e.0.fields.get("slot_id"), Some(&FieldError::Required));
        assert_eq!(e.0.retry_after_seconds, None);
    }

    #[test]
    fn retry_after_is_at_least_a_second() {
        assert_eq!(AppError::rate_limited_for(0).0.retry_after_seconds, Some(1));
        let e = AppError::field_with(ErrorCode::RateLimited, "Too many", "phone", FieldError::Required).retry_after(30);
        assert_eq!(e.0.retry_after_seconds, Some(30));
        assert_eq!(AppError::no_such("fund").0.message, "No such fund");
    }
}
