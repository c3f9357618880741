//! The contract of the charity (慈善) journey, enforced by both the app and the server.
//!
//! Request and response types, one file per resource: `projects` (the list and one project with
//! its ledger), `funds`, `gifts`, `pledges`, `photos`. The rules, one file each: `money` (amounts
//! in fen, a gift's message and donor name) and `badge` (is a project's disclosure on time).
//! Everything is re-exported here.

pub mod badge;
pub mod funds;
pub mod gifts;
pub mod ledger_rows;
pub mod money;
pub mod photos;
pub mod pledges;
pub mod projects;
pub mod reference;

pub use badge::{disclosure_badge, DisclosureBadge};
pub use funds::*;
pub use gifts::*;
pub use ledger_rows::*;
pub use money::*;
pub use photos::*;
pub use pledges::*;
pub use projects::*;
pub use reference::*;
