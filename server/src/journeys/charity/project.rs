//! GET /charity/projects/{id}: one project with its budget, timeline, public ledger,
//! disclosures and badge, and recent gifts — with no donor identity unless the donor chose a
//! display name (anonymous gifts have none stored at all).

use super::cards::{card, ledger_line, parse_date, CardRow, LedgerRow, CARD_COLUMNS, CARD_FROM, LEDGER_COLUMNS};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::Json;
use baoan_contract::charity::{disclosure_badge, BudgetLine, Disclosure, ProgressUpdate, ProjectDetail, PublicGift};
use baoan_contract::error::ApiError;
use baoan_contract::rules::date::Date;

#[derive(serde::Deserialize)]
struct StoredBudgetLine {
    item: String,
    amount_fen: i64,
}

/// One project.
#[utoipa::path(get, path = "/charity/projects/{id}", tag = "charity", params(("id" = String, Path)),
    responses((status = 200, body = ProjectDetail), (status = 404, body = ApiError)))]
pub async fn show(State(state): State<AppState>, Path(id): Path<String>) -> AppResult<Json<ProjectDetail>> {
    let db = &state.db.pool;
    let today = state.clock.today();
    let row: Option<CardRow> = sqlx::query_as(&format!("SELECT {CARD_COLUMNS} FROM {CARD_FROM} WHERE p.id = $1"))
        .bind(&id)
        .fetch_optional(db)
        .await?;
    let card = card(row.ok_or_else(|| AppError::no_such("project"))?, today);
    let (description, qualification, budget, period, created_at): (String, String, String, i64, i64) = sqlx::query_as(
        "SELECT description, qualification, budget, disclosure_period_days, created_at FROM charity_projects WHERE id = $1",
    )
    .bind(&id)
    .fetch_one(db)
    .await?;
    let budget: Vec<StoredBudgetLine> = serde_json::from_str(&budget).unwrap_or_default();
    let updates: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT update_date, title, body FROM charity_updates WHERE project_id = $1 ORDER BY update_date DESC, id",
    )
    .bind(&id)
    .fetch_all(db)
    .await?;
    let ledger: Vec<LedgerRow> = sqlx::query_as(&format!(
        "SELECT {LEDGER_COLUMNS} FROM charity_ledger WHERE project_id = $1 ORDER BY entry_date, created_at, id"
    ))
    .bind(&id)
    .fetch_all(db)
    .await?;
    let disclosures: Vec<(String, String)> = sqlx::query_as(
        "SELECT disclosure_date, title FROM charity_disclosures WHERE project_id = $1 ORDER BY disclosure_date DESC, id",
    )
    .bind(&id)
    .fetch_all(db)
    .await?;
    // Only named gifts select a name; the column is NULL for anonymous ones anyway.
    let gifts: Vec<(Option<String>, i64, i64, String)> = sqlx::query_as(
        "SELECT CASE WHEN anonymous = 0 THEN donor_name ELSE NULL END, amount_fen, paid_at, message \
         FROM charity_gifts WHERE project_id = $1 AND status = 'paid' ORDER BY paid_at DESC, id LIMIT 10",
    )
    .bind(&id)
    .fetch_all(db)
    .await?;
    // No disclosure yet: the clock starts when the project was published.
    let last = disclosures
        .first()
        .map(|(d, _)| parse_date(d))
        .unwrap_or_else(|| Date::from_unix_seconds(created_at, super::CHINA_UTC_OFFSET));
    Ok(Json(ProjectDetail {
        badge: disclosure_badge(last, period, today),
        card,
        photos: super::photos::of_project(&state, &id).await?,
        description,
        qualification,
        budget: budget.into_iter().map(|b| BudgetLine { item: b.item, amount_fen: b.amount_fen }).collect(),
        updates: updates
            .into_iter()
            .map(|(d, title, body)| ProgressUpdate { date: parse_date(&d), title, body })
            .collect(),
        ledger: ledger.into_iter().map(ledger_line).collect(),
        disclosures: disclosures.into_iter().map(|(d, title)| Disclosure { date: parse_date(&d), title }).collect(),
        disclosure_period_days: period,
        recent_gifts: gifts
            .into_iter()
            .map(|(display_name, amount_fen, paid_at, message)| PublicGift {
                display_name,
                amount_fen,
                date: Date::from_unix_seconds(paid_at, super::CHINA_UTC_OFFSET),
                message,
            })
            .collect(),
    }))
}
