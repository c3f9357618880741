//! The purge job (PIPL: personal information kept only as long as needed). Every
//! `PURGE_INTERVAL_SECONDS` it deletes expired sessions, expired sign-in codes, rate-limit
//! records older than the longest limit, idempotency records older than a day, and uploads no
//! record uses a day after upload (row and file). The periods are the contract's
//! (`baoan_contract::retention`), which the privacy page shows.

use crate::db::DbResult;
use crate::state::AppState;
use baoan_contract::retention::{
    IDEMPOTENCY_RECORD_SECONDS, PURGE_INTERVAL_SECONDS, RATE_EVENT_SECONDS, UNATTACHED_UPLOAD_SECONDS,
};
use serde::Serialize;

/// Where an upload can be in use: an upload id in none of these (and not in its owner's
/// assistance draft, which holds documents chosen for an application not yet sent) is unused.
/// A journey that attaches uploads to a table of its own adds that table here.
pub const UPLOAD_USES: [&str; 3] = [
    "SELECT upload_id FROM assistance_documents",
    "SELECT upload_id FROM memorial_proxy_photos",
    "SELECT photo FROM memorials WHERE photo IS NOT NULL",
];

/// The SQL condition "upload `u` is used somewhere".
pub fn upload_in_use_sql() -> String {
    let mut uses: Vec<String> = UPLOAD_USES.iter().map(|q| format!("u.id IN ({q})")).collect();
    uses.push(
        "EXISTS (SELECT 1 FROM assistance_drafts d WHERE d.user_id = u.user_id AND d.content LIKE '%' || u.id || '%')"
            .into(),
    );
    format!("({})", uses.join(" OR "))
}

/// How many rows of each kind one run deleted.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Purged {
    pub sessions: u64,
    pub sms_codes: u64,
    pub rate_events: u64,
    /// Devices remembered as having signed in to a number (auth), once that memory has lapsed.
    pub sign_in_devices: u64,
    pub idempotency_records: u64,
    pub uploads: u64,
}

/// One run of the job as of `now` (Unix seconds; tests pass a time of their choosing).
pub async fn run_once(state: &AppState, now: i64) -> DbResult<Purged> {
    let db = &state.db.pool;
    let before = |sql: &'static str, at: i64| async move {
        sqlx::query(sql).bind(at).execute(db).await.map(|r| r.rows_affected())
    };
    let purged = Purged {
        sessions: before("DELETE FROM sessions WHERE expires_at <= $1", now).await?,
        sms_codes: before("DELETE FROM sms_codes WHERE expires_at <= $1", now).await?,
        rate_events: before("DELETE FROM rate_events WHERE at <= $1", now - RATE_EVENT_SECONDS).await?,
        sign_in_devices: before(
            "DELETE FROM sign_in_devices WHERE last_sign_in_at <= $1",
            now - baoan_contract::api::KNOWN_DEVICE_SECONDS,
        )
        .await?,
        idempotency_records: before(
            "DELETE FROM idempotency_keys WHERE created_at <= $1",
            now - IDEMPOTENCY_RECORD_SECONDS,
        )
        .await?,
        uploads: purge_unused_uploads(state, now).await?,
    };
    Ok(purged)
}

/// Deletes uploads no record uses, a day after upload: the row first (conditionally, so a file
/// attached at this very moment stays), then the file.
async fn purge_unused_uploads(state: &AppState, now: i64) -> DbResult<u64> {
    let in_use = upload_in_use_sql();
    let candidates: Vec<(String,)> =
        sqlx::query_as(&format!("SELECT u.id FROM uploads u WHERE u.created_at <= $1 AND NOT {in_use}"))
            .bind(now - UNATTACHED_UPLOAD_SECONDS)
            .fetch_all(&state.db.pool)
            .await?;
    let mut deleted = 0;
    for (id,) in candidates {
        let done = sqlx::query(&format!(
            "DELETE FROM uploads WHERE id = $1 AND id IN (SELECT u.id FROM uploads u WHERE NOT {in_use})"
        ))
        .bind(&id)
        .execute(&state.db.pool)
        .await;
        match done {
            Ok(r) if r.rows_affected() == 1 => {
                deleted += 1;
                remove_file(state, &id).await;
            }
            Ok(_) => {}
            // Attached between the two statements (a reference now holds it): it stays.
            Err(sqlx::Error::Database(e)) if e.is_foreign_key_violation() => {}
            Err(e) => return Err(e),
        }
    }
    Ok(deleted)
}

/// Removes a stored file (already gone is fine).
pub async fn remove_file(state: &AppState, id: &str) {
    let path = crate::uploads::dir_in(&state.config.data_dir).join(id);
    if let Err(e) = tokio::fs::remove_file(&path).await {
        if e.kind() != std::io::ErrorKind::NotFound {
            tracing::warn!(error = %e, "could not remove an upload's file");
        }
    }
}

/// Runs the job now and then every `PURGE_INTERVAL_SECONDS`, for as long as the server runs.
pub async fn run_periodically(state: AppState) {
    let mut every = tokio::time::interval(std::time::Duration::from_secs(PURGE_INTERVAL_SECONDS as u64));
    loop {
        every.tick().await;
        match run_once(&state, state.clock.now()).await {
            Ok(p) => tracing::info!(
                sessions = p.sessions,
                sms_codes = p.sms_codes,
                rate_events = p.rate_events,
                idempotency_records = p.idempotency_records,
                uploads = p.uploads,
                "purge: expired personal data deleted"
            ),
            Err(e) => tracing::error!(error = %e, "purge failed; it runs again within the hour"),
        }
    }
}
