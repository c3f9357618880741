//! 繁體中文.

use super::Key::{self, *};

pub fn text(key: Key) -> &'static str {
    match key {
        MineHeading => "我的申請",
        MineEmpty => "暫無申請。社會救助網上申請即將推出。",
    }
}
