//! The SQL of this journey: standards, communities, applications and their history. Every read
//! of an application is by (reference, owner) so another resident's record is simply not found.

use crate::db::{new_id, Db, DbResult};
use crate::error::{AppError, AppResult};
use baoan_contract::assistance::*;
use baoan_contract::rules::date::Date;
use sqlx::AnyConnection;

/// The standards as the database holds them (one row per field of `Standards`).
pub async fn standards(db: &Db) -> AppResult<Standards> {
    /// One standard: a field of `Standards` and its value.
    #[derive(sqlx::FromRow)]
    struct StandardRow {
        key: String,
        value: i64,
    }
    let rows =
        sqlx::query_as::<_, StandardRow>("SELECT key, value FROM assistance_standards").fetch_all(&db.pool).await?;
    let object: serde_json::Map<String, serde_json::Value> =
        rows.into_iter().map(|r| (r.key, r.value.into())).collect();
    serde_json::from_value(serde_json::Value::Object(object)).map_err(|e| {
        tracing::error!(error = %e, "assistance_standards is missing a standard");
        AppError::new(baoan_contract::ErrorCode::Internal, "Standards incomplete")
    })
}

pub async fn communities(db: &Db) -> DbResult<Vec<Community>> {
    /// A row of `assistance_communities`.
    #[derive(sqlx::FromRow)]
    struct CommunityRow {
        code: String,
        street: String,
        name_zh_hans: String,
        name_zh_hant: String,
        name_en: String,
    }
    let rows = sqlx::query_as::<_, CommunityRow>(
        "SELECT code, street, name_zh_hans, name_zh_hant, name_en FROM assistance_communities ORDER BY sort_order",
    )
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|CommunityRow { code, street, name_zh_hans, name_zh_hant, name_en }| Community {
            code,
            street,
            name_zh_hans,
            name_zh_hant,
            name_en,
        })
        .collect())
}

/// One application row.
pub struct Row {
    pub id: String,
    pub reference: String,
    pub user_id: String,
    pub programme: Programme,
    pub state: Status,
    pub stage: Stage,
    pub form: ApplicationForm,
    pub requested: Vec<DocumentKind>,
    pub requested_note: Option<String>,
    pub requested_by: Option<Date>,
    pub decision_reason: Option<String>,
    pub submitted_at: i64,
}

/// A row of `assistance_applications` as stored (`COLUMNS`).
#[derive(sqlx::FromRow)]
struct RawRow {
    id: String,
    reference: String,
    user_id: String,
    programme: String,
    state: String,
    stage: String,
    form: String,
    requested_documents: String,
    requested_note: Option<String>,
    requested_by: Option<String>,
    decision_reason: Option<String>,
    submitted_at: i64,
}

const COLUMNS: &str = "id, reference, user_id, programme, state, stage, form, requested_documents, requested_note, \
                       requested_by, decision_reason, submitted_at";

fn parse(r: RawRow) -> Option<Row> {
    Some(Row {
        id: r.id,
        reference: r.reference,
        user_id: r.user_id,
        programme: Programme::from_code(&r.programme)?,
        state: Status::from_code(&r.state)?,
        stage: Stage::from_code(&r.stage)?,
        form: serde_json::from_str(&r.form).ok()?,
        requested: kinds_from(&r.requested_documents),
        requested_note: r.requested_note,
        requested_by: r.requested_by.as_deref().and_then(Date::parse_iso),
        decision_reason: r.decision_reason,
        submitted_at: r.submitted_at,
    })
}

pub fn kinds_to(kinds: &[DocumentKind]) -> String {
    kinds.iter().map(|k| k.code()).collect::<Vec<_>>().join(",")
}

fn kinds_from(s: &str) -> Vec<DocumentKind> {
    s.split(',').filter_map(DocumentKind::from_code).collect()
}

/// The application with this reference if it belongs to `user_id`; `None` for staff (any owner).
pub async fn find(db: &Db, reference: &str, user_id: Option<&str>) -> AppResult<Row> {
    let raw: Option<RawRow> = match user_id {
        Some(u) => {
            sqlx::query_as::<_, RawRow>(&format!(
                "SELECT {COLUMNS} FROM assistance_applications WHERE reference = $1 AND user_id = $2"
            ))
            .bind(reference)
            .bind(u)
            .fetch_optional(&db.pool)
            .await?
        }
        None => {
            sqlx::query_as::<_, RawRow>(&format!("SELECT {COLUMNS} FROM assistance_applications WHERE reference = $1"))
                .bind(reference)
                .fetch_optional(&db.pool)
                .await?
        }
    };
    raw.and_then(parse).ok_or_else(AppError::not_found)
}

/// One page of the resident's applications, newest first.
pub async fn list_for(db: &Db, user_id: &str, page: baoan_contract::api::PageQuery) -> AppResult<Vec<Row>> {
    let raws = sqlx::query_as::<_, RawRow>(&format!(
        "SELECT {COLUMNS} FROM assistance_applications WHERE user_id = $1 ORDER BY submitted_at DESC, reference DESC \
         LIMIT {} OFFSET {}",
        page.limit(),
        page.offset()
    ))
    .bind(user_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(raws.into_iter().filter_map(parse).collect())
}

pub async fn documents(db: &Db, application_id: &str) -> DbResult<Vec<AttachedDocument>> {
    /// A document attached to an application.
    #[derive(sqlx::FromRow)]
    struct DocumentRow {
        kind: String,
        upload_id: String,
        name: String,
    }
    let rows = sqlx::query_as::<_, DocumentRow>(
        "SELECT kind, upload_id, name FROM assistance_documents WHERE application_id = $1 ORDER BY added_at, upload_id",
    )
    .bind(application_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(AttachedDocument { kind: DocumentKind::from_code(&r.kind)?, upload_id: r.upload_id, name: r.name })
        })
        .collect())
}

/// Records a status change; `stage` is the step that begins with it, if any.
pub async fn record(
    conn: &mut AnyConnection,
    application_id: &str,
    now: i64,
    today: Date,
    event: &str,
    stage: Option<Stage>,
    detail: Option<&str>,
) -> DbResult<()> {
    sqlx::query("INSERT INTO assistance_history (id, application_id, at, day, event, stage, detail) VALUES ($1, $2, $3, $4, $5, $6, $7)")
        .bind(new_id())
        .bind(application_id)
        .bind(now)
        .bind(today.to_iso())
        .bind(event)
        .bind(stage.map(Stage::code))
        .bind(detail)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// The dates each step began, and the day the first payment was made.
async fn history(db: &Db, application_id: &str) -> DbResult<(Vec<(Stage, Date)>, Option<Date>)> {
    /// A step of an application's history.
    #[derive(sqlx::FromRow)]
    struct HistoryRow {
        event: String,
        day: String,
        stage: Option<String>,
    }
    let rows = sqlx::query_as::<_, HistoryRow>(
        "SELECT event, day, stage FROM assistance_history WHERE application_id = $1 ORDER BY at, id",
    )
    .bind(application_id)
    .fetch_all(&db.pool)
    .await?;
    let mut started = Vec::new();
    let mut paid = None;
    for HistoryRow { event, day, stage } in rows {
        let Some(day) = Date::parse_iso(&day) else { continue };
        if event == "paid" {
            paid = Some(day);
        }
        if let Some(stage) = stage.as_deref().and_then(Stage::from_code) {
            started.push((stage, day));
        }
    }
    Ok((started, paid))
}

pub fn submitted_on(row: &Row) -> Date {
    Date::from_unix_seconds(row.submitted_at, baoan_contract::rules::date::SHENZHEN_UTC_OFFSET)
}

/// The full view of one application, for its owner (full ID numbers included).
pub async fn view(db: &Db, row: Row, s: &Standards) -> AppResult<ApplicationView> {
    let documents = documents(db, &row.id).await?;
    let (started, paid) = history(db, &row.id).await?;
    let timeline = timeline(&started, row.stage, row.state, paid, s);
    let residence = row.form.applicant.residence.unwrap_or(Residence::Elsewhere);
    let disabled = row.form.members.iter().any(|m| m.disability_level > 0);
    let missing_documents = required_documents(row.programme, residence, disabled)
        .into_iter()
        .filter(|need| !documents.iter().any(|d| d.kind == need.kind))
        .map(|need| need.kind)
        .collect();
    Ok(ApplicationView {
        submitted_on: submitted_on(&row),
        reference: row.reference,
        programme: row.programme,
        state: row.state,
        stage: row.stage,
        timeline,
        requested_documents: row.requested,
        requested_note: row.requested_note,
        requested_by: row.requested_by,
        missing_documents,
        documents,
        decision_reason: row.decision_reason,
        form: row.form,
    })
}

/// The summary shown in 我的申请: the next deadline is the documents' if any are asked for,
/// otherwise the current step's.
pub async fn summary(db: &Db, row: Row, s: &Standards) -> AppResult<ApplicationSummary> {
    let (started, paid) = history(db, &row.id).await?;
    let due = timeline(&started, row.stage, row.state, paid, s).into_iter().find_map(|t| t.due_by);
    Ok(ApplicationSummary {
        submitted_on: submitted_on(&row),
        next_due: if row.state == Status::AwaitingDocuments { row.requested_by } else { due },
        reference: row.reference,
        programme: row.programme,
        state: row.state,
        stage: row.stage,
    })
}
