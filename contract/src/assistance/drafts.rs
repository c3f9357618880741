//! The resident's draft (`/api/v1/assistance/draft`), kept by the server so an application
//! started on one device resumes on another.

use serde::{Deserialize, Serialize};

/// Drafts are at most this many bytes (the app's own format, kept as the app sent it).
pub const MAX_DRAFT_BYTES: usize = 48 * 1024;

/// `PUT /api/v1/assistance/draft` and `GET` it back: the app's draft as an opaque JSON text,
/// so an application started on one device resumes on another.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Draft {
    pub content: String,
    /// Unix seconds; set by the server.
    #[serde(default)]
    pub updated_at: i64,
}
