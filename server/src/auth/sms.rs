//! Sending SMS. Production plugs the district's SMS gateway in behind `SmsSender`; the default
//! development sender writes the code to the log (with the number masked) and keeps the last
//! code per number so tests can read it through the dev-only outbox endpoint.

use async_trait::async_trait;
use baoan_contract::mask::mask_phone;
use std::collections::HashMap;
use std::sync::Mutex;

#[async_trait]
pub trait SmsSender: Send + Sync {
    /// Sends a sign-in code to a normalised mainland mobile number.
    async fn send_code(&self, phone: &str, code: &str) -> Result<(), String>;

    /// The last code sent to `phone`, for the development outbox only. Real senders return None.
    fn last_code(&self, _phone: &str) -> Option<String> {
        None
    }
}

#[derive(Default)]
pub struct DevLogSender {
    outbox: Mutex<HashMap<String, String>>,
}

#[async_trait]
impl SmsSender for DevLogSender {
    async fn send_code(&self, phone: &str, code: &str) -> Result<(), String> {
        tracing::info!(phone = %mask_phone(phone), code = %code, "development SMS sender: sign-in code (not sent to a phone)");
        self.outbox.lock().map_err(|e| e.to_string())?.insert(phone.to_string(), code.to_string());
        Ok(())
    }

    fn last_code(&self, phone: &str) -> Option<String> {
        self.outbox.lock().ok()?.get(phone).cloned()
    }
}
