//! Where and when: the offices, the next 30 days with places left, a day's slots.

use super::store;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::Json;
use baoan_contract::error::ApiError;
use baoan_contract::marriage::busy::{busy_note, nearest};
use baoan_contract::marriage::{
    Day, DayList, DayState, NearestFree, Office, Slot, SlotList, SlotPurpose, BOOKABLE_DAYS,
};
use baoan_contract::rules::date::Date;

/// A 404 that names what is missing (unlike the router's fallback for unknown paths).
fn no_such() -> AppError {
    AppError::no_such("office or day")
}

/// Every registry office; any office serves any couple (全城通办).
#[utoipa::path(get, path = "/marriage/offices", tag = "marriage",
    responses((status = 200, body = Vec<Office>)))]
pub async fn list(State(state): State<AppState>) -> AppResult<Json<Vec<Office>>> {
    Ok(Json(store::offices(&state.db, state.clock.today()).await?))
}

/// The next 30 days at an office, each with the places left; busy days name the nearest days with places.
#[utoipa::path(get, path = "/marriage/offices/{id}/days", tag = "marriage",
    params(("id" = String, Path, description = "Office id")),
    responses((status = 200, body = DayList), (status = 404, body = ApiError)))]
pub async fn days(State(state): State<AppState>, Path(id): Path<String>) -> AppResult<Json<DayList>> {
    let today = state.clock.today();
    let office = store::office(&state.db, &id, today).await?.ok_or_else(no_such)?;
    super::view::release_expired(&state).await?;
    store::ensure_slots(&state.db, today).await?;
    let (first, last) = (today.add_days(1), today.add_days(BOOKABLE_DAYS));
    let slots = store::slots_between(&state.db, &id, first, last).await?;
    let marked = store::busy_markings(&state.db, &id, first, last).await?;
    let mut days = Vec::new();
    let mut day = first;
    while day <= last {
        let of_day: Vec<&Slot> =
            slots.iter().filter(|s| s.date == day && s.purpose == SlotPurpose::Registration).collect();
        let places_left: u32 = of_day.iter().map(|s| s.places_left).sum();
        let special = office.special_days.iter().find(|s| s.date == day);
        let state = if of_day.is_empty() {
            DayState::Closed
        } else if places_left == 0 {
            DayState::Full
        } else {
            DayState::Open
        };
        let office_marked = marked.iter().find(|(d, _)| *d == day).map(|(_, basis)| basis.clone());
        let busy_note = busy_note(day, office_marked);
        days.push(Day {
            date: day,
            state,
            places_left,
            note: special.map(|s| s.note.clone()),
            busy: busy_note.is_some(),
            nearest_free: vec![],
            busy_note,
        });
        day = day.add_days(1);
    }
    let free: Vec<Date> = days.iter().filter(|d| d.state == DayState::Open).map(|d| d.date).collect();
    for d in days.iter_mut().filter(|d| d.busy) {
        d.nearest_free = nearest(d.date, &free, 3);
    }
    Ok(Json(DayList { office_id: id, days }))
}

/// A day's registration slots and the free ceremony and counselling sessions, with places left,
/// and how long counselling lasts (with its source).
#[utoipa::path(get, path = "/marriage/offices/{id}/days/{date}/slots", tag = "marriage",
    params(("id" = String, Path, description = "Office id"), ("date" = String, Path, description = "YYYY-MM-DD")),
    responses((status = 200, body = SlotList), (status = 404, body = ApiError)))]
pub async fn slots(
    State(state): State<AppState>,
    Path((id, date)): Path<(String, String)>,
) -> AppResult<Json<SlotList>> {
    let day = Date::parse_iso(&date).ok_or_else(no_such)?;
    store::office(&state.db, &id, state.clock.today()).await?.ok_or_else(no_such)?;
    super::view::release_expired(&state).await?;
    store::ensure_slots(&state.db, state.clock.today()).await?;
    let all = store::slots_between(&state.db, &id, day, day).await?;
    let of = |p: SlotPurpose| all.iter().filter(|s| s.purpose == p).cloned().collect::<Vec<_>>();
    Ok(Json(SlotList {
        date: day,
        slots: of(SlotPurpose::Registration),
        ceremony: of(SlotPurpose::Ceremony),
        counselling: of(SlotPurpose::Counselling),
        counselling_length: store::counselling(&state.db, &id).await?,
    }))
}

/// The registration slots with places nearest to `date` at this office (for "that slot was just taken").
#[utoipa::path(get, path = "/marriage/offices/{id}/days/{date}/nearest-free", tag = "marriage",
    params(("id" = String, Path, description = "Office id"), ("date" = String, Path, description = "YYYY-MM-DD")),
    responses((status = 200, body = NearestFree), (status = 404, body = ApiError)))]
pub async fn nearest_free(
    State(state): State<AppState>,
    Path((id, date)): Path<(String, String)>,
) -> AppResult<Json<NearestFree>> {
    let day = Date::parse_iso(&date).ok_or_else(no_such)?;
    let today = state.clock.today();
    store::office(&state.db, &id, today).await?.ok_or_else(no_such)?;
    super::view::release_expired(&state).await?;
    let all = store::slots_between(&state.db, &id, today.add_days(1), today.add_days(BOOKABLE_DAYS)).await?;
    let mut free: Vec<Slot> =
        all.into_iter().filter(|s| s.purpose == SlotPurpose::Registration && s.places_left > 0).collect();
    free.sort_by_key(|s| ((s.date.days_since_epoch() - day.days_since_epoch()).abs(), s.date, s.start_minute));
    free.truncate(6);
    free.sort_by_key(|s| (s.date, s.start_minute));
    Ok(Json(NearestFree { slots: free }))
}
