//! Every validation rule, written once and run by both the app (as the resident types) and
//! the server (which never trusts the app). Each rule takes raw input and returns the
//! normalised value or the [`FieldError`](crate::FieldError) that says how to fix it.

pub mod date;
pub mod documents;
pub mod figures;
pub mod name;
pub mod phone;
pub mod resident_id;
pub mod sms_code;

pub use date::{age_on, Date, SHENZHEN_UTC_OFFSET};
pub use documents::{parse_document_number, IdType};
pub use figures::{Basis, Provenance};
pub use name::parse_person_name;
pub use phone::parse_mobile;
pub use resident_id::{check_digit, make_resident_id, parse_resident_id, ResidentId, Sex};
pub use sms_code::parse_sms_code;
