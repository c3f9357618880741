//! What to bring to the registry, by booking kind and the parties' documents. The app shows it
//! before the answers are checked and on the confirmation; the server adds it to every booking.

use super::bookings::BookingKind;
use crate::rules::date::Date;
use crate::rules::documents::IdType;
use crate::rules::figures::{Basis, Provenance};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChecklistItem {
    /// Each mainland party: the resident ID card, and the declaration of no spouse and no close
    /// blood relation to the other party, signed at the registry. Since the 2025 revision of the
    /// 婚姻登记条例 (in force 2025-05-10) the household register (户口簿) is no longer asked for,
    /// and any registry in the country may register (not only the one of the 户籍).
    ResidentIdAndDeclaration,
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

/// What the checklist follows: the 婚姻登记条例 as revised by the State Council in 2025, in force
/// from 2025-05-10. Not checked against the published text here (no copy in the repository):
/// the article reference names the provisions on the documents to show rather than a number.
pub fn checklist_source() -> Provenance {
    Provenance {
        basis: Basis::Document {
            document: "《婚姻登记条例》（2025 年修订）".into(),
            article: "结婚登记、离婚登记应当出具的证件和证明材料".into(),
        },
        effective_from: Date::new(2025, 5, 10).expect("a real date"),
    }
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
            IdType::ResidentId => ResidentIdAndDeclaration,
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
