//! A memorial's family: invitation links (expiring, limited uses, revocable) and the members
//! who joined, whom the owner can remove.

use serde::{Deserialize, Serialize};

/// An invitation link lasts this many days…
pub const INVITATION_DAYS: i64 = 7;
/// …and lets at most this many family members join.
pub const INVITATION_MAX_USES: i64 = 5;

/// Where an invitation stands, by one rule for the server's list and the app's labels:
/// `revoked`, `expired`, `used_up` or `active`.
pub fn invitation_status(now: i64, expires_at: i64, uses: i64, max_uses: i64, revoked: bool) -> &'static str {
    if revoked {
        "revoked"
    } else if now >= expires_at {
        "expired"
    } else if uses >= max_uses {
        "used_up"
    } else {
        "active"
    }
}

/// A new invitation link for family (`/memorial/join/{token}`); the token is shown only now.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Invitation {
    /// The id to revoke it by (not the token).
    #[serde(default)]
    pub id: String,
    pub token: String,
    pub path: String,
    pub expires_at: i64,
    #[serde(default)]
    pub max_uses: i64,
}

/// An invitation as its owner sees it later (without the token).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InvitationSummary {
    pub id: String,
    pub created_at: i64,
    pub expires_at: i64,
    pub uses: i64,
    pub max_uses: i64,
    /// See [`invitation_status`].
    pub status: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InvitationList {
    pub items: Vec<InvitationSummary>,
    pub page: u32,
    pub page_size: u32,
    pub total: i64,
}

/// A family member, as the owner sees them: masked name and phone, enough to recognise.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FamilyMember {
    pub id: String,
    pub name: String,
    pub phone: String,
    pub joined_at: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FamilyMemberList {
    pub items: Vec<FamilyMember>,
    pub page: u32,
    pub page_size: u32,
    pub total: i64,
}

#[cfg(test)]
mod tests;
