//! The contract of the tomb-sweeping and online memorials (祭扫) journey, enforced by both the app
//! and the server.
//!
//! Request and response types, one file per resource, re-exported here: `cemeteries`,
//! `bookings`, `proxy`, `memorials`, `tributes`, `family`, `reports`, with `paging` for every
//! list. The rules, used by their module path: `rules` (the checks of every form) and
//! `reminders` (when an owner is reminded).

pub mod bookings;
pub mod cemeteries;
pub mod cemetery_rows;
pub mod family;
pub mod memorials;
pub mod paging;
pub mod proxy;
pub mod reference;
pub mod reports;
pub mod tributes;

pub mod reminders;
pub mod rules;

pub use bookings::*;
pub use cemeteries::*;
pub use cemetery_rows::*;
pub use family::*;
pub use memorials::*;
pub use paging::*;
pub use proxy::*;
pub use reference::*;
pub use reports::*;
pub use tributes::*;
