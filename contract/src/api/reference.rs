//! Reference data a district manages (issue 12 item 5): streets, communities, registry offices,
//! cemeteries and their booking windows, the burial register, charity organisations, funds,
//! projects, ledger lines and disclosures. One shape for every kind: a file of rows, each row checked by its own
//! `check()` (every bad field), the file checked as a whole (a key twice), and each problem
//! named by the row's line. The rows of each kind live with their journey
//! (`assistance::reference`, `marriage::reference`, `memorial::reference`).

use super::LocalisedText;
use crate::error::{FieldError, FieldErrors};
use crate::rules::figures::Provenance;
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;

/// What a district loads: `GET/PUT /api/v1/staff/reference/{kind}`, `reference import KIND`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ReferenceKind {
    /// The streets (街道): `assistance::StreetRow`.
    Streets,
    /// The communities (社区) of each street: `assistance::CommunityRow`.
    Communities,
    /// The marriage registry offices with their hours, capacity and special days:
    /// `marriage::OfficeRow`.
    Offices,
    /// The cemeteries that take visit bookings: `memorial::CemeteryRow`.
    Cemeteries,
    /// A cemetery's booking windows (清明, 冬至…) with their hours and places per slot:
    /// `memorial::BookingWindowRow`.
    BookingWindows,
    /// The cemeteries' burial register: `memorial::BurialRecordRow`.
    BurialRecords,
    /// Charity organisations, by name: `charity::CharityOrganisationRow`.
    CharityOrganisations,
    /// Named charity funds: `charity::CharityFundRow`.
    CharityFunds,
    /// Fundraising projects (never their money raised): `charity::CharityProjectRow`.
    CharityProjects,
    /// Ledger lines of projects and funds (never a gift's): `charity::CharityLedgerLineRow`.
    CharityLedgerLines,
    /// Projects' disclosures: `charity::CharityDisclosureRow`.
    CharityDisclosures,
}

impl ReferenceKind {
    /// Every kind, in the order a district loads them (a row names only kinds before it).
    pub const ALL: [ReferenceKind; 11] = [
        ReferenceKind::Streets,
        ReferenceKind::Communities,
        ReferenceKind::Offices,
        ReferenceKind::Cemeteries,
        ReferenceKind::BookingWindows,
        ReferenceKind::BurialRecords,
        ReferenceKind::CharityOrganisations,
        ReferenceKind::CharityFunds,
        ReferenceKind::CharityProjects,
        ReferenceKind::CharityLedgerLines,
        ReferenceKind::CharityDisclosures,
    ];

    /// The name in paths, files and change records.
    pub fn code(self) -> &'static str {
        match self {
            ReferenceKind::Streets => "streets",
            ReferenceKind::Communities => "communities",
            ReferenceKind::Offices => "offices",
            ReferenceKind::Cemeteries => "cemeteries",
            ReferenceKind::BookingWindows => "booking_windows",
            ReferenceKind::BurialRecords => "burial_records",
            ReferenceKind::CharityOrganisations => "charity_organisations",
            ReferenceKind::CharityFunds => "charity_funds",
            ReferenceKind::CharityProjects => "charity_projects",
            ReferenceKind::CharityLedgerLines => "charity_ledger_lines",
            ReferenceKind::CharityDisclosures => "charity_disclosures",
        }
    }

    pub fn from_code(code: &str) -> Option<ReferenceKind> {
        Self::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// The answer to an import: how many rows the file held and how many changed what was stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReferenceImported {
    pub kind: ReferenceKind,
    pub rows: u32,
    pub changed: u32,
}

/// A row of some kind of reference data.
pub trait ReferenceRow {
    /// The stable key an import updates by (a code, an id, a certificate number).
    fn key(&self) -> String;
    /// The field of the key, where a duplicate is reported.
    const KEY_FIELD: &'static str;
    /// Every bad field of this row alone (fields named as in the row's JSON, e.g. `name.en`).
    fn check(&self) -> FieldErrors;
    /// Puts the row's values in the form they are stored and compared in (e.g. a certificate
    /// number upper-cased), where they are readable; `check` then judges the normalised row.
    fn normalise(&mut self) {}
    /// The policy figures the row sets, each with its source, by field name (e.g.
    /// `max_group_source`): checked by [`check_rows`] as the live service checks every figure.
    fn figures(&self) -> Vec<(&'static str, &Provenance)> {
        Vec::new()
    }
}

/// The field name of a row's problem as reported for a whole file: `line.<n>.<field>` (1-based
/// line of the file, or position in the API's `rows`), `line.<n>` for a row that is unreadable.
pub fn line_field(line: usize, field: &str) -> String {
    if field.is_empty() {
        format!("line.{line}")
    } else {
        format!("line.{line}.{field}")
    }
}

/// Checks every row of a file and the file as a whole (no key twice). Rows come with their line.
/// Every figure's source is checked too and, unless `allow_examples` (demonstration data only),
/// a figure marked as an example is refused (`Provenance::check_for_service`).
pub fn check_rows<R: ReferenceRow>(rows: &[(usize, R)], allow_examples: bool) -> FieldErrors {
    let mut errors = FieldErrors::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for (line, row) in rows {
        for (field, error) in row.check().0 {
            errors.add(&line_field(*line, &field), error);
        }
        for (field, source) in row.figures() {
            if let Err(error) = source.check_for_service(allow_examples) {
                errors.add(&line_field(*line, field), error);
            }
        }
        if seen.insert(row.key(), *line).is_some() {
            errors.add(&line_field(*line, R::KEY_FIELD), FieldError::ReferenceDuplicate);
        }
    }
    errors
}

/// Largest display position (`order`) of a row.
pub const ORDER_MAX: u32 = 100_000;

/// A row's display position: 0..=`ORDER_MAX`.
pub fn check_order(errors: &mut FieldErrors, order: u32) {
    if order > ORDER_MAX {
        errors.add("order", FieldError::FigureRange);
    }
}

/// Longest code or id of a row.
pub const CODE_MAX_CHARS: usize = 40;

/// A stable code: 1–40 of `a-z`, `0-9` and `-`, starting with a letter or digit.
pub fn check_code(code: &str) -> Result<(), FieldError> {
    let ok = !code.is_empty()
        && code.len() <= CODE_MAX_CHARS
        && !code.starts_with('-')
        && code.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(FieldError::ReferenceCode)
    }
}

/// A plain text of at most `max` characters: not blank, no control characters.
pub fn check_text(text: &str, max: usize) -> Result<(), FieldError> {
    if text.trim().is_empty() {
        Err(FieldError::Required)
    } else if text.chars().count() > max || text.chars().any(char::is_control) {
        Err(FieldError::ReferenceText)
    } else {
        Ok(())
    }
}

/// A text of paragraphs (a description): as [`check_text`], but line breaks are allowed.
pub fn check_paragraphs(text: &str, max: usize) -> Result<(), FieldError> {
    check_text(&text.replace(['\n', '\r'], " "), max)
}

/// [`check_localised`] for a localised text of paragraphs ([`check_paragraphs`]), English
/// optional.
pub fn check_localised_paragraphs(errors: &mut FieldErrors, field: &str, text: &LocalisedText, max: usize) {
    let flat = |t: &str| t.replace(['\n', '\r'], " ");
    let flat =
        LocalisedText { zh_hans: flat(&text.zh_hans), zh_hant: flat(&text.zh_hant), en: text.en.as_deref().map(flat) };
    check_localised(errors, field, &flat, max, false);
}

/// Checks a localised text: 简体 always, 繁體 when given (the server converts a missing or blank one),
/// English when `english_required` (the journey serves it without a fallback) or when given.
pub fn check_localised(
    errors: &mut FieldErrors,
    field: &str,
    text: &LocalisedText,
    max: usize,
    english_required: bool,
) {
    errors.check(&format!("{field}.zh_hans"), check_text(&text.zh_hans, max));
    if !text.zh_hant.trim().is_empty() {
        errors.check(&format!("{field}.zh_hant"), check_text(&text.zh_hant, max));
    }
    match &text.en {
        Some(en) => {
            errors.check(&format!("{field}.en"), check_text(en, max));
        }
        None if english_required => errors.add(&format!("{field}.en"), FieldError::Required),
        None => {}
    }
}

/// Reads a `LocalisedText` whose `zh_hant` may be left out (then empty: the server fills it from
/// 简体 with OpenCC before the row is checked against what is stored). For import rows only.
pub fn lenient_text<'de, D: Deserializer<'de>>(d: D) -> Result<LocalisedText, D::Error> {
    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Given {
        zh_hans: String,
        #[serde(default)]
        zh_hant: Option<String>,
        #[serde(default)]
        en: Option<String>,
    }
    let g = Given::deserialize(d)?;
    Ok(LocalisedText { zh_hans: g.zh_hans, zh_hant: g.zh_hant.unwrap_or_default(), en: g.en })
}

/// `true`: the default of a row's `active`.
pub fn active_default() -> bool {
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_lowercase_words_joined_by_hyphens() {
        assert!(check_code("xinan-haiyu").is_ok());
        assert!(check_code("baoan2").is_ok());
        for bad in ["", "-x", "Xinan", "xin an", "新安", &"a".repeat(41)] {
            assert_eq!(check_code(bad), Err(FieldError::ReferenceCode), "{bad:?}");
        }
    }

    #[test]
    fn texts_are_plain_and_bounded() {
        assert!(check_text("宝安区", 10).is_ok());
        assert_eq!(check_text("  ", 10), Err(FieldError::Required));
        assert_eq!(check_text("a\u{0007}b", 10), Err(FieldError::ReferenceText));
        assert_eq!(check_text(&"字".repeat(11), 10), Err(FieldError::ReferenceText));
    }

    #[test]
    fn every_kind_round_trips_its_code() {
        for k in ReferenceKind::ALL {
            assert_eq!(ReferenceKind::from_code(k.code()), Some(k));
        }
        assert_eq!(ReferenceKind::from_code("parishes"), None);
    }
}
