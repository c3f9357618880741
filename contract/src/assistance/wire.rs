//! Request and response bodies of `/api/v1/assistance/…` besides the form itself.

use super::application::{ApplicationForm, AttachedDocument};
use super::documents::DocumentKind;
use super::eligibility::Programme;
use super::status::{Stage, Status, TimelineStep};
use crate::rules::date::Date;
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

/// A community (社区) of a street, from `GET /api/v1/assistance/communities`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Community {
    pub code: String,
    pub street: String,
    pub name_zh_hans: String,
    pub name_zh_hant: String,
    pub name_en: String,
}

/// One of the resident's applications in 我的申请.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicationSummary {
    pub reference: String,
    pub programme: Programme,
    pub state: Status,
    pub stage: Stage,
    pub submitted_on: Date,
    /// The deadline of the step under way (or of the documents asked for).
    pub next_due: Option<Date>,
}

/// One application in full, for its owner only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicationView {
    pub reference: String,
    pub programme: Programme,
    pub state: Status,
    pub stage: Stage,
    pub submitted_on: Date,
    pub timeline: Vec<TimelineStep>,
    /// Documents staff asked for (补正) and not yet sent.
    pub requested_documents: Vec<DocumentKind>,
    pub requested_note: Option<String>,
    pub requested_by: Option<Date>,
    /// Non-essential documents still to come (容缺受理).
    pub missing_documents: Vec<DocumentKind>,
    pub documents: Vec<AttachedDocument>,
    /// Staff's reason, when refused.
    pub decision_reason: Option<String>,
    pub form: ApplicationForm,
}

/// `POST /api/v1/assistance/applications/{reference}/documents`: add a document later.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AddDocument {
    pub kind: DocumentKind,
    pub upload_id: String,
}

/// Staff: ask for more documents (补正).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestDocuments {
    pub kinds: Vec<DocumentKind>,
    pub note: Option<String>,
}

/// Staff: refuse, saying why (shown to the resident as written).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Refusal {
    pub reason: String,
}
