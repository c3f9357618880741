//! Online memorials: private by default (owner + invited family); public only when linked to a
//! record in the cemeteries' burial register, so nobody can publish a memorial of a living person.

use super::access::{page_query, MaybeResident};
use crate::auth::Resident;
use crate::db::new_id;
use crate::error::{AppError, AppResult, JsonBody};
use crate::messages::{notify, Notice};
use crate::state::AppState;
use crate::uploads;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;
use baoan_contract::api::{FileKind, MessageEvent};
use baoan_contract::error::{ApiError, FieldError};
use baoan_contract::memorial::reminders::next_anniversary;
use baoan_contract::memorial::rules::check_memorial_photo;
use baoan_contract::memorial::*;
use baoan_contract::rules::date::Date;

/// The same answer for "does not exist" and "not yours to see": nothing leaks.
pub fn no_memorial() -> AppError {
    AppError::no_such("memorial")
}

/// Who may see memorial `id`: `owner`, `family`, `visitor` (public) — or not found.
pub async fn role_of(state: &AppState, id: &str, user: Option<&str>) -> AppResult<String> {
    let row: Option<(String, String)> = sqlx::query_as("SELECT owner_id, visibility FROM memorials WHERE id = $1")
        .bind(id)
        .fetch_optional(&state.db.pool)
        .await?;
    let (owner, visibility) = row.ok_or_else(no_memorial)?;
    if let Some(user) = user {
        if user == owner {
            return Ok("owner".into());
        }
        let member: Option<(String,)> = sqlx::query_as(
            "SELECT user_id FROM memorial_members WHERE memorial_id = $1 AND user_id = $2 AND removed_at IS NULL",
        )
        .bind(id)
        .bind(user)
        .fetch_optional(&state.db.pool)
        .await?;
        if member.is_some() {
            return Ok("family".into());
        }
    }
    if visibility == "public" {
        Ok("visitor".into())
    } else {
        Err(no_memorial())
    }
}

/// The photo must be the resident's own JPEG or PNG upload.
async fn check_photo(state: &AppState, upload_id: &str, user_id: &str) -> AppResult<()> {
    let kind = uploads::owned_by(state, upload_id, user_id).await?;
    check_memorial_photo(kind).map_err(|e| AppError::field("photo", e))
}

/// Create a memorial (private).
#[utoipa::path(post, path = "/memorial/memorials", tag = "memorial", request_body = MemorialCreate,
    responses((status = 200, body = Memorial), (status = 401, body = ApiError), (status = 422, body = ApiError), (status = 429, body = ApiError)))]
pub async fn create(
    State(state): State<AppState>,
    resident: Resident,
    JsonBody(req): JsonBody<MemorialCreate>,
) -> AppResult<Json<Memorial>> {
    let req = req.validate(state.clock.today()).map_err(AppError::from)?;
    crate::limits::enforce(&state, &super::quotas::MEMORIALS, &resident.user_id).await?;
    if let Some(photo) = &req.photo {
        check_photo(&state, photo, &resident.user_id).await?;
    }
    let id = new_id();
    sqlx::query(
        "INSERT INTO memorials (id, owner_id, deceased_name, born_on, died_on, biography, photo, visibility, reminder, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'private', 0, $8)",
    )
    .bind(&id)
    .bind(&resident.user_id)
    .bind(&req.deceased_name)
    .bind(req.born_on.map(Date::to_iso))
    .bind(req.died_on.map(Date::to_iso))
    .bind(&req.biography)
    .bind(&req.photo)
    .bind(state.clock.now())
    .execute(&state.db.pool)
    .await?;
    Ok(Json(super::tributes::load(&state, &id, &resident.user_id, "owner").await?))
}

/// The memorials the resident owns or was invited to (and not removed from), a page at a time.
#[utoipa::path(get, path = "/memorial/memorials", tag = "memorial", params(PageQuery),
    responses((status = 200, body = MemorialList), (status = 401, body = ApiError)))]
pub async fn mine(
    State(state): State<AppState>,
    resident: Resident,
    q: Result<Query<PageQuery>, QueryRejection>,
) -> AppResult<Json<MemorialList>> {
    let q = page_query(q)?;
    const MINE: &str = "SELECT id, deceased_name, visibility, 'owner' AS role FROM memorials WHERE owner_id = $1 \
         UNION ALL SELECT m.id, m.deceased_name, m.visibility, 'family' AS role FROM memorials m \
         JOIN memorial_members f ON f.memorial_id = m.id WHERE f.user_id = $2 AND f.removed_at IS NULL";
    let (total,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM ({MINE}) AS mine"))
        .bind(&resident.user_id)
        .bind(&resident.user_id)
        .fetch_one(&state.db.pool)
        .await?;
    let rows: Vec<(String, String, String, String)> =
        sqlx::query_as(&format!("{MINE} ORDER BY 2, 1 LIMIT $3 OFFSET $4"))
            .bind(&resident.user_id)
            .bind(&resident.user_id)
            .bind(i64::from(q.size()))
            .bind(q.offset())
            .fetch_all(&state.db.pool)
            .await?;
    let memorials = rows
        .into_iter()
        .map(|(id, deceased_name, visibility, role)| MemorialSummary { id, deceased_name, visibility, role })
        .collect();
    Ok(Json(MemorialList { memorials, page: q.page(), page_size: q.size(), total }))
}

/// One memorial: to its owner, invited family, or anyone when public. Otherwise 404.
#[utoipa::path(get, path = "/memorial/memorials/{id}", tag = "memorial", params(("id" = String, Path)),
    responses((status = 200, body = Memorial), (status = 404, body = ApiError)))]
pub async fn one(
    State(state): State<AppState>,
    who: MaybeResident,
    Path(id): Path<String>,
) -> AppResult<Json<Memorial>> {
    let user = who.0.map(|r| r.user_id).unwrap_or_default();
    let role = role_of(&state, &id, Some(&user).filter(|u| !u.is_empty()).map(|s| s.as_str())).await?;
    Ok(Json(super::tributes::load(&state, &id, &user, &role).await?))
}

/// Make a memorial public by linking it to the burial register (certificate number + same name),
/// saying how the requester is related. Register checks are limited per resident and per
/// memorial, so certificate numbers cannot be guessed.
#[utoipa::path(put, path = "/memorial/memorials/{id}/public", tag = "memorial", params(("id" = String, Path)),
    request_body = PublishRequest,
    responses((status = 200, body = Memorial), (status = 404, body = ApiError),
              (status = 422, body = ApiError, description = "memorial.certificate_format, memorial.certificate_unknown or memorial.relation"),
              (status = 429, body = ApiError, description = "Too many register checks (Retry-After)")))]
pub async fn publish(
    State(state): State<AppState>,
    resident: Resident,
    Path(id): Path<String>,
    JsonBody(req): JsonBody<PublishRequest>,
) -> AppResult<Json<Memorial>> {
    if role_of(&state, &id, Some(&resident.user_id)).await? != "owner" {
        return Err(AppError::not_found());
    }
    let (number, relation) = req.validate().map_err(AppError::from)?;
    // Counted before the register is read: a refused check tells nothing about the number.
    crate::limits::enforce(&state, &super::quotas::REGISTER_CHECKS_PER_RESIDENT, &resident.user_id).await?;
    crate::limits::enforce(&state, &super::quotas::REGISTER_CHECKS_PER_MEMORIAL, &id).await?;
    let (name,): (String,) =
        sqlx::query_as("SELECT deceased_name FROM memorials WHERE id = $1").bind(&id).fetch_one(&state.db.pool).await?;
    let record: Option<(String,)> = sqlx::query_as(
        "SELECT certificate_number FROM memorial_burial_records WHERE certificate_number = $1 AND deceased_name = $2",
    )
    .bind(&number)
    .bind(&name)
    .fetch_optional(&state.db.pool)
    .await?;
    if record.is_none() {
        return Err(AppError::field("certificate_number", FieldError::MemorialCertificateUnknown));
    }
    sqlx::query("UPDATE memorials SET visibility = 'public', certificate_number = $1, publisher_relation = $2, published_at = $3 WHERE id = $4")
        .bind(&number)
        .bind(relation.code())
        .bind(state.clock.now())
        .bind(&id)
        .execute(&state.db.pool)
        .await?;
    Ok(Json(super::tributes::load(&state, &id, &resident.user_id, "owner").await?))
}

/// The owner opts in (or out) of reminders on the anniversary and at Qingming.
#[utoipa::path(put, path = "/memorial/memorials/{id}/reminder", tag = "memorial", params(("id" = String, Path)),
    request_body = ReminderRequest, responses((status = 204), (status = 404, body = ApiError)))]
pub async fn reminder(
    State(state): State<AppState>,
    resident: Resident,
    Path(id): Path<String>,
    JsonBody(req): JsonBody<ReminderRequest>,
) -> AppResult<StatusCode> {
    if role_of(&state, &id, Some(&resident.user_id)).await? != "owner" {
        return Err(AppError::not_found());
    }
    sqlx::query("UPDATE memorials SET reminder = $1 WHERE id = $2")
        .bind(i64::from(req.on))
        .bind(&id)
        .execute(&state.db.pool)
        .await?;
    if req.on {
        // The confirmation names the next anniversary, so the resident sees when to expect it.
        let (died,): (String,) =
            sqlx::query_as("SELECT died_on FROM memorials WHERE id = $1").bind(&id).fetch_one(&state.db.pool).await?;
        let next = Date::parse_iso(&died).map(|d| next_anniversary(d, state.clock.today()));
        notify(
            &state.db,
            &resident.user_id,
            Notice {
                event: MessageEvent::MemorialReminderOn,
                reference: &id,
                action_path: &format!("/memorial/memorials/{id}"),
                deadline: next,
                detail: None,
            },
            state.clock.now(),
        )
        .await?;
    }
    Ok(StatusCode::NO_CONTENT)
}

/// The owner sets, replaces or removes the photo.
#[utoipa::path(put, path = "/memorial/memorials/{id}/photo", tag = "memorial", params(("id" = String, Path)),
    request_body = PhotoRequest,
    responses((status = 200, body = Memorial), (status = 404, body = ApiError), (status = 422, body = ApiError, description = "upload.type")))]
pub async fn set_photo(
    State(state): State<AppState>,
    resident: Resident,
    Path(id): Path<String>,
    JsonBody(req): JsonBody<PhotoRequest>,
) -> AppResult<Json<Memorial>> {
    if role_of(&state, &id, Some(&resident.user_id)).await? != "owner" {
        return Err(AppError::not_found());
    }
    if let Some(photo) = &req.photo {
        check_photo(&state, photo, &resident.user_id).await?;
    }
    sqlx::query("UPDATE memorials SET photo = $1 WHERE id = $2")
        .bind(&req.photo)
        .bind(&id)
        .execute(&state.db.pool)
        .await?;
    Ok(Json(super::tributes::load(&state, &id, &resident.user_id, "owner").await?))
}

/// The memorial's photo, to whoever may see the memorial (a private one's is 404 to others).
#[utoipa::path(get, path = "/memorial/memorials/{id}/photo", tag = "memorial", params(("id" = String, Path)),
    responses((status = 200, description = "The photo (JPEG or PNG)"), (status = 404, body = ApiError)))]
pub async fn photo(State(state): State<AppState>, who: MaybeResident, Path(id): Path<String>) -> AppResult<Response> {
    let user = who.0.map(|r| r.user_id);
    role_of(&state, &id, user.as_deref()).await?;
    let row: Option<(String, String)> =
        sqlx::query_as("SELECT u.id, u.content_type FROM memorials m JOIN uploads u ON u.id = m.photo WHERE m.id = $1")
            .bind(&id)
            .fetch_optional(&state.db.pool)
            .await?;
    let (upload, kind) = row.and_then(|(u, m)| Some((u, FileKind::from_mime(&m)?))).ok_or_else(no_memorial)?;
    uploads::file_response(&state, &upload, kind).await
}
