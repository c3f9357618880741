//! Staff accounts (issue 13): each staff member signs in under their own name with a password and
//! a second factor (TOTP), holds one role tied to one place, and every action they take is kept in
//! the audit trail. The rule of who may act on what is written here once, for the server and the
//! staff pages alike.

pub mod accounts;
pub mod arrivals;
pub mod audit;
pub mod checkin;
pub mod credentials;
pub mod review;
pub mod roles;

pub use accounts::*;
pub use arrivals::*;
pub use audit::*;
pub use checkin::*;
pub use credentials::*;
pub use review::*;
pub use roles::*;
