//! A ceiling on all SMS the service sends, per minute and per hour, whoever asks and for
//! whatever purpose (sign-in codes and notices alike): no spread of client addresses or
//! accounts can pump SMS past it. The counts live in the database (`rate_events`), so every
//! server instance shares them. When the ceiling trips, staff see an error-level log line (no
//! numbers, no codes) and residents a clear "try again in …".

use super::sms::{SentNotice, SmsPurpose, SmsSender};
use crate::clock::Clock;
use crate::db::Db;
use crate::error::AppError;
use async_trait::async_trait;
use std::sync::Arc;

/// Errors from the ceiling start with this, followed by the seconds until there is room.
const CEILING_ERROR: &str = "sms-ceiling-reached:";

/// Wraps the real sender; every message passes the ceiling first.
pub struct CeilingSender {
    pub inner: Arc<dyn SmsSender>,
    pub db: Db,
    pub clock: Clock,
    pub per_minute: i64,
    pub per_hour: i64,
}

/// If `error` (from any `SmsSender` method) means the ceiling was reached: seconds to wait.
pub fn retry_after(error: &str) -> Option<i64> {
    error.strip_prefix(CEILING_ERROR)?.parse().ok()
}

/// What a resident gets when the ceiling is reached: 429 with when to retry.
pub fn refusal(retry_after_seconds: i64) -> AppError {
    let mut e = AppError::rate_limited_for(retry_after_seconds);
    e.0.message = "The SMS service is busy; please try again later".into();
    e
}

impl CeilingSender {
    async fn pass(&self, purpose: SmsPurpose) -> Result<(), String> {
        let now = self.clock.now();
        for (bucket, max, window) in
            [("sms-ceiling:minute", self.per_minute, 60), ("sms-ceiling:hour", self.per_hour, 3600)]
        {
            match crate::rate_limit::check(&self.db, bucket, max, window, now).await {
                Ok(None) => {}
                Ok(Some(after)) => {
                    tracing::error!(
                        purpose = purpose.code(),
                        window_seconds = window,
                        max,
                        "SMS ceiling reached: messages are refused until the window has room"
                    );
                    return Err(format!("{CEILING_ERROR}{after}"));
                }
                Err(e) => return Err(format!("SMS ceiling check failed: {e}")),
            }
        }
        Ok(())
    }
}

#[async_trait]
impl SmsSender for CeilingSender {
    async fn send_code(&self, phone: &str, code: &str) -> Result<(), String> {
        self.pass(SmsPurpose::SignInCode).await?;
        self.inner.send_code(phone, code).await
    }

    async fn send_notice(&self, phone: &str, purpose: SmsPurpose, params: &[String]) -> Result<(), String> {
        self.pass(purpose).await?;
        self.inner.send_notice(phone, purpose, params).await
    }

    fn last_code(&self, phone: &str) -> Option<String> {
        self.inner.last_code(phone)
    }

    fn notices(&self, phone: &str) -> Vec<SentNotice> {
        self.inner.notices(phone)
    }
}
