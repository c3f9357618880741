//! 繁體中文.

use super::Key::{self, *};

pub fn text(key: Key) -> &'static str {
    match key {
        MineHeading => "我的捐贈",
        MineEmpty => "暫無捐贈記錄。網上捐贈即將推出。",
    }
}
