//! One-time sign-in codes: six digits, valid five minutes, stored only as a salted hash, and each
//! bound to the device that asked for it (see `device`).
//!
//! Why nobody can turn sign-in against a resident:
//! - A code is kept per (number, device): a stranger asking for a code for the same number gets
//!   a code of their own and cannot replace the resident's.
//! - Only the asking device's guesses count against its code (five tries). Guesses from any other
//!   client are counted per client address and per number in buckets of their own, never on the
//!   resident's code; all strangers together get `CODE_GUESSES_PER_PHONE_PER_DAY` guesses a day.
//! - Codes a device may request: a device that signed in to the number before has its own
//!   allowance; strangers and new devices share the number's allowance.
//! - Every refusal says when to try again (`retry_after_seconds`).

use super::ceiling;
use super::device::{self, Device};
use crate::error::{AppError, AppResult};
use crate::rate_limit;
use crate::state::AppState;
use baoan_contract::api::{
    code_refused, CODE_GUESSES_PER_ADDRESS_PER_HOUR, CODE_GUESSES_PER_PHONE_PER_DAY, SMS_CODE_MAX_TRIES,
    SMS_CODE_TTL_SECONDS, SMS_RESEND_AFTER_SECONDS,
};
use baoan_contract::error::{ErrorCode, FieldError};
use rand::Rng;
use sha2::{Digest, Sha256};

const HOUR: i64 = 3600;
const DAY: i64 = 86_400;

/// 429 on the phone field ("too many codes for this number"), saying when to retry.
fn phone_limited(retry_after: i64) -> AppError {
    AppError::field_with(ErrorCode::RateLimited, "Too many codes requested", "phone", FieldError::SmsRateLimited)
        .retry_after(retry_after)
}

fn hash_code(salt: &str, phone: &str, code: &str) -> String {
    let digest = Sha256::digest(format!("{salt}:{phone}:{code}").as_bytes());
    format!("{salt}${}", hex(&digest))
}

fn matches(stored: &str, phone: &str, code: &str) -> bool {
    let salt = stored.split('$').next().unwrap_or("");
    hash_code(salt, phone, code) == stored
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

async fn limit(state: &AppState, bucket: String, max: i64, window: i64) -> AppResult<Option<i64>> {
    Ok(rate_limit::check(&state.db, &bucket, max, window, state.clock.now()).await?)
}

/// Issues a new code for `phone` to `device` (replacing that device's earlier one) after the
/// limits agree, and sends it.
pub async fn issue(state: &AppState, phone: &str, client_ip: &str, device: &Device) -> AppResult<()> {
    let now = state.clock.now();
    let db = &state.db;
    let last_sent: Option<(i64,)> =
        sqlx::query_as("SELECT sent_at FROM sms_codes WHERE phone = $1 AND device_hash = $2")
            .bind(phone)
            .bind(&device.hash)
            .fetch_optional(&db.pool)
            .await?;
    if let Some((at,)) = last_sent.filter(|(at,)| now - at < SMS_RESEND_AFTER_SECONDS) {
        return Err(phone_limited(at + SMS_RESEND_AFTER_SECONDS - now));
    }
    let per_ip = state.config.sms_per_ip_per_hour;
    if let Some(after) = limit(state, format!("sms-ip:{client_ip}"), per_ip, HOUR).await? {
        return Err(AppError::rate_limited_for(after));
    }
    // A device the number signed in on before has an allowance strangers cannot use up.
    let per_phone = state.config.sms_per_phone_per_hour;
    let bucket = if device::is_known(state, device, phone).await? {
        format!("sms-device:{}:{phone}", device.hash)
    } else {
        format!("sms-phone:{phone}")
    };
    if let Some(after) = limit(state, bucket, per_phone, HOUR).await? {
        return Err(phone_limited(after));
    }

    let code = format!("{:06}", rand::thread_rng().gen_range(0..1_000_000));
    let salt = crate::db::new_id();
    // Replace this device's earlier code only if it is old enough, in one statement: of requests
    // racing past the check above (a double tap), exactly one writes and sends a code.
    let written = sqlx::query(
        "INSERT INTO sms_codes (phone, device_hash, code_hash, sent_at, expires_at, tries) \
         VALUES ($1, $2, $3, $4, $5, 0) \
         ON CONFLICT (phone, device_hash) DO UPDATE SET code_hash = excluded.code_hash, sent_at = excluded.sent_at, \
         expires_at = excluded.expires_at, tries = 0 WHERE sms_codes.sent_at <= $6",
    )
    .bind(phone)
    .bind(&device.hash)
    .bind(hash_code(&salt, phone, &code))
    .bind(now)
    .bind(now + SMS_CODE_TTL_SECONDS)
    .bind(now - SMS_RESEND_AFTER_SECONDS)
    .execute(&db.pool)
    .await?;
    if written.rows_affected() == 0 {
        return Err(phone_limited(SMS_RESEND_AFTER_SECONDS));
    }

    if let Err(e) = state.sms.send_code(phone, &code).await {
        // Not sent: the device may ask again at once.
        sqlx::query("DELETE FROM sms_codes WHERE phone = $1 AND device_hash = $2")
            .bind(phone)
            .bind(&device.hash)
            .execute(&db.pool)
            .await?;
        if let Some(after) = ceiling::retry_after(&e) {
            return Err(ceiling::refusal(after));
        }
        tracing::error!(error = %e, "SMS sender failed");
        return Err(AppError::new(ErrorCode::Internal, "Could not send the code"));
    }
    Ok(())
}

/// Checks a code; on success the code is spent.
///
/// From the device that asked for it: each wrong try counts against that code (five tries).
/// From anyone else: the guess is counted per client address and per number (strangers'
/// buckets, refused with 429 once full) and compared with the number's latest live code,
/// whose own tries are left alone.
pub async fn verify(
    state: &AppState,
    phone: &str,
    code: &str,
    device: Option<&Device>,
    client_ip: &str,
) -> AppResult<()> {
    let now = state.clock.now();
    let db = &state.db;
    /// The number's live code sent to this device.
    #[derive(sqlx::FromRow)]
    struct CodeRow {
        device_hash: String,
        code_hash: String,
        expires_at: i64,
        tries: i64,
    }
    let own: Option<CodeRow> =
        match device {
            Some(d) => sqlx::query_as::<_, CodeRow>(
                "SELECT device_hash, code_hash, expires_at, tries FROM sms_codes WHERE phone = $1 AND device_hash = $2",
            )
            .bind(phone)
            .bind(&d.hash)
            .fetch_optional(&db.pool)
            .await?,
            None => None,
        };
    let refused = |e: FieldError| AppError::from(code_refused(e));
    let Some(CodeRow { device_hash, code_hash: stored, expires_at, tries }) = own else {
        return verify_stranger(state, phone, code, client_ip).await;
    };
    if now >= expires_at {
        return Err(refused(FieldError::SmsCodeExpired));
    }
    if tries >= SMS_CODE_MAX_TRIES {
        return Err(refused(FieldError::SmsCodeTooManyTries));
    }
    // Count the try before comparing, atomically, so parallel guesses cannot exceed the limit.
    let counted =
        sqlx::query("UPDATE sms_codes SET tries = tries + 1 WHERE phone = $1 AND device_hash = $2 AND tries < $3")
            .bind(phone)
            .bind(&device_hash)
            .bind(SMS_CODE_MAX_TRIES)
            .execute(&db.pool)
            .await?;
    if counted.rows_affected() == 0 {
        return Err(refused(FieldError::SmsCodeTooManyTries));
    }
    if !matches(&stored, phone, code) {
        let reason =
            if tries + 1 >= SMS_CODE_MAX_TRIES { FieldError::SmsCodeTooManyTries } else { FieldError::SmsCodeWrong };
        return Err(refused(reason));
    }
    spend(state, phone, &device_hash, &stored).await
}

async fn verify_stranger(state: &AppState, phone: &str, code: &str, client_ip: &str) -> AppResult<()> {
    let now = state.clock.now();
    let by_address = format!("code-guess-ip:{client_ip}");
    if let Some(after) = limit(state, by_address, CODE_GUESSES_PER_ADDRESS_PER_HOUR, HOUR).await? {
        return Err(AppError::rate_limited_for(after));
    }
    let by_phone = format!("code-guess-phone:{phone}");
    if let Some(after) = limit(state, by_phone, CODE_GUESSES_PER_PHONE_PER_DAY, DAY).await? {
        return Err(AppError::rate_limited_for(after));
    }
    /// The number's latest live code and the device it was sent to.
    #[derive(sqlx::FromRow)]
    struct LatestRow {
        device_hash: String,
        code_hash: String,
    }
    let latest = sqlx::query_as::<_, LatestRow>(
        "SELECT device_hash, code_hash FROM sms_codes WHERE phone = $1 AND expires_at > $2 \
         ORDER BY sent_at DESC LIMIT 1",
    )
    .bind(phone)
    .bind(now)
    .fetch_optional(&state.db.pool)
    .await?;
    let Some(LatestRow { device_hash, code_hash: stored }) = latest else {
        return Err(code_refused(FieldError::SmsCodeExpired).into());
    };
    if !matches(&stored, phone, code) {
        return Err(code_refused(FieldError::SmsCodeWrong).into());
    }
    spend(state, phone, &device_hash, &stored).await
}

/// Spends the code: of parallel sign-ins with the right code, only the one whose delete takes it succeeds.
async fn spend(state: &AppState, phone: &str, device_hash: &str, stored: &str) -> AppResult<()> {
    let spent = sqlx::query("DELETE FROM sms_codes WHERE phone = $1 AND device_hash = $2 AND code_hash = $3")
        .bind(phone)
        .bind(device_hash)
        .bind(stored)
        .execute(&state.db.pool)
        .await?;
    if spent.rows_affected() == 0 {
        return Err(code_refused(FieldError::SmsCodeExpired).into());
    }
    Ok(())
}
