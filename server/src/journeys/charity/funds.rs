//! Named funds (冠名慈善基金): the directory, one fund, and the district's totals.

use super::cards::{card, ledger_line, parse_date, CardRow, LedgerRow, CARD_COLUMNS, CARD_FROM, LEDGER_COLUMNS};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::Json;
use baoan_contract::charity::{
    AnnualReport, Category, CategoryTotal, DistrictTotals, FounderType, FundCard, FundDetail, FundList, FundQuery,
    FundSort, FUND_PAGE_SIZE, MAX_QUERY_CHARS,
};
use baoan_contract::error::ApiError;

/// A fund with its totals: raised and spent from its ledger, projects it supports.
const FUND_SELECT: &str = "SELECT f.id, f.name, f.founder_type, f.founded, f.principal_fen, \
     (SELECT CAST(COALESCE(SUM(l.amount_fen), 0) AS BIGINT) FROM charity_ledger l WHERE l.fund_id = f.id AND l.kind = 'income'), \
     (SELECT CAST(COALESCE(SUM(l.amount_fen), 0) AS BIGINT) FROM charity_ledger l WHERE l.fund_id = f.id AND l.kind = 'expense'), \
     (SELECT COUNT(*) FROM charity_projects p WHERE p.fund_id = f.id) \
     FROM charity_funds f";
type FundRow = (String, String, String, String, i64, i64, i64, i64);

fn fund_card(
    (id, name, founder, founded, principal_fen, raised_fen, spent_fen, projects_supported): FundRow,
) -> FundCard {
    FundCard {
        id,
        name,
        founder_type: FounderType::from_code(&founder).unwrap_or(FounderType::Individual),
        founded: parse_date(&founded),
        principal_fen,
        raised_fen,
        spent_fen,
        projects_supported,
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
    // Columns 6 and 8 of FUND_SELECT: total raised, projects supported.
    let order = match q.sort.unwrap_or(FundSort::Newest) {
        FundSort::Newest => "f.founded DESC, f.id",
        FundSort::Raised => "6 DESC, f.id",
        FundSort::Projects => "8 DESC, f.id",
        FundSort::Name => "f.name, f.id",
    };
    let pattern = super::list::like_pattern(&search);
    let (total,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM charity_funds f WHERE f.name LIKE $1 ESCAPE '\\'")
        .bind(&pattern)
        .fetch_one(&state.db.pool)
        .await?;
    let page = q.page.unwrap_or(1).clamp(1, 100_000);
    let rows: Vec<FundRow> = sqlx::query_as(&format!(
        "{FUND_SELECT} WHERE f.name LIKE $1 ESCAPE '\\' ORDER BY {order} LIMIT {FUND_PAGE_SIZE} OFFSET {}",
        (page - 1) * FUND_PAGE_SIZE
    ))
    .bind(&pattern)
    .fetch_all(&state.db.pool)
    .await?;
    Ok(Json(FundList { items: rows.into_iter().map(fund_card).collect(), page, page_size: FUND_PAGE_SIZE, total }))
}

/// One fund: its projects, ledger and annual reports.
#[utoipa::path(get, path = "/charity/funds/{id}", tag = "charity", params(("id" = String, Path)),
    responses((status = 200, body = FundDetail), (status = 404, body = ApiError)))]
pub async fn show(State(state): State<AppState>, Path(id): Path<String>) -> AppResult<Json<FundDetail>> {
    let db = &state.db.pool;
    let row: Option<FundRow> =
        sqlx::query_as(&format!("{FUND_SELECT} WHERE f.id = $1")).bind(&id).fetch_optional(db).await?;
    let card_of_fund = fund_card(row.ok_or_else(|| AppError::no_such("fund"))?);
    let (description,): (String,) =
        sqlx::query_as("SELECT description FROM charity_funds WHERE id = $1").bind(&id).fetch_one(db).await?;
    let today = state.clock.today();
    let projects: Vec<CardRow> = sqlx::query_as(&format!(
        "SELECT {CARD_COLUMNS} FROM {CARD_FROM} WHERE p.fund_id = $1 ORDER BY p.created_at DESC, p.id LIMIT 50"
    ))
    .bind(&id)
    .fetch_all(db)
    .await?;
    let ledger: Vec<LedgerRow> = sqlx::query_as(&format!(
        "SELECT {LEDGER_COLUMNS} FROM charity_ledger WHERE fund_id = $1 ORDER BY entry_date, created_at, id"
    ))
    .bind(&id)
    .fetch_all(db)
    .await?;
    let reports: Vec<(i64, String, i64, i64)> = sqlx::query_as(
        "SELECT year, title, income_fen, expense_fen FROM charity_fund_reports WHERE fund_id = $1 ORDER BY year DESC",
    )
    .bind(&id)
    .fetch_all(db)
    .await?;
    Ok(Json(FundDetail {
        card: card_of_fund,
        description,
        projects: projects.into_iter().map(|r| card(r, today)).collect(),
        ledger: ledger.into_iter().map(ledger_line).collect(),
        reports: reports
            .into_iter()
            .map(|(year, title, income_fen, expense_fen)| AnnualReport {
                year: year as i32,
                title,
                income_fen,
                expense_fen,
            })
            .collect(),
    }))
}

/// The district's totals: raised this year, funds, projects, donors, and raised per category.
#[utoipa::path(get, path = "/charity/district", tag = "charity", responses((status = 200, body = DistrictTotals)))]
pub async fn district(State(state): State<AppState>) -> AppResult<Json<DistrictTotals>> {
    let db = &state.db.pool;
    let year = state.clock.today().year();
    let (raised,): (i64,) = sqlx::query_as(
        "SELECT CAST(COALESCE(SUM(amount_fen), 0) AS BIGINT) FROM charity_ledger WHERE kind = 'income' AND entry_date >= $1",
    )
    .bind(format!("{year:04}-01-01"))
    .fetch_one(db)
    .await?;
    let (funds,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM charity_funds").fetch_one(db).await?;
    let (projects, donors): (i64, i64) =
        sqlx::query_as("SELECT COUNT(*), CAST(COALESCE(SUM(donors), 0) AS BIGINT) FROM charity_projects")
            .fetch_one(db)
            .await?;
    let per_category: Vec<(String, i64, i64)> = sqlx::query_as(
        "SELECT category, CAST(COALESCE(SUM(raised_fen), 0) AS BIGINT), COUNT(*) FROM charity_projects GROUP BY category",
    )
    .fetch_all(db)
    .await?;
    let by_category = Category::ALL
        .iter()
        .map(|c| {
            let found = per_category.iter().find(|(code, _, _)| code == c.code());
            CategoryTotal {
                category: *c,
                raised_fen: found.map(|f| f.1).unwrap_or(0),
                projects: found.map(|f| f.2).unwrap_or(0),
            }
        })
        .collect();
    Ok(Json(DistrictTotals { year, raised_this_year_fen: raised, funds, projects, donors, by_category }))
}
