//! Holds in `marriage_active_people`: one row per key while it is held, claimed inside the
//! transaction that needs it (the primary key makes a second claim fail there). A hold lasts until
//! its day (the visit): once that day has passed, a new claim takes it over, so nobody stays
//! locked after their visit.
//!
//! Keys: a person's document (`<id_type>:<number>`, claimed for both parties when party B
//! confirms), `pending:<user_id>` (one booking awaiting its partner per account) and
//! `active:<user_id>` (one confirmed booking per account).

use crate::db::DbResult;
use crate::state::AppState;
use baoan_contract::rules::date::Date;
use sqlx::AnyConnection;

pub fn pending(user_id: &str) -> String {
    format!("pending:{user_id}")
}

pub fn active(user_id: &str) -> String {
    format!("active:{user_id}")
}

/// Claims `key` for `booking_id` until `day`; false when it is held by another booking whose day
/// is today or later.
pub async fn claim(tx: &mut AnyConnection, key: &str, booking_id: &str, day: Date, today: Date) -> DbResult<bool> {
    let done = sqlx::query(
        "INSERT INTO marriage_active_people (person, booking_id, until_day) VALUES ($1, $2, $3) \
         ON CONFLICT (person) DO UPDATE SET booking_id = excluded.booking_id, until_day = excluded.until_day \
         WHERE marriage_active_people.until_day < $4",
    )
    .bind(key)
    .bind(booking_id)
    .bind(day.to_iso())
    .bind(today.to_iso())
    .execute(&mut *tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Whether `key` is held today (by a booking whose day has not passed).
pub async fn held(state: &AppState, key: &str) -> DbResult<bool> {
    let row: Option<(String,)> =
        sqlx::query_as("SELECT booking_id FROM marriage_active_people WHERE person = $1 AND until_day >= $2")
            .bind(key)
            .bind(state.clock.today().to_iso())
            .fetch_optional(&state.db.pool)
            .await?;
    Ok(row.is_some())
}

/// Gives one hold of a booking back (e.g. its pending hold once the partner confirmed).
pub async fn release(tx: &mut AnyConnection, key: &str, booking_id: &str) -> DbResult<()> {
    sqlx::query("DELETE FROM marriage_active_people WHERE person = $1 AND booking_id = $2")
        .bind(key)
        .bind(booking_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// Moves a booking's holds to its new day (after a reschedule).
pub async fn move_to(tx: &mut AnyConnection, booking_id: &str, day: Date) -> DbResult<()> {
    sqlx::query("UPDATE marriage_active_people SET until_day = $1 WHERE booking_id = $2")
        .bind(day.to_iso())
        .bind(booking_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// Gives every hold of a booking back (it ended).
pub async fn release_all(tx: &mut AnyConnection, booking_id: &str) -> DbResult<()> {
    sqlx::query("DELETE FROM marriage_active_people WHERE booking_id = $1").bind(booking_id).execute(&mut *tx).await?;
    Ok(())
}
