//! What the app learns about the service before anything else.

use serde::{Deserialize, Serialize};

/// `GET /api/v1/meta`
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MetaResponse {
    /// True when this server holds demonstration data: the app then says so on every page.
    pub demo: bool,
    /// The citizen hotline shown in the footer.
    pub hotline: String,
    /// Server version, for support calls.
    pub version: String,
}

/// One of Bao'an's ten streets (街道), as reference data the server serves.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Street {
    pub code: String,
    pub name: super::LocalisedText,
}
