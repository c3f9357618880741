//! Booking a place: party A is the signed-in resident (their profile's identity), party B is
//! named with their phone and confirms in their own account. One transaction takes the slot (and
//! any extras) with `capacity::take`, claims the account's one pending booking and writes the
//! booking — or does nothing at all. The people's one active booking is claimed when B confirms.

use super::partner::{self, BOOKING_ATTEMPTS};
use super::store::{self, holds};
use super::view::{self, StoredParty};
use crate::auth::Resident;
use crate::error::{AppError, AppResult, JsonBody};
use crate::idempotency;
use crate::limits;
use crate::state::AppState;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::Json;
use baoan_contract::api::MessageEvent;
use baoan_contract::error::{ApiError, ErrorCode, FieldError};
use baoan_contract::marriage::party::check_parties;
use baoan_contract::marriage::{
    Booking, BookingKind, BookingList, BookingRequest, BookingRole, PageQuery, Slot, SlotPurpose, BOOKABLE_DAYS,
    CONFIRM_WITHIN_SECONDS,
};

/// A 409 naming the field whose resource is gone (a full slot, a person already booked).
pub fn conflict(field: &str, error: FieldError) -> AppError {
    AppError::field_with(ErrorCode::Conflict, "No longer available", field, error)
}

/// A bookable slot of `purpose` (tomorrow … 30 days on), or the field error to show beside `field`.
pub async fn bookable(state: &AppState, id: &str, purpose: SlotPurpose, field: &str) -> AppResult<Slot> {
    let today = state.clock.today();
    match store::slot(&state.db, id).await? {
        Some(s) if s.purpose == purpose && s.date > today && s.date <= today.add_days(BOOKABLE_DAYS) => Ok(s),
        _ => Err(AppError::field(field, FieldError::MarriageSlotUnavailable)),
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

/// Refuses an account that already has a booking awaiting its partner or an active one.
pub fn account_has_booking() -> AppError {
    conflict("party_a", FieldError::MarriageAccountHasBooking)
}

/// Book a slot. Party A is the signed-in resident with their profile's name and document; party B
/// is sent a notice and confirms or declines in their own account.
#[utoipa::path(post, path = "/marriage/bookings", tag = "marriage", request_body = BookingRequest,
    params(("Idempotency-Key" = String, Header, description = "8–100 characters, one per submit")),
    responses((status = 200, body = Booking), (status = 401, body = ApiError),
        (status = 403, body = ApiError, description = "identity_verification_required: verify at /mine/verify first"),
        (status = 409, body = ApiError,
        description = "The slot is full (fields.slot_id = marriage.slot_full), the resident already has a booking \
            (fields.party_a.id_number = marriage.already_booked) or one awaiting its partner or active in this account \
            (fields.party_a = marriage.account_has_booking)"),
        (status = 422, body = ApiError, description = "fields.party_a = marriage.profile_identity_missing when the profile \
            has no name and document yet"),
        (status = 429, body = ApiError, description = "Too many booking attempts today, or too many notices to party B's phone")))]
pub async fn create(
    State(state): State<AppState>,
    resident: Resident,
    headers: HeaderMap,
    JsonBody(req): JsonBody<BookingRequest>,
) -> AppResult<Json<Booking>> {
    let key = idempotency::key_from(&headers)?;
    // Marriage registration is real-name: a verified identity where the server requires one.
    crate::auth::identity::require_verified(&state, &resident.user_id).await?;
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
        return Err(AppError::bad_request("A second visit is booked at /api/v1/marriage/second-visits"));
    }
    let me = view::account(state, &resident.user_id).await?;
    let Some(profile) = &me.profile else {
        return Err(AppError::field("party_a", FieldError::MarriageProfileIdentityMissing));
    };
    let slot = bookable(state, &req.slot_id, SlotPurpose::Registration, "slot_id").await?;
    let party_a = req.party_a.party(profile, &me.phone);
    let (a, b) = check_parties(req.kind, &party_a, &req.party_b, slot.date, state.clock.today())?;
    let mut extras = Vec::new();
    for (id, purpose, field) in [
        (&req.ceremony_slot_id, SlotPurpose::Ceremony, "ceremony_slot_id"),
        (&req.counselling_slot_id, SlotPurpose::Counselling, "counselling_slot_id"),
    ] {
        let Some(id) = id else { continue };
        let extra = bookable(state, id, purpose, field).await?;
        let ceremony_not_for_kind = purpose == SlotPurpose::Ceremony && req.kind != BookingKind::Marriage;
        if extra.office_id != slot.office_id || extra.date != slot.date || ceremony_not_for_kind {
            return Err(AppError::field(field, FieldError::MarriageSlotUnavailable));
        }
        extras.push((extra, field));
    }

    limits::enforce(state, &BOOKING_ATTEMPTS, &resident.user_id).await?;
    let (pa, pb) = (StoredParty::from(&a), StoredParty::from(&b));
    // The booker's own document and account: telling them about their own booking is fine. Party
    // B's is not looked at here: a refusal never tells the booker that B has a booking.
    if holds::held(state, &pa.person_key()).await? {
        return Err(conflict("party_a.id_number", FieldError::MarriageAlreadyBooked));
    }
    if holds::held(state, &holds::active(&resident.user_id)).await?
        || holds::held(state, &holds::pending(&resident.user_id)).await?
    {
        return Err(account_has_booking());
    }
    partner::allow_notice(state, &pb.phone).await?;

    let now = state.clock.now();
    let id = crate::db::new_id();
    let mut tx = state.db.begin().await?;
    // The first statement writes, so on SQLite this transaction queues for the write lock
    // (busy_timeout) instead of failing to upgrade a read lock under contention.
    if !crate::capacity::take(&mut tx, "marriage_slots", &slot.id, 1).await? {
        return Err(conflict("slot_id", FieldError::MarriageSlotFull));
    }
    let booking = store::NewBooking {
        id: &id,
        reference: reference(req.kind, &slot),
        user_id: &resident.user_id,
        kind: req.kind,
        office_id: &slot.office_id,
        slot_id: &slot.id,
        party_a: &pa,
        party_b: &pb,
        confirm_by: now + CONFIRM_WITHIN_SECONDS,
        now,
    };
    let extra = |field: &str| extras.iter().find(|(_, f)| *f == field).map(|(s, _)| s.id.clone());
    store::insert(&mut tx, &booking, extra("ceremony_slot_id"), extra("counselling_slot_id")).await?;
    if !holds::claim(&mut tx, &holds::pending(&resident.user_id), &id, slot.date, state.clock.today()).await? {
        return Err(account_has_booking());
    }
    for (extra, field) in &extras {
        if !crate::capacity::take(&mut tx, "marriage_slots", &extra.id, 1).await? {
            return Err(conflict(field, FieldError::MarriageSlotFull));
        }
    }
    tx.commit().await?;

    let row = view::owned(state, &resident.user_id, &id).await?;
    let office =
        store::office(&state.db, &slot.office_id, state.clock.today()).await?.ok_or_else(AppError::not_found)?;
    partner::notify_partner(state, &row, &slot, &office.name.zh_hans).await?;
    view::tell(state, &resident.user_id, &row, MessageEvent::MarriageAwaitingPartner).await?;
    view::render(state, &row, BookingRole::Booker).await
}

/// The resident's registry bookings (我的预约): those they made and those naming them (their
/// phone) as party B, newest first, one page at a time (at most 50 a page).
#[utoipa::path(get, path = "/marriage/bookings", tag = "marriage", params(PageQuery),
    responses((status = 200, body = BookingList), (status = 401, body = ApiError)))]
pub async fn list(
    State(state): State<AppState>,
    resident: Resident,
    q: Result<Query<PageQuery>, axum::extract::rejection::QueryRejection>,
) -> AppResult<Json<BookingList>> {
    let Query(q) = q.map_err(|_| AppError::bad_request("page and per_page are whole numbers"))?;
    view::release_expired(&state).await?;
    let me = view::account(&state, &resident.user_id).await?;
    let (page, per_page) = q.clamped();
    let (rows, has_more) = view::page_of(&state, &me, page, per_page).await?;
    let mut bookings = Vec::new();
    for row in rows {
        bookings.push(view::render(&state, &row, row.role_of(&resident.user_id)).await?);
    }
    Ok(Json(BookingList { bookings, page, per_page, has_more }))
}

/// One booking the resident is party to (as booker, or as party B); anyone else's is "not found".
#[utoipa::path(get, path = "/marriage/bookings/{id}", tag = "marriage",
    params(("id" = String, Path, description = "Booking id")),
    responses((status = 200, body = Booking), (status = 401, body = ApiError), (status = 404, body = ApiError)))]
pub async fn get(
    State(state): State<AppState>,
    resident: Resident,
    Path(id): Path<String>,
) -> AppResult<Json<Booking>> {
    view::release_expired(&state).await?;
    let me = view::account(&state, &resident.user_id).await?;
    let row = view::visible(&state, &me, &id).await?;
    Ok(Json(view::render(&state, &row, row.role_of(&resident.user_id)).await?))
}
