//! Charity organisations, named funds and fundraising projects: `charity_organisations`,
//! `charity_funds`, `charity_projects`. A project's organiser texts come from its organisation
//! (renaming an organisation's 繁體 or English renames its projects' organiser); its folded
//! search text and search index are written with it (so a 繁體 search finds it). Money raised
//! and donors are never imported: a new project starts at nothing and gifts add to it; a new
//! target recomputes the progress from what was raised.

use super::import::{At, Kind};
use super::places::fill_hant;
use crate::db::DbResult;
use crate::journeys::charity::search_index::index_projects;
use crate::journeys::charity::store::texts::{budget_lines, fund_search_text, StoredBudgetLine};
use crate::localise::{localised, project_search_text};
use async_trait::async_trait;
use baoan_contract::api::reference::{line_field, ReferenceKind};
use baoan_contract::api::LocalisedText;
use baoan_contract::charity::*;
use baoan_contract::error::{FieldError, FieldErrors};
use baoan_contract::rules::date::Date;
use sqlx::AnyConnection;
use std::collections::HashSet;

pub struct Organisations;
pub struct Funds;
pub struct Projects;

/// The first column of every row `sql` selects.
pub async fn keys(conn: &mut AnyConnection, sql: &str) -> DbResult<HashSet<String>> {
    Ok(sqlx::query_as::<_, (String,)>(sql).fetch_all(&mut *conn).await?.into_iter().map(|(k,)| k).collect())
}

/// Makes an organisation of every project organiser that is none yet (the demo's projects).
pub async fn adopt_organisers(conn: &mut AnyConnection) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO charity_organisations (name, name_hant, name_en, sort, active) \
         SELECT organiser, MIN(organiser_hant), MIN(organiser_en), 0, 1 FROM charity_projects p \
         WHERE NOT EXISTS (SELECT 1 FROM charity_organisations o WHERE o.name = p.organiser) GROUP BY organiser",
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// An organisation's name as stored (its 繁體 converted where none is kept).
async fn organisation_name(conn: &mut AnyConnection, name: &str) -> DbResult<LocalisedText> {
    let row: Option<(Option<String>, Option<String>)> =
        sqlx::query_as("SELECT name_hant, name_en FROM charity_organisations WHERE name = $1")
            .bind(name)
            .fetch_optional(&mut *conn)
            .await?;
    let (hant, en) = row.unwrap_or_default();
    Ok(localised(name.to_string(), hant, en))
}

#[async_trait]
impl Kind for Organisations {
    type Row = CharityOrganisationRow;
    const KIND: ReferenceKind = ReferenceKind::CharityOrganisations;

    fn complete(row: &mut CharityOrganisationRow) {
        fill_hant(&mut row.name);
    }

    async fn load(conn: &mut AnyConnection) -> DbResult<Vec<CharityOrganisationRow>> {
        let rows: Vec<(String, Option<String>, Option<String>, i64, i64)> = sqlx::query_as(
            "SELECT name, name_hant, name_en, sort, active FROM charity_organisations ORDER BY sort, name",
        )
        .fetch_all(&mut *conn)
        .await?;
        Ok(rows
            .into_iter()
            .map(|(name, hant, en, sort, active)| CharityOrganisationRow {
                name: localised(name, hant, en),
                order: sort.clamp(0, i64::from(u32::MAX)) as u32,
                active: active != 0,
            })
            .collect())
    }

    async fn write(
        conn: &mut AnyConnection,
        row: &CharityOrganisationRow,
        _: Option<&Self::Row>,
        _: At,
    ) -> DbResult<()> {
        sqlx::query(
            "INSERT INTO charity_organisations (name, name_hant, name_en, sort, active) VALUES ($1, $2, $3, $4, $5) \
             ON CONFLICT (name) DO UPDATE SET name_hant = excluded.name_hant, name_en = excluded.name_en, \
             sort = excluded.sort, active = excluded.active",
        )
        .bind(&row.name.zh_hans)
        .bind(&row.name.zh_hant)
        .bind(row.name.en.clone())
        .bind(i64::from(row.order))
        .bind(i64::from(row.active))
        .execute(&mut *conn)
        .await?;
        // Its projects show its name: their organiser texts and search text follow it.
        let projects: Vec<(String, String, Option<String>, Option<String>)> =
            sqlx::query_as("SELECT id, title, title_hant, title_en FROM charity_projects WHERE organiser = $1")
                .bind(&row.name.zh_hans)
                .fetch_all(&mut *conn)
                .await?;
        let mut texts = Vec::with_capacity(projects.len());
        for (id, title, hant, en) in projects {
            let search = project_search_text(&localised(title, hant, en), &row.name);
            sqlx::query(
                "UPDATE charity_projects SET organiser_hant = $1, organiser_en = $2, search_text = $3 WHERE id = $4",
            )
            .bind(&row.name.zh_hant)
            .bind(row.name.en.clone())
            .bind(&search)
            .bind(&id)
            .execute(&mut *conn)
            .await?;
            texts.push((id, search));
        }
        let refs: Vec<(&str, &str)> = texts.iter().map(|(id, s)| (id.as_str(), s.as_str())).collect();
        index_projects(conn, &refs).await
    }
}

type FundColumns =
    (String, String, Option<String>, Option<String>, String, String, i64, String, Option<String>, Option<String>);

#[async_trait]
impl Kind for Funds {
    type Row = CharityFundRow;
    const KIND: ReferenceKind = ReferenceKind::CharityFunds;

    fn complete(row: &mut CharityFundRow) {
        fill_hant(&mut row.name);
        fill_hant(&mut row.description);
    }

    async fn load(conn: &mut AnyConnection) -> DbResult<Vec<CharityFundRow>> {
        let rows: Vec<FundColumns> = sqlx::query_as(
            "SELECT id, name, name_hant, name_en, founder_type, founded, principal_fen, description, description_hant, \
             description_en FROM charity_funds ORDER BY id",
        )
        .fetch_all(&mut *conn)
        .await?;
        Ok(rows
            .into_iter()
            .filter_map(|(id, n1, n2, n3, founder, founded, principal_fen, d1, d2, d3)| {
                Some(CharityFundRow {
                    id,
                    name: localised(n1, n2, n3),
                    founder_type: FounderType::from_code(&founder)?,
                    founded: Date::parse_iso(&founded)?,
                    principal_fen,
                    description: localised(d1, d2, d3),
                })
            })
            .collect())
    }

    /// A fund cannot be founded after today.
    async fn check_names(
        _conn: &mut AnyConnection,
        rows: &[(usize, CharityFundRow)],
        today: Date,
        errors: &mut FieldErrors,
    ) -> DbResult<()> {
        for (line, row) in rows {
            if let Err(e) = check_not_future(row.founded, today) {
                errors.add(&line_field(*line, "founded"), e);
            }
        }
        Ok(())
    }

    async fn write(conn: &mut AnyConnection, row: &CharityFundRow, _: Option<&Self::Row>, at: At) -> DbResult<()> {
        sqlx::query(
            "INSERT INTO charity_funds (id, name, name_hant, name_en, founder_type, founded, principal_fen, description, \
             description_hant, description_en, search_text, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) \
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, name_hant = excluded.name_hant, \
             name_en = excluded.name_en, founder_type = excluded.founder_type, founded = excluded.founded, \
             principal_fen = excluded.principal_fen, description = excluded.description, \
             description_hant = excluded.description_hant, description_en = excluded.description_en, \
             search_text = excluded.search_text",
        )
        .bind(&row.id)
        .bind(&row.name.zh_hans)
        .bind(&row.name.zh_hant)
        .bind(row.name.en.clone())
        .bind(row.founder_type.code())
        .bind(row.founded.to_iso())
        .bind(row.principal_fen)
        .bind(&row.description.zh_hans)
        .bind(&row.description.zh_hant)
        .bind(row.description.en.clone())
        .bind(fund_search_text(&row.name))
        .bind(at.now)
        .execute(&mut *conn)
        .await?;
        Ok(())
    }
}

/// A row of `charity_projects` as the import row reads it.
#[derive(sqlx::FromRow)]
struct ProjectColumns {
    id: String,
    organiser: String,
    title: String,
    title_hant: Option<String>,
    title_en: Option<String>,
    category: String,
    registration_no: String,
    target_fen: i64,
    end_date: String,
    status: String,
    fund_id: Option<String>,
    description: String,
    description_hant: Option<String>,
    description_en: Option<String>,
    qualification: String,
    qualification_hant: Option<String>,
    qualification_en: Option<String>,
    budget: String,
    disclosure_period_days: i64,
}

fn project_row(c: ProjectColumns) -> Option<CharityProjectRow> {
    Some(CharityProjectRow {
        id: c.id,
        organiser: c.organiser,
        title: localised(c.title, c.title_hant, c.title_en),
        category: Category::from_code(&c.category)?,
        registration_no: c.registration_no,
        target_fen: c.target_fen,
        end_date: Date::parse_iso(&c.end_date)?,
        status: ProjectStatus::from_code(&c.status)?,
        fund: c.fund_id,
        description: localised(c.description, c.description_hant, c.description_en),
        qualification: localised(c.qualification, c.qualification_hant, c.qualification_en),
        budget: budget_lines(&c.budget)
            .into_iter()
            .map(|l| BudgetRow { item: l.item, amount_fen: l.amount_fen })
            .collect(),
        disclosure_period_days: c.disclosure_period_days.clamp(0, i64::from(u32::MAX)) as u32,
    })
}

#[async_trait]
impl Kind for Projects {
    type Row = CharityProjectRow;
    const KIND: ReferenceKind = ReferenceKind::CharityProjects;

    fn complete(row: &mut CharityProjectRow) {
        for text in [&mut row.title, &mut row.description, &mut row.qualification] {
            fill_hant(text);
        }
        for line in &mut row.budget {
            fill_hant(&mut line.item);
        }
    }

    async fn load(conn: &mut AnyConnection) -> DbResult<Vec<CharityProjectRow>> {
        let rows: Vec<ProjectColumns> = sqlx::query_as(
            "SELECT id, organiser, title, title_hant, title_en, category, registration_no, target_fen, end_date, status, \
             fund_id, description, description_hant, description_en, qualification, qualification_hant, \
             qualification_en, budget, disclosure_period_days FROM charity_projects ORDER BY id",
        )
        .fetch_all(&mut *conn)
        .await?;
        Ok(rows.into_iter().filter_map(project_row).collect())
    }

    /// The organiser must be a stored organisation, the fund a stored fund.
    async fn check_names(
        conn: &mut AnyConnection,
        rows: &[(usize, CharityProjectRow)],
        _today: Date,
        errors: &mut FieldErrors,
    ) -> DbResult<()> {
        let organisations = keys(conn, "SELECT name FROM charity_organisations").await?;
        let funds = keys(conn, "SELECT id FROM charity_funds").await?;
        for (line, row) in rows {
            if !row.organiser.is_empty() && !organisations.contains(&row.organiser) {
                errors.add(&line_field(*line, "organiser"), FieldError::ReferenceUnknown);
            }
            if row.fund.as_ref().is_some_and(|f| !funds.contains(f)) {
                errors.add(&line_field(*line, "fund"), FieldError::ReferenceUnknown);
            }
        }
        Ok(())
    }

    async fn write(conn: &mut AnyConnection, row: &CharityProjectRow, _: Option<&Self::Row>, at: At) -> DbResult<()> {
        let organiser = organisation_name(conn, &row.organiser).await?;
        let search = project_search_text(&row.title, &organiser);
        let budget: Vec<StoredBudgetLine> = row
            .budget
            .iter()
            .map(|l| StoredBudgetLine {
                item: l.item.zh_hans.clone(),
                item_hant: Some(l.item.zh_hant.clone()),
                item_en: l.item.en.clone(),
                amount_fen: l.amount_fen,
            })
            .collect();
        let raised: Option<(i64,)> = sqlx::query_as("SELECT raised_fen FROM charity_projects WHERE id = $1")
            .bind(&row.id)
            .fetch_optional(&mut *conn)
            .await?;
        let progress = progress_permille(raised.map_or(0, |(r,)| r), row.target_fen);
        sqlx::query(
            "INSERT INTO charity_projects (id, title, organiser, category, registration_no, target_fen, raised_fen, donors, \
             progress_permille, end_date, status, fund_id, description, qualification, budget, disclosure_period_days, \
             created_at, title_hant, title_en, organiser_hant, organiser_en, search_text, description_hant, description_en, \
             qualification_hant, qualification_en) \
             VALUES ($1, $2, $3, $4, $5, $6, 0, 0, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, \
             $22, $23, $24) \
             ON CONFLICT (id) DO UPDATE SET title = excluded.title, organiser = excluded.organiser, \
             category = excluded.category, registration_no = excluded.registration_no, target_fen = excluded.target_fen, \
             progress_permille = excluded.progress_permille, end_date = excluded.end_date, status = excluded.status, \
             fund_id = excluded.fund_id, description = excluded.description, qualification = excluded.qualification, \
             budget = excluded.budget, disclosure_period_days = excluded.disclosure_period_days, \
             title_hant = excluded.title_hant, title_en = excluded.title_en, organiser_hant = excluded.organiser_hant, \
             organiser_en = excluded.organiser_en, search_text = excluded.search_text, \
             description_hant = excluded.description_hant, description_en = excluded.description_en, \
             qualification_hant = excluded.qualification_hant, qualification_en = excluded.qualification_en",
        )
        .bind(&row.id)
        .bind(&row.title.zh_hans)
        .bind(&row.organiser)
        .bind(row.category.code())
        .bind(&row.registration_no)
        .bind(row.target_fen)
        .bind(progress)
        .bind(row.end_date.to_iso())
        .bind(row.status.code())
        .bind(row.fund.clone())
        .bind(&row.description.zh_hans)
        .bind(&row.qualification.zh_hans)
        .bind(serde_json::to_string(&budget).unwrap_or_else(|_| "[]".into()))
        .bind(i64::from(row.disclosure_period_days))
        .bind(at.now)
        .bind(&row.title.zh_hant)
        .bind(row.title.en.clone())
        .bind(&organiser.zh_hant)
        .bind(organiser.en.clone())
        .bind(&search)
        .bind(&row.description.zh_hant)
        .bind(row.description.en.clone())
        .bind(&row.qualification.zh_hant)
        .bind(row.qualification.en.clone())
        .execute(&mut *conn)
        .await?;
        index_projects(conn, &[(row.id.as_str(), search.as_str())]).await
    }
}
