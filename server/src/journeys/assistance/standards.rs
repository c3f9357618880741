//! The standards as the district manages them: the live service decides nothing with figures
//! nobody set (`standards_not_configured` until then), demo mode writes marked examples, and staff
//! replace the whole sheet through the admin API or `baoan-server standards import` — checked by
//! the contract (every bad field reported), written in one transaction with its change record.

use super::store;
use crate::admin::Staff;
use crate::db::{Db, DbResult};
use crate::error::{AppError, AppResult, JsonBody};
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use baoan_contract::assistance::{Standards, StandardsChange};
use baoan_contract::error::{ApiError, ErrorCode};

/// The demonstration sheet: 1250 yuan and the age 70 cite the plan, every other figure is marked
/// as an example. Also the sample file for `standards import`.
pub const EXAMPLE_JSON: &str = include_str!("../../../data/assistance_standards.example.json");

/// The standards a decision may use: in demo mode whatever is stored (examples included); in the
/// live service only a complete sheet without examples. Otherwise 503 `standards_not_configured`.
pub async fn in_force(state: &AppState) -> AppResult<Standards> {
    match store::standards(&state.db).await? {
        Some(s) if state.config.demo || !s.has_examples() => Ok(s),
        _ => Err(AppError::new(
            ErrorCode::StandardsNotConfigured,
            "The district has not set the assistance standards yet",
        )),
    }
}

/// Demo mode only: writes the example sheet into a database that has no standards yet.
pub async fn seed_examples_if_empty(db: &Db, now: i64) -> DbResult<()> {
    let mut tx = db.begin().await?;
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM assistance_standards").fetch_one(&mut *tx).await?;
    if count == 0 {
        let examples: Standards = serde_json::from_str(EXAMPLE_JSON).expect("the example sheet reads");
        store::replace_standards(&mut tx, &examples).await?;
        store::record_standards_change(&mut tx, now, "demo (example figures)", None, &examples).await?;
    }
    tx.commit().await
}

/// Checks the sheet and, if nothing is wrong, replaces the stored one and records who did it,
/// all in one transaction. `door` says how it came (admin API, CLI), kept beside the name.
pub async fn set(state: &AppState, change: StandardsChange, door: &str) -> AppResult<Standards> {
    change.check(state.config.demo).into_result().map_err(AppError::from)?;
    let before = store::standards(&state.db).await?;
    let mut tx = state.db.begin().await?;
    store::replace_standards(&mut tx, &change.standards).await?;
    let by = format!("{} ({door})", change.changed_by.trim());
    store::record_standards_change(&mut tx, state.clock.now(), &by, before.as_ref(), &change.standards).await?;
    tx.commit().await?;
    Ok(change.standards)
}

/// The stored sheet as staff see it (examples included), or 404 while none is set.
#[utoipa::path(get, path = "/admin/assistance/standards", tag = "assistance-admin",
    responses((status = 200, body = Standards), (status = 401, body = ApiError), (status = 404, body = ApiError)))]
pub async fn get(State(state): State<AppState>, _staff: Staff) -> AppResult<Json<Standards>> {
    store::standards(&state.db).await?.map(Json).ok_or_else(AppError::not_found)
}

/// Set every standard at once, each with its source and effective date. Every bad field is
/// reported (422 `validation`) and then nothing is changed; the live service refuses examples.
#[utoipa::path(put, path = "/admin/assistance/standards", tag = "assistance-admin",
    request_body = StandardsChange,
    responses((status = 200, body = Standards), (status = 400, body = ApiError), (status = 401, body = ApiError),
              (status = 422, body = ApiError)))]
pub async fn put(
    State(state): State<AppState>,
    _staff: Staff,
    JsonBody(change): JsonBody<StandardsChange>,
) -> AppResult<Json<Standards>> {
    Ok(Json(set(&state, change, "admin API").await?))
}
