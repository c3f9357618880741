//! The API of the charity (慈善) journey, under /api/v1: projects, named funds, the district's
//! totals, and giving (gift order → sandbox payment → receipt; 我的捐赠).

mod demo;
pub mod demo_photos;
mod demo_texts;
mod funds;
mod gifts;
mod list;
pub mod payment;
mod photos;
pub mod pledges;
pub mod project;
pub mod search_index;
pub mod seed;
mod settle;
pub(crate) mod store;
pub mod wechat_pay;

use crate::db::DbResult;
use crate::state::AppState;
use axum::extract::DefaultBodyLimit;
use sqlx::AnyConnection;
use utoipa_axum::router::{OpenApiRouter, UtoipaMethodRouterExt};
use utoipa_axum::routes;

/// Shenzhen is UTC+8 all year: dates shown to donors are Shenzhen dates.
pub const CHINA_UTC_OFFSET: i32 = 8 * 3600;

/// This journey's routes, relative to /api/v1 and merged by `crate::app`: each is declared once,
/// by its handler's `#[utoipa::path]`, which also documents it.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::default()
        .routes(routes!(list::list))
        .routes(routes!(list::filter_values))
        .routes(routes!(project::show))
        .routes(routes!(funds::list))
        .routes(routes!(funds::show))
        .routes(routes!(funds::district))
        .routes(routes!(gifts::create))
        .routes(routes!(gifts::show))
        .routes(routes!(gifts::sandbox_pay))
        .routes(routes!(gifts::mine))
        .routes(routes!(photos::serve))
        .routes(routes!(pledges::mine))
        .routes(routes!(pledges::cancel))
        .routes(routes!(pledges::charge_now))
        .merge(wechat_pay::router())
}

/// This journey's upload routes (up to 10 MB): `crate::app` gives them the upload time limit
/// instead of the request one.
pub fn upload_router() -> OpenApiRouter<AppState> {
    OpenApiRouter::default().routes(routes!(photos::attach).layer(DefaultBodyLimit::max(crate::uploads::BODY_LIMIT)))
}

/// Charges the monthly pledges due, every hour from the server's start (see `pledges`).
pub async fn charge_pledges_periodically(state: AppState) {
    pledges::charge_periodically(state).await
}

/// Writes the demo photos' image files the database lists and the data directory lacks.
pub async fn write_demo_files(db: &crate::db::Db, data_dir: &std::path::Path) -> std::io::Result<()> {
    demo_photos::write_files(db, data_dir).await
}

/// Demonstration data for this journey, written once into an empty database (called by `crate::serve` at start-up):
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
    // The demo's organisers as organisations, as migration 0031 does for existing projects.
    crate::reference::charity::adopt_organisers(tx).await
}
