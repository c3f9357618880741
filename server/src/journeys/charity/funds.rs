//! Named funds (冠名慈善基金): the directory, one fund, and the district's totals.

use super::store::cards::parse_date;
use super::store::funds::{self, FundRow};
use crate::error::{AppError, AppResult};
use crate::localise::localised;
use crate::state::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::Json;
use baoan_contract::charity::{
    AnnualReport, Category, CategoryTotal, DistrictTotals, FounderType, FundCard, FundDetail, FundList, FundQuery,
    FundSort, FUND_PAGE_SIZE, MAX_QUERY_CHARS,
};
use baoan_contract::error::ApiError;

fn fund_card(mut r: FundRow) -> FundCard {
    FundCard {
        name: r.take_name(),
        id: r.id,
        founder_type: FounderType::from_code(&r.founder_type).unwrap_or(FounderType::Individual),
        founded: parse_date(&r.founded),
        principal_fen: r.principal_fen,
        raised_fen: r.raised_fen,
        spent_fen: r.spent_fen,
        projects_supported: r.projects_supported,
    }
}

/// The directory of named funds: searched by name, sorted and paged by the database.
#[utoipa::path(get, path = "/charity/funds", tag = "charity", params(FundQuery),
    responses((status = 200, body = FundList), (status = 400, body = ApiError)))]
pub async fn list(
    State(state): State<AppState>,
    q: Result<Query<FundQuery>, QueryRejection>,
) -> AppResult<Json<FundList>> {
    let Query(q) = q.map_err(crate::error::bad_query)?;
    let search: String = q.q.as_deref().unwrap_or("").trim().chars().take(MAX_QUERY_CHARS).collect();
    // Folded as the stored search text is (繁體 → 简体, ASCII lowercased, one language per line).
    let search = crate::localise::fold(&search).replace(['\n', '\r'], " ");
    let pattern = super::store::projects::like_pattern(&search);
    let page = q.page.unwrap_or(1).clamp(1, 100_000);
    let (total, rows) = funds::list(&state.db, &pattern, q.sort.unwrap_or(FundSort::Newest), page).await?;
    Ok(Json(FundList { items: rows.into_iter().map(fund_card).collect(), page, page_size: FUND_PAGE_SIZE, total }))
}

/// One fund: its projects, ledger and annual reports.
#[utoipa::path(get, path = "/charity/funds/{id}", tag = "charity", params(("id" = String, Path)),
    responses((status = 200, body = FundDetail), (status = 404, body = ApiError)))]
pub async fn show(State(state): State<AppState>, Path(id): Path<String>) -> AppResult<Json<FundDetail>> {
    let db = &state.db;
    let row = funds::fund(db, &id).await?;
    let card_of_fund = fund_card(row.ok_or_else(|| AppError::no_such("fund"))?);
    let description = funds::description(db, &id).await?;
    let today = state.clock.today();
    let projects = funds::projects(db, &id).await?;
    let ledger = funds::ledger(db, &id).await?;
    let reports = funds::reports(db, &id).await?;
    Ok(Json(FundDetail {
        card: card_of_fund,
        description,
        projects: projects.into_iter().map(|r| r.into_card(today)).collect(),
        ledger: ledger.into_iter().map(|l| l.into_line()).collect(),
        reports: reports
            .into_iter()
            .map(|r| AnnualReport {
                year: r.year as i32,
                title: localised(r.title, r.title_hant, r.title_en),
                income_fen: r.income_fen,
                expense_fen: r.expense_fen,
            })
            .collect(),
    }))
}

/// The district's totals: raised this year, funds, projects, donors, and raised per category.
#[utoipa::path(get, path = "/charity/district", tag = "charity", responses((status = 200, body = DistrictTotals)))]
pub async fn district(State(state): State<AppState>) -> AppResult<Json<DistrictTotals>> {
    let db = &state.db;
    let year = state.clock.today().year();
    let raised = funds::raised_since(db, &format!("{year:04}-01-01")).await?;
    let funds = funds::count(db).await?;
    let totals = funds::project_totals(db).await?;
    let (projects, donors) = (totals.projects, totals.donors);
    let per_category = funds::per_category(db).await?;
    let by_category = Category::ALL
        .iter()
        .map(|c| {
            let found = per_category.iter().find(|r| r.category == c.code());
            CategoryTotal {
                category: *c,
                raised_fen: found.map(|f| f.raised_fen).unwrap_or(0),
                projects: found.map(|f| f.projects).unwrap_or(0),
            }
        })
        .collect();
    Ok(Json(DistrictTotals { year, raised_this_year_fen: raised, funds, projects, donors, by_category }))
}
