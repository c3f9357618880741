//! After booking: the partner's confirmation, a new code, cancel (the place goes back at once),
//! reschedule, and the .ics file for the phone's calendar.

use super::bookings::{bookable, conflict, invalid};
use super::{code, view};
use crate::auth::Resident;
use crate::error::{AppError, AppResult, JsonBody};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::IntoResponse;
use axum::Json;
use baoan_contract::error::{ApiError, ErrorCode, FieldError, FieldErrors};
use baoan_contract::marriage::divorce::check_second_visit_day;
use baoan_contract::marriage::party::old_enough_to_marry;
use baoan_contract::marriage::{clock_time, Booking, BookingKind, BookingStatus, ConfirmRequest, RescheduleRequest, SlotPurpose, CONFIRM_WITHIN_SECONDS};
use baoan_contract::rules::date::SHENZHEN_UTC_OFFSET;

fn code_error(e: FieldError) -> AppError {
    let mut f = FieldErrors::new();
    f.add("code", e);
    f.into()
}

/// The booker enters the code their partner received; the booking becomes final.
#[utoipa::path(post, path = "/api/v1/marriage/bookings/{id}/confirm", tag = "marriage", request_body = ConfirmRequest,
    params(("id" = String, Path, description = "Booking id")),
    responses((status = 200, body = Booking), (status = 404, body = ApiError), (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub async fn confirm(
    State(state): State<AppState>,
    resident: Resident,
    Path(id): Path<String>,
    JsonBody(req): JsonBody<ConfirmRequest>,
) -> AppResult<Json<Booking>> {
    view::release_expired(&state).await?;
    let row = view::owned(&state, &resident.user_id, &id).await?;
    if row.status != BookingStatus::AwaitingPartner {
        return Err(AppError::new(ErrorCode::Conflict, "The booking is not waiting for confirmation"));
    }
    let code = req.code.trim();
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(code_error(FieldError::SmsCodeFormat));
    }
    // Count the try first, atomically, so parallel guesses cannot exceed the limit.
    let counted = sqlx::query("UPDATE marriage_bookings SET partner_tries = partner_tries + 1 WHERE id = $1 AND partner_tries < $2")
        .bind(&row.id)
        .bind(code::MAX_TRIES)
        .execute(&state.db.pool)
        .await?;
    if counted.rows_affected() == 0 {
        return Err(code_error(FieldError::SmsCodeTooManyTries));
    }
    if !row.partner_code_hash.as_deref().is_some_and(|h| code::matches(h, &row.id, code)) {
        let last = row.partner_tries + 1 >= code::MAX_TRIES;
        return Err(code_error(if last { FieldError::SmsCodeTooManyTries } else { FieldError::SmsCodeWrong }));
    }
    let done = sqlx::query(
        "UPDATE marriage_bookings SET status = 'confirmed', partner_code_hash = NULL, confirm_by = NULL, updated_at = $1 \
         WHERE id = $2 AND status = 'awaiting_partner'",
    )
    .bind(state.clock.now())
    .bind(&row.id)
    .execute(&state.db.pool)
    .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::new(ErrorCode::Conflict, "The booking is not waiting for confirmation"));
    }
    let row = view::owned(&state, &resident.user_id, &id).await?;
    view::tell(&state, &row, "marriage.confirmed").await?;
    Ok(Json(view::render(&state, &row).await?))
}

/// Sends the partner a new code, through the foundation's limits (a cooldown per booking and the
/// per-phone hourly limit); the earlier code stops working and the partner has the full time again.
/// The booking says in `resend_code_in` how long until the next one may go.
#[utoipa::path(post, path = "/api/v1/marriage/bookings/{id}/resend-code", tag = "marriage",
    params(("id" = String, Path, description = "Booking id")),
    responses((status = 200, body = Booking), (status = 404, body = ApiError), (status = 409, body = ApiError),
        (status = 429, body = ApiError, description = "Too soon or too many codes (fields.code = sms.rate_limited)")))]
pub async fn resend_code(State(state): State<AppState>, resident: Resident, Path(id): Path<String>) -> AppResult<Json<Booking>> {
    view::release_expired(&state).await?;
    let row = view::owned(&state, &resident.user_id, &id).await?;
    if row.status != BookingStatus::AwaitingPartner {
        return Err(AppError::new(ErrorCode::Conflict, "The booking is not waiting for confirmation"));
    }
    code::allow_resend(&state, &row.id, &row.party_b.phone).await?;
    let now = state.clock.now();
    let fresh = code::new_code();
    let done = sqlx::query(
        "UPDATE marriage_bookings SET partner_code_hash = $1, partner_tries = 0, confirm_by = $2, updated_at = $3 \
         WHERE id = $4 AND status = 'awaiting_partner'",
    )
    .bind(code::hash(&row.id, &fresh))
    .bind(now + CONFIRM_WITHIN_SECONDS)
    .bind(now)
    .bind(&row.id)
    .execute(&state.db.pool)
    .await?;
    if done.rows_affected() != 1 {
        return Err(AppError::new(ErrorCode::Conflict, "The booking is not waiting for confirmation"));
    }
    code::send(&state, &row.party_b.phone, &fresh).await?;
    let row = view::owned(&state, &resident.user_id, &id).await?;
    Ok(Json(view::render(&state, &row).await?))
}

/// Cancel: the place (and any extras) is released at once. For a divorce this withdraws the application.
#[utoipa::path(post, path = "/api/v1/marriage/bookings/{id}/cancel", tag = "marriage",
    params(("id" = String, Path, description = "Booking id")),
    responses((status = 200, body = Booking), (status = 404, body = ApiError), (status = 409, body = ApiError)))]
pub async fn cancel(State(state): State<AppState>, resident: Resident, Path(id): Path<String>) -> AppResult<Json<Booking>> {
    let row = view::owned(&state, &resident.user_id, &id).await?;
    let mut tx = state.db.pool.begin().await?;
    if !view::end(&mut tx, &row, BookingStatus::Cancelled, state.clock.now()).await? {
        return Err(AppError::new(ErrorCode::Conflict, "The booking is not active"));
    }
    tx.commit().await?;
    let row = view::owned(&state, &resident.user_id, &id).await?;
    // After the first visit of a divorce, ending it withdraws the application (撤回离婚登记申请).
    let first_visit_done = row.kind == BookingKind::Divorce
        && super::store::slot(&state.db, &row.slot_id).await?.is_some_and(|s| s.date <= state.clock.today());
    view::tell(&state, &row, if first_visit_done { "marriage.withdrawn" } else { "marriage.cancelled" }).await?;
    Ok(Json(view::render(&state, &row).await?))
}

/// Move to another registration slot: the new place is taken and the old one released in one
/// transaction. Extras on another day are given up.
#[utoipa::path(post, path = "/api/v1/marriage/bookings/{id}/reschedule", tag = "marriage", request_body = RescheduleRequest,
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
        return Err(AppError::new(ErrorCode::Conflict, "The booking is not active"));
    }
    // A visit that has happened (a divorce's first visit starts the legal clock) cannot move.
    let old_slot = super::store::slot(&state.db, &row.slot_id).await?;
    if old_slot.as_ref().is_none_or(|s| s.date <= state.clock.today()) {
        return Err(AppError::new(ErrorCode::Conflict, "The visit is no longer ahead"));
    }
    let slot = bookable(&state, &req.slot_id, SlotPurpose::Registration, "slot_id").await?;
    if let (BookingKind::DivorceSecondVisit, Some(first)) = (row.kind, &row.first_visit_id) {
        if let Some((_, first_day)) = view::first_visit_of(&state, first).await? {
            check_second_visit_day(first_day, slot.date).map_err(|e| invalid("slot_id", e))?;
        }
    }
    if slot.id == row.slot_id {
        return Ok(Json(view::render(&state, &row).await?));
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
    let mut tx = state.db.pool.begin().await?;
    if !crate::capacity::take(&mut tx, "marriage_slots", &slot.id, 1).await? {
        return Err(conflict("slot_id", FieldError::MarriageSlotFull));
    }
    let changed = sqlx::query(
        "UPDATE marriage_bookings SET slot_id = $1, office_id = $2, updated_at = $3 WHERE id = $4 AND slot_id = $5 \
         AND status IN ('awaiting_partner', 'confirmed')",
    )
    .bind(&slot.id)
    .bind(&slot.office_id)
    .bind(state.clock.now())
    .bind(&row.id)
    .bind(&row.slot_id)
    .execute(&mut *tx)
    .await?;
    if changed.rows_affected() != 1 {
        return Err(AppError::new(ErrorCode::Conflict, "The booking changed meanwhile"));
    }
    crate::capacity::release(&mut tx, "marriage_slots", &row.slot_id, 1).await?;
    if !keep_extras {
        for extra in [&row.ceremony_slot_id, &row.counselling_slot_id].into_iter().flatten() {
            crate::capacity::release(&mut tx, "marriage_slots", extra, 1).await?;
        }
        sqlx::query("UPDATE marriage_bookings SET ceremony_slot_id = NULL, counselling_slot_id = NULL WHERE id = $1")
            .bind(&row.id)
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    let row = view::owned(&state, &resident.user_id, &id).await?;
    view::tell(&state, &row, "marriage.rescheduled").await?;
    Ok(Json(view::render(&state, &row).await?))
}

/// The appointment as an iCalendar file for the phone's calendar.
#[utoipa::path(get, path = "/api/v1/marriage/bookings/{id}/calendar.ics", tag = "marriage",
    params(("id" = String, Path, description = "Booking id")),
    responses((status = 200, content_type = "text/calendar", body = String), (status = 404, body = ApiError)))]
pub async fn calendar(State(state): State<AppState>, resident: Resident, Path(id): Path<String>) -> AppResult<impl IntoResponse> {
    let row = view::owned(&state, &resident.user_id, &id).await?;
    let booking = view::render(&state, &row).await?;
    let day_start = booking.slot.date.days_since_epoch() * 86_400 - i64::from(SHENZHEN_UTC_OFFSET);
    let summary = match booking.kind {
        BookingKind::Marriage => "结婚登记 Marriage registration",
        BookingKind::Divorce => "离婚登记 Divorce registration",
        BookingKind::Replacement => "补领婚姻登记证 Certificate replacement",
        BookingKind::DivorceSecondVisit => "离婚登记（第二次） Divorce registration, second visit",
    };
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
            summary,
            location: &format!("{} {}", booking.office.name.zh_hans, booking.office.address.zh_hans),
            description: &description,
        },
        state.clock.now(),
    );
    let disposition = format!("attachment; filename=\"{}.ics\"", booking.reference);
    Ok(([(header::CONTENT_TYPE, "text/calendar; charset=utf-8".to_string()), (header::CONTENT_DISPOSITION, disposition)], ics))
}
