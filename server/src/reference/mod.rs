//! Reference data a district manages (issue 12 item 5): streets, communities, registry offices,
//! cemeteries and their booking windows, the burial register, and charity organisations, funds,
//! projects, ledger lines and disclosures, through one mechanism
//! (`import`): the admin API (`GET/PUT /api/v1/admin/reference/{kind}`) and the CLI
//! (`baoan-server reference import|export`, `cli.rs`) both call `import_kind` / `export_kind`.
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

use crate::admin::Staff;
use crate::error::{AppError, AppResult, JsonBody};
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
use import::{ImportError, Upload};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use utoipa::ToSchema;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// The staff routes of reference data, relative to /api/v1.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::default().routes(routes!(get, put))
}

/// Imports rows of `kind` (see `import::import`).
pub async fn import_kind(
    state: &AppState,
    kind: ReferenceKind,
    upload: Upload,
    by: &str,
    door: &str,
) -> Result<ReferenceImported, ImportError> {
    let at = import::At { now: state.clock.now(), today: state.clock.today(), allow_examples: state.config.demo };
    let db = &state.db;
    let done = match kind {
        ReferenceKind::Streets => import::import::<places::Streets>(db, at, upload, by, door).await,
        ReferenceKind::Communities => import::import::<places::Communities>(db, at, upload, by, door).await,
        ReferenceKind::Offices => import::import::<offices::Offices>(db, at, upload, by, door).await,
        ReferenceKind::Cemeteries => import::import::<cemeteries::Cemeteries>(db, at, upload, by, door).await,
        ReferenceKind::BookingWindows => import::import::<cemeteries::BookingWindows>(db, at, upload, by, door).await,
        ReferenceKind::BurialRecords => import::import::<burials::BurialRecords>(db, at, upload, by, door).await,
        ReferenceKind::CharityOrganisations => import::import::<charity::Organisations>(db, at, upload, by, door).await,
        ReferenceKind::CharityFunds => import::import::<charity::Funds>(db, at, upload, by, door).await,
        ReferenceKind::CharityProjects => import::import::<charity::Projects>(db, at, upload, by, door).await,
        ReferenceKind::CharityLedgerLines => {
            import::import::<charity_ledger::LedgerLines>(db, at, upload, by, door).await
        }
        ReferenceKind::CharityDisclosures => {
            import::import::<charity_ledger::Disclosures>(db, at, upload, by, door).await
        }
    }?;
    if done.changed > 0 && matches!(kind, ReferenceKind::BookingWindows | ReferenceKind::Cemeteries) {
        crate::journeys::memorial::slots_changed(state);
    }
    Ok(done)
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

/// `PUT /api/v1/admin/reference/{kind}`: who is changing the data, and the rows (each a row of
/// the path's kind; unlisted rows stay as they are).
#[derive(Deserialize, ToSchema)]
pub struct ReferenceImport {
    pub changed_by: String,
    /// Rows of the kind in the path. Row n is reported as `line.<n>` (counting from 1).
    #[schema(value_type = Vec<AnyReferenceRow>)]
    pub rows: Vec<Value>,
}

/// `GET /api/v1/admin/reference/{kind}`: every stored row of the kind, as PUT reads them.
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
#[utoipa::path(get, path = "/admin/reference/{kind}", tag = "reference-admin",
    params(("kind" = ReferenceKind, Path, description = "the kind of reference data (ReferenceKind)")),
    responses((status = 200, body = ReferenceRows), (status = 401, body = ApiError), (status = 404, body = ApiError)))]
pub async fn get(
    State(state): State<AppState>,
    _staff: Staff,
    Path(kind): Path<String>,
) -> AppResult<Json<ReferenceRows>> {
    let kind = kind_of(&kind)?;
    Ok(Json(ReferenceRows { kind, rows: export_kind(&state, kind).await? }))
}

/// Adds or updates rows of one kind of reference data, all or nothing: every bad row is reported
/// (422 `validation`, fields `line.<n>.<field>`) and then nothing is written; the live service
/// refuses a figure whose source is an example (`figure.source`). Each changed row is
/// recorded (who, when, before, after); a row equal to the stored one changes nothing.
#[utoipa::path(put, path = "/admin/reference/{kind}", tag = "reference-admin",
    params(("kind" = ReferenceKind, Path, description = "the kind of reference data (ReferenceKind)")),
    request_body = ReferenceImport,
    responses((status = 200, body = ReferenceImported), (status = 400, body = ApiError), (status = 401, body = ApiError),
              (status = 404, body = ApiError), (status = 422, body = ApiError)))]
pub async fn put(
    State(state): State<AppState>,
    _staff: Staff,
    Path(kind): Path<String>,
    JsonBody(body): JsonBody<ReferenceImport>,
) -> AppResult<Json<ReferenceImported>> {
    let kind = kind_of(&kind)?;
    match import_kind(&state, kind, Upload::from_rows(body.rows), &body.changed_by, "admin API").await {
        Ok(done) => Ok(Json(done)),
        Err(ImportError::Problems { errors, .. }) => Err(errors.into()),
        Err(ImportError::Failed(e)) => Err(e),
    }
}
