//! Assertions on responses: the contract's error shape, and the cookies a response sets.
#![allow(dead_code)]

use reqwest::StatusCode;
use serde_json::Value;

/// Asserts `body` is the contract's error shape with the given code, and returns it.
pub fn assert_error_shape(body: &Value, code: &str) {
    let obj = body.as_object().unwrap_or_else(|| panic!("error body is a JSON object: {body}"));
    assert_eq!(obj.get("code").and_then(Value::as_str), Some(code), "error code in {body}");
    assert!(obj.get("message").is_some_and(Value::is_string), "error message is a string in {body}");
    for key in obj.keys() {
        assert!(
            matches!(key.as_str(), "code" | "message" | "fields" | "retry_after_seconds"),
            "unexpected key {key:?} in {body}"
        );
    }
    if let Some(after) = obj.get("retry_after_seconds") {
        assert!(after.as_i64().is_some_and(|s| s >= 1), "retry_after_seconds is a positive whole number in {body}");
    }
    if let Some(fields) = obj.get("fields") {
        let fields = fields.as_object().unwrap_or_else(|| panic!("fields is an object in {body}"));
        assert!(fields.values().all(Value::is_string), "every field error is a code string in {body}");
    }
}

/// Reads a response that must be an error: checks the status, that it is JSON, and the shape.
pub async fn expect_error(response: reqwest::Response, status: StatusCode, code: &str) -> Value {
    let got = response.status();
    let content_type =
        response.headers().get(reqwest::header::CONTENT_TYPE).and_then(|v| v.to_str().ok()).unwrap_or("").to_string();
    let text = response.text().await.unwrap();
    assert_eq!(got, status, "status (body: {text})");
    assert!(
        content_type.starts_with("application/json"),
        "error content type is JSON, got {content_type:?} (body: {text})"
    );
    let body: Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("error body is JSON ({e}): {text}"));
    assert_error_shape(&body, code);
    body
}

/// Every `Set-Cookie` value of a response.
pub fn set_cookies(response: &reqwest::Response) -> Vec<String> {
    response.headers().get_all(reqwest::header::SET_COOKIE).iter().map(|v| v.to_str().unwrap().to_string()).collect()
}

/// The session token from a `Set-Cookie` value.
pub fn session_token(set_cookie: &str) -> String {
    let first = set_cookie.split(';').next().unwrap();
    let (name, value) = first.split_once('=').unwrap();
    assert_eq!(name.trim(), baoan_server::auth::session::COOKIE_NAME);
    value.to_string()
}

/// The attributes of a `Set-Cookie` value after the name=value pair, lowercased names.
pub fn cookie_attributes(set_cookie: &str) -> Vec<(String, String)> {
    set_cookie
        .split(';')
        .skip(1)
        .map(|a| {
            let a = a.trim();
            match a.split_once('=') {
                Some((k, v)) => (k.trim().to_ascii_lowercase(), v.trim().to_string()),
                None => (a.to_ascii_lowercase(), String::new()),
            }
        })
        .collect()
}
