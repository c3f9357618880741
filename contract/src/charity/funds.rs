//! Named charity funds (冠名慈善基金) and the district's totals.

use super::projects::{coded, Category, LedgerLine, ProjectCard};
use crate::api::LocalisedText;
use crate::rules::date::Date;
use serde::{Deserialize, Serialize};

coded!(FounderType { Enterprise => "enterprise", Family => "family", Individual => "individual" });
coded!(
    /// The directory's orders: newest founded, most raised, most projects supported, by name.
    FundSort { Newest => "newest", Raised => "raised", Projects => "projects", Name => "name" }
);

/// Funds per page of the directory.
pub const FUND_PAGE_SIZE: i64 = 10;

/// `GET /api/v1/charity/funds?q=&sort=&page=` (newest first when no sort is given).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams, utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct FundQuery {
    /// Words in the fund's name (简体, 繁體 or English: 繁體 is folded to 简体).
    pub q: Option<String>,
    #[cfg_attr(feature = "openapi", param(inline))]
    pub sort: Option<FundSort>,
    /// 1-based.
    pub page: Option<i64>,
}

/// A page of the directory and how many funds match in all.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FundList {
    pub items: Vec<FundCard>,
    pub page: i64,
    pub page_size: i64,
    pub total: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FundCard {
    pub id: String,
    pub name: LocalisedText,
    pub founder_type: FounderType,
    pub founded: Date,
    pub principal_fen: i64,
    pub raised_fen: i64,
    pub spent_fen: i64,
    pub projects_supported: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AnnualReport {
    pub year: i32,
    pub title: LocalisedText,
    pub income_fen: i64,
    pub expense_fen: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FundDetail {
    pub card: FundCard,
    pub description: LocalisedText,
    pub projects: Vec<ProjectCard>,
    pub ledger: Vec<LedgerLine>,
    pub reports: Vec<AnnualReport>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CategoryTotal {
    pub category: Category,
    pub raised_fen: i64,
    pub projects: i64,
}

/// `GET /api/v1/charity/district`: the district's totals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DistrictTotals {
    pub year: i32,
    /// Confirmed gifts this calendar year plus recorded income lines dated this year.
    pub raised_this_year_fen: i64,
    pub funds: i64,
    pub projects: i64,
    pub donors: i64,
    pub by_category: Vec<CategoryTotal>,
}
