//! Request and response bodies of `/api/v1`, grouped as the server's routes are.

pub mod account;
pub mod auth;
pub mod identity;
pub mod localised;
pub mod messages;
pub mod meta;
pub mod paging;
pub mod profile;
pub mod qr;
pub mod reference;
pub mod uploads;

pub use account::*;
pub use auth::*;
pub use identity::*;
pub use localised::*;
pub use messages::*;
pub use meta::*;
pub use paging::*;
pub use profile::*;
pub use qr::*;
pub use uploads::*;
