//! Dates many couples want, which sell out first: 5.20 (“我爱你”), 2.14 and 七夕 (the seventh
//! day of the seventh lunar month). Offices may mark more; those come from the server's data.

use crate::rules::date::Date;

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

/// Why a date is popular, when it is one of the well-known ones.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PopularDate {
    May20,
    Valentine,
    Qixi,
}

pub fn popular_date(day: Date) -> Option<PopularDate> {
    match (day.month(), day.day()) {
        (5, 20) => Some(PopularDate::May20),
        (2, 14) => Some(PopularDate::Valentine),
        (m, dd) if QIXI.contains(&(day.year(), m, dd)) => Some(PopularDate::Qixi),
        _ => None,
    }
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
