//! Reports: anyone who can see a memorial reports it, or one message on it; the reports wait in a
//! queue moderators read and handle (`staff.rs`) — hide the message, or dismiss.

use super::memorials::role_of;
use super::store::reports as store;
use crate::auth::Resident;
use crate::error::{AppError, AppResult, JsonBody};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use baoan_contract::error::{ApiError, FieldError};
use baoan_contract::memorial::rules::{parse_plain_text, MAX_NOTE_CHARS};
use baoan_contract::memorial::*;

/// Anyone who can see a memorial can report it, or one message on it, to staff.
#[utoipa::path(post, path = "/memorial/memorials/{id}/reports", tag = "memorial", params(("id" = String, Path)),
    request_body = ReportRequest,
    responses((status = 204), (status = 404, body = ApiError), (status = 422, body = ApiError), (status = 429, body = ApiError)))]
pub async fn report(
    State(state): State<AppState>,
    resident: Resident,
    Path(id): Path<String>,
    JsonBody(req): JsonBody<ReportRequest>,
) -> AppResult<StatusCode> {
    let role = role_of(&state, &id, Some(&resident.user_id)).await?;
    let reason = parse_plain_text(&req.reason, MAX_NOTE_CHARS).map_err(|e| AppError::field("reason", e))?;
    let message_id = req.message_id.as_deref().map(str::trim).filter(|m| !m.is_empty());
    if let Some(message) = message_id {
        // Only a message this resident can see on this memorial.
        if !store::message_visible(&state.db, &id, message, role == "owner").await? {
            return Err(AppError::field("message_id", FieldError::MemorialReportMessage));
        }
    }
    crate::limits::enforce(&state, &super::quotas::REPORTS, &resident.user_id).await?;
    store::insert(&state.db, &id, message_id, &resident.user_id, &reason, state.clock.now()).await?;
    Ok(StatusCode::NO_CONTENT)
}
