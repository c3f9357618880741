//! The owner's opt-in reminders, written to the message centre on the anniversary of the death
//! and at Qingming. Each (memorial, occasion, year) is claimed in `memorial_reminders_sent`
//! before the message is written: its primary key makes a second send impossible when the job
//! runs twice, on two servers, or at the same moment as a staff-triggered run.

use crate::admin::Staff;
use crate::error::{AppResult, JsonBody};
use crate::messages::{notify, Notice};
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use baoan_contract::api::MessageEvent;
use baoan_contract::error::ApiError;
use baoan_contract::memorial::reminders::{reminders_due, Occasion};
use baoan_contract::memorial::{ReminderRun, RemindersSent};
use baoan_contract::rules::date::Date;
use std::time::Duration;

/// How often the server looks for due reminders. Hourly: a restart or a missed tick on the day
/// still sends that day's reminders.
const EVERY: Duration = Duration::from_secs(3600);

/// Sends the reminders due `today`; returns how many messages were written by this call.
pub async fn send_due_reminders(state: &AppState, today: Date) -> AppResult<u32> {
    let rows: Vec<(String, String, String, String)> =
        sqlx::query_as("SELECT id, owner_id, deceased_name, died_on FROM memorials WHERE reminder = 1")
            .fetch_all(&state.db.pool)
            .await?;
    let mut sent = 0;
    for (id, owner, name, died) in rows {
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
    let claimed = sqlx::query(
        "INSERT INTO memorial_reminders_sent (memorial_id, occasion, year, sent_on) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
    )
    .bind(id)
    .bind(occasion.code())
    .bind(i64::from(today.year()))
    .bind(today.to_iso())
    .execute(&state.db.pool)
    .await?;
    if claimed.rows_affected() == 0 {
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
        let _ =
            sqlx::query("DELETE FROM memorial_reminders_sent WHERE memorial_id = $1 AND occasion = $2 AND year = $3")
                .bind(id)
                .bind(occasion.code())
                .bind(i64::from(today.year()))
                .execute(&state.db.pool)
                .await;
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

/// Staff: send the reminders due on a given day (idempotent like the periodic run).
#[utoipa::path(post, path = "/memorial/admin/reminders/run", tag = "memorial-admin", request_body = ReminderRun,
    responses((status = 200, body = RemindersSent), (status = 401, body = ApiError)))]
pub async fn staff_run(
    State(state): State<AppState>,
    _staff: Staff,
    JsonBody(req): JsonBody<ReminderRun>,
) -> AppResult<Json<RemindersSent>> {
    Ok(Json(RemindersSent { sent: send_due_reminders(&state, req.date).await? }))
}
