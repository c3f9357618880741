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
}
