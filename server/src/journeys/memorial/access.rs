//! Small helpers shared by this journey's handlers.

use crate::auth::Resident;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use baoan_contract::error::FieldError;
use baoan_contract::rules::date::SHENZHEN_UTC_OFFSET;

/// A resident if signed in, nobody otherwise (public memorials can be read signed out).
pub struct MaybeResident(pub Option<Resident>);

impl FromRequestParts<AppState> for MaybeResident {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        Ok(MaybeResident(Resident::from_request_parts(parts, state).await.ok()))
    }
}

/// Minutes after midnight in Shenzhen at `now`.
pub fn shenzhen_minute(now: i64) -> u32 {
    baoan_contract::rules::date::minute_of_day(now, SHENZHEN_UTC_OFFSET)
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

/// The `?page=&page_size=` of a memorial list; an unreadable query is a 400 in the error shape.
pub fn page_query(
    q: Result<axum::extract::Query<baoan_contract::memorial::PageQuery>, axum::extract::rejection::QueryRejection>,
) -> AppResult<baoan_contract::memorial::PageQuery> {
    q.map(|axum::extract::Query(q)| q).map_err(crate::error::bad_query)
}

/// A conflict (409) naming the field concerned.
pub fn conflict(name: &str, e: FieldError) -> AppError {
    AppError::field_with(baoan_contract::ErrorCode::Conflict, "Conflict", name, e)
}

/// 409 without a field: the thing changed state meanwhile (e.g. staff marked it done).
pub fn state_changed() -> AppError {
    AppError::conflict("Already changed")
}
