//! A local stand-in for WeChat Pay API v3 (axum on loopback), and the keys and notifications of
//! the provider, made here as WeChat Pay makes them.
//!
//! The stand-in refuses (401 SIGN_ERROR) any request whose `WECHATPAY2-SHA256-RSA2048`
//! Authorization does not verify with the merchant's public key, names another merchant or
//! serial, or is stale; it answers place/query/close as documented, each answer signed with the
//! platform key (`Wechatpay-Timestamp/-Nonce/-Signature/-Serial`).

use aes_gcm::aead::{Aead, Payload};
use aes_gcm::{Aes256Gcm, KeyInit, Nonce};
use axum::body::Bytes;
use axum::extract::State;
use axum::http::{HeaderMap, Method, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use baoan_server::clock::Clock;
use baoan_server::config::Config;
use base64::engine::general_purpose::STANDARD as B64;
use base64::Engine as _;
use rsa::pkcs1v15::{Signature, SigningKey, VerifyingKey};
use rsa::pkcs8::{EncodePrivateKey, EncodePublicKey, LineEnding};
use rsa::signature::{SignatureEncoding, Signer, Verifier};
use rsa::RsaPrivateKey;
use serde_json::{json, Value};
use sha2::Sha256;
use std::collections::HashMap;
use std::sync::{Arc, LazyLock, Mutex};

pub const MCH_ID: &str = "1900000109";
pub const APP_ID: &str = "wxd678efh567hg6787";
pub const MERCHANT_SERIAL: &str = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1";
pub const PLATFORM_SERIAL: &str = "PUB_KEY_ID_0114232019112100000000000000";
pub const API_V3_KEY: &[u8; 32] = b"a3ee1b9f7c0d4e52b8e6f1a2c3d4e5f6";

/// The keys, made once per test binary (RSA 2048): the merchant's, the platform's, and an
/// attacker's who signs as the platform without its key.
pub struct Keys {
    pub merchant: RsaPrivateKey,
    pub platform: RsaPrivateKey,
    pub attacker: RsaPrivateKey,
    pub dir: tempfile::TempDir,
}

pub static KEYS: LazyLock<Keys> = LazyLock::new(|| {
    let mut rng = rand::thread_rng();
    let merchant = RsaPrivateKey::new(&mut rng, 2048).unwrap();
    let platform = RsaPrivateKey::new(&mut rng, 2048).unwrap();
    let attacker = RsaPrivateKey::new(&mut rng, 2048).unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("apiclient_key.pem"), merchant.to_pkcs8_pem(LineEnding::LF).unwrap().as_bytes())
        .unwrap();
    let public = platform.to_public_key().to_public_key_pem(LineEnding::LF).unwrap();
    std::fs::write(dir.path().join("platform_pub.pem"), public).unwrap();
    Keys { merchant, platform, attacker, dir }
});

/// Listeners bound by `configure`, taken by `StandIn::start` (by port) once the server runs.
static LISTENERS: LazyLock<Mutex<HashMap<u16, std::net::TcpListener>>> = LazyLock::new(Default::default);

/// The server's configuration for WeChat Pay, pointing at a stand-in on a fresh loopback port.
pub fn configure(c: &mut Config) {
    let keys = &*KEYS;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    LISTENERS.lock().unwrap().insert(port, listener);
    c.seed_demo_data = true;
    c.admin_token = Some(TOKEN.into());
    let w = &mut c.wechat_pay;
    w.wechatpay_mch_id = Some(MCH_ID.into());
    w.wechatpay_app_id = Some(APP_ID.into());
    w.wechatpay_serial = Some(MERCHANT_SERIAL.into());
    w.wechatpay_private_key_file = Some(keys.dir.path().join("apiclient_key.pem"));
    w.wechatpay_api_v3_key = Some(std::str::from_utf8(API_V3_KEY).unwrap().parse().unwrap());
    w.wechatpay_platform_certs =
        vec![format!("{PLATFORM_SERIAL}={}", keys.dir.path().join("platform_pub.pem").display())];
    w.wechatpay_notify_url = Some("https://minzheng.example.cn/api/v1/charity/payments/wechat/notify".into());
    w.wechatpay_base_url = format!("http://127.0.0.1:{port}");
    w.wechatpay_order_minutes = 30;
    w.wechatpay_reconcile_after_minutes = 10;
}

pub const TOKEN: &str = "test-admin-token";

/// An order as the stand-in keeps it.
#[derive(Clone, Debug)]
pub struct Order {
    pub amount: i64,
    pub trade_state: String,
    pub transaction_id: Option<String>,
    pub body: Value,
}

#[derive(Clone)]
pub struct StandIn {
    pub base: String,
    pub clock: Clock,
    pub orders: Arc<Mutex<HashMap<String, Order>>>,
    /// Every verified call, as "METHOD path".
    pub calls: Arc<Mutex<Vec<String>>>,
    /// Calls refused for their signature.
    pub refused: Arc<Mutex<u32>>,
}

impl StandIn {
    /// Serves the stand-in on the listener `configure` bound for this server.
    pub async fn start(server: &crate::common::TestServer) -> StandIn {
        let base = server.config.wechat_pay.wechatpay_base_url.clone();
        let port: u16 = base.rsplit(':').next().unwrap().parse().unwrap();
        let listener = LISTENERS.lock().unwrap().remove(&port).expect("configure bound the stand-in's port");
        listener.set_nonblocking(true).unwrap();
        let listener = tokio::net::TcpListener::from_std(listener).unwrap();
        let standin = StandIn {
            base,
            clock: server.clock.clone(),
            orders: Default::default(),
            calls: Default::default(),
            refused: Default::default(),
        };
        let app = axum::Router::new().fallback(handle).with_state(standin.clone());
        tokio::spawn(async move { axum::serve(listener, app).await.unwrap() });
        standin
    }

    /// The payer pays at WeChat Pay (the money is taken; the notification is up to the test).
    pub fn pay(&self, out_trade_no: &str) -> Order {
        let mut orders = self.orders.lock().unwrap();
        let order = orders.get_mut(out_trade_no).expect("an order placed at the stand-in");
        order.trade_state = "SUCCESS".into();
        order.transaction_id = Some(format!("4200000{}", &out_trade_no[..12]));
        order.clone()
    }

    pub fn only_order(&self) -> (String, Order) {
        let orders = self.orders.lock().unwrap();
        assert_eq!(orders.len(), 1, "one order placed");
        orders.iter().map(|(k, v)| (k.clone(), v.clone())).next().unwrap()
    }

    pub fn transaction(out_trade_no: &str, order: &Order) -> Value {
        json!({
            "appid": APP_ID, "mchid": MCH_ID, "out_trade_no": out_trade_no,
            "transaction_id": order.transaction_id, "trade_type": "MWEB", "trade_state": order.trade_state,
            "trade_state_desc": "", "bank_type": "OTHERS", "attach": "", "success_time": "2026-12-02T10:00:00+08:00",
            "payer": { "openid": "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o" },
            "amount": { "total": order.amount, "payer_total": order.amount, "currency": "CNY", "payer_currency": "CNY" }
        })
    }
}

/// Signs "timestamp\nnonce\nbody\n" with `key`; base64.
pub fn sign(key: &RsaPrivateKey, timestamp: i64, nonce: &str, body: &[u8]) -> String {
    let mut message = format!("{timestamp}\n{nonce}\n").into_bytes();
    message.extend_from_slice(body);
    message.push(b'\n');
    B64.encode(SigningKey::<Sha256>::new(key.clone()).sign(&message).to_bytes())
}

/// A notification body carrying `resource` encrypted with `key` (the API v3 key, or a wrong one).
pub fn notification_body(resource: &Value, key: &[u8; 32]) -> String {
    let nonce = "fdasflkja484";
    let aad = "transaction";
    let cipher = Aes256Gcm::new_from_slice(key).unwrap();
    let sealed = cipher
        .encrypt(
            Nonce::from_slice(nonce.as_bytes()),
            Payload { msg: resource.to_string().as_bytes(), aad: aad.as_bytes() },
        )
        .unwrap();
    json!({
        "id": "EV-2018022511223320873", "create_time": "2026-12-02T10:00:05+08:00",
        "resource_type": "encrypt-resource", "event_type": "TRANSACTION.SUCCESS", "summary": "支付成功",
        "resource": { "original_type": "transaction", "algorithm": "AEAD_AES_256_GCM",
                      "ciphertext": B64.encode(sealed), "associated_data": aad, "nonce": nonce }
    })
    .to_string()
}

fn signed(clock: &Clock, status: StatusCode, body: String) -> Response {
    let timestamp = clock.now();
    let nonce = format!("n{timestamp}x");
    let signature = sign(&KEYS.platform, timestamp, &nonce, body.as_bytes());
    let mut response = (status, body).into_response();
    let h = response.headers_mut();
    h.insert("Wechatpay-Timestamp", timestamp.to_string().parse().unwrap());
    h.insert("Wechatpay-Nonce", nonce.parse().unwrap());
    h.insert("Wechatpay-Signature", signature.parse().unwrap());
    h.insert("Wechatpay-Serial", PLATFORM_SERIAL.parse().unwrap());
    h.insert("Content-Type", "application/json".parse().unwrap());
    response
}

fn error(clock: &Clock, status: StatusCode, code: &str) -> Response {
    signed(clock, status, json!({ "code": code, "message": code }).to_string())
}

/// The merchant's Authorization header verified as WeChat Pay does.
fn authorized(s: &StandIn, method: &Method, uri: &Uri, headers: &HeaderMap, body: &[u8]) -> bool {
    let Some(auth) = headers.get("Authorization").and_then(|v| v.to_str().ok()) else { return false };
    let Some(params) = auth.strip_prefix("WECHATPAY2-SHA256-RSA2048 ") else { return false };
    let fields: HashMap<&str, &str> = params
        .split(',')
        .filter_map(|p| p.split_once('='))
        .map(|(k, v)| (k.trim(), v.trim().trim_matches('"')))
        .collect();
    let (Some(mchid), Some(nonce), Some(sig), Some(ts), Some(serial)) = (
        fields.get("mchid"),
        fields.get("nonce_str"),
        fields.get("signature"),
        fields.get("timestamp"),
        fields.get("serial_no"),
    ) else {
        return false;
    };
    let fresh = ts.parse::<i64>().is_ok_and(|t| (s.clock.now() - t).abs() <= 300);
    let path = uri.path_and_query().map(|p| p.as_str()).unwrap_or("");
    let mut message = format!("{method}\n{path}\n{ts}\n{nonce}\n").into_bytes();
    message.extend_from_slice(body);
    message.push(b'\n');
    let key = VerifyingKey::<Sha256>::new(KEYS.merchant.to_public_key());
    let Ok(bytes) = B64.decode(sig) else { return false };
    let Ok(signature) = Signature::try_from(bytes.as_slice()) else { return false };
    *mchid == MCH_ID && *serial == MERCHANT_SERIAL && fresh && key.verify(&message, &signature).is_ok()
}

async fn handle(State(s): State<StandIn>, method: Method, uri: Uri, headers: HeaderMap, body: Bytes) -> Response {
    if !authorized(&s, &method, &uri, &headers, &body) {
        *s.refused.lock().unwrap() += 1;
        return error(&s.clock, StatusCode::UNAUTHORIZED, "SIGN_ERROR");
    }
    s.calls.lock().unwrap().push(format!("{method} {}", uri.path()));
    let path = uri.path().to_string();
    let body: Value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    if method == Method::POST && path == "/v3/pay/transactions/h5" {
        return place(&s, body);
    }
    let Some(rest) = path.strip_prefix("/v3/pay/transactions/out-trade-no/") else {
        return error(&s.clock, StatusCode::NOT_FOUND, "NOT_FOUND");
    };
    let mut orders = s.orders.lock().unwrap();
    match (method, rest.strip_suffix("/close")) {
        (Method::GET, None) => {
            if uri.query() != Some(&format!("mchid={MCH_ID}")) {
                return error(&s.clock, StatusCode::BAD_REQUEST, "PARAM_ERROR");
            }
            match orders.get(rest) {
                Some(order) => signed(&s.clock, StatusCode::OK, StandIn::transaction(rest, order).to_string()),
                None => error(&s.clock, StatusCode::NOT_FOUND, "ORDER_NOT_EXIST"),
            }
        }
        (Method::POST, Some(no)) => match orders.get_mut(no) {
            _ if body["mchid"] != MCH_ID => error(&s.clock, StatusCode::BAD_REQUEST, "PARAM_ERROR"),
            Some(order) if order.trade_state == "SUCCESS" => error(&s.clock, StatusCode::BAD_REQUEST, "ORDERPAID"),
            Some(order) => {
                order.trade_state = "CLOSED".into();
                signed(&s.clock, StatusCode::NO_CONTENT, String::new())
            }
            None => error(&s.clock, StatusCode::NOT_FOUND, "ORDER_NOT_EXIST"),
        },
        _ => error(&s.clock, StatusCode::NOT_FOUND, "NOT_FOUND"),
    }
}

/// `POST /v3/pay/transactions/h5`: checks the documented fields; the same order placed again
/// with the same parameters gets a fresh h5_url.
fn place(s: &StandIn, body: Value) -> Response {
    let no = body["out_trade_no"].as_str().unwrap_or("").to_string();
    let total = body["amount"]["total"].as_i64().unwrap_or(0);
    let valid = body["appid"] == APP_ID
        && body["mchid"] == MCH_ID
        && (6..=32).contains(&no.len())
        && no.bytes().all(|b| b.is_ascii_alphanumeric() || b"_-|*".contains(&b))
        && total > 0
        && body["amount"]["currency"] == "CNY"
        && body["notify_url"].as_str().is_some_and(|u| u.starts_with("https://"))
        && body["time_expire"].as_str().is_some_and(|t| t.ends_with("+08:00"))
        && body["description"].as_str().is_some_and(|d| !d.is_empty())
        && body["scene_info"]["payer_client_ip"].as_str().is_some_and(|ip| !ip.is_empty())
        && body["scene_info"]["h5_info"]["type"] == "Wap";
    if !valid {
        return error(&s.clock, StatusCode::BAD_REQUEST, "PARAM_ERROR");
    }
    let mut orders = s.orders.lock().unwrap();
    match orders.get(&no) {
        Some(o) if o.trade_state == "SUCCESS" => return error(&s.clock, StatusCode::BAD_REQUEST, "ORDERPAID"),
        Some(o) if o.trade_state == "CLOSED" => return error(&s.clock, StatusCode::BAD_REQUEST, "ORDER_CLOSED"),
        Some(o) if o.body != body => return error(&s.clock, StatusCode::BAD_REQUEST, "INVALID_REQUEST"),
        Some(_) => {}
        None => {
            orders
                .insert(no.clone(), Order { amount: total, trade_state: "NOTPAY".into(), transaction_id: None, body });
        }
    }
    let url = format!("{}/h5pay/checkmweb?prepay_id=wx{}&package={}", s.base, &no[..16], s.clock.now());
    signed(&s.clock, StatusCode::OK, json!({ "h5_url": url }).to_string())
}
