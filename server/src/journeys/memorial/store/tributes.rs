//! A memorial's own columns, its offerings and its messages.

use crate::db::{new_id, Db, DbResult};

/// A memorial's own columns.
#[derive(sqlx::FromRow)]
pub struct MemorialRow {
    pub deceased_name: String,
    pub born_on: String,
    pub died_on: String,
    pub biography: String,
    pub photo: Option<String>,
    pub visibility: String,
    pub reminder: i64,
}

pub async fn memorial(db: &Db, id: &str) -> DbResult<Option<MemorialRow>> {
    sqlx::query_as::<_, MemorialRow>(
        "SELECT deceased_name, born_on, died_on, biography, photo, visibility, reminder FROM memorials WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await
}

/// How many offerings of `kind` (flower, candle) a memorial has.
pub async fn offerings(db: &Db, id: &str, kind: &str) -> DbResult<i64> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM memorial_offerings WHERE memorial_id = $1 AND kind = $2")
        .bind(id)
        .bind(kind)
        .fetch_one(&db.pool)
        .await?;
    Ok(n)
}

/// A message with its author's profile name.
#[derive(sqlx::FromRow)]
pub struct MessageRow {
    pub id: String,
    pub user_id: String,
    pub text: String,
    pub created_at: i64,
    pub hidden: i64,
    pub name: Option<String>,
}

/// How many messages a memorial has and `limit` of them after `offset`, newest first (hidden
/// ones only for the owner).
pub async fn messages(db: &Db, id: &str, owner: bool, limit: i64, offset: i64) -> DbResult<(i64, Vec<MessageRow>)> {
    let visible = if owner { "" } else { " AND m.hidden = 0" };
    let (total,): (i64,) =
        sqlx::query_as(&format!("SELECT COUNT(*) FROM memorial_messages m WHERE m.memorial_id = $1{visible}"))
            .bind(id)
            .fetch_one(&db.pool)
            .await?;
    let rows = sqlx::query_as::<_, MessageRow>(&format!(
        "SELECT m.id, m.user_id, m.text, m.created_at, m.hidden, u.name FROM memorial_messages m \
         JOIN users u ON u.id = m.user_id WHERE m.memorial_id = $1{visible} ORDER BY m.created_at DESC, m.id DESC LIMIT $2 OFFSET $3"
    ))
    .bind(id)
    .bind(limit)
    .bind(offset)
    .fetch_all(&db.pool)
    .await?;
    Ok((total, rows))
}

pub async fn offer(db: &Db, id: &str, user_id: &str, kind: &str, now: i64) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO memorial_offerings (id, memorial_id, user_id, kind, created_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(new_id())
    .bind(id)
    .bind(user_id)
    .bind(kind)
    .bind(now)
    .execute(&db.pool)
    .await?;
    Ok(())
}

pub async fn leave_message(db: &Db, id: &str, user_id: &str, text: &str, now: i64) -> DbResult<()> {
    sqlx::query("INSERT INTO memorial_messages (id, memorial_id, user_id, text, hidden, created_at) VALUES ($1, $2, $3, $4, 0, $5)")
        .bind(new_id())
        .bind(id)
        .bind(user_id)
        .bind(text)
        .bind(now)
        .execute(&db.pool)
        .await?;
    Ok(())
}

/// Hides a message of memorial `id`; false when there is none.
pub async fn hide_message(db: &Db, id: &str, message: &str) -> DbResult<bool> {
    let done = sqlx::query("UPDATE memorial_messages SET hidden = 1 WHERE id = $1 AND memorial_id = $2")
        .bind(message)
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() != 0)
}

/// Deletes a message of memorial `id`; false when there is none.
pub async fn delete_message(db: &Db, id: &str, message: &str) -> DbResult<bool> {
    let done = sqlx::query("DELETE FROM memorial_messages WHERE id = $1 AND memorial_id = $2")
        .bind(message)
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() != 0)
}
