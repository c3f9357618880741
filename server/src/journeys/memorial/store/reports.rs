//! Reports of memorials and messages, and staff's queue of them.

use crate::db::{new_id, Db, DbResult};
use baoan_contract::mask::mask_name;
use baoan_contract::memorial::*;
use sqlx::AnyConnection;

/// Whether `message` is on memorial `id` and visible (hidden ones only to the owner).
pub async fn message_visible(db: &Db, id: &str, message: &str, owner: bool) -> DbResult<bool> {
    let visible = if owner { "" } else { " AND hidden = 0" };
    let found: Option<(String,)> =
        sqlx::query_as(&format!("SELECT id FROM memorial_messages WHERE id = $1 AND memorial_id = $2{visible}"))
            .bind(message)
            .bind(id)
            .fetch_optional(&db.pool)
            .await?;
    Ok(found.is_some())
}

/// An open report of memorial `id` (or of one of its messages).
pub async fn insert(
    db: &Db,
    id: &str,
    message_id: Option<&str>,
    user_id: &str,
    reason: &str,
    now: i64,
) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO memorial_reports (id, memorial_id, message_id, user_id, reason, created_at, status) VALUES ($1, $2, $3, $4, $5, $6, 'open')",
    )
    .bind(new_id())
    .bind(id)
    .bind(message_id)
    .bind(user_id)
    .bind(reason)
    .bind(now)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// A report with its memorial and, when it is about one, the message and its author (`SELECT`).
#[derive(sqlx::FromRow)]
struct ReportRow {
    id: String,
    memorial_id: String,
    deceased_name: String,
    visibility: String,
    message_id: Option<String>,
    text: Option<String>,
    name: Option<String>,
    hidden: Option<i64>,
    reason: String,
    created_at: i64,
    status: String,
}

const SELECT: &str =
    "SELECT r.id, r.memorial_id, m.deceased_name, m.visibility, r.message_id, g.text, u.name, g.hidden, \
    r.reason, r.created_at, r.status FROM memorial_reports r JOIN memorials m ON m.id = r.memorial_id \
    LEFT JOIN memorial_messages g ON g.id = r.message_id LEFT JOIN users u ON u.id = g.user_id";

fn view(r: ReportRow) -> ReportView {
    let ReportRow {
        id,
        memorial_id,
        deceased_name,
        visibility: memorial_visibility,
        message_id,
        text: message_text,
        name: author,
        hidden,
        reason,
        created_at,
        status,
    } = r;
    ReportView {
        id,
        memorial_id,
        deceased_name,
        memorial_visibility,
        message_author: message_text.as_ref().map(|_| mask_name(author.as_deref().unwrap_or(""))),
        message_id,
        message_text,
        message_hidden: hidden.unwrap_or(0) != 0,
        reason,
        created_at,
        status,
    }
}

/// How many reports are open, and `limit` of them after `offset`, oldest first.
pub async fn open(db: &Db, limit: i64, offset: i64) -> DbResult<(i64, Vec<ReportView>)> {
    let (total,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM memorial_reports WHERE status = 'open'").fetch_one(&db.pool).await?;
    let rows = sqlx::query_as::<_, ReportRow>(&format!(
        "{SELECT} WHERE r.status = 'open' ORDER BY r.created_at, r.id LIMIT $1 OFFSET $2"
    ))
    .bind(limit)
    .bind(offset)
    .fetch_all(&db.pool)
    .await?;
    Ok((total, rows.into_iter().map(view).collect()))
}

/// One report.
pub async fn report(db: &Db, id: &str) -> DbResult<ReportView> {
    let row = sqlx::query_as::<_, ReportRow>(&format!("{SELECT} WHERE r.id = $1")).bind(id).fetch_one(&db.pool).await?;
    Ok(view(row))
}

/// What a report is about: a message of a memorial, or the memorial.
#[derive(sqlx::FromRow)]
pub struct ReportedRow {
    pub message_id: Option<String>,
    pub memorial_id: String,
}

pub async fn reported(db: &Db, id: &str) -> DbResult<Option<ReportedRow>> {
    sqlx::query_as::<_, ReportedRow>("SELECT message_id, memorial_id FROM memorial_reports WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.pool)
        .await
}

/// Closes an open report with `outcome`; false when it was handled already.
pub async fn handle(tx: &mut AnyConnection, id: &str, outcome: &str, now: i64) -> DbResult<bool> {
    let claimed =
        sqlx::query("UPDATE memorial_reports SET status = $1, handled_at = $2 WHERE id = $3 AND status = 'open'")
            .bind(outcome)
            .bind(now)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    Ok(claimed.rows_affected() != 0)
}

pub async fn hide_message(tx: &mut AnyConnection, message: &str, memorial_id: &str) -> DbResult<()> {
    sqlx::query("UPDATE memorial_messages SET hidden = 1 WHERE id = $1 AND memorial_id = $2")
        .bind(message)
        .bind(memorial_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}
