//! The standards every rule reads: amounts, ages, thresholds. They are data the server serves
//! at `GET /api/v1/assistance/standards` (from its database), never constants in the app, so the
//! district can raise the 低保 standard without a new release. Each figure carries its
//! [`Provenance`] in `sources` (keyed by [`StandardKey::code`]), so the result page can say what
//! it rests on; the live service refuses to decide with a figure that is only an example.

use crate::error::{FieldError, FieldErrors};
use crate::rules::figures::Provenance;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

mod keys;
pub use keys::StandardKey;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Standards {
    /// 最低生活保障标准: yuan per person per month (the plan raised it from 800 to 1250).
    pub minimum_living_yuan: i64,
    /// 低保边缘: a household up to this percentage of the standard per person (e.g. 150 = 1.5×).
    pub margin_percent: i64,
    /// Savings and other assets may be at most this many months of the standard per person.
    pub asset_limit_months: i64,
    /// 特困: people of this age or older with no supporter may qualify.
    pub extreme_poverty_elderly_age: u32,
    /// 特困: children younger than this with no supporter may qualify.
    pub extreme_poverty_minor_age: u32,
    /// 重度残疾: certificate levels 1..=this are severe (1 and 2 in China's grading).
    pub severe_disability_max_level: u8,
    /// 高龄津贴: registered residents of this age or older.
    pub elderly_allowance_age: u32,
    /// Monthly amounts, shown on the result page so residents know what each programme pays.
    pub elderly_allowance_yuan: i64,
    pub disability_living_subsidy_yuan: i64,
    pub severe_disability_nursing_yuan: i64,
    /// 临时救助: the most one application can pay, in yuan.
    pub temporary_assistance_max_yuan: i64,
    /// 民主评议/公示 lasts this many days.
    pub public_notice_days: i64,
    /// How many days each other review step takes at most (the deadline the app shows).
    pub community_acceptance_days: i64,
    pub home_visit_days: i64,
    pub street_review_days: i64,
    pub district_approval_days: i64,
    pub payment_days: i64,
    /// How long a resident has to send documents staff asked for (补正).
    pub documents_request_days: i64,
    /// Each figure's source and effective date, by [`StandardKey::code`]: every figure has one.
    #[serde(default)]
    pub sources: BTreeMap<String, Provenance>,
}

/// A change of the whole sheet at once: every figure with its source, and who makes it (the
/// signed-in district admin's login at `PUT /api/v1/staff/assistance/standards`, or the CLI's
/// `--by`), kept in the change record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StandardsChange {
    pub changed_by: String,
    pub standards: Standards,
}

/// Longest name kept for who changed the standards.
pub const CHANGED_BY_MAX_CHARS: usize = 100;

impl StandardsChange {
    /// The sheet's own problems plus who is changing it (`changed_by`: non-blank, short). The
    /// live service also refuses figures marked as examples (`allow_examples` false).
    pub fn check(&self, allow_examples: bool) -> FieldErrors {
        let mut errors = self.standards.check();
        let by = self.changed_by.trim().chars().count();
        if by == 0 {
            errors.add("changed_by", FieldError::Required);
        } else if by > CHANGED_BY_MAX_CHARS {
            errors.add("changed_by", FieldError::NameTooLong);
        }
        for (name, source) in &self.standards.sources {
            if source.refused_by_service(allow_examples) {
                errors.add(&format!("sources.{name}"), FieldError::FigureSource);
            }
        }
        errors
    }
}

impl Standards {
    /// Plausible figures for the rules' tests, without sources. Not policy: the demonstration
    /// data (server/data/assistance_standards.example.json) says which figure comes from where.
    pub fn examples() -> Standards {
        Standards {
            minimum_living_yuan: 1250,
            margin_percent: 150,
            asset_limit_months: 24,
            extreme_poverty_elderly_age: 60,
            extreme_poverty_minor_age: 16,
            severe_disability_max_level: 2,
            elderly_allowance_age: 70,
            elderly_allowance_yuan: 200,
            disability_living_subsidy_yuan: 300,
            severe_disability_nursing_yuan: 300,
            temporary_assistance_max_yuan: 15000,
            public_notice_days: 7,
            community_acceptance_days: 5,
            home_visit_days: 10,
            street_review_days: 10,
            district_approval_days: 10,
            payment_days: 10,
            documents_request_days: 10,
            sources: BTreeMap::new(),
        }
    }

    /// The monthly household income (yuan) below which a household of `size` may get 低保.
    pub fn minimum_living_line(&self, size: u32) -> i64 {
        self.minimum_living_yuan * size.max(1) as i64
    }

    /// The monthly household income (yuan) up to which a household is 低保边缘.
    pub fn margin_line(&self, size: u32) -> i64 {
        self.minimum_living_line(size) * self.margin_percent / 100
    }

    /// The most a household of `size` may hold in savings and other assets.
    pub fn asset_limit(&self, size: u32) -> i64 {
        self.minimum_living_line(size) * self.asset_limit_months
    }

    /// The estimated monthly 低保 payment of a household of `size` with this monthly income: the
    /// standard minus the income per person, times the household size (差额补足), never below
    /// zero. Computed on the household totals so that no yuan is lost to rounding per person.
    pub fn minimum_living_estimate(&self, size: u32, monthly_income_yuan: i64) -> i64 {
        (self.minimum_living_line(size) - monthly_income_yuan.max(0)).max(0)
    }

    /// The figure's value, by key (what validation, the staff tools and the result page read).
    pub fn value(&self, key: StandardKey) -> i64 {
        key.read(self)
    }

    /// The source of a figure, if it has one.
    pub fn source(&self, key: StandardKey) -> Option<&Provenance> {
        self.sources.get(key.code())
    }

    /// Whether any figure is only an example (the live service will not decide with these).
    pub fn has_examples(&self) -> bool {
        StandardKey::ALL.iter().any(|k| self.source(*k).is_none_or(Provenance::is_example))
    }

    /// Every problem at once, by field: a value outside its key's range (`figure.range` at the
    /// field's name), a missing or incomplete source, or a source for no figure (`figure.source`
    /// at `sources.<name>`). What the staff endpoint and `standards import` report.
    pub fn check(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        for key in StandardKey::ALL {
            if !key.range().contains(&self.value(key)) {
                errors.add(key.code(), FieldError::FigureRange);
            }
            let source = self.source(key).ok_or(FieldError::FigureSource).and_then(Provenance::check);
            errors.check(&format!("sources.{}", key.code()), source);
        }
        for name in self.sources.keys() {
            if StandardKey::from_code(name).is_none() {
                errors.add(&format!("sources.{name}"), FieldError::FigureSource);
            }
        }
        errors
    }
}

#[cfg(test)]
mod tests;
