//! Cemeteries, their booking windows and hourly slots.

use super::access::db_key;
use super::slot_cache;
use crate::admin::Staff;
use crate::db::new_id;
use crate::error::{AppError, AppResult, JsonBody};
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::Json;
use baoan_contract::error::{ApiError, FieldError};
use baoan_contract::memorial::rules::bookable_days;
use baoan_contract::memorial::*;
use baoan_contract::rules::date::Date;
use serde::Deserialize;
use sqlx::AnyConnection;

type CemeteryRow = (String, String, String, String, i64, i64);

fn cemetery((id, name, address, map_url, max_group, proxy_service): CemeteryRow) -> Cemetery {
    Cemetery { id, name, address, map_url, max_group: max_group as u32, proxy_service: proxy_service != 0 }
}

pub async fn load_cemetery(conn: &mut AnyConnection, id: &str) -> AppResult<Cemetery> {
    let row: Option<CemeteryRow> = sqlx::query_as(
        "SELECT id, name, address, map_url, max_group, proxy_service FROM memorial_cemeteries WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(conn)
    .await?;
    row.map(cemetery).ok_or_else(|| AppError::no_such("cemetery"))
}

/// The cemeteries taking bookings.
#[utoipa::path(get, path = "/memorial/cemeteries", tag = "memorial",
    responses((status = 200, body = Vec<Cemetery>)))]
pub async fn list(State(state): State<AppState>) -> AppResult<Json<Vec<Cemetery>>> {
    let rows: Vec<CemeteryRow> = sqlx::query_as(
        "SELECT id, name, address, map_url, max_group, proxy_service FROM memorial_cemeteries ORDER BY sort, id",
    )
    .fetch_all(&state.db.pool)
    .await?;
    Ok(Json(rows.into_iter().map(cemetery).collect()))
}

type WindowRow = (String, String, String, String, i64, i64, i64);

fn window((id, kind, starts, ends, ahead, opens, closes): WindowRow) -> Option<BookingWindow> {
    Some(BookingWindow {
        id,
        kind,
        starts_on: Date::parse_iso(&starts)?,
        ends_on: Date::parse_iso(&ends)?,
        days_ahead: ahead as u32,
        service_opens_minute: opens as u32,
        service_closes_minute: closes as u32,
    })
}

pub async fn windows_of(conn: &mut AnyConnection, cemetery_id: &str) -> AppResult<Vec<BookingWindow>> {
    let rows: Vec<WindowRow> = sqlx::query_as(
        "SELECT id, kind, starts_on, ends_on, days_ahead, opens_minute, closes_minute FROM memorial_windows \
         WHERE cemetery_id = $1 ORDER BY starts_on",
    )
    .bind(cemetery_id)
    .fetch_all(conn)
    .await?;
    Ok(rows.into_iter().filter_map(window).collect())
}

/// One cemetery, its windows and the days that can be booked today with places left.
#[utoipa::path(get, path = "/memorial/cemeteries/{id}", tag = "memorial",
    params(("id" = String, Path)), responses((status = 200, body = CemeteryDetail), (status = 404, body = ApiError)))]
pub async fn detail(State(state): State<AppState>, Path(id): Path<String>) -> AppResult<Json<CemeteryDetail>> {
    let mut conn = state.db.pool.acquire().await?;
    let cemetery = load_cemetery(&mut conn, &id).await?;
    let windows = windows_of(&mut conn, &id).await?;
    let today = state.clock.today();
    let mut days = Vec::new();
    for w in &windows {
        for date in bookable_days(&w.rule(), today) {
            let (left,): (i64,) = sqlx::query_as(
                "SELECT CAST(COALESCE(SUM(capacity - taken), 0) AS BIGINT) FROM memorial_slots WHERE cemetery_id = $1 AND visit_date = $2",
            )
            .bind(&id)
            .bind(date.to_iso())
            .fetch_one(&mut *conn)
            .await?;
            days.push(BookableDay { date, window_kind: w.kind.clone(), places_left: left });
        }
    }
    Ok(Json(CemeteryDetail { cemetery, windows, days }))
}

#[derive(Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct DayQuery {
    /// The day, YYYY-MM-DD.
    #[param(value_type = Date)]
    pub date: String,
}

type SlotRow = (String, String, i64, i64, i64, i64);

pub async fn read_slots(conn: &mut AnyConnection, cemetery_id: &str, date: Date) -> AppResult<SlotList> {
    let rows: Vec<SlotRow> = sqlx::query_as(
        "SELECT id, visit_date, starts_minute, ends_minute, capacity, taken FROM memorial_slots \
         WHERE cemetery_id = $1 AND visit_date = $2 ORDER BY starts_minute",
    )
    .bind(cemetery_id)
    .bind(date.to_iso())
    .fetch_all(conn)
    .await?;
    let slots = rows
        .into_iter()
        .map(|(id, _, s, e, capacity, taken)| Slot {
            id,
            date,
            starts_minute: s as u32,
            ends_minute: e as u32,
            capacity,
            taken,
        })
        .collect();
    Ok(SlotList { cemetery_id: cemetery_id.to_string(), date, slots })
}

/// The hourly slots of one day with places left. Served from memory between bookings.
#[utoipa::path(get, path = "/memorial/cemeteries/{id}/slots", tag = "memorial",
    params(("id" = String, Path), DayQuery),
    responses((status = 200, body = SlotList), (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub async fn slots(
    State(state): State<AppState>,
    Path(id): Path<String>,
    Query(q): Query<DayQuery>,
) -> AppResult<Json<SlotList>> {
    let date = Date::parse_iso(&q.date).ok_or_else(|| AppError::field("date", FieldError::Required))?;
    let db = db_key(&state);
    if let Some(list) = slot_cache::get(&db, &id, &date.to_iso()) {
        return Ok(Json((*list).clone()));
    }
    let mut conn = state.db.pool.acquire().await?;
    load_cemetery(&mut conn, &id).await?;
    let list = read_slots(&mut conn, &id, date).await?;
    Ok(Json((*slot_cache::put(&db, list)).clone()))
}

/// Staff open a booking window: its days get hourly slots of `capacity` places each.
#[derive(Debug, Clone, serde::Serialize, Deserialize, utoipa::ToSchema)]
pub struct WindowCreate {
    pub cemetery_id: String,
    pub kind: String,
    pub starts_on: Date,
    pub ends_on: Date,
    pub days_ahead: u32,
    pub service_opens_minute: u32,
    pub service_closes_minute: u32,
    /// First and last visiting hour of each day (slots start on the hour).
    pub first_hour: u32,
    pub last_hour: u32,
    pub capacity: i64,
}

#[utoipa::path(post, path = "/memorial/admin/windows", tag = "memorial-admin",
    request_body = WindowCreate,
    responses((status = 200, body = BookingWindow), (status = 401, body = ApiError), (status = 422, body = ApiError)))]
pub async fn create_window(
    State(state): State<AppState>,
    _staff: Staff,
    JsonBody(w): JsonBody<WindowCreate>,
) -> AppResult<Json<BookingWindow>> {
    let span = w.ends_on.days_since_epoch() - w.starts_on.days_since_epoch();
    if !(0..=60).contains(&span) || w.first_hour > w.last_hour || w.last_hour > 23 || w.capacity < 1 {
        return Err(AppError::field("window", FieldError::Required));
    }
    let mut tx = state.db.begin().await?;
    load_cemetery(&mut tx, &w.cemetery_id).await?;
    let id = insert_window(&mut tx, &w).await?;
    tx.commit().await?;
    Ok(Json(BookingWindow {
        id,
        kind: w.kind,
        starts_on: w.starts_on,
        ends_on: w.ends_on,
        days_ahead: w.days_ahead,
        service_opens_minute: w.service_opens_minute,
        service_closes_minute: w.service_closes_minute,
    }))
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
