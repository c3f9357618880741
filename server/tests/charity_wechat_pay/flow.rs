//! The steps the tests share: give, follow the pay link, send a notification as WeChat Pay.

use super::standin::{notification_body, sign, StandIn, API_V3_KEY, KEYS, PLATFORM_SERIAL};
use crate::common::TestServer;
use reqwest::StatusCode;
use serde_json::{json, Value};

pub const PROJECT: &str = "p-elder-meals";

/// A signed-in resident's new gift (pending, WeChat Pay); its id.
pub async fn give(server: &TestServer, client: &reqwest::Client, amount_fen: i64, frequency: &str) -> String {
    let body = json!({ "project_id": PROJECT, "amount_fen": amount_fen, "anonymous": true,
                       "message": "", "frequency": frequency });
    let key = crate::common::random_hex(8);
    let r = client
        .post(server.url("/api/v1/charity/gifts"))
        .header("Idempotency-Key", key)
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let order: Value = r.json().await.unwrap();
    assert_eq!(order["status"], "pending");
    assert_eq!(order["provider"], "wechat_pay");
    let id = order["order_id"].as_str().unwrap().to_string();
    assert_eq!(order["pay_url"], format!("/api/v1/charity/gifts/{id}/pay"));
    id
}

/// Follows the gift's pay link as the browser does: 303 on to the stand-in's h5_url.
pub async fn open_pay_link(server: &TestServer, client: &reqwest::Client, gift: &str, standin: &StandIn) -> String {
    let r = client.get(server.url(&format!("/api/v1/charity/gifts/{gift}/pay"))).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::SEE_OTHER, "{}", r.text().await.unwrap_or_default());
    let location = r.headers()["location"].to_str().unwrap().to_string();
    assert!(location.starts_with(&format!("{}/h5pay/", standin.base)), "on to WeChat Pay's page: {location}");
    location
}

pub async fn gift(client: &reqwest::Client, server: &TestServer, id: &str) -> Value {
    client.get(server.url(&format!("/api/v1/charity/gifts/{id}"))).send().await.unwrap().json().await.unwrap()
}

pub async fn project(server: &TestServer) -> Value {
    reqwest::get(server.url(&format!("/api/v1/charity/projects/{PROJECT}"))).await.unwrap().json().await.unwrap()
}

/// The public figures a payment moves: raised, donors, ledger lines.
pub async fn totals(server: &TestServer) -> (i64, i64, usize) {
    let p = project(server).await;
    (
        p["card"]["raised_fen"].as_i64().unwrap(),
        p["card"]["donors"].as_i64().unwrap(),
        p["ledger"].as_array().unwrap().len(),
    )
}

/// A notification as it reaches us: body and the four `Wechatpay-*` headers.
pub struct Notification {
    pub body: String,
    pub timestamp: i64,
    pub nonce: String,
    pub signature: String,
    pub serial: String,
}

impl Notification {
    /// What WeChat Pay sends for `resource`: encrypted with the API v3 key, signed now by the platform.
    pub fn genuine(server: &TestServer, resource: &Value) -> Notification {
        let body = notification_body(resource, API_V3_KEY);
        let timestamp = server.clock.now();
        let nonce = crate::common::random_hex(16);
        let signature = sign(&KEYS.platform, timestamp, &nonce, body.as_bytes());
        Notification { body, timestamp, nonce, signature, serial: PLATFORM_SERIAL.into() }
    }

    pub async fn send(&self, server: &TestServer) -> reqwest::Response {
        // WeChat Pay's servers: no cookie, no Origin.
        reqwest::Client::new()
            .post(server.url("/api/v1/charity/payments/wechat/notify"))
            .header("Content-Type", "application/json")
            .header("Wechatpay-Timestamp", self.timestamp.to_string())
            .header("Wechatpay-Nonce", &self.nonce)
            .header("Wechatpay-Signature", &self.signature)
            .header("Wechatpay-Serial", &self.serial)
            .body(self.body.clone())
            .send()
            .await
            .unwrap()
    }
}

/// Sends `n` and expects a failure answer as WeChat Pay documents it: `status` and `{code, message}`.
pub async fn refused(server: &TestServer, n: &Notification, status: StatusCode) -> String {
    let r = n.send(server).await;
    assert_eq!(r.status(), status);
    let body: Value = r.json().await.unwrap();
    assert!(body["code"].is_string(), "{body}");
    body["message"].as_str().unwrap().to_string()
}

pub const RECONCILE: &str = "/api/v1/staff/runs/wechat-reconcile";

/// A district admin's reconciliation run as at `at`: the admin signs in, then the server's clock
/// (which the stand-in shares) is moved on to `at`, as time would pass.
pub async fn reconcile(server: &TestServer, at: i64) -> Value {
    let admin = crate::staff_common::district_admin(server).await;
    let ahead = at - server.clock.now();
    if ahead > 0 {
        server.clock.advance(ahead);
    }
    let r = admin.post(server.url(RECONCILE)).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}
