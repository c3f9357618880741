//! Places in a slot with a fixed capacity (registry time slots, cemetery visit slots…).
//!
//! Taking places is one conditional UPDATE: the row changes only if the places are still there,
//! so the database itself refuses an overbooking, whatever the concurrency, on SQLite and
//! PostgreSQL alike. A table using this has columns `id TEXT`, `capacity BIGINT`, `taken BIGINT`.

use sqlx::AnyConnection;

/// Takes `n` places in slot `id` of `table`; false when fewer than `n` are left (or `n` is not
/// positive: a negative count would give places back). `table` is a name from our code, never
/// from a request.
pub async fn take(conn: &mut AnyConnection, table: &'static str, id: &str, n: i64) -> Result<bool, sqlx::Error> {
    if n < 1 {
        return Ok(false);
    }
    let sql = format!("UPDATE {table} SET taken = taken + $1 WHERE id = $2 AND taken + $3 <= capacity");
    let done = sqlx::query(&sql).bind(n).bind(id).bind(n).execute(conn).await?;
    Ok(done.rows_affected() == 1)
}

/// Gives `n` places back (a cancellation), never below zero. A count that is not positive
/// changes nothing (a negative one would take places past the capacity).
pub async fn release(conn: &mut AnyConnection, table: &'static str, id: &str, n: i64) -> Result<(), sqlx::Error> {
    if n < 1 {
        return Ok(());
    }
    let sql = format!("UPDATE {table} SET taken = taken - $1 WHERE id = $2 AND taken >= $3");
    sqlx::query(&sql).bind(n).bind(id).bind(n).execute(conn).await?;
    Ok(())
}
