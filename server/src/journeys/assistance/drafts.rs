//! The resident's draft application, kept on the server as well as on the device, so it
//! resumes on another device. The content is the app's own JSON, stored as given.

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
    /// The resident's saved draft.
    #[derive(sqlx::FromRow)]
    struct DraftRow {
        content: String,
        updated_at: i64,
    }
    let row = sqlx::query_as::<_, DraftRow>("SELECT content, updated_at FROM assistance_drafts WHERE user_id = $1")
        .bind(&resident.user_id)
        .fetch_optional(&state.db.pool)
        .await?;
    let DraftRow { content, updated_at } = row.ok_or_else(AppError::not_found)?;
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
    // An upsert both engines understand (SQLite ≥ 3.24, PostgreSQL ≥ 9.5): concurrent autosaves
    // from two tabs never fail, the last one wins.
    sqlx::query(
        "INSERT INTO assistance_drafts (user_id, content, updated_at) VALUES ($1, $2, $3) \
         ON CONFLICT (user_id) DO UPDATE SET content = excluded.content, updated_at = excluded.updated_at",
    )
    .bind(&resident.user_id)
    .bind(&draft.content)
    .bind(now)
    .execute(&state.db.pool)
    .await?;
    Ok(Json(Draft { content: draft.content, updated_at: now }))
}

/// Forgets the draft (after submitting, or when the resident starts again).
#[utoipa::path(delete, path = "/assistance/draft", tag = "assistance",
    responses((status = 204), (status = 401, body = ApiError), (status = 429, body = ApiError)))]
pub async fn delete(State(state): State<AppState>, resident: Resident) -> AppResult<StatusCode> {
    crate::limits::enforce(&state, &crate::limits::ASSISTANCE_DRAFT_SAVES, &resident.user_id).await?;
    sqlx::query("DELETE FROM assistance_drafts WHERE user_id = $1")
        .bind(&resident.user_id)
        .execute(&state.db.pool)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
