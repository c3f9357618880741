//! The contract of the tomb-sweeping and online memorials (祭扫) journey: its request/response
//! types (`types`) and its rules (`rules`), enforced by both the app and the server.

pub mod reminders;
pub mod rules;
pub mod sharing;
pub mod types;

pub use sharing::*;
pub use types::*;
