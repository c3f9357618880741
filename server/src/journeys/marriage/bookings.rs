//! Booking a place: one transaction takes the slot (and any extras) with `capacity::take`, claims
//! both parties' one active booking, and writes the booking — or does nothing at all.

use super::view::{self, StoredParty};
use super::{code, store};
use crate::auth::Resident;
use crate::error::{AppError, AppResult, JsonBody};
use crate::idempotency;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::Json;
use baoan_contract::error::{ApiError, ErrorCode, FieldError, FieldErrors};
use baoan_contract::marriage::party::check_parties;
use baoan_contract::marriage::{
    Booking, BookingKind, BookingList, BookingRequest, BookingStatus, Slot, SlotPurpose, BOOKABLE_DAYS,
    CONFIRM_WITHIN_SECONDS,
};

/// A 409 naming the field whose resource is gone (a full slot, a person already booked).
pub fn conflict(field: &str, error: FieldError) -> AppError {
    let mut f = FieldErrors::new();
    f.add(field, error);
    AppError(ApiError { code: ErrorCode::Conflict, message: "No longer available".into(), fields: f.0, retry_after_seconds: None })
}

pub fn invalid(field: &str, error: FieldError) -> AppError {
    let mut f = FieldErrors::new();
    f.add(field, error);
    f.into()
}

/// A bookable slot of `purpose` (tomorrow … 30 days on), or the field error to show beside `field`.
pub async fn bookable(state: &AppState, id: &str, purpose: SlotPurpose, field: &str) -> AppResult<Slot> {
    let today = state.clock.today();
    match store::slot(&state.db, id).await? {
        Some(s) if s.purpose == purpose && s.date > today && s.date <= today.add_days(BOOKABLE_DAYS) => Ok(s),
        _ => Err(invalid(field, FieldError::MarriageSlotUnavailable)),
    }
}

pub fn reference(kind: BookingKind, slot: &Slot) -> String {
    use rand::Rng;
    const ALPHABET: &[u8] = b"23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    let mut rng = rand::thread_rng();
    let tail: String = (0..6).map(|_| ALPHABET[rng.gen_range(0..ALPHABET.len())] as char).collect();
    let letter = match kind {
        BookingKind::Marriage => 'M',
        BookingKind::Divorce => 'D',
        BookingKind::Replacement => 'R',
        BookingKind::DivorceSecondVisit => 'S',
    };
    format!("BA-{letter}-{}-{tail}", slot.date.to_iso().replace('-', ""))
}

/// Book a slot for a couple. The partner then confirms with the code sent to their phone.
#[utoipa::path(post, path = "/api/v1/marriage/bookings", tag = "marriage", request_body = BookingRequest,
    params(("Idempotency-Key" = String, Header, description = "8–100 characters, one per submit")),
    responses((status = 200, body = Booking), (status = 401, body = ApiError), (status = 409, body = ApiError,
        description = "The slot is full (fields.slot_id = marriage.slot_full) or a party already has a booking"),
        (status = 422, body = ApiError)))]
pub async fn create(
    State(state): State<AppState>,
    resident: Resident,
    headers: HeaderMap,
    JsonBody(req): JsonBody<BookingRequest>,
) -> AppResult<Json<Booking>> {
    let key = idempotency::key_from(&headers)?;
    let scope = format!("marriage.booking:{}", resident.user_id);
    let fingerprint = idempotency::fingerprint(&req);
    let booking = idempotency::once(&state, &scope, &key, &fingerprint, || create_once(&state, &resident, req)).await?;
    Ok(Json(booking))
}

async fn create_once(state: &AppState, resident: &Resident, req: BookingRequest) -> AppResult<Booking> {
    view::release_expired(state).await?;
    store::ensure_slots(&state.db, state.clock.today()).await?;
    if req.kind == BookingKind::DivorceSecondVisit {
        // Booked from its first visit (`second_visit::create`), which the legal clock runs from.
        return Err(AppError::new(ErrorCode::BadRequest, "A second visit is booked at /api/v1/marriage/second-visits"));
    }
    let slot = bookable(state, &req.slot_id, SlotPurpose::Registration, "slot_id").await?;
    let (a, b) = check_parties(req.kind, &req.party_a, &req.party_b, slot.date, state.clock.today())?;
    let mut extras = Vec::new();
    for (id, purpose, field) in [
        (&req.ceremony_slot_id, SlotPurpose::Ceremony, "ceremony_slot_id"),
        (&req.counselling_slot_id, SlotPurpose::Counselling, "counselling_slot_id"),
    ] {
        let Some(id) = id else { continue };
        let extra = bookable(state, id, purpose, field).await?;
        let ceremony_not_for_kind = purpose == SlotPurpose::Ceremony && req.kind != BookingKind::Marriage;
        if extra.office_id != slot.office_id || extra.date != slot.date || ceremony_not_for_kind {
            return Err(invalid(field, FieldError::MarriageSlotUnavailable));
        }
        extras.push((extra, field));
    }

    let now = state.clock.now();
    let (pa, pb) = (StoredParty::from(&a), StoredParty::from(&b));
    let id = crate::db::new_id();
    let partner_code = code::new_code();
    let mut tx = state.db.pool.begin().await?;
    // The first statement writes, so on SQLite this transaction queues for the write lock
    // (busy_timeout) instead of failing to upgrade a read lock under contention.
    if !crate::capacity::take(&mut tx, "marriage_slots", &slot.id, 1).await? {
        return Err(conflict("slot_id", FieldError::MarriageSlotFull));
    }
    sqlx::query(
        "INSERT INTO marriage_bookings (id, reference, user_id, kind, status, office_id, slot_id, ceremony_slot_id, \
         counselling_slot_id, party_a, party_b, partner_code_hash, partner_tries, confirm_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 0, $13, $14, $15)",
    )
    .bind(&id)
    .bind(reference(req.kind, &slot))
    .bind(&resident.user_id)
    .bind(req.kind.code())
    .bind(BookingStatus::AwaitingPartner.code())
    .bind(&slot.office_id)
    .bind(&slot.id)
    .bind(extras.iter().find(|(_, f)| *f == "ceremony_slot_id").map(|(s, _)| s.id.clone()))
    .bind(extras.iter().find(|(_, f)| *f == "counselling_slot_id").map(|(s, _)| s.id.clone()))
    .bind(serde_json::to_string(&pa).unwrap_or_default())
    .bind(serde_json::to_string(&pb).unwrap_or_default())
    .bind(code::hash(&id, &partner_code))
    .bind(now + CONFIRM_WITHIN_SECONDS)
    .bind(now)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    for (party, field) in [(&pa, "party_a.id_number"), (&pb, "party_b.id_number")] {
        let claimed = sqlx::query("INSERT INTO marriage_active_people (person, booking_id) VALUES ($1, $2) ON CONFLICT (person) DO NOTHING")
            .bind(party.person_key())
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        if claimed.rows_affected() != 1 {
            return Err(conflict(field, FieldError::MarriageAlreadyBooked));
        }
    }
    for (extra, field) in &extras {
        if !crate::capacity::take(&mut tx, "marriage_slots", &extra.id, 1).await? {
            return Err(conflict(field, FieldError::MarriageSlotFull));
        }
    }
    tx.commit().await?;

    let row = view::owned(state, &resident.user_id, &id).await?;
    code::start_cooldown(state, &id).await?;
    code::send(state, &pb.phone, &partner_code).await?;
    view::tell(state, &row, "marriage.awaiting_partner").await?;
    view::render(state, &row).await
}

/// The resident's registry bookings (我的预约), newest first.
#[utoipa::path(get, path = "/api/v1/marriage/bookings", tag = "marriage",
    responses((status = 200, body = BookingList), (status = 401, body = ApiError)))]
pub async fn list(State(state): State<AppState>, resident: Resident) -> AppResult<Json<BookingList>> {
    view::release_expired(&state).await?;
    let mut bookings = Vec::new();
    for row in view::all_of(&state, &resident.user_id).await? {
        bookings.push(view::render(&state, &row).await?);
    }
    Ok(Json(BookingList { bookings }))
}

/// One of the resident's bookings; anyone else's is "not found".
#[utoipa::path(get, path = "/api/v1/marriage/bookings/{id}", tag = "marriage",
    params(("id" = String, Path, description = "Booking id")),
    responses((status = 200, body = Booking), (status = 401, body = ApiError), (status = 404, body = ApiError)))]
pub async fn get(State(state): State<AppState>, resident: Resident, Path(id): Path<String>) -> AppResult<Json<Booking>> {
    view::release_expired(&state).await?;
    let row = view::owned(&state, &resident.user_id, &id).await?;
    Ok(Json(view::render(&state, &row).await?))
}
