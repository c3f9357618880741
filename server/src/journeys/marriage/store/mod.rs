//! This journey's SQL: offices and slots, bookings, and the holds on people and accounts.

mod bookings;
mod busy;
pub mod holds;
mod offices;

pub use bookings::*;
pub use busy::busy_markings;
pub use offices::*;
