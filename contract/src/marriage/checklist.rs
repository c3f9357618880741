//! What to bring to the registry, by booking kind and the parties' documents. The app shows it
//! before the answers are checked and on the confirmation; the server adds it to every booking.

use super::bookings::BookingKind;
use crate::rules::documents::IdType;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChecklistItem {
    /// Each mainland party: resident ID card and household register (户口簿).
    ResidentIdAndHukou,
    /// HK/Macau party: travel permit, HK/Macau identity card, notarised declaration of no spouse.
    HkMacauDocuments,
    /// Taiwan party: travel permit, Taiwan identity card, notarised declaration of no spouse.
    TaiwanDocuments,
    /// Foreign party: passport and a certificate of no marriage, authenticated.
    ForeignDocuments,
    /// Marriage: three recent 2-inch half-length bare-headed joint photos.
    JointPhotos,
    /// Divorce: both marriage certificates.
    MarriageCertificates,
    /// Divorce: the signed divorce agreement, three copies.
    DivorceAgreement,
    /// Replacement: two recent 2-inch joint photos (or single photos after a divorce).
    ReplacementPhotos,
    /// Divorce, second visit: the acknowledgement of the first visit (离婚登记申请受理回执单).
    FirstVisitReceipt,
}

pub fn checklist(kind: BookingKind, id_types: &[IdType]) -> Vec<ChecklistItem> {
    use ChecklistItem::*;
    let mut items = Vec::new();
    let mut add = |item| {
        if !items.contains(&item) {
            items.push(item);
        }
    };
    for t in id_types {
        add(match t {
            IdType::ResidentId => ResidentIdAndHukou,
            IdType::HkMacauPermit => HkMacauDocuments,
            IdType::TaiwanPermit => TaiwanDocuments,
            IdType::Passport => ForeignDocuments,
        });
    }
    match kind {
        BookingKind::Marriage => add(JointPhotos),
        BookingKind::Divorce => {
            add(MarriageCertificates);
            add(DivorceAgreement);
        }
        BookingKind::Replacement => add(ReplacementPhotos),
        BookingKind::DivorceSecondVisit => {
            add(MarriageCertificates);
            add(DivorceAgreement);
            add(FirstVisitReceipt);
        }
    }
    items
}

#[cfg(test)]
mod tests;
