//! English.

use super::Key::{self, *};

pub fn text(key: Key) -> &'static str {
    match key {
        MineHeading => "My registry bookings",
        MineEmpty => "No bookings yet. Online marriage-registration booking is coming soon.",
    }
}
