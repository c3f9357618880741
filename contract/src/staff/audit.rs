//! The audit trail: every staff action, who took it in which role, when, on what, the state
//! before and after, and the reason given. District admins search it and export it.

use super::roles::Role;
use serde::{Deserialize, Serialize};

/// One recorded action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    pub id: String,
    /// Unix seconds.
    pub at: i64,
    /// The staff member's login, or `bootstrap-token` for the server's bootstrap token.
    pub actor: String,
    pub role: Role,
    pub place: Option<String>,
    /// What was done, e.g. `assistance.advance`, `staff.create_account`.
    pub action: String,
    /// What it was done to: its kind (`assistance_application`, `staff_account`) and id.
    pub subject_kind: String,
    pub subject_id: String,
    /// The relevant state before and after, each a JSON object as text (absent where there was
    /// none). Text, not nested JSON, so the contract (and the app) need no JSON value type.
    pub before: Option<String>,
    pub after: Option<String>,
    pub reason: Option<String>,
}

/// `GET /api/v1/staff/audit`: filters, all optional; newest first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema, utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct AuditQuery {
    /// A staff login.
    pub actor: Option<String>,
    /// An action code, e.g. `assistance.advance`.
    pub action: Option<String>,
    /// A subject id, e.g. an application's reference.
    pub subject_id: Option<String>,
    /// From this time (unix seconds), inclusive.
    pub from: Option<i64>,
    /// Before this time (unix seconds).
    pub until: Option<i64>,
    /// `json` (default) or `csv` (the export).
    #[cfg_attr(feature = "openapi", param(inline))]
    pub format: Option<AuditFormat>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AuditFormat {
    Json,
    Csv,
}

/// Most entries one answer carries.
pub const AUDIT_PAGE_MAX: i64 = 500;
