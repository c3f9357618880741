//! Applications (`/api/v1/assistance/applications`): the form with its checks, the resident's
//! list and one application in full, documents added later, and staff's requests and refusals.
//!
//! The form's checks run in the app before submit and in the server on submit. Field names in errors are the form's paths (`applicant.name`, `members.1.id_number`,
//! `bank.account_number`, `consents.members.0`), so the app can put each next to its field.

use super::documents::{required_documents, DocumentKind};
use super::eligibility::{EmergencyKind, Programme};
use super::status::{Stage, Status, TimelineStep};
use crate::error::{FieldError, FieldErrors};
use crate::rules::date::Date;
use crate::rules::documents::{parse_document_number, IdType};
use crate::rules::name::parse_person_name;
use crate::rules::phone::parse_mobile;
use serde::{Deserialize, Serialize};

mod household;
pub use household::*;

/// The most household members one application lists (besides the applicant).
pub const MAX_MEMBERS: usize = 15;
/// The most yuan any amount field accepts.
pub const MAX_AMOUNT_YUAN: i64 = 100_000_000;
/// Free-text fields (address, what happened) are at most this many characters.
pub const MAX_TEXT_CHARS: usize = 500;
/// The highest disability certificate level (1–4; 0 for none).
pub const MAX_DISABILITY_LEVEL: u8 = 4;
/// A bank card or account number has this many digits at least…
pub const MIN_BANK_ACCOUNT_DIGITS: usize = 12;
/// …and at most.
pub const MAX_BANK_ACCOUNT_DIGITS: usize = 25;

/// The household's income per month and its assets, in yuan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Income {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::amount_yuan))]
    pub salary_yuan: i64,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::amount_yuan))]
    pub pension_yuan: i64,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::amount_yuan))]
    pub rent_yuan: i64,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::amount_yuan))]
    pub other_income_yuan: i64,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::amount_yuan))]
    pub savings_yuan: i64,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::amount_yuan))]
    pub vehicles_yuan: i64,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::amount_yuan))]
    pub property_yuan: i64,
}

impl Income {
    pub fn monthly_total(&self) -> i64 {
        self.salary_yuan + self.pension_yuan + self.rent_yuan + self.other_income_yuan
    }
    pub fn assets_total(&self) -> i64 {
        self.savings_yuan + self.vehicles_yuan + self.property_yuan
    }
}

/// What happened (临时救助, 支出型贫困).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Event {
    pub kind: Option<EmergencyKind>,
    /// ISO date.
    pub date: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::required_chars::<{ MAX_TEXT_CHARS }>))]
    pub place: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::required_chars::<{ MAX_TEXT_CHARS }>))]
    pub description: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::amount_yuan))]
    pub expenses_yuan: i64,
}

/// Where to pay the benefit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Bank {
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::required_chars::<{ MAX_TEXT_CHARS }>))]
    pub bank_name: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::person_name))]
    pub holder: String,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::bank_account))]
    pub account_number: String,
}

/// A file uploaded through `POST /api/v1/uploads`, attached as one kind of document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AttachedDocument {
    pub kind: DocumentKind,
    pub upload_id: String,
    #[serde(default)]
    pub name: String,
}

/// Who authorises the means check (居民经济状况核对): `person` is `applicant` or `members.N`;
/// `signed_name` is the name they typed, which must match. The applicant signs for minors.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Consent {
    pub person: String,
    pub signed_name: String,
}

/// `POST /api/v1/assistance/applications` (with an `Idempotency-Key` header).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicationForm {
    pub programme: Programme,
    pub applicant: Applicant,
    #[cfg_attr(feature = "openapi", schema(schema_with = crate::schema::members))]
    pub members: Vec<Member>,
    pub income: Income,
    pub event: Option<Event>,
    pub bank: Bank,
    pub documents: Vec<AttachedDocument>,
    pub consents: Vec<Consent>,
}

fn amount(errors: &mut FieldErrors, field: &str, v: i64) {
    if !(0..=MAX_AMOUNT_YUAN).contains(&v) {
        errors.add(field, FieldError::AssistanceAmount);
    }
}

fn text(errors: &mut FieldErrors, field: &str, v: &str, required: bool) {
    if required && v.trim().is_empty() {
        errors.add(field, FieldError::Required);
    } else if v.chars().count() > MAX_TEXT_CHARS {
        errors.add(field, FieldError::AssistanceTextTooLong);
    }
}

/// A bank card or account number: 12 to 25 digits (spaces allowed while typing).
pub fn parse_bank_account(input: &str) -> Result<String, FieldError> {
    let digits: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    if digits.is_empty() {
        return Err(FieldError::Required);
    }
    let digits_allowed = MIN_BANK_ACCOUNT_DIGITS..=MAX_BANK_ACCOUNT_DIGITS;
    if !digits_allowed.contains(&digits.len()) || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(FieldError::AssistanceBankAccount);
    }
    Ok(digits)
}

/// Who counts as an adult for consent (18 周岁).
pub const ADULT_AGE: u32 = 18;

impl ApplicationForm {
    /// The people who must consent: the applicant and every adult member (by birth date in the ID).
    pub fn consent_people(&self, today: Date) -> Vec<(String, String)> {
        let mut people = vec![("applicant".to_string(), self.applicant.name.trim().to_string())];
        for (i, m) in self.members.iter().enumerate() {
            let adult =
                m.birth_date(today).map(|born| crate::rules::date::age_on(born, today) >= ADULT_AGE).unwrap_or(true);
            if adult {
                people.push((format!("members.{i}"), m.name.trim().to_string()));
            }
        }
        people
    }

    /// Writes each valid ID number as the shared rule normalises it (spaces out, letters
    /// uppercased), so a permit typed `h 1234 5678` is stored as `H12345678`.
    pub fn normalise_ids(&mut self, today: Date) {
        let normalise = |id_type: IdType, number: &mut String| {
            if let Ok(n) = parse_document_number(id_type, number, today) {
                *number = n;
            }
        };
        normalise(self.applicant.id_type, &mut self.applicant.id_number);
        for m in &mut self.members {
            normalise(m.id_type, &mut m.id_number);
        }
    }

    /// Checks every field; `community_known(street, community)` asks the server's list.
    pub fn validate(&self, today: Date, community_known: impl Fn(&str, &str) -> bool) -> Result<(), FieldErrors> {
        let mut e = FieldErrors::new();
        let a = &self.applicant;
        e.check("applicant.name", parse_person_name(&a.name));
        identity(&mut e, "applicant.", a.id_type, &a.id_number, &a.birth_date, today);
        e.check("applicant.phone", parse_mobile(&a.phone));
        if a.residence.is_none() {
            e.add("applicant.residence", FieldError::Required);
        }
        if a.street.is_empty() {
            e.add("applicant.street", FieldError::Required);
        } else if a.community.is_empty() {
            e.add("applicant.community", FieldError::Required);
        } else if !community_known(&a.street, &a.community) {
            e.add("applicant.community", FieldError::AssistanceUnknownCommunity);
        }
        text(&mut e, "applicant.address", &a.address, true);
        if self.members.len() > MAX_MEMBERS {
            e.add("members", FieldError::AssistanceTooManyMembers);
        }
        for (i, m) in self.members.iter().enumerate() {
            let f = |name: &str| format!("members.{i}.{name}");
            if m.relation.is_none() {
                e.add(&f("relation"), FieldError::Required);
            }
            e.check(&f("name"), parse_person_name(&m.name));
            identity(&mut e, &f(""), m.id_type, &m.id_number, &m.birth_date, today);
            if m.work_status.is_none() {
                e.add(&f("work_status"), FieldError::Required);
            }
            amount(&mut e, &f("monthly_income_yuan"), m.monthly_income_yuan);
            if m.disability_level > MAX_DISABILITY_LEVEL {
                e.add(&f("disability_level"), FieldError::AssistanceDisabilityLevel);
            }
            text(&mut e, &f("health"), &m.health, false);
        }
        let inc = &self.income;
        for (field, v) in [
            ("income.salary_yuan", inc.salary_yuan),
            ("income.pension_yuan", inc.pension_yuan),
            ("income.rent_yuan", inc.rent_yuan),
            ("income.other_income_yuan", inc.other_income_yuan),
            ("income.savings_yuan", inc.savings_yuan),
            ("income.vehicles_yuan", inc.vehicles_yuan),
            ("income.property_yuan", inc.property_yuan),
        ] {
            amount(&mut e, field, v);
        }
        if self.programme.needs_event() {
            match &self.event {
                None => e.add("event.kind", FieldError::Required),
                Some(ev) => {
                    if ev.kind.is_none() {
                        e.add("event.kind", FieldError::Required);
                    }
                    match Date::parse_iso(&ev.date) {
                        None => e.add(
                            "event.date",
                            if ev.date.is_empty() { FieldError::Required } else { FieldError::AssistanceDate },
                        ),
                        Some(d) if d > today => e.add("event.date", FieldError::AssistanceDateInFuture),
                        Some(_) => {}
                    }
                    text(&mut e, "event.place", &ev.place, true);
                    text(&mut e, "event.description", &ev.description, true);
                    amount(&mut e, "event.expenses_yuan", ev.expenses_yuan);
                }
            }
        }
        text(&mut e, "bank.bank_name", &self.bank.bank_name, true);
        e.check("bank.holder", parse_person_name(&self.bank.holder));
        e.check("bank.account_number", parse_bank_account(&self.bank.account_number));
        if let Some(residence) = a.residence {
            let disabled = self.members.iter().any(|m| m.disability_level > 0);
            for need in required_documents(self.programme, residence, disabled) {
                if need.essential && !self.documents.iter().any(|d| d.kind == need.kind) {
                    e.add(&format!("documents.{}", need.kind.code()), FieldError::AssistanceDocumentMissing);
                }
            }
        }
        for (person, name) in self.consent_people(today) {
            let signed = self.consents.iter().find(|c| c.person == person);
            match signed {
                None => e.add(&format!("consents.{person}"), FieldError::AssistanceConsentMissing),
                Some(c) if c.signed_name.trim() != name || name.is_empty() => {
                    e.add(&format!("consents.{person}"), FieldError::AssistanceConsentName)
                }
                Some(_) => {}
            }
        }
        e.into_result().map_err(|err| FieldErrors(err.fields))
    }
}

/// One of the resident's applications in 我的申请.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicationSummary {
    pub reference: String,
    pub programme: Programme,
    pub state: Status,
    pub stage: Stage,
    pub submitted_on: Date,
    /// The deadline of the step under way (or of the documents asked for).
    pub next_due: Option<Date>,
}

/// One application in full, for its owner only.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApplicationView {
    pub reference: String,
    pub programme: Programme,
    pub state: Status,
    pub stage: Stage,
    pub submitted_on: Date,
    pub timeline: Vec<TimelineStep>,
    /// Documents staff asked for (补正) and not yet sent.
    pub requested_documents: Vec<DocumentKind>,
    pub requested_note: Option<String>,
    pub requested_by: Option<Date>,
    /// Non-essential documents still to come (容缺受理).
    pub missing_documents: Vec<DocumentKind>,
    pub documents: Vec<AttachedDocument>,
    /// Staff's reason, when refused.
    pub decision_reason: Option<String>,
    pub form: ApplicationForm,
}

/// `POST /api/v1/assistance/applications/{reference}/documents`: add a document later.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AddDocument {
    pub kind: DocumentKind,
    pub upload_id: String,
}

/// Staff: ask for more documents (补正).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RequestDocuments {
    pub kinds: Vec<DocumentKind>,
    pub note: Option<String>,
}

/// Staff: refuse, saying why (shown to the resident as written).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Refusal {
    pub reason: String,
}

#[cfg(test)]
mod tests;
