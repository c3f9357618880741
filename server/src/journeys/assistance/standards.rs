//! The standards as the district manages them: the live service decides nothing with figures
//! nobody set (`standards_not_configured` until then), demo mode writes marked examples, and a
//! district admin replaces the whole sheet (`PUT /api/v1/staff/assistance/standards`, with its
//! audit entry) or an operator does (`baoan-server standards import --by NAME`) — checked by the
//! contract (every bad field reported), written in one transaction with its change record.

use super::store;
use crate::db::{Db, DbResult};
use crate::error::{AppError, AppResult, JsonBody};
use crate::staff::audit::{self, Actor, Entry};
use crate::staff::StaffMember;
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use baoan_contract::assistance::{Standards, StandardsChange};
use baoan_contract::error::{ApiError, ErrorCode};
use baoan_contract::staff::Role;

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
/// all in one transaction. `door` says how it came (staff, CLI), kept beside the name; a staff
/// member's change is also in the audit trail (the sheet before and after), in that transaction.
pub async fn set(state: &AppState, change: StandardsChange, door: &str, actor: Option<&Actor>) -> AppResult<Standards> {
    change.check(state.config.demo).into_result().map_err(AppError::from)?;
    let before = store::standards(&state.db).await?;
    let mut tx = state.db.begin().await?;
    store::replace_standards(&mut tx, &change.standards).await?;
    let by = format!("{} ({door})", change.changed_by.trim());
    let now = state.clock.now();
    store::record_standards_change(&mut tx, now, &by, before.as_ref(), &change.standards).await?;
    if let Some(actor) = actor {
        let json = |s: &Standards| serde_json::to_string(s).expect("standards serialise");
        let entry = Entry {
            actor,
            action: "assistance.set_standards",
            subject_kind: "assistance_standards",
            subject_id: "standards",
            before: before.as_ref().map(json),
            after: Some(json(&change.standards)),
            reason: None,
        };
        audit::record(&mut tx, now, &entry).await?;
    }
    tx.commit().await?;
    Ok(change.standards)
}

/// The stored sheet as staff see it (examples included), or 404 while none is set. District
/// admins only (403 for every other role).
#[utoipa::path(get, path = "/staff/assistance/standards", tag = "staff",
    responses((status = 200, body = Standards), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 404, body = ApiError)))]
pub async fn get(State(state): State<AppState>, member: StaffMember) -> AppResult<Json<Standards>> {
    member.require(Role::DistrictAdmin)?;
    store::standards(&state.db).await?.map(Json).ok_or_else(AppError::not_found)
}

/// Set every standard at once, each with its source and effective date; the change is recorded
/// under the signed-in district admin's login. Every bad field is reported (422 `validation`) and
/// then nothing is changed; the live service refuses examples. District admins only.
#[utoipa::path(put, path = "/staff/assistance/standards", tag = "staff",
    request_body = Standards,
    responses((status = 200, body = Standards), (status = 400, body = ApiError), (status = 401, body = ApiError),
              (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub async fn put(
    State(state): State<AppState>,
    member: StaffMember,
    JsonBody(sheet): JsonBody<Standards>,
) -> AppResult<Json<Standards>> {
    member.require(Role::DistrictAdmin)?;
    let change = StandardsChange { changed_by: member.login.clone(), standards: sheet };
    Ok(Json(set(&state, change, "staff", Some(&Actor::from(&member))).await?))
}
