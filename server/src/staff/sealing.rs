//! Staff members' authenticator (TOTP) secrets are sealed in the database with AES-256-GCM under
//! a key kept apart from it (`BAOAN_STAFF_SECRETS_KEY`): a copy of the database alone — a backup,
//! a leaked dump — does not let anyone make a staff member's codes. Each sealed value is bound to
//! its account (the account id is the associated data), so a sealed secret copied onto another
//! account does not open. A demo without the setting keeps a generated key in its own database.

use crate::db::DbResult;
use crate::secret::Secret;
use crate::state::AppState;
use aes_gcm::aead::{Aead, Payload};
use aes_gcm::{Aes256Gcm, KeyInit, Nonce};
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine;
use rand::RngCore;

/// Sealed values start with this, then base64 of nonce and ciphertext.
const PREFIX: &str = "v1:";
/// Where a demo keeps its generated key (never used when the setting is given).
const DEMO_KEY_NAME: &str = "staff_secrets_demo_key";

/// The setting's 32 bytes, or `None` when it is not 32 bytes of base64.
pub fn key_bytes(key: &Secret) -> Option<[u8; 32]> {
    B64.decode(key.expose().trim()).ok()?.try_into().ok()
}

/// The key in force: the setting's, or (a demo only) one generated once and kept in the database.
async fn key(state: &AppState) -> DbResult<[u8; 32]> {
    if let Some(key) = state.config.staff_secrets_key.as_ref().and_then(key_bytes) {
        return Ok(key);
    }
    if !state.config.demo {
        // The live service does not start without the setting (`Config::production_problems`).
        return Err(sqlx::Error::Configuration("BAOAN_STAFF_SECRETS_KEY is not set".into()));
    }
    let stored = |v: Option<(String,)>| v.and_then(|(v,)| B64.decode(v).ok()).and_then(|k| k.try_into().ok());
    let read = || sqlx::query_as::<_, (String,)>("SELECT value FROM service_meta WHERE key = $1").bind(DEMO_KEY_NAME);
    if let Some(key) = stored(read().fetch_optional(&state.db.pool).await?) {
        return Ok(key);
    }
    let mut fresh = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut fresh);
    sqlx::query("INSERT INTO service_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING")
        .bind(DEMO_KEY_NAME)
        .bind(B64.encode(fresh))
        .execute(&state.db.pool)
        .await?;
    // Another instance may have won the race: whatever is stored is the key.
    Ok(stored(read().fetch_optional(&state.db.pool).await?).unwrap_or(fresh))
}

/// Seals `secret` for account `account_id`.
pub async fn seal(state: &AppState, account_id: &str, secret: &[u8]) -> DbResult<String> {
    let cipher = Aes256Gcm::new_from_slice(&key(state).await?).expect("a 32-byte key");
    let mut nonce = [0u8; 12];
    rand::thread_rng().fill_bytes(&mut nonce);
    let sealed = cipher
        .encrypt(Nonce::from_slice(&nonce), Payload { msg: secret, aad: account_id.as_bytes() })
        .expect("AES-GCM sealing does not fail");
    Ok(format!("{PREFIX}{}", B64.encode([nonce.as_slice(), &sealed].concat())))
}

/// The secret sealed in `stored` for account `account_id`; `None` when it does not open (another
/// key, another account, altered).
pub async fn open(state: &AppState, account_id: &str, stored: &str) -> DbResult<Option<Vec<u8>>> {
    let Some(bytes) = stored.strip_prefix(PREFIX).and_then(|b| B64.decode(b).ok()) else { return Ok(None) };
    if bytes.len() < 12 {
        return Ok(None);
    }
    let (nonce, sealed) = bytes.split_at(12);
    let cipher = Aes256Gcm::new_from_slice(&key(state).await?).expect("a 32-byte key");
    Ok(cipher.decrypt(Nonce::from_slice(nonce), Payload { msg: sealed, aad: account_id.as_bytes() }).ok())
}
