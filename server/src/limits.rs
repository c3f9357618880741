//! Per-resident limits on every write a script could repeat: one table, one way to enforce.
//!
//! A refused action answers 429 in the contract's error shape with `retry_after_seconds` and a
//! `Retry-After` header (see `AppError::rate_limited_for`), which the app shows as "try again in …".
//! Each limit is a sliding window kept in `rate_events`, so every server instance shares it.

use crate::error::AppResult;
use crate::rate_limit;
use crate::state::AppState;

/// How often one subject (a resident, a phone number, a memorial…) may do one thing.
#[derive(Debug, Clone, Copy)]
pub struct Limit {
    /// Bucket name prefix; the subject is appended (`"{name}:{subject}"`).
    pub name: &'static str,
    pub max: i64,
    pub window_seconds: i64,
}

const MINUTE: i64 = 60;
const HOUR: i64 = 3600;
const DAY: i64 = 86_400;

impl Limit {
    pub const fn new(name: &'static str, max: i64, window_seconds: i64) -> Self {
        Limit { name, max, window_seconds }
    }
    pub const fn per_minute(name: &'static str, max: i64) -> Self {
        Self::new(name, max, MINUTE)
    }
    pub const fn per_hour(name: &'static str, max: i64) -> Self {
        Self::new(name, max, HOUR)
    }
    pub const fn per_day(name: &'static str, max: i64) -> Self {
        Self::new(name, max, DAY)
    }
}

/// Records one use of `limit` by `subject`, or refuses with 429 and when to retry.
pub async fn enforce(state: &AppState, limit: &Limit, subject: &str) -> AppResult<()> {
    let bucket = format!("{}:{subject}", limit.name);
    match rate_limit::check(&state.db, &bucket, limit.max, limit.window_seconds, state.clock.now()).await? {
        None => Ok(()),
        Some(after) => {
            tracing::warn!(limit = limit.name, retry_after = after, "per-resident limit reached");
            Err(crate::error::AppError::rate_limited_for(after))
        }
    }
}
