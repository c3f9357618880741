//! Cemeteries, their booking windows and hourly slots as stored.

use super::super::cemeteries::WindowCreate;
use crate::db::{new_id, Db, DbResult};
use crate::error::{AppError, AppResult};
use crate::localise::localised;
use baoan_contract::memorial::*;
use baoan_contract::rules::date::Date;
use sqlx::AnyConnection;

/// A row of `memorial_cemeteries`.
#[derive(sqlx::FromRow)]
struct CemeteryRow {
    id: String,
    name: String,
    name_hant: Option<String>,
    name_en: Option<String>,
    address: String,
    address_hant: Option<String>,
    address_en: Option<String>,
    map_url: String,
    max_group: i64,
    proxy_service: i64,
}

const CEMETERY_COLUMNS: &str =
    "id, name, name_hant, name_en, address, address_hant, address_en, map_url, max_group, proxy_service";

fn cemetery(r: CemeteryRow) -> Cemetery {
    Cemetery {
        id: r.id,
        name: localised(r.name, r.name_hant, r.name_en),
        address: localised(r.address, r.address_hant, r.address_en),
        map_url: r.map_url,
        max_group: r.max_group as u32,
        proxy_service: r.proxy_service != 0,
    }
}

pub async fn load_cemetery(conn: &mut AnyConnection, id: &str) -> AppResult<Cemetery> {
    let row =
        sqlx::query_as::<_, CemeteryRow>(&format!("SELECT {CEMETERY_COLUMNS} FROM memorial_cemeteries WHERE id = $1"))
            .bind(id)
            .fetch_optional(conn)
            .await?;
    row.map(cemetery).ok_or_else(|| AppError::no_such("cemetery"))
}

/// The cemeteries taking bookings, in order.
pub async fn cemeteries(db: &Db) -> DbResult<Vec<Cemetery>> {
    let rows = sqlx::query_as::<_, CemeteryRow>(&format!(
        "SELECT {CEMETERY_COLUMNS} FROM memorial_cemeteries ORDER BY sort, id"
    ))
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().map(cemetery).collect())
}

/// A row of `memorial_windows`.
#[derive(sqlx::FromRow)]
struct WindowRow {
    id: String,
    kind: String,
    starts_on: String,
    ends_on: String,
    days_ahead: i64,
    opens_minute: i64,
    closes_minute: i64,
}

fn window(r: WindowRow) -> Option<BookingWindow> {
    Some(BookingWindow {
        id: r.id,
        kind: r.kind,
        starts_on: Date::parse_iso(&r.starts_on)?,
        ends_on: Date::parse_iso(&r.ends_on)?,
        days_ahead: r.days_ahead as u32,
        service_opens_minute: r.opens_minute as u32,
        service_closes_minute: r.closes_minute as u32,
    })
}

pub async fn windows_of(conn: &mut AnyConnection, cemetery_id: &str) -> AppResult<Vec<BookingWindow>> {
    let rows = sqlx::query_as::<_, WindowRow>(
        "SELECT id, kind, starts_on, ends_on, days_ahead, opens_minute, closes_minute FROM memorial_windows \
         WHERE cemetery_id = $1 ORDER BY starts_on",
    )
    .bind(cemetery_id)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().filter_map(window).collect())
}

/// The places left on a cemetery's day, all slots together.
pub async fn places_left(conn: &mut AnyConnection, cemetery_id: &str, date: Date) -> DbResult<i64> {
    let (left,): (i64,) = sqlx::query_as(
        "SELECT CAST(COALESCE(SUM(capacity - taken), 0) AS BIGINT) FROM memorial_slots WHERE cemetery_id = $1 AND visit_date = $2",
    )
    .bind(cemetery_id)
    .bind(date.to_iso())
    .fetch_one(&mut *conn)
    .await?;
    Ok(left)
}

/// A row of `memorial_slots`.
#[derive(sqlx::FromRow)]
struct SlotRow {
    id: String,
    starts_minute: i64,
    ends_minute: i64,
    capacity: i64,
    taken: i64,
}

pub async fn read_slots(conn: &mut AnyConnection, cemetery_id: &str, date: Date) -> AppResult<SlotList> {
    let rows = sqlx::query_as::<_, SlotRow>(
        "SELECT id, visit_date, starts_minute, ends_minute, capacity, taken FROM memorial_slots \
         WHERE cemetery_id = $1 AND visit_date = $2 ORDER BY starts_minute",
    )
    .bind(cemetery_id)
    .bind(date.to_iso())
    .fetch_all(conn)
    .await?;
    let slots = rows
        .into_iter()
        .map(|r| Slot {
            id: r.id,
            date,
            starts_minute: r.starts_minute as u32,
            ends_minute: r.ends_minute as u32,
            capacity: r.capacity,
            taken: r.taken,
        })
        .collect();
    Ok(SlotList { cemetery_id: cemetery_id.to_string(), date, slots })
}

/// Writes a window and its slots (also used by the demo data).
pub async fn insert_window(conn: &mut AnyConnection, w: &WindowCreate) -> Result<String, sqlx::Error> {
    let id = new_id();
    sqlx::query(
        "INSERT INTO memorial_windows (id, cemetery_id, kind, starts_on, ends_on, days_ahead, opens_minute, closes_minute) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(&id)
    .bind(&w.cemetery_id)
    .bind(&w.kind)
    .bind(w.starts_on.to_iso())
    .bind(w.ends_on.to_iso())
    .bind(i64::from(w.days_ahead))
    .bind(i64::from(w.service_opens_minute))
    .bind(i64::from(w.service_closes_minute))
    .execute(&mut *conn)
    .await?;
    let mut day = w.starts_on;
    while day <= w.ends_on {
        for hour in w.first_hour..=w.last_hour {
            sqlx::query(
                "INSERT INTO memorial_slots (id, cemetery_id, window_id, visit_date, starts_minute, ends_minute, capacity, taken) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, 0)",
            )
            .bind(new_id())
            .bind(&w.cemetery_id)
            .bind(&id)
            .bind(day.to_iso())
            .bind(i64::from(hour * 60))
            .bind(i64::from(hour * 60 + 60))
            .bind(w.capacity)
            .execute(&mut *conn)
            .await?;
        }
        day = day.add_days(1);
    }
    Ok(id)
}
