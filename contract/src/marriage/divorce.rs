//! The legal clock of divorce by agreement (《民法典》第一千零七十七条).
//!
//! From the day the registry receives the application (the first visit), either party may
//! withdraw within 30 days (离婚冷静期). After those 30 days the couple has another 30 days to
//! come back together for the certificate; if they do not, the application counts as withdrawn.
//! Periods counted in days start the day after the event (《民法典》第二百零一条), so with the
//! first visit on day D the cooling-off runs D+1 ..= D+30 and the window D+31 ..= D+60.

use crate::error::FieldError;
use crate::rules::date::Date;
use crate::rules::figures::{Basis, Provenance};
use serde::{Deserialize, Serialize};

pub const COOLING_OFF_DAYS: i64 = 30;
pub const WINDOW_DAYS: i64 = 30;

/// Where both 30-day periods come from: the law itself, not a district setting, so they stay
/// constants with their source (the Civil Code is in force since 2021-01-01).
pub fn cooling_off_source() -> Provenance {
    Provenance {
        basis: Basis::Document {
            document: "《中华人民共和国民法典》".into(), article: "第一千零七十七条".into()
        },
        effective_from: Date::new(2021, 1, 1).expect("a real date"),
    }
}

/// Where a couple stands on `today`, given the first-visit day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "stage", rename_all = "snake_case")]
pub enum DivorceStage {
    /// The first visit is still ahead; the clock starts that day.
    BeforeFirstVisit { first_visit: Date, cooling_off_ends: Date },
    /// Either party may withdraw until `ends` (inclusive).
    CoolingOff { ends: Date, days_left: u32, window_opens: Date },
    /// Book the second visit together between `opens` and `closes` (inclusive).
    Window { opens: Date, closes: Date, days_left: u32 },
    /// The window closed on `closed` without a second visit: the application counts as withdrawn.
    Missed { closed: Date },
}

/// Last day of the cooling-off period.
pub fn cooling_off_ends(first_visit: Date) -> Date {
    first_visit.add_days(COOLING_OFF_DAYS)
}

/// First and last day on which the couple can come back for the certificate.
pub fn second_visit_window(first_visit: Date) -> (Date, Date) {
    let ends = cooling_off_ends(first_visit);
    (ends.add_days(1), ends.add_days(WINDOW_DAYS))
}

pub fn divorce_stage(first_visit: Date, today: Date) -> DivorceStage {
    let ends = cooling_off_ends(first_visit);
    let (opens, closes) = second_visit_window(first_visit);
    let days = |from: Date, to: Date| (to.days_since_epoch() - from.days_since_epoch()).max(0) as u32;
    if today < first_visit {
        DivorceStage::BeforeFirstVisit { first_visit, cooling_off_ends: ends }
    } else if today <= ends {
        DivorceStage::CoolingOff { ends, days_left: days(today, ends), window_opens: opens }
    } else if today <= closes {
        // Counting today: on the last day there is still 1 day left.
        DivorceStage::Window { opens, closes, days_left: days(today, closes) + 1 }
    } else {
        DivorceStage::Missed { closed: closes }
    }
}

/// Whether the second visit may be booked for `day`, the first visit having been on
/// `first_visit`: only inside the window. The app disables other days; the server refuses them.
pub fn check_second_visit_day(first_visit: Date, day: Date) -> Result<(), FieldError> {
    let (opens, closes) = second_visit_window(first_visit);
    if day < opens {
        Err(FieldError::MarriageSecondVisitTooEarly)
    } else if day > closes {
        Err(FieldError::MarriageSecondVisitWindowMissed)
    } else {
        Ok(())
    }
}

#[cfg(test)]
mod tests;
