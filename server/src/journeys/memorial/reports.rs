//! Reports: anyone who can see a memorial reports it, or one message on it; the reports wait in a
//! queue staff read (admin token) and handle — hide the message, or dismiss.

use super::access::{page_query, state_changed};
use super::memorials::role_of;
use super::store::reports as store;
use crate::admin::Staff;
use crate::auth::Resident;
use crate::error::{AppError, AppResult, JsonBody};
use crate::state::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
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

/// Staff: open reports, oldest first, with the memorial and the reported message.
#[utoipa::path(get, path = "/memorial/admin/reports", tag = "memorial-admin", params(PageQuery),
    responses((status = 200, body = ReportList), (status = 401, body = ApiError)))]
pub async fn staff_list(
    State(state): State<AppState>,
    _staff: Staff,
    q: Result<Query<PageQuery>, QueryRejection>,
) -> AppResult<Json<ReportList>> {
    let q = page_query(q)?;
    let (total, rows) = store::open(&state.db, i64::from(q.size()), q.offset()).await?;
    Ok(Json(ReportList { items: rows, page: q.page(), page_size: q.size(), total }))
}

/// Staff handle an open report: hide the reported message, or dismiss. Conditional on `open`, so
/// two staff handling the same report at once cannot both act (the second gets 409).
#[utoipa::path(post, path = "/memorial/admin/reports/{id}", tag = "memorial-admin", params(("id" = String, Path)),
    request_body = ReportHandle,
    responses((status = 200, body = ReportView), (status = 401, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError, description = "Already handled"), (status = 422, body = ApiError)))]
pub async fn staff_handle(
    State(state): State<AppState>,
    _staff: Staff,
    Path(id): Path<String>,
    JsonBody(req): JsonBody<ReportHandle>,
) -> AppResult<Json<ReportView>> {
    let row = store::reported(&state.db, &id).await?;
    let store::ReportedRow { message_id, memorial_id } = row.ok_or_else(AppError::not_found)?;
    let action = req.validate(message_id.is_some()).map_err(AppError::from)?;
    let mut tx = state.db.begin().await?;
    if !store::handle(&mut tx, &id, action.outcome(), state.clock.now()).await? {
        return Err(state_changed());
    }
    if let (ReportAction::HideMessage, Some(message)) = (action, &message_id) {
        store::hide_message(&mut tx, message, &memorial_id).await?;
    }
    tx.commit().await?;
    Ok(Json(store::report(&state.db, &id).await?))
}
