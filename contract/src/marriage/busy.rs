//! Dates many couples want, which sell out first: 5.20 (“我爱你”), 2.14 and 七夕 (the seventh
//! day of the seventh lunar month). Offices may mark more; those come from the server's data.
//!
//! That a date is busy is a prediction, not policy: no document says so. Each busy day therefore
//! carries a [`BusyNote`] saying why and what the claim rests on: for the well-known dates this
//! service's own expectation (an example, [`popular_dates_source`]), for 七夕 also the calendar
//! the date comes from ([`qixi_calendar_source`]), for a day an office marked the office's own
//! marking (set by the district, or an example in demonstration data).

use crate::rules::date::Date;
use crate::rules::figures::{Basis, Provenance};
use serde::{Deserialize, Serialize};

/// 七夕 in the Gregorian calendar, from the lunar calendar tables (Purple Mountain Observatory).
const QIXI: [(i32, u8, u8); 10] = [
    (2024, 8, 10),
    (2025, 8, 29),
    (2026, 8, 19),
    (2027, 8, 8),
    (2028, 8, 26),
    (2029, 8, 16),
    (2030, 8, 5),
    (2031, 8, 24),
    (2032, 8, 12),
    (2033, 8, 1),
];

/// Why a date is expected to be busy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BusyReason {
    /// 5.20 (“我爱你”).
    May20,
    /// 2.14.
    Valentine,
    /// 七夕, the seventh day of the seventh lunar month.
    Qixi,
    /// The office marked the day busy (its own data).
    Office,
}

/// Why a day is busy and what that rests on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BusyNote {
    pub reason: BusyReason,
    /// What the prediction rests on.
    pub source: Provenance,
    /// For 七夕: where its Gregorian date comes from (the lunar calendar).
    pub calendar: Option<Provenance>,
}

/// The well-known dates, when `day` is one (never [`BusyReason::Office`]).
pub fn popular_date(day: Date) -> Option<BusyReason> {
    match (day.month(), day.day()) {
        (5, 20) => Some(BusyReason::May20),
        (2, 14) => Some(BusyReason::Valentine),
        (m, dd) if QIXI.contains(&(day.year(), m, dd)) => Some(BusyReason::Qixi),
        _ => None,
    }
}

/// That the well-known dates sell out first is this service's own expectation, from how couples
/// are widely reported to choose them, not a figure any registry has published: an example,
/// since the first year of the 七夕 table.
pub fn popular_dates_source() -> Provenance {
    Provenance::example(Date::new(2024, 1, 1).expect("a real date"))
}

/// The 七夕 table follows the national standard for the Chinese calendar (GB/T 33661—2017, in
/// force since 2017-09-01, drafted by the Purple Mountain Observatory, which publishes the dates).
pub fn qixi_calendar_source() -> Provenance {
    Provenance {
        basis: Basis::Document {
            document: "GB/T 33661—2017《农历的编算和颁行》".into(),
            article: "农历七月初七（七夕）".into(),
        },
        effective_from: Date::new(2017, 9, 1).expect("a real date"),
    }
}

/// Why `day` is busy, if it is: a well-known date first, else the office's own marking with
/// its basis (`office_marked`: set by the district, or an example in demonstration data), which
/// applies from the marked day itself.
pub fn busy_note(day: Date, office_marked: Option<Basis>) -> Option<BusyNote> {
    if let Some(reason) = popular_date(day) {
        let calendar = (reason == BusyReason::Qixi).then(qixi_calendar_source);
        return Some(BusyNote { reason, source: popular_dates_source(), calendar });
    }
    office_marked.map(|basis| BusyNote {
        reason: BusyReason::Office,
        source: Provenance { basis, effective_from: day },
        calendar: None,
    })
}

/// Up to `n` dates from `candidates` (days with places), nearest to `day` first; ties go to the
/// earlier date.
pub fn nearest(day: Date, candidates: &[Date], n: usize) -> Vec<Date> {
    let mut c: Vec<Date> = candidates.iter().copied().filter(|&c| c != day).collect();
    c.sort_by_key(|c| ((c.days_since_epoch() - day.days_since_epoch()).abs(), *c));
    c.truncate(n);
    c
}

#[cfg(test)]
mod tests;
