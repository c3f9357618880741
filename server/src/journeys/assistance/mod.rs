//! The API of the social assistance (社会救助) journey, under /api/v1: public standards and
//! communities, the resident's draft and applications, and the staff actions.

pub mod cli;
mod demo;
mod drafts;
mod reference;
mod resident;
pub(crate) mod staff;
pub mod standards;
pub mod standards_cli;
pub mod store;
mod submit;

use crate::db::DbResult;
use crate::error::{AppError, AppResult};
use crate::messages::{self, Notice};
use crate::staff::audit;
use crate::state::AppState;
use baoan_contract::api::MessageEvent;
use baoan_contract::assistance::{Stage, Status};
use baoan_contract::rules::date::Date;
use sqlx::AnyConnection;
use store::Also;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// This journey's routes, relative to /api/v1 and merged by `crate::app`: each is declared once,
/// by its handler's `#[utoipa::path]`, which also documents it.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::default()
        .routes(routes!(reference::standards))
        .routes(routes!(reference::communities))
        .routes(routes!(drafts::get, drafts::put, drafts::delete))
        .routes(routes!(resident::list, submit::submit))
        .routes(routes!(resident::get))
        .routes(routes!(resident::add))
        .routes(routes!(resident::withdraw))
        .routes(routes!(standards::get, standards::put))
}

/// Demonstration data for this journey, written once into an empty database (called by `crate::serve` at start-up).
pub async fn seed_demo(tx: &mut AnyConnection, now: i64) -> DbResult<()> {
    demo::seed(tx, now).await
}

/// Moves an application from the state and step it was read in to new ones, and records it.
/// The UPDATE is conditional on the old values (and on the documents still requested), so of a
/// resident's and a staff member's action at the same moment exactly one wins; the other finds
/// the application changed and gets 409, and nothing of its change is written.
async fn transition(
    state: &AppState,
    row: &store::Row,
    (to, stage): (Status, Stage),
    event: &str,
    detail: Option<&str>,
    also: Also<'_>,
    by: Option<&ByStaff<'_>>,
) -> AppResult<()> {
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    if !store::change_state(&mut tx, row, to, stage, now, also).await? {
        return Err(AppError::conflict("The application changed meanwhile; reload it"));
    }
    // A step that begins is dated for the timeline; approval begins 发放.
    let begins = (stage != row.stage).then_some(stage);
    store::record(&mut tx, &row.id, now, state.clock.today(), event, begins, detail).await?;
    if let Some(by) = by {
        let state_json = |s: Status, st: Stage| format!(r#"{{"state":"{}","stage":"{}"}}"#, s.code(), st.code());
        let entry = audit::Entry {
            actor: by.actor,
            action: by.action,
            subject_kind: "assistance_application",
            subject_id: &row.reference,
            before: Some(state_json(row.state, row.stage)),
            after: Some(state_json(to, stage)),
            reason: by.reason,
        };
        audit::record(&mut tx, now, &entry).await?;
    }
    tx.commit().await?;
    Ok(())
}

/// A staff action's author, for the audit trail written with the change (`None` in `transition`:
/// the resident's own action).
pub(crate) struct ByStaff<'a> {
    pub actor: &'a audit::Actor,
    pub action: &'a str,
    pub reason: Option<&'a str>,
}

/// Tells the resident in their message centre, with the action path and any deadline.
async fn notify_owner(
    state: &AppState,
    user_id: &str,
    reference: &str,
    event: MessageEvent,
    deadline: Option<Date>,
    detail: Option<&str>,
) -> AppResult<()> {
    let action_path = format!("/assistance/applications/{reference}");
    let notice = Notice { event, reference, action_path: &action_path, deadline, detail };
    messages::notify(&state.db, user_id, notice, state.clock.now()).await?;
    Ok(())
}
