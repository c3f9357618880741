//! The four journeys, one folder each.

pub mod assistance;
pub mod charity;
pub mod marriage;
pub mod memorial;
