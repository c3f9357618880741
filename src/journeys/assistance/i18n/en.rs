//! English.

use super::Key::{self, *};

pub fn text(key: Key) -> &'static str {
    match key {
        MineHeading => "My applications",
        MineEmpty => "No applications yet. Online social-assistance applications are coming soon.",
    }
}
