//! The resident's draft application, one per resident, its content the app's own JSON.

use crate::db::{Db, DbResult};
use sqlx::{Any, Executor};

/// The resident's saved draft.
#[derive(sqlx::FromRow)]
pub struct DraftRow {
    pub content: String,
    pub updated_at: i64,
}

pub async fn draft(db: &Db, user_id: &str) -> DbResult<Option<DraftRow>> {
    sqlx::query_as::<_, DraftRow>("SELECT content, updated_at FROM assistance_drafts WHERE user_id = $1")
        .bind(user_id)
        .fetch_optional(&db.pool)
        .await
}

/// Saves the draft, replacing the previous one.
pub async fn save_draft(db: &Db, user_id: &str, content: &str, now: i64) -> DbResult<()> {
    // An upsert both engines understand (SQLite ≥ 3.24, PostgreSQL ≥ 9.5): concurrent autosaves
    // from two tabs never fail, the last one wins.
    sqlx::query(
        "INSERT INTO assistance_drafts (user_id, content, updated_at) VALUES ($1, $2, $3) \
         ON CONFLICT (user_id) DO UPDATE SET content = excluded.content, updated_at = excluded.updated_at",
    )
    .bind(user_id)
    .bind(content)
    .bind(now)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// Forgets the draft: on its own (the pool) or in the transaction that creates the application.
pub async fn forget_draft<'e>(db: impl Executor<'e, Database = Any>, user_id: &str) -> DbResult<()> {
    sqlx::query("DELETE FROM assistance_drafts WHERE user_id = $1").bind(user_id).execute(db).await?;
    Ok(())
}
