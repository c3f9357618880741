//! This journey's SQL: offices and slots, bookings, and the holds on people and accounts.

mod bookings;
pub mod holds;
mod offices;

pub use bookings::*;
pub use offices::*;
