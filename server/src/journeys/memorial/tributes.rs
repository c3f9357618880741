//! Flowers, candles and messages on a memorial (authors masked); the owner's hide/delete.
//! Offerings are free and only counted — there are no paid offerings and no rankings.

use super::access::{page_query, MaybeResident};
use super::memorials::role_of;
use super::store::tributes as store;
use crate::auth::Resident;
use crate::error::{AppError, AppResult, JsonBody};
use crate::state::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use baoan_contract::error::{ApiError, FieldError};
use baoan_contract::mask::mask_name;
use baoan_contract::memorial::rules::parse_message;
use baoan_contract::memorial::*;
use baoan_contract::rules::date::Date;

/// The memorial as `role` sees it. Hidden messages are shown only to the owner.
pub async fn load(state: &AppState, id: &str, user: &str, role: &str) -> AppResult<Memorial> {
    let row = store::memorial(&state.db, id).await?;
    let store::MemorialRow { deceased_name, born_on: born, died_on: died, biography, photo, visibility, reminder } =
        row.ok_or_else(AppError::not_found)?;
    let flowers = store::offerings(&state.db, id, "flower").await?;
    let candles = store::offerings(&state.db, id, "candle").await?;
    let owner = role == "owner";
    // The newest page, shown oldest first; the rest is paged by `messages`.
    let (mut messages, messages_total) = message_page(state, id, user, owner, MAX_PAGE_SIZE, 0).await?;
    messages.reverse();
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
        messages_total,
    })
}

/// Newest first: `limit` messages after skipping `offset`, and how many there are in all.
/// Hidden messages count and show only for the owner. Authors are masked (`王**`) for everyone,
/// the owner included: a profile's full name is never shown on a memorial.
async fn message_page(
    state: &AppState,
    id: &str,
    user: &str,
    owner: bool,
    limit: u32,
    offset: i64,
) -> AppResult<(Vec<MemorialMessage>, i64)> {
    let (total, rows) = store::messages(&state.db, id, owner, i64::from(limit), offset).await?;
    let messages = rows
        .into_iter()
        .map(|m| MemorialMessage {
            id: m.id,
            author: mask_name(m.name.as_deref().unwrap_or("")),
            text: m.text,
            created_at: m.created_at,
            hidden: m.hidden != 0,
            mine: m.user_id == user,
        })
        .collect();
    Ok((messages, total))
}

/// A memorial's messages, newest first, a page at a time (to whoever may see the memorial).
#[utoipa::path(get, path = "/memorial/memorials/{id}/messages", tag = "memorial", params(("id" = String, Path), PageQuery),
    responses((status = 200, body = MessagePage), (status = 404, body = ApiError)))]
pub async fn messages(
    State(state): State<AppState>,
    who: MaybeResident,
    Path(id): Path<String>,
    q: Result<Query<PageQuery>, QueryRejection>,
) -> AppResult<Json<MessagePage>> {
    let q = page_query(q)?;
    let user = who.0.map(|r| r.user_id).unwrap_or_default();
    let role = role_of(&state, &id, Some(user.as_str()).filter(|u| !u.is_empty())).await?;
    let (items, total) = message_page(&state, &id, &user, role == "owner", q.size(), q.offset()).await?;
    Ok(Json(MessagePage { items, page: q.page(), page_size: q.size(), total }))
}

/// Lay flowers or light a candle (free).
#[utoipa::path(post, path = "/memorial/memorials/{id}/offerings", tag = "memorial", params(("id" = String, Path)),
    request_body = OfferingRequest,
    responses((status = 200, body = Memorial), (status = 404, body = ApiError), (status = 422, body = ApiError), (status = 429, body = ApiError)))]
pub async fn offer(
    State(state): State<AppState>,
    resident: Resident,
    Path(id): Path<String>,
    JsonBody(req): JsonBody<OfferingRequest>,
) -> AppResult<Json<Memorial>> {
    let role = role_of(&state, &id, Some(&resident.user_id)).await?;
    if !baoan_contract::memorial::OFFERING_KINDS.contains(&req.kind.as_str()) {
        return Err(AppError::field("kind", FieldError::Required));
    }
    crate::limits::enforce(&state, &super::quotas::OFFERINGS, &resident.user_id).await?;
    store::offer(&state.db, &id, &resident.user_id, &req.kind, state.clock.now()).await?;
    Ok(Json(load(&state, &id, &resident.user_id, &role).await?))
}

/// Leave a message: plain text (stored and returned exactly as text), length- and rate-limited.
#[utoipa::path(post, path = "/memorial/memorials/{id}/messages", tag = "memorial", params(("id" = String, Path)),
    request_body = MessageRequest,
    responses((status = 200, body = Memorial), (status = 404, body = ApiError), (status = 422, body = ApiError), (status = 429, body = ApiError)))]
pub async fn leave_message(
    State(state): State<AppState>,
    resident: Resident,
    Path(id): Path<String>,
    JsonBody(req): JsonBody<MessageRequest>,
) -> AppResult<Json<Memorial>> {
    let role = role_of(&state, &id, Some(&resident.user_id)).await?;
    let text = parse_message(&req.text).map_err(|e| AppError::field("text", e))?;
    crate::limits::enforce(&state, &super::quotas::MESSAGES, &resident.user_id).await?;
    let now = state.clock.now();
    store::leave_message(&state.db, &id, &resident.user_id, &text, now).await?;
    Ok(Json(load(&state, &id, &resident.user_id, &role).await?))
}

async fn owner_only(state: &AppState, id: &str, user: &str) -> AppResult<()> {
    if role_of(state, id, Some(user)).await? == "owner" {
        Ok(())
    } else {
        Err(AppError::not_found())
    }
}

/// The owner hides a message (kept, shown to the owner only, marked hidden).
#[utoipa::path(post, path = "/memorial/memorials/{id}/messages/{message}/hide", tag = "memorial",
    params(("id" = String, Path), ("message" = String, Path)), responses((status = 200, body = Memorial), (status = 404, body = ApiError)))]
pub async fn hide(
    State(state): State<AppState>,
    resident: Resident,
    Path((id, message)): Path<(String, String)>,
) -> AppResult<Json<Memorial>> {
    owner_only(&state, &id, &resident.user_id).await?;
    if !store::hide_message(&state.db, &id, &message).await? {
        return Err(AppError::not_found());
    }
    Ok(Json(load(&state, &id, &resident.user_id, "owner").await?))
}

/// The owner deletes a message for good.
#[utoipa::path(delete, path = "/memorial/memorials/{id}/messages/{message}", tag = "memorial",
    params(("id" = String, Path), ("message" = String, Path)), responses((status = 204), (status = 404, body = ApiError)))]
pub async fn delete(
    State(state): State<AppState>,
    resident: Resident,
    Path((id, message)): Path<(String, String)>,
) -> AppResult<StatusCode> {
    owner_only(&state, &id, &resident.user_id).await?;
    if !store::delete_message(&state.db, &id, &message).await? {
        return Err(AppError::not_found());
    }
    Ok(StatusCode::NO_CONTENT)
}
