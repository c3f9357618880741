//! After booking: party B confirms or declines in their own account, cancel (the place goes back at
//! once), reschedule, and the .ics file for the phone's calendar. Every change is conditional on
//! the state it starts from: of a confirm, a decline and a cancel at the same moment, one wins.

use super::bookings::{bookable, conflict};
use super::store::{self, holds};
use super::view::{self, BookingRow};
use crate::auth::Resident;
use crate::error::{AppError, AppResult, JsonBody};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use axum::Json;
use baoan_contract::api::MessageEvent;
use baoan_contract::error::{ApiError, FieldError, FieldErrors};
use baoan_contract::marriage::divorce::check_second_visit_day;
use baoan_contract::marriage::party::old_enough_to_marry;
use baoan_contract::marriage::{
    clock_time, Booking, BookingKind, BookingRole, BookingStatus, RescheduleRequest, SlotPurpose,
};
use baoan_contract::rules::date::SHENZHEN_UTC_OFFSET;

fn not_awaiting() -> AppError {
    AppError::conflict("The booking is not waiting for confirmation")
}

/// A booking naming the signed-in resident as party B (by their phone), or 404.
async fn as_partner(state: &AppState, resident: &Resident, id: &str) -> AppResult<(view::Account, BookingRow)> {
    view::release_expired(state).await?;
    let me = view::account(state, &resident.user_id).await?;
    let row = view::visible(state, &me, id).await?;
    if row.role_of(&resident.user_id) != BookingRole::Partner {
        return Err(AppError::not_found());
    }
    Ok((me, row))
}

/// Party B, in their own account, confirms: their profile's document must be the one on the
/// booking. Both people's one active booking (and the booker's account's) is claimed now; if
/// either already has one, nothing changes and B is told here, in their own account.
#[utoipa::path(post, path = "/marriage/bookings/{id}/confirm", tag = "marriage",
    params(("id" = String, Path, description = "Booking id")),
    responses((status = 200, body = Booking), (status = 404, body = ApiError),
        (status = 409, body = ApiError, description = "Not awaiting confirmation any more, or a party already has a \
            booking (fields.id_number = marriage.already_booked)"),
        (status = 422, body = ApiError, description = "fields.id_number = marriage.profile_identity_missing (add it in \
            the profile first) or marriage.not_your_document")))]
pub async fn confirm(
    State(state): State<AppState>,
    resident: Resident,
    Path(id): Path<String>,
) -> AppResult<Json<Booking>> {
    let (me, row) = as_partner(&state, &resident, &id).await?;
    if row.status != BookingStatus::AwaitingPartner {
        return Err(not_awaiting());
    }
    match me.person_key() {
        None => return Err(AppError::field("id_number", FieldError::MarriageProfileIdentityMissing)),
        Some(key) if key != row.party_b.person_key() => {
            return Err(AppError::field("id_number", FieldError::MarriageNotYourDocument))
        }
        Some(_) => {}
    }
    let slot = store::slot(&state.db, &row.slot_id).await?.ok_or_else(AppError::not_found)?;
    let today = state.clock.today();
    let mut tx = state.db.begin().await?;
    if !store::confirm(&mut tx, &row.id, &resident.user_id, state.clock.now()).await? {
        return Err(not_awaiting());
    }
    if !holds::claim(&mut tx, &row.party_b.person_key(), &row.id, slot.date, today).await? {
        return Err(conflict("id_number", FieldError::MarriageAlreadyBooked));
    }
    for key in [row.party_a.person_key(), holds::active(&row.user_id)] {
        if !holds::claim(&mut tx, &key, &row.id, slot.date, today).await? {
            return Err(AppError::conflict("The booking can no longer be confirmed"));
        }
    }
    holds::release(&mut tx, &holds::pending(&row.user_id), &row.id).await?;
    tx.commit().await?;
    let row = view::visible(&state, &me, &id).await?;
    view::tell(&state, &row.user_id, &row, MessageEvent::MarriageConfirmed).await?;
    view::tell(&state, &resident.user_id, &row, MessageEvent::MarriageConfirmed).await?;
    Ok(Json(view::render(&state, &row, BookingRole::Partner).await?))
}

/// Party B declines in their own account: the place is released at once and nobody is held.
#[utoipa::path(post, path = "/marriage/bookings/{id}/decline", tag = "marriage",
    params(("id" = String, Path, description = "Booking id")),
    responses((status = 200, body = Booking), (status = 404, body = ApiError), (status = 409, body = ApiError)))]
pub async fn decline(
    State(state): State<AppState>,
    resident: Resident,
    Path(id): Path<String>,
) -> AppResult<Json<Booking>> {
    let (me, row) = as_partner(&state, &resident, &id).await?;
    if row.status != BookingStatus::AwaitingPartner {
        return Err(not_awaiting());
    }
    let mut tx = state.db.begin().await?;
    if !view::end(&mut tx, &row, BookingStatus::Declined, state.clock.now()).await? {
        return Err(not_awaiting());
    }
    store::set_partner(&mut tx, &row.id, &resident.user_id).await?;
    tx.commit().await?;
    let row = view::visible(&state, &me, &id).await?;
    view::tell(&state, &row.user_id, &row, MessageEvent::MarriageDeclined).await?;
    Ok(Json(view::render(&state, &row, BookingRole::Partner).await?))
}

/// Cancel, by the booker (any time) or by party B once they confirmed: the place (and any extras)
/// is released at once, and both people are free again. For a divorce this withdraws the application.
#[utoipa::path(post, path = "/marriage/bookings/{id}/cancel", tag = "marriage",
    params(("id" = String, Path, description = "Booking id")),
    responses((status = 200, body = Booking), (status = 404, body = ApiError), (status = 409, body = ApiError)))]
pub async fn cancel(
    State(state): State<AppState>,
    resident: Resident,
    Path(id): Path<String>,
) -> AppResult<Json<Booking>> {
    let me = view::account(&state, &resident.user_id).await?;
    let row = view::visible(&state, &me, &id).await?;
    let role = row.role_of(&resident.user_id);
    if role == BookingRole::Partner && row.partner_user_id.as_deref() != Some(resident.user_id.as_str()) {
        // Before confirming, party B declines instead.
        return Err(not_awaiting());
    }
    let mut tx = state.db.begin().await?;
    if !view::end(&mut tx, &row, BookingStatus::Cancelled, state.clock.now()).await? {
        return Err(AppError::conflict("The booking is not active"));
    }
    tx.commit().await?;
    let row = view::visible(&state, &me, &id).await?;
    // After the first visit of a divorce, ending it withdraws the application (撤回离婚登记申请).
    let first_visit_done = row.kind == BookingKind::Divorce
        && store::slot(&state.db, &row.slot_id).await?.is_some_and(|s| s.date <= state.clock.today());
    let event = if first_visit_done { MessageEvent::MarriageWithdrawn } else { MessageEvent::MarriageCancelled };
    view::tell(&state, &row.user_id, &row, event).await?;
    if let Some(partner) = &row.partner_user_id {
        view::tell(&state, partner, &row, event).await?;
    }
    Ok(Json(view::render(&state, &row, role).await?))
}

/// Move to another registration slot: the new place is taken and the old one released in one
/// transaction. Extras on another day are given up.
#[utoipa::path(post, path = "/marriage/bookings/{id}/reschedule", tag = "marriage", request_body = RescheduleRequest,
    params(("id" = String, Path, description = "Booking id")),
    responses((status = 200, body = Booking), (status = 404, body = ApiError), (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub async fn reschedule(
    State(state): State<AppState>,
    resident: Resident,
    Path(id): Path<String>,
    JsonBody(req): JsonBody<RescheduleRequest>,
) -> AppResult<Json<Booking>> {
    let row = view::owned(&state, &resident.user_id, &id).await?;
    if !row.status.is_active() {
        return Err(AppError::conflict("The booking is not active"));
    }
    // A visit that has happened (a divorce's first visit starts the legal clock) cannot move.
    let old_slot = store::slot(&state.db, &row.slot_id).await?;
    if old_slot.as_ref().is_none_or(|s| s.date <= state.clock.today()) {
        return Err(AppError::conflict("The visit is no longer ahead"));
    }
    let slot = bookable(&state, &req.slot_id, SlotPurpose::Registration, "slot_id").await?;
    if let (BookingKind::DivorceSecondVisit, Some(first)) = (row.kind, &row.first_visit_id) {
        if let Some((_, first_day)) = view::first_visit_of(&state, first).await? {
            check_second_visit_day(first_day, slot.date).map_err(|e| AppError::field("slot_id", e))?;
        }
    }
    if slot.id == row.slot_id {
        return Ok(Json(view::render(&state, &row, BookingRole::Booker).await?));
    }
    if row.kind == BookingKind::Marriage {
        let mut f = FieldErrors::new();
        for (p, field) in [(&row.party_a, "party_a.birth_date"), (&row.party_b, "party_b.birth_date")] {
            if !old_enough_to_marry(p.birth_date, p.sex, slot.date) {
                f.add(field, FieldError::MarriageUnderAge);
            }
        }
        if !f.is_empty() {
            return Err(f.into());
        }
    }
    let old_day = old_slot.map(|s| s.date);
    let keep_extras = old_day == Some(slot.date) && slot.office_id == row.office_id;
    let mut tx = state.db.begin().await?;
    if !crate::capacity::take(&mut tx, "marriage_slots", &slot.id, 1).await? {
        return Err(conflict("slot_id", FieldError::MarriageSlotFull));
    }
    if !store::reschedule(&mut tx, &row.id, &row.slot_id, &slot.id, &slot.office_id, state.clock.now()).await? {
        return Err(AppError::conflict("The booking changed meanwhile"));
    }
    crate::capacity::release(&mut tx, "marriage_slots", &row.slot_id, 1).await?;
    holds::move_to(&mut tx, &row.id, slot.date).await?;
    if !keep_extras {
        for extra in [&row.ceremony_slot_id, &row.counselling_slot_id].into_iter().flatten() {
            crate::capacity::release(&mut tx, "marriage_slots", extra, 1).await?;
        }
        store::clear_extras(&mut tx, &row.id).await?;
    }
    tx.commit().await?;
    let row = view::owned(&state, &resident.user_id, &id).await?;
    view::tell(&state, &row.user_id, &row, MessageEvent::MarriageRescheduled).await?;
    if let Some(partner) = &row.partner_user_id {
        view::tell(&state, partner, &row, MessageEvent::MarriageRescheduled).await?;
    }
    Ok(Json(view::render(&state, &row, BookingRole::Booker).await?))
}

/// The appointment as an iCalendar file for the phone's calendar.
#[utoipa::path(get, path = "/marriage/bookings/{id}/calendar.ics", tag = "marriage",
    params(("id" = String, Path, description = "Booking id")),
    responses((status = 200, content_type = "text/calendar", body = String), (status = 404, body = ApiError)))]
pub async fn calendar(
    State(state): State<AppState>,
    resident: Resident,
    Path(id): Path<String>,
) -> AppResult<impl IntoResponse> {
    let me = view::account(&state, &resident.user_id).await?;
    let row = view::visible(&state, &me, &id).await?;
    let booking = view::render(&state, &row, row.role_of(&resident.user_id)).await?;
    let day_start = booking.slot.date.days_since_epoch() * 86_400 - i64::from(SHENZHEN_UTC_OFFSET);
    let english = match booking.kind {
        BookingKind::Marriage => "Marriage registration",
        BookingKind::Divorce => "Divorce registration",
        BookingKind::Replacement => "Certificate replacement",
        BookingKind::DivorceSecondVisit => "Divorce registration, second visit",
    };
    let summary = format!("{} {english}", super::partner::what(booking.kind));
    let description = format!(
        "{} {}–{} · {}",
        booking.reference,
        clock_time(booking.slot.start_minute),
        clock_time(booking.slot.end_minute),
        booking.office.phone
    );
    let ics = crate::ics::calendar(
        &crate::ics::Event {
            uid: &booking.id,
            start: day_start + i64::from(booking.slot.start_minute) * 60,
            end: day_start + i64::from(booking.slot.end_minute) * 60,
            summary: &summary,
            location: &format!("{} {}", booking.office.name.zh_hans, booking.office.address.zh_hans),
            description: &description,
        },
        state.clock.now(),
    );
    let disposition = format!("attachment; filename=\"{}.ics\"", booking.reference);
    Ok((
        [
            (header::CONTENT_TYPE, "text/calendar; charset=utf-8".to_string()),
            (header::CONTENT_DISPOSITION, disposition),
        ],
        ics,
    ))
}
