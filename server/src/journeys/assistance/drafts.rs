//! The resident's draft application, kept on the server as well as on the device, so it
//! resumes on another device. The content is the app's own JSON, stored as given.

use super::store;
use crate::auth::Resident;
use crate::error::{AppError, AppResult, JsonBody};
use crate::state::AppState;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use baoan_contract::assistance::{Draft, MAX_DRAFT_BYTES};
use baoan_contract::error::{ApiError, ErrorCode};

/// The resident's saved draft (404 when there is none).
#[utoipa::path(get, path = "/assistance/draft", tag = "assistance",
    responses((status = 200, body = Draft), (status = 401, body = ApiError), (status = 404, body = ApiError)))]
pub async fn get(State(state): State<AppState>, resident: Resident) -> AppResult<Json<Draft>> {
    let row = store::draft(&state.db, &resident.user_id).await?;
    let store::DraftRow { content, updated_at } = row.ok_or_else(AppError::not_found)?;
    Ok(Json(Draft { content, updated_at }))
}

/// Saves the draft (replacing the previous one). `content` must be JSON of at most 48 KB.
#[utoipa::path(put, path = "/assistance/draft", tag = "assistance", request_body = Draft,
    responses((status = 200, body = Draft), (status = 400, body = ApiError), (status = 401, body = ApiError),
              (status = 413, body = ApiError), (status = 429, body = ApiError)))]
pub async fn put(
    State(state): State<AppState>,
    resident: Resident,
    JsonBody(draft): JsonBody<Draft>,
) -> AppResult<Json<Draft>> {
    if draft.content.len() > MAX_DRAFT_BYTES {
        return Err(AppError::new(ErrorCode::PayloadTooLarge, "Draft larger than 48 KB"));
    }
    if serde_json::from_str::<serde_json::Value>(&draft.content).is_err() {
        return Err(AppError::bad_request("Draft content is not JSON"));
    }
    crate::limits::enforce(&state, &crate::limits::ASSISTANCE_DRAFT_SAVES, &resident.user_id).await?;
    let now = state.clock.now();
    store::save_draft(&state.db, &resident.user_id, &draft.content, now).await?;
    Ok(Json(Draft { content: draft.content, updated_at: now }))
}

/// Forgets the draft (after submitting, or when the resident starts again).
#[utoipa::path(delete, path = "/assistance/draft", tag = "assistance",
    responses((status = 204), (status = 401, body = ApiError), (status = 429, body = ApiError)))]
pub async fn delete(State(state): State<AppState>, resident: Resident) -> AppResult<StatusCode> {
    crate::limits::enforce(&state, &crate::limits::ASSISTANCE_DRAFT_SAVES, &resident.user_id).await?;
    store::forget_draft(&state.db.pool, &resident.user_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
