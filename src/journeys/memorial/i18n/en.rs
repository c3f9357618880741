//! English.

use super::Key::{self, *};

pub fn text(key: Key) -> &'static str {
    match key {
        MineHeading => "My visits and memorials",
        MineEmpty => "No visits or memorials yet. Tomb-sweeping booking and online memorials are coming soon.",
    }
}
