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
use baoan_contract::api::MessageEvent;
use baoan_contract::assistance::{Stage, Status};
use baoan_contract::rules::date::Date;
use sqlx::AnyConnection;
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
        .routes(routes!(staff::advance))
        .routes(routes!(staff::request_documents))
        .routes(routes!(staff::approve))
        .routes(routes!(staff::refuse))
}

/// Demonstration data for this journey, written once into an empty database (called by `crate::serve` at start-up).
pub async fn seed_demo(tx: &mut AnyConnection, now: i64) -> DbResult<()> {
    demo::seed(tx, now).await
}

/// What a state change writes besides state and step, in the same conditional UPDATE.
pub(super) enum Also<'a> {
    Nothing,
    /// Staff ask for documents (补正): which, a note, and the day they are due.
    Request {
        kinds: String,
        note: Option<&'a str>,
        by: String,
    },
    /// A refusal's reason, for the resident to read.
    Reason(&'a str),
}

/// Moves an application from the state and step it was read in to new ones, and records it.
/// The UPDATE is conditional on the old values (and on the documents still requested), so of a
/// resident's and a staff member's action at the same moment exactly one wins; the other finds
/// the application changed and gets 409, and nothing of its change is written.
async fn transition(
    state: &AppState,
    row: &store::Row,
    to: Status,
    stage: Stage,
    event: &str,
    detail: Option<&str>,
    also: Also<'_>,
) -> AppResult<()> {
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    let (set, extra): (&str, Vec<Option<String>>) = match also {
        Also::Nothing => ("", vec![]),
        Also::Request { kinds, note, by } => (
            ", requested_documents = $8, requested_note = $9, requested_by = $10",
            vec![Some(kinds), note.map(str::to_string), Some(by)],
        ),
        Also::Reason(reason) => (", decision_reason = $8", vec![Some(reason.to_string())]),
    };
    let sql = format!(
        "UPDATE assistance_applications SET state = $1, stage = $2, updated_at = $3{set} \
         WHERE id = $4 AND state = $5 AND stage = $6 AND requested_documents = $7"
    );
    let mut update = sqlx::query(&sql)
        .bind(to.code())
        .bind(stage.code())
        .bind(now)
        .bind(&row.id)
        .bind(row.state.code())
        .bind(row.stage.code())
        .bind(store::kinds_to(&row.requested));
    for value in extra {
        update = update.bind(value);
    }
    if update.execute(&mut *tx).await?.rows_affected() != 1 {
        return Err(AppError::conflict("The application changed meanwhile; reload it"));
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
    event: MessageEvent,
    deadline: Option<Date>,
    detail: Option<&str>,
) -> AppResult<()> {
    let action_path = format!("/assistance/applications/{reference}");
    let notice = Notice { event, reference, action_path: &action_path, deadline, detail };
    messages::notify(&state.db, user_id, notice, state.clock.now()).await?;
    Ok(())
}
