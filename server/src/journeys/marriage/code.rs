//! The partner's confirmation code: six digits sent by the foundation's SMS sender, stored only
//! as a salted hash (like sign-in codes), five tries. New codes go through the foundation's
//! limits: one per booking per `SMS_RESEND_AFTER_SECONDS` (the same cooldown as sign-in codes)
//! and the per-phone hourly limit.

use crate::auth::codes::hex;
use crate::error::{AppError, AppResult};
use crate::rate_limit;
use crate::state::AppState;
use baoan_contract::api::SMS_RESEND_AFTER_SECONDS;
use baoan_contract::error::{ApiError, ErrorCode, FieldError, FieldErrors};
use rand::Rng;
use sha2::{Digest, Sha256};

pub const MAX_TRIES: i64 = 5;

pub fn new_code() -> String {
    format!("{:06}", rand::thread_rng().gen_range(0..1_000_000))
}

/// `salt$sha256(salt:booking:code)`.
pub fn hash(booking_id: &str, code: &str) -> String {
    let salt = crate::db::new_id();
    format!("{salt}${}", hex(&Sha256::digest(format!("{salt}:{booking_id}:{code}").as_bytes())))
}

pub fn matches(stored: &str, booking_id: &str, code: &str) -> bool {
    let salt = stored.split('$').next().unwrap_or("");
    let want = format!("{salt}${}", hex(&Sha256::digest(format!("{salt}:{booking_id}:{code}").as_bytes())));
    want == stored
}

pub async fn send(state: &AppState, phone: &str, code: &str) -> AppResult<()> {
    state.sms.send_code(phone, code).await.map_err(|e| {
        tracing::error!(error = %e, "SMS sender failed");
        AppError::new(ErrorCode::Internal, "Could not send the code")
    })
}

fn cooldown_bucket(booking_id: &str) -> String {
    format!("marriage-code:{booking_id}")
}

/// Starts the booking's cooldown (when its first code goes out). Always allowed: the bucket is new.
pub async fn start_cooldown(state: &AppState, booking_id: &str) -> AppResult<()> {
    rate_limit::allow(&state.db, &cooldown_bucket(booking_id), 1, SMS_RESEND_AFTER_SECONDS, state.clock.now()).await?;
    Ok(())
}

/// Whether another code may go to `phone` for this booking now; records it if so. Refusals are
/// a 429 naming the `code` field, so the app shows the wait beside the code box.
pub async fn allow_resend(state: &AppState, booking_id: &str, phone: &str) -> AppResult<()> {
    let now = state.clock.now();
    let limited = || {
        let mut f = FieldErrors::new();
        f.add("code", FieldError::SmsRateLimited);
        AppError(ApiError { code: ErrorCode::RateLimited, message: "Too many codes requested".into(), fields: f.0, retry_after_seconds: None })
    };
    if !rate_limit::allow(&state.db, &cooldown_bucket(booking_id), 1, SMS_RESEND_AFTER_SECONDS, now).await? {
        return Err(limited());
    }
    let per_phone = state.config.sms_per_phone_per_hour;
    if !rate_limit::allow(&state.db, &format!("sms-phone:{phone}"), per_phone, 3600, now).await? {
        return Err(limited());
    }
    Ok(())
}

/// Seconds until the booking may have another code (0: now).
pub async fn resend_in(state: &AppState, booking_id: &str) -> AppResult<u32> {
    let (last,): (Option<i64>,) = sqlx::query_as("SELECT MAX(at) FROM rate_events WHERE bucket = $1")
        .bind(cooldown_bucket(booking_id))
        .fetch_one(&state.db.pool)
        .await?;
    Ok(last.map_or(0, |at| (at + SMS_RESEND_AFTER_SECONDS - state.clock.now()).clamp(0, SMS_RESEND_AFTER_SECONDS) as u32))
}
