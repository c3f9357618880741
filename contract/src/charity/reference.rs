//! Charity organisations, named funds and fundraising projects as a district imports them
//! (`reference import charity_organisations|charity_funds|charity_projects`,
//! `PUT /api/v1/staff/reference/{kind}`). Every text is a localised text: 简体 required, 繁體
//! optional (the server converts it from 简体 with OpenCC), English optional (never invented;
//! the app shows the Chinese, marked). Money raised and donors are never imported: they come
//! from gifts.

use super::{Category, FounderType, ProjectStatus};
use crate::api::reference::{
    active_default, check_code, check_localised, check_localised_paragraphs, check_order, lenient_text, ReferenceRow,
};
use crate::api::LocalisedText;
use crate::charity::money::validate_recorded_fen;
use crate::error::{FieldError, FieldErrors};
use crate::rules::date::Date;
use serde::{Deserialize, Serialize};

const NAME_MAX: usize = 80;
const TITLE_MAX: usize = 80;
const DESCRIPTION_MAX: usize = 2000;
const QUALIFICATION_MAX: usize = 300;
const BUDGET_ITEM_MAX: usize = 80;
/// Most lines of a project's budget.
pub const BUDGET_LINES_MAX: usize = 30;
/// Longest disclosure period a project can promise, in days.
pub const DISCLOSURE_PERIOD_MAX_DAYS: u32 = 366;
const REGISTRATION_MAX: usize = 40;

/// A charity organisation, known by its name in 简体 (what its projects' `organiser` and a
/// charity editor's place name). One no longer active is kept with `active: false`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CharityOrganisationRow {
    #[serde(deserialize_with = "lenient_text")]
    pub name: LocalisedText,
    pub order: u32,
    #[serde(default = "active_default")]
    pub active: bool,
}

impl ReferenceRow for CharityOrganisationRow {
    const KEY_FIELD: &'static str = "name.zh_hans";

    fn key(&self) -> String {
        self.name.zh_hans.clone()
    }

    fn normalise(&mut self) {
        self.name.zh_hans = self.name.zh_hans.trim().to_string();
    }

    fn check(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        check_localised(&mut errors, "name", &self.name, NAME_MAX, false);
        check_order(&mut errors, self.order);
        errors
    }
}

/// A named charity fund (冠名慈善基金).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CharityFundRow {
    pub id: String,
    #[serde(deserialize_with = "lenient_text")]
    pub name: LocalisedText,
    pub founder_type: FounderType,
    /// The day it was founded (not after today).
    pub founded: Date,
    /// Its principal, in fen.
    pub principal_fen: i64,
    #[serde(deserialize_with = "lenient_text")]
    pub description: LocalisedText,
}

impl ReferenceRow for CharityFundRow {
    const KEY_FIELD: &'static str = "id";

    fn key(&self) -> String {
        self.id.clone()
    }

    fn check(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        errors.check("id", check_code(&self.id));
        check_localised(&mut errors, "name", &self.name, NAME_MAX, false);
        errors.check("principal_fen", validate_recorded_fen(self.principal_fen));
        check_localised_paragraphs(&mut errors, "description", &self.description, DESCRIPTION_MAX);
        errors
    }
}

/// One line of a project's budget.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct BudgetRow {
    #[serde(deserialize_with = "lenient_text")]
    pub item: LocalisedText,
    pub amount_fen: i64,
}

/// A fundraising project. `organiser` names a stored organisation (its 简体 name), `fund` a
/// stored fund.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct CharityProjectRow {
    pub id: String,
    pub organiser: String,
    #[serde(deserialize_with = "lenient_text")]
    pub title: LocalisedText,
    pub category: Category,
    /// 募捐方案备案编号: letters, digits and `-`.
    pub registration_no: String,
    pub target_fen: i64,
    pub end_date: Date,
    pub status: ProjectStatus,
    #[serde(default)]
    pub fund: Option<String>,
    #[serde(deserialize_with = "lenient_text")]
    pub description: LocalisedText,
    /// The organiser's public-fundraising qualification (公开募捐资格).
    #[serde(deserialize_with = "lenient_text")]
    pub qualification: LocalisedText,
    #[serde(default)]
    pub budget: Vec<BudgetRow>,
    /// How often the project promises to disclose, in days.
    pub disclosure_period_days: u32,
}

/// A registration number: 1–40 ASCII letters, digits and `-`.
pub fn check_registration_no(no: &str) -> Result<(), FieldError> {
    let ok =
        !no.is_empty() && no.len() <= REGISTRATION_MAX && no.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(FieldError::ReferenceCode)
    }
}

impl ReferenceRow for CharityProjectRow {
    const KEY_FIELD: &'static str = "id";

    fn key(&self) -> String {
        self.id.clone()
    }

    fn normalise(&mut self) {
        self.organiser = self.organiser.trim().to_string();
    }

    fn check(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        errors.check("id", check_code(&self.id));
        if self.organiser.is_empty() {
            errors.add("organiser", FieldError::Required);
        }
        check_localised(&mut errors, "title", &self.title, TITLE_MAX, false);
        errors.check("registration_no", check_registration_no(&self.registration_no));
        errors.check("target_fen", validate_recorded_fen(self.target_fen));
        if let Some(fund) = &self.fund {
            errors.check("fund", check_code(fund));
        }
        check_localised_paragraphs(&mut errors, "description", &self.description, DESCRIPTION_MAX);
        check_localised(&mut errors, "qualification", &self.qualification, QUALIFICATION_MAX, false);
        if self.budget.len() > BUDGET_LINES_MAX {
            errors.add("budget", FieldError::FigureRange);
        }
        for (i, line) in self.budget.iter().enumerate() {
            check_localised(&mut errors, &format!("budget.{i}.item"), &line.item, BUDGET_ITEM_MAX, false);
            errors.check(&format!("budget.{i}.amount_fen"), validate_recorded_fen(line.amount_fen));
        }
        if !(1..=DISCLOSURE_PERIOD_MAX_DAYS).contains(&self.disclosure_period_days) {
            errors.add("disclosure_period_days", FieldError::FigureRange);
        }
        errors
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project() -> CharityProjectRow {
        serde_json::from_str(
            r#"{"id":"example-project","organiser":"示例慈善会（示例）","title":{"zh_hans":"示例助学项目"},
                "category":"education","registration_no":"EXAMPLE-0001","target_fen":10000000,
                "end_date":"2027-12-31","status":"fundraising","description":{"zh_hans":"第一段\n第二段"},
                "qualification":{"zh_hans":"示例"},"budget":[{"item":{"zh_hans":"助学金","en":"Grants"},"amount_fen":9000000}],
                "disclosure_period_days":90}"#,
        )
        .unwrap()
    }

    #[test]
    fn a_project_needs_only_simplified_chinese_and_may_have_paragraphs() {
        let p = project();
        assert!(p.check().is_empty(), "{:?}", p.check());
        assert!(p.title.zh_hant.is_empty(), "the server fills it");
        assert_eq!(p.title.en, None, "never invented");
    }

    #[test]
    fn every_bad_field_of_a_project_is_reported() {
        let mut p = project();
        p.registration_no = "备案 1".into();
        p.target_fen = 0;
        p.title.zh_hans = " ".into();
        p.budget[0].amount_fen = -1;
        p.disclosure_period_days = 0;
        p.fund = Some("No Fund".into());
        let errors = p.check();
        assert_eq!(errors.get("registration_no"), Some(FieldError::ReferenceCode));
        assert_eq!(errors.get("target_fen"), Some(FieldError::CharityAmountNotPositive));
        assert_eq!(errors.get("title.zh_hans"), Some(FieldError::Required));
        assert_eq!(errors.get("budget.0.amount_fen"), Some(FieldError::CharityAmountNotPositive));
        assert_eq!(errors.get("disclosure_period_days"), Some(FieldError::FigureRange));
        assert_eq!(errors.get("fund"), Some(FieldError::ReferenceCode));
        assert_eq!(errors.0.len(), 6);
    }

    #[test]
    fn money_raised_cannot_be_imported() {
        let mut json: serde_json::Value = serde_json::to_value(project()).unwrap();
        json["raised_fen"] = serde_json::json!(100);
        assert!(serde_json::from_value::<CharityProjectRow>(json).is_err());
    }
}
