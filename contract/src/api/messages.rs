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

/// Declares the message-centre events once: each variant with its wire code and its topic.
macro_rules! message_events {
    ($($variant:ident = $code:literal, $topic:ident;)*) => {
        /// What happened, as a stable code the app translates. On the wire the dotted code
        /// (e.g. `assistance.documents_requested`); the server writes no other.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum MessageEvent {
            $(#[serde(rename = $code)] $variant,)*
        }

        impl MessageEvent {
            pub const ALL: &'static [MessageEvent] = &[$(MessageEvent::$variant),*];
            pub fn code(self) -> &'static str {
                match self { $(MessageEvent::$variant => $code,)* }
            }
            pub fn topic(self) -> Topic {
                match self { $(MessageEvent::$variant => Topic::$topic,)* }
            }
        }
    };
}

message_events! {
    AssistanceSubmitted = "assistance.submitted", Assistance;
    AssistanceDocumentsRequested = "assistance.documents_requested", Assistance;
    AssistanceDocumentsReceived = "assistance.documents_received", Assistance;
    AssistanceApproved = "assistance.approved", Assistance;
    AssistanceRefused = "assistance.refused", Assistance;
    AssistanceWithdrawn = "assistance.withdrawn", Assistance;
    AssistancePaid = "assistance.paid", Assistance;
    AssistanceHomeVisit = "assistance.stage.home_visit", Assistance;
    AssistancePublicNotice = "assistance.stage.public_notice", Assistance;
    AssistanceStreetReview = "assistance.stage.street_review", Assistance;
    AssistanceDistrictApproval = "assistance.stage.district_approval", Assistance;
    MarriageAwaitingPartner = "marriage.awaiting_partner", Marriage;
    MarriageConfirmed = "marriage.confirmed", Marriage;
    MarriageCancelled = "marriage.cancelled", Marriage;
    MarriageExpired = "marriage.expired", Marriage;
    MarriageRescheduled = "marriage.rescheduled", Marriage;
    MarriageWithdrawn = "marriage.withdrawn", Marriage;
    MarriagePartnerRequest = "marriage.partner_request", Marriage;
    MarriageDeclined = "marriage.declined", Marriage;
    CharityGiftPaid = "charity.gift_paid", Charity;
    CharityPledgeCharged = "charity.pledge_charged", Charity;
    CharityPledgeDue = "charity.pledge_due", Charity;
    MemorialReminderOn = "memorial.reminder_on", Memorial;
    MemorialProxyDone = "memorial.proxy_done", Memorial;
    MemorialAnniversary = "memorial.anniversary", Memorial;
    MemorialQingming = "memorial.qingming", Memorial;
}

/// In the OpenAPI document the event is its wire code, one of `MessageEvent::ALL`'s. Written by
/// hand: the derive, fed from inside `message_events!`, documented the variant names instead.
#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for MessageEvent {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        use utoipa::openapi::schema::{ObjectBuilder, Type};
        ObjectBuilder::new()
            .schema_type(Type::String)
            .enum_values(Some(MessageEvent::ALL.iter().map(|e| e.code())))
            .description(Some("What happened, as a stable code the app translates."))
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for MessageEvent {}

impl MessageEvent {
    pub fn from_code(code: &str) -> Option<MessageEvent> {
        MessageEvent::ALL.iter().copied().find(|e| e.code() == code)
    }
    /// The message for an assistance application entering `stage`, if residents are told of it.
    pub fn assistance_stage(stage: crate::assistance::status::Stage) -> Option<MessageEvent> {
        use crate::assistance::status::Stage;
        match stage {
            Stage::HomeVisit => Some(MessageEvent::AssistanceHomeVisit),
            Stage::PublicNotice => Some(MessageEvent::AssistancePublicNotice),
            Stage::StreetReview => Some(MessageEvent::AssistanceStreetReview),
            Stage::DistrictApproval => Some(MessageEvent::AssistanceDistrictApproval),
            Stage::CommunityAcceptance | Stage::Payment => None,
        }
    }
}

/// `GET /api/v1/me/messages` returns these, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Message {
    pub id: String,
    pub topic: Topic,
    pub event: MessageEvent,
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

impl Message {
    /// Days from the day the message was written (Shenzhen time) to its deadline. For a step that
    /// lasts a set time (the public notice), the standard's figure in force when it began, which
    /// the text states instead of a number written into it.
    pub fn days_to_deadline(&self) -> Option<i64> {
        let written = Date::from_unix_seconds(self.created_at, crate::rules::date::SHENZHEN_UTC_OFFSET);
        self.deadline.map(|d| d.days_since_epoch() - written.days_since_epoch())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessageList {
    pub messages: Vec<Message>,
    pub unread: i64,
}

#[cfg(test)]
mod tests;
