//! Demonstration data's shared part: the flag that marks a database as a demo and the demo
//! resident. `crate::serve` writes them with each journey's demo data in one transaction when the
//! server runs with `--demo` on an empty database. The database then remembers it is a demo,
//! and `/api/v1/meta` says so, so the app marks every page "演示数据 / demo data".

use super::{new_id, Db, DbResult};
use sqlx::{Any, Transaction};

/// The demo resident: sign in with this number; the code appears in the server log.
pub const DEMO_PHONE: &str = "13800138000";

pub async fn is_demo(db: &Db) -> DbResult<bool> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT value FROM service_meta WHERE key = $1").bind("demo").fetch_optional(&db.pool).await?;
    Ok(row.map(|(v,)| v == "1").unwrap_or(false))
}

/// Unless the database already has residents (real or demo): a transaction that has marked it a
/// demo and written the demo resident, for the journeys' demo data to follow before it commits.
pub async fn begin_if_empty(db: &Db, now: i64) -> DbResult<Option<Transaction<'static, Any>>> {
    let (users,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users").fetch_one(&db.pool).await?;
    if users > 0 {
        return Ok(None);
    }
    let mut tx = db.begin().await?;
    sqlx::query("INSERT INTO service_meta (key, value) VALUES ($1, $2)")
        .bind("demo")
        .bind("1")
        .execute(&mut *tx)
        .await?;
    sqlx::query("INSERT INTO users (id, phone, name, id_type, id_number, created_at) VALUES ($1, $2, $3, $4, $5, $6)")
        .bind(new_id())
        .bind(DEMO_PHONE)
        .bind("演示居民")
        .bind(baoan_contract::rules::documents::IdType::ResidentId.code())
        .bind("11010519491231002X")
        .bind(now)
        .execute(&mut *tx)
        .await?;
    Ok(Some(tx))
}
