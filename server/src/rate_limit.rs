//! Sliding-window rate limits kept in the database, so every server instance shares them.

use crate::db::{Db, DbResult, Engine};

/// Records one event in `bucket` unless `limit` events already happened in the last
/// `window_seconds`; returns whether the event was allowed.
///
/// Check and record happen in one transaction that holds a lock for the bucket, so a burst of
/// parallel requests cannot all see room and all be allowed: on PostgreSQL an advisory lock on
/// the bucket's hash; on SQLite the database's single write lock, which the DELETE takes first.
pub async fn allow(db: &Db, bucket: &str, limit: i64, window_seconds: i64, now: i64) -> DbResult<bool> {
    let since = now - window_seconds;
    let mut tx = db.begin().await?;
    if db.engine == Engine::Postgres {
        // (Wrapped so the row has a type the Any driver can read; pg_advisory_xact_lock returns void.)
        sqlx::query("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtext($1))) AS bucket_lock")
            .bind(bucket)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query("DELETE FROM rate_events WHERE bucket = $1 AND at <= $2")
        .bind(bucket)
        .bind(since)
        .execute(&mut *tx)
        .await?;
    let (count,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM rate_events WHERE bucket = $1 AND at > $2")
        .bind(bucket)
        .bind(since)
        .fetch_one(&mut *tx)
        .await?;
    if count >= limit {
        tx.commit().await?;
        return Ok(false);
    }
    sqlx::query("INSERT INTO rate_events (bucket, at) VALUES ($1, $2)")
        .bind(bucket)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(true)
}

/// Like [`allow`], but on refusal says how many seconds until the oldest event in the window
/// leaves it (what `Retry-After` tells the client). `Ok(None)`: allowed and recorded.
pub async fn check(db: &Db, bucket: &str, limit: i64, window_seconds: i64, now: i64) -> DbResult<Option<i64>> {
    if allow(db, bucket, limit, window_seconds, now).await? {
        return Ok(None);
    }
    let (oldest,): (Option<i64>,) = sqlx::query_as("SELECT MIN(at) FROM rate_events WHERE bucket = $1 AND at > $2")
        .bind(bucket)
        .bind(now - window_seconds)
        .fetch_one(&db.pool)
        .await?;
    Ok(Some(oldest.map(|at| at + window_seconds - now).unwrap_or(window_seconds).max(1)))
}
