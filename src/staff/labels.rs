//! Each staff contract code as the words staff read.

use super::i18n::Key;
use baoan_contract::staff::{ReviewAction, Role, Verdict};

pub fn role(r: Role) -> Key {
    match r {
        Role::CommunityReviewer => Key::RoleCommunityReviewer,
        Role::StreetReviewer => Key::RoleStreetReviewer,
        Role::DistrictApprover => Key::RoleDistrictApprover,
        Role::RegistryClerk => Key::RoleRegistryClerk,
        Role::GateStaff => Key::RoleGateStaff,
        Role::CharityEditor => Key::RoleCharityEditor,
        Role::Moderator => Key::RoleModerator,
        Role::DistrictAdmin => Key::RoleDistrictAdmin,
    }
}

/// An action as the reviewer chooses it; advancing from payment means the first payment is made.
pub fn action(a: ReviewAction, at_payment: bool) -> Key {
    match a {
        ReviewAction::Advance if at_payment => Key::ActPay,
        ReviewAction::Advance => Key::ActAdvance,
        ReviewAction::RequestDocuments => Key::ActRequestDocuments,
        ReviewAction::Approve => Key::ActApprove,
        ReviewAction::Refuse => Key::ActRefuse,
    }
}

/// A verdict's headline, and its explanation (with placeholders the page fills).
pub fn verdict(v: Verdict) -> (Key, Key) {
    match v {
        Verdict::Valid => (Key::VValid, Key::VValidText),
        Verdict::Invalid => (Key::VInvalid, Key::VInvalidText),
        Verdict::WrongPlace => (Key::VWrongPlace, Key::VWrongPlaceText),
        Verdict::Cancelled => (Key::VCancelled, Key::VCancelledText),
        Verdict::NotConfirmed => (Key::VNotConfirmed, Key::VNotConfirmedText),
        Verdict::AlreadyUsed => (Key::VAlreadyUsed, Key::VAlreadyUsedText),
        Verdict::WrongDay => (Key::VWrongDay, Key::VWrongDayText),
        Verdict::TooEarly => (Key::VTooEarly, Key::VTooEarlyText),
        Verdict::TooLate => (Key::VTooLate, Key::VTooLateText),
    }
}

/// How the answer looks: go (green), stop (red) or a matter of time (amber). Never colour alone:
/// the headline says it in words.
pub fn tone(v: Verdict) -> &'static str {
    match v {
        Verdict::Valid => "go",
        Verdict::TooEarly | Verdict::TooLate | Verdict::WrongDay | Verdict::NotConfirmed => "wait",
        Verdict::Invalid | Verdict::WrongPlace | Verdict::Cancelled | Verdict::AlreadyUsed => "stop",
    }
}

/// The verdict's contract code (a hook for tests and styles).
pub fn code(v: Verdict) -> &'static str {
    match v {
        Verdict::Valid => "valid",
        Verdict::Invalid => "invalid",
        Verdict::WrongPlace => "wrong_place",
        Verdict::Cancelled => "cancelled",
        Verdict::NotConfirmed => "not_confirmed",
        Verdict::AlreadyUsed => "already_used",
        Verdict::WrongDay => "wrong_day",
        Verdict::TooEarly => "too_early",
        Verdict::TooLate => "too_late",
    }
}
