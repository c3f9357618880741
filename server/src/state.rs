//! What every handler can reach.

use crate::auth::sms::SmsSender;
use crate::clock::Clock;
use crate::config::Config;
use crate::db::Db;
use std::sync::Arc;

#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
    pub sms: Arc<dyn SmsSender>,
    pub clock: Clock,
    /// Whether the database holds demonstration data (read once at start).
    pub demo: bool,
    /// WeChat Pay, when configured: gifts are paid through it instead of the sandbox.
    pub wechat_pay: Option<Arc<crate::journeys::charity::wechat_pay::WechatPay>>,
}
