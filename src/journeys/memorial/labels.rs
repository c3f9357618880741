//! Codes from the server → this journey's words, and times for display.

use super::i18n::Key;
use baoan_contract::memorial::Relation;

/// "08:00–09:00" from minutes after midnight.
pub fn time_range(start: u32, end: u32) -> String {
    format!("{:02}:{:02}–{:02}:{:02}", start / 60, start % 60, end / 60, end % 60)
}

/// The occasion a bookable day belongs to (a booking window's kind).
pub fn window_kind(kind: &str) -> Key {
    match kind {
        "qingming" => Key::KindQingming,
        "winter_solstice" => Key::KindWinterSolstice,
        _ => Key::KindOther,
    }
}

pub fn relation(r: Relation) -> Key {
    match r {
        Relation::Spouse => Key::RelSpouse,
        Relation::Child => Key::RelChild,
        Relation::Parent => Key::RelParent,
        Relation::Sibling => Key::RelSibling,
        Relation::Grandchild => Key::RelGrandchild,
        Relation::OtherRelative => Key::RelOther,
    }
}

/// An invitation link's state.
pub fn invitation_status(status: &str) -> Key {
    match status {
        "active" => Key::InvActive,
        "expired" => Key::InvExpired,
        "used_up" => Key::InvUsedUp,
        _ => Key::InvRevoked,
    }
}

/// One of the things staff can do at a grave (`PROXY_SERVICES`).
pub fn proxy_service(code: &str) -> Key {
    match code {
        "clean" => Key::ServiceClean,
        "flowers" => Key::ServiceFlowers,
        "wipe_stone" => Key::ServiceWipeStone,
        _ => Key::ServicePhoto,
    }
}

/// A proxy request's state.
pub fn proxy_status(status: &str) -> Key {
    match status {
        "done" => Key::StatusDone,
        "cancelled" => Key::StatusCancelled,
        _ => Key::StatusRequested,
    }
}
