//! The API of the marriage registration booking (婚姻登记预约) journey, under /api/v1/marriage.

mod bookings;
mod changes;
mod demo;
mod holds;
mod offices;
mod partner;
mod second_visit;
pub mod store;
mod view;

use crate::db::DbResult;
use crate::state::AppState;
use axum::routing::{get, post};
use axum::Router;
use sqlx::AnyConnection;
use utoipa::OpenApi;

/// This journey's routes, merged into /api/v1 by `crate::app`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/marriage/offices", get(offices::list))
        .route("/marriage/offices/{id}/days", get(offices::days))
        .route("/marriage/offices/{id}/days/{date}/slots", get(offices::slots))
        .route("/marriage/offices/{id}/days/{date}/nearest-free", get(offices::nearest_free))
        .route("/marriage/bookings", get(bookings::list).post(bookings::create))
        .route("/marriage/bookings/{id}", get(bookings::get))
        .route("/marriage/bookings/{id}/confirm", post(changes::confirm))
        .route("/marriage/bookings/{id}/decline", post(changes::decline))
        .route("/marriage/bookings/{id}/cancel", post(changes::cancel))
        .route("/marriage/bookings/{id}/reschedule", post(changes::reschedule))
        .route("/marriage/bookings/{id}/calendar.ics", get(changes::calendar))
        .route("/marriage/second-visits", post(second_visit::create))
}

/// This journey's part of the OpenAPI document, merged by `crate::openapi`.
#[derive(OpenApi)]
#[openapi(
    paths(
        offices::list, offices::days, offices::slots, offices::nearest_free,
        bookings::create, bookings::list, bookings::get,
        changes::confirm, changes::decline, changes::cancel, changes::reschedule, changes::calendar, second_visit::create,
    ),
    tags((name = "marriage", description = "婚姻登记预约: registry offices, slots and bookings")),
)]
pub struct Api;

/// Demonstration data for this journey, written once into an empty database (see `db::demo`).
pub async fn seed_demo(tx: &mut AnyConnection, now: i64) -> DbResult<()> {
    demo::seed(tx, now).await
}
