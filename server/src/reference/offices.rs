//! Marriage registry offices: `offices`. Writing an office also keeps its generated slots true
//! to it: free future slots of a day it no longer opens go (a slot someone booked stays, with no
//! places left), future registration slots take the new capacity (never below what is taken),
//! future counselling sessions its counselling length, and the bookable period is generated
//! again for the days it now opens.

use super::import::{At, Kind};
use super::places::{fill_hant, stored};
use crate::db::DbResult;
use async_trait::async_trait;
use baoan_contract::api::reference::ReferenceKind;
use baoan_contract::api::LocalisedText;
use baoan_contract::marriage::{OfficeRow, SessionLength, SpecialDayKind, SpecialDayRow, BOOKABLE_DAYS};
use baoan_contract::rules::date::Date;
use baoan_contract::rules::figures::{Basis, Provenance};
use sqlx::AnyConnection;
use std::collections::HashMap;

pub struct Offices;

fn kind_code(kind: SpecialDayKind) -> &'static str {
    match kind {
        SpecialDayKind::Closed => "closed",
        SpecialDayKind::Extended => "extended",
        SpecialDayKind::Busy => "busy",
    }
}

fn kind_of(code: &str) -> Option<SpecialDayKind> {
    match code {
        "closed" => Some(SpecialDayKind::Closed),
        "extended" => Some(SpecialDayKind::Extended),
        "busy" => Some(SpecialDayKind::Busy),
        _ => None,
    }
}

/// Whether the office takes registrations on `day` (as slot generation decides it).
fn opens(row: &OfficeRow, day: Date) -> bool {
    row.active
        && match row.special_days.iter().find(|s| s.date == day).map(|s| s.kind) {
            Some(SpecialDayKind::Closed) => false,
            Some(SpecialDayKind::Extended) => true,
            _ => day.weekday() < 5,
        }
}

/// An office's counselling length columns: id, minutes, basis, document, article, from.
type CounsellingColumns = (String, i64, String, Option<String>, Option<String>, String);

/// A row of `marriage_offices` as the import row reads it (special days and counselling apart).
type OfficeColumns =
    (String, i64, String, String, String, String, String, String, String, String, String, String, String, i64, i64);

#[async_trait]
impl Kind for Offices {
    type Row = OfficeRow;
    const KIND: ReferenceKind = ReferenceKind::Offices;

    fn complete(row: &mut OfficeRow) {
        for text in [&mut row.name, &mut row.address, &mut row.hours] {
            fill_hant(text);
        }
        for day in &mut row.special_days {
            fill_hant(&mut day.note);
        }
        row.special_days.sort_by_key(|d| d.date);
    }

    async fn load(conn: &mut AnyConnection) -> DbResult<Vec<OfficeRow>> {
        let offices: Vec<OfficeColumns> = sqlx::query_as(
            "SELECT id, sort_order, name_zh_hans, name_zh_hant, name_en, address_zh_hans, address_zh_hant, address_en, \
             hours_zh_hans, hours_zh_hant, hours_en, phone, map_url, slot_capacity, active FROM marriage_offices \
             ORDER BY sort_order, id",
        )
        .fetch_all(&mut *conn)
        .await?;
        let days: Vec<(String, String, String, String, String, String)> = sqlx::query_as(
            "SELECT office_id, day, kind, note_zh_hans, note_zh_hant, note_en FROM marriage_special_days ORDER BY office_id, day",
        )
        .fetch_all(&mut *conn)
        .await?;
        let counselling: HashMap<String, SessionLength> = sqlx::query_as::<_, CounsellingColumns>(
            "SELECT id, counselling_minutes, counselling_basis, counselling_document, counselling_article, \
             counselling_from FROM marriage_offices",
        )
        .fetch_all(&mut *conn)
        .await?
        .into_iter()
        .filter_map(|(id, minutes, basis, document, article, from)| {
            let source = Provenance {
                basis: Basis::from_columns(&basis, document, article).unwrap_or(Basis::Example),
                effective_from: Date::parse_iso(&from)?,
            };
            Some((id, SessionLength { minutes: minutes.clamp(0, i64::from(u32::MAX)) as u32, source }))
        })
        .collect();
        let mut out = Vec::with_capacity(offices.len());
        for (id, order, n1, n2, n3, a1, a2, a3, h1, h2, h3, phone, map_url, capacity, active) in offices {
            let special_days = days
                .iter()
                .filter(|d| d.0 == id)
                .filter_map(|(_, day, kind, hans, hant, en)| {
                    Some(SpecialDayRow {
                        date: Date::parse_iso(day)?,
                        kind: kind_of(kind)?,
                        note: stored(hans.clone(), hant.clone(), en.clone()),
                    })
                })
                .collect();
            out.push(OfficeRow {
                order: order as u32,
                name: stored(n1, n2, n3),
                address: stored(a1, a2, a3),
                hours: stored(h1, h2, h3),
                phone,
                map_url,
                slot_capacity: capacity as u32,
                active: active != 0,
                special_days,
                counselling: counselling.get(&id).cloned().unwrap_or_else(baoan_contract::marriage::counselling_length),
                id,
            });
        }
        Ok(out)
    }

    async fn write(conn: &mut AnyConnection, row: &OfficeRow, before: Option<&OfficeRow>, at: At) -> DbResult<()> {
        let en = |t: &LocalisedText| t.en.clone().unwrap_or_default();
        sqlx::query(
            "INSERT INTO marriage_offices (id, sort_order, name_zh_hans, name_zh_hant, name_en, address_zh_hans, \
             address_zh_hant, address_en, hours_zh_hans, hours_zh_hant, hours_en, phone, map_url, slot_capacity, active) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) \
             ON CONFLICT (id) DO UPDATE SET sort_order = excluded.sort_order, name_zh_hans = excluded.name_zh_hans, \
             name_zh_hant = excluded.name_zh_hant, name_en = excluded.name_en, address_zh_hans = excluded.address_zh_hans, \
             address_zh_hant = excluded.address_zh_hant, address_en = excluded.address_en, \
             hours_zh_hans = excluded.hours_zh_hans, hours_zh_hant = excluded.hours_zh_hant, hours_en = excluded.hours_en, \
             phone = excluded.phone, map_url = excluded.map_url, slot_capacity = excluded.slot_capacity, \
             active = excluded.active, slots_through = NULL",
        )
        .bind(&row.id)
        .bind(i64::from(row.order))
        .bind(&row.name.zh_hans)
        .bind(&row.name.zh_hant)
        .bind(en(&row.name))
        .bind(&row.address.zh_hans)
        .bind(&row.address.zh_hant)
        .bind(en(&row.address))
        .bind(&row.hours.zh_hans)
        .bind(&row.hours.zh_hant)
        .bind(en(&row.hours))
        .bind(&row.phone)
        .bind(&row.map_url)
        .bind(i64::from(row.slot_capacity))
        .bind(i64::from(row.active))
        .execute(&mut *conn)
        .await?;
        let (basis, document, article) = row.counselling.source.basis.columns();
        sqlx::query(
            "UPDATE marriage_offices SET counselling_minutes = $1, counselling_basis = $2, counselling_document = $3, \
             counselling_article = $4, counselling_from = $5 WHERE id = $6",
        )
        .bind(i64::from(row.counselling.minutes))
        .bind(basis)
        .bind(document)
        .bind(article)
        .bind(row.counselling.source.effective_from.to_iso())
        .bind(&row.id)
        .execute(&mut *conn)
        .await?;
        sqlx::query("DELETE FROM marriage_special_days WHERE office_id = $1").bind(&row.id).execute(&mut *conn).await?;
        for day in &row.special_days {
            sqlx::query(
                "INSERT INTO marriage_special_days (office_id, day, kind, note_zh_hans, note_zh_hant, note_en) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(&row.id)
            .bind(day.date.to_iso())
            .bind(kind_code(day.kind))
            .bind(&day.note.zh_hans)
            .bind(&day.note.zh_hant)
            .bind(en(&day.note))
            .execute(&mut *conn)
            .await?;
        }
        if before.is_some() {
            adjust_slots(conn, row, at.today).await?;
        }
        Ok(())
    }
}

/// Brings an existing office's generated slots in line with the row just written (see the
/// module's comment); `ensure_slots` then generates the days it now opens (`slots_through` was
/// reset), never duplicating a slot.
async fn adjust_slots(conn: &mut AnyConnection, row: &OfficeRow, today: Date) -> DbResult<()> {
    sqlx::query(
        "UPDATE marriage_slots SET capacity = CASE WHEN taken > $1 THEN taken ELSE $1 END \
         WHERE office_id = $2 AND purpose = 'registration' AND day > $3",
    )
    .bind(i64::from(row.slot_capacity))
    .bind(&row.id)
    .bind(today.to_iso())
    .execute(&mut *conn)
    .await?;
    // Future counselling sessions last as long as the office now says.
    sqlx::query(
        "UPDATE marriage_slots SET end_minute = start_minute + $1 WHERE office_id = $2 AND purpose = 'counselling' AND day > $3",
    )
    .bind(i64::from(row.counselling.minutes))
    .bind(&row.id)
    .bind(today.to_iso())
    .execute(&mut *conn)
    .await?;
    let generated: Vec<(String,)> =
        sqlx::query_as("SELECT DISTINCT day FROM marriage_slots WHERE office_id = $1 AND day > $2 AND day <= $3")
            .bind(&row.id)
            .bind(today.to_iso())
            .bind(today.add_days(BOOKABLE_DAYS).to_iso())
            .fetch_all(&mut *conn)
            .await?;
    for (day,) in generated {
        if Date::parse_iso(&day).is_some_and(|d| opens(row, d)) {
            continue;
        }
        // Free slots nobody's booking names go; the others keep no places to give.
        sqlx::query(
            "DELETE FROM marriage_slots WHERE office_id = $1 AND day = $2 AND taken = 0 AND NOT EXISTS \
             (SELECT 1 FROM marriage_bookings b WHERE b.slot_id = marriage_slots.id \
              OR b.ceremony_slot_id = marriage_slots.id OR b.counselling_slot_id = marriage_slots.id)",
        )
        .bind(&row.id)
        .bind(&day)
        .execute(&mut *conn)
        .await?;
        sqlx::query("UPDATE marriage_slots SET capacity = taken WHERE office_id = $1 AND day = $2")
            .bind(&row.id)
            .bind(&day)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
