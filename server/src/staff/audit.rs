//! The audit trail: one row per staff action, written in the same transaction as the action, and
//! district admins' search and export of it (`GET /api/v1/staff/audit`, JSON or CSV).

use super::session::StaffMember;
use crate::db::{new_id, DbResult};
use crate::error::AppResult;
use crate::state::AppState;
use axum::extract::{Query, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use axum::Json;
use baoan_contract::error::ApiError;
use baoan_contract::staff::{AuditEntry, AuditFormat, AuditQuery, Role, AUDIT_PAGE_MAX};
use sqlx::AnyConnection;

/// Who acted: a staff member (at the staff pages or, under their own login, at the server's
/// command line), or the server's bootstrap token (which only creates district admins).
#[derive(Debug, Clone)]
pub struct Actor {
    pub login: String,
    pub role: Role,
    pub place: Option<String>,
}

impl Actor {
    pub const BOOTSTRAP: &'static str = "bootstrap-token";

    pub fn bootstrap() -> Actor {
        Actor { login: Actor::BOOTSTRAP.into(), role: Role::DistrictAdmin, place: None }
    }
}

impl From<&StaffMember> for Actor {
    fn from(member: &StaffMember) -> Actor {
        Actor { login: member.login.clone(), role: member.assignment.role, place: member.assignment.place.clone() }
    }
}

/// An action to record: what, on what, before and after (JSON text), and the reason.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    pub actor: &'a Actor,
    pub action: &'a str,
    pub subject_kind: &'a str,
    pub subject_id: &'a str,
    pub before: Option<String>,
    pub after: Option<String>,
    pub reason: Option<&'a str>,
}

/// Writes `entry` with the next number of the trail (`seq`: entries of one second keep the order
/// they were written in). Taking the number locks the counter's row until the transaction ends,
/// so two transactions never take the same one.
pub async fn record(conn: &mut AnyConnection, now: i64, entry: &Entry<'_>) -> DbResult<()> {
    let (seq,): (i64,) =
        sqlx::query_as("UPDATE audit_sequence SET last_seq = last_seq + 1 WHERE id = 1 RETURNING last_seq")
            .fetch_one(&mut *conn)
            .await?;
    sqlx::query(
        "INSERT INTO audit_trail (id, at, actor, role, place, action, subject_kind, subject_id, before_state, \
         after_state, reason, seq) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(new_id())
    .bind(now)
    .bind(&entry.actor.login)
    .bind(entry.actor.role.code())
    .bind(entry.actor.place.as_deref())
    .bind(entry.action)
    .bind(entry.subject_kind)
    .bind(entry.subject_id)
    .bind(entry.before.as_deref())
    .bind(entry.after.as_deref())
    .bind(entry.reason)
    .bind(seq)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Records `entry` in a transaction of its own: for an action made of many transactions of its
/// own (a scheduled run a district admin starts), recorded with what it did once it is done.
pub async fn record_alone(db: &crate::db::Db, now: i64, entry: &Entry<'_>) -> DbResult<()> {
    let mut tx = db.begin().await?;
    record(&mut tx, now, entry).await?;
    tx.commit().await
}

/// A row of `audit_trail`.
#[derive(sqlx::FromRow)]
struct Row {
    id: String,
    at: i64,
    actor: String,
    role: String,
    place: Option<String>,
    action: String,
    subject_kind: String,
    subject_id: String,
    before_state: Option<String>,
    after_state: Option<String>,
    reason: Option<String>,
}

async fn search(state: &AppState, q: &AuditQuery) -> AppResult<Vec<AuditEntry>> {
    // Each filter is bound; an absent one matches everything.
    let rows = sqlx::query_as::<_, Row>(
        "SELECT id, at, actor, role, place, action, subject_kind, subject_id, before_state, after_state, reason \
         FROM audit_trail WHERE (CAST($1 AS TEXT) IS NULL OR actor = $1) \
         AND (CAST($2 AS TEXT) IS NULL OR action = $2) AND (CAST($3 AS TEXT) IS NULL OR subject_id = $3) AND at >= $4 AND at < $5 ORDER BY at DESC, seq DESC LIMIT $6",
    )
    .bind(q.actor.as_deref())
    .bind(q.action.as_deref())
    .bind(q.subject_id.as_deref())
    .bind(q.from.unwrap_or(i64::MIN))
    .bind(q.until.unwrap_or(i64::MAX))
    .bind(AUDIT_PAGE_MAX)
    .fetch_all(&state.db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(AuditEntry {
                id: r.id,
                at: r.at,
                actor: r.actor,
                role: Role::from_code(&r.role)?,
                place: r.place,
                action: r.action,
                subject_kind: r.subject_kind,
                subject_id: r.subject_id,
                before: r.before_state,
                after: r.after_state,
                reason: r.reason,
            })
        })
        .collect())
}

/// Search the audit trail (district admins): newest first (of one second, the last written
/// first), at most 500 entries; `format=csv` answers the same entries as a CSV file to export.
#[utoipa::path(get, path = "/staff/audit", tag = "staff", params(AuditQuery),
    responses((status = 200, description = "The entries: JSON, or CSV with format=csv",
               content((Vec<AuditEntry> = "application/json"), (String = "text/csv"))),
              (status = 401, body = ApiError), (status = 403, body = ApiError), (status = 422, body = ApiError)))]
pub async fn list(
    State(state): State<AppState>,
    member: StaffMember,
    Query(q): Query<AuditQuery>,
) -> AppResult<Response> {
    member.require(Role::DistrictAdmin)?;
    let entries = search(&state, &q).await?;
    match q.format.unwrap_or(AuditFormat::Json) {
        AuditFormat::Json => Ok(Json(entries).into_response()),
        AuditFormat::Csv => Ok((
            [(CONTENT_TYPE, "text/csv; charset=utf-8"), (CONTENT_DISPOSITION, "attachment; filename=\"audit.csv\"")],
            to_csv(&entries),
        )
            .into_response()),
    }
}

/// RFC 4180 CSV: every field quoted, quotes doubled; a field that a spreadsheet would read as a
/// formula (=, +, -, @) is prefixed with an apostrophe (CSV injection).
pub fn to_csv(entries: &[AuditEntry]) -> String {
    let mut out = String::from("id,at,actor,role,place,action,subject_kind,subject_id,before,after,reason\r\n");
    for e in entries {
        let at = e.at.to_string();
        let fields = [
            e.id.as_str(),
            &at,
            &e.actor,
            e.role.code(),
            e.place.as_deref().unwrap_or(""),
            &e.action,
            &e.subject_kind,
            &e.subject_id,
            e.before.as_deref().unwrap_or(""),
            e.after.as_deref().unwrap_or(""),
            e.reason.as_deref().unwrap_or(""),
        ];
        let line: Vec<String> = fields.iter().map(|f| csv_field(f)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

fn csv_field(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_string() };
    format!("\"{}\"", guarded.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    #[test]
    fn csv_quotes_and_defuses_formulas() {
        assert_eq!(super::csv_field("a\"b"), "\"a\"\"b\"");
        assert_eq!(super::csv_field("=SUM(A1)"), "\"'=SUM(A1)\"");
    }
}
