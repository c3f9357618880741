//! The contract of the marriage registration booking (婚姻登记预约) journey, enforced by both the
//! app and the server.
//!
//! Request and response types, one file per resource, re-exported here: `offices`, `days`,
//! `slots`, `bookings`, `second_visits`. The rules, one file each, used by their module path:
//! `party` (the two parties), `divorce` (the legal clock), `checklist` (what to bring), `busy`
//! (the dates many couples want).

pub mod bookings;
pub mod days;
pub mod offices;
pub mod reference;
pub mod second_visits;
pub mod slots;

pub mod busy;
pub mod checklist;
pub mod divorce;
pub mod party;

pub use bookings::*;
pub use days::*;
pub use offices::*;
pub use reference::*;
pub use second_visits::*;
pub use slots::*;
