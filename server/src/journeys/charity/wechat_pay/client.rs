//! The calls to WeChat Pay: place an H5 order, query one, close one. Every answer is believed
//! only when the platform's signature over it verifies (a query answer can settle a gift).

use super::crypto::{authorization, nonce, verify, SignedHeaders, Unverified};
use super::WechatPay;
use reqwest::header::{HeaderMap, ACCEPT, AUTHORIZATION, CONTENT_TYPE};
use reqwest::{Method, StatusCode};
use serde::Deserialize;
use serde_json::{json, Value};

/// Why a call did not give an answer we can act on.
#[derive(Debug)]
pub enum CallError {
    /// No answer (network, time limit).
    Network,
    /// An answer whose signature did not verify: ignored.
    Unverified(Unverified),
    /// A verified refusal: its HTTP status and WeChat Pay's error code.
    Refused { status: u16, code: String },
    /// A verified answer we cannot read.
    Unreadable,
}

/// A payment as WeChat Pay describes it (query answer or decrypted notification).
#[derive(Debug, Deserialize)]
pub struct Transaction {
    pub mchid: String,
    #[serde(default)]
    pub appid: Option<String>,
    pub out_trade_no: String,
    #[serde(default)]
    pub transaction_id: Option<String>,
    pub trade_state: String,
    #[serde(default)]
    pub amount: Option<Amount>,
}

#[derive(Debug, Deserialize)]
pub struct Amount {
    pub total: i64,
    #[serde(default)]
    pub currency: Option<String>,
}

/// An H5 order for one gift.
pub struct H5Order<'a> {
    pub out_trade_no: &'a str,
    pub description: &'a str,
    pub amount_fen: i64,
    /// Unix seconds; WeChat Pay refuses payment after it.
    pub expires_at: i64,
    pub client_ip: &'a str,
}

/// Unix seconds as RFC 3339 in Beijing time, the form WeChat Pay's `time_expire` takes.
pub fn rfc3339_beijing(unix: i64) -> String {
    let offset = crate::journeys::charity::CHINA_UTC_OFFSET as i64;
    let date = baoan_contract::rules::date::Date::from_unix_seconds(unix, offset as i32);
    let secs = (unix + offset).rem_euclid(86_400);
    format!("{}T{:02}:{:02}:{:02}+08:00", date.to_iso(), secs / 3600, secs / 60 % 60, secs % 60)
}

impl WechatPay {
    /// One signed call; the answer's status and body once its signature verifies.
    async fn call(
        &self,
        method: Method,
        path_and_query: &str,
        body: Option<Value>,
        now: i64,
    ) -> Result<(StatusCode, Vec<u8>), CallError> {
        let body = body.map(|b| b.to_string()).unwrap_or_default();
        let nonce = nonce();
        let auth = authorization(&self.merchant, method.as_str(), path_and_query, now, &nonce, &body);
        let mut request = self
            .http
            .request(method, format!("{}{path_and_query}", self.base_url))
            .header(AUTHORIZATION, auth)
            .header(ACCEPT, "application/json");
        if !body.is_empty() {
            request = request.header(CONTENT_TYPE, "application/json").body(body);
        }
        let response = request.send().await.map_err(|_| CallError::Network)?;
        let status = response.status();
        let headers = response.headers().clone();
        let bytes = response.bytes().await.map_err(|_| CallError::Network)?.to_vec();
        let get =
            |name: &str, headers: &HeaderMap| headers.get(name).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
        let (timestamp, nonce, signature, serial) = (
            get("Wechatpay-Timestamp", &headers),
            get("Wechatpay-Nonce", &headers),
            get("Wechatpay-Signature", &headers),
            get("Wechatpay-Serial", &headers),
        );
        let signed = SignedHeaders { timestamp: &timestamp, nonce: &nonce, signature: &signature, serial: &serial };
        verify(&self.platform, &signed, &bytes, now).map_err(CallError::Unverified)?;
        if !status.is_success() {
            let code = serde_json::from_slice::<Value>(&bytes)
                .ok()
                .and_then(|v| v["code"].as_str().map(str::to_string))
                .unwrap_or_default();
            return Err(CallError::Refused { status: status.as_u16(), code });
        }
        Ok((status, bytes))
    }

    /// Places (or, with the same parameters, places again) an H5 order; the page to pay on.
    pub async fn create_h5(&self, order: &H5Order<'_>, now: i64) -> Result<String, CallError> {
        let body = json!({
            "appid": self.app_id,
            "mchid": self.merchant.mch_id,
            "description": order.description,
            "out_trade_no": order.out_trade_no,
            "time_expire": rfc3339_beijing(order.expires_at),
            "notify_url": self.notify_url,
            "amount": { "total": order.amount_fen, "currency": "CNY" },
            "scene_info": { "payer_client_ip": order.client_ip, "h5_info": { "type": "Wap" } },
        });
        let (_, bytes) = self.call(Method::POST, "/v3/pay/transactions/h5", Some(body), now).await?;
        let answer: Value = serde_json::from_slice(&bytes).map_err(|_| CallError::Unreadable)?;
        let url = answer["h5_url"].as_str().ok_or(CallError::Unreadable)?;
        // Only ever send a donor on to WeChat Pay's own pages over HTTPS (or the test stand-in's).
        if !(url.starts_with("https://") || url.starts_with(&self.base_url)) {
            return Err(CallError::Unreadable);
        }
        Ok(url.to_string())
    }

    /// What WeChat Pay knows of an order.
    pub async fn query(&self, out_trade_no: &str, now: i64) -> Result<Transaction, CallError> {
        let path = format!("/v3/pay/transactions/out-trade-no/{out_trade_no}?mchid={}", self.merchant.mch_id);
        let (_, bytes) = self.call(Method::GET, &path, None, now).await?;
        serde_json::from_slice(&bytes).map_err(|_| CallError::Unreadable)
    }

    /// Closes an unpaid order (WeChat Pay answers 204).
    pub async fn close(&self, out_trade_no: &str, now: i64) -> Result<(), CallError> {
        let path = format!("/v3/pay/transactions/out-trade-no/{out_trade_no}/close");
        self.call(Method::POST, &path, Some(json!({ "mchid": self.merchant.mch_id })), now).await.map(|_| ())
    }

    /// Why `t` cannot settle an order of `amount_fen` numbered `out_trade_no` (None: it can).
    pub fn mismatch(&self, t: &Transaction, out_trade_no: &str, amount_fen: i64) -> Option<&'static str> {
        if t.mchid != self.merchant.mch_id || t.appid.as_deref().is_some_and(|a| a != self.app_id) {
            return Some("another merchant's payment");
        }
        if t.out_trade_no != out_trade_no {
            return Some("another order");
        }
        if t.trade_state != "SUCCESS" || t.transaction_id.as_deref().unwrap_or("").is_empty() {
            return Some("not paid");
        }
        match &t.amount {
            Some(a) if a.total == amount_fen && a.currency.as_deref().unwrap_or("CNY") == "CNY" => None,
            _ => Some("the amount is not the gift's"),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn time_expire_is_beijing_time() {
        // 2018-06-08T02:34:56Z
        assert_eq!(super::rfc3339_beijing(1_528_425_296), "2018-06-08T10:34:56+08:00");
    }
}
