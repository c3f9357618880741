//! The API of the charity (慈善) journey, under /api/v1: projects, named funds, the district's
//! totals, and giving (gift order → sandbox payment → receipt; 我的捐赠).

mod cards;
mod demo;
pub mod demo_photos;
mod funds;
mod gifts;
mod list;
pub mod payment;
mod photos;
pub mod pledges;
mod project;
pub mod search_index;
pub mod seed;

use crate::db::DbResult;
use crate::state::AppState;
use axum::extract::DefaultBodyLimit;
use axum::routing::{get, post};
use axum::Router;
use sqlx::AnyConnection;
use utoipa::OpenApi;

/// Shenzhen is UTC+8 all year: dates shown to donors are Shenzhen dates.
pub const CHINA_UTC_OFFSET: i32 = 8 * 3600;

/// This journey's routes, merged into /api/v1 by `crate::app`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/charity/projects", get(list::list))
        .route("/charity/filters", get(list::filter_values))
        .route("/charity/projects/{id}", get(project::show))
        .route("/charity/funds", get(funds::list))
        .route("/charity/funds/{id}", get(funds::show))
        .route("/charity/district", get(funds::district))
        .route("/charity/gifts", post(gifts::create))
        .route("/charity/gifts/{id}", get(gifts::show))
        .route("/charity/gifts/{id}/sandbox-pay", post(gifts::sandbox_pay))
        .route("/me/charity/gifts", get(gifts::mine))
        .route("/charity/photos/{id}", get(photos::serve))
        .route("/me/charity/pledges", get(pledges::mine))
        .route("/me/charity/pledges/{id}/cancel", post(pledges::cancel))
        .route("/admin/charity/pledges/charge", post(pledges::charge_now))
}

/// This journey's upload routes (up to 10 MB): `crate::app` gives them the upload time limit
/// instead of the request one.
pub fn upload_router() -> Router<AppState> {
    Router::new().route(
        "/admin/charity/projects/{id}/photos",
        post(photos::attach).layer(DefaultBodyLimit::max(crate::uploads::BODY_LIMIT)),
    )
}

/// This journey's part of the OpenAPI document, merged by `crate::openapi`.
#[derive(OpenApi)]
#[openapi(paths(
    list::list,
    list::filter_values,
    project::show,
    funds::list,
    funds::show,
    funds::district,
    gifts::create,
    gifts::sandbox_pay,
    gifts::show,
    gifts::mine,
    photos::attach,
    photos::serve,
    pledges::mine,
    pledges::cancel,
    pledges::charge_now
))]
pub struct Api;

/// Charges the monthly pledges due, every hour from the server's start (see `pledges`).
pub async fn charge_pledges_periodically(state: AppState) {
    pledges::charge_periodically(state).await
}

/// Writes the demo photos' image files the database lists and the data directory lacks.
pub async fn write_demo_files(db: &crate::db::Db, data_dir: &std::path::Path) -> std::io::Result<()> {
    demo_photos::write_files(db, data_dir).await
}

/// Demonstration data for this journey, written once into an empty database (see `db::demo`):
/// a realistic small set, plus generated projects for the list benchmark when
/// `BAOAN_DEMO_LARGE` asks: `1` means 10,000; another number means that many.
pub async fn seed_demo(tx: &mut AnyConnection, now: i64) -> DbResult<()> {
    demo::seed(tx, now).await?;
    demo_photos::seed(tx, now).await?;
    let large = match std::env::var("BAOAN_DEMO_LARGE").ok().and_then(|v| v.trim().parse::<i64>().ok()) {
        Some(1) => 10_000,
        Some(n) if n > 1 => n.min(1_000_000),
        _ => 0,
    };
    if large > 0 {
        seed::generated(tx, large, now).await?;
    }
    Ok(())
}
