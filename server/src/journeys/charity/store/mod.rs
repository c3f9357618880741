//! This journey's SQL, a file per resource; rows are named structs with their conversions.

pub mod cards;
pub mod funds;
pub mod gifts;
pub mod photos;
pub mod pledges;
pub mod projects;
pub mod search_grams;
pub mod texts;
