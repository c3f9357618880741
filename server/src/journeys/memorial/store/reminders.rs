//! Reminders: the memorials whose owner wants them, and each (memorial, occasion, year) claimed once.

use crate::db::{Db, DbResult};
use baoan_contract::memorial::reminders::Occasion;
use baoan_contract::rules::date::Date;

/// A memorial whose owner asked for reminders.
#[derive(sqlx::FromRow)]
pub struct ReminderRow {
    pub id: String,
    pub owner_id: String,
    pub deceased_name: String,
    pub died_on: String,
}

pub async fn wanted(db: &Db) -> DbResult<Vec<ReminderRow>> {
    sqlx::query_as::<_, ReminderRow>("SELECT id, owner_id, deceased_name, died_on FROM memorials WHERE reminder = 1")
        .fetch_all(&db.pool)
        .await
}

/// Claims this year's reminder of `occasion`; false when it was sent already.
pub async fn claim(db: &Db, id: &str, occasion: Occasion, today: Date) -> DbResult<bool> {
    let claimed = sqlx::query(
        "INSERT INTO memorial_reminders_sent (memorial_id, occasion, year, sent_on) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
    )
    .bind(id)
    .bind(occasion.code())
    .bind(i64::from(today.year()))
    .bind(today.to_iso())
    .execute(&db.pool)
    .await?;
    Ok(claimed.rows_affected() != 0)
}

/// Gives a claim back so the next run sends it.
pub async fn unclaim(db: &Db, id: &str, occasion: Occasion, today: Date) -> DbResult<()> {
    sqlx::query("DELETE FROM memorial_reminders_sent WHERE memorial_id = $1 AND occasion = $2 AND year = $3")
        .bind(id)
        .bind(occasion.code())
        .bind(i64::from(today.year()))
        .execute(&db.pool)
        .await?;
    Ok(())
}
