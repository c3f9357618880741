//! 简体中文.

use super::Key::{self, *};

pub fn text(key: Key) -> &'static str {
    match key {
        MineHeading => "我的捐赠",
        MineEmpty => "暂无捐赠记录。网上捐赠即将上线。",
    }
}
