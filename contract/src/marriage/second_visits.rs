//! The divorce second visit (`POST /api/v1/marriage/second-visits`), booked from its first visit.

use serde::{Deserialize, Serialize};

/// `POST /api/v1/marriage/second-visits`: either party books the divorce second visit from their
/// own account — the account that booked the first visit, or the partner's account that
/// confirmed it; any other account gets "not found". Both parties are taken from the first
/// visit; the booker becomes party A and the other confirms in their own account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SecondVisitRequest {
    pub first_visit_reference: String,
    pub slot_id: String,
}
