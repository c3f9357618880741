//! Tencent Cloud SMS: API 3.0 `SendSms` (version 2021-01-11), signed with TC3-HMAC-SHA256
//! (`tc3`). One approved template per `SmsPurpose`, its ID from the configuration; the template's
//! parameters are the purpose's, in order. A try that may succeed on its own later (the network,
//! an HTTP 5xx, the provider's internal error or its API rate limit) is tried again after a
//! growing pause, three tries in all; what cannot (a throttled or wrong number, a rejected
//! request) is reported at once. The caller shows the resident its plain "could not send".

use super::tc3;
use super::{SmsPurpose, SmsSender};
use crate::config::TencentSmsSettings;
use async_trait::async_trait;
use baoan_contract::mask::mask_phone;
use serde::Deserialize;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

pub const ACTION: &str = "SendSms";
pub const VERSION: &str = "2021-01-11";
/// The product in the credential scope, as in its domain name (sms.tencentcloudapi.com).
pub const SERVICE: &str = "sms";
/// Tries per message, the first included.
pub const MAX_TRIES: u32 = 3;
/// One try's limit. Three tries and their pauses (0.5 s, then 2 s) stay within the request
/// timeout a resident's sign-in request has (30 s by default), so they get an answer, not a 408.
const TRY_TIMEOUT: Duration = Duration::from_secs(5);
const FIRST_PAUSE: Duration = Duration::from_millis(500);

pub struct TencentSms {
    settings: TencentSmsSettings,
    client: reqwest::Client,
    url: reqwest::Url,
    /// The Host header reqwest sends for `url` (with the port when not the default), as signed.
    host: String,
}

/// Why one try did not send.
enum Failure {
    /// Another try may succeed.
    Transient(String),
    /// It will not: report it.
    Final(String),
}

/// `{"Response": {...}}`, as every API 3.0 action answers (HTTP 200 for API errors too).
#[derive(Deserialize)]
struct Envelope {
    #[serde(rename = "Response")]
    response: Answer,
}

#[derive(Deserialize)]
struct Answer {
    #[serde(rename = "Error")]
    error: Option<Status>,
    #[serde(rename = "SendStatusSet", default)]
    send_status_set: Vec<Status>,
    #[serde(rename = "RequestId", default)]
    request_id: String,
}

/// An API error or one number's send status: `Code` is `Ok` when sent.
#[derive(Deserialize)]
struct Status {
    #[serde(rename = "Code")]
    code: String,
    #[serde(rename = "Message", default)]
    message: String,
}

impl TencentSms {
    pub fn new(settings: TencentSmsSettings) -> Result<Self, String> {
        let url = reqwest::Url::parse(&settings.endpoint)
            .map_err(|e| format!("unusable setting BAOAN_TENCENT_SMS_ENDPOINT: {e}"))?;
        let host = match (url.host_str(), url.port()) {
            (Some(h), Some(port)) => format!("{h}:{port}"),
            (Some(h), None) => h.to_string(),
            (None, _) => return Err("unusable setting BAOAN_TENCENT_SMS_ENDPOINT: no host".into()),
        };
        let client = reqwest::Client::builder()
            .timeout(TRY_TIMEOUT)
            .build()
            .map_err(|e| format!("Tencent SMS: cannot build the HTTP client: {e}"))?;
        Ok(TencentSms { settings, client, url, host })
    }

    fn template(&self, purpose: SmsPurpose) -> &str {
        let t = &self.settings.templates;
        match purpose {
            SmsPurpose::SignInCode => &t.sign_in,
            SmsPurpose::MarriagePartnerNotice => &t.marriage_partner,
            SmsPurpose::BookingReminder => &t.booking_reminder,
            SmsPurpose::ApplicationStatus => &t.application_status,
        }
    }

    /// The request body: one mainland number in E.164 form, the template and its parameters.
    fn body(&self, phone: &str, purpose: SmsPurpose, params: &[String]) -> Vec<u8> {
        let body = serde_json::json!({
            "PhoneNumberSet": [format!("+86{phone}")],
            "SmsSdkAppId": self.settings.sdk_app_id,
            "SignName": self.settings.sign_name,
            "TemplateId": self.template(purpose),
            "TemplateParamSet": params,
        });
        serde_json::to_vec(&body).expect("a JSON value serialises")
    }

    async fn send(&self, phone: &str, purpose: SmsPurpose, params: &[String]) -> Result<(), String> {
        let body = self.body(phone, purpose, params);
        let mut pause = FIRST_PAUSE;
        let mut tries = 0;
        loop {
            tries += 1;
            match self.try_once(&body).await {
                Ok(()) => return Ok(()),
                Err(Failure::Final(e)) => {
                    tracing::warn!(phone = %mask_phone(phone), purpose = purpose.code(), error = %e, "Tencent SMS refused the message");
                    return Err(e);
                }
                Err(Failure::Transient(e)) if tries < MAX_TRIES => {
                    tracing::warn!(phone = %mask_phone(phone), purpose = purpose.code(), error = %e, tries, "Tencent SMS failed; trying again");
                    tokio::time::sleep(pause).await;
                    pause *= 4;
                }
                Err(Failure::Transient(e)) => return Err(format!("{e} (after {tries} tries)")),
            }
        }
    }

    async fn try_once(&self, body: &[u8]) -> Result<(), Failure> {
        // The provider's clock, not the service's: it refuses a timestamp five minutes off the
        // real time, and tests move the service's clock forward.
        let timestamp = SystemTime::now().duration_since(UNIX_EPOCH).map(|d| d.as_secs() as i64).unwrap_or(0);
        let request = tc3::Request { service: SERVICE, host: &self.host, action: ACTION, timestamp, payload: body };
        let authorization = tc3::authorization(&self.settings.secret_id, self.settings.secret_key.expose(), &request);
        let response = self
            .client
            .post(self.url.clone())
            .header(reqwest::header::AUTHORIZATION, authorization)
            .header(reqwest::header::CONTENT_TYPE, tc3::CONTENT_TYPE)
            .header("X-TC-Action", ACTION)
            .header("X-TC-Timestamp", timestamp.to_string())
            .header("X-TC-Version", VERSION)
            .header("X-TC-Region", &self.settings.region)
            .body(body.to_vec())
            .send()
            .await
            .map_err(|e| Failure::Transient(format!("Tencent SMS unreachable: {}", e.without_url())))?;
        let status = response.status();
        if status.is_server_error() {
            return Err(Failure::Transient(format!("Tencent SMS answered HTTP {status}")));
        }
        if !status.is_success() {
            return Err(Failure::Final(format!("Tencent SMS answered HTTP {status}")));
        }
        let envelope: Envelope = response
            .json()
            .await
            .map_err(|e| Failure::Transient(format!("Tencent SMS answer unreadable: {}", e.without_url())))?;
        outcome(envelope.response)
    }
}

/// What an answer means. API errors: the provider's internal errors and its API rate limit pass;
/// anything else (signature, parameters, account) will not. A number's status: `Ok` is sent;
/// `LimitExceeded.*` (that number's daily or hourly limit) and `InvalidParameterValue.*` (e.g. an
/// incorrect number) will not change on a retry.
fn outcome(answer: Answer) -> Result<(), Failure> {
    let request_id = answer.request_id;
    if let Some(error) = answer.error {
        let text = format!("Tencent SMS error {}: {} (request {request_id})", error.code, error.message);
        let transient = error.code.starts_with("InternalError") || error.code == "RequestLimitExceeded";
        return Err(if transient { Failure::Transient(text) } else { Failure::Final(text) });
    }
    match answer.send_status_set.first() {
        Some(status) if status.code == "Ok" => Ok(()),
        Some(status) => Err(Failure::Final(format!(
            "Tencent SMS did not send: {}: {} (request {request_id})",
            status.code, status.message
        ))),
        None => Err(Failure::Final(format!("Tencent SMS answered without a send status (request {request_id})"))),
    }
}

#[async_trait]
impl SmsSender for TencentSms {
    async fn send_code(&self, phone: &str, code: &str) -> Result<(), String> {
        let minutes = baoan_contract::api::SMS_CODE_TTL_SECONDS / 60;
        self.send(phone, SmsPurpose::SignInCode, &[code.to_string(), minutes.to_string()]).await
    }

    async fn send_notice(&self, phone: &str, purpose: SmsPurpose, params: &[String]) -> Result<(), String> {
        self.send(phone, purpose, params).await
    }
}
