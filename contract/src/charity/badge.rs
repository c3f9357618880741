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
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        Date::parse_iso(s).unwrap()
    }

    #[test]
    fn badge_at_its_boundaries() {
        let last = d("2026-01-01");
        let due = d("2026-04-01"); // last + 90 days
                                   // (today, expected tone, expected days where relevant)
        let table: &[(&str, &str, Option<i64>)] = &[
            ("2026-01-01", "ok", None),
            ("2026-03-17", "ok", None),      // 15 days left: still on time
            ("2026-03-18", "due", Some(14)), // exactly 14 left: due soon
            ("2026-03-31", "due", Some(1)),
            ("2026-04-01", "due", Some(0)), // due today is not overdue
            ("2026-04-02", "amber", Some(1)),
            ("2026-04-15", "amber", Some(14)), // two weeks overdue: still amber
            ("2026-04-16", "red", Some(15)),   // one day more: red
            ("2027-01-01", "red", Some(275)),
        ];
        for (today, tone, days) in table {
            let badge = disclosure_badge(last, 90, d(today));
            assert_eq!(badge.tone(), *tone, "on {today}: {badge:?}");
            match (badge, days) {
                (DisclosureBadge::OnTime { next_due }, None) => assert_eq!(next_due, due),
                (DisclosureBadge::DueIn { days: n, next_due }, Some(want))
                | (DisclosureBadge::Overdue { days: n, next_due, .. }, Some(want)) => {
                    assert_eq!(n, *want, "on {today}");
                    assert_eq!(next_due, due);
                }
                other => panic!("unexpected {other:?} on {today}"),
            }
        }
    }

    #[test]
    fn a_zero_period_is_one_day() {
        assert_eq!(
            disclosure_badge(d("2026-01-01"), 0, d("2026-01-03")),
            DisclosureBadge::Overdue { days: 1, red: false, next_due: d("2026-01-02") }
        );
    }

    #[test]
    fn serialises_with_a_state_tag() {
        let b = disclosure_badge(d("2026-01-01"), 30, d("2026-01-25"));
        let json = serde_json::to_value(b).unwrap();
        assert_eq!(json, serde_json::json!({"state": "due_in", "days": 6, "next_due": "2026-01-31"}));
    }
}
