//! Who may see and act on a memorial, and how far: the requester's relation when making it
//! public, family invitations (expiring, limited uses, revocable), members the owner can remove,
//! the staff queue of reports, and the paging every memorial list uses.

use crate::error::{FieldError, FieldErrors};
use serde::{Deserialize, Serialize};

/// Most items one page of any memorial list holds (a larger `page_size` is cut to this).
pub const MAX_PAGE_SIZE: u32 = 50;
/// Items per page when the client does not say.
pub const DEFAULT_PAGE_SIZE: u32 = 20;

/// `?page=&page_size=` on every memorial list (1-based pages).
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams, utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct PageQuery {
    /// 1-based; default 1.
    pub page: Option<u32>,
    /// Default 20, at most 50.
    pub page_size: Option<u32>,
}

impl PageQuery {
    pub fn page(&self) -> u32 {
        self.page.unwrap_or(1).max(1)
    }
    pub fn size(&self) -> u32 {
        self.page_size.unwrap_or(DEFAULT_PAGE_SIZE).clamp(1, MAX_PAGE_SIZE)
    }
    /// Rows to skip (for `LIMIT size OFFSET offset`).
    pub fn offset(&self) -> i64 {
        i64::from(self.page() - 1).saturating_mul(i64::from(self.size()))
    }
}

/// How the requester is related to the deceased, asked when making a memorial public (stored
/// with the memorial, so staff can follow up a dispute).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Relation {
    Spouse,
    Child,
    Parent,
    Sibling,
    Grandchild,
    OtherRelative,
}

impl Relation {
    pub const ALL: [Relation; 6] = [
        Relation::Spouse,
        Relation::Child,
        Relation::Parent,
        Relation::Sibling,
        Relation::Grandchild,
        Relation::OtherRelative,
    ];

    /// The stable code on the wire and in the database.
    pub fn code(self) -> &'static str {
        match self {
            Relation::Spouse => "spouse",
            Relation::Child => "child",
            Relation::Parent => "parent",
            Relation::Sibling => "sibling",
            Relation::Grandchild => "grandchild",
            Relation::OtherRelative => "other_relative",
        }
    }

    /// One of the codes, or `MemorialRelation` ("choose how you are related"), also when empty:
    /// the question is a choice, so "fill this in" would not say what to do.
    pub fn parse(code: &str) -> Result<Relation, FieldError> {
        let code = code.trim();
        Relation::ALL.into_iter().find(|r| r.code() == code).ok_or(FieldError::MemorialRelation)
    }
}

/// Make a memorial public: link it to the burial register and say how you are related.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PublishRequest {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::certificate_number))]
    pub certificate_number: String,
    /// One of `spouse`, `child`, `parent`, `sibling`, `grandchild`, `other_relative`.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::relation))]
    pub relation: String,
}

impl PublishRequest {
    /// The normalised certificate number and the relation, or the field errors.
    pub fn validate(&self) -> Result<(String, Relation), FieldErrors> {
        let mut f = FieldErrors::new();
        let number = f.check("certificate_number", super::rules::parse_certificate_number(&self.certificate_number));
        let relation = f.check("relation", Relation::parse(&self.relation));
        match (number, relation) {
            (Some(n), Some(r)) if f.is_empty() => Ok((n, r)),
            _ => Err(f),
        }
    }
}

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

/// A page of a memorial's messages, newest first (hidden ones only for the owner).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MessagePage {
    pub items: Vec<super::MemorialMessage>,
    pub page: u32,
    pub page_size: u32,
    pub total: i64,
}

/// A report in staff's queue, with what was reported.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportView {
    pub id: String,
    pub memorial_id: String,
    pub deceased_name: String,
    pub memorial_visibility: String,
    /// The reported message, when the report is about one.
    pub message_id: Option<String>,
    pub message_text: Option<String>,
    /// The message's author, masked.
    pub message_author: Option<String>,
    pub message_hidden: bool,
    pub reason: String,
    pub created_at: i64,
    /// `open`, `hidden` (message hidden) or `dismissed`.
    pub status: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportList {
    pub items: Vec<ReportView>,
    pub page: u32,
    pub page_size: u32,
    pub total: i64,
}

/// What staff do with a report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportAction {
    /// Hide the reported message (kept, shown to the memorial's owner only, marked hidden).
    HideMessage,
    /// Nothing wrong: close the report.
    Dismiss,
}

/// The wire code of [`ReportAction::HideMessage`].
pub const HIDE_MESSAGE: &str = "hide_message";
/// The wire code of [`ReportAction::Dismiss`].
pub const DISMISS: &str = "dismiss";

/// Staff handle a report: `hide_message` or `dismiss`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReportHandle {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::report_action))]
    pub action: String,
}

impl ReportHandle {
    /// `has_message`: whether the report is about a message (only those can be hidden).
    pub fn validate(&self, has_message: bool) -> Result<ReportAction, FieldErrors> {
        let action = match self.action.trim() {
            HIDE_MESSAGE if has_message => Ok(ReportAction::HideMessage),
            DISMISS => Ok(ReportAction::Dismiss),
            "" => Err(FieldError::Required),
            _ => Err(FieldError::MemorialReportAction),
        };
        action.map_err(|e| {
            let mut f = FieldErrors::new();
            f.add("action", e);
            f
        })
    }
}

impl ReportAction {
    /// The report's status once handled this way.
    pub fn outcome(self) -> &'static str {
        match self {
            ReportAction::HideMessage => "hidden",
            ReportAction::Dismiss => "dismissed",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_are_capped() {
        let q = PageQuery { page: Some(0), page_size: Some(10_000) };
        assert_eq!((q.page(), q.size(), q.offset()), (1, MAX_PAGE_SIZE, 0));
        let q = PageQuery { page: Some(3), page_size: None };
        assert_eq!((q.size(), q.offset()), (DEFAULT_PAGE_SIZE, 40));
        assert_eq!(PageQuery { page: None, page_size: Some(0) }.size(), 1);
    }

    #[test]
    fn relation_is_one_of_the_choices() {
        for r in Relation::ALL {
            assert_eq!(Relation::parse(r.code()), Ok(r));
        }
        assert_eq!(Relation::parse(" "), Err(FieldError::MemorialRelation));
        assert_eq!(Relation::parse("friend"), Err(FieldError::MemorialRelation));
        let req = PublishRequest { certificate_number: "ba-2019-000123".into(), relation: "child".into() };
        assert_eq!(req.validate(), Ok(("BA-2019-000123".into(), Relation::Child)));
        let req = PublishRequest { certificate_number: "x".into(), relation: String::new() };
        let e = req.validate().unwrap_err();
        assert_eq!(e.0.get("certificate_number"), Some(&FieldError::MemorialCertificateFormat));
        assert_eq!(e.0.get("relation"), Some(&FieldError::MemorialRelation));
    }

    #[test]
    fn invitation_status_order() {
        assert_eq!(invitation_status(10, 20, 0, 5, false), "active");
        assert_eq!(invitation_status(10, 20, 5, 5, false), "used_up");
        assert_eq!(invitation_status(20, 20, 0, 5, false), "expired");
        assert_eq!(invitation_status(10, 20, 0, 5, true), "revoked");
    }

    #[test]
    fn only_reported_messages_can_be_hidden() {
        let hide = ReportHandle { action: "hide_message".into() };
        assert_eq!(hide.validate(true), Ok(ReportAction::HideMessage));
        assert_eq!(hide.validate(false).unwrap_err().0.get("action"), Some(&FieldError::MemorialReportAction));
        assert_eq!(ReportHandle { action: "dismiss".into() }.validate(false), Ok(ReportAction::Dismiss));
        assert_eq!(
            ReportHandle { action: "delete".into() }.validate(true).unwrap_err().0.get("action"),
            Some(&FieldError::MemorialReportAction)
        );
    }
}
