//! Sliding-window rate limits kept in the database, so every server instance shares them.

use crate::db::{Db, DbResult};

/// Records one event in `bucket` unless `limit` events already happened in the last
/// `window_seconds`; returns whether the event was allowed.
pub async fn allow(db: &Db, bucket: &str, limit: i64, window_seconds: i64, now: i64) -> DbResult<bool> {
    let since = now - window_seconds;
    sqlx::query("DELETE FROM rate_events WHERE bucket = $1 AND at <= $2")
        .bind(bucket)
        .bind(since)
        .execute(&db.pool)
        .await?;
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM rate_events WHERE bucket = $1 AND at > $2")
        .bind(bucket)
        .bind(since)
        .fetch_one(&db.pool)
        .await?;
    if count >= limit {
        return Ok(false);
    }
    sqlx::query("INSERT INTO rate_events (bucket, at) VALUES ($1, $2)")
        .bind(bucket)
        .bind(now)
        .execute(&db.pool)
        .await?;
    Ok(true)
}
