//! What a reviewer does to a social-assistance application, and what waits for them.

use crate::assistance::{DocumentKind, Programme, Stage, Status};
use crate::rules::date::Date;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReviewAction {
    /// The step is done: on to the next (at 发放, the first payment is made).
    Advance,
    /// Ask the resident for documents (补正): `kinds` says which.
    RequestDocuments,
    /// 区民政局审批: approve.
    Approve,
    /// Refuse, with the reason the resident will read (required).
    Refuse,
}

impl ReviewAction {
    pub fn code(self) -> &'static str {
        match self {
            ReviewAction::Advance => "assistance.advance",
            ReviewAction::RequestDocuments => "assistance.request_documents",
            ReviewAction::Approve => "assistance.approve",
            ReviewAction::Refuse => "assistance.refuse",
        }
    }

    /// Whether the law expects a reason for this action (a refusal must be explained).
    pub fn needs_reason(self) -> bool {
        self == ReviewAction::Refuse
    }

    /// The actions the reviewer of an application in `state` at `stage` may take: the staff page
    /// offers these and no others, and the server refuses any other with 409.
    pub fn allowed(state: Status, stage: Stage) -> &'static [ReviewAction] {
        use ReviewAction::*;
        match (state, stage) {
            (Status::InReview, Stage::DistrictApproval) => &[Approve, RequestDocuments, Refuse],
            (Status::InReview, Stage::Payment) => &[RequestDocuments, Refuse],
            (Status::InReview, _) => &[Advance, RequestDocuments, Refuse],
            (Status::AwaitingDocuments, _) => &[RequestDocuments, Refuse],
            (Status::Approved, Stage::Payment) => &[Advance],
            _ => &[],
        }
    }
}

/// `POST /api/v1/staff/assistance/applications/{reference}/review`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffReview {
    pub action: ReviewAction,
    /// Why: kept in the audit trail; for a refusal, also shown to the resident.
    #[serde(default)]
    pub reason: Option<String>,
    /// For `request_documents`: which documents.
    #[serde(default)]
    pub kinds: Vec<DocumentKind>,
}

/// An application waiting for the signed-in reviewer (`GET /api/v1/staff/assistance/queue`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct QueueItem {
    pub reference: String,
    pub programme: Programme,
    pub state: Status,
    pub stage: Stage,
    pub community: String,
    pub submitted_on: Date,
    /// When the current step should be done by (from the standards), if it is under way.
    pub due_by: Option<Date>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_state_offers_its_own_actions() {
        use ReviewAction::*;
        assert_eq!(ReviewAction::allowed(Status::InReview, Stage::CommunityAcceptance), [Advance, RequestDocuments, Refuse]);
        assert_eq!(ReviewAction::allowed(Status::InReview, Stage::StreetReview), [Advance, RequestDocuments, Refuse]);
        assert_eq!(ReviewAction::allowed(Status::InReview, Stage::DistrictApproval), [Approve, RequestDocuments, Refuse]);
        assert_eq!(ReviewAction::allowed(Status::AwaitingDocuments, Stage::HomeVisit), [RequestDocuments, Refuse]);
        assert_eq!(ReviewAction::allowed(Status::Approved, Stage::Payment), [Advance]);
        for decided in [Status::Paid, Status::Refused, Status::Withdrawn] {
            for stage in Stage::ALL {
                assert!(ReviewAction::allowed(decided, stage).is_empty(), "{decided:?} at {stage:?}");
            }
        }
        // Only a refusal must say why.
        assert!(Refuse.needs_reason() && !Advance.needs_reason() && !RequestDocuments.needs_reason());
    }
}
