//! The API of the tomb-sweeping and online memorials (祭扫) journey, under /api/v1. (No routes until the journey is built.)

use crate::db::DbResult;
use crate::state::AppState;
use axum::Router;
use sqlx::AnyConnection;
use utoipa::OpenApi;

/// This journey's routes, merged into /api/v1 by `crate::app`.
pub fn router() -> Router<AppState> {
    Router::new()
}

/// This journey's part of the OpenAPI document, merged by `crate::openapi`.
#[derive(OpenApi)]
#[openapi(paths())]
pub struct Api;

/// Demonstration data for this journey, written once into an empty database (see `db::demo`).
pub async fn seed_demo(_tx: &mut AnyConnection, _now: i64) -> DbResult<()> {
    Ok(())
}
