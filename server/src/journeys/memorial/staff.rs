//! Staff's work in this journey, each under their own account (issue 13): gate staff tend the
//! graves families asked for (代祭扫) at their own cemetery — photos, then done — and moderators
//! handle reported memorial messages. A request at another cemetery is not found; every action
//! is in the audit trail, in the same transaction as the action.

use super::access::{page_query, state_changed};
use super::proxy::views;
use super::store::{proxy as proxies, reports};
use crate::error::{AppError, AppResult, JsonBody};
use crate::messages::{notify, Notice};
use crate::staff::audit::{self, Actor, Entry};
use crate::staff::StaffMember;
use crate::state::AppState;
use crate::uploads::{self, Stored};
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::Json;
use baoan_contract::api::{FileKind, MessageEvent};
use baoan_contract::error::{ApiError, FieldError};
use baoan_contract::memorial::*;
use baoan_contract::staff::{PlaceKind, Role};

/// The gate staff member's cemetery, or 403 for every other role.
fn cemetery_of(member: &StaffMember) -> AppResult<&str> {
    member.require(Role::GateStaff)?;
    member.assignment.place.as_deref().ok_or_else(|| AppError::forbidden("Your account names no cemetery"))
}

/// The request `id` if it is at the member's cemetery: 404 otherwise, as if it did not exist.
async fn request_here(state: &AppState, member: &StaffMember, id: &str) -> AppResult<proxies::OwnerRow> {
    cemetery_of(member)?;
    match proxies::owner(&state.db, id).await? {
        Some(row) if member.assignment.works_at(PlaceKind::Cemetery, &row.cemetery_id) => Ok(row),
        _ => Err(AppError::not_found()),
    }
}

async fn view(state: &AppState, id: &str) -> AppResult<Json<ProxyView>> {
    let rows = proxies::by_id(&state.db, id).await?;
    views(state, rows).await?.pop().map(Json).ok_or_else(AppError::not_found)
}

/// Gate staff: the requests at their cemetery, open ones first, soonest first.
#[utoipa::path(get, path = "/staff/memorial/proxy", tag = "staff", params(PageQuery),
    responses((status = 200, body = ProxyList), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
pub async fn proxy_list(
    State(state): State<AppState>,
    member: StaffMember,
    q: Result<Query<PageQuery>, QueryRejection>,
) -> AppResult<Json<ProxyList>> {
    let cemetery = cemetery_of(&member)?;
    let q = page_query(q)?;
    let (total, rows) = proxies::at_cemetery(&state.db, cemetery, i64::from(q.size()), q.offset()).await?;
    Ok(Json(ProxyList { requests: views(&state, rows).await?, page: q.page(), page_size: q.size(), total }))
}

/// Gate staff attach a photo (JPEG or PNG, the raw body) to an open request at their cemetery.
/// The photo is the family's: only they (and staff) read it, and it goes with their account.
#[utoipa::path(post, path = "/staff/memorial/proxy/{id}/photos", tag = "staff", params(("id" = String, Path)),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "The photo itself, at most 10 MB: JPEG or PNG"),
    responses((status = 200, body = ProxyView), (status = 401, body = ApiError), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 409, body = ApiError, description = "Cancelled, done, or holding the most photos already"),
        (status = 413, body = ApiError), (status = 422, body = ApiError, description = "Not a JPEG or PNG (fields.file = upload.type)")))]
pub async fn proxy_photo(
    State(state): State<AppState>,
    member: StaffMember,
    Path(id): Path<String>,
    body: Result<Bytes, BytesRejection>,
) -> AppResult<Json<ProxyView>> {
    let request = request_here(&state, &member, &id).await?;
    if request.status != "requested" {
        return Err(state_changed());
    }
    if matches!(body.as_ref().ok().and_then(|b| FileKind::sniff(b)), Some(FileKind::Pdf)) {
        return Err(AppError::field("file", FieldError::UploadType));
    }
    let (file, kind, bytes) = uploads::store(&state, body).await?;
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    if !proxies::still_open(&mut tx, &id).await? {
        return Err(state_changed());
    }
    let count = proxies::photo_count(&mut tx, &id).await?;
    if count >= MAX_PROXY_PHOTOS as i64 {
        return Err(AppError::conflict("This request holds the most photos already"));
    }
    let stored = Stored { id: &file, kind, bytes: &bytes };
    uploads::record(&mut tx, &stored, &request.user_id, "proxy-photo", now).await?;
    proxies::add_photo(&mut tx, &id, &file).await?;
    let actor = Actor::from(&member);
    let entry = Entry {
        actor: &actor,
        action: "memorial.proxy.photo",
        subject_kind: "memorial_proxy",
        subject_id: &request.reference,
        before: Some(format!(r#"{{"photos":{count}}}"#)),
        after: Some(format!(r#"{{"photos":{}}}"#, count + 1)),
        reason: None,
    };
    audit::record(&mut tx, now, &entry).await?;
    tx.commit().await?;
    view(&state, &id).await
}

/// Gate staff mark an open request at their cemetery done; the family gets a message.
#[utoipa::path(post, path = "/staff/memorial/proxy/{id}/done", tag = "staff", params(("id" = String, Path)),
    responses((status = 200, body = ProxyView), (status = 401, body = ApiError), (status = 403, body = ApiError),
        (status = 404, body = ApiError), (status = 409, body = ApiError, description = "Cancelled by the family, or already done")))]
pub async fn proxy_done(
    State(state): State<AppState>,
    member: StaffMember,
    Path(id): Path<String>,
) -> AppResult<Json<ProxyView>> {
    let request = request_here(&state, &member, &id).await?;
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    // Conditional on `requested`: a family's cancel at the same moment wins or loses whole.
    if !proxies::mark_done(&mut tx, &id, now).await? {
        return Err(state_changed());
    }
    let actor = Actor::from(&member);
    let entry = Entry {
        actor: &actor,
        action: "memorial.proxy.done",
        subject_kind: "memorial_proxy",
        subject_id: &request.reference,
        before: Some(r#"{"status":"requested"}"#.into()),
        after: Some(r#"{"status":"done"}"#.into()),
        reason: None,
    };
    audit::record(&mut tx, now, &entry).await?;
    tx.commit().await?;
    let notice = Notice {
        event: MessageEvent::MemorialProxyDone,
        reference: &request.reference,
        action_path: "/memorial/proxy",
        deadline: None,
        detail: None,
    };
    notify(&state.db, &request.user_id, notice, now).await?;
    view(&state, &id).await
}

/// Moderators: open reports, oldest first, with the memorial and the reported message.
#[utoipa::path(get, path = "/staff/memorial/reports", tag = "staff", params(PageQuery),
    responses((status = 200, body = ReportList), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
pub async fn report_list(
    State(state): State<AppState>,
    member: StaffMember,
    q: Result<Query<PageQuery>, QueryRejection>,
) -> AppResult<Json<ReportList>> {
    member.require(Role::Moderator)?;
    let q = page_query(q)?;
    let (total, rows) = reports::open(&state.db, i64::from(q.size()), q.offset()).await?;
    Ok(Json(ReportList { items: rows, page: q.page(), page_size: q.size(), total }))
}

/// Moderators handle an open report: hide the reported message (with a reason), or dismiss.
/// Conditional on `open`, so two moderators at once cannot both act (the second gets 409).
#[utoipa::path(post, path = "/staff/memorial/reports/{id}", tag = "staff", params(("id" = String, Path)),
    request_body = ReportHandle,
    responses((status = 200, body = ReportView), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 404, body = ApiError), (status = 409, body = ApiError, description = "Already handled"),
              (status = 422, body = ApiError)))]
pub async fn report_handle(
    State(state): State<AppState>,
    member: StaffMember,
    Path(id): Path<String>,
    JsonBody(req): JsonBody<ReportHandle>,
) -> AppResult<Json<ReportView>> {
    member.require(Role::Moderator)?;
    let row = reports::reported(&state.db, &id).await?;
    let reports::ReportedRow { message_id, memorial_id } = row.ok_or_else(AppError::not_found)?;
    let (action, reason) = req.validate(message_id.is_some()).map_err(AppError::from)?;
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    if !reports::handle(&mut tx, &id, action.outcome(), now).await? {
        return Err(state_changed());
    }
    if let (ReportAction::HideMessage, Some(message)) = (action, &message_id) {
        reports::hide_message(&mut tx, message, &memorial_id).await?;
    }
    let actor = Actor::from(&member);
    let entry = Entry {
        actor: &actor,
        action: "memorial.report.handle",
        subject_kind: "memorial_report",
        subject_id: &id,
        before: Some(r#"{"status":"open"}"#.into()),
        after: Some(format!(r#"{{"status":"{}"}}"#, action.outcome())),
        reason: reason.as_deref(),
    };
    audit::record(&mut tx, now, &entry).await?;
    tx.commit().await?;
    Ok(Json(reports::report(&state.db, &id).await?))
}
