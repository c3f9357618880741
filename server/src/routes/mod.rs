//! API handlers outside sign-in, one file per area.

pub mod account;
pub mod dev;
pub mod meta;
pub mod profile;
