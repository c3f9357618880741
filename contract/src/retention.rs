//! How long the server keeps what it holds about residents (PIPL: only as long as needed).
//!
//! One set of numbers, read by the server's purge job (`server/src/purge.rs`) and by the app's
//! privacy page, so what the page says is what the server does.

/// One day in seconds.
pub const DAY_SECONDS: i64 = 86_400;

/// How often the purge job runs.
pub const PURGE_INTERVAL_SECONDS: i64 = 3_600;

/// A replayable submit (`Idempotency-Key`): its scope, key, a hash of the body and the first
/// answer are kept this long, then a retry with that key runs as a new request.
pub const IDEMPOTENCY_RECORD_SECONDS: i64 = DAY_SECONDS;

/// An uploaded file that no application, memorial or request uses is deleted (file and record)
/// this long after it was uploaded.
pub const UNATTACHED_UPLOAD_SECONDS: i64 = DAY_SECONDS;

/// Rate-limit records (which limit, when) are deleted this long after the event. No limit's
/// window is longer, so deleting them never lets anyone past a limit.
pub const RATE_EVENT_SECONDS: i64 = DAY_SECONDS;

/// Sign-in codes are deleted once expired (they live `api::SMS_CODE_TTL_SECONDS`); sessions
/// once expired (`api::SESSION_TTL_SECONDS` after sign-in) or at sign-out.
pub use crate::api::auth::{SESSION_TTL_SECONDS, SMS_CODE_TTL_SECONDS};

/// Whole hours of a period, for the privacy page.
pub const fn hours(seconds: i64) -> i64 {
    seconds / 3_600
}

/// Whole days of a period, for the privacy page.
pub const fn days(seconds: i64) -> i64 {
    seconds / DAY_SECONDS
}
