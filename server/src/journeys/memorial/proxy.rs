//! 代祭扫: a family far away asks staff to tend a grave on a chosen day; staff mark it done with
//! photos, which the family sees.

use super::access::{page_query, reference, state_changed};
use super::cemeteries::load_cemetery;
use super::store::proxy as store;
use crate::auth::Resident;
use crate::db::new_id;
use crate::error::{AppError, AppResult, JsonBody};
use crate::state::AppState;
use crate::uploads;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::Json;
use baoan_contract::api::FileKind;
use baoan_contract::error::{ApiError, FieldError};
use baoan_contract::memorial::*;
use baoan_contract::rules::date::Date;

pub(super) async fn views(state: &AppState, rows: Vec<store::Row>) -> AppResult<Vec<ProxyView>> {
    let mut out = Vec::new();
    for r in rows {
        let store::Row {
            id,
            reference,
            name: cemetery_name,
            service_date: date,
            services,
            deceased_name,
            note,
            status,
            ..
        } = r;
        let (area, row, number) = (r.grave_area, r.grave_row, r.grave_number);
        let photos = store::photos(&state.db, &id).await?;
        out.push(ProxyView {
            id,
            reference,
            cemetery_name,
            date: Date::parse_iso(&date).ok_or_else(AppError::not_found)?,
            services: services.split(',').filter(|s| !s.is_empty()).map(String::from).collect(),
            deceased_name,
            grave: Grave { area, row, number },
            note,
            status,
            photos,
        });
    }
    Ok(out)
}

/// Ask staff to sweep a grave on the family's behalf.
#[utoipa::path(post, path = "/memorial/proxy", tag = "memorial", request_body = ProxyRequest,
    responses((status = 200, body = ProxyView), (status = 401, body = ApiError), (status = 422, body = ApiError), (status = 429, body = ApiError)))]
pub async fn create(
    State(state): State<AppState>,
    resident: Resident,
    JsonBody(req): JsonBody<ProxyRequest>,
) -> AppResult<Json<ProxyView>> {
    let req = req.validate(state.clock.today()).map_err(AppError::from)?;
    crate::limits::enforce(&state, &super::quotas::PROXY_REQUESTS, &resident.user_id).await?;
    let mut conn = state.db.pool.acquire().await?;
    let cemetery = load_cemetery(&mut conn, &req.cemetery_id)
        .await
        .map_err(|_| AppError::field("cemetery_id", FieldError::Required))?;
    if !cemetery.proxy_service {
        return Err(AppError::field("cemetery_id", FieldError::MemorialNoProxyService));
    }
    drop(conn);
    let id = new_id();
    let date = req.date.map(Date::to_iso).unwrap_or_default();
    store::insert(&state.db, &id, &reference("DJ", &date), &resident.user_id, &date, &req, state.clock.now()).await?;
    let rows = store::by_id(&state.db, &id).await?;
    Ok(Json(views(&state, rows).await?.remove(0)))
}

/// The family's proxy sweeping requests, with staff's photos once done, a page at a time.
#[utoipa::path(get, path = "/memorial/proxy", tag = "memorial", params(PageQuery),
    responses((status = 200, body = ProxyList), (status = 401, body = ApiError)))]
pub async fn mine(
    State(state): State<AppState>,
    resident: Resident,
    q: Result<Query<PageQuery>, QueryRejection>,
) -> AppResult<Json<ProxyList>> {
    let q = page_query(q)?;
    let (total, rows) = store::of_user(&state.db, &resident.user_id, i64::from(q.size()), q.offset()).await?;
    Ok(Json(ProxyList { requests: views(&state, rows).await?, page: q.page(), page_size: q.size(), total }))
}

/// The family cancels a request staff have not done yet. Conditional on `requested`: when staff
/// mark it done at the same moment, exactly one of the two wins and the other gets 409.
#[utoipa::path(post, path = "/memorial/proxy/{id}/cancel", tag = "memorial", params(("id" = String, Path)),
    responses((status = 200, body = ProxyView), (status = 404, body = ApiError), (status = 409, body = ApiError, description = "Already done")))]
pub async fn cancel(
    State(state): State<AppState>,
    resident: Resident,
    Path(id): Path<String>,
) -> AppResult<Json<ProxyView>> {
    let done = store::cancel(&state.db, &id, &resident.user_id, state.clock.now()).await?;
    let rows = store::of_user_by_id(&state.db, &id, &resident.user_id).await?;
    let view = views(&state, rows).await?.pop().ok_or_else(AppError::not_found)?;
    if !done && view.status != "cancelled" {
        return Err(state_changed());
    }
    Ok(Json(view))
}

/// One of staff's photos of the family's own request.
#[utoipa::path(get, path = "/memorial/proxy/{id}/photos/{photo}", tag = "memorial",
    params(("id" = String, Path), ("photo" = String, Path)), responses((status = 200, description = "The photo"), (status = 404, body = ApiError)))]
pub async fn photo(
    State(state): State<AppState>,
    resident: Resident,
    Path((id, photo)): Path<(String, String)>,
) -> AppResult<Response> {
    let row = store::photo_type(&state.db, &id, &photo, &resident.user_id).await?;
    let kind = row.and_then(|m| FileKind::from_mime(&m)).ok_or_else(AppError::not_found)?;
    uploads::file_response(&state, &photo, kind).await
}
