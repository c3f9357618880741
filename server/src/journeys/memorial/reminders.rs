//! The owner's opt-in reminders, written to the message centre on the anniversary of the death
//! and at Qingming. Each (memorial, occasion, year) is claimed in `memorial_reminders_sent`
//! before the message is written: its primary key makes a second send impossible when the job
//! runs twice, on two servers, or at the same moment as a staff-triggered run.

use super::store::reminders as store;
use crate::error::{AppResult, JsonBody};
use crate::messages::{notify, Notice};
use crate::staff::audit::{self, Actor, Entry};
use crate::staff::StaffMember;
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use baoan_contract::api::MessageEvent;
use baoan_contract::error::ApiError;
use baoan_contract::memorial::reminders::{reminders_due, Occasion};
use baoan_contract::memorial::{ReminderRun, RemindersSent};
use baoan_contract::rules::date::Date;
use baoan_contract::staff::Role;
use std::time::Duration;

/// How often the server looks for due reminders. Hourly: a restart or a missed tick on the day
/// still sends that day's reminders.
const EVERY: Duration = Duration::from_secs(3600);

/// Sends the reminders due `today`; returns how many messages were written by this call.
pub async fn send_due_reminders(state: &AppState, today: Date) -> AppResult<u32> {
    let rows = store::wanted(&state.db).await?;
    let mut sent = 0;
    for store::ReminderRow { id, owner_id: owner, deceased_name: name, died_on: died } in rows {
        let Some(died) = Date::parse_iso(&died) else { continue };
        for occasion in reminders_due(died, today) {
            if send_once(state, &id, &owner, &name, occasion, today).await? {
                sent += 1;
            }
        }
    }
    Ok(sent)
}

async fn send_once(
    state: &AppState,
    id: &str,
    owner: &str,
    name: &str,
    occasion: Occasion,
    today: Date,
) -> AppResult<bool> {
    if !store::claim(&state.db, id, occasion, today).await? {
        return Ok(false);
    }
    let event = match occasion {
        Occasion::Anniversary => MessageEvent::MemorialAnniversary,
        Occasion::Qingming => MessageEvent::MemorialQingming,
    };
    let notice = Notice {
        event,
        reference: id,
        action_path: &format!("/memorial/memorials/{id}"),
        deadline: None,
        detail: Some(name),
    };
    if let Err(e) = notify(&state.db, owner, notice, state.clock.now()).await {
        // Give the claim back so the next run sends it.
        let _ = store::unclaim(&state.db, id, occasion, today).await;
        return Err(e.into());
    }
    Ok(true)
}

/// Runs for the life of the server (spawned where `serve` starts).
pub async fn run_periodically(state: AppState) {
    let mut tick = tokio::time::interval(EVERY);
    loop {
        tick.tick().await;
        match send_due_reminders(&state, state.clock.today()).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(sent = n, "memorial reminders sent"),
            Err(e) => tracing::warn!(error = ?e.0, "memorial reminders failed; retrying next hour"),
        }
    }
}

/// A district admin: send the reminders due on a given day (idempotent like the periodic run),
/// recorded in the audit trail with how many were sent. 403 for every other role.
#[utoipa::path(post, path = "/staff/runs/memorial-reminders", tag = "staff", request_body = ReminderRun,
    responses((status = 200, body = RemindersSent), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
pub async fn staff_run(
    State(state): State<AppState>,
    member: StaffMember,
    JsonBody(req): JsonBody<ReminderRun>,
) -> AppResult<Json<RemindersSent>> {
    member.require(Role::DistrictAdmin)?;
    let sent = RemindersSent { sent: send_due_reminders(&state, req.date).await? };
    let actor = Actor::from(&member);
    let day = req.date.to_iso();
    let entry = Entry {
        actor: &actor,
        action: "run.memorial_reminders",
        subject_kind: "run",
        subject_id: &day,
        before: None,
        after: Some(serde_json::to_string(&sent).expect("a report serialises")),
        reason: None,
    };
    audit::record_alone(&state.db, state.clock.now(), &entry).await?;
    Ok(Json(sent))
}
