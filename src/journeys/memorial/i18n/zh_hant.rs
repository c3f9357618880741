//! 繁體中文.

use super::Key::{self, *};

pub fn text(key: Key) -> &'static str {
    match key {
        MineHeading => "我的祭掃預約與紀念館",
        MineEmpty => "暫無祭掃預約和紀念館。網上祭掃即將推出。",
    }
}
