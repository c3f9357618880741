//! Flowers, candles and messages on a memorial; the owner's hide/delete; reports.
//! Offerings are free and only counted — there are no paid offerings and no rankings.

use super::access::field;
use super::memorials::role_of;
use crate::auth::Resident;
use crate::db::new_id;
use crate::error::{AppError, AppResult, JsonBody};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use baoan_contract::error::{ApiError, FieldError};
use baoan_contract::memorial::rules::{parse_message, parse_plain_text, MAX_NOTE_CHARS};
use baoan_contract::memorial::*;
use baoan_contract::rules::date::Date;

/// At most this many messages per resident per `RATE_WINDOW_SECONDS`, over all memorials.
pub const MESSAGES_PER_WINDOW: i64 = 5;
pub const RATE_WINDOW_SECONDS: i64 = 600;

/// deceased_name, born_on, died_on, biography, photo, visibility, reminder.
type MemorialRow = (String, String, String, String, Option<String>, String, i64);

/// The memorial as `role` sees it. Hidden messages are shown only to the owner.
pub async fn load(state: &AppState, id: &str, user: &str, role: &str) -> AppResult<Memorial> {
    let row: Option<MemorialRow> = sqlx::query_as(
        "SELECT deceased_name, born_on, died_on, biography, photo, visibility, reminder FROM memorials WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&state.db.pool)
    .await?;
    let (deceased_name, born, died, biography, photo, visibility, reminder) = row.ok_or_else(AppError::not_found)?;
    let count = |kind: &'static str| async move {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM memorial_offerings WHERE memorial_id = $1 AND kind = $2")
            .bind(id)
            .bind(kind)
            .fetch_one(&state.db.pool)
            .await?;
        Ok::<i64, sqlx::Error>(n)
    };
    let flowers = count("flower").await?;
    let candles = count("candle").await?;
    let rows: Vec<(String, String, String, i64, i64, Option<String>)> = sqlx::query_as(
        "SELECT m.id, m.user_id, m.text, m.created_at, m.hidden, u.name FROM memorial_messages m \
         JOIN users u ON u.id = m.user_id WHERE m.memorial_id = $1 ORDER BY m.created_at, m.id",
    )
    .bind(id)
    .fetch_all(&state.db.pool)
    .await?;
    let owner = role == "owner";
    let messages = rows
        .into_iter()
        .filter(|r| owner || r.4 == 0)
        .map(|(mid, author_id, text, created_at, hidden, name)| MemorialMessage {
            id: mid,
            author: name.unwrap_or_default(),
            text,
            created_at,
            hidden: hidden != 0,
            mine: author_id == user,
        })
        .collect();
    Ok(Memorial {
        id: id.to_string(),
        deceased_name,
        born_on: Date::parse_iso(&born).ok_or_else(AppError::not_found)?,
        died_on: Date::parse_iso(&died).ok_or_else(AppError::not_found)?,
        biography,
        photo,
        visibility,
        role: role.to_string(),
        flowers,
        candles,
        reminder: owner && reminder != 0,
        messages,
    })
}

/// Lay flowers or light a candle (free).
#[utoipa::path(post, path = "/api/v1/memorial/memorials/{id}/offerings", tag = "memorial", params(("id" = String, Path)),
    request_body = OfferingRequest, responses((status = 200, body = Memorial), (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub async fn offer(State(state): State<AppState>, resident: Resident, Path(id): Path<String>, JsonBody(req): JsonBody<OfferingRequest>) -> AppResult<Json<Memorial>> {
    let role = role_of(&state, &id, Some(&resident.user_id)).await?;
    if !matches!(req.kind.as_str(), "flower" | "candle") {
        return Err(field("kind", FieldError::Required));
    }
    sqlx::query("INSERT INTO memorial_offerings (id, memorial_id, user_id, kind, created_at) VALUES ($1, $2, $3, $4, $5)")
        .bind(new_id())
        .bind(&id)
        .bind(&resident.user_id)
        .bind(&req.kind)
        .bind(state.clock.now())
        .execute(&state.db.pool)
        .await?;
    Ok(Json(load(&state, &id, &resident.user_id, &role).await?))
}

/// Leave a message: plain text (stored and returned exactly as text), length- and rate-limited.
#[utoipa::path(post, path = "/api/v1/memorial/memorials/{id}/messages", tag = "memorial", params(("id" = String, Path)),
    request_body = MessageRequest,
    responses((status = 200, body = Memorial), (status = 404, body = ApiError), (status = 422, body = ApiError), (status = 429, body = ApiError)))]
pub async fn leave_message(State(state): State<AppState>, resident: Resident, Path(id): Path<String>, JsonBody(req): JsonBody<MessageRequest>) -> AppResult<Json<Memorial>> {
    let role = role_of(&state, &id, Some(&resident.user_id)).await?;
    let text = parse_message(&req.text).map_err(|e| field("text", e))?;
    let now = state.clock.now();
    let (recent,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM memorial_messages WHERE user_id = $1 AND created_at > $2")
        .bind(&resident.user_id)
        .bind(now - RATE_WINDOW_SECONDS)
        .fetch_one(&state.db.pool)
        .await?;
    if recent >= MESSAGES_PER_WINDOW {
        return Err(AppError::rate_limited());
    }
    sqlx::query("INSERT INTO memorial_messages (id, memorial_id, user_id, text, hidden, created_at) VALUES ($1, $2, $3, $4, 0, $5)")
        .bind(new_id())
        .bind(&id)
        .bind(&resident.user_id)
        .bind(&text)
        .bind(now)
        .execute(&state.db.pool)
        .await?;
    Ok(Json(load(&state, &id, &resident.user_id, &role).await?))
}

async fn owner_only(state: &AppState, id: &str, user: &str) -> AppResult<()> {
    if role_of(state, id, Some(user)).await? == "owner" { Ok(()) } else { Err(AppError::not_found()) }
}

/// The owner hides a message (kept, shown to the owner only, marked hidden).
#[utoipa::path(post, path = "/api/v1/memorial/memorials/{id}/messages/{message}/hide", tag = "memorial",
    params(("id" = String, Path), ("message" = String, Path)), responses((status = 200, body = Memorial), (status = 404, body = ApiError)))]
pub async fn hide(State(state): State<AppState>, resident: Resident, Path((id, message)): Path<(String, String)>) -> AppResult<Json<Memorial>> {
    owner_only(&state, &id, &resident.user_id).await?;
    let done = sqlx::query("UPDATE memorial_messages SET hidden = 1 WHERE id = $1 AND memorial_id = $2")
        .bind(&message)
        .bind(&id)
        .execute(&state.db.pool)
        .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::not_found());
    }
    Ok(Json(load(&state, &id, &resident.user_id, "owner").await?))
}

/// The owner deletes a message for good.
#[utoipa::path(delete, path = "/api/v1/memorial/memorials/{id}/messages/{message}", tag = "memorial",
    params(("id" = String, Path), ("message" = String, Path)), responses((status = 204), (status = 404, body = ApiError)))]
pub async fn delete(State(state): State<AppState>, resident: Resident, Path((id, message)): Path<(String, String)>) -> AppResult<StatusCode> {
    owner_only(&state, &id, &resident.user_id).await?;
    let done = sqlx::query("DELETE FROM memorial_messages WHERE id = $1 AND memorial_id = $2").bind(&message).bind(&id).execute(&state.db.pool).await?;
    if done.rows_affected() == 0 {
        return Err(AppError::not_found());
    }
    Ok(StatusCode::NO_CONTENT)
}

/// Anyone who can see a memorial can report it, or one message on it, to staff.
#[utoipa::path(post, path = "/api/v1/memorial/memorials/{id}/reports", tag = "memorial", params(("id" = String, Path)),
    request_body = ReportRequest, responses((status = 204), (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub async fn report(State(state): State<AppState>, resident: Resident, Path(id): Path<String>, JsonBody(req): JsonBody<ReportRequest>) -> AppResult<StatusCode> {
    role_of(&state, &id, Some(&resident.user_id)).await?;
    let reason = parse_plain_text(&req.reason, MAX_NOTE_CHARS).map_err(|e| field("reason", e))?;
    sqlx::query("INSERT INTO memorial_reports (id, memorial_id, message_id, user_id, reason, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(new_id())
        .bind(&id)
        .bind(&req.message_id)
        .bind(&resident.user_id)
        .bind(&reason)
        .bind(state.clock.now())
        .execute(&state.db.pool)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
