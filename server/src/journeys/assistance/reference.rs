//! Public reference data of the journey: the standards the eligibility rules read, and the
//! communities where applications are accepted. No sign-in needed.

use super::store;
use crate::error::AppResult;
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use baoan_contract::assistance::{Community, Standards};
use baoan_contract::error::ApiError;

/// The standards (amounts, ages, thresholds) every eligibility rule and review deadline reads,
/// each with its source and effective date. 503 `standards_not_configured` while the district
/// has set none (or, in the live service, while any is only an example).
#[utoipa::path(get, path = "/assistance/standards", tag = "assistance",
    responses((status = 200, body = Standards), (status = 503, body = ApiError)))]
pub async fn standards(State(state): State<AppState>) -> AppResult<Json<Standards>> {
    Ok(Json(super::standards::in_force(&state).await?))
}

/// The communities (社区) of each street, in order.
#[utoipa::path(get, path = "/assistance/communities", tag = "assistance",
    responses((status = 200, body = Vec<Community>)))]
pub async fn communities(State(state): State<AppState>) -> AppResult<Json<Vec<Community>>> {
    Ok(Json(store::communities(&state.db).await?))
}
