//! The second visit of a divorce by agreement: either party books it, only inside the 30-day
//! window after the cooling-off (the contract's divorce clock), for the same two people as the
//! first visit. It takes over the couple's one active booking from the first visit.

use super::bookings::{bookable, conflict, invalid, reference};
use super::view;
use super::{code, store};
use crate::auth::Resident;
use crate::error::{AppError, AppResult, JsonBody};
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use baoan_contract::error::{ApiError, FieldError};
use baoan_contract::marriage::divorce::check_second_visit_day;
use baoan_contract::marriage::{Booking, BookingKind, BookingStatus, SecondVisitRequest, SlotPurpose, CONFIRM_WITHIN_SECONDS};
use baoan_contract::rules::documents::parse_document_number;

/// Book the second visit. The booker names the first visit's reference and their own document;
/// anything that does not match a confirmed first visit of theirs is "not found" (never revealed).
#[utoipa::path(post, path = "/api/v1/marriage/second-visits", tag = "marriage", request_body = SecondVisitRequest,
    responses((status = 200, body = Booking), (status = 401, body = ApiError), (status = 404, body = ApiError),
        (status = 409, body = ApiError, description = "The slot is full or a second visit is already booked"),
        (status = 422, body = ApiError, description = "fields.slot_id = marriage.second_visit_too_early or marriage.second_visit_window_missed")))]
pub async fn create(State(state): State<AppState>, resident: Resident, JsonBody(req): JsonBody<SecondVisitRequest>) -> AppResult<Json<Booking>> {
    view::release_expired(&state).await?;
    store::ensure_slots(&state.db, state.clock.today()).await?;
    let today = state.clock.today();
    let Some(id_type) = req.id_type else { return Err(invalid("id_type", FieldError::Required)) };
    let number = parse_document_number(id_type, &req.id_number, today).map_err(|e| invalid("id_number", e))?;
    let first = first_visit_by_reference(&state, req.first_visit_reference.trim()).await?;
    let booker_key = format!("{}:{number}", id_type.code());
    let (me, other) = if first.party_a.person_key() == booker_key {
        (&first.party_a, &first.party_b)
    } else if first.party_b.person_key() == booker_key {
        (&first.party_b, &first.party_a)
    } else {
        return Err(AppError::not_found());
    };
    let (_, first_day) = view::first_visit_of(&state, &first.id).await?.ok_or_else(AppError::not_found)?;
    let slot = bookable(&state, &req.slot_id, SlotPurpose::Registration, "slot_id").await?;
    check_second_visit_day(first_day, slot.date).map_err(|e| invalid("slot_id", e))?;

    let now = state.clock.now();
    let id = crate::db::new_id();
    let partner_code = code::new_code();
    let (pa, pb) = (me.clone(), other.clone());
    let mut tx = state.db.pool.begin().await?;
    if !crate::capacity::take(&mut tx, "marriage_slots", &slot.id, 1).await? {
        return Err(conflict("slot_id", FieldError::MarriageSlotFull));
    }
    sqlx::query(
        "INSERT INTO marriage_bookings (id, reference, user_id, kind, status, office_id, slot_id, party_a, party_b, \
         partner_code_hash, partner_tries, confirm_by, created_at, updated_at, first_visit_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 0, $11, $12, $13, $14)",
    )
    .bind(&id)
    .bind(reference(BookingKind::DivorceSecondVisit, &slot))
    .bind(&resident.user_id)
    .bind(BookingKind::DivorceSecondVisit.code())
    .bind(BookingStatus::AwaitingPartner.code())
    .bind(&slot.office_id)
    .bind(&slot.id)
    .bind(serde_json::to_string(&pa).unwrap_or_default())
    .bind(serde_json::to_string(&pb).unwrap_or_default())
    .bind(code::hash(&id, &partner_code))
    .bind(now + CONFIRM_WITHIN_SECONDS)
    .bind(now)
    .bind(now)
    .bind(&first.id)
    .execute(&mut *tx)
    .await?;
    // The couple's one active booking moves from the first visit to this one; a second visit
    // already booked (by either of them) still holds it, and this one fails.
    sqlx::query("DELETE FROM marriage_active_people WHERE booking_id = $1").bind(&first.id).execute(&mut *tx).await?;
    for party in [&pa, &pb] {
        let claimed = sqlx::query("INSERT INTO marriage_active_people (person, booking_id) VALUES ($1, $2) ON CONFLICT (person) DO NOTHING")
            .bind(party.person_key())
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        if claimed.rows_affected() != 1 {
            return Err(conflict("first_visit_reference", FieldError::MarriageAlreadyBooked));
        }
    }
    tx.commit().await?;

    let row = view::owned(&state, &resident.user_id, &id).await?;
    code::start_cooldown(&state, &id).await?;
    code::send(&state, &pb.phone, &partner_code).await?;
    view::tell(&state, &row, "marriage.awaiting_partner").await?;
    Ok(Json(view::render(&state, &row).await?))
}

/// A confirmed divorce first visit by its reference, whoever's account booked it.
async fn first_visit_by_reference(state: &AppState, reference: &str) -> AppResult<view::BookingRow> {
    view::by_reference(state, reference)
        .await?
        .filter(|r| r.kind == BookingKind::Divorce && r.status == BookingStatus::Confirmed)
        .ok_or_else(AppError::not_found)
}
