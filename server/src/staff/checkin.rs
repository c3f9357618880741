//! The gate: booking QR codes carry a ticket signed with the server's key (HMAC-SHA256 over the
//! booking's id, place, day and slot — nothing personal), and gate staff or registry clerks check
//! it (or the short reference, typed) at `POST /api/v1/staff/check-in`. A valid ticket is marked
//! arrived once, counted in its slot, and recorded in the audit trail.

use super::audit::{self, Actor, Entry};
use super::session::StaffMember;
use crate::db::DbResult;
use crate::error::{AppError, AppResult, JsonBody};
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use baoan_contract::error::ApiError;
use baoan_contract::rules::date::Date;
use baoan_contract::staff::{
    judge, CheckInAnswer, CheckInRequest, PlaceKind, Presented, Role, Verdict, EARLY_MINUTES, LATE_MINUTES,
};
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use base64::Engine as _;
use hmac::{Hmac, Mac};
use rand::RngCore;
use sha2::Sha256;
use sqlx::AnyConnection;

/// What a ticket is for: a cemetery visit or a registry appointment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TicketKind {
    Memorial,
    Registry,
}

impl TicketKind {
    fn code(self) -> &'static str {
        match self {
            TicketKind::Memorial => "m",
            TicketKind::Registry => "r",
        }
    }
}

/// The signed facts: which booking, where, when. Encoded as `BA1.<payload>.<tag>` (base64url).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ticket {
    pub kind: TicketKind,
    pub booking_id: String,
    pub place: String,
    pub day: Date,
    pub starts_minute: u32,
    pub ends_minute: u32,
}

const PREFIX: &str = "BA1.";
/// Bytes of the HMAC kept in the code (128 bits: unforgeable, and the QR stays small).
const TAG_BYTES: usize = 16;

impl Ticket {
    fn payload(&self) -> String {
        let kind = self.kind.code();
        let day = self.day.to_iso();
        format!("{kind}|{}|{}|{day}|{}|{}", self.booking_id, self.place, self.starts_minute, self.ends_minute)
    }

    pub fn encode(&self, key: &[u8]) -> String {
        let payload = self.payload();
        format!("{PREFIX}{}.{}", B64.encode(&payload), B64.encode(tag(key, payload.as_bytes())))
    }

    /// The ticket in `code` if it carries this server's signature; `None` for anything altered or forged.
    pub fn decode(key: &[u8], code: &str) -> Option<Ticket> {
        let (payload, given) = code.strip_prefix(PREFIX)?.split_once('.')?;
        let payload = B64.decode(payload).ok()?;
        let mut mac = Hmac::<Sha256>::new_from_slice(key).ok()?;
        mac.update(&payload);
        mac.verify_truncated_left(&B64.decode(given).ok()?).ok()?;
        let text = String::from_utf8(payload).ok()?;
        let parts: Vec<&str> = text.split('|').collect();
        let [kind, id, place, day, starts, ends] = parts.as_slice() else { return None };
        Some(Ticket {
            kind: match *kind {
                "m" => TicketKind::Memorial,
                "r" => TicketKind::Registry,
                _ => return None,
            },
            booking_id: id.to_string(),
            place: place.to_string(),
            day: Date::parse_iso(day)?,
            starts_minute: starts.parse().ok()?,
            ends_minute: ends.parse().ok()?,
        })
    }
}

fn tag(key: &[u8], payload: &[u8]) -> Vec<u8> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes a key of any length");
    mac.update(payload);
    mac.finalize().into_bytes()[..TAG_BYTES].to_vec()
}

const KEY_NAME: &str = "qr_signing_key";

/// The server's ticket key: 256 random bits made once and kept in the database, so every
/// instance of the service signs and checks alike.
pub async fn key(conn: &mut AnyConnection) -> DbResult<Vec<u8>> {
    if let Some(value) = stored_key(conn).await? {
        if let Ok(key) = B64.decode(&value) {
            return Ok(key);
        }
    }
    let mut fresh = [0u8; 32];
    rand::thread_rng().fill_bytes(&mut fresh);
    sqlx::query("INSERT INTO service_meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING")
        .bind(KEY_NAME)
        .bind(B64.encode(fresh))
        .execute(&mut *conn)
        .await?;
    // Another instance may have won the race: whatever is stored is the key.
    Ok(stored_key(conn).await?.and_then(|v| B64.decode(v).ok()).unwrap_or_else(|| fresh.to_vec()))
}

async fn stored_key(conn: &mut AnyConnection) -> DbResult<Option<String>> {
    let row: Option<(String,)> = sqlx::query_as("SELECT value FROM service_meta WHERE key = $1")
        .bind(KEY_NAME)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(row.map(|(v,)| v))
}

/// The text a booking's QR code carries.
pub async fn qr_text(conn: &mut AnyConnection, ticket: &Ticket) -> DbResult<String> {
    Ok(ticket.encode(&key(conn).await?))
}

/// A booking as the gate reads it (both journeys, one shape).
#[derive(sqlx::FromRow)]
struct GateRow {
    id: String,
    reference: String,
    status: String,
    arrived_at: Option<i64>,
    group_size: i64,
    day: String,
    starts: i64,
    ends: i64,
    place: String,
    slot_id: String,
    capacity: i64,
    arrived: i64,
}

/// The SQL for one journey's bookings: its tables and the column a booking is found by.
fn gate_sql(kind: TicketKind, by: &str) -> String {
    match kind {
        TicketKind::Memorial => format!(
            "SELECT b.id, b.reference, b.status, b.arrived_at, b.group_size, b.visit_date AS day, s.starts_minute AS starts, \
             s.ends_minute AS ends, s.cemetery_id AS place, b.slot_id, s.capacity, s.arrived \
             FROM memorial_bookings b JOIN memorial_slots s ON s.id = b.slot_id WHERE b.{by} = $1"
        ),
        TicketKind::Registry => format!(
            "SELECT b.id, b.reference, b.status, b.arrived_at, CAST(1 AS BIGINT) AS group_size, s.day, \
             s.start_minute AS starts, s.end_minute AS ends, b.office_id AS place, b.slot_id, s.capacity, s.arrived \
             FROM marriage_bookings b JOIN marriage_slots s ON s.id = b.slot_id WHERE b.{by} = $1"
        ),
    }
}

fn tables(kind: TicketKind) -> (&'static str, &'static str, &'static str) {
    match kind {
        TicketKind::Memorial => ("memorial_bookings", "memorial_slots", "memorial_booking"),
        TicketKind::Registry => ("marriage_bookings", "marriage_slots", "marriage_booking"),
    }
}

fn answer(verdict: Verdict, row: Option<&GateRow>) -> CheckInAnswer {
    CheckInAnswer {
        verdict,
        reference: row.map(|r| r.reference.clone()),
        day: row.and_then(|r| Date::parse_iso(&r.day)),
        starts_minute: row.map(|r| r.starts as u32),
        ends_minute: row.map(|r| r.ends as u32),
        early_minutes: EARLY_MINUTES,
        late_minutes: LATE_MINUTES,
        group_size: row.map(|r| r.group_size as u32),
        arrived_at: row.and_then(|r| r.arrived_at),
        slot_arrived: row.map(|r| r.arrived),
        slot_capacity: row.map(|r| r.capacity),
    }
}

/// Check a visitor's code at your gate or counter (gate staff: cemetery visits; registry clerks:
/// marriage appointments). The answer says valid — and marks the booking arrived, once — or why
/// not: invalid (forged, altered or unknown), wrong place, cancelled, not confirmed, already used,
/// wrong day, too early or too late for the slot (with the margins).
#[utoipa::path(post, path = "/staff/check-in", tag = "staff", request_body = CheckInRequest,
    responses((status = 200, body = CheckInAnswer), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 422, body = ApiError)))]
pub async fn check_in(
    State(state): State<AppState>,
    member: StaffMember,
    JsonBody(req): JsonBody<CheckInRequest>,
) -> AppResult<Json<CheckInAnswer>> {
    let kind = match member.assignment.role {
        Role::GateStaff => TicketKind::Memorial,
        Role::RegistryClerk => TicketKind::Registry,
        _ => return Err(AppError::forbidden("Only gate staff and registry clerks check visitors in")),
    };
    let place_kind = if kind == TicketKind::Memorial { PlaceKind::Cemetery } else { PlaceKind::RegistryOffice };
    let code = req.code.trim();
    if code.is_empty() || code.len() > 400 {
        return Err(AppError::field("code", baoan_contract::FieldError::Required));
    }
    let mut conn = state.db.pool.acquire().await?;
    // A signed ticket names the booking and its slot; a typed reference only the booking.
    let (row, signed) = if code.starts_with(PREFIX) {
        let key = key(&mut conn).await?;
        let Some(ticket) = Ticket::decode(&key, code).filter(|t| t.kind == kind) else {
            return Ok(Json(answer(Verdict::Invalid, None)));
        };
        let row = sqlx::query_as::<_, GateRow>(&gate_sql(kind, "id"))
            .bind(&ticket.booking_id)
            .fetch_optional(&mut *conn)
            .await?;
        (row, Some(ticket))
    } else {
        let reference = code.to_ascii_uppercase();
        (
            sqlx::query_as::<_, GateRow>(&gate_sql(kind, "reference"))
                .bind(&reference)
                .fetch_optional(&mut *conn)
                .await?,
            None,
        )
    };
    drop(conn);
    let Some(row) = row else { return Ok(Json(answer(Verdict::Invalid, None))) };
    let Some(day) = Date::parse_iso(&row.day) else { return Ok(Json(answer(Verdict::Invalid, None))) };
    // A signed ticket for an older slot of a booking that has since moved is not this booking's code.
    if let Some(t) = &signed {
        if t.place != row.place
            || t.day != day
            || i64::from(t.starts_minute) != row.starts
            || i64::from(t.ends_minute) != row.ends
        {
            return Ok(Json(answer(Verdict::Invalid, None)));
        }
    }
    let now = state.clock.now();
    let minute = baoan_contract::rules::date::minute_of_day(now, crate::journeys::charity::CHINA_UTC_OFFSET);
    let presented = Presented {
        at_this_place: member.assignment.works_at(place_kind, &row.place),
        cancelled: matches!(row.status.as_str(), "cancelled" | "expired" | "declined"),
        confirmed: matches!(row.status.as_str(), "active" | "confirmed"),
        arrived: row.arrived_at.is_some(),
        day,
        starts_minute: row.starts as u32,
        ends_minute: row.ends as u32,
    };
    let verdict = judge(presented, state.clock.today(), minute);
    if verdict != Verdict::WrongPlace && verdict != Verdict::Valid {
        return Ok(Json(answer(verdict, Some(&row))));
    }
    if verdict == Verdict::WrongPlace {
        // Another place's booking: say so, and nothing more about it.
        return Ok(Json(answer(Verdict::WrongPlace, None)));
    }
    let (bookings, slots, subject_kind) = tables(kind);
    let mut tx = state.db.begin().await?;
    let marked = sqlx::query(&format!("UPDATE {bookings} SET arrived_at = $1 WHERE id = $2 AND arrived_at IS NULL"))
        .bind(now)
        .bind(&row.id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    if marked != 1 {
        // Scanned twice at once: the other scan let them in.
        return Ok(Json(answer(Verdict::AlreadyUsed, Some(&row))));
    }
    sqlx::query(&format!("UPDATE {slots} SET arrived = arrived + $1 WHERE id = $2"))
        .bind(row.group_size)
        .bind(&row.slot_id)
        .execute(&mut *tx)
        .await?;
    let actor = Actor::from(&member);
    let entry = Entry {
        actor: &actor,
        action: "checkin.arrive",
        subject_kind,
        subject_id: &row.reference,
        before: Some(r#"{"arrived":false}"#.into()),
        after: Some(r#"{"arrived":true}"#.into()),
        reason: None,
    };
    audit::record(&mut tx, now, &entry).await?;
    tx.commit().await?;
    if kind == TicketKind::Memorial {
        crate::journeys::memorial::day_changed(&state, &row.place, &row.day);
    }
    let arrived = GateRow { arrived_at: Some(now), arrived: row.arrived + row.group_size, ..row };
    Ok(Json(answer(Verdict::Valid, Some(&arrived))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ticket() -> Ticket {
        Ticket {
            kind: TicketKind::Memorial,
            booking_id: "b1".into(),
            place: "baoshan".into(),
            day: Date::new(2027, 4, 5).unwrap(),
            starts_minute: 540,
            ends_minute: 600,
        }
    }

    #[test]
    fn a_ticket_reads_back_only_with_its_key_and_unaltered() {
        let key = [7u8; 32];
        let code = ticket().encode(&key);
        assert_eq!(Ticket::decode(&key, &code), Some(ticket()));
        assert_eq!(Ticket::decode(&[8u8; 32], &code), None, "another key");
        // Altering the payload (another day) without the key breaks the tag.
        let (_, rest) = code.split_once('.').unwrap();
        let (_, tag) = rest.split_once('.').unwrap();
        let forged_payload = B64.encode("m|b1|baoshan|2027-04-06|540|600");
        assert_eq!(Ticket::decode(&key, &format!("{PREFIX}{forged_payload}.{tag}")), None);
        assert_eq!(Ticket::decode(&key, "BA1.garbage"), None);
        assert!(code.len() < 160, "fits a small QR code: {}", code.len());
    }
}
