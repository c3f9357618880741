//! Request and response bodies of `/api/v1`, grouped as the server's routes are.

pub mod auth;
pub mod meta;
pub mod profile;

pub use auth::*;
pub use meta::*;
pub use profile::*;
