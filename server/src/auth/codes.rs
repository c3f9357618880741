//! One-time sign-in codes: six digits, valid five minutes, five tries, stored only as a salted hash.

use crate::error::{AppError, AppResult};
use crate::rate_limit;
use crate::state::AppState;
use baoan_contract::api::{SMS_CODE_MAX_TRIES, SMS_CODE_TTL_SECONDS, SMS_RESEND_AFTER_SECONDS};
use baoan_contract::error::{ApiError, ErrorCode, FieldError, FieldErrors};
use rand::Rng;
use sha2::{Digest, Sha256};

const HOUR: i64 = 3600;

fn rate_limited(field_error: FieldError) -> AppError {
    let mut fields = FieldErrors::new();
    fields.add("phone", field_error);
    AppError(ApiError { code: ErrorCode::RateLimited, message: "Too many codes requested".into(), fields: fields.0, retry_after_seconds: None })
}

fn hash_code(salt: &str, phone: &str, code: &str) -> String {
    let digest = Sha256::digest(format!("{salt}:{phone}:{code}").as_bytes());
    format!("{salt}${}", hex(&digest))
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Issues a new code for `phone` (replacing any earlier one) after the rate limits agree.
pub async fn issue(state: &AppState, phone: &str, client_ip: &str) -> AppResult<()> {
    let now = state.clock.now();
    let db = &state.db;
    let last_sent: Option<(i64,)> = sqlx::query_as("SELECT sent_at FROM sms_codes WHERE phone = $1")
        .bind(phone)
        .fetch_optional(&db.pool)
        .await?;
    if matches!(last_sent, Some((at,)) if now - at < SMS_RESEND_AFTER_SECONDS) {
        return Err(rate_limited(FieldError::SmsRateLimited));
    }
    let per_ip = state.config.sms_per_ip_per_hour;
    if !rate_limit::allow(db, &format!("sms-ip:{client_ip}"), per_ip, HOUR, now).await? {
        return Err(AppError::rate_limited());
    }
    let per_phone = state.config.sms_per_phone_per_hour;
    if !rate_limit::allow(db, &format!("sms-phone:{phone}"), per_phone, HOUR, now).await? {
        return Err(rate_limited(FieldError::SmsRateLimited));
    }

    let code = format!("{:06}", rand::thread_rng().gen_range(0..1_000_000));
    let salt = crate::db::new_id();
    // Replace the earlier code only if it is old enough, in one statement: of requests racing
    // past the check above (a double tap), exactly one writes and sends a code.
    let written = sqlx::query(
        "INSERT INTO sms_codes (phone, code_hash, sent_at, expires_at, tries) VALUES ($1, $2, $3, $4, 0) \
         ON CONFLICT (phone) DO UPDATE SET code_hash = excluded.code_hash, sent_at = excluded.sent_at, \
         expires_at = excluded.expires_at, tries = 0 WHERE sms_codes.sent_at <= $5",
    )
    .bind(phone)
    .bind(hash_code(&salt, phone, &code))
    .bind(now)
    .bind(now + SMS_CODE_TTL_SECONDS)
    .bind(now - SMS_RESEND_AFTER_SECONDS)
    .execute(&db.pool)
    .await?;
    if written.rows_affected() == 0 {
        return Err(rate_limited(FieldError::SmsRateLimited));
    }

    state.sms.send_code(phone, &code).await.map_err(|e| {
        tracing::error!(error = %e, "SMS sender failed");
        AppError::new(ErrorCode::Internal, "Could not send the code")
    })?;
    Ok(())
}

/// Checks a code; on success the code is spent. Each wrong try counts, whatever the outcome.
pub async fn verify(state: &AppState, phone: &str, code: &str) -> Result<(), FieldError> {
    let now = state.clock.now();
    let db = &state.db;
    let row: Option<(String, i64, i64)> =
        sqlx::query_as("SELECT code_hash, expires_at, tries FROM sms_codes WHERE phone = $1")
            .bind(phone)
            .fetch_optional(&db.pool)
            .await
            .map_err(|_| FieldError::SmsCodeExpired)?;
    let Some((stored, expires_at, tries)) = row else {
        return Err(FieldError::SmsCodeExpired);
    };
    if now >= expires_at {
        return Err(FieldError::SmsCodeExpired);
    }
    if tries >= SMS_CODE_MAX_TRIES {
        return Err(FieldError::SmsCodeTooManyTries);
    }
    // Count the try before comparing, atomically, so parallel guesses cannot exceed the limit.
    let counted = sqlx::query("UPDATE sms_codes SET tries = tries + 1 WHERE phone = $1 AND tries < $2")
        .bind(phone)
        .bind(SMS_CODE_MAX_TRIES)
        .execute(&db.pool)
        .await
        .map_err(|_| FieldError::SmsCodeExpired)?;
    if counted.rows_affected() == 0 {
        return Err(FieldError::SmsCodeTooManyTries);
    }
    let salt = stored.split('$').next().unwrap_or("");
    if hash_code(salt, phone, code) != stored {
        return Err(if tries + 1 >= SMS_CODE_MAX_TRIES { FieldError::SmsCodeTooManyTries } else { FieldError::SmsCodeWrong });
    }
    // Spend the code: of parallel sign-ins with the right code, only the one whose delete takes it succeeds.
    let spent = sqlx::query("DELETE FROM sms_codes WHERE phone = $1 AND code_hash = $2")
        .bind(phone)
        .bind(&stored)
        .execute(&db.pool)
        .await
        .map_err(|_| FieldError::SmsCodeExpired)?;
    if spent.rows_affected() == 0 {
        return Err(FieldError::SmsCodeExpired);
    }
    Ok(())
}
