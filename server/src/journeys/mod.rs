//! The journeys' API, one folder each: its routes, its OpenAPI paths, its demo data.

pub mod assistance;
pub mod charity;
pub mod marriage;
pub mod memorial;
