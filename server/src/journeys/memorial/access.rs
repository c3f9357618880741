//! Small helpers shared by this journey's handlers.

use crate::auth::Resident;
use crate::error::AppError;
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use baoan_contract::error::{FieldError, FieldErrors};
use baoan_contract::rules::date::SHENZHEN_UTC_OFFSET;

/// A resident if signed in, nobody otherwise (public memorials can be read signed out).
pub struct MaybeResident(pub Option<Resident>);

impl FromRequestParts<AppState> for MaybeResident {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        Ok(MaybeResident(Resident::from_request_parts(parts, state).await.ok()))
    }
}

/// One field error as an API error.
pub fn field(name: &str, e: FieldError) -> AppError {
    let mut f = FieldErrors::new();
    f.add(name, e);
    f.into()
}

/// Minutes after midnight in Shenzhen at `now`.
pub fn shenzhen_minute(now: i64) -> u32 {
    ((now + i64::from(SHENZHEN_UTC_OFFSET)).rem_euclid(86_400) / 60) as u32
}

/// A short reference such as `JS-20270404-7K3Q` (no 0/O/1/I to misread at the gate).
pub fn reference(prefix: &str, date: &str) -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    let mut rng = rand::thread_rng();
    let tail: String = (0..5).map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char).collect();
    format!("{prefix}-{}-{tail}", date.replace('-', ""))
}

/// The key under which this server's cache entries live.
pub fn db_key(state: &AppState) -> String {
    state.config.database_url()
}
