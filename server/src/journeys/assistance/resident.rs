//! The resident's own applications: list, read, add a document (容缺 or 补正), withdraw. Every
//! lookup is by reference AND owner: another resident's application is "not found".

use super::{notify_owner, store, transition, Also};
use crate::auth::Resident;
use crate::error::{AppError, AppResult, JsonBody};
use crate::limits;
use crate::state::AppState;
use crate::uploads;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::Json;
use baoan_contract::api::MessageEvent;
use baoan_contract::api::PageQuery;
use baoan_contract::assistance::*;
use baoan_contract::error::{ApiError, FieldError};

/// 我的申请: the resident's applications, newest first, one page (at most 100; see `PageQuery`).
#[utoipa::path(get, path = "/assistance/applications", tag = "assistance", params(PageQuery),
    responses((status = 200, body = Vec<ApplicationSummary>), (status = 400, body = ApiError), (status = 401, body = ApiError)))]
pub async fn list(
    State(state): State<AppState>,
    resident: Resident,
    page: Result<Query<PageQuery>, QueryRejection>,
) -> AppResult<Json<Vec<ApplicationSummary>>> {
    let Query(page) = page.map_err(crate::error::bad_query)?;
    let rows = store::list_for(&state.db, &resident.user_id, page).await?;
    if rows.is_empty() {
        // Nothing to date with the standards: an empty list even before the district sets them.
        return Ok(Json(Vec::new()));
    }
    let standards = super::standards::in_force(&state).await?;
    let mut out = Vec::new();
    for row in rows {
        out.push(store::summary(&state.db, row, &standards).await?);
    }
    Ok(Json(out))
}

/// One of the resident's applications with its timeline.
#[utoipa::path(get, path = "/assistance/applications/{reference}", tag = "assistance",
    params(("reference" = String, Path, description = "Reference number, e.g. SA7K3Q9XYZ")),
    responses((status = 200, body = ApplicationView), (status = 401, body = ApiError), (status = 404, body = ApiError)))]
pub async fn get(
    State(state): State<AppState>,
    resident: Resident,
    Path(reference): Path<String>,
) -> AppResult<Json<ApplicationView>> {
    let row = store::find(&state.db, &reference, Some(&resident.user_id)).await?;
    let standards = super::standards::in_force(&state).await?;
    Ok(Json(store::view(&state.db, row, &standards).await?))
}

/// Add a document to an undecided application: one left out at submission (容缺) or one staff
/// asked for (补正). When every requested document has come, the review resumes.
#[utoipa::path(post, path = "/assistance/applications/{reference}/documents", tag = "assistance",
    request_body = AddDocument, params(("reference" = String, Path, description = "Reference number")),
    responses((status = 200, body = ApplicationView), (status = 401, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError), (status = 422, body = ApiError), (status = 429, body = ApiError)))]
pub async fn add(
    State(state): State<AppState>,
    resident: Resident,
    Path(reference): Path<String>,
    JsonBody(req): JsonBody<AddDocument>,
) -> AppResult<Json<ApplicationView>> {
    let row = store::find(&state.db, &reference, Some(&resident.user_id)).await?;
    if uploads::owned_by(&state, &req.upload_id, &resident.user_id).await?.is_none() {
        return Err(AppError::field("upload_id", FieldError::AssistanceUnknownUpload));
    }
    if !row.state.undecided() {
        return Err(AppError::conflict("The application is already decided"));
    }
    limits::enforce(&state, &limits::ASSISTANCE_DOCUMENTS, &resident.user_id).await?;
    let now = state.clock.now();
    let doc = AttachedDocument { kind: req.kind, upload_id: req.upload_id, name: String::new() };
    let still: Vec<DocumentKind> = row.requested.iter().copied().filter(|k| *k != req.kind).collect();
    let resumes = row.state == Status::AwaitingDocuments && still.is_empty();
    let new_state = if resumes { Status::InReview } else { row.state };
    let mut tx = state.db.begin().await?;
    // Conditional on what was read: if staff decided (or asked for other documents) meanwhile,
    // the document is not added and the resident is told to reload (409).
    let done = store::documents_received(&mut tx, &row, &still, new_state, now).await?;
    if !done {
        return Err(AppError::conflict("The application changed meanwhile; reload it"));
    }
    store::add_document(&mut tx, &row.id, &doc, now).await?;
    if resumes {
        store::record(&mut tx, &row.id, now, state.clock.today(), "documents_received", None, None).await?;
    }
    tx.commit().await?;
    if resumes {
        notify_owner(&state, &row.user_id, &row.reference, MessageEvent::AssistanceDocumentsReceived, None, None)
            .await?;
    }
    get(State(state), resident, Path(reference)).await
}

/// Withdraw an application that is not yet decided.
#[utoipa::path(post, path = "/assistance/applications/{reference}/withdraw", tag = "assistance",
    params(("reference" = String, Path, description = "Reference number")),
    responses((status = 200, body = ApplicationView), (status = 401, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError, description = "Already decided, or decided meanwhile"),
              (status = 429, body = ApiError)))]
pub async fn withdraw(
    State(state): State<AppState>,
    resident: Resident,
    Path(reference): Path<String>,
) -> AppResult<Json<ApplicationView>> {
    let row = store::find(&state.db, &reference, Some(&resident.user_id)).await?;
    if !row.state.undecided() {
        return Err(AppError::conflict("The application is already decided"));
    }
    limits::enforce(&state, &limits::ASSISTANCE_WITHDRAWALS, &resident.user_id).await?;
    transition(&state, &row, (Status::Withdrawn, row.stage), "withdrawn", None, Also::Nothing, None).await?;
    notify_owner(&state, &row.user_id, &row.reference, MessageEvent::AssistanceWithdrawn, None, None).await?;
    get(State(state), resident, Path(reference)).await
}
