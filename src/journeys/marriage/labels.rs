//! Code → words, and the helpers every page uses with them: server texts in the resident's language,
//! dates and times.

use super::i18n::Key;
use crate::i18n::{Lang, Msg};
use baoan_contract::api::LocalisedText;
use baoan_contract::marriage::checklist::ChecklistItem;
use baoan_contract::marriage::{clock_time, BookingKind, BookingStatus, Slot};
use baoan_contract::rules::date::Date;

/// A text the server serves in three languages, as plain text (marked where it fell back).
pub fn pick(text: &LocalisedText, lang: Lang) -> String {
    crate::i18n::marked(text, lang)
}

pub fn weekday(d: Date) -> Key {
    [Key::Mon, Key::Tue, Key::Wed, Key::Thu, Key::Fri, Key::Sat, Key::Sun][d.weekday() as usize % 7]
}

/// `2026-12-10 (Thu)` in the resident's language.
pub fn day_label(d: Date, lang: Lang) -> String {
    format!("{} {}", d.to_iso(), Msg::from(weekday(d)).text(lang))
}

pub fn slot_time(s: &Slot) -> String {
    format!("{}–{}", clock_time(s.start_minute), clock_time(s.end_minute))
}

pub fn kind_label(k: BookingKind) -> Key {
    match k {
        BookingKind::Marriage => Key::KindMarriage,
        BookingKind::Divorce => Key::KindDivorce,
        BookingKind::Replacement => Key::KindReplacement,
        BookingKind::DivorceSecondVisit => Key::KindDivorceSecond,
    }
}

pub fn status_label(s: BookingStatus) -> Key {
    match s {
        BookingStatus::AwaitingPartner => Key::StatusAwaiting,
        BookingStatus::Confirmed => Key::StatusConfirmed,
        BookingStatus::Cancelled => Key::StatusCancelled,
        BookingStatus::Expired => Key::StatusExpired,
        BookingStatus::Declined => Key::StatusDeclined,
    }
}

pub fn checklist_label(i: ChecklistItem) -> Key {
    match i {
        ChecklistItem::ResidentIdAndDeclaration => Key::BringResidentId,
        ChecklistItem::HkMacauDocuments => Key::BringHkMacau,
        ChecklistItem::TaiwanDocuments => Key::BringTaiwan,
        ChecklistItem::ForeignDocuments => Key::BringForeign,
        ChecklistItem::JointPhotos => Key::BringJointPhotos,
        ChecklistItem::MarriageCertificates => Key::BringCertificates,
        ChecklistItem::DivorceAgreement => Key::BringAgreement,
        ChecklistItem::ReplacementPhotos => Key::BringReplacementPhotos,
        ChecklistItem::FirstVisitReceipt => Key::BringReceipt,
    }
}
