//! The shared services the journeys build on, on SQLite and PostgreSQL: the message centre,
//! uploads, idempotent submits, slot capacity and the staff token. One test binary; each
//! service's tests live in `shared_services/<service>.rs` (tests are named `<service>::…`).

mod common;

#[path = "shared_services/admin.rs"]
mod admin;
#[path = "shared_services/capacity.rs"]
mod capacity;
#[path = "shared_services/idempotency.rs"]
mod idempotency;
#[path = "shared_services/messages.rs"]
mod messages;
#[path = "shared_services/uploads.rs"]
mod uploads;
