//! 简体中文.

use super::Key::{self, *};

pub fn text(key: Key) -> &'static str {
    match key {
        MineHeading => "我的祭扫预约与纪念馆",
        MineEmpty => "暂无祭扫预约和纪念馆。网上祭扫即将上线。",
    }
}
