//! This journey's SQL, a file per resource; rows are named structs with their conversions.

pub mod bookings;
pub mod cemeteries;
pub mod family;
pub mod memorials;
pub mod proxy;
pub mod reminders;
pub mod reports;
pub mod tributes;
