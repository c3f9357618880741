//! Today's arrivals at the member's own gate or counter (`GET /api/v1/staff/arrivals`): the
//! day's slots that have bookings, and the one under way now (`ArrivalSlot::listed_at`), with
//! places and arrivals, and the bookings by reference, so gate staff and registry clerks see who
//! is still to come. Other roles: 403.

use super::session::StaffMember;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use baoan_contract::error::ApiError;
use baoan_contract::staff::{ArrivalBooking, ArrivalSlot, ArrivalsToday, Role};

#[derive(sqlx::FromRow)]
struct SlotRow {
    id: String,
    starts: i64,
    ends: i64,
    capacity: i64,
    arrived: i64,
}

#[derive(sqlx::FromRow)]
struct BookingRow {
    slot_id: String,
    reference: String,
    group_size: i64,
    arrived_at: Option<i64>,
}

/// The day's slots and their live bookings at `place`: the SQL of each journey, one shape.
fn sql(role: Role) -> Option<(&'static str, &'static str)> {
    match role {
        Role::GateStaff => Some((
            "SELECT id, starts_minute AS starts, ends_minute AS ends, capacity, arrived FROM memorial_slots \
             WHERE cemetery_id = $1 AND visit_date = $2 ORDER BY starts_minute",
            "SELECT b.slot_id, b.reference, b.group_size, b.arrived_at FROM memorial_bookings b \
             JOIN memorial_slots s ON s.id = b.slot_id WHERE s.cemetery_id = $1 AND s.visit_date = $2 \
             AND b.status = 'active' ORDER BY b.reference",
        )),
        Role::RegistryClerk => Some((
            "SELECT id, start_minute AS starts, end_minute AS ends, capacity, arrived FROM marriage_slots \
             WHERE office_id = $1 AND day = $2 ORDER BY start_minute",
            "SELECT b.slot_id, b.reference, CAST(1 AS BIGINT) AS group_size, b.arrived_at FROM marriage_bookings b \
             JOIN marriage_slots s ON s.id = b.slot_id WHERE s.office_id = $1 AND s.day = $2 \
             AND b.status = 'confirmed' ORDER BY b.reference",
        )),
        _ => None,
    }
}

/// Today at your cemetery gate or registry counter: the slots with bookings, and the slot under
/// way now even when empty, earliest first, each with its places and arrivals and the bookings
/// still to come or arrived, by reference.
#[utoipa::path(get, path = "/staff/arrivals", tag = "staff",
    responses((status = 200, body = ArrivalsToday), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
pub async fn today(State(state): State<AppState>, member: StaffMember) -> AppResult<Json<ArrivalsToday>> {
    let (slots_sql, bookings_sql) = sql(member.assignment.role)
        .ok_or_else(|| AppError::forbidden("Only gate staff and registry clerks have arrivals"))?;
    let place = member.assignment.place.clone().ok_or_else(|| AppError::forbidden("Your account names no place"))?;
    let day = state.clock.today();
    let minute = state.clock.minute_of_day();
    let mut conn = state.db.pool.acquire().await?;
    let slots = sqlx::query_as::<_, SlotRow>(slots_sql).bind(&place).bind(day.to_iso()).fetch_all(&mut *conn).await?;
    let mut bookings =
        sqlx::query_as::<_, BookingRow>(bookings_sql).bind(&place).bind(day.to_iso()).fetch_all(&mut *conn).await?;
    let slots = slots
        .into_iter()
        .map(|s| {
            let (mine, rest): (Vec<_>, Vec<_>) = bookings.drain(..).partition(|b| b.slot_id == s.id);
            bookings = rest;
            ArrivalSlot {
                starts_minute: s.starts as u32,
                ends_minute: s.ends as u32,
                capacity: s.capacity,
                arrived: s.arrived,
                bookings: mine
                    .into_iter()
                    .map(|b| ArrivalBooking {
                        reference: b.reference,
                        group_size: b.group_size as u32,
                        arrived_at: b.arrived_at,
                    })
                    .collect(),
            }
        })
        .filter(|s| s.listed_at(minute))
        .collect();
    Ok(Json(ArrivalsToday { day, place, slots }))
}
