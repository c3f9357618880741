//! What to bring, by booking kind and documents.

use super::*;
use ChecklistItem::*;

#[test]
fn items_follow_kind_and_documents() {
    let both = [IdType::ResidentId, IdType::ResidentId];
    assert_eq!(checklist(BookingKind::Marriage, &both), vec![ResidentIdAndHukou, JointPhotos]);
    assert_eq!(
        checklist(BookingKind::Divorce, &[IdType::ResidentId, IdType::HkMacauPermit]),
        vec![ResidentIdAndHukou, HkMacauDocuments, MarriageCertificates, DivorceAgreement]
    );
    assert_eq!(checklist(BookingKind::Replacement, &[IdType::Passport]), vec![ForeignDocuments, ReplacementPhotos]);
}
