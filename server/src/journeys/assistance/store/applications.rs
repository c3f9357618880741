//! Applications: read by (reference, owner) so another resident's record is simply not found,
//! created once per submit, and changed only from the state they were read in.

use crate::db::{Db, DbResult};
use crate::error::{AppError, AppResult};
use baoan_contract::assistance::*;
use baoan_contract::rules::date::Date;
use sqlx::AnyConnection;

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

/// Undecided or approved-but-unpaid applications at one of `stages`, oldest first: what waits
/// for reviewers (each caller keeps those of its own place).
pub async fn open_at(db: &Db, stages: &[Stage]) -> AppResult<Vec<Row>> {
    let stages: Vec<String> = stages.iter().map(|s| format!("'{}'", s.code())).collect();
    let raws = sqlx::query_as::<_, RawRow>(&format!(
        "SELECT {COLUMNS} FROM assistance_applications WHERE state IN ('in_review', 'awaiting_documents', 'approved') \
         AND stage IN ({}) ORDER BY submitted_at, reference",
        stages.join(", ")
    ))
    .fetch_all(&db.pool)
    .await?;
    Ok(raws.into_iter().filter_map(parse).collect())
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

/// A new application's row, as the submit made it.
pub struct NewApplication<'a> {
    pub id: &'a str,
    pub reference: &'a str,
    pub user_id: &'a str,
    pub programme: Programme,
    pub state: Status,
    pub stage: Stage,
    /// The form as JSON, without its documents (they have their own table).
    pub form: &'a str,
    pub now: i64,
}

pub async fn insert_application(conn: &mut AnyConnection, a: &NewApplication<'_>) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO assistance_applications (id, reference, user_id, programme, state, stage, form, submitted_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(a.id)
    .bind(a.reference)
    .bind(a.user_id)
    .bind(a.programme.code())
    .bind(a.state.code())
    .bind(a.stage.code())
    .bind(a.form)
    .bind(a.now)
    .bind(a.now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// One member of the household, at `position` in the form; the birth date is the one the ID
/// number gives (or the one typed for other IDs).
pub async fn insert_member(
    conn: &mut AnyConnection,
    application_id: &str,
    position: usize,
    m: &Member,
    today: Date,
) -> DbResult<()> {
    let birth = m.birth_date(today).map(|d| d.to_iso()).unwrap_or_default();
    sqlx::query(
        "INSERT INTO assistance_members (application_id, position, relation, name, id_type, id_number, birth_date, \
         work_status, monthly_income_yuan, disability_level) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
    )
    .bind(application_id)
    .bind(position as i64)
    .bind(serde_json::to_value(m.relation).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default())
    .bind(m.name.trim())
    .bind(m.id_type.code())
    .bind(&m.id_number)
    .bind(birth)
    .bind(serde_json::to_value(m.work_status).ok().and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default())
    .bind(m.monthly_income_yuan)
    .bind(m.disability_level as i64)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// What a state change writes besides state and step, in the same conditional UPDATE.
pub enum Also<'a> {
    Nothing,
    /// Staff ask for documents (补正): which, a note, and the day they are due.
    Request {
        kinds: String,
        note: Option<&'a str>,
        by: String,
    },
    /// A refusal's reason, for the resident to read.
    Reason(&'a str),
}

/// Moves `row` to a new state and step, only if it is still in the state, step and requested
/// documents it was read with; `false` when it changed meanwhile (nothing is written then).
pub async fn change_state(
    conn: &mut AnyConnection,
    row: &Row,
    to: Status,
    stage: Stage,
    now: i64,
    also: Also<'_>,
) -> DbResult<bool> {
    let (set, extra): (&str, Vec<Option<String>>) = match also {
        Also::Nothing => ("", vec![]),
        Also::Request { kinds, note, by } => (
            ", requested_documents = $8, requested_note = $9, requested_by = $10",
            vec![Some(kinds), note.map(str::to_string), Some(by)],
        ),
        Also::Reason(reason) => (", decision_reason = $8", vec![Some(reason.to_string())]),
    };
    let sql = format!(
        "UPDATE assistance_applications SET state = $1, stage = $2, updated_at = $3{set} \
         WHERE id = $4 AND state = $5 AND stage = $6 AND requested_documents = $7"
    );
    let mut update = sqlx::query(&sql)
        .bind(to.code())
        .bind(stage.code())
        .bind(now)
        .bind(&row.id)
        .bind(row.state.code())
        .bind(row.stage.code())
        .bind(kinds_to(&row.requested));
    for value in extra {
        update = update.bind(value);
    }
    Ok(update.execute(&mut *conn).await?.rows_affected() == 1)
}

/// A document came: `still` are the documents still asked for and `state` the new state (review
/// resumes when none are left). Conditional like `change_state`; `false` when the application
/// changed meanwhile.
pub async fn documents_received(
    conn: &mut AnyConnection,
    row: &Row,
    still: &[DocumentKind],
    state: Status,
    now: i64,
) -> DbResult<bool> {
    let done = sqlx::query(
        "UPDATE assistance_applications SET requested_documents = $1, state = $2, updated_at = $3 \
         WHERE id = $4 AND state = $5 AND stage = $6 AND requested_documents = $7",
    )
    .bind(kinds_to(still))
    .bind(state.code())
    .bind(now)
    .bind(&row.id)
    .bind(row.state.code())
    .bind(row.stage.code())
    .bind(kinds_to(&row.requested))
    .execute(&mut *conn)
    .await?;
    Ok(done.rows_affected() == 1)
}
