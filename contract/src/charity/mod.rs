//! The contract of the charity (慈善) journey: its request/response types and its rules,
//! enforced by both the app and the server.

pub mod badge;
pub mod funds;
pub mod gifts;
pub mod money;
pub mod photos;
pub mod pledges;
pub mod projects;

pub use badge::{disclosure_badge, DisclosureBadge};
pub use funds::*;
pub use gifts::*;
pub use money::*;
pub use photos::*;
pub use pledges::*;
pub use projects::*;
