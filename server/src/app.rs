//! The composition root: from the state to the served app, in four steps read top to bottom —
//! shared services, routers, the document taken from the routers, layers. `/api/v1` (JSON, one
//! error shape, body limits), then the built web app; security headers and compression around
//! everything.
//!
//! A route is added in one place: its handler's `#[utoipa::path]` (method, path relative to
//! /api/v1, and the documentation), listed in its area's `router()` with `routes!`. The router
//! and the OpenAPI document are both built from that.

use crate::auth::routes as auth;
use crate::error::AppError;
use crate::routes::{account, dev, meta, profile};
use crate::state::AppState;
use crate::{journeys, messages, openapi, overload, security, uploads, web_app};
use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue};
use axum::middleware;
use axum::routing::{get, post};
use axum::{Json, Router};
use std::sync::Arc;
use std::time::Duration;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;
use utoipa_axum::router::OpenApiRouter;

/// JSON request bodies larger than this are refused (uploads will have their own limit).
pub const JSON_BODY_LIMIT: usize = 64 * 1024;

/// Where the API lives: every route of `api_routes` is relative to it, in the router and in the document.
pub const API_PREFIX: &str = "/api/v1";

pub fn build(state: AppState) -> Router {
    // Shared services: the built pages (and the CSP that allows their inline loaders by hash),
    // the places for requests in progress, the two time limits.
    let pages = web_app::Pages::load(&state.config.dist_dir);
    let csp = security::content_security_policy(&pages.all_html(), state.config.api_origin.as_deref());
    let capacity = overload::Capacity::new(state.config.max_concurrent_requests);
    let request_timeout = Duration::from_secs(state.config.request_timeout_seconds);
    let upload_timeout = Duration::from_secs(state.config.upload_timeout_seconds);
    let time_limit = |limit: Duration| middleware::from_fn_with_state(limit, overload::time_limit);

    // Routers: every documented route, then the undocumented development one. Each answers within
    // the request timeout; uploads (merged after) have their own.
    let ApiRoutes { mut requests, uploads } = api_routes();
    if state.config.demo {
        tracing::warn!("demo mode: the development SMS outbox is ON, sign-in codes are readable over HTTP");
        requests = requests.route("/dev/sms-outbox", get(dev::sms_outbox));
        // The development verifier: vouches for the typed profile (marked 演示 in the app).
        requests = requests.route("/dev/verify-identity", post(crate::auth::identity::routes::development));
    }
    let api = requests.route_layer(time_limit(request_timeout)).merge(uploads.route_layer(time_limit(upload_timeout)));

    // The document is taken from the router it describes, and served beside it.
    let (api, paths) = api.split_for_parts();
    let document = Arc::new(openapi_value(openapi::document(API_PREFIX, paths)));
    let serve_document = get(move || async move { Json(document.as_ref().clone()) }).layer(time_limit(request_timeout));

    // Layers of the API, innermost first.
    let api = api
        .route("/openapi.json", serve_document)
        .fallback(|| async { AppError::not_found() })
        // A known path with the wrong method: 405 (axum adds the Allow header) in the same error shape.
        .method_not_allowed_fallback(|| async { AppError::method_not_allowed() })
        .layer(DefaultBodyLimit::max(JSON_BODY_LIMIT))
        // Extractors' plain-text rejections (query, path, body) in the error shape too.
        .layer(middleware::from_fn(crate::error::plain_rejections))
        // Writes only from the app's own origin (403 otherwise), before any handler runs.
        .layer(axum::middleware::from_fn_with_state(state.clone(), crate::origin::require_same_origin))
        // no-store unless a handler chose its own caching (public, immutable charity photos).
        .layer(SetResponseHeaderLayer::if_not_present(header::CACHE_CONTROL, HeaderValue::from_static("no-store")))
        .with_state(state.clone());

    // Layers of everything, the web app included.
    let mut app = Router::new()
        .nest(API_PREFIX, api)
        .merge(web_app::router(&state.config.dist_dir, Arc::new(pages)))
        // Around the API's own layers: the live service has no demo-only endpoints (404, as if
        // they never existed), whatever else a request would be refused for (origin, body).
        .layer(middleware::from_fn_with_state(state.config.demo, demo_only));
    for layer in security::layers(csp) {
        app = app.layer(layer);
    }
    app.layer(middleware::from_fn_with_state(capacity, overload::limit_concurrency))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
}

/// Whether a path belongs to the demo only: the sandbox payment's approval (a donor's own call
/// marks a gift paid, so in the live service anyone could inflate a project's total).
pub fn is_demo_only(path: &str) -> bool {
    path.strip_prefix(API_PREFIX)
        .and_then(|p| p.strip_prefix("/charity/gifts/"))
        .is_some_and(|p| p.ends_with("/sandbox-pay"))
}

/// Answers 404 to the demo-only paths unless the server runs in demo mode.
async fn demo_only(
    axum::extract::State(demo): axum::extract::State<bool>,
    request: axum::extract::Request,
    next: middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    if !demo && is_demo_only(request.uri().path()) {
        return AppError::not_found().into_response();
    }
    next.run(request).await
}

/// The documented API, relative to [`API_PREFIX`], in its two groups by time limit.
pub struct ApiRoutes {
    /// Everything answered within the request timeout.
    pub requests: OpenApiRouter<AppState>,
    /// Uploads (up to 10 MB): the upload timeout instead.
    pub uploads: OpenApiRouter<AppState>,
}

/// Every area's router: the shared ones, then one per journey.
pub fn api_routes() -> ApiRoutes {
    let requests = OpenApiRouter::default()
        .merge(meta::router())
        .merge(auth::router())
        .merge(crate::auth::identity::routes::router())
        .merge(profile::router())
        .merge(account::router())
        .merge(messages::router())
        .merge(uploads::router())
        .merge(journeys::assistance::router())
        .merge(journeys::marriage::router())
        .merge(journeys::charity::router())
        .merge(journeys::memorial::router())
        .merge(crate::reference::router())
        .merge(crate::staff::router());
    let uploads = OpenApiRouter::default().merge(uploads::upload_router()).merge(journeys::charity::upload_router());
    ApiRoutes { requests, uploads }
}

/// The OpenAPI document of [`api_routes`], as `build` serves it (for the `openapi` command).
pub fn document() -> utoipa::openapi::OpenApi {
    let ApiRoutes { requests, uploads } = api_routes();
    openapi::document(API_PREFIX, requests.merge(uploads).into_openapi())
}

fn openapi_value(doc: utoipa::openapi::OpenApi) -> serde_json::Value {
    serde_json::to_value(doc).expect("OpenAPI document serialises")
}
