//! The shared services the journeys build on, on SQLite and PostgreSQL: the message centre,
//! uploads, idempotent submits, slot capacity and the staff token. One test binary; each
//! service's tests live in `shared_services/<service>.rs` (tests are named
//! `shared_services::<service>::…`).

mod common;

mod shared_services {
    mod admin;
    mod capacity;
    mod idempotency;
    mod messages;
    mod uploads;
}
