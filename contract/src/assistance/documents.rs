//! Which documents an application needs: it depends on the programme and the household. An
//! essential document must be there at submission; a non-essential one may follow later
//! (容缺受理), and staff may ask for more (补正).

use super::eligibility::{Programme, Residence};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// 身份证 of every adult member
    IdCards,
    /// 户口簿
    HukouBook,
    /// 居住证
    ResidencePermit,
    /// 收入证明 (payslips, pension statements)
    IncomeProof,
    /// 残疾人证
    DisabilityCertificate,
    /// 医疗费用票据
    MedicalBills,
    /// 事故、火灾、疾病等证明
    EmergencyProof,
    /// 银行卡 (the account to pay into)
    BankCard,
    /// Anything else staff ask for.
    Other,
}

impl DocumentKind {
    pub const ALL: [DocumentKind; 9] = [
        DocumentKind::IdCards,
        DocumentKind::HukouBook,
        DocumentKind::ResidencePermit,
        DocumentKind::IncomeProof,
        DocumentKind::DisabilityCertificate,
        DocumentKind::MedicalBills,
        DocumentKind::EmergencyProof,
        DocumentKind::BankCard,
        DocumentKind::Other,
    ];
    pub fn code(self) -> &'static str {
        match self {
            DocumentKind::IdCards => "id_cards",
            DocumentKind::HukouBook => "hukou_book",
            DocumentKind::ResidencePermit => "residence_permit",
            DocumentKind::IncomeProof => "income_proof",
            DocumentKind::DisabilityCertificate => "disability_certificate",
            DocumentKind::MedicalBills => "medical_bills",
            DocumentKind::EmergencyProof => "emergency_proof",
            DocumentKind::BankCard => "bank_card",
            DocumentKind::Other => "other",
        }
    }
    pub fn from_code(code: &str) -> Option<DocumentKind> {
        DocumentKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// One document the application asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequiredDocument {
    pub kind: DocumentKind,
    /// Must be there at submission; otherwise it may follow later (容缺受理).
    pub essential: bool,
}

/// What to prepare for `programme`, given where the household lives and whether someone in it
/// has a disability certificate.
pub fn required_documents(programme: Programme, residence: Residence, has_disability: bool) -> Vec<RequiredDocument> {
    use DocumentKind::*;
    let need = |kind, essential| RequiredDocument { kind, essential };
    let mut list = vec![need(IdCards, true)];
    match residence {
        Residence::BaoanHukou => list.push(need(HukouBook, true)),
        Residence::BaoanPermit => list.push(need(ResidencePermit, true)),
        Residence::Elsewhere => {}
    }
    match programme {
        Programme::MinimumLiving | Programme::LowIncomeMargin | Programme::ExtremePoverty => {
            list.push(need(IncomeProof, false));
        }
        Programme::Temporary => list.push(need(EmergencyProof, false)),
        Programme::ExpenditurePoverty => {
            list.push(need(MedicalBills, true));
            list.push(need(IncomeProof, false));
        }
        Programme::DisabilityLiving | Programme::SevereDisabilityNursing => {
            list.push(need(DisabilityCertificate, true));
        }
        Programme::ElderlyAllowance => {}
    }
    if has_disability && !list.iter().any(|d| d.kind == DisabilityCertificate) {
        list.push(need(DisabilityCertificate, false));
    }
    list.push(need(BankCard, false));
    list
}

#[cfg(test)]
mod tests;
