//! Sign-in with a mainland mobile number and a one-time SMS code; sessions in an HttpOnly cookie.

pub mod ceiling;
pub mod client_ip;
pub mod codes;
pub mod device;
pub mod identity;
pub mod routes;
pub mod session;
pub mod sms;

pub use session::Resident;
