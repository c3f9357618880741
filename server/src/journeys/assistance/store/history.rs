//! An application's history: every status change, and the day each review step began.

use crate::db::{new_id, Db, DbResult};
use baoan_contract::assistance::*;
use baoan_contract::rules::date::Date;
use sqlx::AnyConnection;

/// Records a status change; `stage` is the step that begins with it, if any.
pub async fn record(
    conn: &mut AnyConnection,
    application_id: &str,
    now: i64,
    today: Date,
    event: &str,
    stage: Option<Stage>,
    detail: Option<&str>,
) -> DbResult<()> {
    sqlx::query("INSERT INTO assistance_history (id, application_id, at, day, event, stage, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)")
        .bind(new_id())
        .bind(application_id)
        .bind(now)
        .bind(today.to_iso())
        .bind(event)
        .bind(stage.map(Stage::code))
        .bind(detail)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The dates each step began, and the day the first payment was made.
pub async fn history(db: &Db, application_id: &str) -> DbResult<(Vec<(Stage, Date)>, Option<Date>)> {
    /// A step of an application's history.
    #[derive(sqlx::FromRow)]
    struct HistoryRow {
        event: String,
        day: String,
        stage: Option<String>,
    }
    let rows = sqlx::query_as::<_, HistoryRow>(
        "SELECT event, day, stage FROM assistance_history WHERE application_id = $1 ORDER BY at, id",
    )
    .bind(application_id)
    .fetch_all(&db.pool)
    .await?;
    let mut started = Vec::new();
    let mut paid = None;
    for HistoryRow { event, day, stage } in rows {
        let Some(day) = Date::parse_iso(&day) else { continue };
        if event == "paid" {
            paid = Some(day);
        }
        if let Some(stage) = stage.as_deref().and_then(Stage::from_code) {
            started.push((stage, day));
        }
    }
    Ok((started, paid))
}
