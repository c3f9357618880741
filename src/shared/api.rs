//! The API client: JSON over fetch, the contract's error shape, and the network state that
//! drives the offline banner.
//!
//! The base URL is same-origin by default. It can be set at build time (`BAOAN_API_BASE` when
//! running trunk) or at deploy time (`<meta name="baoan-api-base" content="https://…">` in
//! index.html), so the same build can point at the district's production backends.

use baoan_contract::error::{ApiError, ErrorCode};
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{RequestCredentials, RequestInit, Response};

/// Why a request did not give the expected answer.
#[derive(Debug, Clone, PartialEq)]
pub enum ClientError {
    /// No answer at all: the network dropped or the server is unreachable. Input is kept; retry.
    Network,
    /// The server answered with the contract's error shape.
    Api(ApiError),
}

impl ClientError {
    pub fn is_unauthorized(&self) -> bool {
        matches!(self, ClientError::Api(e) if e.code == ErrorCode::Unauthorized)
    }
}

/// Whether requests are getting through; the shell shows a banner when not.
#[derive(Clone, Copy)]
pub struct Network {
    pub browser_online: RwSignal<bool>,
    pub last_request_failed: RwSignal<bool>,
}

impl Network {
    pub fn offline(&self) -> bool {
        !self.browser_online.get() || self.last_request_failed.get()
    }
}

pub fn provide_network() {
    let online = window().navigator().on_line();
    let network = Network { browser_online: RwSignal::new(online), last_request_failed: RwSignal::new(false) };
    let on = window_event_listener(leptos::ev::online, move |_| {
        network.browser_online.set(true);
        network.last_request_failed.set(false);
    });
    let off = window_event_listener(leptos::ev::offline, move |_| network.browser_online.set(false));
    // The listeners live as long as the app.
    std::mem::forget((on, off));
    provide_context(network);
}

fn api_base() -> String {
    let from_meta = document()
        .query_selector("meta[name=baoan-api-base]")
        .ok()
        .flatten()
        .and_then(|m| m.get_attribute("content"))
        .filter(|c| !c.trim().is_empty());
    from_meta.or_else(|| option_env!("BAOAN_API_BASE").map(str::to_string)).unwrap_or_default()
}

/// The full URL of an API path such as `/me`.
pub fn api_url(path: &str) -> String {
    format!("{}/api/v1{}", api_base(), path)
}

#[allow(dead_code)] // used by the journeys' submits
/// A fresh idempotency key for one submit. Keep it with the draft: a retry after a reload or
/// a dropped network must send the same key, so the server creates exactly one record.
pub fn new_idempotency_key() -> String {
    let a = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let b = (js_sys::Math::random() * 4_294_967_296.0) as u64;
    let t = js_sys::Date::now() as u64;
    format!("{t:x}-{a:08x}{b:08x}")
}

#[allow(dead_code)] // used by the journeys' submits
/// A submit that must happen once: sends `Idempotency-Key: key`.
pub async fn post_once<B: Serialize, T: DeserializeOwned>(path: &str, body: &B, key: &str) -> Result<T, ClientError> {
    request("POST", path, Some(body), Some(key)).await
}

pub async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ClientError> {
    request::<(), T>("GET", path, None, None).await
}

pub async fn post<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ClientError> {
    request("POST", path, Some(body), None).await
}

pub async fn put<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ClientError> {
    request("PUT", path, Some(body), None).await
}

/// For endpoints that answer 204 No Content.
pub async fn delete(path: &str) -> Result<(), ClientError> {
    request::<(), Empty>("DELETE", path, None, None).await.map(|_| ())
}

/// DELETE with a JSON body and a JSON answer.
pub async fn delete_json<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ClientError> {
    request("DELETE", path, Some(body), None).await
}

/// The body of a 204 answer.
#[derive(serde::Deserialize)]
pub struct Empty {}

async fn request<B: Serialize, T: DeserializeOwned>(
    method: &str,
    path: &str,
    body: Option<&B>,
    idempotency_key: Option<&str>,
) -> Result<T, ClientError> {
    let network = use_context::<Network>();
    let result = send(method, path, body, idempotency_key).await;
    if let Some(n) = network {
        n.last_request_failed.set(matches!(result, Err(ClientError::Network)));
    }
    // A 401 after having been signed in: the session is gone, and so must the resident's data be.
    if result.as_ref().err().is_some_and(ClientError::is_unauthorized) {
        super::session::session_gone();
    }
    result
}

async fn send<B: Serialize, T: DeserializeOwned>(
    method: &str,
    path: &str,
    body: Option<&B>,
    idempotency_key: Option<&str>,
) -> Result<T, ClientError> {
    let init = RequestInit::new();
    init.set_method(method);
    // Same-origin by default; a separate API host must allow credentials.
    init.set_credentials(RequestCredentials::Include);
    let headers = web_sys::Headers::new().map_err(|_| ClientError::Network)?;
    let _ = headers.set("Accept", "application/json");
    if let Some(b) = body {
        let _ = headers.set("Content-Type", "application/json");
        init.set_body(&JsValue::from_str(&to_json(b)));
    }
    if let Some(key) = idempotency_key {
        let _ = headers.set("Idempotency-Key", key);
    }
    init.set_headers(&headers);
    let url = api_url(path);
    let promise = window().fetch_with_str_and_init(&url, &init);
    let response: Response = JsFuture::from(promise).await.map_err(|_| ClientError::Network)?.unchecked_into();
    let status = response.status();
    let text = match response.text() {
        Ok(p) => JsFuture::from(p).await.ok().and_then(|t| t.as_string()).unwrap_or_default(),
        Err(_) => String::new(),
    };
    if (200..300).contains(&status) {
        let text = if text.is_empty() { "{}" } else { &text };
        from_json(text).ok_or_else(|| ClientError::Api(ApiError::new(ErrorCode::Internal, "unreadable response")))
    } else {
        let err = from_json::<ApiError>(&text).unwrap_or_else(|| {
            ApiError::new(if status >= 500 { ErrorCode::Internal } else { ErrorCode::Unknown }, "no error body")
        });
        Err(ClientError::Api(err))
    }
}

fn to_json<B: Serialize>(b: &B) -> String {
    let value = b.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL);
    js_sys::JSON::stringify(&value).ok().and_then(|s| s.as_string()).unwrap_or_default()
}

fn from_json<T: DeserializeOwned>(text: &str) -> Option<T> {
    let value = js_sys::JSON::parse(text).ok()?;
    serde_wasm_bindgen::from_value(value).ok()
}
