//! Named funds: the directory, one fund, and the district's totals.

use super::cards::{CardRow, LedgerRow, CARD_COLUMNS, CARD_FROM, LEDGER_COLUMNS};
use crate::db::{Db, DbResult};
use crate::localise::localised;
use baoan_contract::api::LocalisedText;
use baoan_contract::charity::{FundSort, FUND_PAGE_SIZE};

/// A fund with its totals: raised and spent from its ledger, projects it supports (its name's
/// 繁體 and English last, so the ORDER BY positions below stay).
const FUND_SELECT: &str = "SELECT f.id, f.name, f.founder_type, f.founded, f.principal_fen, \
     (SELECT CAST(COALESCE(SUM(l.amount_fen), 0) AS BIGINT) FROM charity_ledger l WHERE l.fund_id = f.id AND l.kind = 'income') AS raised_fen, \
     (SELECT CAST(COALESCE(SUM(l.amount_fen), 0) AS BIGINT) FROM charity_ledger l WHERE l.fund_id = f.id AND l.kind = 'expense') AS spent_fen, \
     (SELECT COUNT(*) FROM charity_projects p WHERE p.fund_id = f.id) AS projects_supported, \
     f.name_hant, f.name_en \
     FROM charity_funds f";

/// What the directory's search matches: the folded name in every language, or (for a row
/// written without it, until start-up converts it) the 简体 name, ASCII lowercased.
const FUND_SEARCHED: &str = "COALESCE(f.search_text, lower(f.name))";

/// A fund's row (`FUND_SELECT`).
#[derive(sqlx::FromRow)]
pub struct FundRow {
    pub id: String,
    pub name: String,
    pub founder_type: String,
    pub founded: String,
    pub principal_fen: i64,
    pub raised_fen: i64,
    pub spent_fen: i64,
    pub projects_supported: i64,
    pub name_hant: Option<String>,
    pub name_en: Option<String>,
}

impl FundRow {
    /// The fund's name in three languages (taken out of the row).
    pub fn take_name(&mut self) -> LocalisedText {
        localised(std::mem::take(&mut self.name), self.name_hant.take(), self.name_en.take())
    }
}

/// One page of the funds whose name matches `pattern` (a LIKE pattern of the folded query), and
/// how many match.
pub async fn list(db: &Db, pattern: &str, sort: FundSort, page: i64) -> DbResult<(i64, Vec<FundRow>)> {
    // Columns 6 and 8 of FUND_SELECT: total raised, projects supported.
    let order = match sort {
        FundSort::Newest => "f.founded DESC, f.id",
        FundSort::Raised => "6 DESC, f.id",
        FundSort::Projects => "8 DESC, f.id",
        FundSort::Name => "f.name, f.id",
    };
    let (total,): (i64,) =
        sqlx::query_as(&format!("SELECT COUNT(*) FROM charity_funds f WHERE {FUND_SEARCHED} LIKE $1 ESCAPE '\\'"))
            .bind(pattern)
            .fetch_one(&db.pool)
            .await?;
    let rows = sqlx::query_as::<_, FundRow>(&format!(
        "{FUND_SELECT} WHERE {FUND_SEARCHED} LIKE $1 ESCAPE '\\' ORDER BY {order} LIMIT {FUND_PAGE_SIZE} OFFSET {}",
        (page - 1) * FUND_PAGE_SIZE
    ))
    .bind(pattern)
    .fetch_all(&db.pool)
    .await?;
    Ok((total, rows))
}

pub async fn fund(db: &Db, id: &str) -> DbResult<Option<FundRow>> {
    sqlx::query_as::<_, FundRow>(&format!("{FUND_SELECT} WHERE f.id = $1")).bind(id).fetch_optional(&db.pool).await
}

pub async fn description(db: &Db, id: &str) -> DbResult<LocalisedText> {
    let (hans, hant, en): (String, Option<String>, Option<String>) =
        sqlx::query_as("SELECT description, description_hant, description_en FROM charity_funds WHERE id = $1")
            .bind(id)
            .fetch_one(&db.pool)
            .await?;
    Ok(localised(hans, hant, en))
}

/// The projects a fund supports, newest first (at most 50).
pub async fn projects(db: &Db, id: &str) -> DbResult<Vec<CardRow>> {
    sqlx::query_as::<_, CardRow>(&format!(
        "SELECT {CARD_COLUMNS} FROM {CARD_FROM} WHERE p.fund_id = $1 ORDER BY p.created_at DESC, p.id LIMIT 50"
    ))
    .bind(id)
    .fetch_all(&db.pool)
    .await
}

/// A fund's own ledger, oldest first.
pub async fn ledger(db: &Db, id: &str) -> DbResult<Vec<LedgerRow>> {
    sqlx::query_as::<_, LedgerRow>(&format!(
        "SELECT {LEDGER_COLUMNS} FROM charity_ledger WHERE fund_id = $1 ORDER BY entry_date, created_at, id"
    ))
    .bind(id)
    .fetch_all(&db.pool)
    .await
}

/// A fund's annual report.
#[derive(sqlx::FromRow)]
pub struct ReportRow {
    pub year: i64,
    pub title: String,
    pub title_hant: Option<String>,
    pub title_en: Option<String>,
    pub income_fen: i64,
    pub expense_fen: i64,
}

/// A fund's annual reports, latest first.
pub async fn reports(db: &Db, id: &str) -> DbResult<Vec<ReportRow>> {
    sqlx::query_as::<_, ReportRow>(
        "SELECT year, title, title_hant, title_en, income_fen, expense_fen FROM charity_fund_reports WHERE fund_id = $1 ORDER BY year DESC",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await
}

/// Income on the ledger from `from` (an ISO date) on.
pub async fn raised_since(db: &Db, from: &str) -> DbResult<i64> {
    let (raised,): (i64,) = sqlx::query_as(
        "SELECT CAST(COALESCE(SUM(amount_fen), 0) AS BIGINT) FROM charity_ledger WHERE kind = 'income' AND entry_date >= $1",
    )
    .bind(from)
    .fetch_one(&db.pool)
    .await?;
    Ok(raised)
}

pub async fn count(db: &Db) -> DbResult<i64> {
    let (funds,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM charity_funds").fetch_one(&db.pool).await?;
    Ok(funds)
}

/// How many projects there are and their donors in all.
#[derive(sqlx::FromRow)]
pub struct ProjectTotalsRow {
    pub projects: i64,
    pub donors: i64,
}

pub async fn project_totals(db: &Db) -> DbResult<ProjectTotalsRow> {
    sqlx::query_as::<_, ProjectTotalsRow>(
        "SELECT COUNT(*) AS projects, CAST(COALESCE(SUM(donors), 0) AS BIGINT) AS donors FROM charity_projects",
    )
    .fetch_one(&db.pool)
    .await
}

/// A category's raised total and projects.
#[derive(sqlx::FromRow)]
pub struct CategoryRow {
    pub category: String,
    pub raised_fen: i64,
    pub projects: i64,
}

pub async fn per_category(db: &Db) -> DbResult<Vec<CategoryRow>> {
    sqlx::query_as::<_, CategoryRow>(
        "SELECT category, CAST(COALESCE(SUM(raised_fen), 0) AS BIGINT) AS raised_fen, COUNT(*) AS projects \
         FROM charity_projects GROUP BY category",
    )
    .fetch_all(&db.pool)
    .await
}
