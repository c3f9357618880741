//! The contract of the social assistance (社会救助) journey, used by both the app and the server.
//!
//! Request and response types, one file per resource: `standards` (the amounts and thresholds
//! every rule reads, served as data), `communities`, `drafts`, `applications` (the form with its
//! checks, the resident's view, staff's actions). The rules, one file each: `eligibility` (one
//! function per programme), `documents` (which documents an application needs), `status` (the
//! review steps and their timeline). Everything is re-exported here.

pub mod applications;
pub mod communities;
pub mod drafts;
pub mod reference;
pub mod standards;

pub mod documents;
pub mod eligibility;
pub mod status;

pub use applications::*;
pub use communities::*;
pub use documents::*;
pub use drafts::*;
pub use eligibility::*;
pub use reference::*;
pub use standards::*;
pub use status::*;
