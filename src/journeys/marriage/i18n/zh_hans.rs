//! 简体中文.

use super::Key::{self, *};

pub fn text(key: Key) -> &'static str {
    match key {
        MineHeading => "我的婚姻登记预约",
        MineEmpty => "暂无预约。婚姻登记网上预约即将上线。",
    }
}
