//! Online memorials: private by default (owner + invited family); public only when linked to a
//! record in the cemeteries' burial register, so nobody can publish a memorial of a living person.

use super::access::{page_query, MaybeResident};
use super::store::memorials as store;
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
    let row = store::access(&state.db, id).await?;
    let store::AccessRow { owner_id: owner, visibility } = row.ok_or_else(no_memorial)?;
    if let Some(user) = user {
        if user == owner {
            return Ok("owner".into());
        }
        if store::is_member(&state.db, id, user).await? {
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
    store::insert(&state.db, &id, &resident.user_id, &req, state.clock.now()).await?;
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
    let (total, rows) = store::mine(&state.db, &resident.user_id, i64::from(q.size()), q.offset()).await?;
    let memorials = rows
        .into_iter()
        .map(|r| MemorialSummary { id: r.id, deceased_name: r.deceased_name, visibility: r.visibility, role: r.role })
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
    let name = store::deceased_name(&state.db, &id).await?;
    let record = store::burial_record(&state.db, &number, &name).await?;
    if record.is_none() {
        return Err(AppError::field("certificate_number", FieldError::MemorialCertificateUnknown));
    }
    store::publish(&state.db, &id, &number, relation.code(), state.clock.now()).await?;
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
    store::set_reminder(&state.db, &id, req.on).await?;
    if req.on {
        // The confirmation names the next anniversary, so the resident sees when to expect it.
        let died = store::died_on(&state.db, &id).await?;
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
    store::set_photo(&state.db, &id, req.photo.as_deref()).await?;
    Ok(Json(super::tributes::load(&state, &id, &resident.user_id, "owner").await?))
}

/// The memorial's photo, to whoever may see the memorial (a private one's is 404 to others).
#[utoipa::path(get, path = "/memorial/memorials/{id}/photo", tag = "memorial", params(("id" = String, Path)),
    responses((status = 200, description = "The photo (JPEG or PNG)"), (status = 404, body = ApiError)))]
pub async fn photo(State(state): State<AppState>, who: MaybeResident, Path(id): Path<String>) -> AppResult<Response> {
    let user = who.0.map(|r| r.user_id);
    role_of(&state, &id, user.as_deref()).await?;
    let row = store::photo(&state.db, &id).await?;
    let (upload, kind) =
        row.and_then(|r| Some((r.id, FileKind::from_mime(&r.content_type)?))).ok_or_else(no_memorial)?;
    uploads::file_response(&state, &upload, kind).await
}
