//! Sessions: a random token in an HttpOnly, SameSite=Strict, Secure cookie named with the
//! `__Host-` prefix (so no subdomain or plain-HTTP page can set or overwrite it); the database
//! keeps only its hash. Sign-out deletes the row, so a copied cookie dies with it. A session
//! lapses after a week unused and ends 30 days after sign-in whatever happens.
//! Plain HTTP (no prefix, no Secure) only with the development switch `--insecure-dev-cookie`.

use crate::auth::codes::hex;
use crate::config::Config;
use crate::error::AppError;
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue};
use baoan_contract::api::{SESSION_MAX_AGE_SECONDS, SESSION_TTL_SECONDS};
use sha2::{Digest, Sha256};

/// The session cookie's name under `--insecure-dev-cookie` (tests, local development).
pub const COOKIE_NAME: &str = "baoan_session";
/// The session cookie's name by default: Secure, host-only, Path=/ (the `__Host-` rules).
pub const SECURE_COOKIE_NAME: &str = "__Host-baoan_session";

/// A cookie name as this server writes it: `__Host-` prefixed unless in insecure development mode.
pub fn cookie_name(config: &Config, base: &'static str) -> String {
    if config.insecure_dev_cookie {
        base.to_string()
    } else {
        format!("__Host-{base}")
    }
}

/// The value of cookie `name` in the request, if any and not empty.
pub fn read_cookie(headers: &HeaderMap, name: &str) -> Option<String> {
    headers.get_all(COOKIE).iter().filter_map(|v| v.to_str().ok()).flat_map(|v| v.split(';')).find_map(|pair| {
        let (n, value) = pair.trim().split_once('=')?;
        (n == name && !value.is_empty()).then(|| value.to_string())
    })
}

/// A Set-Cookie value: HttpOnly, SameSite=Strict, Path=/, no Domain; Secure unless in
/// insecure development mode.
pub fn set_cookie(config: &Config, base: &'static str, value: &str, max_age: i64) -> HeaderValue {
    let secure = if config.insecure_dev_cookie { "" } else { "; Secure" };
    let name = cookie_name(config, base);
    let v = format!("{name}={value}; Path=/; HttpOnly; SameSite=Strict; Max-Age={max_age}{secure}");
    HeaderValue::from_str(&v).expect("cookie is ASCII")
}
/// Sessions are extended on use, at most this often (saves a write per request).
const RENEW_AFTER_SECONDS: i64 = 3600;

/// What the database keeps of a session token (residents' and staff's alike): its SHA-256.
pub(crate) fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// The signed-in resident. Handlers that take this answer 401 to everyone else.
#[derive(Debug, Clone)]
pub struct Resident {
    pub user_id: String,
    pub token_hash: String,
}

pub fn session_token(headers: &HeaderMap, config: &Config) -> Option<String> {
    read_cookie(headers, &cookie_name(config, COOKIE_NAME))
}

impl FromRequestParts<AppState> for Resident {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let token = session_token(&parts.headers, &state.config).ok_or_else(AppError::unauthorized)?;
        let hash = token_hash(&token);
        let now = state.clock.now();
        /// A session's account and lifetime.
        #[derive(sqlx::FromRow)]
        struct SessionRow {
            user_id: String,
            created_at: i64,
            expires_at: i64,
        }
        let row = sqlx::query_as::<_, SessionRow>(
            "SELECT user_id, created_at, expires_at FROM sessions WHERE token_hash = $1",
        )
        .bind(&hash)
        .fetch_optional(&state.db.pool)
        .await?;
        let SessionRow { user_id, created_at, expires_at } = row.ok_or_else(AppError::unauthorized)?;
        let ends_at = created_at + SESSION_MAX_AGE_SECONDS;
        if now >= expires_at || now >= ends_at {
            sqlx::query("DELETE FROM sessions WHERE token_hash = $1").bind(&hash).execute(&state.db.pool).await?;
            return Err(AppError::unauthorized());
        }
        let renewed = (now + SESSION_TTL_SECONDS).min(ends_at);
        if renewed - expires_at > RENEW_AFTER_SECONDS {
            sqlx::query("UPDATE sessions SET expires_at = $1 WHERE token_hash = $2")
                .bind(renewed)
                .bind(&hash)
                .execute(&state.db.pool)
                .await?;
        }
        Ok(Resident { user_id, token_hash: hash })
    }
}

/// Starts a session for `user_id`; returns the Set-Cookie header value.
pub async fn start(state: &AppState, user_id: &str) -> Result<HeaderValue, AppError> {
    let token = format!("{}{}", crate::db::new_id(), crate::db::new_id());
    let now = state.clock.now();
    sqlx::query("INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)")
        .bind(token_hash(&token))
        .bind(user_id)
        .bind(now)
        .bind(now + SESSION_TTL_SECONDS)
        .execute(&state.db.pool)
        .await?;
    // The browser may keep the cookie as long as the session can possibly live.
    Ok(set_cookie(&state.config, COOKIE_NAME, &token, SESSION_MAX_AGE_SECONDS))
}

/// Ends the session server-side and returns a Set-Cookie that clears it in the browser.
pub async fn end(state: &AppState, resident: &Resident) -> Result<HeaderValue, AppError> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(&resident.token_hash)
        .execute(&state.db.pool)
        .await?;
    Ok(set_cookie(&state.config, COOKIE_NAME, "", 0))
}

/// Ends every session of the resident (all devices); returns a Set-Cookie clearing this one.
pub async fn end_all(state: &AppState, resident: &Resident) -> Result<HeaderValue, AppError> {
    sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(&resident.user_id).execute(&state.db.pool).await?;
    Ok(set_cookie(&state.config, COOKIE_NAME, "", 0))
}

pub fn set_cookie_headers(value: HeaderValue) -> [(axum::http::HeaderName, HeaderValue); 1] {
    [(SET_COOKIE, value)]
}
