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

// ---------------------------------------------------------------------------------------------
// The table (limits slice of issue 10). Each number is far above what a real resident does and
// far below what a script does in a minute; the subject is the resident's user id.

/// A gift order (once or the first of a monthly pledge). A generous donor gives to a handful of
/// projects at a sitting; 20 an hour is never met by a person, and stops a script from filling
/// the gift table with unpaid orders.
pub const CHARITY_GIFT_ORDERS: Limit = Limit::per_hour("charity.gift", 20);
/// Sandbox payment confirmations: one per order (a retry or two on a bad network).
pub const CHARITY_GIFT_PAYMENTS: Limit = Limit::per_hour("charity.pay", 40);
/// Cancelling a monthly pledge: one per pledge, and a resident has a few at most.
pub const CHARITY_PLEDGE_CANCELS: Limit = Limit::per_hour("charity.pledge_cancel", 20);
/// Server copies of the assistance draft (saves and deletes). The app saves 0.8 s after the
/// last change; 1,200 an hour is a save every 3 s for a whole hour. A refused autosave loses
/// nothing: the device keeps the draft and its next save after the wait catches up.
pub const ASSISTANCE_DRAFT_SAVES: Limit = Limit::per_hour("assistance.draft", 1200);
/// Submitted applications: a household applies for one or two programmes, a few times a year.
pub const ASSISTANCE_SUBMITS: Limit = Limit::per_day("assistance.submit", 10);
/// Documents added to submitted applications (容缺 / 补正): a request asks for a few.
pub const ASSISTANCE_DOCUMENTS: Limit = Limit::per_hour("assistance.document", 30);
/// Withdrawals: one per application.
pub const ASSISTANCE_WITHDRAWALS: Limit = Limit::per_day("assistance.withdraw", 10);
/// Profile saves: a name and an ID document are typed once, corrected now and then.
pub const PROFILE_UPDATES: Limit = Limit::per_hour("profile.update", 10);
/// Verifications started at the identity platform (each one a discovery and a row): a resident
/// verifies once, retries a few times at most.
pub const IDENTITY_VERIFICATIONS: Limit = Limit::per_hour("identity.verify", 10);
/// Marking messages read (one request per message opened): a resident reads tens, not hundreds.
pub const MESSAGE_READS: Limit = Limit::per_hour("messages.read", 300);
