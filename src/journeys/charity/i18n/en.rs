//! English.

use super::Key::{self, *};

pub fn text(key: Key) -> &'static str {
    match key {
        MineHeading => "My donations",
        MineEmpty => "No donations yet. Online giving is coming soon.",
    }
}
