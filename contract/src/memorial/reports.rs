//! Reports of a memorial or a message on it: the visitor's report, staff's queue, and what staff
//! do with a report.

use crate::error::{FieldError, FieldErrors};
use serde::{Deserialize, Serialize};

/// Report a memorial or one message on it.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportRequest {
    #[serde(default)]
    pub message_id: Option<String>,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::memorial_required_text::<{ crate::memorial::rules::MAX_NOTE_CHARS }>))]
    pub reason: String,
}

/// A report in staff's queue, with what was reported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportView {
    pub id: String,
    pub memorial_id: String,
    pub deceased_name: String,
    pub memorial_visibility: String,
    /// The reported message, when the report is about one.
    pub message_id: Option<String>,
    pub message_text: Option<String>,
    /// The message's author, masked.
    pub message_author: Option<String>,
    pub message_hidden: bool,
    pub reason: String,
    pub created_at: i64,
    /// `open`, `hidden` (message hidden) or `dismissed`.
    pub status: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportList {
    pub items: Vec<ReportView>,
    pub page: u32,
    pub page_size: u32,
    pub total: i64,
}

/// What staff do with a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportAction {
    /// Hide the reported message (kept, shown to the memorial's owner only, marked hidden).
    HideMessage,
    /// Nothing wrong: close the report.
    Dismiss,
}

/// The wire code of [`ReportAction::HideMessage`].
pub const HIDE_MESSAGE: &str = "hide_message";
/// The wire code of [`ReportAction::Dismiss`].
pub const DISMISS: &str = "dismiss";

/// Staff handle a report: `hide_message` or `dismiss`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportHandle {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::report_action))]
    pub action: String,
    /// Why: required to hide a message (the author and the family are owed one), optional to
    /// dismiss; at most `staff::REASON_MAX_CHARS` characters. Kept in the audit trail.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub reason: Option<String>,
}

impl ReportHandle {
    /// `has_message`: whether the report is about a message (only those can be hidden). Returns
    /// the action and the reason, trimmed (`crate::staff::check_reason`: required to hide).
    pub fn validate(&self, has_message: bool) -> Result<(ReportAction, Option<String>), FieldErrors> {
        let action = match self.action.trim() {
            HIDE_MESSAGE if has_message => Ok(ReportAction::HideMessage),
            DISMISS => Ok(ReportAction::Dismiss),
            "" => Err(FieldError::Required),
            _ => Err(FieldError::MemorialReportAction),
        };
        let hiding = action == Ok(ReportAction::HideMessage);
        let reason = crate::staff::check_reason(self.reason.as_deref(), hiding);
        match (action, reason) {
            (Ok(action), Ok(reason)) => Ok((action, reason)),
            (action, reason) => {
                let mut f = FieldErrors::new();
                if let Err(e) = action {
                    f.add("action", e);
                }
                if let Err(e) = reason {
                    f.add("reason", e);
                }
                Err(f)
            }
        }
    }
}

impl ReportAction {
    /// The report's status once handled this way.
    pub fn outcome(self) -> &'static str {
        match self {
            ReportAction::HideMessage => "hidden",
            ReportAction::Dismiss => "dismissed",
        }
    }
}

#[cfg(test)]
mod tests;
