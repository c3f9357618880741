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
}

impl ReportHandle {
    /// `has_message`: whether the report is about a message (only those can be hidden).
    pub fn validate(&self, has_message: bool) -> Result<ReportAction, FieldErrors> {
        let action = match self.action.trim() {
            HIDE_MESSAGE if has_message => Ok(ReportAction::HideMessage),
            DISMISS => Ok(ReportAction::Dismiss),
            "" => Err(FieldError::Required),
            _ => Err(FieldError::MemorialReportAction),
        };
        action.map_err(|e| {
            let mut f = FieldErrors::new();
            f.add("action", e);
            f
        })
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
