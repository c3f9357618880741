//! This journey's SQL, a file per resource; rows are named structs with their conversions.

pub mod bookings;
pub mod cemeteries;
pub mod family;
pub mod memorials;
pub mod proxy;
pub mod reminders;
pub mod reports;
pub mod tributes;

use crate::db::DbResult;
use sqlx::any::AnyRow;
use sqlx::AnyConnection;

/// One page of the rows that belong to `key` (a memorial, a resident): how many there are
/// (`count`, with `$1` the key) and `limit` rows after `offset` (`rows`, with `$1` the key,
/// `$2` the limit and `$3` the offset).
pub async fn page_of<R>(
    conn: &mut AnyConnection,
    count: &str,
    rows: &str,
    key: &str,
    limit: i64,
    offset: i64,
) -> DbResult<(i64, Vec<R>)>
where
    R: for<'r> sqlx::FromRow<'r, AnyRow> + Send + Unpin,
{
    let (total,): (i64,) = sqlx::query_as(count).bind(key).fetch_one(&mut *conn).await?;
    let rows = sqlx::query_as::<_, R>(rows).bind(key).bind(limit).bind(offset).fetch_all(&mut *conn).await?;
    Ok((total, rows))
}
