//! Reviewers' work on social-assistance applications: what waits at their step and place, and the
//! one endpoint that acts on an application — allowed only to the step's own role at the
//! application's own community or street (`Assignment::may_review`, the contract's rule).

use super::audit::Actor;
use super::session::StaffMember;
use crate::error::{AppError, AppResult, JsonBody};
use crate::journeys::assistance::{staff, standards, store};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::Json;
use baoan_contract::assistance::{timeline, ApplicationView, Stage};
use baoan_contract::error::ApiError;
use baoan_contract::staff::{check_reason, ApplicationPlace, QueueItem, ReviewAction, Role, StaffReview};

fn place_of(row: &store::Row) -> ApplicationPlace<'_> {
    ApplicationPlace { community: &row.form.applicant.community, street: &row.form.applicant.street }
}

/// Applications waiting at the signed-in reviewer's step and place, oldest first, with the day
/// each step is due by.
#[utoipa::path(get, path = "/staff/assistance/queue", tag = "staff",
    responses((status = 200, body = Vec<QueueItem>), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 503, body = ApiError)))]
pub async fn queue(State(state): State<AppState>, member: StaffMember) -> AppResult<Json<Vec<QueueItem>>> {
    let stages: Vec<Stage> =
        Stage::ALL.into_iter().filter(|&s| Role::reviewer_of(s) == member.assignment.role).collect();
    if stages.is_empty() {
        return Err(AppError::forbidden("Your role reviews no applications"));
    }
    let s = standards::in_force(&state).await?;
    let mut items = Vec::new();
    for row in store::open_at(&state.db, &stages).await? {
        if !member.assignment.may_review(row.stage, place_of(&row)) {
            continue;
        }
        let (started, paid) = store::history(&state.db, &row.id).await?;
        let due_by =
            timeline(&started, row.stage, row.state, paid, &s).into_iter().find(|t| t.current).and_then(|t| t.due_by);
        items.push(QueueItem {
            submitted_on: store::submitted_on(&row),
            community: row.form.applicant.community.clone(),
            reference: row.reference,
            programme: row.programme,
            state: row.state,
            stage: row.stage,
            due_by,
        });
    }
    Ok(Json(items))
}

/// One application waiting at your step and place, as the reviewer needs it: the household, the
/// documents, the timeline. Anyone else gets 404, as for the review itself.
#[utoipa::path(get, path = "/staff/assistance/applications/{reference}", tag = "staff",
    params(("reference" = String, Path, description = "Reference number")),
    responses((status = 200, body = ApplicationView), (status = 401, body = ApiError), (status = 404, body = ApiError),
              (status = 503, body = ApiError)))]
pub async fn application(
    State(state): State<AppState>,
    member: StaffMember,
    Path(reference): Path<String>,
) -> AppResult<Json<ApplicationView>> {
    let row = store::find(&state.db, &reference, None).await?;
    if !member.assignment.may_review(row.stage, place_of(&row)) {
        return Err(AppError::not_found());
    }
    staff::staff_view(&state, &reference).await
}

/// Act on an application at your step and place: advance, ask for documents, approve, or refuse
/// with a reason. Anyone else — another community's or street's reviewer, another step's role —
/// gets 404, as if it did not exist. Recorded in the audit trail with the state before and after.
#[utoipa::path(post, path = "/staff/assistance/applications/{reference}/review", tag = "staff",
    request_body = StaffReview, params(("reference" = String, Path, description = "Reference number")),
    responses((status = 200, body = ApplicationView), (status = 401, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError), (status = 422, body = ApiError), (status = 503, body = ApiError)))]
pub async fn review(
    State(state): State<AppState>,
    member: StaffMember,
    Path(reference): Path<String>,
    JsonBody(req): JsonBody<StaffReview>,
) -> AppResult<Json<ApplicationView>> {
    review_as(&state, &member, &reference, &req).await
}

/// Does `req` to the application `reference` as `member`, recorded under their login: the one
/// check of role, place and step, for the staff endpoint and the operators' CLI alike. 404 when
/// the application is not at the member's step and place (or does not exist).
pub async fn review_as(
    state: &AppState,
    member: &StaffMember,
    reference: &str,
    req: &StaffReview,
) -> AppResult<Json<ApplicationView>> {
    let row = store::find(&state.db, reference, None).await?;
    if !member.assignment.may_review(row.stage, place_of(&row)) {
        return Err(AppError::not_found());
    }
    check_reason(req.reason.as_deref(), req.action.needs_reason()).map_err(|e| AppError::field("reason", e))?;
    if !ReviewAction::allowed(row.state, row.stage).contains(&req.action) {
        return Err(AppError::conflict("This action is not open at the application's step"));
    }
    staff::review(state, &row, req, &Actor::from(member)).await?;
    staff::staff_view(state, reference).await
}
