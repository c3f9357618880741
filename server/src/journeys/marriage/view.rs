//! A booking row as one of its parties sees it, who may see it, and the housekeeping every booking
//! endpoint does first: releasing the places of bookings the partner did not confirm in time.

use super::store;
use crate::db::DbResult;
use crate::error::{AppError, AppResult};
use crate::messages::{notify, Notice};
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

type Raw = (
    String,
    String,
    String,
    String,
    String,
    String,
    String,
    Option<String>,
    Option<String>,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<i64>,
    i64,
    Option<String>,
);

pub const COLUMNS: &str =
    "id, reference, user_id, kind, status, office_id, slot_id, ceremony_slot_id, counselling_slot_id, \
     party_a, party_b, partner_phone, partner_user_id, confirm_by, created_at, first_visit_id";

/// Who may see a booking: its booker; party B's account once it confirmed or declined; while it
/// awaits its partner, the account signed in with party B's phone. `$1` user id, `$2` phone.
const VISIBLE_TO: &str =
    "(user_id = $1 OR partner_user_id = $1 OR (partner_phone = $2 AND status = 'awaiting_partner' AND partner_user_id IS NULL))";

fn from_raw(r: Raw) -> Option<BookingRow> {
    Some(BookingRow {
        id: r.0,
        reference: r.1,
        user_id: r.2,
        kind: BookingKind::from_code(&r.3)?,
        status: BookingStatus::from_code(&r.4)?,
        office_id: r.5,
        slot_id: r.6,
        ceremony_slot_id: r.7,
        counselling_slot_id: r.8,
        party_a: serde_json::from_str(&r.9).ok()?,
        party_b: serde_json::from_str(&r.10).ok()?,
        partner_phone: r.11,
        partner_user_id: r.12,
        confirm_by: r.13,
        created_at: r.14,
        first_visit_id: r.15,
    })
}

/// A booking the resident may see (as booker or partner), or 404 — also when it is someone
/// else's (never revealed).
pub async fn visible(state: &AppState, account: &Account, id: &str) -> AppResult<BookingRow> {
    let raw: Option<Raw> =
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM marriage_bookings WHERE id = $3 AND {VISIBLE_TO}"))
            .bind(&account.user_id)
            .bind(&account.phone)
            .bind(id)
            .fetch_optional(&state.db.pool)
            .await?;
    raw.and_then(from_raw).ok_or_else(AppError::not_found)
}

/// One page of the bookings the resident may see, newest first, and whether more follow.
pub async fn page_of(
    state: &AppState,
    account: &Account,
    page: u32,
    per_page: u32,
) -> DbResult<(Vec<BookingRow>, bool)> {
    let raw: Vec<Raw> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM marriage_bookings WHERE {VISIBLE_TO} ORDER BY created_at DESC, id DESC LIMIT $3 OFFSET $4"
    ))
    .bind(&account.user_id)
    .bind(&account.phone)
    .bind(i64::from(per_page) + 1)
    .bind(i64::from(page - 1) * i64::from(per_page))
    .fetch_all(&state.db.pool)
    .await?;
    let mut rows: Vec<BookingRow> = raw.into_iter().filter_map(from_raw).collect();
    let more = rows.len() > per_page as usize;
    rows.truncate(per_page as usize);
    Ok((rows, more))
}

/// The resident's own booking (they booked it), or 404 — also when it is someone else's.
pub async fn owned(state: &AppState, user_id: &str, id: &str) -> AppResult<BookingRow> {
    let raw: Option<Raw> =
        sqlx::query_as(&format!("SELECT {COLUMNS} FROM marriage_bookings WHERE id = $1 AND user_id = $2"))
            .bind(id)
            .bind(user_id)
            .fetch_optional(&state.db.pool)
            .await?;
    raw.and_then(from_raw).ok_or_else(AppError::not_found)
}

/// Any booking by its reference — for matching a party's own document, never shown as such.
pub async fn by_reference(state: &AppState, reference: &str) -> DbResult<Option<BookingRow>> {
    let raw: Option<Raw> = sqlx::query_as(&format!("SELECT {COLUMNS} FROM marriage_bookings WHERE reference = $1"))
        .bind(reference)
        .fetch_optional(&state.db.pool)
        .await?;
    Ok(raw.and_then(from_raw))
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
    let second_visit_reference = if row.kind == BookingKind::Divorce {
        let r: Option<(String,)> = sqlx::query_as(
            "SELECT reference FROM marriage_bookings WHERE first_visit_id = $1 AND status IN ('awaiting_partner', 'confirmed')",
        )
        .bind(&row.id)
        .fetch_optional(&state.db.pool)
        .await?;
        r.map(|(r,)| r)
    } else {
        None
    };
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
        qr: crate::qr::encode(&row.reference),
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
    let r: Option<(String, String)> = sqlx::query_as(
        "SELECT b.reference, s.day FROM marriage_bookings b JOIN marriage_slots s ON s.id = b.slot_id WHERE b.id = $1",
    )
    .bind(id)
    .fetch_optional(&state.db.pool)
    .await?;
    Ok(r.and_then(|(reference, day)| Some((reference, Date::parse_iso(&day)?))))
}

/// Ends an active booking (cancelled, declined or expired) and gives its places and holds back, in
/// the caller's transaction. Conditional on the state it was read in (`row.status`): returns false
/// when that changed meanwhile (a confirm, decline or cancel at the same moment won).
pub async fn end(tx: &mut AnyConnection, row: &BookingRow, status: BookingStatus, now: i64) -> DbResult<bool> {
    if !row.status.is_active() {
        return Ok(false);
    }
    let done = sqlx::query("UPDATE marriage_bookings SET status = $1, updated_at = $2 WHERE id = $3 AND status = $4")
        .bind(status.code())
        .bind(now)
        .bind(&row.id)
        .bind(row.status.code())
        .execute(&mut *tx)
        .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    for slot in
        [Some(&row.slot_id), row.ceremony_slot_id.as_ref(), row.counselling_slot_id.as_ref()].into_iter().flatten()
    {
        crate::capacity::release(&mut *tx, "marriage_slots", slot, 1).await?;
    }
    sqlx::query("DELETE FROM marriage_active_people WHERE booking_id = $1").bind(&row.id).execute(&mut *tx).await?;
    Ok(true)
}

/// Releases the places of bookings whose partner did not confirm in time.
pub async fn release_expired(state: &AppState) -> AppResult<()> {
    let now = state.clock.now();
    let raw: Vec<Raw> = sqlx::query_as(&format!(
        "SELECT {COLUMNS} FROM marriage_bookings WHERE status = 'awaiting_partner' AND confirm_by < $1"
    ))
    .bind(now)
    .fetch_all(&state.db.pool)
    .await?;
    for row in raw.into_iter().filter_map(from_raw) {
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
