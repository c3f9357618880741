//! The device cookie: a random token in a long-lived HttpOnly, SameSite=Strict cookie that the
//! answer to "send me a code" sets when the client has none. The database keeps only its hash.
//!
//! - Each code belongs to the device that asked for it: only that device's guesses count against
//!   it, so nobody else can replace or void it.
//! - A device that signed in to a number before is remembered for that number: it has its own
//!   allowance of codes, which strangers asking for that number cannot use up.

use super::codes::hex;
use super::session::{read_cookie, set_cookie};
use crate::state::AppState;
use axum::http::{HeaderMap, HeaderValue};
use baoan_contract::api::{DEVICE_COOKIE_MAX_AGE_SECONDS, KNOWN_DEVICE_SECONDS};
use sha2::{Digest, Sha256};

pub const DEVICE_COOKIE: &str = "baoan_device";

/// The device as the server sees it: its cookie's hash.
#[derive(Debug, Clone)]
pub struct Device {
    pub hash: String,
}

fn hash(token: &str) -> String {
    hex(&Sha256::digest(format!("device:{token}").as_bytes()))
}

/// The device of this request, if it carries a (well-formed) device cookie.
pub fn from_headers(headers: &HeaderMap, state: &AppState) -> Option<Device> {
    let token = read_cookie(headers, &super::session::cookie_name(&state.config, DEVICE_COOKIE))?;
    (token.len() >= 32
        && token.len() <= 128
        && token.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'))
    .then(|| Device { hash: hash(&token) })
}

/// This request's device, or a new one; the Set-Cookie (re)sets the cookie either way, so a
/// device in use keeps it for another year.
pub fn from_headers_or_new(headers: &HeaderMap, state: &AppState) -> (Device, HeaderValue) {
    let name = super::session::cookie_name(&state.config, DEVICE_COOKIE);
    let token = match (from_headers(headers, state), read_cookie(headers, &name)) {
        (Some(_), Some(token)) => token,
        _ => format!("{}{}", crate::db::new_id(), crate::db::new_id()),
    };
    let cookie = set_cookie(&state.config, DEVICE_COOKIE, &token, DEVICE_COOKIE_MAX_AGE_SECONDS);
    (Device { hash: hash(&token) }, cookie)
}

/// Whether this device signed in to `phone` recently enough to be remembered.
pub async fn is_known(state: &AppState, device: &Device, phone: &str) -> Result<bool, sqlx::Error> {
    let row: Option<(i64,)> =
        sqlx::query_as("SELECT last_sign_in_at FROM sign_in_devices WHERE device_hash = $1 AND phone = $2")
            .bind(&device.hash)
            .bind(phone)
            .fetch_optional(&state.db.pool)
            .await?;
    Ok(matches!(row, Some((at,)) if state.clock.now() - at < KNOWN_DEVICE_SECONDS))
}

/// Remembers that this device signed in to `phone` now.
pub async fn remember(state: &AppState, device: &Device, phone: &str) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO sign_in_devices (device_hash, phone, last_sign_in_at) VALUES ($1, $2, $3) \
         ON CONFLICT (device_hash, phone) DO UPDATE SET last_sign_in_at = excluded.last_sign_in_at",
    )
    .bind(&device.hash)
    .bind(phone)
    .bind(state.clock.now())
    .execute(&state.db.pool)
    .await?;
    Ok(())
}
