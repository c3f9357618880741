//! GET /charity/projects: the list, filtered, searched and sorted by the database, one page
//! at a time. Search is a substring of the title or the organiser (Chinese needs no word
//! segmentation for that): a query of two or more characters first narrows to the projects
//! holding all its bigrams (`search_index`, an indexed lookup), and a LIKE confirms those; a
//! single character is a LIKE scan. See bench/charity-list.sh for the figures.

use super::store::projects;
use crate::error::AppResult;
use crate::state::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::Json;
use baoan_contract::charity::{ProjectFilters, ProjectList, ProjectQuery, PAGE_SIZE};
use baoan_contract::error::ApiError;

/// Projects, a page at a time.
#[utoipa::path(get, path = "/charity/projects", tag = "charity", params(ProjectQuery),
    responses((status = 200, body = ProjectList), (status = 400, body = ApiError)))]
pub async fn list(
    State(state): State<AppState>,
    q: Result<Query<ProjectQuery>, QueryRejection>,
) -> AppResult<Json<ProjectList>> {
    let Query(q) = q.map_err(crate::error::bad_query)?;
    let page = q.page.unwrap_or(1).clamp(1, 100_000);
    let (total, rows) = projects::list(&state.db, &q, page).await?;
    let today = state.clock.today();
    let items = rows.into_iter().map(|r| r.into_card(today)).collect();
    Ok(Json(ProjectList { items, page, page_size: PAGE_SIZE, total }))
}

/// The values the list's filters offer: organisers and named funds.
#[utoipa::path(get, path = "/charity/filters", tag = "charity", responses((status = 200, body = ProjectFilters)))]
pub async fn filter_values(State(state): State<AppState>) -> AppResult<Json<ProjectFilters>> {
    let organisers = projects::organisers(&state.db).await?;
    let funds = projects::fund_names(&state.db).await?;
    Ok(Json(ProjectFilters { organisers, funds: funds.into_iter().map(|f| f.into_ref()).collect() }))
}
