//! Visit bookings: places taken in one transaction (never overbooked), one active booking per
//! account per day, cancel gives the places back at once.

use super::access::{conflict, db_key, page_query, reference, shenzhen_minute};
use super::cemeteries::{load_cemetery, windows_of};
use super::slot_cache;
use super::store::bookings as store;
use crate::auth::Resident;
use crate::capacity;
use crate::db::new_id;
use crate::error::{AppError, AppResult, JsonBody};
use crate::ics;
use crate::idempotency;
use crate::qr;
use crate::staff::checkin::{self, Ticket, TicketKind};
use crate::state::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderMap};
use axum::response::IntoResponse;
use axum::Json;
use baoan_contract::error::{ApiError, FieldError};
use baoan_contract::memorial::rules::{check_booking_day, check_slot_not_over};
use baoan_contract::memorial::*;
use baoan_contract::rules::date::{Date, SHENZHEN_UTC_OFFSET};
use sqlx::AnyConnection;

/// Book places in a slot. The `Idempotency-Key` makes a retry (double tap, dropped network at
/// opening time) return the first booking instead of failing or booking twice.
#[utoipa::path(post, path = "/memorial/bookings", tag = "memorial", request_body = BookingRequest,
    params(("Idempotency-Key" = String, Header, description = "8–100 characters, one per submit")),
    responses((status = 200, body = Booking), (status = 401, body = ApiError), (status = 404, body = ApiError),
              (status = 409, body = ApiError, description = "Slot full (memorial.slot_full) or already booked that day (memorial.one_per_day)"),
              (status = 422, body = ApiError, description = "Invalid fields, or the slot is not bookable now: its day has passed (memorial.day_passed), it is over (memorial.slot_over), or outside the window or service hours"),
              (status = 429, body = ApiError, description = "Too many bookings today (Retry-After)")))]
pub async fn create(
    State(state): State<AppState>,
    resident: Resident,
    headers: HeaderMap,
    JsonBody(req): JsonBody<BookingRequest>,
) -> AppResult<Json<Booking>> {
    let key = idempotency::key_from(&headers)?;
    let scope = format!("memorial.booking:{}", resident.user_id);
    let fingerprint = idempotency::fingerprint(&req);
    Ok(Json(idempotency::once(&state, &scope, &key, &fingerprint, || create_once(&state, &resident, req)).await?))
}

async fn create_once(state: &AppState, resident: &Resident, req: BookingRequest) -> AppResult<Booking> {
    crate::limits::enforce(state, &super::quotas::BOOKINGS, &resident.user_id).await?;
    let mut conn = state.db.pool.acquire().await?;
    let slot = store::slot(&mut conn, req.slot_id.trim()).await?;
    let store::SlotRow { id: slot_id, cemetery_id, window_id, visit_date: date, ends_minute } =
        slot.ok_or_else(|| AppError::field("slot_id", FieldError::Required))?;
    let cemetery = load_cemetery(&mut conn, &cemetery_id).await?;
    let req = req.validate(cemetery.max_group).map_err(AppError::from)?;
    let windows = windows_of(&mut conn, &cemetery_id).await?;
    let window = windows.iter().find(|w| w.id == window_id).ok_or_else(AppError::not_found)?;
    let day = Date::parse_iso(&date).ok_or_else(AppError::not_found)?;
    let now = state.clock.now();
    let (today, minute) = (Date::from_unix_seconds(now, SHENZHEN_UTC_OFFSET), shenzhen_minute(now));
    check_booking_day(&window.rule(), day, today, minute)
        .and_then(|()| check_slot_not_over(day, today, ends_minute as u32, minute))
        .map_err(|e| AppError::field("slot_id", e))?;
    drop(conn);

    let id = new_id();
    let mut tx = state.db.begin().await?;
    if !capacity::take(&mut tx, "memorial_slots", &slot_id, i64::from(req.group_size)).await? {
        return Err(conflict("slot_id", FieldError::MemorialSlotFull));
    }
    let inserted =
        store::insert(&mut tx, &id, &reference("JS", &date), &resident.user_id, &slot_id, &date, &req, now).await;
    match inserted {
        Ok(_) => {}
        // The unique index on (user, day) for active bookings: the rollback gives the places back.
        Err(e) if e.as_database_error().is_some_and(|d| d.is_unique_violation()) => {
            return Err(conflict("slot_id", FieldError::MemorialOnePerDay));
        }
        Err(e) => return Err(e.into()),
    }
    tx.commit().await?;
    slot_cache::invalidate(&db_key(state), &cemetery_id, &date);
    let mut conn = state.db.pool.acquire().await?;
    load(&mut conn, &id, &resident.user_id).await
}

async fn to_booking(conn: &mut AnyConnection, r: store::BookingRow) -> AppResult<Booking> {
    let store::BookingRow {
        id,
        reference,
        cemetery_id,
        visit_date: date,
        starts_minute: s,
        ends_minute: e,
        group_size: group,
        plate,
        deceased_name,
        grave_area: area,
        grave_row: row,
        grave_number: number,
        visitor_name,
        visitor_phone,
        status,
    } = r;
    let cemetery = load_cemetery(conn, &cemetery_id).await?;
    let date = Date::parse_iso(&date).ok_or_else(AppError::not_found)?;
    let ticket = Ticket {
        kind: TicketKind::Memorial,
        booking_id: id.clone(),
        place: cemetery_id.clone(),
        day: date,
        starts_minute: s as u32,
        ends_minute: e as u32,
    };
    Ok(Booking {
        qr: qr::encode(&checkin::qr_text(conn, &ticket).await?),
        id,
        reference,
        cemetery,
        date,
        starts_minute: s as u32,
        ends_minute: e as u32,
        group_size: group as u32,
        plate,
        deceased_name,
        grave: Grave { area, row, number },
        visitor_name,
        visitor_phone,
        status,
    })
}

async fn load(conn: &mut AnyConnection, id: &str, user_id: &str) -> AppResult<Booking> {
    let row = store::booking(conn, id, user_id).await?;
    to_booking(conn, row.ok_or_else(AppError::not_found)?).await
}

/// 我的预约: the resident's bookings, newest day first, a page at a time.
#[utoipa::path(get, path = "/memorial/bookings", tag = "memorial", params(PageQuery),
    responses((status = 200, body = BookingList), (status = 401, body = ApiError)))]
pub async fn mine(
    State(state): State<AppState>,
    resident: Resident,
    q: Result<Query<PageQuery>, QueryRejection>,
) -> AppResult<Json<BookingList>> {
    let q = page_query(q)?;
    let mut conn = state.db.pool.acquire().await?;
    let (total, rows) = store::of_user(&mut conn, &resident.user_id, i64::from(q.size()), q.offset()).await?;
    let mut bookings = Vec::new();
    for r in rows {
        bookings.push(to_booking(&mut conn, r).await?);
    }
    Ok(Json(BookingList { bookings, page: q.page(), page_size: q.size(), total }))
}

/// One of the resident's bookings (someone else's is "not found").
#[utoipa::path(get, path = "/memorial/bookings/{id}", tag = "memorial", params(("id" = String, Path)),
    responses((status = 200, body = Booking), (status = 404, body = ApiError)))]
pub async fn one(
    State(state): State<AppState>,
    resident: Resident,
    Path(id): Path<String>,
) -> AppResult<Json<Booking>> {
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(load(&mut conn, &id, &resident.user_id).await?))
}

/// Cancel a booking: its places are free again at once.
#[utoipa::path(post, path = "/memorial/bookings/{id}/cancel", tag = "memorial", params(("id" = String, Path)),
    responses((status = 200, body = Booking), (status = 404, body = ApiError)))]
pub async fn cancel(
    State(state): State<AppState>,
    resident: Resident,
    Path(id): Path<String>,
) -> AppResult<Json<Booking>> {
    let mut tx = state.db.begin().await?;
    let row = store::active(&mut tx, &id, &resident.user_id).await?;
    if let Some(store::ActiveRow { slot_id, group_size: group, visit_date: date }) = row {
        if store::cancel(&mut tx, &id, state.clock.now()).await? {
            capacity::release(&mut tx, "memorial_slots", &slot_id, group).await?;
        }
        let cemetery_id = store::cemetery_of_slot(&mut tx, &slot_id).await?;
        tx.commit().await?;
        slot_cache::invalidate(&db_key(&state), &cemetery_id, &date);
    } else {
        drop(tx);
    }
    let mut conn = state.db.pool.acquire().await?;
    Ok(Json(load(&mut conn, &id, &resident.user_id).await?))
}

/// The booking as an .ics file for the phone's calendar.
#[utoipa::path(get, path = "/memorial/bookings/{id}/calendar.ics", tag = "memorial", params(("id" = String, Path)),
    responses((status = 200, content_type = "text/calendar", body = String), (status = 404, body = ApiError)))]
pub async fn calendar(
    State(state): State<AppState>,
    resident: Resident,
    Path(id): Path<String>,
) -> AppResult<impl IntoResponse> {
    let mut conn = state.db.pool.acquire().await?;
    let b = load(&mut conn, &id, &resident.user_id).await?;
    let midnight = b.date.days_since_epoch() * 86_400 - i64::from(SHENZHEN_UTC_OFFSET);
    let summary = format!("祭扫预约 {} {}", b.cemetery.name.zh_hans, b.reference);
    let description =
        format!("{} · {}区{}排{}号 · {}人", b.deceased_name, b.grave.area, b.grave.row, b.grave.number, b.group_size);
    let body = ics::calendar(
        &ics::Event {
            uid: &b.id,
            start: midnight + i64::from(b.starts_minute) * 60,
            end: midnight + i64::from(b.ends_minute) * 60,
            summary: &summary,
            location: &b.cemetery.address.zh_hans,
            description: &description,
        },
        state.clock.now(),
    );
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (header::CONTENT_DISPOSITION, "attachment; filename=\"booking.ics\""),
        ],
        body,
    ))
}
