//! 消息 — the message centre. Journeys call `notify` on every status change; residents read
//! their messages at `/api/v1/me/messages`.

use crate::auth::Resident;
use crate::db::{new_id, Db, DbResult};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use baoan_contract::api::{Message, MessageEvent, MessageList, PageQuery, Topic};
use baoan_contract::error::ApiError;
use baoan_contract::rules::date::Date;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// The message centre, relative to /api/v1 (each route declared by its handler).
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::default().routes(routes!(list)).routes(routes!(mark_read))
}

/// A message to write for one resident.
/// The topic is the event's own (`MessageEvent::topic`).
pub struct Notice<'a> {
    pub event: MessageEvent,
    pub reference: &'a str,
    pub action_path: &'a str,
    pub deadline: Option<Date>,
    pub detail: Option<&'a str>,
}

/// Writes a message to a resident's message centre.
pub async fn notify(db: &Db, user_id: &str, notice: Notice<'_>, now: i64) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO messages (id, user_id, topic, event, reference, action_path, deadline, detail, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(new_id())
    .bind(user_id)
    .bind(notice.event.topic().code())
    .bind(notice.event.code())
    .bind(notice.reference)
    .bind(notice.action_path)
    .bind(notice.deadline.map(|d| d.to_iso()))
    .bind(notice.detail)
    .bind(now)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// A row of `messages` as the resident's list reads it.
#[derive(sqlx::FromRow)]
struct MessageRow {
    id: String,
    topic: String,
    event: String,
    reference: String,
    action_path: String,
    deadline: Option<String>,
    detail: Option<String>,
    created_at: i64,
    read_at: Option<i64>,
}

impl MessageRow {
    /// Only events of the contract are written; a row with another code is not shown.
    fn into_message(self) -> Option<Message> {
        Some(Message {
            id: self.id,
            topic: Topic::from_code(&self.topic).unwrap_or(Topic::Account),
            event: MessageEvent::from_code(&self.event)?,
            reference: self.reference,
            action_path: self.action_path,
            deadline: self.deadline.as_deref().and_then(Date::parse_iso),
            detail: self.detail,
            created_at: self.created_at,
            read: self.read_at.is_some(),
        })
    }
}

/// The resident's messages, newest first, one page (at most 100; see `PageQuery`), with the
/// count of all their unread ones.
#[utoipa::path(get, path = "/me/messages", tag = "messages", params(PageQuery),
    responses((status = 200, body = MessageList), (status = 400, body = ApiError), (status = 401, body = ApiError)))]
pub async fn list(
    State(state): State<AppState>,
    resident: Resident,
    page: Result<Query<PageQuery>, QueryRejection>,
) -> AppResult<Json<MessageList>> {
    let Query(page) = page.map_err(crate::error::bad_query)?;
    let sql = format!(
        "SELECT id, topic, event, reference, action_path, deadline, detail, created_at, read_at \
         FROM messages WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT {} OFFSET {}",
        page.limit(),
        page.offset()
    );
    let rows = sqlx::query_as::<_, MessageRow>(&sql).bind(&resident.user_id).fetch_all(&state.db.pool).await?;
    let messages: Vec<Message> = rows.into_iter().filter_map(MessageRow::into_message).collect();
    let (unread,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM messages WHERE user_id = $1 AND read_at IS NULL")
        .bind(&resident.user_id)
        .fetch_one(&state.db.pool)
        .await?;
    Ok(Json(MessageList { messages, unread }))
}

/// Marks one of the resident's messages read. Someone else's message is "not found".
#[utoipa::path(post, path = "/me/messages/{id}/read", tag = "messages",
    params(("id" = String, Path, description = "Message id")),
    responses((status = 204), (status = 401, body = ApiError), (status = 404, body = ApiError), (status = 429, body = ApiError)))]
pub async fn mark_read(
    State(state): State<AppState>,
    resident: Resident,
    Path(id): Path<String>,
) -> AppResult<StatusCode> {
    crate::limits::enforce(&state, &crate::limits::MESSAGE_READS, &resident.user_id).await?;
    let done = sqlx::query("UPDATE messages SET read_at = $1 WHERE id = $2 AND user_id = $3 AND read_at IS NULL")
        .bind(state.clock.now())
        .bind(&id)
        .bind(&resident.user_id)
        .execute(&state.db.pool)
        .await?;
    if done.rows_affected() == 0 {
        let exists: Option<(String,)> = sqlx::query_as("SELECT id FROM messages WHERE id = $1 AND user_id = $2")
            .bind(&id)
            .bind(&resident.user_id)
            .fetch_optional(&state.db.pool)
            .await?;
        exists.ok_or_else(AppError::not_found)?;
    }
    Ok(StatusCode::NO_CONTENT)
}
