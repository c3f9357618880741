//! The partner's confirmation code: six digits sent by the foundation's SMS sender, stored only
//! as a salted hash (like sign-in codes), five tries.

use crate::auth::codes::hex;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use baoan_contract::error::ErrorCode;
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
