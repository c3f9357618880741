//! Reading and writing `marriage_bookings`: the stored row, who may see it, and each conditional
//! change (a status, a confirm, a reschedule) in the caller's transaction.

use super::super::view::{BookingRow, StoredParty};
use crate::db::{Db, DbResult};
use baoan_contract::marriage::{BookingKind, BookingStatus};
use sqlx::AnyConnection;

/// A row of `marriage_bookings` as stored (`COLUMNS`); the parties are JSON.
#[derive(sqlx::FromRow)]
struct BookingRecord {
    id: String,
    reference: String,
    user_id: String,
    kind: String,
    status: String,
    office_id: String,
    slot_id: String,
    ceremony_slot_id: Option<String>,
    counselling_slot_id: Option<String>,
    party_a: String,
    party_b: String,
    partner_phone: Option<String>,
    partner_user_id: Option<String>,
    confirm_by: Option<i64>,
    created_at: i64,
    first_visit_id: Option<String>,
}

impl BookingRecord {
    fn into_booking_row(self) -> Option<BookingRow> {
        Some(BookingRow {
            id: self.id,
            reference: self.reference,
            user_id: self.user_id,
            kind: BookingKind::from_code(&self.kind)?,
            status: BookingStatus::from_code(&self.status)?,
            office_id: self.office_id,
            slot_id: self.slot_id,
            ceremony_slot_id: self.ceremony_slot_id,
            counselling_slot_id: self.counselling_slot_id,
            party_a: serde_json::from_str(&self.party_a).ok()?,
            party_b: serde_json::from_str(&self.party_b).ok()?,
            partner_phone: self.partner_phone,
            partner_user_id: self.partner_user_id,
            confirm_by: self.confirm_by,
            created_at: self.created_at,
            first_visit_id: self.first_visit_id,
        })
    }
}

const COLUMNS: &str =
    "id, reference, user_id, kind, status, office_id, slot_id, ceremony_slot_id, counselling_slot_id, \
     party_a, party_b, partner_phone, partner_user_id, confirm_by, created_at, first_visit_id";

/// Who may see a booking: its booker; party B's account once it confirmed or declined; while it
/// awaits its partner, the account signed in with party B's phone. `$1` user id, `$2` phone.
const VISIBLE_TO: &str =
    "(user_id = $1 OR partner_user_id = $1 OR (partner_phone = $2 AND status = 'awaiting_partner' AND partner_user_id IS NULL))";

/// A booking `user_id` (signed in with `phone`) may see.
pub async fn visible(db: &Db, user_id: &str, phone: &str, id: &str) -> DbResult<Option<BookingRow>> {
    let raw = sqlx::query_as::<_, BookingRecord>(&format!(
        "SELECT {COLUMNS} FROM marriage_bookings WHERE id = $3 AND {VISIBLE_TO}"
    ))
    .bind(user_id)
    .bind(phone)
    .bind(id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(raw.and_then(BookingRecord::into_booking_row))
}

/// Up to `limit` bookings `user_id` may see after skipping `offset`, newest first.
pub async fn visible_page(db: &Db, user_id: &str, phone: &str, limit: i64, offset: i64) -> DbResult<Vec<BookingRow>> {
    let raw = sqlx::query_as::<_, BookingRecord>(&format!(
        "SELECT {COLUMNS} FROM marriage_bookings WHERE {VISIBLE_TO} ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4"
    ))
    .bind(user_id)
    .bind(phone)
    .bind(limit)
    .bind(offset)
    .fetch_all(&db.pool)
    .await?;
    Ok(raw.into_iter().filter_map(BookingRecord::into_booking_row).collect())
}

/// A booking `user_id` booked.
pub async fn owned(db: &Db, user_id: &str, id: &str) -> DbResult<Option<BookingRow>> {
    let raw = sqlx::query_as::<_, BookingRecord>(&format!(
        "SELECT {COLUMNS} FROM marriage_bookings WHERE id = $1 AND user_id = $2"
    ))
    .bind(id)
    .bind(user_id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(raw.and_then(BookingRecord::into_booking_row))
}

/// Any booking by its reference.
pub async fn by_reference(db: &Db, reference: &str) -> DbResult<Option<BookingRow>> {
    let raw =
        sqlx::query_as::<_, BookingRecord>(&format!("SELECT {COLUMNS} FROM marriage_bookings WHERE reference = $1"))
            .bind(reference)
            .fetch_optional(&db.pool)
            .await?;
    Ok(raw.and_then(BookingRecord::into_booking_row))
}

/// Bookings still awaiting their partner after `confirm_by` passed.
pub async fn expired(db: &Db, now: i64) -> DbResult<Vec<BookingRow>> {
    let raw = sqlx::query_as::<_, BookingRecord>(&format!(
        "SELECT {COLUMNS} FROM marriage_bookings WHERE status = 'awaiting_partner' AND confirm_by < $1"
    ))
    .bind(now)
    .fetch_all(&db.pool)
    .await?;
    Ok(raw.into_iter().filter_map(BookingRecord::into_booking_row).collect())
}

/// The reference of a divorce's active second visit (awaiting its partner or confirmed).
pub async fn second_visit_reference(db: &Db, first_visit_id: &str) -> DbResult<Option<String>> {
    let r: Option<(String,)> = sqlx::query_as(
        "SELECT reference FROM marriage_bookings WHERE first_visit_id = $1 AND status IN ('awaiting_partner', 'confirmed')",
    )
    .bind(first_visit_id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(r.map(|(r,)| r))
}

/// How many active second visits a first visit has.
pub async fn second_visits(db: &Db, first_visit_id: &str) -> DbResult<i64> {
    let (existing,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM marriage_bookings WHERE first_visit_id = $1 AND status IN ('awaiting_partner', 'confirmed')",
    )
    .bind(first_visit_id)
    .fetch_one(&db.pool)
    .await?;
    Ok(existing)
}

/// A first visit's reference and the day of its slot.
#[derive(sqlx::FromRow)]
pub struct FirstVisitRow {
    pub reference: String,
    pub day: String,
}

pub async fn first_visit(db: &Db, id: &str) -> DbResult<Option<FirstVisitRow>> {
    sqlx::query_as::<_, FirstVisitRow>(
        "SELECT b.reference, s.day FROM marriage_bookings b JOIN marriage_slots s ON s.id = b.slot_id WHERE b.id = $1",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await
}

/// A new booking awaiting its partner (a first booking, or a divorce's second visit).
pub struct NewBooking<'a> {
    pub id: &'a str,
    pub reference: String,
    pub user_id: &'a str,
    pub kind: BookingKind,
    pub office_id: &'a str,
    pub slot_id: &'a str,
    pub party_a: &'a StoredParty,
    pub party_b: &'a StoredParty,
    pub confirm_by: i64,
    pub now: i64,
}

/// Writes a new booking with its extras (ceremony, counselling).
pub async fn insert(
    tx: &mut AnyConnection,
    b: &NewBooking<'_>,
    ceremony_slot_id: Option<String>,
    counselling_slot_id: Option<String>,
) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO marriage_bookings (id, reference, user_id, kind, status, office_id, slot_id, ceremony_slot_id, \
         counselling_slot_id, party_a, party_b, partner_phone, partner_tries, confirm_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 0, $13, $14, $15)",
    )
    .bind(b.id)
    .bind(&b.reference)
    .bind(b.user_id)
    .bind(b.kind.code())
    .bind(BookingStatus::AwaitingPartner.code())
    .bind(b.office_id)
    .bind(b.slot_id)
    .bind(ceremony_slot_id)
    .bind(counselling_slot_id)
    .bind(serde_json::to_string(b.party_a).unwrap_or_default())
    .bind(serde_json::to_string(b.party_b).unwrap_or_default())
    .bind(&b.party_b.phone)
    .bind(b.confirm_by)
    .bind(b.now)
    .bind(b.now)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Writes a divorce's second visit, linked to its first visit.
pub async fn insert_second_visit(tx: &mut AnyConnection, b: &NewBooking<'_>, first_visit_id: &str) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO marriage_bookings (id, reference, user_id, kind, status, office_id, slot_id, party_a, party_b, \
         partner_phone, partner_tries, confirm_by, created_at, updated_at, first_visit_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0, $11, $12, $13, $14)",
    )
    .bind(b.id)
    .bind(&b.reference)
    .bind(b.user_id)
    .bind(b.kind.code())
    .bind(BookingStatus::AwaitingPartner.code())
    .bind(b.office_id)
    .bind(b.slot_id)
    .bind(serde_json::to_string(b.party_a).unwrap_or_default())
    .bind(serde_json::to_string(b.party_b).unwrap_or_default())
    .bind(&b.party_b.phone)
    .bind(b.confirm_by)
    .bind(b.now)
    .bind(b.now)
    .bind(first_visit_id)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// Party B confirms a booking awaiting them; false when it no longer awaits.
pub async fn confirm(tx: &mut AnyConnection, id: &str, partner_user_id: &str, now: i64) -> DbResult<bool> {
    let done = sqlx::query(
        "UPDATE marriage_bookings SET status = 'confirmed', partner_user_id = $1, confirm_by = NULL, updated_at = $2 \
         WHERE id = $3 AND status = 'awaiting_partner'",
    )
    .bind(partner_user_id)
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    Ok(done.rows_affected() == 1)
}

/// Records party B's account (after they declined in it).
pub async fn set_partner(tx: &mut AnyConnection, id: &str, partner_user_id: &str) -> DbResult<()> {
    sqlx::query("UPDATE marriage_bookings SET partner_user_id = $1 WHERE id = $2")
        .bind(partner_user_id)
        .bind(id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// Moves a booking from status `from` to `to`; false when its status changed meanwhile.
pub async fn set_status(
    tx: &mut AnyConnection,
    id: &str,
    from: BookingStatus,
    to: BookingStatus,
    now: i64,
) -> DbResult<bool> {
    let done = sqlx::query("UPDATE marriage_bookings SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4")
        .bind(to.code())
        .bind(now)
        .bind(id)
        .bind(from.code())
        .execute(&mut *tx)
        .await?;
    Ok(done.rows_affected() == 1)
}

/// Moves an active booking from slot `old_slot_id` to `slot_id`; false when it changed meanwhile.
pub async fn reschedule(
    tx: &mut AnyConnection,
    id: &str,
    old_slot_id: &str,
    slot_id: &str,
    office_id: &str,
    now: i64,
) -> DbResult<bool> {
    let changed = sqlx::query(
        "UPDATE marriage_bookings SET slot_id = $1, office_id = $2, updated_at = $3 WHERE id = $4 AND slot_id = $5 \
         AND status IN ('awaiting_partner', 'confirmed')",
    )
    .bind(slot_id)
    .bind(office_id)
    .bind(now)
    .bind(id)
    .bind(old_slot_id)
    .execute(&mut *tx)
    .await?;
    Ok(changed.rows_affected() == 1)
}

/// Drops a booking's ceremony and counselling slots.
pub async fn clear_extras(tx: &mut AnyConnection, id: &str) -> DbResult<()> {
    sqlx::query("UPDATE marriage_bookings SET ceremony_slot_id = NULL, counselling_slot_id = NULL WHERE id = $1")
        .bind(id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// The account of `phone`, created (without a profile) when it has none yet.
pub async fn account_of_phone(db: &Db, phone: &str, now: i64) -> DbResult<String> {
    sqlx::query("INSERT INTO users (id, phone, created_at) VALUES ($1, $2, $3) ON CONFLICT (phone) DO NOTHING")
        .bind(crate::db::new_id())
        .bind(phone)
        .bind(now)
        .execute(&db.pool)
        .await?;
    let (user_id,): (String,) =
        sqlx::query_as("SELECT id FROM users WHERE phone = $1").bind(phone).fetch_one(&db.pool).await?;
    Ok(user_id)
}
