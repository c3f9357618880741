//! A booking row as one of its parties sees it, who may see it, and the housekeeping every booking
//! endpoint does first: releasing the places of bookings the partner did not confirm in time.

use super::store;
use crate::db::DbResult;
use crate::error::{AppError, AppResult};
use crate::messages::{notify, Notice};
use crate::staff::checkin::{self, Ticket, TicketKind};
use crate::state::AppState;
use baoan_contract::api::profile::Profile;
use baoan_contract::api::MessageEvent;
use baoan_contract::marriage::checklist::checklist;
use baoan_contract::marriage::divorce::divorce_stage;
use baoan_contract::marriage::party::ValidParty;
use baoan_contract::marriage::{Booking, BookingKind, BookingRole, BookingStatus, Party};
use baoan_contract::mask::{mask_id_number, mask_name, mask_phone};
use baoan_contract::rules::date::Date;
use baoan_contract::rules::documents::IdType;
use baoan_contract::rules::resident_id::Sex;
use serde::{Deserialize, Serialize};
use sqlx::AnyConnection;

/// A party as stored (JSON in a TEXT column).
#[derive(Clone, Serialize, Deserialize)]
pub struct StoredParty {
    pub name: String,
    pub id_type: IdType,
    pub id_number: String,
    pub birth_date: Date,
    pub sex: Sex,
    pub nationality: String,
    pub phone: String,
}

impl From<&ValidParty> for StoredParty {
    fn from(p: &ValidParty) -> Self {
        StoredParty {
            name: p.name.clone(),
            id_type: p.id_type,
            id_number: p.id_number.clone(),
            birth_date: p.birth_date,
            sex: p.sex,
            nationality: p.nationality.clone(),
            phone: p.phone.clone(),
        }
    }
}

impl StoredParty {
    /// The key of `marriage_active_people`: one active booking per document.
    pub fn person_key(&self) -> String {
        format!("{}:{}", self.id_type.code(), self.id_number)
    }

    /// The party as the viewer may see it: `Shown::Own` in full, `Shown::Named` with the name the
    /// booker typed about the viewer (document masked, since it may not be theirs until they
    /// confirm), `Shown::Other` masked (name `王*`, no document, no birth date).
    fn shown(&self, how: Shown) -> Party {
        let own = how == Shown::Own;
        Party {
            name: if how == Shown::Other { mask_name(&self.name) } else { self.name.clone() },
            id_type: self.id_type,
            id_number: own.then(|| self.id_number.clone()),
            id_number_masked: mask_id_number(&self.id_number),
            birth_date: own.then_some(self.birth_date),
            sex: self.sex,
            nationality: self.nationality.clone(),
            phone_masked: mask_phone(&self.phone),
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Shown {
    Own,
    Named,
    Other,
}

/// The signed-in resident's phone and profile identity (name and document), if they have one.
pub struct Account {
    pub user_id: String,
    pub phone: String,
    pub profile: Option<Profile>,
}

impl Account {
    /// The key of the resident's own document in `marriage_active_people`.
    pub fn person_key(&self) -> Option<String> {
        self.profile.as_ref().map(|p| format!("{}:{}", p.id_type.code(), p.id_number))
    }
}

pub async fn account(state: &AppState, user_id: &str) -> AppResult<Account> {
    let (phone, profile) = crate::auth::routes::load_account(state, user_id).await?;
    Ok(Account { user_id: user_id.to_string(), phone, profile })
}

pub struct BookingRow {
    pub id: String,
    pub reference: String,
    pub user_id: String,
    pub kind: BookingKind,
    pub status: BookingStatus,
    pub office_id: String,
    pub slot_id: String,
    pub ceremony_slot_id: Option<String>,
    pub counselling_slot_id: Option<String>,
    pub party_a: StoredParty,
    pub party_b: StoredParty,
    /// The phone party B signs in with to confirm or decline.
    pub partner_phone: Option<String>,
    /// Party B's account, once they confirmed or declined in it.
    pub partner_user_id: Option<String>,
    pub confirm_by: Option<i64>,
    pub created_at: i64,
    /// A divorce second visit: its first visit.
    pub first_visit_id: Option<String>,
}

impl BookingRow {
    /// How `user_id` is party to this booking.
    pub fn role_of(&self, user_id: &str) -> BookingRole {
        if self.user_id == user_id {
            BookingRole::Booker
        } else {
            BookingRole::Partner
        }
    }
}

/// A booking the resident may see (as booker or partner), or 404 — also when it is someone
/// else's (never revealed).
pub async fn visible(state: &AppState, account: &Account, id: &str) -> AppResult<BookingRow> {
    let row = store::visible(&state.db, &account.user_id, &account.phone, id).await?;
    row.ok_or_else(AppError::not_found)
}

/// One page of the bookings the resident may see, newest first, and whether more follow.
pub async fn page_of(
    state: &AppState,
    account: &Account,
    page: u32,
    per_page: u32,
) -> DbResult<(Vec<BookingRow>, bool)> {
    let limit = i64::from(per_page) + 1;
    let offset = i64::from(page - 1) * i64::from(per_page);
    let mut rows = store::visible_page(&state.db, &account.user_id, &account.phone, limit, offset).await?;
    let more = rows.len() > per_page as usize;
    rows.truncate(per_page as usize);
    Ok((rows, more))
}

/// The resident's own booking (they booked it), or 404 — also when it is someone else's.
pub async fn owned(state: &AppState, user_id: &str, id: &str) -> AppResult<BookingRow> {
    store::owned(&state.db, user_id, id).await?.ok_or_else(AppError::not_found)
}

/// Any booking by its reference — for matching a party's own document, never shown as such.
pub async fn by_reference(state: &AppState, reference: &str) -> DbResult<Option<BookingRow>> {
    store::by_reference(&state.db, reference).await
}

/// The booking as `role` sees it: their own party in full, the other masked.
pub async fn render(state: &AppState, row: &BookingRow, role: BookingRole) -> AppResult<Booking> {
    let today = state.clock.today();
    let office = store::office(&state.db, &row.office_id, today).await?.ok_or_else(AppError::not_found)?;
    let slot = store::slot(&state.db, &row.slot_id).await?.ok_or_else(AppError::not_found)?;
    let extra = |id: &Option<String>| {
        let id = id.clone();
        async move {
            match id {
                Some(id) => store::slot(&state.db, &id).await,
                None => Ok(None),
            }
        }
    };
    // The QR carries the gate's signed ticket for the registration slot (crate::staff::checkin).
    let ticket = Ticket {
        kind: TicketKind::Registry,
        booking_id: row.id.clone(),
        place: row.office_id.clone(),
        day: slot.date,
        starts_minute: slot.start_minute,
        ends_minute: slot.end_minute,
    };
    let qr_text = checkin::qr_text(&mut *state.db.pool.acquire().await?, &ticket).await?;
    let ceremony = extra(&row.ceremony_slot_id).await?;
    let counselling = extra(&row.counselling_slot_id).await?;
    let first_visit = match &row.first_visit_id {
        Some(id) => first_visit_of(state, id).await?,
        None => None,
    };
    let divorce = match (row.kind, &first_visit) {
        (BookingKind::Divorce, _) if row.status == BookingStatus::Confirmed => Some(divorce_stage(slot.date, today)),
        (BookingKind::DivorceSecondVisit, Some((_, first_day))) => Some(divorce_stage(*first_day, today)),
        _ => None,
    };
    let second_visit_reference =
        if row.kind == BookingKind::Divorce { store::second_visit_reference(&state.db, &row.id).await? } else { None };
    let (a, b) = match role {
        BookingRole::Booker => (Shown::Own, Shown::Other),
        BookingRole::Partner => (Shown::Other, Shown::Named),
    };
    Ok(Booking {
        id: row.id.clone(),
        role,
        reference: row.reference.clone(),
        kind: row.kind,
        status: row.status,
        checklist: checklist(row.kind, &[row.party_a.id_type, row.party_b.id_type]),
        qr: crate::qr::encode(&qr_text),
        office,
        slot,
        ceremony,
        counselling,
        party_a: row.party_a.shown(a),
        party_b: row.party_b.shown(b),
        confirm_by: (row.status == BookingStatus::AwaitingPartner).then_some(row.confirm_by).flatten(),
        divorce,
        first_visit_reference: first_visit.map(|(r, _)| r),
        second_visit_reference,
        created_at: row.created_at,
    })
}

/// A first visit's reference and day.
pub async fn first_visit_of(state: &AppState, id: &str) -> AppResult<Option<(String, Date)>> {
    let r = store::first_visit(&state.db, id).await?;
    Ok(r.and_then(|r| Some((r.reference, Date::parse_iso(&r.day)?))))
}

/// Ends an active booking (cancelled, declined or expired) and gives its places and holds back, in
/// the caller's transaction. Conditional on the state it was read in (`row.status`): returns false
/// when that changed meanwhile (a confirm, decline or cancel at the same moment won).
pub async fn end(tx: &mut AnyConnection, row: &BookingRow, status: BookingStatus, now: i64) -> DbResult<bool> {
    if !row.status.is_active() {
        return Ok(false);
    }
    if !store::set_status(&mut *tx, &row.id, row.status, status, now).await? {
        return Ok(false);
    }
    for slot in
        [Some(&row.slot_id), row.ceremony_slot_id.as_ref(), row.counselling_slot_id.as_ref()].into_iter().flatten()
    {
        crate::capacity::release(&mut *tx, "marriage_slots", slot, 1).await?;
    }
    store::holds::release_all(&mut *tx, &row.id).await?;
    Ok(true)
}

/// Releases the places of bookings whose partner did not confirm in time.
pub async fn release_expired(state: &AppState) -> AppResult<()> {
    let now = state.clock.now();
    for row in store::expired(&state.db, now).await? {
        let mut tx = state.db.begin().await?;
        if end(&mut tx, &row, BookingStatus::Expired, now).await? {
            tx.commit().await?;
            tell(state, &row.user_id, &row, MessageEvent::MarriageExpired).await?;
        }
    }
    Ok(())
}

/// A status change in a party's message centre.
pub async fn tell(state: &AppState, user_id: &str, row: &BookingRow, event: MessageEvent) -> AppResult<()> {
    let path = format!("/marriage/bookings/{}", row.id);
    let notice = Notice { event, reference: &row.reference, action_path: &path, deadline: None, detail: None };
    notify(&state.db, user_id, notice, state.clock.now()).await?;
    Ok(())
}
