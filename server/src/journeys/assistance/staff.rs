//! Staff actions (token-protected by `admin::Staff`): advance to the next review step, ask for
//! documents (补正), approve, refuse with a reason, record the first payment. Each change is
//! written to the history and sent to the resident's message centre.

use super::{notify_owner, store, transition, Also};
use crate::admin::Staff;
use crate::error::{AppError, AppResult, JsonBody};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::Json;
use baoan_contract::api::MessageEvent;
use baoan_contract::assistance::*;
use baoan_contract::error::{ApiError, FieldError};

async fn staff_view(state: &AppState, reference: &str) -> AppResult<Json<ApplicationView>> {
    let row = store::find(&state.db, reference, None).await?;
    let standards = super::standards::in_force(state).await?;
    Ok(Json(store::view(&state.db, row, &standards).await?))
}

/// Move an application in review to its next step (区民政局审批 ends with approve or refuse; an
/// approved one advances to "paid").
#[utoipa::path(post, path = "/admin/assistance/applications/{reference}/advance", tag = "assistance-admin",
    params(("reference" = String, Path, description = "Reference number")),
    responses((status = 200, body = ApplicationView), (status = 401, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError)))]
pub async fn advance(
    State(state): State<AppState>,
    _staff: Staff,
    Path(reference): Path<String>,
) -> AppResult<Json<ApplicationView>> {
    let row = store::find(&state.db, &reference, None).await?;
    let standards = super::standards::in_force(&state).await?;
    match (row.state, row.stage) {
        (Status::Approved, Stage::Payment) => {
            transition(&state, &row, Status::Paid, Stage::Payment, "paid", None, Also::Nothing).await?;
            notify_owner(&state, &row.user_id, &row.reference, MessageEvent::AssistancePaid, None, None).await?;
        }
        (Status::InReview, stage) if stage < Stage::DistrictApproval => {
            let next = stage.next().expect("a step before district approval has a next");
            transition(&state, &row, Status::InReview, next, "advanced", None, Also::Nothing).await?;
            let due = state.clock.today().add_days(next.days(&standards));
            if let Some(event) = MessageEvent::assistance_stage(next) {
                notify_owner(&state, &row.user_id, &row.reference, event, Some(due), None).await?;
            }
        }
        (Status::InReview, _) => return Err(AppError::conflict("District approval ends with approve or refuse")),
        _ => return Err(AppError::conflict("Only an application in review can advance")),
    }
    staff_view(&state, &reference).await
}

/// Ask the resident for more documents (补正): review waits until they come.
#[utoipa::path(post, path = "/admin/assistance/applications/{reference}/request-documents", tag = "assistance-admin",
    request_body = RequestDocuments, params(("reference" = String, Path, description = "Reference number")),
    responses((status = 200, body = ApplicationView), (status = 401, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub async fn request_documents(
    State(state): State<AppState>,
    _staff: Staff,
    Path(reference): Path<String>,
    JsonBody(req): JsonBody<RequestDocuments>,
) -> AppResult<Json<ApplicationView>> {
    let row = store::find(&state.db, &reference, None).await?;
    if req.kinds.is_empty() {
        return Err(AppError::field("kinds", FieldError::Required));
    }
    let note = req.note.as_deref().map(str::trim).filter(|n| !n.is_empty());
    if note.is_some_and(|n| n.chars().count() > MAX_TEXT_CHARS) {
        return Err(AppError::field("note", FieldError::AssistanceTextTooLong));
    }
    if !row.state.undecided() {
        return Err(AppError::conflict("The application is already decided"));
    }
    let standards = super::standards::in_force(&state).await?;
    let by = state.clock.today().add_days(standards.documents_request_days);
    let also = Also::Request { kinds: store::kinds_to(&req.kinds), note, by: by.to_iso() };
    transition(&state, &row, Status::AwaitingDocuments, row.stage, "documents_requested", note, also).await?;
    notify_owner(&state, &row.user_id, &row.reference, MessageEvent::AssistanceDocumentsRequested, Some(by), note)
        .await?;
    staff_view(&state, &reference).await
}

/// Approve at 区民政局审批: payment is then arranged.
#[utoipa::path(post, path = "/admin/assistance/applications/{reference}/approve", tag = "assistance-admin",
    params(("reference" = String, Path, description = "Reference number")),
    responses((status = 200, body = ApplicationView), (status = 401, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError)))]
pub async fn approve(
    State(state): State<AppState>,
    _staff: Staff,
    Path(reference): Path<String>,
) -> AppResult<Json<ApplicationView>> {
    let row = store::find(&state.db, &reference, None).await?;
    if row.state != Status::InReview || row.stage != Stage::DistrictApproval {
        return Err(AppError::conflict("Only an application at district approval can be approved"));
    }
    let standards = super::standards::in_force(&state).await?;
    transition(&state, &row, Status::Approved, Stage::Payment, "approved", None, Also::Nothing).await?;
    let due = state.clock.today().add_days(standards.payment_days);
    notify_owner(&state, &row.user_id, &row.reference, MessageEvent::AssistanceApproved, Some(due), None).await?;
    staff_view(&state, &reference).await
}

/// Refuse an undecided application, with the reason the resident will read.
#[utoipa::path(post, path = "/admin/assistance/applications/{reference}/refuse", tag = "assistance-admin",
    request_body = Refusal, params(("reference" = String, Path, description = "Reference number")),
    responses((status = 200, body = ApplicationView), (status = 401, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub async fn refuse(
    State(state): State<AppState>,
    _staff: Staff,
    Path(reference): Path<String>,
    JsonBody(req): JsonBody<Refusal>,
) -> AppResult<Json<ApplicationView>> {
    let row = store::find(&state.db, &reference, None).await?;
    let reason = req.reason.trim();
    if reason.is_empty() {
        return Err(AppError::field("reason", FieldError::Required));
    } else if reason.chars().count() > MAX_TEXT_CHARS {
        return Err(AppError::field("reason", FieldError::AssistanceTextTooLong));
    }
    if !row.state.undecided() {
        return Err(AppError::conflict("The application is already decided"));
    }
    transition(&state, &row, Status::Refused, row.stage, "refused", Some(reason), Also::Reason(reason)).await?;
    notify_owner(&state, &row.user_id, &row.reference, MessageEvent::AssistanceRefused, None, Some(reason)).await?;
    staff_view(&state, &reference).await
}
