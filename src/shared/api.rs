//! The API client: JSON over fetch (gloo-net), the contract's error shape, and the network state
//! that drives the offline banner.
//!
//! The base URL is same-origin by default. It can be set at build time (`BAOAN_API_BASE` when
//! running trunk) or at deploy time (`<meta name="baoan-api-base" content="https://…">` in
//! index.html), so the same build can point at the district's production backends.
//!
//! Every request has a time limit (`REQUEST_TIMEOUT`) and belongs to the reactive owner that
//! was current when it started (a resource, an action, a component): when that owner is cleaned
//! up — the resident went to another page, or a resource asks again — the request is aborted and
//! its future never resolves, so nothing is shown for it: no error, no offline banner. A request
//! whose future is dropped is aborted too. (Uploads use XHR for their progress: upload.rs.)

use baoan_contract::error::{ApiError, ErrorCode};
use gloo_net::http::{Method, RequestBuilder};
use leptos::prelude::*;
use serde::de::DeserializeOwned;
use serde::Serialize;
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;
use wasm_bindgen::JsValue;
use web_sys::{AbortController, RequestCredentials};

/// How long a request may go unanswered before the resident is told the connection failed
/// (`ClientError::Network`: input kept, retry offered). The server answers in well under a
/// second; 20 s without an answer is a dead connection (a mobile network between cells, a
/// captive portal), and a spinner turning longer than that loses people. Submits that must
/// happen once carry an idempotency key, so retrying one that did reach the server is safe.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(20);

/// Why a request did not give the expected answer.
#[derive(Debug, Clone, PartialEq)]
pub enum ClientError {
    /// No answer at all, or none within `REQUEST_TIMEOUT`: the network dropped or the server is
    /// unreachable. Input is kept; retry.
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
    request(Method::POST, path, Some(to_json(body)), Some(key)).await
}

pub async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ClientError> {
    request(Method::GET, path, None, None).await
}

pub async fn post<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ClientError> {
    request(Method::POST, path, Some(to_json(body)), None).await
}

pub async fn put<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ClientError> {
    request(Method::PUT, path, Some(to_json(body)), None).await
}

/// For endpoints that answer 204 No Content.
pub async fn delete(path: &str) -> Result<(), ClientError> {
    request::<Empty>(Method::DELETE, path, None, None).await.map(|_| ())
}

/// DELETE with a JSON body and a JSON answer.
pub async fn delete_json<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ClientError> {
    request(Method::DELETE, path, Some(to_json(body)), None).await
}

/// The body of a 204 answer.
#[derive(serde::Deserialize)]
pub struct Empty {}

/// The only generic step: reading the answer into `T`. Everything else is in `exchange`, whose
/// code the wasm holds once instead of once per answer type.
async fn request<T: DeserializeOwned>(
    method: Method,
    path: &str,
    body: Option<String>,
    idempotency_key: Option<&str>,
) -> Result<T, ClientError> {
    let text = exchange(method, path, body, idempotency_key).await?;
    let text = if text.is_empty() { "{}" } else { &text };
    from_json(text).ok_or_else(|| ClientError::Api(ApiError::new(ErrorCode::Internal, "unreadable response")))
}

/// One request: the body of a 2xx answer, or the error. Sets the network state and notices a
/// session that has gone. Never resolves when the request was abandoned (see `InFlight`).
async fn exchange(
    method: Method,
    path: &str,
    body: Option<String>,
    idempotency_key: Option<&str>,
) -> Result<String, ClientError> {
    let network = use_context::<Network>();
    let flight = InFlight::start();
    let answer = send(method, path, body, idempotency_key, &flight.controller).await;
    let result = match (flight.end.get(), answer) {
        // Nobody is waiting for this answer any more: say nothing, and never go on.
        (End::Abandoned, _) => return std::future::pending().await,
        (End::TimedOut, _) | (End::Running, None) => Err(ClientError::Network),
        (End::Running, Some((status, text))) if (200..300).contains(&status) => Ok(text),
        (End::Running, Some((status, text))) => {
            Err(ClientError::Api(from_json::<ApiError>(&text).unwrap_or_else(|| {
                ApiError::new(if status >= 500 { ErrorCode::Internal } else { ErrorCode::Unknown }, "no error body")
            })))
        }
    };
    drop(flight);
    if let Some(n) = network {
        n.last_request_failed.set(matches!(result, Err(ClientError::Network)));
    }
    // A 401 after having been signed in: the session is gone, and so must the resident's data be.
    if result.as_ref().err().is_some_and(ClientError::is_unauthorized) {
        super::session::session_gone();
    }
    result
}

/// The transport: the status and body text of the answer, or `None` when none came. A body that
/// cannot be read is taken as empty, as before.
async fn send(
    method: Method,
    path: &str,
    body: Option<String>,
    idempotency_key: Option<&str>,
    controller: &AbortController,
) -> Option<(u16, String)> {
    let signal = controller.signal();
    // Same-origin by default; a separate API host must allow credentials.
    let mut builder = RequestBuilder::new(&api_url(path))
        .method(method)
        .credentials(RequestCredentials::Include)
        .abort_signal(Some(&signal))
        .header("Accept", "application/json");
    if let Some(key) = idempotency_key {
        builder = builder.header("Idempotency-Key", key);
    }
    let request = match body {
        Some(json) => builder.header("Content-Type", "application/json").body(JsValue::from_str(&json)),
        None => builder.build(),
    };
    let response = request.ok()?.send().await.ok()?;
    Some((response.status(), response.text().await.unwrap_or_default()))
}

/// How a request in flight ended early, if it did.
#[derive(Clone, Copy, PartialEq)]
enum End {
    Running,
    /// `REQUEST_TIMEOUT` passed without a full answer.
    TimedOut,
    /// The owner that started it was cleaned up: nobody waits for the answer.
    Abandoned,
}

/// A request in flight: its number, its controller, and how it ended (shared with its future).
type Flight = (u32, AbortController, Rc<Cell<End>>);

thread_local! {
    /// Requests in flight by number, for their owners' clean-ups (which must be `Send`, and an
    /// `AbortController` is not): the owner's clean-up holds only the number.
    static IN_FLIGHT: RefCell<Vec<Flight>> = const { RefCell::new(Vec::new()) };
    static NEXT_NUMBER: Cell<u32> = const { Cell::new(0) };
}

/// One request in flight: its abort controller, its timer and its entry in `IN_FLIGHT`.
/// Dropping it (the request ended, or its future was dropped) clears all three and aborts the
/// fetch, which does nothing once the answer has been read.
struct InFlight {
    number: u32,
    controller: AbortController,
    end: Rc<Cell<End>>,
    timer: Option<TimeoutHandle>,
}

impl InFlight {
    /// Starts the timer and ties the request to the current reactive owner, if any.
    fn start() -> InFlight {
        // AbortController is in every browser since 2018 (Chrome 66, Safari 12.1, Firefox 57).
        let controller = AbortController::new().expect("AbortController");
        let end = Rc::new(Cell::new(End::Running));
        let number = NEXT_NUMBER.with(|n| n.replace(n.get().wrapping_add(1)));
        IN_FLIGHT.with_borrow_mut(|all| all.push((number, controller.clone(), end.clone())));
        Owner::on_cleanup(move || abandon(number));
        let timer = {
            let (controller, end) = (controller.clone(), end.clone());
            set_timeout_with_handle(move || cut(&controller, &end, End::TimedOut), REQUEST_TIMEOUT).ok()
        };
        InFlight { number, controller, end, timer }
    }
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if let Some(timer) = self.timer.take() {
            timer.clear();
        }
        IN_FLIGHT.with_borrow_mut(|all| all.retain(|(n, ..)| *n != self.number));
        self.controller.abort();
    }
}

/// The owner of request `number` was cleaned up: abort it unless it has already ended.
fn abandon(number: u32) {
    let found = IN_FLIGHT.with_borrow_mut(|all| {
        let at = all.iter().position(|(n, ..)| *n == number)?;
        Some(all.swap_remove(at))
    });
    if let Some((_, controller, end)) = found {
        cut(&controller, &end, End::Abandoned);
    }
}

/// Aborts a running request for `why`. The reason is an `Error`, which is what gloo-net expects
/// a rejected fetch to carry.
fn cut(controller: &AbortController, end: &Cell<End>, why: End) {
    if end.get() == End::Running {
        end.set(why);
        controller.abort_with_reason(&js_sys::Error::new("request cut").into());
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
