//! 简体中文.

use super::Key::{self, *};

pub fn text(key: Key) -> &'static str {
    match key {
        MineHeading => "我的申请",
        MineEmpty => "暂无申请。社会救助网上申请即将上线。",
    }
}
