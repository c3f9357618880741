//! 代祭扫: a family far away asks staff to tend a grave on a chosen day; staff mark it done with
//! photos, which the family sees.

use super::access::{page_query, reference, state_changed};
use super::cemeteries::load_cemetery;
use crate::admin::Staff;
use crate::auth::Resident;
use crate::db::new_id;
use crate::error::{AppError, AppResult, JsonBody};
use crate::messages::{notify, Notice};
use crate::state::AppState;
use crate::uploads;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::response::Response;
use axum::Json;
use baoan_contract::api::{FileKind, MessageEvent};
use baoan_contract::error::{ApiError, FieldError};
use baoan_contract::memorial::*;
use baoan_contract::rules::date::Date;

type Row = (String, String, String, String, String, String, String, String, String, String, String);

const SELECT: &str = "SELECT p.id, p.reference, c.name, p.service_date, p.services, p.deceased_name, p.grave_area, \
    p.grave_row, p.grave_number, p.note, p.status FROM memorial_proxy_requests p JOIN memorial_cemeteries c ON c.id = p.cemetery_id";

async fn views(state: &AppState, rows: Vec<Row>) -> AppResult<Vec<ProxyView>> {
    let mut out = Vec::new();
    for (id, reference, cemetery_name, date, services, deceased_name, area, row, number, note, status) in rows {
        let photos: Vec<(String,)> =
            sqlx::query_as("SELECT upload_id FROM memorial_proxy_photos WHERE proxy_id = $1 ORDER BY upload_id")
                .bind(&id)
                .fetch_all(&state.db.pool)
                .await?;
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
            photos: photos.into_iter().map(|(p,)| p).collect(),
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
    sqlx::query(
        "INSERT INTO memorial_proxy_requests (id, reference, user_id, cemetery_id, service_date, services, deceased_name, \
         grave_area, grave_row, grave_number, note, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'requested', $12)",
    )
    .bind(&id)
    .bind(reference("DJ", &date))
    .bind(&resident.user_id)
    .bind(&req.cemetery_id)
    .bind(&date)
    .bind(req.services.join(","))
    .bind(&req.deceased_name)
    .bind(&req.grave.area)
    .bind(&req.grave.row)
    .bind(&req.grave.number)
    .bind(&req.note)
    .bind(state.clock.now())
    .execute(&state.db.pool)
    .await?;
    let rows: Vec<Row> =
        sqlx::query_as(&format!("{SELECT} WHERE p.id = $1")).bind(&id).fetch_all(&state.db.pool).await?;
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
    let (total,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM memorial_proxy_requests WHERE user_id = $1")
        .bind(&resident.user_id)
        .fetch_one(&state.db.pool)
        .await?;
    let rows: Vec<Row> =
        sqlx::query_as(&format!("{SELECT} WHERE p.user_id = $1 ORDER BY p.service_date DESC, p.id LIMIT $2 OFFSET $3"))
            .bind(&resident.user_id)
            .bind(i64::from(q.size()))
            .bind(q.offset())
            .fetch_all(&state.db.pool)
            .await?;
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
    let done = sqlx::query("UPDATE memorial_proxy_requests SET status = 'cancelled', cancelled_at = $1 WHERE id = $2 AND user_id = $3 AND status = 'requested'")
        .bind(state.clock.now())
        .bind(&id)
        .bind(&resident.user_id)
        .execute(&state.db.pool)
        .await?;
    let rows: Vec<Row> = sqlx::query_as(&format!("{SELECT} WHERE p.id = $1 AND p.user_id = $2"))
        .bind(&id)
        .bind(&resident.user_id)
        .fetch_all(&state.db.pool)
        .await?;
    let view = views(&state, rows).await?.pop().ok_or_else(AppError::not_found)?;
    if done.rows_affected() == 0 && view.status != "cancelled" {
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
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT u.content_type FROM memorial_proxy_photos f JOIN memorial_proxy_requests p ON p.id = f.proxy_id \
         JOIN uploads u ON u.id = f.upload_id WHERE f.proxy_id = $1 AND f.upload_id = $2 AND p.user_id = $3",
    )
    .bind(&id)
    .bind(&photo)
    .bind(&resident.user_id)
    .fetch_optional(&state.db.pool)
    .await?;
    let kind = row.and_then(|(m,)| FileKind::from_mime(&m)).ok_or_else(AppError::not_found)?;
    uploads::file_response(&state, &photo, kind).await
}

/// Staff: open requests first, soonest first, a page at a time.
#[utoipa::path(get, path = "/memorial/admin/proxy", tag = "memorial-admin", params(PageQuery),
    responses((status = 200, body = ProxyList), (status = 401, body = ApiError)))]
pub async fn staff_list(
    State(state): State<AppState>,
    _staff: Staff,
    q: Result<Query<PageQuery>, QueryRejection>,
) -> AppResult<Json<ProxyList>> {
    let q = page_query(q)?;
    let (total,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM memorial_proxy_requests").fetch_one(&state.db.pool).await?;
    let order = "ORDER BY CASE p.status WHEN 'requested' THEN 0 ELSE 1 END, p.service_date, p.id LIMIT $1 OFFSET $2";
    let rows: Vec<Row> = sqlx::query_as(&format!("{SELECT} {order}"))
        .bind(i64::from(q.size()))
        .bind(q.offset())
        .fetch_all(&state.db.pool)
        .await?;
    Ok(Json(ProxyList { requests: views(&state, rows).await?, page: q.page(), page_size: q.size(), total }))
}

/// Staff: mark a request done and attach photos (uploads made from the staff device's account).
#[utoipa::path(post, path = "/memorial/admin/proxy/{id}/done", tag = "memorial-admin", params(("id" = String, Path)),
    request_body = ProxyDone, responses((status = 200, body = ProxyView), (status = 401, body = ApiError), (status = 404, body = ApiError),
        (status = 409, body = ApiError, description = "Cancelled by the family, or already done")))]
pub async fn staff_done(
    State(state): State<AppState>,
    _staff: Staff,
    Path(id): Path<String>,
    JsonBody(req): JsonBody<ProxyDone>,
) -> AppResult<Json<ProxyView>> {
    let owner: Option<(String, String)> =
        sqlx::query_as("SELECT user_id, reference FROM memorial_proxy_requests WHERE id = $1")
            .bind(&id)
            .fetch_optional(&state.db.pool)
            .await?;
    let (user_id, reference) = owner.ok_or_else(AppError::not_found)?;
    let mut tx = state.db.begin().await?;
    // Conditional on `requested`, first: a family's cancel at the same moment wins or loses whole.
    let claimed = sqlx::query(
        "UPDATE memorial_proxy_requests SET status = 'done', done_at = $1 WHERE id = $2 AND status = 'requested'",
    )
    .bind(state.clock.now())
    .bind(&id)
    .execute(&mut *tx)
    .await?;
    if claimed.rows_affected() == 0 {
        return Err(state_changed());
    }
    for photo in &req.photos {
        let image: Option<(String,)> = sqlx::query_as("SELECT content_type FROM uploads WHERE id = $1")
            .bind(photo)
            .fetch_optional(&mut *tx)
            .await?;
        if !matches!(image.as_ref().map(|(m,)| m.as_str()), Some("image/jpeg" | "image/png")) {
            return Err(AppError::field("photos", FieldError::UploadType));
        }
        sqlx::query("INSERT INTO memorial_proxy_photos (proxy_id, upload_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
            .bind(&id)
            .bind(photo)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    notify(
        &state.db,
        &user_id,
        Notice {
            event: MessageEvent::MemorialProxyDone,
            reference: &reference,
            action_path: "/memorial/proxy",
            deadline: None,
            detail: None,
        },
        state.clock.now(),
    )
    .await?;
    let rows: Vec<Row> =
        sqlx::query_as(&format!("{SELECT} WHERE p.id = $1")).bind(&id).fetch_all(&state.db.pool).await?;
    Ok(Json(views(&state, rows).await?.remove(0)))
}
