//! Monthly pledges: the first gift starts one; afterwards it is charged once per calendar month
//! (the month's key is the unique key of a charge, so a month can never be charged twice) until
//! the donor cancels it from 我的捐赠.

use super::projects::coded;
use crate::api::LocalisedText;
use crate::rules::date::Date;
use serde::{Deserialize, Serialize};

coded!(PledgeStatus { Active => "active", Cancelled => "cancelled" });

/// The key of a calendar month, `YYYY-MM`: one charge per pledge per key.
pub fn month_key(d: Date) -> String {
    format!("{:04}-{:02}", d.year(), d.month())
}

/// The month a pledge started `started` owes a charge for on `today`, if any: every month after
/// the one of its first gift (that gift paid its own month). Charges are due from the 1st.
pub fn pledge_month_due(started: Date, today: Date) -> Option<String> {
    let (s, t) = ((started.year(), started.month()), (today.year(), today.month()));
    (t > s).then(|| month_key(today))
}

/// One of the resident's pledges (`GET /api/v1/me/charity/pledges`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Pledge {
    pub id: String,
    pub project_id: String,
    pub project_title: LocalisedText,
    pub amount_fen: i64,
    pub status: PledgeStatus,
    pub started: Date,
    /// Months charged after the first gift.
    pub monthly_charges: i64,
    /// The last month charged (`YYYY-MM`), the first gift's month if none since.
    pub last_month: String,
}

/// `POST /api/v1/staff/runs/charity-pledges`: charge every pledge due on `date` (a district
/// admin; the server also runs this by itself every hour with today's date).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChargeRun {
    pub date: Date,
}

/// What one run did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChargeReport {
    /// Pledges charged by this run.
    pub charged: i64,
    /// Pledges already charged for the month (by an earlier or a concurrent run).
    pub already_charged: i64,
    /// Pledges the payment provider declined (tried again on the next run).
    pub declined: i64,
    /// Pledges whose project has finished fundraising (not charged).
    pub project_finished: i64,
    /// Pledges cancelled by their donor while this run was going (not charged).
    #[serde(default)]
    pub cancelled: i64,
    /// Pledges whose donor was sent this month's reminder with a payment link (a provider
    /// without contract deduction, such as WeChat Pay here, never charges a pledge by itself).
    #[serde(default)]
    pub reminded: i64,
}

#[cfg(test)]
mod tests;
