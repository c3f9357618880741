//! 消息 — the message centre. Every status change of an application, a booking or a memorial
//! becomes a message with the action to take and its deadline in the message itself.

use crate::rules::date::Date;
use serde::{Deserialize, Serialize};

/// Which journey a message belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Topic {
    Account,
    Assistance,
    Marriage,
    Charity,
    Memorial,
}

impl Topic {
    pub fn code(self) -> &'static str {
        match self {
            Topic::Account => "account",
            Topic::Assistance => "assistance",
            Topic::Marriage => "marriage",
            Topic::Charity => "charity",
            Topic::Memorial => "memorial",
        }
    }
    pub fn from_code(code: &str) -> Option<Topic> {
        [Topic::Account, Topic::Assistance, Topic::Marriage, Topic::Charity, Topic::Memorial]
            .into_iter()
            .find(|t| t.code() == code)
    }
}

/// `GET /api/v1/me/messages` returns these, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Message {
    pub id: String,
    pub topic: Topic,
    /// What happened, as a stable code the app translates (e.g. `assistance.documents_requested`).
    pub event: String,
    /// The reference number of the application or booking concerned.
    pub reference: String,
    /// Where in the app to act on it (e.g. `/mine/applications/ABC123`).
    pub action_path: String,
    /// By when the resident must act, if anything is due.
    pub deadline: Option<Date>,
    /// Free text from staff, shown as given (e.g. a reason), never as HTML.
    pub detail: Option<String>,
    /// Unix seconds.
    pub created_at: i64,
    pub read: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessageList {
    pub messages: Vec<Message>,
    pub unread: i64,
}
