//! Cemeteries, their booking windows and hourly slots as stored.

use super::super::cemeteries::WindowCreate;
use crate::db::{new_id, Db, DbResult};
use crate::error::{AppError, AppResult};
use crate::localise::localised;
use baoan_contract::memorial::*;
use baoan_contract::rules::date::Date;
use baoan_contract::rules::figures::{Basis, Provenance};
use sqlx::AnyConnection;

/// A figure's source from its stored columns. A row the district could not have written (an
/// unknown kind, a document without title) is shown as an example rather than as policy.
fn source(kind: &str, document: Option<String>, article: Option<String>, from: Option<Date>, or: Date) -> Provenance {
    let basis = Basis::from_columns(kind, document, article).unwrap_or(Basis::Example);
    Provenance { basis, effective_from: from.unwrap_or(or) }
}

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
    max_group_basis: String,
    max_group_document: Option<String>,
    max_group_article: Option<String>,
    max_group_from: String,
}

const CEMETERY_COLUMNS: &str = "id, name, name_hant, name_en, address, address_hant, address_en, map_url, max_group, \
     proxy_service, max_group_basis, max_group_document, max_group_article, max_group_from";

/// The day examples date from when a stored date is unreadable (as the example standards).
fn examples_from() -> Date {
    Date::new(2025, 1, 1).expect("a real date")
}

fn cemetery(r: CemeteryRow) -> Cemetery {
    Cemetery {
        id: r.id,
        name: localised(r.name, r.name_hant, r.name_en),
        address: localised(r.address, r.address_hant, r.address_en),
        map_url: r.map_url,
        max_group: r.max_group as u32,
        proxy_service: r.proxy_service != 0,
        max_group_source: source(
            &r.max_group_basis,
            r.max_group_document,
            r.max_group_article,
            Date::parse_iso(&r.max_group_from),
            examples_from(),
        ),
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
        "SELECT {CEMETERY_COLUMNS} FROM memorial_cemeteries WHERE active = 1 ORDER BY sort, id"
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
    capacity_basis: String,
    capacity_document: Option<String>,
    capacity_article: Option<String>,
    capacity_from: Option<String>,
}

fn window(r: WindowRow) -> Option<BookingWindow> {
    let starts_on = Date::parse_iso(&r.starts_on)?;
    let from = r.capacity_from.as_deref().and_then(Date::parse_iso);
    Some(BookingWindow {
        capacity_source: source(&r.capacity_basis, r.capacity_document, r.capacity_article, from, starts_on),
        id: r.id,
        kind: r.kind,
        starts_on,
        ends_on: Date::parse_iso(&r.ends_on)?,
        days_ahead: r.days_ahead as u32,
        service_opens_minute: r.opens_minute as u32,
        service_closes_minute: r.closes_minute as u32,
    })
}

pub async fn windows_of(conn: &mut AnyConnection, cemetery_id: &str) -> AppResult<Vec<BookingWindow>> {
    let rows = sqlx::query_as::<_, WindowRow>(
        "SELECT id, kind, starts_on, ends_on, days_ahead, opens_minute, closes_minute, capacity_basis, \
         capacity_document, capacity_article, capacity_from FROM memorial_windows WHERE cemetery_id = $1 ORDER BY starts_on",
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

/// A row of `memorial_slots`, with the source of its window's places.
#[derive(sqlx::FromRow)]
struct SlotRow {
    id: String,
    starts_minute: i64,
    ends_minute: i64,
    capacity: i64,
    taken: i64,
    arrived: i64,
    capacity_basis: String,
    capacity_document: Option<String>,
    capacity_article: Option<String>,
    capacity_from: Option<String>,
    starts_on: String,
}

pub async fn read_slots(conn: &mut AnyConnection, cemetery_id: &str, date: Date) -> AppResult<SlotList> {
    let rows = sqlx::query_as::<_, SlotRow>(
        "SELECT s.id, s.starts_minute, s.ends_minute, s.capacity, s.taken, s.arrived, w.capacity_basis, w.capacity_document, \
         w.capacity_article, w.capacity_from, w.starts_on FROM memorial_slots s JOIN memorial_windows w ON w.id = s.window_id \
         WHERE s.cemetery_id = $1 AND s.visit_date = $2 ORDER BY s.starts_minute",
    )
    .bind(cemetery_id)
    .bind(date.to_iso())
    .fetch_all(conn)
    .await?;
    let capacity_source = rows.first().map(|r| {
        let from = r.capacity_from.as_deref().and_then(Date::parse_iso);
        let or = Date::parse_iso(&r.starts_on).unwrap_or(date);
        source(&r.capacity_basis, r.capacity_document.clone(), r.capacity_article.clone(), from, or)
    });
    let slots = rows
        .into_iter()
        .map(|r| Slot {
            id: r.id,
            date,
            starts_minute: r.starts_minute as u32,
            ends_minute: r.ends_minute as u32,
            capacity: r.capacity,
            taken: r.taken,
            arrived: r.arrived,
        })
        .collect();
    Ok(SlotList { cemetery_id: cemetery_id.to_string(), date, slots, capacity_source })
}

/// Writes a window (id `id`) and its slots, whose places rest on `capacity_source` (also used by
/// the demo data and the reference import).
pub async fn insert_window(
    conn: &mut AnyConnection,
    id: &str,
    w: &WindowCreate,
    capacity_source: &Provenance,
) -> Result<String, sqlx::Error> {
    let (basis, document, article) = capacity_source.basis.columns();
    sqlx::query(
        "INSERT INTO memorial_windows (id, cemetery_id, kind, starts_on, ends_on, days_ahead, opens_minute, closes_minute, \
         capacity_basis, capacity_document, capacity_article, capacity_from, first_hour, last_hour, capacity) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)",
    )
    .bind(id)
    .bind(&w.cemetery_id)
    .bind(&w.kind)
    .bind(w.starts_on.to_iso())
    .bind(w.ends_on.to_iso())
    .bind(i64::from(w.days_ahead))
    .bind(i64::from(w.service_opens_minute))
    .bind(i64::from(w.service_closes_minute))
    .bind(basis)
    .bind(document)
    .bind(article)
    .bind(capacity_source.effective_from.to_iso())
    .bind(i64::from(w.first_hour))
    .bind(i64::from(w.last_hour))
    .bind(w.capacity)
    .execute(&mut *conn)
    .await?;
    let mut day = w.starts_on;
    while day <= w.ends_on {
        for hour in w.first_hour..=w.last_hour {
            insert_slot(conn, &w.cemetery_id, id, day, hour, w.capacity).await?;
        }
        day = day.add_days(1);
    }
    Ok(id.to_string())
}

/// One hourly slot of a window, `capacity` places, none taken.
pub async fn insert_slot(
    conn: &mut AnyConnection,
    cemetery_id: &str,
    window_id: &str,
    day: Date,
    hour: u32,
    capacity: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "INSERT INTO memorial_slots (id, cemetery_id, window_id, visit_date, starts_minute, ends_minute, capacity, taken) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 0)",
    )
    .bind(new_id())
    .bind(cemetery_id)
    .bind(window_id)
    .bind(day.to_iso())
    .bind(i64::from(hour * 60))
    .bind(i64::from(hour * 60 + 60))
    .bind(capacity)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
