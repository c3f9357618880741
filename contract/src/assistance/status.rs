//! The legal review steps of an application and the timeline the resident follows:
//! 社区受理 → 入户调查 → 民主评议/公示 → 街道审核 → 区民政局审批 → 发放.

use super::standards::Standards;
use crate::rules::date::Date;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    CommunityAcceptance,
    HomeVisit,
    PublicNotice,
    StreetReview,
    DistrictApproval,
    Payment,
}

impl Stage {
    pub const ALL: [Stage; 6] = [
        Stage::CommunityAcceptance,
        Stage::HomeVisit,
        Stage::PublicNotice,
        Stage::StreetReview,
        Stage::DistrictApproval,
        Stage::Payment,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Stage::CommunityAcceptance => "community_acceptance",
            Stage::HomeVisit => "home_visit",
            Stage::PublicNotice => "public_notice",
            Stage::StreetReview => "street_review",
            Stage::DistrictApproval => "district_approval",
            Stage::Payment => "payment",
        }
    }
    pub fn from_code(code: &str) -> Option<Stage> {
        Stage::ALL.into_iter().find(|s| s.code() == code)
    }
    pub fn next(self) -> Option<Stage> {
        let i = Stage::ALL.iter().position(|s| *s == self)?;
        Stage::ALL.get(i + 1).copied()
    }
    /// At most how many days this step takes (its deadline counts from when it started).
    pub fn days(self, s: &Standards) -> i64 {
        match self {
            Stage::CommunityAcceptance => s.community_acceptance_days,
            Stage::HomeVisit => s.home_visit_days,
            Stage::PublicNotice => s.public_notice_days,
            Stage::StreetReview => s.street_review_days,
            Stage::DistrictApproval => s.district_approval_days,
            Stage::Payment => s.payment_days,
        }
    }
}

/// Where the application stands as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Being reviewed at `stage`.
    InReview,
    /// Staff asked for more documents (补正); review waits for them.
    AwaitingDocuments,
    /// Approved by the district; payment is being arranged.
    Approved,
    /// The first payment has been made.
    Paid,
    Refused,
    Withdrawn,
}

impl Status {
    pub const ALL: [Status; 6] = [
        Status::InReview,
        Status::AwaitingDocuments,
        Status::Approved,
        Status::Paid,
        Status::Refused,
        Status::Withdrawn,
    ];
    pub fn code(self) -> &'static str {
        match self {
            Status::InReview => "in_review",
            Status::AwaitingDocuments => "awaiting_documents",
            Status::Approved => "approved",
            Status::Paid => "paid",
            Status::Refused => "refused",
            Status::Withdrawn => "withdrawn",
        }
    }
    pub fn from_code(code: &str) -> Option<Status> {
        Status::ALL.into_iter().find(|s| s.code() == code)
    }
    /// Not yet decided: the resident may still withdraw, staff may still advance or decide.
    pub fn undecided(self) -> bool {
        matches!(self, Status::InReview | Status::AwaitingDocuments)
    }
}

/// One step as the resident sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct TimelineStep {
    pub stage: Stage,
    /// When the step was completed.
    pub done_on: Option<Date>,
    /// The step under way now.
    pub current: bool,
    /// For the current step of a live application: the latest date it should be done by.
    pub due_by: Option<Date>,
    /// How many days the step takes at most: the standard's figure (e.g. `public_notice_days`),
    /// which the page states instead of a number written into its text.
    pub days: i64,
}

/// The timeline from the dates each step started (`started`), the step under way and the state.
pub fn timeline(
    started: &[(Stage, Date)],
    current: Stage,
    state: Status,
    paid_on: Option<Date>,
    s: &Standards,
) -> Vec<TimelineStep> {
    let start_of = |stage: Stage| started.iter().filter(|(st, _)| *st == stage).map(|(_, d)| *d).max();
    let live = matches!(state, Status::InReview | Status::Approved);
    Stage::ALL
        .into_iter()
        .map(|stage| {
            let done_on = if stage < current {
                stage.next().and_then(start_of)
            } else if stage == Stage::Payment && state == Status::Paid {
                paid_on
            } else {
                None
            };
            let is_current =
                stage == current && done_on.is_none() && state != Status::Withdrawn && state != Status::Refused;
            let due_by = (is_current && live).then(|| start_of(stage).map(|d| d.add_days(stage.days(s)))).flatten();
            TimelineStep { stage, done_on, current: is_current, due_by, days: stage.days(s) }
        })
        .collect()
}

#[cfg(test)]
mod tests;
