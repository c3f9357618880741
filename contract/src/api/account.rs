//! The resident's own data: download it (JSON), or delete the account.
//!
//! Deleting removes the profile, sessions, messages, drafts, memorials and every record the
//! service does not have to keep. Records the service must keep stay (anonymised where the
//! record allows it); `DeletionPlan` lists them with the reason, shown before the resident
//! confirms.

use serde::{Deserialize, Serialize};

/// Why a record outlives the account that made it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum KeptReason {
    /// A social-assistance application: staff keep the case file (under review: to decide it;
    /// decided: as the record of a decision on public money, open to review and appeal).
    AssistanceCase,
    /// A marriage or divorce registration booking whose visit is still to come: the office
    /// holds the place and the other party relies on it.
    MarriageUpcoming,
    /// A charity gift: the amount, date and receipt are accounting records the charity must
    /// keep; the donor's name and message are removed.
    CharityReceipt,
    /// A proxy tomb-sweeping request staff have not finished yet.
    MemorialProxyOpen,
}

/// One record that deleting the account keeps.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct KeptRecord {
    pub reason: KeptReason,
    /// The record's reference (application or booking number, receipt number), as the
    /// resident knows it.
    pub reference: String,
}

/// What deleting the account would keep (before) or kept (after).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeletionPlan {
    pub kept: Vec<KeptRecord>,
}

/// The body of `DELETE /api/v1/me`: the resident confirms by sending `confirm: true`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeleteAccount {
    pub confirm: bool,
}
