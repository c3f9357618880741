//! The disclosure badge: is this project's spending disclosed on time?
//!
//! A project must publish a disclosure every `period_days` after its last one. The badge says
//! "disclosed on time" while the next one is more than [`DUE_SOON_DAYS`] away, "due in N days"
//! inside that window (N = 0 on the due date itself), and "overdue by N days" after it —
//! amber for the first [`RED_AFTER_DAYS`] days overdue, red after that. The state is carried
//! by the variant (shown as text), never by colour alone.

use crate::rules::date::Date;
use serde::{Deserialize, Serialize};

/// The window before the due date in which the badge warns "due in N days".
pub const DUE_SOON_DAYS: i64 = 14;
/// Overdue by more than this many days: red instead of amber.
pub const RED_AFTER_DAYS: i64 = 14;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum DisclosureBadge {
    /// The next disclosure is more than `DUE_SOON_DAYS` away.
    OnTime { next_due: Date },
    /// Due within `DUE_SOON_DAYS` days (0 = today).
    DueIn { days: i64, next_due: Date },
    /// Past the due date by `days`; `red` once more than `RED_AFTER_DAYS` days late.
    Overdue { days: i64, red: bool, next_due: Date },
}

impl DisclosureBadge {
    /// The day the next disclosure is due.
    pub fn next_due(self) -> Date {
        match self {
            DisclosureBadge::OnTime { next_due }
            | DisclosureBadge::DueIn { next_due, .. }
            | DisclosureBadge::Overdue { next_due, .. } => next_due,
        }
    }

    /// A stable class suffix for styling (the text carries the meaning).
    pub fn tone(self) -> &'static str {
        match self {
            DisclosureBadge::OnTime { .. } => "ok",
            DisclosureBadge::DueIn { .. } => "due",
            DisclosureBadge::Overdue { red: false, .. } => "amber",
            DisclosureBadge::Overdue { red: true, .. } => "red",
        }
    }
}

/// The badge on `today` for a project last disclosed on `last` that must disclose every
/// `period_days` days (a period of 0 or less is treated as 1).
pub fn disclosure_badge(last: Date, period_days: i64, today: Date) -> DisclosureBadge {
    let next_due = last.add_days(period_days.max(1));
    let days_left = next_due.days_since_epoch() - today.days_since_epoch();
    if days_left > DUE_SOON_DAYS {
        DisclosureBadge::OnTime { next_due }
    } else if days_left >= 0 {
        DisclosureBadge::DueIn { days: days_left, next_due }
    } else {
        let days = -days_left;
        DisclosureBadge::Overdue { days, red: days > RED_AFTER_DAYS, next_due }
    }
}

#[cfg(test)]
mod tests;
