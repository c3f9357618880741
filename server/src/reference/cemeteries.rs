//! Cemeteries and their booking windows: `cemeteries`, `booking_windows`. A retired cemetery
//! (`active: false`) leaves the list and its free future slots go. A new window gets its
//! hourly slots as the staff endpoint that opens one makes them (`memorial::insert_window`); a
//! changed window moves only its future slots (after today): every slot it still has takes the
//! new places but never fewer than are taken, a day or hour it no longer has loses its free
//! slots (a slot someone booked stays, with no places left), and a day or hour it now has gets
//! its slots (`memorial::insert_slot`).

use super::import::{At, Kind};
use crate::db::DbResult;
use crate::journeys::memorial::{insert_slot, insert_window, WindowCreate};
use crate::localise::localised;
use async_trait::async_trait;
use baoan_contract::api::reference::{line_field, ReferenceKind};
use baoan_contract::error::{FieldError, FieldErrors};
use baoan_contract::memorial::{BookingWindowRow, CemeteryRow};
use baoan_contract::rules::date::Date;
use baoan_contract::rules::figures::{Basis, Provenance};
use sqlx::AnyConnection;
use std::collections::{HashMap, HashSet};

pub struct Cemeteries;
pub struct BookingWindows;

use super::places::fill_hant;

/// A figure's source from its stored columns (an unreadable one reads as an example, never as
/// policy).
fn source(kind: &str, document: Option<String>, article: Option<String>, from: Option<&str>, or: Date) -> Provenance {
    Provenance {
        basis: Basis::from_columns(kind, document, article).unwrap_or(Basis::Example),
        effective_from: from.and_then(Date::parse_iso).unwrap_or(or),
    }
}

type CemeteryColumns = (
    String,
    i64,
    String,
    Option<String>,
    Option<String>,
    String,
    Option<String>,
    Option<String>,
    String,
    i64,
    String,
    Option<String>,
    Option<String>,
    String,
    i64,
    i64,
);

#[async_trait]
impl Kind for Cemeteries {
    type Row = CemeteryRow;
    const KIND: ReferenceKind = ReferenceKind::Cemeteries;

    fn complete(row: &mut CemeteryRow) {
        fill_hant(&mut row.name);
        fill_hant(&mut row.address);
    }

    async fn load(conn: &mut AnyConnection) -> DbResult<Vec<CemeteryRow>> {
        let rows: Vec<CemeteryColumns> = sqlx::query_as(
            "SELECT id, sort, name, name_hant, name_en, address, address_hant, address_en, map_url, max_group, \
             max_group_basis, max_group_document, max_group_article, max_group_from, proxy_service, active \
             FROM memorial_cemeteries ORDER BY sort, id",
        )
        .fetch_all(&mut *conn)
        .await?;
        let examples_from = Date::new(2025, 1, 1).expect("a real date");
        Ok(rows
            .into_iter()
            .map(|(id, sort, n1, n2, n3, a1, a2, a3, map_url, max_group, basis, doc, art, from, proxy, active)| {
                CemeteryRow {
                    id,
                    order: sort.clamp(0, i64::from(u32::MAX)) as u32,
                    name: localised(n1, n2, n3),
                    address: localised(a1, a2, a3),
                    map_url,
                    max_group: max_group.clamp(0, i64::from(u32::MAX)) as u32,
                    max_group_source: source(&basis, doc, art, Some(&from), examples_from),
                    proxy_service: proxy != 0,
                    active: active != 0,
                }
            })
            .collect())
    }

    async fn write(conn: &mut AnyConnection, row: &CemeteryRow, _: Option<&CemeteryRow>, at: At) -> DbResult<()> {
        let (basis, document, article) = row.max_group_source.basis.columns();
        sqlx::query(
            "INSERT INTO memorial_cemeteries (id, sort, name, name_hant, name_en, address, address_hant, address_en, \
             map_url, max_group, max_group_basis, max_group_document, max_group_article, max_group_from, proxy_service, \
             active) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16) \
             ON CONFLICT (id) DO UPDATE SET sort = excluded.sort, name = excluded.name, name_hant = excluded.name_hant, \
             name_en = excluded.name_en, address = excluded.address, address_hant = excluded.address_hant, \
             address_en = excluded.address_en, map_url = excluded.map_url, max_group = excluded.max_group, \
             max_group_basis = excluded.max_group_basis, max_group_document = excluded.max_group_document, \
             max_group_article = excluded.max_group_article, max_group_from = excluded.max_group_from, \
             proxy_service = excluded.proxy_service, active = excluded.active",
        )
        .bind(&row.id)
        .bind(i64::from(row.order))
        .bind(&row.name.zh_hans)
        .bind(&row.name.zh_hant)
        .bind(row.name.en.clone())
        .bind(&row.address.zh_hans)
        .bind(&row.address.zh_hant)
        .bind(row.address.en.clone())
        .bind(&row.map_url)
        .bind(i64::from(row.max_group))
        .bind(basis)
        .bind(document)
        .bind(article)
        .bind(row.max_group_source.effective_from.to_iso())
        .bind(i64::from(row.proxy_service))
        .bind(i64::from(row.active))
        .execute(&mut *conn)
        .await?;
        if !row.active {
            retire_slots(conn, &row.id, at.today).await?;
        }
        Ok(())
    }
}

/// A retired cemetery takes no more bookings: its free slots after today go, and a slot someone
/// booked keeps no place to give (the booking stands).
async fn retire_slots(conn: &mut AnyConnection, cemetery: &str, today: Date) -> DbResult<()> {
    sqlx::query(
        "DELETE FROM memorial_slots WHERE cemetery_id = $1 AND visit_date > $2 AND taken = 0 \
         AND NOT EXISTS (SELECT 1 FROM memorial_bookings b WHERE b.slot_id = memorial_slots.id)",
    )
    .bind(cemetery)
    .bind(today.to_iso())
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE memorial_slots SET capacity = taken WHERE cemetery_id = $1 AND visit_date > $2")
        .bind(cemetery)
        .bind(today.to_iso())
        .execute(&mut *conn)
        .await?;
    Ok(())
}

type WindowColumns = (
    String,
    String,
    String,
    String,
    String,
    i64,
    i64,
    i64,
    i64,
    i64,
    i64,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
);

fn small(n: i64) -> u32 {
    n.clamp(0, i64::from(u32::MAX)) as u32
}

/// The staff endpoint's form of a window row, for `insert_window`.
fn create(row: &BookingWindowRow) -> WindowCreate {
    WindowCreate {
        cemetery_id: row.cemetery.clone(),
        kind: row.kind.clone(),
        starts_on: row.starts_on,
        ends_on: row.ends_on,
        days_ahead: row.days_ahead,
        service_opens_minute: row.service_opens_minute,
        service_closes_minute: row.service_closes_minute,
        first_hour: row.first_hour,
        last_hour: row.last_hour,
        capacity: i64::from(row.places_per_slot),
        capacity_source: Some(row.places_source.clone()),
    }
}

#[async_trait]
impl Kind for BookingWindows {
    type Row = BookingWindowRow;
    const KIND: ReferenceKind = ReferenceKind::BookingWindows;

    fn complete(_row: &mut BookingWindowRow) {}

    async fn load(conn: &mut AnyConnection) -> DbResult<Vec<BookingWindowRow>> {
        let rows: Vec<WindowColumns> = sqlx::query_as(
            "SELECT id, cemetery_id, kind, starts_on, ends_on, days_ahead, opens_minute, closes_minute, first_hour, \
             last_hour, capacity, capacity_basis, capacity_document, capacity_article, capacity_from \
             FROM memorial_windows ORDER BY cemetery_id, starts_on, id",
        )
        .fetch_all(&mut *conn)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(
                |(id, cemetery, kind, starts, ends, ahead, opens, closes, first, last, cap, basis, doc, art, from)| {
                    let starts_on = Date::parse_iso(&starts)?;
                    Some(BookingWindowRow {
                        id,
                        cemetery,
                        kind,
                        starts_on,
                        ends_on: Date::parse_iso(&ends)?,
                        days_ahead: small(ahead),
                        service_opens_minute: small(opens),
                        service_closes_minute: small(closes),
                        first_hour: small(first),
                        last_hour: small(last),
                        places_per_slot: small(cap),
                        places_source: source(&basis, doc, art, from.as_deref(), starts_on),
                    })
                },
            )
            .collect())
    }

    /// The cemetery must be stored already, and a stored window stays with its cemetery (its
    /// slots and bookings are there).
    async fn check_names(
        conn: &mut AnyConnection,
        rows: &[(usize, BookingWindowRow)],
        _today: Date,
        errors: &mut FieldErrors,
    ) -> DbResult<()> {
        let cemeteries: HashSet<String> = sqlx::query_as::<_, (String,)>("SELECT id FROM memorial_cemeteries")
            .fetch_all(&mut *conn)
            .await?
            .into_iter()
            .map(|(id,)| id)
            .collect();
        let windows: HashMap<String, String> =
            sqlx::query_as::<_, (String, String)>("SELECT id, cemetery_id FROM memorial_windows")
                .fetch_all(&mut *conn)
                .await?
                .into_iter()
                .collect();
        for (line, row) in rows {
            let moved = windows.get(&row.id).is_some_and(|c| *c != row.cemetery);
            if !cemeteries.contains(&row.cemetery) || moved {
                errors.add(&line_field(*line, "cemetery"), FieldError::ReferenceUnknown);
            }
        }
        Ok(())
    }

    async fn write(
        conn: &mut AnyConnection,
        row: &BookingWindowRow,
        before: Option<&BookingWindowRow>,
        at: At,
    ) -> DbResult<()> {
        if before.is_none() {
            insert_window(conn, &row.id, &create(row), &row.places_source).await?;
            return Ok(());
        }
        let (basis, document, article) = row.places_source.basis.columns();
        sqlx::query(
            "UPDATE memorial_windows SET kind = $1, starts_on = $2, ends_on = $3, days_ahead = $4, opens_minute = $5, \
             closes_minute = $6, first_hour = $7, last_hour = $8, capacity = $9, capacity_basis = $10, \
             capacity_document = $11, capacity_article = $12, capacity_from = $13 WHERE id = $14",
        )
        .bind(&row.kind)
        .bind(row.starts_on.to_iso())
        .bind(row.ends_on.to_iso())
        .bind(i64::from(row.days_ahead))
        .bind(i64::from(row.service_opens_minute))
        .bind(i64::from(row.service_closes_minute))
        .bind(i64::from(row.first_hour))
        .bind(i64::from(row.last_hour))
        .bind(i64::from(row.places_per_slot))
        .bind(basis)
        .bind(document)
        .bind(article)
        .bind(row.places_source.effective_from.to_iso())
        .bind(&row.id)
        .execute(&mut *conn)
        .await?;
        move_future_slots(conn, row, at.today).await
    }
}

/// A slot of the window after `today` (binds `$n`, `$n+1`: window, today) and whether the row
/// still has it (binds `$n+2`..=`$n+5`: first and last day, first and last minute).
fn future(n: u32) -> (String, String) {
    (
        format!("window_id = ${n} AND visit_date > ${}", n + 1),
        format!(
            "visit_date >= ${} AND visit_date <= ${} AND starts_minute >= ${} AND starts_minute <= ${}",
            n + 2,
            n + 3,
            n + 4,
            n + 5
        ),
    )
}

/// Brings the window's slots after `today` in line with the row (see the module's comment).
async fn move_future_slots(conn: &mut AnyConnection, row: &BookingWindowRow, today: Date) -> DbResult<()> {
    let (from, to) = (row.starts_on.to_iso(), row.ends_on.to_iso());
    let (first, last) = (i64::from(row.first_hour * 60), i64::from(row.last_hour * 60));
    let after = today.to_iso();
    let capacity = i64::from(row.places_per_slot);
    let (slot, wanted) = future(2);
    sqlx::query(&format!(
        "UPDATE memorial_slots SET capacity = CASE WHEN taken > $1 THEN taken ELSE $1 END WHERE {slot} AND {wanted}"
    ))
    .bind(capacity)
    .bind(&row.id)
    .bind(&after)
    .bind(&from)
    .bind(&to)
    .bind(first)
    .bind(last)
    .execute(&mut *conn)
    .await?;
    let (slot, wanted) = future(1);
    // Free slots nobody's booking names go; the others keep no places to give.
    sqlx::query(&format!(
        "DELETE FROM memorial_slots WHERE {slot} AND NOT ({wanted}) AND taken = 0 \
         AND NOT EXISTS (SELECT 1 FROM memorial_bookings b WHERE b.slot_id = memorial_slots.id)"
    ))
    .bind(&row.id)
    .bind(&after)
    .bind(&from)
    .bind(&to)
    .bind(first)
    .bind(last)
    .execute(&mut *conn)
    .await?;
    sqlx::query(&format!("UPDATE memorial_slots SET capacity = taken WHERE {slot} AND NOT ({wanted})"))
        .bind(&row.id)
        .bind(&after)
        .bind(&from)
        .bind(&to)
        .bind(first)
        .bind(last)
        .execute(&mut *conn)
        .await?;
    let have: HashSet<(String, i64)> = sqlx::query_as::<_, (String, i64)>(
        "SELECT visit_date, starts_minute FROM memorial_slots WHERE window_id = $1 AND visit_date > $2",
    )
    .bind(&row.id)
    .bind(&after)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .collect();
    let mut day = row.starts_on.max(today.add_days(1));
    while day <= row.ends_on {
        for hour in row.first_hour..=row.last_hour {
            if !have.contains(&(day.to_iso(), i64::from(hour * 60))) {
                insert_slot(conn, &row.cemetery, &row.id, day, hour, capacity).await?;
            }
        }
        day = day.add_days(1);
    }
    Ok(())
}
