//! The API contract: what the resident app and the reference server say to each other,
//! and every rule both sides enforce. Compiled into the app (wasm32) and the server (native),
//! so a rule is written exactly once.

pub mod api;
pub mod assistance;
pub mod bundle;
pub mod charity;
pub mod error;
pub mod marriage;
pub mod mask;
pub mod memorial;
pub mod retention;
pub mod rules;
#[cfg(feature = "openapi")]
pub mod schema;
pub mod staff;

pub use error::{ApiError, ErrorCode, FieldError};
