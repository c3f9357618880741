//! The API of the tomb-sweeping and online memorials (祭扫) journey, under /api/v1/memorial.
//!
//! - `cemeteries`: cemeteries, booking windows and hourly slots (the slot list is cached, see
//!   `slot_cache`, because the whole district reloads it at opening time);
//! - `bookings`: visit bookings (capacity taken in one transaction; one per account per day);
//! - `proxy`: proxy sweeping (代祭扫) requests, done by staff with photos;
//! - `memorials`, `tributes`: online memorials (public only with the burial register), flowers,
//!   candles and messages (authors masked);
//! - `family`: invitations (expiring, limited uses, revocable) and members the owner can remove;
//! - `reports`: residents' reports of memorials and messages;
//! - `staff`: gate staff's proxy-sweeping work at their cemetery, moderators' report queue;
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
mod staff;
mod store;
mod tributes;

use crate::state::AppState;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

pub use cemeteries::{insert_slot, insert_window, WindowCreate};
pub use demo::seed_demo;
pub use reminders::{run_periodically as run_reminders, send_due_reminders};

/// A slot's figures changed outside this journey (a visitor checked in at the gate): the day's
/// cached slot list is dropped so the next read shows it.
pub fn day_changed(state: &AppState, cemetery_id: &str, date: &str) {
    slot_cache::invalidate(&access::db_key(state), cemetery_id, date);
}

/// Drops the cached slot lists of the state's database, after reference data changed slots.
pub fn slots_changed(state: &AppState) {
    slot_cache::forget_database(&access::db_key(state));
}

/// This journey's routes, relative to /api/v1 and merged by `crate::app`: each is declared once,
/// by its handler's `#[utoipa::path]`, which also documents it.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::default()
        .routes(routes!(cemeteries::list))
        .routes(routes!(cemeteries::detail))
        .routes(routes!(cemeteries::slots))
        .routes(routes!(cemeteries::create_window))
        .routes(routes!(bookings::create, bookings::mine))
        .routes(routes!(bookings::one))
        .routes(routes!(bookings::cancel))
        .routes(routes!(bookings::calendar))
        .routes(routes!(proxy::create, proxy::mine))
        .routes(routes!(proxy::cancel))
        .routes(routes!(proxy::photo))
        .routes(routes!(staff::proxy_list))
        .routes(routes!(staff::proxy_photo))
        .routes(routes!(staff::proxy_done))
        .routes(routes!(memorials::create, memorials::mine))
        .routes(routes!(memorials::one))
        .routes(routes!(family::invite, family::invitations))
        .routes(routes!(family::revoke))
        .routes(routes!(family::accept))
        .routes(routes!(family::members))
        .routes(routes!(family::remove))
        .routes(routes!(memorials::publish))
        .routes(routes!(memorials::reminder))
        .routes(routes!(memorials::set_photo, memorials::photo))
        .routes(routes!(reminders::staff_run))
        .routes(routes!(tributes::offer))
        .routes(routes!(tributes::leave_message, tributes::messages))
        .routes(routes!(tributes::hide))
        .routes(routes!(tributes::delete))
        .routes(routes!(reports::report))
        .routes(routes!(staff::report_list))
        .routes(routes!(staff::report_handle))
}
