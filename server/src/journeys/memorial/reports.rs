//! Reports: anyone who can see a memorial reports it, or one message on it; the reports wait in a
//! queue staff read (admin token) and handle — hide the message, or dismiss.

use super::access::{page_query, state_changed};
use super::memorials::role_of;
use crate::admin::Staff;
use crate::auth::Resident;
use crate::db::new_id;
use crate::error::{AppError, AppResult, JsonBody};
use crate::state::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use baoan_contract::error::{ApiError, FieldError};
use baoan_contract::mask::mask_name;
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
        let visible = if role == "owner" { "" } else { " AND hidden = 0" };
        let found: Option<(String,)> =
            sqlx::query_as(&format!("SELECT id FROM memorial_messages WHERE id = $1 AND memorial_id = $2{visible}"))
                .bind(message)
                .bind(&id)
                .fetch_optional(&state.db.pool)
                .await?;
        if found.is_none() {
            return Err(AppError::field("message_id", FieldError::MemorialReportMessage));
        }
    }
    crate::limits::enforce(&state, &super::quotas::REPORTS, &resident.user_id).await?;
    sqlx::query(
        "INSERT INTO memorial_reports (id, memorial_id, message_id, user_id, reason, created_at, status) VALUES ($1, $2, $3, $4, $5, $6, 'open')",
    )
    .bind(new_id())
    .bind(&id)
    .bind(message_id)
    .bind(&resident.user_id)
    .bind(&reason)
    .bind(state.clock.now())
    .execute(&state.db.pool)
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

type ReportRow =
    (String, String, String, String, Option<String>, Option<String>, Option<String>, Option<i64>, String, i64, String);

const SELECT: &str =
    "SELECT r.id, r.memorial_id, m.deceased_name, m.visibility, r.message_id, g.text, u.name, g.hidden, \
    r.reason, r.created_at, r.status FROM memorial_reports r JOIN memorials m ON m.id = r.memorial_id \
    LEFT JOIN memorial_messages g ON g.id = r.message_id LEFT JOIN users u ON u.id = g.user_id";

fn view(r: ReportRow) -> ReportView {
    let (
        id,
        memorial_id,
        deceased_name,
        memorial_visibility,
        message_id,
        message_text,
        author,
        hidden,
        reason,
        created_at,
        status,
    ) = r;
    ReportView {
        id,
        memorial_id,
        deceased_name,
        memorial_visibility,
        message_author: message_text.as_ref().map(|_| mask_name(author.as_deref().unwrap_or(""))),
        message_id,
        message_text,
        message_hidden: hidden.unwrap_or(0) != 0,
        reason,
        created_at,
        status,
    }
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
    let (total,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM memorial_reports WHERE status = 'open'").fetch_one(&state.db.pool).await?;
    let rows: Vec<ReportRow> =
        sqlx::query_as(&format!("{SELECT} WHERE r.status = 'open' ORDER BY r.created_at, r.id LIMIT $1 OFFSET $2"))
            .bind(i64::from(q.size()))
            .bind(q.offset())
            .fetch_all(&state.db.pool)
            .await?;
    Ok(Json(ReportList { items: rows.into_iter().map(view).collect(), page: q.page(), page_size: q.size(), total }))
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
    let row: Option<(Option<String>, String)> =
        sqlx::query_as("SELECT message_id, memorial_id FROM memorial_reports WHERE id = $1")
            .bind(&id)
            .fetch_optional(&state.db.pool)
            .await?;
    let (message_id, memorial_id) = row.ok_or_else(AppError::not_found)?;
    let action = req.validate(message_id.is_some()).map_err(AppError::from)?;
    let mut tx = state.db.begin().await?;
    let claimed =
        sqlx::query("UPDATE memorial_reports SET status = $1, handled_at = $2 WHERE id = $3 AND status = 'open'")
            .bind(action.outcome())
            .bind(state.clock.now())
            .bind(&id)
            .execute(&mut *tx)
            .await?;
    if claimed.rows_affected() == 0 {
        return Err(state_changed());
    }
    if let (ReportAction::HideMessage, Some(message)) = (action, &message_id) {
        sqlx::query("UPDATE memorial_messages SET hidden = 1 WHERE id = $1 AND memorial_id = $2")
            .bind(message)
            .bind(&memorial_id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    let row: ReportRow =
        sqlx::query_as(&format!("{SELECT} WHERE r.id = $1")).bind(&id).fetch_one(&state.db.pool).await?;
    Ok(Json(view(row)))
}
