//! GET /charity/projects/{id}: one project with its budget, timeline, public ledger,
//! disclosures and badge, and recent gifts — with no donor identity unless the donor chose a
//! display name (anonymous gifts have none stored at all).

use super::store::cards::parse_date;
use super::store::projects::{self, DisclosureRow, ProjectTextRow};
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::Json;
use baoan_contract::charity::{disclosure_badge, DisclosureBadge, ProjectDetail, PublicGift};
use baoan_contract::error::ApiError;
use baoan_contract::rules::date::Date;

/// One project.
#[utoipa::path(get, path = "/charity/projects/{id}", tag = "charity", params(("id" = String, Path)),
    responses((status = 200, body = ProjectDetail), (status = 404, body = ApiError)))]
pub async fn show(State(state): State<AppState>, Path(id): Path<String>) -> AppResult<Json<ProjectDetail>> {
    let db = &state.db;
    let today = state.clock.today();
    let row = projects::card(db, &id).await?;
    let card = row.ok_or_else(|| AppError::no_such("project"))?.into_card(today);
    let mut text = projects::text(db, &id).await?;
    let (description, qualification) = text.take_texts();
    let updates = projects::updates(db, &id).await?;
    let ledger = projects::ledger(db, &id).await?;
    let disclosures = projects::disclosures(db, &id).await?;
    let gifts = projects::recent_gifts(db, &id).await?;
    let period = text.disclosure_period_days;
    Ok(Json(ProjectDetail {
        badge: badge(&disclosures, &text, today),
        card,
        photos: super::photos::of_project(&state, &id).await?,
        description,
        qualification,
        budget: super::store::texts::budget_lines(&text.budget),
        updates: updates.into_iter().map(|u| u.into_update()).collect(),
        ledger: ledger.into_iter().map(|l| l.into_line()).collect(),
        disclosures: disclosures.into_iter().map(|d| d.into_disclosure()).collect(),
        disclosure_period_days: period,
        recent_gifts: gifts
            .into_iter()
            .map(|g| PublicGift {
                display_name: g.display_name,
                amount_fen: g.amount_fen,
                date: Date::from_unix_seconds(g.paid_at, super::CHINA_UTC_OFFSET),
                message: g.message,
            })
            .collect(),
    }))
}

/// A project's disclosure badge on `today`, from its disclosures (newest first): counted from the
/// last one, or from the project's publication while it has none.
pub fn badge(disclosures: &[DisclosureRow], text: &ProjectTextRow, today: Date) -> DisclosureBadge {
    let last = disclosures
        .first()
        .map(|d| parse_date(&d.disclosure_date))
        .unwrap_or_else(|| Date::from_unix_seconds(text.created_at, super::CHINA_UTC_OFFSET));
    disclosure_badge(last, text.disclosure_period_days, today)
}
