//! The server's notion of "now", so tests can move time forward (code expiry, sessions)
//! without sleeping.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

#[derive(Clone, Default)]
pub struct Clock {
    offset_seconds: Arc<AtomicI64>,
}

impl Clock {
    /// Unix seconds.
    pub fn now(&self) -> i64 {
        let real = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
        real + self.offset_seconds.load(Ordering::Relaxed)
    }

    /// Shenzhen's calendar date today.
    pub fn today(&self) -> baoan_contract::rules::date::Date {
        use baoan_contract::rules::date::{Date, SHENZHEN_UTC_OFFSET};
        Date::from_unix_seconds(self.now(), SHENZHEN_UTC_OFFSET)
    }

    /// Minutes after midnight in Shenzhen now.
    pub fn minute_of_day(&self) -> u32 {
        use baoan_contract::rules::date::{minute_of_day, SHENZHEN_UTC_OFFSET};
        minute_of_day(self.now(), SHENZHEN_UTC_OFFSET)
    }

    /// Tests only: pretend `seconds` have passed.
    pub fn advance(&self, seconds: i64) {
        self.offset_seconds.fetch_add(seconds, Ordering::Relaxed);
    }
}
