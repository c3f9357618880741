//! Demo data: nothing yet beyond the reference data of the migration (standards, communities);
//! the demo resident starts with no application so the whole journey can be tried.

use crate::db::DbResult;
use sqlx::AnyConnection;

pub async fn seed(_tx: &mut AnyConnection, _now: i64) -> DbResult<()> {
    Ok(())
}
