//! A local stand-in for Tencent Cloud SMS's API 3.0 endpoint (`SendSms`, 2021-01-11), on a
//! loopback port. It checks each request as the provider would — the TC3-HMAC-SHA256 signature
//! (recomputed here from the documented steps, independently of the server's `tc3` module), the
//! action, version and region headers, the timestamp, SdkAppId, SignName, the template and its
//! number of parameters — and answers in the documented shapes: sent (`SendStatusSet` with
//! `Code: "Ok"`), a throttled number (`LimitExceeded.PhoneNumberDailyLimit`), an incorrect number
//! (`InvalidParameterValue.IncorrectPhoneNumber`), an API error (`AuthFailure.SignatureFailure`…),
//! and, on demand, HTTP 502 for the next few requests.
#![allow(dead_code)]

use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::post;
use axum::{Json, Router};
use baoan_server::config::Config;
use hmac::{Hmac, Mac};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};

pub const SECRET_ID: &str = "AKIDstandin00000000000000000000000000";
pub const SECRET_KEY: &str = "standin-secret-key-0123456789abcdef";
pub const SDK_APP_ID: &str = "1400787878";
pub const SIGN_NAME: &str = "宝安民政";
pub const REGION: &str = "ap-guangzhou";
/// Template IDs by purpose, with their number of parameters.
pub const TEMPLATE_SIGN_IN: (&str, usize) = ("2000001", 2);
pub const TEMPLATE_MARRIAGE_PARTNER: (&str, usize) = ("2000002", 5);
pub const TEMPLATE_BOOKING_REMINDER: (&str, usize) = ("2000003", 3);
pub const TEMPLATE_APPLICATION_STATUS: (&str, usize) = ("2000004", 2);
/// The provider's answers for these numbers: over their daily limit; not a real number.
pub const THROTTLED_PHONE: &str = "13900000429";
pub const INCORRECT_PHONE: &str = "13900000400";

/// One message the stand-in accepted and "sent".
#[derive(Debug, Clone, PartialEq)]
pub struct Sent {
    pub phone: String,
    pub template: String,
    pub params: Vec<String>,
}

#[derive(Default)]
pub struct StandIn {
    pub url: String,
    /// Messages accepted, in order.
    pub sent: Mutex<Vec<Sent>>,
    /// Why requests were refused (signature, headers, parameters), in order.
    pub refused: Mutex<Vec<String>>,
    /// Every request that reached it, answered or not.
    pub requests: AtomicUsize,
    /// Answer this many coming requests with HTTP 502.
    pub fail_next: AtomicUsize,
}

impl StandIn {
    pub async fn start() -> Arc<StandIn> {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.expect("bind the stand-in");
        let url = format!("http://{}", listener.local_addr().unwrap());
        let stand_in = Arc::new(StandIn { url, ..StandIn::default() });
        let app = Router::new().route("/", post(send_sms)).with_state(stand_in.clone());
        tokio::spawn(async move { axum::serve(listener, app).await });
        stand_in
    }

    pub fn sent(&self) -> Vec<Sent> {
        self.sent.lock().unwrap().clone()
    }

    pub fn refused(&self) -> Vec<String> {
        self.refused.lock().unwrap().clone()
    }

    pub fn requests(&self) -> usize {
        self.requests.load(Ordering::SeqCst)
    }

    /// The code of the last sign-in SMS to `phone`, as the resident's phone would show it.
    pub fn last_code(&self, phone: &str) -> String {
        let sent = self.sent();
        let m = sent
            .iter()
            .rev()
            .find(|m| m.phone == phone && m.template == TEMPLATE_SIGN_IN.0)
            .unwrap_or_else(|| panic!("no sign-in SMS to {phone}; refused: {:?}", self.refused()));
        m.params[0].clone()
    }

    /// The server's settings for this stand-in: production mode, Tencent SMS pointing here.
    pub fn configure(&self, c: &mut Config) {
        c.demo = false;
        let t = &mut c.tencent_sms;
        t.tencent_secret_id = Some(SECRET_ID.into());
        t.tencent_secret_key = Some(SECRET_KEY.into());
        t.tencent_sms_sdk_app_id = Some(SDK_APP_ID.into());
        t.tencent_sms_sign_name = Some(SIGN_NAME.into());
        t.tencent_sms_region = REGION.into();
        t.tencent_sms_endpoint = self.url.clone();
        t.tencent_sms_template_sign_in = Some(TEMPLATE_SIGN_IN.0.into());
        t.tencent_sms_template_marriage_partner = Some(TEMPLATE_MARRIAGE_PARTNER.0.into());
        t.tencent_sms_template_booking_reminder = Some(TEMPLATE_BOOKING_REMINDER.0.into());
        t.tencent_sms_template_application_status = Some(TEMPLATE_APPLICATION_STATUS.0.into());
    }

    /// The same settings as environment variables, for the server binary.
    pub fn env(&self) -> Vec<(&'static str, String)> {
        vec![
            ("BAOAN_TENCENT_SECRET_ID", SECRET_ID.into()),
            ("BAOAN_TENCENT_SECRET_KEY", SECRET_KEY.into()),
            ("BAOAN_TENCENT_SMS_SDK_APP_ID", SDK_APP_ID.into()),
            ("BAOAN_TENCENT_SMS_SIGN_NAME", SIGN_NAME.into()),
            ("BAOAN_TENCENT_SMS_REGION", REGION.into()),
            ("BAOAN_TENCENT_SMS_ENDPOINT", self.url.clone()),
            ("BAOAN_TENCENT_SMS_TEMPLATE_SIGN_IN", TEMPLATE_SIGN_IN.0.into()),
            ("BAOAN_TENCENT_SMS_TEMPLATE_MARRIAGE_PARTNER", TEMPLATE_MARRIAGE_PARTNER.0.into()),
            ("BAOAN_TENCENT_SMS_TEMPLATE_BOOKING_REMINDER", TEMPLATE_BOOKING_REMINDER.0.into()),
            ("BAOAN_TENCENT_SMS_TEMPLATE_APPLICATION_STATUS", TEMPLATE_APPLICATION_STATUS.0.into()),
        ]
    }
}

fn request_id() -> String {
    format!("standin-{}", rand::random::<u64>())
}

/// `{"Response": {"Error": …}}` with HTTP 200, as API 3.0 answers an error.
fn api_error(stand_in: &StandIn, code: &str, message: String) -> Response {
    stand_in.refused.lock().unwrap().push(format!("{code}: {message}"));
    Json(json!({ "Response": { "Error": { "Code": code, "Message": message }, "RequestId": request_id() } }))
        .into_response()
}

fn send_status(phone: &str, code: &str, message: &str) -> Response {
    Json(json!({ "Response": {
        "SendStatusSet": [{
            "SerialNo": if code == "Ok" { format!("2433:{}", rand::random::<u32>()) } else { String::new() },
            "PhoneNumber": phone,
            "Fee": if code == "Ok" { 1 } else { 0 },
            "SessionContext": "",
            "Code": code,
            "Message": message,
            "IsoCode": "CN"
        }],
        "RequestId": request_id()
    }}))
    .into_response()
}

async fn send_sms(State(stand_in): State<Arc<StandIn>>, headers: HeaderMap, body: Bytes) -> Response {
    stand_in.requests.fetch_add(1, Ordering::SeqCst);
    if stand_in.fail_next.fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1)).is_ok() {
        return (StatusCode::BAD_GATEWAY, "upstream unavailable").into_response();
    }
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    for (name, want) in [("x-tc-action", "SendSms"), ("x-tc-version", "2021-01-11"), ("x-tc-region", REGION)] {
        if header(name) != want {
            return api_error(&stand_in, "InvalidParameter", format!("{name} is {:?}, not {want}", header(name)));
        }
    }
    if let Err(why) = verify_signature(&headers, &body) {
        return api_error(&stand_in, "AuthFailure.SignatureFailure", why);
    }
    let Ok(request): Result<Value, _> = serde_json::from_slice(&body) else {
        return api_error(&stand_in, "InvalidParameter", "the body is not JSON".into());
    };
    if request["SmsSdkAppId"] != SDK_APP_ID {
        return api_error(&stand_in, "InvalidParameterValue.SdkAppIdNotExist", format!("{}", request["SmsSdkAppId"]));
    }
    if request["SignName"] != SIGN_NAME {
        return api_error(
            &stand_in,
            "FailedOperation.SignatureIncorrectOrUnapproved",
            format!("{}", request["SignName"]),
        );
    }
    let template = request["TemplateId"].as_str().unwrap_or("").to_string();
    let Some((_, expected_params)) =
        [TEMPLATE_SIGN_IN, TEMPLATE_MARRIAGE_PARTNER, TEMPLATE_BOOKING_REMINDER, TEMPLATE_APPLICATION_STATUS]
            .into_iter()
            .find(|(id, _)| *id == template)
    else {
        return api_error(&stand_in, "FailedOperation.TemplateIncorrectOrUnapproved", template);
    };
    let params: Vec<String> = request["TemplateParamSet"]
        .as_array()
        .map(|a| a.iter().filter_map(|p| p.as_str().map(str::to_string)).collect())
        .unwrap_or_default();
    if params.len() != expected_params {
        return api_error(
            &stand_in,
            "InvalidParameterValue.TemplateParameterFormatError",
            format!("template {template} takes {expected_params} parameters, got {}", params.len()),
        );
    }
    let numbers = request["PhoneNumberSet"].as_array().cloned().unwrap_or_default();
    let [number] = numbers.as_slice() else {
        return api_error(&stand_in, "InvalidParameter", format!("{} numbers, expected one", numbers.len()));
    };
    let e164 = number.as_str().unwrap_or("").to_string();
    let Some(phone) = e164.strip_prefix("+86").filter(|p| p.len() == 11 && p.bytes().all(|b| b.is_ascii_digit()))
    else {
        return send_status(&e164, "InvalidParameterValue.IncorrectPhoneNumber", "incorrect number format");
    };
    match phone {
        THROTTLED_PHONE => send_status(
            &e164,
            "LimitExceeded.PhoneNumberDailyLimit",
            "the number of SMS messages sent from a single mobile number every day exceeds the upper limit",
        ),
        INCORRECT_PHONE => send_status(&e164, "InvalidParameterValue.IncorrectPhoneNumber", "incorrect number"),
        _ => {
            stand_in.sent.lock().unwrap().push(Sent { phone: phone.to_string(), template, params });
            send_status(&e164, "Ok", "send success")
        }
    }
}

fn sha256_hex(data: &[u8]) -> String {
    Sha256::digest(data).iter().map(|b| format!("{b:02x}")).collect()
}

fn hmac(key: &[u8], data: &str) -> Vec<u8> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).unwrap();
    mac.update(data.as_bytes());
    mac.finalize().into_bytes().to_vec()
}

/// The provider's check, from the documented steps: rebuild the canonical request from the
/// headers the client says it signed (each `name:value`, lowercased and trimmed, in ASCII order),
/// derive the key from our copy of the SecretKey and compare signatures.
fn verify_signature(headers: &HeaderMap, body: &[u8]) -> Result<(), String> {
    let auth = headers.get("authorization").and_then(|v| v.to_str().ok()).ok_or("no Authorization")?;
    let rest = auth.strip_prefix("TC3-HMAC-SHA256 ").ok_or("not TC3-HMAC-SHA256")?;
    let mut credential = "";
    let mut signed_headers = "";
    let mut signature = "";
    for part in rest.split(", ") {
        match part.split_once('=') {
            Some(("Credential", v)) => credential = v,
            Some(("SignedHeaders", v)) => signed_headers = v,
            Some(("Signature", v)) => signature = v,
            _ => return Err(format!("unexpected Authorization part {part:?}")),
        }
    }
    let scope: Vec<&str> = credential.split('/').collect();
    let [secret_id, date, service, "tc3_request"] = scope.as_slice() else {
        return Err(format!("bad credential {credential:?}"));
    };
    if *secret_id != SECRET_ID || *service != "sms" {
        return Err(format!("credential {secret_id}/{service} is not ours"));
    }
    let names: Vec<&str> = signed_headers.split(';').collect();
    for required in ["content-type", "host", "x-tc-action"] {
        if !names.contains(&required) {
            return Err(format!("{required} is not signed"));
        }
    }
    let mut sorted = names.clone();
    sorted.sort_unstable();
    if sorted != names {
        return Err("SignedHeaders not in ASCII order".into());
    }
    let timestamp: i64 = headers
        .get("x-tc-timestamp")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .ok_or("no X-TC-Timestamp")?;
    let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_secs() as i64;
    if (now - timestamp).abs() > 300 {
        return Err("timestamp more than five minutes off".into());
    }
    let utc_date = baoan_contract::rules::date::Date::from_unix_seconds(timestamp, 0).to_iso();
    if *date != utc_date {
        return Err(format!("credential date {date} is not the timestamp's UTC date {utc_date}"));
    }
    let mut canonical_headers = String::new();
    for name in &names {
        let value = headers.get(*name).and_then(|v| v.to_str().ok()).ok_or(format!("signed header {name} missing"))?;
        canonical_headers.push_str(&format!("{name}:{}\n", value.trim().to_ascii_lowercase()));
    }
    let canonical_request = format!("POST\n/\n\n{canonical_headers}\n{signed_headers}\n{}", sha256_hex(body));
    let string_to_sign =
        format!("TC3-HMAC-SHA256\n{timestamp}\n{date}/sms/tc3_request\n{}", sha256_hex(canonical_request.as_bytes()));
    let k_date = hmac(format!("TC3{SECRET_KEY}").as_bytes(), date);
    let k_service = hmac(&k_date, "sms");
    let k_signing = hmac(&k_service, "tc3_request");
    let expected: String = hmac(&k_signing, &string_to_sign).iter().map(|b| format!("{b:02x}")).collect();
    if expected != signature {
        return Err("signature mismatch".into());
    }
    Ok(())
}
