//! Public reference data of the journey: the standards the eligibility rules read, and the
//! communities where applications are accepted. No sign-in needed.

use super::store;
use crate::error::AppResult;
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use baoan_contract::assistance::{Community, Standards};

/// The standards (amounts, ages, thresholds) every eligibility rule and review deadline reads.
#[utoipa::path(get, path = "/assistance/standards", tag = "assistance",
    responses((status = 200, body = Standards)))]
pub async fn standards(State(state): State<AppState>) -> AppResult<Json<Standards>> {
    Ok(Json(store::standards(&state.db).await?))
}

/// The communities (社区) of each street, in order.
#[utoipa::path(get, path = "/assistance/communities", tag = "assistance",
    responses((status = 200, body = Vec<Community>)))]
pub async fn communities(State(state): State<AppState>) -> AppResult<Json<Vec<Community>>> {
    Ok(Json(store::communities(&state.db).await?))
}
