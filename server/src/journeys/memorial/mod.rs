//! The API of the tomb-sweeping and online memorials (祭扫) journey, under /api/v1/memorial.
//!
//! - `cemeteries`: cemeteries, booking windows and hourly slots (the slot list is cached, see
//!   `slot_cache`, because the whole district reloads it at opening time);
//! - `bookings`: visit bookings (capacity taken in one transaction; one per account per day);
//! - `proxy`: proxy sweeping (代祭扫) requests, done by staff with photos;
//! - `memorials`, `tributes`: online memorials, invitations, flowers/candles, messages, reports;
//! - `reminders`: the owner's anniversary and Qingming reminders (periodic task + staff trigger).

mod access;
mod bookings;
mod cemeteries;
mod demo;
mod memorials;
mod proxy;
mod reminders;
mod slot_cache;
mod tributes;

use crate::state::AppState;
use axum::routing::{get, post, put};
use axum::Router;
use utoipa::OpenApi;

pub use demo::seed_demo;
pub use reminders::{run_periodically as run_reminders, send_due_reminders};

/// This journey's routes, merged into /api/v1 by `crate::app`.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/memorial/cemeteries", get(cemeteries::list))
        .route("/memorial/cemeteries/{id}", get(cemeteries::detail))
        .route("/memorial/cemeteries/{id}/slots", get(cemeteries::slots))
        .route("/memorial/admin/windows", post(cemeteries::create_window))
        .route("/memorial/bookings", post(bookings::create).get(bookings::mine))
        .route("/memorial/bookings/{id}", get(bookings::one))
        .route("/memorial/bookings/{id}/cancel", post(bookings::cancel))
        .route("/memorial/bookings/{id}/calendar.ics", get(bookings::calendar))
        .route("/memorial/proxy", post(proxy::create).get(proxy::mine))
        .route("/memorial/proxy/{id}/photos/{photo}", get(proxy::photo))
        .route("/memorial/admin/proxy", get(proxy::staff_list))
        .route("/memorial/admin/proxy/{id}/done", post(proxy::staff_done))
        .route("/memorial/memorials", post(memorials::create).get(memorials::mine))
        .route("/memorial/memorials/{id}", get(memorials::one))
        .route("/memorial/memorials/{id}/invitations", post(memorials::invite))
        .route("/memorial/invitations/{token}/accept", post(memorials::accept))
        .route("/memorial/memorials/{id}/public", put(memorials::publish))
        .route("/memorial/memorials/{id}/reminder", put(memorials::reminder))
        .route("/memorial/memorials/{id}/photo", put(memorials::set_photo).get(memorials::photo))
        .route("/memorial/admin/reminders/run", post(reminders::staff_run))
        .route("/memorial/memorials/{id}/offerings", post(tributes::offer))
        .route("/memorial/memorials/{id}/messages", post(tributes::leave_message))
        .route("/memorial/memorials/{id}/messages/{message}/hide", post(tributes::hide))
        .route("/memorial/memorials/{id}/messages/{message}", axum::routing::delete(tributes::delete))
        .route("/memorial/memorials/{id}/reports", post(tributes::report))
}

/// This journey's part of the OpenAPI document, merged by `crate::openapi`.
#[derive(OpenApi)]
#[openapi(paths(
    cemeteries::list, cemeteries::detail, cemeteries::slots, cemeteries::create_window,
    bookings::create, bookings::mine, bookings::one, bookings::cancel, bookings::calendar,
    proxy::create, proxy::mine, proxy::photo, proxy::staff_list, proxy::staff_done,
    memorials::create, memorials::mine, memorials::one, memorials::invite, memorials::accept,
    memorials::publish, memorials::reminder, memorials::set_photo, memorials::photo, reminders::staff_run,
    tributes::offer, tributes::leave_message, tributes::hide, tributes::delete, tributes::report,
))]
pub struct Api;
