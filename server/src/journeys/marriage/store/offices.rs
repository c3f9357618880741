//! Reading offices and slots from the database, and generating slots for the bookable period.

use crate::db::{Db, DbResult};
use baoan_contract::api::LocalisedText;
use baoan_contract::marriage::{
    counselling_length, Office, SessionLength, Slot, SlotPurpose, SpecialDay, SpecialDayKind, BOOKABLE_DAYS,
};
use baoan_contract::rules::date::Date;
use baoan_contract::rules::figures::{Basis, Provenance};

/// A row of `marriage_offices` (`OFFICE_COLUMNS`).
#[derive(sqlx::FromRow)]
struct OfficeRow {
    id: String,
    name_zh_hans: String,
    name_zh_hant: String,
    name_en: String,
    address_zh_hans: String,
    address_zh_hant: String,
    address_en: String,
    hours_zh_hans: String,
    hours_zh_hant: String,
    hours_en: String,
    phone: String,
    map_url: String,
}

impl OfficeRow {
    fn into_office(self, special_days: Vec<SpecialDay>) -> Office {
        Office {
            id: self.id,
            name: loc(self.name_zh_hans, self.name_zh_hant, self.name_en),
            address: loc(self.address_zh_hans, self.address_zh_hant, self.address_en),
            hours: loc(self.hours_zh_hans, self.hours_zh_hant, self.hours_en),
            phone: self.phone,
            map_url: self.map_url,
            special_days,
        }
    }
}

/// A row of `marriage_special_days`.
#[derive(sqlx::FromRow)]
struct SpecialDayRow {
    day: String,
    kind: String,
    note_zh_hans: String,
    note_zh_hant: String,
    note_en: String,
}

impl SpecialDayRow {
    fn into_special_day(self) -> Option<SpecialDay> {
        let kind = match self.kind.as_str() {
            "closed" => SpecialDayKind::Closed,
            "extended" => SpecialDayKind::Extended,
            "busy" => SpecialDayKind::Busy,
            _ => return None,
        };
        Some(SpecialDay {
            date: Date::parse_iso(&self.day)?,
            kind,
            note: loc(self.note_zh_hans, self.note_zh_hant, self.note_en),
        })
    }
}

/// An office whose slots need generating.
#[derive(sqlx::FromRow)]
struct DueOfficeRow {
    id: String,
    slot_capacity: i64,
    slots_through: Option<String>,
    counselling_minutes: i64,
}

const OFFICE_COLUMNS: &str = "id, name_zh_hans, name_zh_hant, name_en, address_zh_hans, address_zh_hant, address_en, \
     hours_zh_hans, hours_zh_hant, hours_en, phone, map_url";

fn loc(hans: String, hant: String, en: String) -> LocalisedText {
    crate::localise::localised(hans, Some(hant), Some(en))
}

/// Every office in service (`active`) with its special days from `today` on, in display order.
pub async fn offices(db: &Db, today: Date) -> DbResult<Vec<Office>> {
    let rows = sqlx::query_as::<_, OfficeRow>(&format!(
        "SELECT {OFFICE_COLUMNS} FROM marriage_offices WHERE active = 1 ORDER BY sort_order, id"
    ))
    .fetch_all(&db.pool)
    .await?;
    let mut out = Vec::new();
    for row in rows {
        let special = special_days(db, &row.id, today).await?;
        out.push(row.into_office(special));
    }
    Ok(out)
}

pub async fn office(db: &Db, id: &str, today: Date) -> DbResult<Option<Office>> {
    let row = sqlx::query_as::<_, OfficeRow>(&format!("SELECT {OFFICE_COLUMNS} FROM marriage_offices WHERE id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    match row {
        Some(row) => {
            let special = special_days(db, &row.id, today).await?;
            Ok(Some(row.into_office(special)))
        }
        None => Ok(None),
    }
}

/// How long an office's counselling session lasts, with its source (the example length for an
/// office not stored, or a source the district could not have written).
pub async fn counselling(db: &Db, office_id: &str) -> DbResult<SessionLength> {
    type Columns = (i64, String, Option<String>, Option<String>, String);
    let row: Option<Columns> = sqlx::query_as(
        "SELECT counselling_minutes, counselling_basis, counselling_document, counselling_article, counselling_from \
         FROM marriage_offices WHERE id = $1",
    )
    .bind(office_id)
    .fetch_optional(&db.pool)
    .await?;
    let example = counselling_length();
    Ok(match row {
        Some((minutes, basis, document, article, from)) => SessionLength {
            minutes: minutes.clamp(0, i64::from(u32::MAX)) as u32,
            source: Provenance {
                basis: Basis::from_columns(&basis, document, article).unwrap_or(Basis::Example),
                effective_from: Date::parse_iso(&from).unwrap_or(example.source.effective_from),
            },
        },
        None => example,
    })
}

pub async fn special_days(db: &Db, office_id: &str, from: Date) -> DbResult<Vec<SpecialDay>> {
    let rows = sqlx::query_as::<_, SpecialDayRow>(
        "SELECT day, kind, note_zh_hans, note_zh_hant, note_en FROM marriage_special_days \
         WHERE office_id = $1 AND day >= $2 ORDER BY day",
    )
    .bind(office_id)
    .bind(from.to_iso())
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().filter_map(SpecialDayRow::into_special_day).collect())
}

/// The day's timetable: registration every half hour 9:00–12:00 and 14:00–17:00, a ceremony
/// at 10:30 and 15:30 (4 couples each), counselling at 11:00 and 16:00 (3 couples each).
fn timetable(capacity: i64) -> Vec<(SlotPurpose, i64, i64)> {
    let mut t = Vec::new();
    for start in (9 * 60..12 * 60).step_by(30).chain((14 * 60..17 * 60).step_by(30)) {
        t.push((SlotPurpose::Registration, start, capacity));
    }
    for start in [10 * 60 + 30, 15 * 60 + 30] {
        t.push((SlotPurpose::Ceremony, start, 4));
    }
    for start in [11 * 60, 16 * 60] {
        t.push((SlotPurpose::Counselling, start, 3));
    }
    t
}

pub fn slot_id(office_id: &str, day: Date, purpose: SlotPurpose, start: i64) -> String {
    format!("{office_id}|{}|{}|{:02}{:02}", day.to_iso(), purpose.code(), start / 60, start % 60)
}

/// Makes sure every office has slots for tomorrow … today + 30. Each day is generated once per
/// office (`slots_through`); inserts are `ON CONFLICT DO NOTHING`, so two servers or two requests
/// generating at once cannot duplicate a slot or reset its `taken`.
pub async fn ensure_slots(db: &Db, today: Date) -> DbResult<()> {
    let last = today.add_days(BOOKABLE_DAYS);
    let due = sqlx::query_as::<_, DueOfficeRow>(
        "SELECT id, slot_capacity, slots_through, counselling_minutes FROM marriage_offices \
         WHERE active = 1 AND (slots_through IS NULL OR slots_through < $1)",
    )
    .bind(last.to_iso())
    .fetch_all(&db.pool)
    .await?;
    for DueOfficeRow { id: office_id, slot_capacity: capacity, slots_through: through, counselling_minutes } in due {
        let special = special_days(db, &office_id, today).await?;
        let start = through.as_deref().and_then(Date::parse_iso).map(|d| d.add_days(1)).unwrap_or(today.add_days(1));
        let start = start.max(today.add_days(1));
        let mut tx = db.begin().await?;
        let mut day = start;
        while day <= last {
            let kind = special.iter().find(|s| s.date == day).map(|s| s.kind);
            let open = match kind {
                Some(SpecialDayKind::Closed) => false,
                Some(SpecialDayKind::Extended) => true,
                _ => day.weekday() < 5,
            };
            if open {
                for (purpose, minute, cap) in timetable(capacity) {
                    let length = match purpose {
                        SlotPurpose::Registration => 30,
                        SlotPurpose::Ceremony => 45,
                        SlotPurpose::Counselling => counselling_minutes,
                    };
                    sqlx::query(
                        "INSERT INTO marriage_slots (id, office_id, day, purpose, start_minute, end_minute, capacity, taken) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, 0) ON CONFLICT (id) DO NOTHING",
                    )
                    .bind(slot_id(&office_id, day, purpose, minute))
                    .bind(&office_id)
                    .bind(day.to_iso())
                    .bind(purpose.code())
                    .bind(minute)
                    .bind(minute + length)
                    .bind(cap)
                    .execute(&mut *tx)
                    .await?;
                }
            }
            day = day.add_days(1);
        }
        sqlx::query("UPDATE marriage_offices SET slots_through = $1 WHERE id = $2")
            .bind(last.to_iso())
            .bind(&office_id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
    }
    Ok(())
}

/// A row of `marriage_slots` (`SLOT_COLUMNS`).
#[derive(sqlx::FromRow)]
struct SlotRow {
    id: String,
    office_id: String,
    day: String,
    purpose: String,
    start_minute: i64,
    end_minute: i64,
    capacity: i64,
    taken: i64,
}

const SLOT_COLUMNS: &str = "id, office_id, day, purpose, start_minute, end_minute, capacity, taken";

impl SlotRow {
    fn into_slot(self) -> Option<Slot> {
        Some(Slot {
            id: self.id,
            office_id: self.office_id,
            date: Date::parse_iso(&self.day)?,
            purpose: SlotPurpose::from_code(&self.purpose)?,
            start_minute: self.start_minute as u32,
            end_minute: self.end_minute as u32,
            capacity: self.capacity as u32,
            places_left: (self.capacity - self.taken).max(0) as u32,
        })
    }
}

pub async fn slot(db: &Db, id: &str) -> DbResult<Option<Slot>> {
    let row = sqlx::query_as::<_, SlotRow>(&format!("SELECT {SLOT_COLUMNS} FROM marriage_slots WHERE id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.and_then(SlotRow::into_slot))
}

/// An office's slots between two days (inclusive), in time order.
pub async fn slots_between(db: &Db, office_id: &str, from: Date, to: Date) -> DbResult<Vec<Slot>> {
    let rows = sqlx::query_as::<_, SlotRow>(&format!(
        "SELECT {SLOT_COLUMNS} FROM marriage_slots WHERE office_id = $1 AND day >= $2 AND day <= $3 \
         ORDER BY day, start_minute, purpose"
    ))
    .bind(office_id)
    .bind(from.to_iso())
    .bind(to.to_iso())
    .fetch_all(&db.pool)
    .await?;
    Ok(rows.into_iter().filter_map(SlotRow::into_slot).collect())
}
