//! Visit bookings as stored: the slot asked for, the booking itself (a unique index keeps one
//! active booking per account per day), reading them back, and cancelling.

use crate::db::DbResult;
use baoan_contract::memorial::BookingRequest;
use sqlx::AnyConnection;

/// The slot asked for, with its cemetery, window and day.
#[derive(sqlx::FromRow)]
pub struct SlotRow {
    pub id: String,
    pub cemetery_id: String,
    pub window_id: String,
    pub visit_date: String,
    pub ends_minute: i64,
}

pub async fn slot(conn: &mut AnyConnection, id: &str) -> DbResult<Option<SlotRow>> {
    sqlx::query_as::<_, SlotRow>(
        "SELECT id, cemetery_id, window_id, visit_date, ends_minute FROM memorial_slots WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await
}

/// Writes an active booking; a second active one of the account on that day fails on the
/// unique index (the caller tells that error apart).
#[allow(clippy::too_many_arguments)]
pub async fn insert(
    tx: &mut AnyConnection,
    id: &str,
    reference: &str,
    user_id: &str,
    slot_id: &str,
    date: &str,
    req: &BookingRequest,
    now: i64,
) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO memorial_bookings (id, reference, user_id, slot_id, visit_date, group_size, plate, deceased_name, \
         grave_area, grave_row, grave_number, visitor_name, visitor_phone, status, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'active', $14)",
    )
    .bind(id)
    .bind(reference)
    .bind(user_id)
    .bind(slot_id)
    .bind(date)
    .bind(i64::from(req.group_size))
    .bind(&req.plate)
    .bind(&req.deceased_name)
    .bind(&req.grave.area)
    .bind(&req.grave.row)
    .bind(&req.grave.number)
    .bind(&req.visitor_name)
    .bind(&req.visitor_phone)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// A booking with its slot's cemetery and times (`SELECT`).
#[derive(sqlx::FromRow)]
pub struct BookingRow {
    pub id: String,
    pub reference: String,
    pub cemetery_id: String,
    pub visit_date: String,
    pub starts_minute: i64,
    pub ends_minute: i64,
    pub group_size: i64,
    pub plate: String,
    pub deceased_name: String,
    pub grave_area: String,
    pub grave_row: String,
    pub grave_number: String,
    pub visitor_name: String,
    pub visitor_phone: String,
    pub status: String,
}

const SELECT: &str =
    "SELECT b.id, b.reference, s.cemetery_id, b.visit_date, s.starts_minute, s.ends_minute, b.group_size, \
    b.plate, b.deceased_name, b.grave_area, b.grave_row, b.grave_number, b.visitor_name, b.visitor_phone, b.status \
    FROM memorial_bookings b JOIN memorial_slots s ON s.id = b.slot_id";

/// A booking of `user_id`'s.
pub async fn booking(conn: &mut AnyConnection, id: &str, user_id: &str) -> DbResult<Option<BookingRow>> {
    sqlx::query_as::<_, BookingRow>(&format!("{SELECT} WHERE b.id = $1 AND b.user_id = $2"))
        .bind(id)
        .bind(user_id)
        .fetch_optional(&mut *conn)
        .await
}

/// `user_id`'s bookings: how many, and `limit` after `offset`, newest day first.
pub async fn of_user(
    conn: &mut AnyConnection,
    user_id: &str,
    limit: i64,
    offset: i64,
) -> DbResult<(i64, Vec<BookingRow>)> {
    super::page_of(
        conn,
        "SELECT COUNT(*) FROM memorial_bookings WHERE user_id = $1",
        &format!("{SELECT} WHERE b.user_id = $1 ORDER BY b.visit_date DESC, s.starts_minute, b.id LIMIT $2 OFFSET $3"),
        user_id,
        limit,
        offset,
    )
    .await
}

/// An active booking's slot, group and day.
#[derive(sqlx::FromRow)]
pub struct ActiveRow {
    pub slot_id: String,
    pub group_size: i64,
    pub visit_date: String,
}

pub async fn active(tx: &mut AnyConnection, id: &str, user_id: &str) -> DbResult<Option<ActiveRow>> {
    sqlx::query_as::<_, ActiveRow>(
        "SELECT slot_id, group_size, visit_date FROM memorial_bookings WHERE id = $1 AND user_id = $2 AND status = 'active'",
    )
    .bind(id)
    .bind(user_id)
    .fetch_optional(&mut *tx)
    .await
}

/// Cancels an active booking; false when it was no longer active.
pub async fn cancel(tx: &mut AnyConnection, id: &str, now: i64) -> DbResult<bool> {
    let done = sqlx::query(
        "UPDATE memorial_bookings SET status = 'cancelled', cancelled_at = $1 WHERE id = $2 AND status = 'active'",
    )
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub async fn cemetery_of_slot(tx: &mut AnyConnection, slot_id: &str) -> DbResult<String> {
    let (cemetery_id,): (String,) = sqlx::query_as("SELECT cemetery_id FROM memorial_slots WHERE id = $1")
        .bind(slot_id)
        .fetch_one(&mut *tx)
        .await?;
    Ok(cemetery_id)
}
