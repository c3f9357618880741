//! The contract of the marriage registration booking (婚姻登记预约) journey: its request/response
//! types and its rules, enforced by both the app and the server.

pub mod api;
pub mod busy;
pub mod checklist;
pub mod divorce;
pub mod party;

pub use api::*;
