//! 繁體中文.

use super::Key::{self, *};

pub fn text(key: Key) -> &'static str {
    match key {
        MineHeading => "我的婚姻登記預約",
        MineEmpty => "暫無預約。婚姻登記網上預約即將推出。",
    }
}
