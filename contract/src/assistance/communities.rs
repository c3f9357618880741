//! The communities (社区) of each street (`GET /api/v1/assistance/communities`), where an
//! application is received.

use serde::{Deserialize, Serialize};

/// A community (社区) of a street, from `GET /api/v1/assistance/communities`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Community {
    pub code: String,
    pub street: String,
    pub name: crate::api::LocalisedText,
}
