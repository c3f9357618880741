//! A project's or fund's public ledger lines and a project's disclosures as a district imports
//! them (`reference import charity_ledger_lines|charity_disclosures`) and as a charity editor
//! publishes one (`POST /api/v1/staff/charity/ledger-lines|disclosures`): the same row, the same
//! checks. A line a gift wrote is never imported or exported: money raised comes from gifts.

use super::{Counterparty, DisclosureBadge, LedgerKind, ProjectCard};
use crate::api::reference::{check_code, check_localised, check_text, lenient_text, ReferenceRow};
use crate::api::LocalisedText;
use crate::charity::money::validate_recorded_fen;
use crate::error::{FieldError, FieldErrors};
use crate::memorial::check_window_id;
use crate::rules::date::Date;
use serde::{Deserialize, Serialize};

const PURPOSE_MAX: usize = 200;
const TITLE_MAX: usize = 120;
const RECEIPT_MAX: usize = 60;

/// One ledger line of a project or (`fund`) a named fund: exactly one of the two. Its date is
/// not after today (checked by the server, which knows the day).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CharityLedgerLineRow {
    /// The line's stable id: 1–40 of letters, digits, `-` and `_`.
    pub id: String,
    #[serde(default)]
    pub project: Option<String>,
    #[serde(default)]
    pub fund: Option<String>,
    pub date: Date,
    pub kind: LedgerKind,
    /// In fen, positive.
    pub amount_fen: i64,
    /// What the money was for (never a person's name).
    #[serde(deserialize_with = "lenient_text")]
    pub purpose: LocalisedText,
    pub counterparty: Counterparty,
    /// The voucher or invoice number the line rests on.
    pub receipt_ref: String,
}

impl ReferenceRow for CharityLedgerLineRow {
    const KEY_FIELD: &'static str = "id";

    fn key(&self) -> String {
        self.id.clone()
    }

    fn check(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        errors.check("id", check_window_id(&self.id));
        match (&self.project, &self.fund) {
            (Some(project), None) => {
                errors.check("project", check_code(project));
            }
            (None, Some(fund)) => {
                errors.check("fund", check_code(fund));
            }
            (None, None) => errors.add("project", FieldError::Required),
            (Some(_), Some(_)) => errors.add("fund", FieldError::ReferenceRow),
        }
        errors.check("amount_fen", validate_recorded_fen(self.amount_fen));
        check_localised(&mut errors, "purpose", &self.purpose, PURPOSE_MAX, false);
        errors.check("receipt_ref", check_text(&self.receipt_ref, RECEIPT_MAX));
        errors
    }
}

/// A disclosure (信息公开) a project published: its day (not after today) and title.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CharityDisclosureRow {
    pub id: String,
    pub project: String,
    pub date: Date,
    #[serde(deserialize_with = "lenient_text")]
    pub title: LocalisedText,
}

impl ReferenceRow for CharityDisclosureRow {
    const KEY_FIELD: &'static str = "id";

    fn key(&self) -> String {
        self.id.clone()
    }

    fn check(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        errors.check("id", check_window_id(&self.id));
        errors.check("project", check_code(&self.project));
        check_localised(&mut errors, "title", &self.title, TITLE_MAX, false);
        errors
    }
}

/// A date of something that happened: not after `today`.
pub fn check_not_future(date: Date, today: Date) -> Result<(), FieldError> {
    if date > today {
        Err(FieldError::AssistanceDateInFuture)
    } else {
        Ok(())
    }
}

/// `POST /api/v1/staff/charity/ledger-lines`: a charity editor publishes one line of a project
/// of their organisation (the server gives it its id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct LedgerLinePublication {
    pub project: String,
    pub date: Date,
    pub kind: LedgerKind,
    pub amount_fen: i64,
    #[serde(deserialize_with = "lenient_text")]
    pub purpose: LocalisedText,
    pub counterparty: Counterparty,
    pub receipt_ref: String,
}

impl LedgerLinePublication {
    /// The problems a publication on `today` has: the row's own checks (under the request's
    /// field names) and a date after today.
    pub fn check(&self, today: Date) -> FieldErrors {
        dated(self.clone().into_row(NEW_ID.into()).check(), self.date, today)
    }

    /// The ledger-line row it publishes, with its new id.
    pub fn into_row(self, id: String) -> CharityLedgerLineRow {
        CharityLedgerLineRow {
            id,
            project: Some(self.project),
            fund: None,
            date: self.date,
            kind: self.kind,
            amount_fen: self.amount_fen,
            purpose: self.purpose,
            counterparty: self.counterparty,
            receipt_ref: self.receipt_ref,
        }
    }
}

/// `POST /api/v1/staff/charity/disclosures`: a charity editor publishes one disclosure of a
/// project of their organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct DisclosurePublication {
    pub project: String,
    pub date: Date,
    #[serde(deserialize_with = "lenient_text")]
    pub title: LocalisedText,
}

impl DisclosurePublication {
    /// The problems a publication on `today` has, as for a ledger line.
    pub fn check(&self, today: Date) -> FieldErrors {
        dated(self.clone().into_row(NEW_ID.into()).check(), self.date, today)
    }

    pub fn into_row(self, id: String) -> CharityDisclosureRow {
        CharityDisclosureRow { id, project: self.project, date: self.date, title: self.title }
    }
}

/// A publication's row problems and, under `date`, a date after `today`.
fn dated(mut errors: FieldErrors, date: Date, today: Date) -> FieldErrors {
    errors.check("date", check_not_future(date, today));
    errors
}

/// The id a publication is checked under before the server gives it its own.
const NEW_ID: &str = "new";

/// One project of a charity editor's organisation as their work list shows it
/// (`GET /api/v1/staff/charity/projects`): its card, its disclosure badge, and what its public
/// ledger holds so far. The list comes with the next disclosure due first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EditorProject {
    pub card: ProjectCard,
    pub badge: DisclosureBadge,
    pub last_disclosure: Option<Date>,
    pub last_line: Option<Date>,
    /// Income and expense lines published so far, in fen.
    pub income_fen: i64,
    pub expense_fen: i64,
}

/// The answer to a publication: the id the line or disclosure was given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Published {
    pub id: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line() -> CharityLedgerLineRow {
        serde_json::from_str(
            r#"{"id":"example-line-1","project":"example-project","date":"2026-11-02","kind":"expense",
                "amount_fen":120000,"purpose":{"zh_hans":"采购学习用品","en":"School supplies"},
                "counterparty":"supplier","receipt_ref":"EXAMPLE-INV-001"}"#,
        )
        .unwrap()
    }

    #[test]
    fn a_line_belongs_to_a_project_or_a_fund() {
        assert!(line().check().is_empty(), "{:?}", line().check());
        let mut both = line();
        both.fund = Some("example-fund".into());
        assert_eq!(both.check().get("fund"), Some(FieldError::ReferenceRow));
        let mut neither = line();
        neither.project = None;
        assert_eq!(neither.check().get("project"), Some(FieldError::Required));
    }

    #[test]
    fn amounts_and_texts_are_checked() {
        let mut l = line();
        l.amount_fen = 0;
        l.purpose.zh_hans = "".into();
        l.receipt_ref = "a\u{7}".into();
        let errors = l.check();
        assert_eq!(errors.get("amount_fen"), Some(FieldError::CharityAmountNotPositive));
        assert_eq!(errors.get("purpose.zh_hans"), Some(FieldError::Required));
        assert_eq!(errors.get("receipt_ref"), Some(FieldError::ReferenceText));
        let today = Date::new(2026, 11, 1).unwrap();
        assert_eq!(check_not_future(l.date, today), Err(FieldError::AssistanceDateInFuture));
        assert_eq!(check_not_future(today, today), Ok(()));
    }
}
