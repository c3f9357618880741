//! The second visit of a divorce by agreement: booked only from the account of one of the two
//! parties of the first visit (the account that booked it, or party B's account that confirmed
//! it), only inside the 30-day window after the cooling-off (the contract's divorce clock), for the
//! same two people. The other party confirms in their own account, which then claims the couple's
//! one active booking (the first visit's hold has ended with its day).

use super::bookings::{account_has_booking, bookable, conflict, reference};
use super::partner::{self, BOOKING_ATTEMPTS};
use super::store::{self, holds};
use super::view;
use crate::auth::Resident;
use crate::error::{AppError, AppResult, JsonBody};
use crate::limits;
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use baoan_contract::api::MessageEvent;
use baoan_contract::error::{ApiError, FieldError};
use baoan_contract::marriage::divorce::check_second_visit_day;
use baoan_contract::marriage::{
    Booking, BookingKind, BookingRole, BookingStatus, SecondVisitRequest, SlotPurpose, CONFIRM_WITHIN_SECONDS,
};

/// Book the second visit of a first visit the resident is a party to (by their account). Any other
/// account, or an unknown reference, gets "not found": nothing about the first visit is revealed.
#[utoipa::path(post, path = "/marriage/second-visits", tag = "marriage", request_body = SecondVisitRequest,
    responses((status = 200, body = Booking), (status = 401, body = ApiError), (status = 404, body = ApiError),
        (status = 409, body = ApiError, description = "The slot is full or a second visit is already booked"),
        (status = 422, body = ApiError, description = "fields.slot_id = marriage.second_visit_too_early or marriage.second_visit_window_missed"),
        (status = 429, body = ApiError, description = "Too many booking attempts today, or too many notices to the other party's phone")))]
pub async fn create(
    State(state): State<AppState>,
    resident: Resident,
    JsonBody(req): JsonBody<SecondVisitRequest>,
) -> AppResult<Json<Booking>> {
    view::release_expired(&state).await?;
    store::ensure_slots(&state.db, state.clock.today()).await?;
    let first = first_visit_of_account(&state, &resident.user_id, req.first_visit_reference.trim()).await?;
    // The booker becomes party A; the other party confirms from the phone the first visit holds.
    let (pa, pb) = if first.user_id == resident.user_id {
        (first.party_a.clone(), first.party_b.clone())
    } else {
        (first.party_b.clone(), first.party_a.clone())
    };
    let (_, first_day) = view::first_visit_of(&state, &first.id).await?.ok_or_else(AppError::not_found)?;
    let slot = bookable(&state, &req.slot_id, SlotPurpose::Registration, "slot_id").await?;
    check_second_visit_day(first_day, slot.date).map_err(|e| AppError::field("slot_id", e))?;
    limits::enforce(&state, &BOOKING_ATTEMPTS, &resident.user_id).await?;
    // One second visit per couple: one already awaiting its partner or confirmed, or either person
    // held by another booking, refuses this one (both are parties: no third party learns anything).
    let existing = store::second_visits(&state.db, &first.id).await?;
    if existing > 0 || holds::held(&state, &pa.person_key()).await? || holds::held(&state, &pb.person_key()).await? {
        return Err(conflict("first_visit_reference", FieldError::MarriageAlreadyBooked));
    }
    if holds::held(&state, &holds::active(&resident.user_id)).await? {
        return Err(account_has_booking());
    }
    partner::allow_notice(&state, &pb.phone).await?;

    let now = state.clock.now();
    let id = crate::db::new_id();
    let mut tx = state.db.begin().await?;
    if !crate::capacity::take(&mut tx, "marriage_slots", &slot.id, 1).await? {
        return Err(conflict("slot_id", FieldError::MarriageSlotFull));
    }
    let booking = store::NewBooking {
        id: &id,
        reference: reference(BookingKind::DivorceSecondVisit, &slot),
        user_id: &resident.user_id,
        kind: BookingKind::DivorceSecondVisit,
        office_id: &slot.office_id,
        slot_id: &slot.id,
        party_a: &pa,
        party_b: &pb,
        confirm_by: now + CONFIRM_WITHIN_SECONDS,
        now,
    };
    store::insert_second_visit(&mut tx, &booking, &first.id).await?;
    if !holds::claim(&mut tx, &holds::pending(&resident.user_id), &id, slot.date, state.clock.today()).await? {
        return Err(account_has_booking());
    }
    tx.commit().await?;

    let row = view::owned(&state, &resident.user_id, &id).await?;
    let office =
        store::office(&state.db, &slot.office_id, state.clock.today()).await?.ok_or_else(AppError::not_found)?;
    partner::notify_partner(&state, &row, &slot, &office.name.zh_hans).await?;
    view::tell(&state, &resident.user_id, &row, MessageEvent::MarriageAwaitingPartner).await?;
    Ok(Json(view::render(&state, &row, BookingRole::Booker).await?))
}

/// A confirmed divorce first visit by its reference, if `user_id` booked it or confirmed it as
/// party B; otherwise "not found".
async fn first_visit_of_account(state: &AppState, user_id: &str, reference: &str) -> AppResult<view::BookingRow> {
    view::by_reference(state, reference)
        .await?
        .filter(|r| r.kind == BookingKind::Divorce && r.status == BookingStatus::Confirmed)
        .filter(|r| r.user_id == user_id || r.partner_user_id.as_deref() == Some(user_id))
        .ok_or_else(AppError::not_found)
}
