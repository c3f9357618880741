//! Sending SMS. Every message a resident's phone receives goes through `SmsSender`: sign-in codes
//! and notices (one purpose each, so a real provider can map each to its approved template).
//! The development sender never sends anything: it keeps what it would have sent in memory so
//! tests (and the demo) can read it through the dev-only outbox endpoint. The live service sends
//! through Tencent Cloud SMS (`tencent`, signed by `tc3`).

pub mod tc3;
pub mod tencent;

use async_trait::async_trait;
use baoan_contract::mask::mask_phone;
use std::collections::HashMap;
use std::sync::Mutex;

/// What an SMS is for: each purpose is one template at a real provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SmsPurpose {
    /// A one-time sign-in code.
    SignInCode,
    /// To party B of a marriage booking: who booked what, where and when, and how to confirm.
    MarriagePartnerNotice,
    /// A booking reminder (marriage registration, cemetery visit).
    BookingReminder,
    /// A status change of an application.
    ApplicationStatus,
}

impl SmsPurpose {
    pub fn code(self) -> &'static str {
        match self {
            SmsPurpose::SignInCode => "sign_in_code",
            SmsPurpose::MarriagePartnerNotice => "marriage_partner_notice",
            SmsPurpose::BookingReminder => "booking_reminder",
            SmsPurpose::ApplicationStatus => "application_status",
        }
    }
}

/// A notice as the development outbox keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentNotice {
    pub purpose: SmsPurpose,
    pub params: Vec<String>,
}

#[async_trait]
pub trait SmsSender: Send + Sync {
    /// Sends a sign-in code to a normalised mainland mobile number.
    async fn send_code(&self, phone: &str, code: &str) -> Result<(), String>;

    /// Sends a notice of `purpose` whose template is filled with `params` (in template order).
    async fn send_notice(&self, phone: &str, purpose: SmsPurpose, params: &[String]) -> Result<(), String>;

    /// The last code sent to `phone`, for the development outbox only. Real senders return None.
    fn last_code(&self, _phone: &str) -> Option<String> {
        None
    }

    /// The notices sent to `phone`, oldest first, for the development outbox only.
    fn notices(&self, _phone: &str) -> Vec<SentNotice> {
        Vec::new()
    }
}

#[derive(Default)]
pub struct DevLogSender {
    outbox: Mutex<HashMap<String, String>>,
    notices: Mutex<HashMap<String, Vec<SentNotice>>>,
}

#[async_trait]
impl SmsSender for DevLogSender {
    async fn send_code(&self, phone: &str, code: &str) -> Result<(), String> {
        // Never the code itself, in any mode: logs are kept and read by more people than residents.
        tracing::info!(phone = %mask_phone(phone), purpose = SmsPurpose::SignInCode.code(), "development SMS sender: sign-in code kept in the dev outbox (not sent to a phone)");
        self.outbox.lock().map_err(|e| e.to_string())?.insert(phone.to_string(), code.to_string());
        Ok(())
    }

    async fn send_notice(&self, phone: &str, purpose: SmsPurpose, params: &[String]) -> Result<(), String> {
        tracing::info!(phone = %mask_phone(phone), purpose = purpose.code(), "development SMS sender: notice (not sent to a phone)");
        let notice = SentNotice { purpose, params: params.to_vec() };
        self.notices.lock().map_err(|e| e.to_string())?.entry(phone.to_string()).or_default().push(notice);
        Ok(())
    }

    fn last_code(&self, phone: &str) -> Option<String> {
        self.outbox.lock().ok()?.get(phone).cloned()
    }

    fn notices(&self, phone: &str) -> Vec<SentNotice> {
        self.notices.lock().map(|n| n.get(phone).cloned().unwrap_or_default()).unwrap_or_default()
    }
}
