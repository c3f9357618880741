//! What to bring, by booking kind and documents.

use super::*;
use ChecklistItem::*;

#[test]
fn items_follow_kind_and_documents() {
    let both = [IdType::ResidentId, IdType::ResidentId];
    assert_eq!(checklist(BookingKind::Marriage, &both), vec![ResidentIdAndDeclaration, JointPhotos]);
    assert_eq!(
        checklist(BookingKind::Divorce, &[IdType::ResidentId, IdType::HkMacauPermit]),
        vec![ResidentIdAndDeclaration, HkMacauDocuments, MarriageCertificates, DivorceAgreement]
    );
    assert_eq!(checklist(BookingKind::Replacement, &[IdType::Passport]), vec![ForeignDocuments, ReplacementPhotos]);
}

#[test]
fn the_checklist_cites_the_2025_regulation() {
    let source = checklist_source();
    assert_eq!(source.effective_from, Date::new(2025, 5, 10).unwrap());
    assert_eq!(source.check(), Ok(()));
    assert!(!source.is_example());
}
