//! Sessions: a random token in an HttpOnly, SameSite=Strict cookie (Secure over HTTPS); the
//! database keeps only its hash. Sign-out deletes the row, so a copied cookie dies with it.

use crate::auth::codes::hex;
use crate::error::AppError;
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue};
use baoan_contract::api::SESSION_TTL_SECONDS;
use sha2::{Digest, Sha256};

pub const COOKIE_NAME: &str = "baoan_session";
/// Sessions are extended on use, at most this often (saves a write per request).
const RENEW_AFTER_SECONDS: i64 = 3600;

fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// The signed-in resident. Handlers that take this answer 401 to everyone else.
#[derive(Debug, Clone)]
pub struct Resident {
    pub user_id: String,
    pub token_hash: String,
}

pub fn session_token(headers: &HeaderMap) -> Option<String> {
    headers.get_all(COOKIE).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(';')).find_map(|pair| {
        let (name, value) = pair.trim().split_once('=')?;
        (name == COOKIE_NAME && !value.is_empty()).then(|| value.to_string())
    })
}

impl FromRequestParts<AppState> for Resident {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let token = session_token(&parts.headers).ok_or_else(AppError::unauthorized)?;
        let hash = token_hash(&token);
        let now = state.clock.now();
        let row: Option<(String, i64)> =
            sqlx::query_as("SELECT user_id, expires_at FROM sessions WHERE token_hash = $1")
                .bind(&hash)
                .fetch_optional(&state.db.pool)
                .await?;
        let (user_id, expires_at) = row.ok_or_else(AppError::unauthorized)?;
        if now >= expires_at {
            sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(&hash).execute(&state.db.pool).await?;
            return Err(AppError::unauthorized());
        }
        if expires_at - now < SESSION_TTL_SECONDS - RENEW_AFTER_SECONDS {
            sqlx::query("UPDATE sessions SET expires_at = $1 WHERE token_hash = $2")
                .bind(now + SESSION_TTL_SECONDS)
                .bind(&hash)
                .execute(&state.db.pool)
                .await?;
        }
        Ok(Resident { user_id, token_hash: hash })
    }
}

/// Starts a session for `user_id`; returns the Set-Cookie header value.
pub async fn start(state: &AppState, user_id: &str, https: bool) -> Result<HeaderValue, AppError> {
    let token = format!("{}{}", crate::db::new_id(), crate::db::new_id());
    let now = state.clock.now();
    sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(token_hash(&token))
        .bind(user_id)
        .bind(now)
        .bind(now + SESSION_TTL_SECONDS)
        .execute(&state.db.pool)
        .await?;
    Ok(cookie(&token, SESSION_TTL_SECONDS, https))
}

/// Ends the session server-side and returns a Set-Cookie that clears it in the browser.
pub async fn end(state: &AppState, resident: &Resident, https: bool) -> Result<HeaderValue, AppError> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(&resident.token_hash).execute(&state.db.pool).await?;
    Ok(cookie("", 0, https))
}

fn cookie(token: &str, max_age: i64, https: bool) -> HeaderValue {
    let secure = if https { "; Secure" } else { "" };
    let value = format!("{COOKIE_NAME}={token}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}");
    HeaderValue::from_str(&value).expect("cookie is ASCII")
}

/// Whether the request came over HTTPS (directly, or via a trusted proxy saying so).
pub fn is_https(parts_headers: &HeaderMap, state: &AppState) -> bool {
    state.config.trust_proxy
        && parts_headers.get("x-forwarded-proto").and_then(|v| v.to_str().ok()) == Some("https")
}

pub fn set_cookie_headers(value: HeaderValue) -> [(axum::http::HeaderName, HeaderValue); 1] {
    [(SET_COOKIE, value)]
}
