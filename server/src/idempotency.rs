//! Idempotent submits: a request carrying an `Idempotency-Key` header runs once per resident and
//! key; a retry (double click, network drop, reload) gets the first answer back instead of
//! creating a second record.
//!
//! The key is claimed by inserting a row (the primary key makes two claims impossible, on
//! SQLite and PostgreSQL alike). If the work fails, the claim is released so a retry can run.
//! A retry arriving while the first is still running gets 409 and may try again a moment later.
//!
//! A record holds only what a replay needs: the scope (action and resident), the key, a hash
//! of the body and the first answer. It counts for `IDEMPOTENCY_RECORD_SECONDS` (a day): after
//! that the same key runs as a new request, and the purge job deletes the record.

use crate::error::{AppError, AppResult};
use crate::state::AppState;
use axum::http::HeaderMap;
use baoan_contract::error::{ErrorCode, FieldError};
use baoan_contract::retention::IDEMPOTENCY_RECORD_SECONDS;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::future::Future;

pub const HEADER: &str = "idempotency-key";
/// The shortest key accepted.
pub const KEY_MIN_LEN: usize = 8;
/// The longest key accepted.
pub const KEY_MAX_LEN: usize = 100;
/// What a key is made of (the OpenAPI schema of the header): visible ASCII characters only.
pub const KEY_PATTERN: &str = "^[!-~]+$";

/// The key from the request, required for submits: 8–100 visible ASCII characters.
pub fn key_from(headers: &HeaderMap) -> AppResult<String> {
    let key = headers.get(HEADER).and_then(|v| v.to_str().ok()).map(str::trim).unwrap_or("");
    if (KEY_MIN_LEN..=KEY_MAX_LEN).contains(&key.len()) && key.bytes().all(|b| b.is_ascii_graphic()) {
        Ok(key.to_string())
    } else {
        Err(AppError::field("idempotency_key", FieldError::Required))
    }
}

/// A key's claim: the request's fingerprint and, once done, its stored answer.
#[derive(sqlx::FromRow)]
struct KeyRow {
    fingerprint: String,
    response: Option<String>,
}

/// Runs `work` once for (`scope`, `key`). `fingerprint` identifies the request body: the same
/// key with a different body is refused rather than silently answered with another result.
pub async fn once<T, F, Fut>(state: &AppState, scope: &str, key: &str, fingerprint: &str, work: F) -> AppResult<T>
where
    T: Serialize + DeserializeOwned,
    F: FnOnce() -> Fut,
    Fut: Future<Output = AppResult<T>>,
{
    let db = &state.db.pool;
    let now = state.clock.now();
    // A record older than a day no longer counts (the purge job deletes it within the hour).
    sqlx::query("DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2 AND created_at <= $3")
        .bind(scope)
        .bind(key)
        .bind(now - IDEMPOTENCY_RECORD_SECONDS)
        .execute(db)
        .await?;
    let claimed =
        sqlx::query("INSERT INTO idempotency_keys (scope, key, fingerprint, created_at) VALUES ($1, $2, $3, $4)")
            .bind(scope)
            .bind(key)
            .bind(fingerprint)
            .bind(now)
            .execute(db)
            .await;
    match claimed {
        Ok(_) => {}
        Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
            // The claim may be gone already: the first attempt failed and released it. That is
            // still "a retry arriving while the first was running": 409, try again.
            let Some(KeyRow { fingerprint: stored_fingerprint, response }) = sqlx::query_as::<_, KeyRow>(
                "SELECT fingerprint, response FROM idempotency_keys WHERE scope = $1 AND key = $2",
            )
            .bind(scope)
            .bind(key)
            .fetch_optional(db)
            .await?
            else {
                return Err(AppError::conflict("The same request is still being processed"));
            };
            if stored_fingerprint != fingerprint {
                return Err(AppError::conflict("Idempotency key reused for a different request"));
            }
            return match response.and_then(|r| serde_json::from_str(&r).ok()) {
                Some(previous) => Ok(previous),
                None => Err(AppError::conflict("The same request is still being processed")),
            };
        }
        Err(e) => return Err(e.into()),
    }
    match work().await {
        Ok(value) => {
            let json = serde_json::to_string(&value).map_err(|_| AppError::new(ErrorCode::Internal, "serialise"))?;
            sqlx::query("UPDATE idempotency_keys SET response = $1 WHERE scope = $2 AND key = $3")
                .bind(json)
                .bind(scope)
                .bind(key)
                .execute(db)
                .await?;
            Ok(value)
        }
        Err(e) => {
            let _ = sqlx::query("DELETE FROM idempotency_keys WHERE scope = $1 AND key = $2")
                .bind(scope)
                .bind(key)
                .execute(db)
                .await;
            Err(e)
        }
    }
}

/// A fingerprint of a request body (SHA-256 of its JSON).
pub fn fingerprint<T: Serialize>(body: &T) -> String {
    use sha2::{Digest, Sha256};
    crate::auth::codes::hex(&Sha256::digest(serde_json::to_vec(body).unwrap_or_default()))
}
