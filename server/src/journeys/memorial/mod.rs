//! The API of the tomb-sweeping and online memorials (祭扫) journey, under /api/v1/memorial.
//!
//! - `cemeteries`: cemeteries, booking windows and hourly slots (the slot list is cached, see
//!   `slot_cache`, because the whole district reloads it at opening time);
//! - `bookings`: visit bookings (capacity taken in one transaction; one per account per day);
//! - `proxy`: proxy sweeping (代祭扫) requests, done by staff with photos;
//! - `memorials`, `tributes`: online memorials (public only with the burial register), flowers,
//!   candles and messages (authors masked);
//! - `family`: invitations (expiring, limited uses, revocable) and members the owner can remove;
//! - `reports`: reports of memorials and messages, and staff's queue of them;
//! - `quotas`: how often a resident may do each write (429 with Retry-After);
//! - `reminders`: the owner's anniversary and Qingming reminders (periodic task + staff trigger).

mod access;
mod bookings;
mod cemeteries;
mod demo;
mod family;
mod memorials;
mod proxy;
mod quotas;
mod reminders;
mod reports;
mod slot_cache;
mod tributes;

use crate::state::AppState;
use axum::routing::{delete, get, post, put};
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
        .route("/memorial/proxy/{id}/cancel", post(proxy::cancel))
        .route("/memorial/proxy/{id}/photos/{photo}", get(proxy::photo))
        .route("/memorial/admin/proxy", get(proxy::staff_list))
        .route("/memorial/admin/proxy/{id}/done", post(proxy::staff_done))
        .route("/memorial/memorials", post(memorials::create).get(memorials::mine))
        .route("/memorial/memorials/{id}", get(memorials::one))
        .route("/memorial/memorials/{id}/invitations", post(family::invite).get(family::invitations))
        .route("/memorial/memorials/{id}/invitations/{invitation}", delete(family::revoke))
        .route("/memorial/invitations/{token}/accept", post(family::accept))
        .route("/memorial/memorials/{id}/members", get(family::members))
        .route("/memorial/memorials/{id}/members/{member}", delete(family::remove))
        .route("/memorial/memorials/{id}/public", put(memorials::publish))
        .route("/memorial/memorials/{id}/reminder", put(memorials::reminder))
        .route("/memorial/memorials/{id}/photo", put(memorials::set_photo).get(memorials::photo))
        .route("/memorial/admin/reminders/run", post(reminders::staff_run))
        .route("/memorial/memorials/{id}/offerings", post(tributes::offer))
        .route("/memorial/memorials/{id}/messages", post(tributes::leave_message).get(tributes::messages))
        .route("/memorial/memorials/{id}/messages/{message}/hide", post(tributes::hide))
        .route("/memorial/memorials/{id}/messages/{message}", delete(tributes::delete))
        .route("/memorial/memorials/{id}/reports", post(reports::report))
        .route("/memorial/admin/reports", get(reports::staff_list))
        .route("/memorial/admin/reports/{id}", post(reports::staff_handle))
}

/// This journey's part of the OpenAPI document, merged by `crate::openapi`.
#[derive(OpenApi)]
#[openapi(paths(
    cemeteries::list,
    cemeteries::detail,
    cemeteries::slots,
    cemeteries::create_window,
    bookings::create,
    bookings::mine,
    bookings::one,
    bookings::cancel,
    bookings::calendar,
    proxy::create,
    proxy::mine,
    proxy::cancel,
    proxy::photo,
    proxy::staff_list,
    proxy::staff_done,
    memorials::create,
    memorials::mine,
    memorials::one,
    family::invite,
    family::accept,
    family::invitations,
    family::revoke,
    family::members,
    family::remove,
    memorials::publish,
    memorials::reminder,
    memorials::set_photo,
    memorials::photo,
    reminders::staff_run,
    tributes::offer,
    tributes::leave_message,
    tributes::messages,
    tributes::hide,
    tributes::delete,
    reports::report,
    reports::staff_list,
    reports::staff_handle,
))]
pub struct Api;
