//! Roles and the places they hold: a community reviewer acts for one 社区, a street reviewer for
//! one 街道, a registry clerk at one office, gate staff at one cemetery, a charity editor for one
//! organisation; district approvers, moderators and district admins act for the whole district.

use crate::assistance::Stage;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 社区: accepts applications, visits the household, runs the public notice.
    CommunityReviewer,
    /// 街道: reviews the community's findings.
    StreetReviewer,
    /// 区民政局: approves or refuses, and arranges payment.
    DistrictApprover,
    /// Meets couples at one registry office.
    RegistryClerk,
    /// Checks visitors in at one cemetery's gate.
    GateStaff,
    /// Publishes one organisation's ledger lines and disclosures.
    CharityEditor,
    /// Reads reported memorial messages.
    Moderator,
    /// Creates staff accounts and reads the audit trail; decides no case.
    DistrictAdmin,
}

/// What kind of place a role is tied to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum PlaceKind {
    /// A community's code (`GET /assistance/communities`).
    Community,
    /// A street's code.
    Street,
    /// A registry office's id.
    RegistryOffice,
    /// A cemetery's id.
    Cemetery,
    /// A charity organisation's name as its projects give it.
    Organisation,
}

impl Role {
    pub const ALL: [Role; 8] = [
        Role::CommunityReviewer,
        Role::StreetReviewer,
        Role::DistrictApprover,
        Role::RegistryClerk,
        Role::GateStaff,
        Role::CharityEditor,
        Role::Moderator,
        Role::DistrictAdmin,
    ];

    /// The stable code kept in the database and the audit trail.
    pub fn code(self) -> &'static str {
        match self {
            Role::CommunityReviewer => "community_reviewer",
            Role::StreetReviewer => "street_reviewer",
            Role::DistrictApprover => "district_approver",
            Role::RegistryClerk => "registry_clerk",
            Role::GateStaff => "gate_staff",
            Role::CharityEditor => "charity_editor",
            Role::Moderator => "moderator",
            Role::DistrictAdmin => "district_admin",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.code() == code)
    }

    /// The kind of place the role needs, or `None` for a district-wide role.
    pub fn place_kind(self) -> Option<PlaceKind> {
        match self {
            Role::CommunityReviewer => Some(PlaceKind::Community),
            Role::StreetReviewer => Some(PlaceKind::Street),
            Role::RegistryClerk => Some(PlaceKind::RegistryOffice),
            Role::GateStaff => Some(PlaceKind::Cemetery),
            Role::CharityEditor => Some(PlaceKind::Organisation),
            Role::DistrictApprover | Role::Moderator | Role::DistrictAdmin => None,
        }
    }

    /// The role that acts on an application at `stage`.
    pub fn reviewer_of(stage: Stage) -> Role {
        match stage {
            Stage::CommunityAcceptance | Stage::HomeVisit | Stage::PublicNotice => Role::CommunityReviewer,
            Stage::StreetReview => Role::StreetReviewer,
            Stage::DistrictApproval | Stage::Payment => Role::DistrictApprover,
        }
    }
}

/// A staff member's role and, for a role tied to a place, which one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Assignment {
    pub role: Role,
    /// The place's code or id (see [`PlaceKind`]); absent for district-wide roles.
    pub place: Option<String>,
}

/// Where an application belongs: the community it was made in and that community's street.
#[derive(Debug, Clone, Copy)]
pub struct ApplicationPlace<'a> {
    pub community: &'a str,
    pub street: &'a str,
}

impl Assignment {
    /// A role tied to a place names one; a district-wide role names none.
    pub fn is_well_formed(&self) -> bool {
        let named = self.place.as_deref().is_some_and(|p| !p.trim().is_empty());
        named == self.role.place_kind().is_some()
    }

    /// Whether this staff member may act on an application at `stage` in `at`: the step's own
    /// role, and for the community and street steps only that community's or street's reviewer.
    pub fn may_review(&self, stage: Stage, at: ApplicationPlace<'_>) -> bool {
        if self.role != Role::reviewer_of(stage) || !self.is_well_formed() {
            return false;
        }
        match self.role.place_kind() {
            Some(PlaceKind::Community) => self.place.as_deref() == Some(at.community),
            Some(PlaceKind::Street) => self.place.as_deref() == Some(at.street),
            None => true,
            Some(_) => false,
        }
    }

    /// Whether this staff member works at `place` of `kind` (a gate, a registry counter, an
    /// organisation's ledger).
    pub fn works_at(&self, kind: PlaceKind, place: &str) -> bool {
        self.role.place_kind() == Some(kind) && self.place.as_deref() == Some(place)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(role: Role, place: Option<&str>) -> Assignment {
        Assignment { role, place: place.map(Into::into) }
    }

    const HERE: ApplicationPlace<'static> = ApplicationPlace { community: "xixiang-01", street: "xixiang" };

    #[test]
    fn codes_round_trip_and_match_serde() {
        for role in Role::ALL {
            assert_eq!(Role::from_code(role.code()), Some(role));
            assert_eq!(serde_json::to_value(role).unwrap(), serde_json::Value::String(role.code().into()));
        }
    }

    #[test]
    fn each_step_is_acted_on_by_its_own_role_at_its_own_place() {
        let community = at(Role::CommunityReviewer, Some("xixiang-01"));
        let other_community = at(Role::CommunityReviewer, Some("xixiang-02"));
        let street = at(Role::StreetReviewer, Some("xixiang"));
        let other_street = at(Role::StreetReviewer, Some("shajing"));
        let district = at(Role::DistrictApprover, None);
        let admin = at(Role::DistrictAdmin, None);
        for stage in [Stage::CommunityAcceptance, Stage::HomeVisit, Stage::PublicNotice] {
            assert!(community.may_review(stage, HERE));
            assert!(!other_community.may_review(stage, HERE));
            assert!(!street.may_review(stage, HERE));
            assert!(!district.may_review(stage, HERE));
        }
        assert!(street.may_review(Stage::StreetReview, HERE));
        assert!(!other_street.may_review(Stage::StreetReview, HERE));
        assert!(!community.may_review(Stage::StreetReview, HERE));
        for stage in [Stage::DistrictApproval, Stage::Payment] {
            assert!(district.may_review(stage, HERE));
            assert!(!street.may_review(stage, HERE));
        }
        for stage in Stage::ALL {
            assert!(!admin.may_review(stage, HERE), "the admin decides no case");
        }
    }

    #[test]
    fn a_place_is_named_exactly_when_the_role_needs_one() {
        assert!(at(Role::GateStaff, Some("baoshan")).is_well_formed());
        assert!(!at(Role::GateStaff, None).is_well_formed());
        assert!(!at(Role::GateStaff, Some(" ")).is_well_formed());
        assert!(!at(Role::DistrictApprover, Some("xixiang")).is_well_formed());
        assert!(at(Role::Moderator, None).is_well_formed());
        // A malformed assignment acts nowhere, even where the place would match.
        assert!(!at(Role::DistrictApprover, Some("x")).may_review(Stage::DistrictApproval, HERE));
    }

    #[test]
    fn gate_and_counter_staff_work_at_their_own_place_only() {
        let gate = at(Role::GateStaff, Some("baoshan"));
        assert!(gate.works_at(PlaceKind::Cemetery, "baoshan"));
        assert!(!gate.works_at(PlaceKind::Cemetery, "other"));
        assert!(!gate.works_at(PlaceKind::RegistryOffice, "baoshan"));
    }
}
