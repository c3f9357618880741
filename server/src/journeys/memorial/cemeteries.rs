//! Cemeteries, their booking windows and hourly slots.

use super::access::db_key;
use super::slot_cache;
use super::store::cemeteries as store;
pub use super::store::cemeteries::{insert_slot, insert_window, load_cemetery, read_slots, windows_of};
use crate::db::new_id;
use crate::error::{AppError, AppResult, JsonBody};
use crate::staff::audit::{self, Actor, Entry};
use crate::staff::StaffMember;
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::Json;
use baoan_contract::error::{ApiError, FieldError};
use baoan_contract::memorial::rules::bookable_days;
use baoan_contract::memorial::*;
use baoan_contract::rules::date::Date;
use baoan_contract::rules::figures::{Basis, Provenance};
use baoan_contract::staff::Role;
use serde::Deserialize;

/// The cemeteries taking bookings.
#[utoipa::path(get, path = "/memorial/cemeteries", tag = "memorial",
    responses((status = 200, body = Vec<Cemetery>)))]
pub async fn list(State(state): State<AppState>) -> AppResult<Json<Vec<Cemetery>>> {
    Ok(Json(store::cemeteries(&state.db).await?))
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
            let left = store::places_left(&mut conn, &id, date).await?;
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
    /// What `capacity` rests on; without one, the district set it on the day of the request.
    /// An example is refused by the live service, as for the assistance standards.
    #[serde(default)]
    pub capacity_source: Option<Provenance>,
}

/// A district admin opens a booking window (the reference import's `booking_windows` is the usual
/// way; this one window at a time). Recorded in the audit trail; 403 for every other role.
#[utoipa::path(post, path = "/staff/memorial/windows", tag = "staff",
    request_body = WindowCreate,
    responses((status = 200, body = BookingWindow), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub async fn create_window(
    State(state): State<AppState>,
    member: StaffMember,
    JsonBody(w): JsonBody<WindowCreate>,
) -> AppResult<Json<BookingWindow>> {
    member.require(Role::DistrictAdmin)?;
    if !window_shape_ok(w.starts_on, w.ends_on, w.first_hour, w.last_hour) || w.capacity < 1 {
        return Err(AppError::field("window", FieldError::Required));
    }
    let capacity_source = w
        .capacity_source
        .clone()
        .unwrap_or(Provenance { basis: Basis::SetByDistrict, effective_from: state.clock.today() });
    if capacity_source.check_for_service(state.demo).is_err() {
        return Err(AppError::field("capacity_source", FieldError::FigureSource));
    }
    let mut tx = state.db.begin().await?;
    load_cemetery(&mut tx, &w.cemetery_id).await?;
    let id = insert_window(&mut tx, &new_id(), &w, &capacity_source).await?;
    let after = serde_json::json!({ "window": &w, "capacity_source": &capacity_source }).to_string();
    let actor = Actor::from(&member);
    let entry = Entry {
        actor: &actor,
        action: "memorial.open_window",
        subject_kind: "booking_window",
        subject_id: &id,
        before: None,
        after: Some(after),
        reason: None,
    };
    audit::record(&mut tx, state.clock.now(), &entry).await?;
    tx.commit().await?;
    Ok(Json(BookingWindow {
        id,
        kind: w.kind,
        starts_on: w.starts_on,
        ends_on: w.ends_on,
        days_ahead: w.days_ahead,
        service_opens_minute: w.service_opens_minute,
        service_closes_minute: w.service_closes_minute,
        capacity_source,
    }))
}
