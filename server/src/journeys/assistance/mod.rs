//! The API of the social assistance (社会救助) journey, under /api/v1: public standards and
//! communities, the resident's draft and applications, and the staff actions.

pub mod cli;
mod demo;
mod drafts;
mod reference;
mod resident;
mod staff;
pub mod store;
mod submit;

use crate::db::DbResult;
use crate::error::{AppError, AppResult};
use crate::messages::{self, Notice};
use crate::state::AppState;
use axum::routing::{get, post};
use axum::Router;
use baoan_contract::api::Topic;
use baoan_contract::assistance::{Stage, Status};
use baoan_contract::error::ErrorCode;
use baoan_contract::rules::date::Date;
use sqlx::AnyConnection;
use utoipa::OpenApi;

/// This journey's routes, merged into /api/v1 by `crate::app`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/assistance/standards", get(reference::standards))
        .route("/assistance/communities", get(reference::communities))
        .route("/assistance/draft", get(drafts::get).put(drafts::put).delete(drafts::delete))
        .route("/assistance/applications", get(resident::list).post(submit::submit))
        .route("/assistance/applications/{reference}", get(resident::get))
        .route("/assistance/applications/{reference}/documents", post(resident::add))
        .route("/assistance/applications/{reference}/withdraw", post(resident::withdraw))
        .route("/admin/assistance/applications/{reference}/advance", post(staff::advance))
        .route("/admin/assistance/applications/{reference}/request-documents", post(staff::request_documents))
        .route("/admin/assistance/applications/{reference}/approve", post(staff::approve))
        .route("/admin/assistance/applications/{reference}/refuse", post(staff::refuse))
}

/// This journey's part of the OpenAPI document, merged by `crate::openapi`.
#[derive(OpenApi)]
#[openapi(paths(
    reference::standards,
    reference::communities,
    drafts::get,
    drafts::put,
    drafts::delete,
    submit::submit,
    resident::list,
    resident::get,
    resident::add,
    resident::withdraw,
    staff::advance,
    staff::request_documents,
    staff::approve,
    staff::refuse,
))]
pub struct Api;

/// Demonstration data for this journey, written once into an empty database (see `db::demo`).
pub async fn seed_demo(tx: &mut AnyConnection, now: i64) -> DbResult<()> {
    demo::seed(tx, now).await
}

/// Moves an application from the state and step it was read in to new ones, and records it.
/// The UPDATE is conditional on the old values, so two staff acting at once cannot both win.
async fn transition(
    state: &AppState,
    row: &store::Row,
    to: Status,
    stage: Stage,
    event: &str,
    detail: Option<&str>,
) -> AppResult<()> {
    let now = state.clock.now();
    let mut tx = state.db.pool.begin().await?;
    let done = sqlx::query(
        "UPDATE assistance_applications SET state = $1, stage = $2, updated_at = $3 WHERE id = $4 AND state = $5 AND stage = $6",
    )
    .bind(to.code())
    .bind(stage.code())
    .bind(now)
    .bind(&row.id)
    .bind(row.state.code())
    .bind(row.stage.code())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::new(ErrorCode::Conflict, "The application changed meanwhile; reload it"));
    }
    // A step that begins is dated for the timeline; approval begins 发放.
    let begins = (stage != row.stage).then_some(stage);
    store::record(&mut tx, &row.id, now, state.clock.today(), event, begins, detail).await?;
    tx.commit().await?;
    Ok(())
}

/// Tells the resident in their message centre, with the action path and any deadline.
async fn notify_owner(
    state: &AppState,
    user_id: &str,
    reference: &str,
    event: &str,
    deadline: Option<Date>,
    detail: Option<&str>,
) -> AppResult<()> {
    let action_path = format!("/assistance/applications/{reference}");
    let notice = Notice { topic: Topic::Assistance, event, reference, action_path: &action_path, deadline, detail };
    messages::notify(&state.db, user_id, notice, state.clock.now()).await?;
    Ok(())
}
