//! Issue 10, items 3 and 7, over real HTTP on SQLite and PostgreSQL: upload quotas, photo
//! metadata removed, the purge job (expired sessions, codes, rate records, idempotency records,
//! unused uploads), and a resident's data export and account deletion.

mod assistance_common;
mod common;
mod staff_common;

/// Each part's tests live in `privacy/<part>.rs` (tests are named `privacy::<part>::…`).
mod privacy {
    mod account;
    mod purge;
    mod uploads;
}
