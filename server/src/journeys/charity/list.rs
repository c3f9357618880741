//! GET /charity/projects: the list, filtered, searched and sorted by the database, one page
//! at a time. Search is a substring of the title or the organiser (Chinese needs no word
//! segmentation for that): a query of two or more characters first narrows to the projects
//! holding all its bigrams (`search_index`, an indexed lookup), and a LIKE confirms those; a
//! single character is a LIKE scan. See bench/charity-list.sh for the figures.

use super::cards::{card, CardRow, CARD_COLUMNS, CARD_FROM};
use crate::error::AppResult;
use crate::state::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::Json;
use baoan_contract::charity::{
    FundRef, ProjectFilters, ProjectList, ProjectQuery, ProjectSort, MAX_QUERY_CHARS, PAGE_SIZE,
};
use baoan_contract::error::ApiError;

/// Escapes LIKE's wildcards so a search for "100%" means the text "100%".
pub(super) fn like_pattern(q: &str) -> String {
    let mut p = String::from("%");
    for c in q.chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

/// The WHERE clause and its binds (all text, `$1…` in order).
fn filters(q: &ProjectQuery) -> (String, Vec<String>) {
    let mut clauses: Vec<String> = Vec::new();
    let mut binds: Vec<String> = Vec::new();
    let search: String = q.q.as_deref().unwrap_or("").trim().chars().take(MAX_QUERY_CHARS).collect();
    // Candidates: projects holding every bigram of the query (one indexed lookup per bigram).
    let grams = super::search_index::query_grams(&search);
    if !grams.is_empty() {
        let placeholders: Vec<String> = (1..=grams.len()).map(|k| format!("${k}")).collect();
        clauses.push(format!(
            "p.id IN (SELECT project_id FROM charity_search_grams WHERE gram IN ({}) GROUP BY project_id HAVING COUNT(*) = {})",
            placeholders.join(", "),
            grams.len()
        ));
        binds.extend(grams);
    }
    let mut bind = |clauses: &mut Vec<String>, sql: &str, value: String| {
        binds.push(value);
        clauses.push(sql.replace('?', &format!("${}", binds.len())));
    };
    if !search.is_empty() {
        // The exact substring (also what a one-character query is matched by alone).
        let pattern = like_pattern(&search);
        bind(&mut clauses, "(p.title LIKE ? ESCAPE '\\'", pattern.clone());
        let last = clauses.pop().unwrap_or_default();
        bind(&mut clauses, &format!("{last} OR p.organiser LIKE ? ESCAPE '\\')"), pattern);
    }
    if let Some(status) = q.status {
        bind(&mut clauses, "p.status = ?", status.code().to_string());
    }
    if let Some(organiser) = q.organiser.as_deref().filter(|o| !o.is_empty()) {
        bind(&mut clauses, "p.organiser = ?", organiser.to_string());
    }
    if let Some(fund) = q.fund.as_deref().filter(|f| !f.is_empty()) {
        bind(&mut clauses, "p.fund_id = ?", fund.to_string());
    }
    if let Some(category) = q.category {
        bind(&mut clauses, "p.category = ?", category.code().to_string());
    }
    let sql = if clauses.is_empty() { String::new() } else { format!(" WHERE {}", clauses.join(" AND ")) };
    (sql, binds)
}

fn order_by(sort: ProjectSort) -> &'static str {
    match sort {
        ProjectSort::Newest => "p.created_at DESC, p.id",
        ProjectSort::NearlyFunded => "p.progress_permille DESC, p.id",
        ProjectSort::MostDonors => "p.donors DESC, p.id",
        // Open projects first, soonest end first; finished ones after.
        ProjectSort::EndingSoon => "CASE WHEN p.status = 'fundraising' THEN 0 ELSE 1 END, p.end_date, p.id",
    }
}

/// Projects, a page at a time.
#[utoipa::path(get, path = "/charity/projects", tag = "charity", params(ProjectQuery),
    responses((status = 200, body = ProjectList), (status = 400, body = ApiError)))]
pub async fn list(
    State(state): State<AppState>,
    q: Result<Query<ProjectQuery>, QueryRejection>,
) -> AppResult<Json<ProjectList>> {
    let Query(q) = q.map_err(crate::error::bad_query)?;
    let (where_sql, binds) = filters(&q);
    let count_sql = format!("SELECT COUNT(*) FROM charity_projects p{where_sql}");
    let mut count = sqlx::query_as::<_, (i64,)>(&count_sql);
    for b in &binds {
        count = count.bind(b);
    }
    let (total,) = count.fetch_one(&state.db.pool).await?;
    let page = q.page.unwrap_or(1).clamp(1, 100_000);
    let sql = format!(
        "SELECT {CARD_COLUMNS} FROM {CARD_FROM}{where_sql} ORDER BY {} LIMIT {PAGE_SIZE} OFFSET {}",
        order_by(q.sort.unwrap_or(ProjectSort::Newest)),
        (page - 1) * PAGE_SIZE
    );
    let mut rows = sqlx::query_as::<_, CardRow>(&sql);
    for b in &binds {
        rows = rows.bind(b);
    }
    let today = state.clock.today();
    let items = rows.fetch_all(&state.db.pool).await?.into_iter().map(|r| card(r, today)).collect();
    Ok(Json(ProjectList { items, page, page_size: PAGE_SIZE, total }))
}

/// The values the list's filters offer: organisers and named funds.
#[utoipa::path(get, path = "/charity/filters", tag = "charity", responses((status = 200, body = ProjectFilters)))]
pub async fn filter_values(State(state): State<AppState>) -> AppResult<Json<ProjectFilters>> {
    let organisers: Vec<(String,)> =
        sqlx::query_as("SELECT DISTINCT organiser FROM charity_projects ORDER BY organiser")
            .fetch_all(&state.db.pool)
            .await?;
    let funds: Vec<(String, String)> =
        sqlx::query_as("SELECT id, name FROM charity_funds ORDER BY name").fetch_all(&state.db.pool).await?;
    Ok(Json(ProjectFilters {
        organisers: organisers.into_iter().map(|(o,)| o).collect(),
        funds: funds.into_iter().map(|(id, name)| FundRef { id, name }).collect(),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_wildcards_are_escaped() {
        assert_eq!(like_pattern("助学"), "%助学%");
        assert_eq!(like_pattern("100%_a\\"), "%100\\%\\_a\\\\%");
    }

    #[test]
    fn binds_are_numbered_in_order() {
        let q = ProjectQuery { q: Some("助学".into()), organiser: Some("X".into()), ..Default::default() };
        let (sql, binds) = filters(&q);
        assert_eq!(
            sql,
            " WHERE p.id IN (SELECT project_id FROM charity_search_grams WHERE gram IN ($1) GROUP BY project_id HAVING COUNT(*) = 1) \
             AND (p.title LIKE $2 ESCAPE '\\' OR p.organiser LIKE $3 ESCAPE '\\') AND p.organiser = $4"
        );
        assert_eq!(binds, vec!["助学", "%助学%", "%助学%", "X"]);
        // One character: no bigram, the LIKE alone.
        let (sql, _) = filters(&ProjectQuery { q: Some("助".into()), ..Default::default() });
        assert_eq!(sql, " WHERE (p.title LIKE $1 ESCAPE '\\' OR p.organiser LIKE $2 ESCAPE '\\')");
    }
}
