//! A charity editor publishes a ledger line or a disclosure of a project of their own
//! organisation (issue 13): `POST /api/v1/staff/charity/ledger-lines` and `/disclosures`. The row
//! is the reference kind's row, checked and written by the reference import
//! (`reference::import::import_in`, with its change record) inside the transaction that also
//! records the audit entry. Every other role, and a project of another organisation, is refused
//! (403) before anything is written. `GET /api/v1/staff/charity/projects` is the editor's work
//! list: their organisation's projects, the next disclosure due first.

use super::audit::{self, Actor, Entry};
use super::StaffMember;
use crate::db::new_id;
use crate::error::{AppError, AppResult, JsonBody};
use crate::idempotency;
use crate::journeys::charity::{project::badge, store::cards::parse_date, store::projects as store};
use crate::reference::charity_ledger::{Disclosures, LedgerLines};
use crate::reference::import::{import_in, At, ImportError, Kind, Upload};
use crate::state::AppState;
use axum::extract::State;
use axum::http::HeaderMap;
use axum::Json;
use baoan_contract::charity::{
    DisclosurePublication, EditorProject, LedgerKind, LedgerLine, LedgerLinePublication, Published,
};
use baoan_contract::error::{ApiError, FieldErrors};
use baoan_contract::staff::{PlaceKind, Role};
use serde::Serialize;
use sqlx::AnyConnection;

/// Publishes a ledger line of a project of the editor's organisation; it appears in the
/// project's public ledger at once. Once per `Idempotency-Key`: a repeat answers the first id.
/// Refused (403) for another organisation's project and for every role but charity editor; every
/// bad field is reported (422) and nothing is written.
#[utoipa::path(post, path = "/staff/charity/ledger-lines", tag = "staff", request_body = LedgerLinePublication,
    params(("Idempotency-Key" = String, Header, description = "8–100 characters, one per publication")),
    responses((status = 200, body = Published), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 422, body = ApiError)))]
pub async fn ledger_line(
    State(state): State<AppState>,
    member: StaffMember,
    headers: HeaderMap,
    JsonBody(req): JsonBody<LedgerLinePublication>,
) -> AppResult<Json<Published>> {
    let project = req.project.clone();
    let action = "charity.publish_ledger_line";
    publish_once::<LedgerLines, _>(&state, &member, &headers, action, &project, req, LedgerLinePublication::into_row)
        .await
}

/// Publishes a disclosure of a project of the editor's organisation, once per
/// `Idempotency-Key`. Refused (403) for another organisation's project and for every role but
/// charity editor; every bad field is reported (422) and nothing is written.
#[utoipa::path(post, path = "/staff/charity/disclosures", tag = "staff", request_body = DisclosurePublication,
    params(("Idempotency-Key" = String, Header, description = "8–100 characters, one per publication")),
    responses((status = 200, body = Published), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 422, body = ApiError)))]
pub async fn disclosure(
    State(state): State<AppState>,
    member: StaffMember,
    headers: HeaderMap,
    JsonBody(req): JsonBody<DisclosurePublication>,
) -> AppResult<Json<Published>> {
    let project = req.project.clone();
    let action = "charity.publish_disclosure";
    publish_once::<Disclosures, _>(&state, &member, &headers, action, &project, req, DisclosurePublication::into_row)
        .await
}

/// A publication of a charity editor, once per `Idempotency-Key` (scoped to the member and the
/// action): the row `into_row` makes of the request with a new id, published by `publish`; a
/// repeat of the key answers the first id. Every other role: 403 before the key is looked at.
async fn publish_once<K: Kind, R: Serialize>(
    state: &AppState,
    member: &StaffMember,
    headers: &HeaderMap,
    action: &str,
    project: &str,
    req: R,
    into_row: fn(R, String) -> K::Row,
) -> AppResult<Json<Published>>
where
    K::Row: Serialize,
{
    member.require(Role::CharityEditor)?;
    let key = idempotency::key_from(headers)?;
    let scope = format!("staff.{action}:{}", member.id);
    let fingerprint = idempotency::fingerprint(&req);
    let published = idempotency::once(state, &scope, &key, &fingerprint, || async {
        let id = new_id();
        publish::<K>(state, member, project, into_row(req, id.clone()), action).await?;
        Ok(Published { id })
    })
    .await?;
    Ok(Json(published))
}

/// The projects of the editor's own organisation, each with its disclosure badge (the same one
/// the public page shows) and what its public ledger holds so far; the next disclosure due first.
/// Every other role: 403.
#[utoipa::path(get, path = "/staff/charity/projects", tag = "staff",
    responses((status = 200, body = [EditorProject]), (status = 401, body = ApiError), (status = 403, body = ApiError)))]
pub async fn projects(State(state): State<AppState>, member: StaffMember) -> AppResult<Json<Vec<EditorProject>>> {
    member.require(Role::CharityEditor)?;
    let organisation =
        member.assignment.place.clone().ok_or_else(|| AppError::forbidden("Your account names no organisation"))?;
    let db = &state.db;
    let ids: Vec<(String,)> =
        sqlx::query_as("SELECT id FROM charity_projects WHERE organiser = $1 ORDER BY created_at DESC, id")
            .bind(&organisation)
            .fetch_all(&db.pool)
            .await?;
    let today = state.clock.today();
    let mut out = Vec::with_capacity(ids.len());
    for (id,) in ids {
        let Some(card) = store::card(db, &id).await? else { continue };
        let text = store::text(db, &id).await?;
        let disclosures = store::disclosures(db, &id).await?;
        let lines: Vec<LedgerLine> = store::ledger(db, &id).await?.into_iter().map(|l| l.into_line()).collect();
        let total = |kind: LedgerKind| -> i64 { lines.iter().filter(|l| l.kind == kind).map(|l| l.amount_fen).sum() };
        out.push(EditorProject {
            card: card.into_card(today),
            badge: badge(&disclosures, &text, today),
            last_disclosure: disclosures.first().map(|d| parse_date(&d.disclosure_date)),
            last_line: lines.iter().map(|l| l.date).max(),
            income_fen: total(LedgerKind::Income),
            expense_fen: total(LedgerKind::Expense),
        });
    }
    // Stable: among projects due the same day, the newest first.
    out.sort_by_key(|p| p.badge.next_due());
    Ok(Json(out))
}

/// Checks role and place, then writes `row` as an import of one row by the editor and records
/// the audit entry (after: the row) in the same transaction.
async fn publish<K: Kind>(
    state: &AppState,
    member: &StaffMember,
    project: &str,
    row: K::Row,
    action: &str,
) -> AppResult<()>
where
    K::Row: Serialize,
{
    let mut tx = state.db.begin().await?;
    // An unknown project is reported by the row's own check (`project: reference.unknown`).
    require_own_project(&mut tx, member, project).await?;
    let after = serde_json::to_string(&row).expect("reference rows serialise");
    let key = baoan_contract::api::reference::ReferenceRow::key(&row);
    let at = At { now: state.clock.now(), today: state.clock.today(), allow_examples: state.config.demo };
    let value = serde_json::to_value(&row).expect("reference rows serialise");
    let door = "staff (charity editor)";
    match import_in::<K>(&mut tx, at, Upload::from_rows(vec![value]), &member.login, door).await {
        Ok(_) => {}
        Err(ImportError::Problems { errors, .. }) => return Err(one_row(errors).into()),
        Err(ImportError::Failed(e)) => return Err(e),
    }
    let actor = Actor::from(member);
    let entry = Entry {
        actor: &actor,
        action,
        subject_kind: K::KIND.code(),
        subject_id: &key,
        before: None,
        after: Some(after),
        reason: None,
    };
    audit::record(&mut tx, at.now, &entry).await?;
    tx.commit().await?;
    Ok(())
}

/// 403 unless `member` is a charity editor of the organisation that runs `project`. Returns
/// whether the project exists: an unknown one passes, for the caller to report as its own.
pub async fn require_own_project(conn: &mut AnyConnection, member: &StaffMember, project: &str) -> AppResult<bool> {
    member.require(Role::CharityEditor)?;
    let organiser: Option<(String,)> = sqlx::query_as("SELECT organiser FROM charity_projects WHERE id = $1")
        .bind(project)
        .fetch_optional(&mut *conn)
        .await?;
    match organiser {
        Some((o,)) if !member.assignment.works_at(PlaceKind::Organisation, &o) => {
            Err(AppError::forbidden("This project belongs to another organisation"))
        }
        found => Ok(found.is_some()),
    }
}

/// The problems of a one-row import under the request's own field names (`line.1.amount_fen`
/// is `amount_fen`).
fn one_row(errors: FieldErrors) -> FieldErrors {
    let mut out = FieldErrors::new();
    for (key, error) in errors.0 {
        let field = key.strip_prefix("line.1.").unwrap_or(&key);
        out.add(field, error);
    }
    out
}
