//! The contract of the social assistance (社会救助) journey: the standards the server serves,
//! the eligibility rules (one function per programme), the application form with its
//! validation, and the review steps with their timeline. Used by both the app and the server.

pub mod application;
pub mod documents;
pub mod eligibility;
pub mod standards;
pub mod status;
pub mod wire;

pub use application::*;
pub use documents::*;
pub use eligibility::*;
pub use standards::*;
pub use status::*;
pub use wire::*;
