//! Which documents a programme and household need.

use super::*;

#[test]
fn documents_depend_on_programme_and_household() {
    let kinds = |p, r, d| required_documents(p, r, d).into_iter().map(|x| (x.kind, x.essential)).collect::<Vec<_>>();
    let temp = kinds(Programme::Temporary, Residence::Elsewhere, false);
    assert_eq!(temp[0], (DocumentKind::IdCards, true));
    assert!(!temp.iter().any(|(k, _)| *k == DocumentKind::HukouBook), "a migrant has no Bao'an 户口簿");
    assert!(temp.contains(&(DocumentKind::EmergencyProof, false)), "proof of the emergency may follow later");
    let medical = kinds(Programme::ExpenditurePoverty, Residence::BaoanPermit, false);
    assert!(medical.contains(&(DocumentKind::MedicalBills, true)));
    assert!(medical.contains(&(DocumentKind::ResidencePermit, true)));
    let nursing = kinds(Programme::SevereDisabilityNursing, Residence::BaoanHukou, true);
    assert!(nursing.contains(&(DocumentKind::DisabilityCertificate, true)));
    assert_eq!(nursing.iter().filter(|(k, _)| *k == DocumentKind::DisabilityCertificate).count(), 1);
    let dibao = kinds(Programme::MinimumLiving, Residence::BaoanHukou, true);
    assert!(dibao.contains(&(DocumentKind::DisabilityCertificate, false)));
    for k in DocumentKind::ALL {
        assert_eq!(DocumentKind::from_code(k.code()), Some(k));
    }
}
