//! The API of the marriage registration booking (婚姻登记预约) journey, under /api/v1/marriage.

mod bookings;
mod changes;
mod demo;
mod offices;
mod partner;
mod second_visit;
pub mod store;
mod view;

use crate::db::DbResult;
use crate::state::AppState;
use sqlx::AnyConnection;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// This journey's routes, relative to /api/v1 and merged by `crate::app`: each is declared once,
/// by its handler's `#[utoipa::path]`, which also documents it.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::default()
        .routes(routes!(offices::list))
        .routes(routes!(offices::days))
        .routes(routes!(offices::slots))
        .routes(routes!(offices::nearest_free))
        .routes(routes!(bookings::list, bookings::create))
        .routes(routes!(bookings::get))
        .routes(routes!(changes::confirm))
        .routes(routes!(changes::decline))
        .routes(routes!(changes::cancel))
        .routes(routes!(changes::reschedule))
        .routes(routes!(changes::calendar))
        .routes(routes!(second_visit::create))
}

/// Demonstration data for this journey, written once into an empty database (called by `crate::serve` at start-up).
pub async fn seed_demo(tx: &mut AnyConnection, now: i64) -> DbResult<()> {
    demo::seed(tx, now).await
}
