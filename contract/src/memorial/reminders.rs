//! When a memorial's owner is reminded (opt-in): on the anniversary of the death and at Qingming.
//! Qingming (清明) is a solar term: 4 or 5 April depending on the year, so its dates are data.

use crate::rules::date::Date;

/// Qingming's day in April, per year (Purple Mountain Observatory's published solar terms).
/// Years outside the table get no Qingming reminder rather than a guessed one.
pub const QINGMING_APRIL_DAY: &[(i32, u8)] = &[
    (2024, 4),
    (2025, 4),
    (2026, 5),
    (2027, 5),
    (2028, 4),
    (2029, 4),
    (2030, 5),
    (2031, 5),
    (2032, 4),
    (2033, 4),
    (2034, 5),
    (2035, 5),
    (2036, 4),
    (2037, 4),
    (2038, 5),
    (2039, 5),
    (2040, 4),
];

/// Qingming in `year`, if the table covers it.
pub fn qingming(year: i32) -> Option<Date> {
    QINGMING_APRIL_DAY.iter().find(|(y, _)| *y == year).and_then(|&(y, d)| Date::new(y, 4, d))
}

/// The occasions a reminder is sent for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Occasion {
    Anniversary,
    Qingming,
}

impl Occasion {
    pub fn code(self) -> &'static str {
        match self {
            Occasion::Anniversary => "anniversary",
            Occasion::Qingming => "qingming",
        }
    }
}

/// The anniversary of `died` in `year` (28 February in common years for a death on 29 February).
pub fn anniversary_in(died: Date, year: i32) -> Date {
    Date::new(year, died.month(), died.day()).or_else(|| Date::new(year, died.month(), died.day() - 1)).unwrap_or(died)
}

/// The next anniversary of `died`, today or later.
pub fn next_anniversary(died: Date, today: Date) -> Date {
    let this_year = anniversary_in(died, today.year());
    if this_year >= today {
        this_year
    } else {
        anniversary_in(died, today.year() + 1)
    }
}

/// The reminders due `today` for a memorial of someone who died on `died`. Nothing in the year
/// of death itself (the first anniversary is a year later).
pub fn reminders_due(died: Date, today: Date) -> Vec<Occasion> {
    let mut due = Vec::new();
    if today.year() > died.year() && anniversary_in(died, today.year()) == today {
        due.push(Occasion::Anniversary);
    }
    if today > died && qingming(today.year()) == Some(today) {
        due.push(Occasion::Qingming);
    }
    due
}

#[cfg(test)]
mod tests;
