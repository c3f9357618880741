//! Projects: the list (filtered, searched and sorted by the database), the values its filters
//! offer, and one project's details, updates, ledger, disclosures and recent public gifts.

use super::cards::{parse_date, CardRow, LedgerRow, CARD_COLUMNS, CARD_FROM, LEDGER_COLUMNS};
use crate::db::{Db, DbResult};
use crate::localise::localised;
use baoan_contract::api::LocalisedText;
use baoan_contract::charity::{
    Disclosure, FundRef, ProgressUpdate, ProjectQuery, ProjectSort, MAX_QUERY_CHARS, PAGE_SIZE,
};

/// Escapes LIKE's wildcards so a search for "100%" means the text "100%".
pub fn like_pattern(q: &str) -> String {
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
    let typed: String = q.q.as_deref().unwrap_or("").trim().chars().take(MAX_QUERY_CHARS).collect();
    // Folded as the index is (繁體 → 简体, ASCII lowercased; no line breaks, which separate the
    // languages in the stored text).
    let search = crate::localise::fold(&typed).replace(['\n', '\r'], " ");
    // Candidates: projects holding every bigram of the query (one indexed lookup per bigram).
    let grams = super::super::search_index::query_grams(&search);
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
        bind(&mut clauses, "p.search_text LIKE ? ESCAPE '\\'", pattern);
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

/// One page of the projects `q` asks for, and how many there are in all.
pub async fn list(db: &Db, q: &ProjectQuery, page: i64) -> DbResult<(i64, Vec<CardRow>)> {
    let (where_sql, binds) = filters(q);
    let count_sql = format!("SELECT COUNT(*) FROM charity_projects p{where_sql}");
    let mut count = sqlx::query_as::<_, (i64,)>(&count_sql);
    for b in &binds {
        count = count.bind(b);
    }
    let (total,) = count.fetch_one(&db.pool).await?;
    let sql = format!(
        "SELECT {CARD_COLUMNS} FROM {CARD_FROM}{where_sql} ORDER BY {} LIMIT {PAGE_SIZE} OFFSET {}",
        order_by(q.sort.unwrap_or(ProjectSort::Newest)),
        (page - 1) * PAGE_SIZE
    );
    let mut rows = sqlx::query_as::<_, CardRow>(&sql);
    for b in &binds {
        rows = rows.bind(b);
    }
    Ok((total, rows.fetch_all(&db.pool).await?))
}

/// Every organiser (简体, 繁體, English), in order of the 简体 name (the filter's value).
pub async fn organisers(db: &Db) -> DbResult<Vec<LocalisedText>> {
    let organisers: Vec<(String, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT organiser, MAX(organiser_hant), MAX(organiser_en) FROM charity_projects GROUP BY organiser ORDER BY organiser",
    )
    .fetch_all(&db.pool)
    .await?;
    Ok(organisers.into_iter().map(|(hans, hant, en)| localised(hans, hant, en)).collect())
}

/// A named fund's id and name.
#[derive(sqlx::FromRow)]
pub struct FundNameRow {
    pub id: String,
    pub name: String,
    pub name_hant: Option<String>,
    pub name_en: Option<String>,
}

impl FundNameRow {
    pub fn into_ref(self) -> FundRef {
        FundRef { id: self.id, name: localised(self.name, self.name_hant, self.name_en) }
    }
}

/// Every named fund, by name.
pub async fn fund_names(db: &Db) -> DbResult<Vec<FundNameRow>> {
    sqlx::query_as::<_, FundNameRow>("SELECT id, name, name_hant, name_en FROM charity_funds ORDER BY name")
        .fetch_all(&db.pool)
        .await
}

/// A project's card.
pub async fn card(db: &Db, id: &str) -> DbResult<Option<CardRow>> {
    sqlx::query_as::<_, CardRow>(&format!("SELECT {CARD_COLUMNS} FROM {CARD_FROM} WHERE p.id = $1"))
        .bind(id)
        .fetch_optional(&db.pool)
        .await
}

/// What a project's page shows besides its card (`budget` is JSON, `texts::StoredBudgetLine`).
#[derive(sqlx::FromRow)]
pub struct ProjectTextRow {
    description: String,
    description_hant: Option<String>,
    description_en: Option<String>,
    qualification: String,
    qualification_hant: Option<String>,
    qualification_en: Option<String>,
    pub budget: String,
    pub disclosure_period_days: i64,
    pub created_at: i64,
}

impl ProjectTextRow {
    /// The description and the qualification in three languages (taken out of the row).
    pub fn take_texts(&mut self) -> (LocalisedText, LocalisedText) {
        let description =
            localised(std::mem::take(&mut self.description), self.description_hant.take(), self.description_en.take());
        let qualification = localised(
            std::mem::take(&mut self.qualification),
            self.qualification_hant.take(),
            self.qualification_en.take(),
        );
        (description, qualification)
    }
}

pub async fn text(db: &Db, id: &str) -> DbResult<ProjectTextRow> {
    sqlx::query_as::<_, ProjectTextRow>(
        "SELECT description, description_hant, description_en, qualification, qualification_hant, qualification_en, \
         budget, disclosure_period_days, created_at FROM charity_projects WHERE id = $1",
    )
    .bind(id)
    .fetch_one(&db.pool)
    .await
}

/// A progress update.
#[derive(sqlx::FromRow)]
pub struct UpdateRow {
    update_date: String,
    title: String,
    title_hant: Option<String>,
    title_en: Option<String>,
    body: String,
    body_hant: Option<String>,
    body_en: Option<String>,
}

impl UpdateRow {
    pub fn into_update(self) -> ProgressUpdate {
        ProgressUpdate {
            date: parse_date(&self.update_date),
            title: localised(self.title, self.title_hant, self.title_en),
            body: localised(self.body, self.body_hant, self.body_en),
        }
    }
}

pub async fn updates(db: &Db, id: &str) -> DbResult<Vec<UpdateRow>> {
    sqlx::query_as::<_, UpdateRow>(
        "SELECT update_date, title, title_hant, title_en, body, body_hant, body_en FROM charity_updates \
         WHERE project_id = $1 ORDER BY update_date DESC, id",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await
}

/// A project's public ledger, oldest first.
pub async fn ledger(db: &Db, id: &str) -> DbResult<Vec<LedgerRow>> {
    sqlx::query_as::<_, LedgerRow>(&format!(
        "SELECT {LEDGER_COLUMNS} FROM charity_ledger WHERE project_id = $1 ORDER BY entry_date, created_at, id"
    ))
    .bind(id)
    .fetch_all(&db.pool)
    .await
}

/// A disclosure.
#[derive(sqlx::FromRow)]
pub struct DisclosureRow {
    pub disclosure_date: String,
    title: String,
    title_hant: Option<String>,
    title_en: Option<String>,
}

impl DisclosureRow {
    pub fn into_disclosure(self) -> Disclosure {
        Disclosure {
            date: parse_date(&self.disclosure_date),
            title: localised(self.title, self.title_hant, self.title_en),
        }
    }
}

/// A project's disclosures, newest first.
pub async fn disclosures(db: &Db, id: &str) -> DbResult<Vec<DisclosureRow>> {
    sqlx::query_as::<_, DisclosureRow>(
        "SELECT disclosure_date, title, title_hant, title_en FROM charity_disclosures WHERE project_id = $1 \
         ORDER BY disclosure_date DESC, id",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await
}

/// A paid gift as the public sees it: a name only when the donor chose to show one.
#[derive(sqlx::FromRow)]
pub struct PublicGiftRow {
    pub display_name: Option<String>,
    pub amount_fen: i64,
    pub paid_at: i64,
    pub message: String,
}

/// A project's ten latest paid gifts.
pub async fn recent_gifts(db: &Db, id: &str) -> DbResult<Vec<PublicGiftRow>> {
    // Only named gifts select a name; the column is NULL for anonymous ones anyway.
    sqlx::query_as::<_, PublicGiftRow>(
        "SELECT CASE WHEN anonymous = 0 THEN donor_name ELSE NULL END AS display_name, amount_fen, paid_at, message \
         FROM charity_gifts WHERE project_id = $1 AND status = 'paid' ORDER BY paid_at DESC, id LIMIT 10",
    )
    .bind(id)
    .fetch_all(&db.pool)
    .await
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
        // A 繁體 query is folded: it looks up and matches the 简体 form.
        let q = ProjectQuery { q: Some("助學".into()), organiser: Some("X".into()), ..Default::default() };
        let (sql, binds) = filters(&q);
        assert_eq!(
            sql,
            " WHERE p.id IN (SELECT project_id FROM charity_search_grams WHERE gram IN ($1) GROUP BY project_id HAVING COUNT(*) = 1) \
             AND p.search_text LIKE $2 ESCAPE '\\' AND p.organiser = $3"
        );
        assert_eq!(binds, vec!["助学", "%助学%", "X"]);
        // One character: no bigram, the LIKE alone.
        let (sql, _) = filters(&ProjectQuery { q: Some("助".into()), ..Default::default() });
        assert_eq!(sql, " WHERE p.search_text LIKE $1 ESCAPE '\\'");
    }
}
