//! What visitors leave on a memorial: offerings (flowers, candles) and messages, with the page of
//! messages.

use serde::{Deserialize, Serialize};

/// The kinds of offering: free, counted, never ranked.
pub const OFFERING_KINDS: [&str; 2] = ["flower", "candle"];

/// `flower` or `candle` ([`OFFERING_KINDS`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OfferingRequest {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::offering_kind))]
    pub kind: String,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessageRequest {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::memorial_required_text::<{ crate::memorial::rules::MAX_MESSAGE_CHARS }>))]
    pub text: String,
}

/// A message left on a memorial. `text` is plain text: show it as text, never as HTML.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MemorialMessage {
    pub id: String,
    /// The author's name masked (`王**`, see `mask::mask_name`), or empty: never a full name.
    pub author: String,
    pub text: String,
    pub created_at: i64,
    /// Hidden by the owner (only the owner still sees it, marked hidden).
    pub hidden: bool,
    pub mine: bool,
}

/// A page of a memorial's messages, newest first (hidden ones only for the owner).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessagePage {
    pub items: Vec<MemorialMessage>,
    pub page: u32,
    pub page_size: u32,
    pub total: i64,
}
