//! What the resident and staff read of an application: its view with the timeline, and the
//! summary in 我的申请.

use super::{documents, history, Row};
use crate::db::Db;
use crate::error::AppResult;
use baoan_contract::assistance::*;
use baoan_contract::rules::date::Date;

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
