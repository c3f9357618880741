//! Reference data a district manages (issue 12 item 5): streets, communities, registry offices,
//! cemeteries and their booking windows, the burial register, and charity organisations, funds,
//! projects, ledger lines and disclosures, through one mechanism
//! (`import`): district admins' staff API (`GET/PUT /api/v1/staff/reference/{kind}`, each change
//! in the audit trail) and the operators' CLI (`baoan-server reference import|export --by NAME`,
//! `cli.rs`) both call `import_kind_in` / `export_kind`.
//! Each kind's tables: `places.rs`, `offices.rs`, `cemeteries.rs`, `burials.rs`, `charity.rs`,
//! `charity_ledger.rs`. The live service
//! (without `--demo`) refuses a figure whose source is still an example.

mod burials;
mod cemeteries;
pub mod charity;
pub mod charity_ledger;
pub mod cli;
pub mod import;
mod offices;
mod places;

use crate::error::{AppError, AppResult, JsonBody};
use crate::staff::audit::{self, Actor, Entry};
use crate::staff::StaffMember;
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::Json;
use baoan_contract::api::reference::{ReferenceImported, ReferenceKind};
use baoan_contract::assistance::{CommunityRow, StreetRow};
use baoan_contract::charity::{
    CharityDisclosureRow, CharityFundRow, CharityLedgerLineRow, CharityOrganisationRow, CharityProjectRow,
};
use baoan_contract::error::ApiError;
use baoan_contract::marriage::OfficeRow;
use baoan_contract::memorial::{BookingWindowRow, BurialRecordRow, CemeteryRow};
use baoan_contract::staff::Role;
use import::{ImportError, Upload};
use serde::{Deserialize, Serialize};
use serde_json::{json, Value};
use sqlx::AnyConnection;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// The staff routes of reference data, relative to /api/v1.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::default().routes(routes!(get, put))
}

/// Imports rows of `kind` in a transaction of its own (see `import::import`): the CLI's way.
pub async fn import_kind(
    state: &AppState,
    kind: ReferenceKind,
    upload: Upload,
    by: &str,
    door: &str,
) -> Result<ReferenceImported, ImportError> {
    let mut tx = state.db.begin().await?;
    let done = import_kind_in(state, &mut tx, kind, upload, by, door).await?;
    tx.commit().await?;
    after_import(state, &done);
    Ok(done)
}

/// Imports rows of `kind` inside the caller's transaction (see `import::import_in`); the caller
/// commits, then calls [`after_import`].
pub async fn import_kind_in(
    state: &AppState,
    tx: &mut AnyConnection,
    kind: ReferenceKind,
    upload: Upload,
    by: &str,
    door: &str,
) -> Result<ReferenceImported, ImportError> {
    use import::import_in as i;
    let at = import::At { now: state.clock.now(), today: state.clock.today(), allow_examples: state.config.demo };
    match kind {
        ReferenceKind::Streets => i::<places::Streets>(tx, at, upload, by, door).await,
        ReferenceKind::Communities => i::<places::Communities>(tx, at, upload, by, door).await,
        ReferenceKind::Offices => i::<offices::Offices>(tx, at, upload, by, door).await,
        ReferenceKind::Cemeteries => i::<cemeteries::Cemeteries>(tx, at, upload, by, door).await,
        ReferenceKind::BookingWindows => i::<cemeteries::BookingWindows>(tx, at, upload, by, door).await,
        ReferenceKind::BurialRecords => i::<burials::BurialRecords>(tx, at, upload, by, door).await,
        ReferenceKind::CharityOrganisations => i::<charity::Organisations>(tx, at, upload, by, door).await,
        ReferenceKind::CharityFunds => i::<charity::Funds>(tx, at, upload, by, door).await,
        ReferenceKind::CharityProjects => i::<charity::Projects>(tx, at, upload, by, door).await,
        ReferenceKind::CharityLedgerLines => i::<charity_ledger::LedgerLines>(tx, at, upload, by, door).await,
        ReferenceKind::CharityDisclosures => i::<charity_ledger::Disclosures>(tx, at, upload, by, door).await,
    }
}

/// What a committed import changes beyond its tables: the memorial slot cache.
pub fn after_import(state: &AppState, done: &ReferenceImported) {
    if done.changed > 0 && matches!(done.kind, ReferenceKind::BookingWindows | ReferenceKind::Cemeteries) {
        crate::journeys::memorial::slots_changed(state);
    }
}

/// Every stored row of `kind`, as import reads them.
pub async fn export_kind(state: &AppState, kind: ReferenceKind) -> AppResult<Vec<Value>> {
    let db = &state.db;
    Ok(match kind {
        ReferenceKind::Streets => import::export::<places::Streets>(db).await?,
        ReferenceKind::Communities => import::export::<places::Communities>(db).await?,
        ReferenceKind::Offices => import::export::<offices::Offices>(db).await?,
        ReferenceKind::Cemeteries => import::export::<cemeteries::Cemeteries>(db).await?,
        ReferenceKind::BookingWindows => import::export::<cemeteries::BookingWindows>(db).await?,
        ReferenceKind::BurialRecords => import::export::<burials::BurialRecords>(db).await?,
        ReferenceKind::CharityOrganisations => import::export::<charity::Organisations>(db).await?,
        ReferenceKind::CharityFunds => import::export::<charity::Funds>(db).await?,
        ReferenceKind::CharityProjects => import::export::<charity::Projects>(db).await?,
        ReferenceKind::CharityLedgerLines => import::export::<charity_ledger::LedgerLines>(db).await?,
        ReferenceKind::CharityDisclosures => import::export::<charity_ledger::Disclosures>(db).await?,
    })
}

/// A row of any kind, for the document only: each kind's rows are one of these.
#[derive(Serialize, ToSchema)]
#[allow(dead_code)]
#[serde(untagged)]
enum AnyReferenceRow {
    Street(StreetRow),
    Community(CommunityRow),
    Office(OfficeRow),
    Cemetery(CemeteryRow),
    BookingWindow(BookingWindowRow),
    BurialRecord(BurialRecordRow),
    CharityOrganisation(CharityOrganisationRow),
    CharityFund(CharityFundRow),
    CharityProject(CharityProjectRow),
    CharityLedgerLine(CharityLedgerLineRow),
    CharityDisclosure(CharityDisclosureRow),
}

/// `PUT /api/v1/staff/reference/{kind}`: the rows (each a row of the path's kind; unlisted rows
/// stay as they are). Who changes them is the signed-in district admin.
#[derive(Deserialize, ToSchema)]
pub struct ReferenceImport {
    /// Rows of the kind in the path. Row n is reported as `line.<n>` (counting from 1).
    #[schema(value_type = Vec<AnyReferenceRow>)]
    pub rows: Vec<Value>,
}

/// `GET /api/v1/staff/reference/{kind}`: every stored row of the kind, as PUT reads them.
#[derive(Serialize, ToSchema)]
pub struct ReferenceRows {
    pub kind: ReferenceKind,
    #[schema(value_type = Vec<AnyReferenceRow>)]
    pub rows: Vec<Value>,
}

fn kind_of(code: &str) -> AppResult<ReferenceKind> {
    ReferenceKind::from_code(code).ok_or_else(|| AppError::no_such("kind of reference data"))
}

/// Every stored row of one kind of reference data, in the form PUT and `reference import` read.
/// District admins only (403 for every other role).
#[utoipa::path(get, path = "/staff/reference/{kind}", tag = "staff",
    params(("kind" = ReferenceKind, Path, description = "the kind of reference data (ReferenceKind)")),
    responses((status = 200, body = ReferenceRows), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 404, body = ApiError)))]
pub async fn get(
    State(state): State<AppState>,
    member: StaffMember,
    Path(kind): Path<String>,
) -> AppResult<Json<ReferenceRows>> {
    member.require(Role::DistrictAdmin)?;
    let kind = kind_of(&kind)?;
    Ok(Json(ReferenceRows { kind, rows: export_kind(&state, kind).await? }))
}

/// Adds or updates rows of one kind of reference data, all or nothing: every bad row is reported
/// (422 `validation`, fields `line.<n>.<field>`) and then nothing is written; the live service
/// refuses a figure whose source is an example (`figure.source`). Each changed row is recorded
/// (the district admin's login, when, before, after), and the import in the audit trail (how
/// many rows were stored before, how many came and changed); a row equal to the stored one
/// changes nothing. District admins only (403 for every other role).
#[utoipa::path(put, path = "/staff/reference/{kind}", tag = "staff",
    params(("kind" = ReferenceKind, Path, description = "the kind of reference data (ReferenceKind)")),
    request_body = ReferenceImport,
    responses((status = 200, body = ReferenceImported), (status = 400, body = ApiError), (status = 401, body = ApiError),
              (status = 403, body = ApiError), (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub async fn put(
    State(state): State<AppState>,
    member: StaffMember,
    Path(kind): Path<String>,
    JsonBody(body): JsonBody<ReferenceImport>,
) -> AppResult<Json<ReferenceImported>> {
    member.require(Role::DistrictAdmin)?;
    let kind = kind_of(&kind)?;
    let stored_before = export_kind(&state, kind).await?.len();
    let mut tx = state.db.begin().await?;
    let upload = Upload::from_rows(body.rows);
    let done = match import_kind_in(&state, &mut tx, kind, upload, &member.login, "staff").await {
        Ok(done) => done,
        Err(ImportError::Problems { errors, .. }) => return Err(errors.into()),
        Err(ImportError::Failed(e)) => return Err(e),
    };
    if done.changed > 0 {
        let actor = Actor::from(&member);
        let entry = Entry {
            actor: &actor,
            action: "reference.import",
            subject_kind: "reference",
            subject_id: kind.code(),
            before: Some(json!({ "stored_rows": stored_before }).to_string()),
            after: Some(json!({ "rows": done.rows, "changed": done.changed }).to_string()),
            reason: None,
        };
        audit::record(&mut tx, state.clock.now(), &entry).await?;
    }
    tx.commit().await?;
    after_import(&state, &done);
    Ok(Json(done))
}
