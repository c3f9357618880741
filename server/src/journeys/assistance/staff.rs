//! Staff actions on an application: advance to the next review step, ask for documents (补正),
//! approve, refuse with a reason, record the first payment. One core, [`review`], used by staff
//! members, at the staff endpoint (`POST /api/v1/staff/assistance/applications/{reference}/review`)
//! or the operators' CLI (`cli.rs`), both through `crate::staff::review::review_as`, which checks
//! role and place; each change is written to the history with its audit record, and sent to the
//! resident's message centre.

use super::{notify_owner, store, transition, Also, ByStaff};
use crate::error::{AppError, AppResult};
use crate::staff::audit::Actor;
use crate::state::AppState;
use axum::Json;
use baoan_contract::api::MessageEvent;
use baoan_contract::assistance::*;
use baoan_contract::error::FieldError;
use baoan_contract::staff::{ReviewAction, StaffReview};

pub(crate) async fn staff_view(state: &AppState, reference: &str) -> AppResult<Json<ApplicationView>> {
    let row = store::find(&state.db, reference, None).await?;
    let standards = super::standards::in_force(state).await?;
    Ok(Json(store::view(&state.db, row, &standards).await?))
}

/// Does `req` to the application `row` as `actor` (whose right to has been checked), with its
/// history, audit record and message to the resident.
pub(crate) async fn review(state: &AppState, row: &store::Row, req: &StaffReview, actor: &Actor) -> AppResult<()> {
    let reason = req.reason.as_deref().map(str::trim).filter(|r| !r.is_empty());
    if reason.is_some_and(|r| r.chars().count() > MAX_TEXT_CHARS) {
        return Err(AppError::field("reason", FieldError::AssistanceTextTooLong));
    }
    let by = ByStaff { actor, action: req.action.code(), reason };
    let standards = super::standards::in_force(state).await?;
    match req.action {
        ReviewAction::Advance => match (row.state, row.stage) {
            (Status::Approved, Stage::Payment) => {
                transition(state, row, (Status::Paid, Stage::Payment), "paid", None, Also::Nothing, Some(&by)).await?;
                notify_owner(state, &row.user_id, &row.reference, MessageEvent::AssistancePaid, None, None).await?;
            }
            (Status::InReview, stage) if stage < Stage::DistrictApproval => {
                let next = stage.next().expect("a step before district approval has a next");
                transition(state, row, (Status::InReview, next), "advanced", None, Also::Nothing, Some(&by)).await?;
                let due = state.clock.today().add_days(next.days(&standards));
                if let Some(event) = MessageEvent::assistance_stage(next) {
                    notify_owner(state, &row.user_id, &row.reference, event, Some(due), None).await?;
                }
            }
            (Status::InReview, _) => return Err(AppError::conflict("District approval ends with approve or refuse")),
            _ => return Err(AppError::conflict("Only an application in review can advance")),
        },
        ReviewAction::RequestDocuments => {
            if req.kinds.is_empty() {
                return Err(AppError::field("kinds", FieldError::Required));
            }
            if !row.state.undecided() {
                return Err(AppError::conflict("The application is already decided"));
            }
            let due = state.clock.today().add_days(standards.documents_request_days);
            let also = Also::Request { kinds: store::kinds_to(&req.kinds), note: reason, by: due.to_iso() };
            let to = (Status::AwaitingDocuments, row.stage);
            transition(state, row, to, "documents_requested", reason, also, Some(&by)).await?;
            let event = MessageEvent::AssistanceDocumentsRequested;
            notify_owner(state, &row.user_id, &row.reference, event, Some(due), reason).await?;
        }
        ReviewAction::Approve => {
            if row.state != Status::InReview || row.stage != Stage::DistrictApproval {
                return Err(AppError::conflict("Only an application at district approval can be approved"));
            }
            transition(state, row, (Status::Approved, Stage::Payment), "approved", None, Also::Nothing, Some(&by))
                .await?;
            let due = state.clock.today().add_days(standards.payment_days);
            notify_owner(state, &row.user_id, &row.reference, MessageEvent::AssistanceApproved, Some(due), None)
                .await?;
        }
        ReviewAction::Refuse => {
            let reason = reason.ok_or_else(|| AppError::field("reason", FieldError::Required))?;
            if !row.state.undecided() {
                return Err(AppError::conflict("The application is already decided"));
            }
            let also = Also::Reason(reason);
            transition(state, row, (Status::Refused, row.stage), "refused", Some(reason), also, Some(&by)).await?;
            notify_owner(state, &row.user_id, &row.reference, MessageEvent::AssistanceRefused, None, Some(reason))
                .await?;
        }
    }
    Ok(())
}
