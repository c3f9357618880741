//! The router: `/api/v1` (JSON, one error shape, body limits), then the built web app; security
//! headers and compression around everything.

use crate::auth::routes as auth;
use crate::error::AppError;
use crate::routes::{account, dev, meta, profile};
use crate::state::AppState;
use crate::{journeys, messages, openapi, overload, security, uploads, web_app};
use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue};
use axum::middleware;
use axum::routing::{delete, get, post, put};
use axum::{Json, Router};
use std::sync::Arc;
use std::time::Duration;
use tower_http::compression::CompressionLayer;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::trace::TraceLayer;

/// JSON request bodies larger than this are refused (uploads will have their own limit).
pub const JSON_BODY_LIMIT: usize = 64 * 1024;

pub fn build(state: AppState) -> Router {
    let pages = web_app::Pages::load(&state.config.dist_dir);
    let csp = security::content_security_policy(&pages.all_html(), state.config.api_origin.as_deref());
    let mut api = Router::new()
        .route("/meta", get(meta::meta))
        .route("/streets", get(meta::streets))
        .route("/openapi.json", get(|| async { Json(openapi::ApiDoc::openapi_value()) }))
        .route("/auth/sms-code", post(auth::send_code))
        .route("/auth/session", post(auth::sign_in).delete(auth::sign_out))
        .route("/me/sessions", delete(auth::sign_out_everywhere))
        .route("/me", get(auth::me).delete(account::delete))
        .route("/me/export", get(account::export))
        .route("/me/deletion", get(account::deletion_plan))
        .route("/me/profile", put(profile::update))
        .route("/me/messages", get(messages::list))
        .route("/me/messages/{id}/read", post(messages::mark_read))
        .route("/uploads/{id}", get(uploads::download))
        .merge(journeys::assistance::router())
        .merge(journeys::marriage::router())
        .merge(journeys::charity::router())
        .merge(journeys::memorial::router());
    if state.config.dev_sms_outbox {
        tracing::warn!("development SMS outbox is ON: sign-in codes are readable over HTTP");
        api = api.route("/dev/sms-outbox", get(dev::sms_outbox));
    }
    // Every route so far answers within the request timeout; uploads (added after) have their own.
    let request_timeout = Duration::from_secs(state.config.request_timeout_seconds);
    let upload_timeout = Duration::from_secs(state.config.upload_timeout_seconds);
    let upload_routes = Router::new()
        .route("/uploads", post(uploads::upload).layer(DefaultBodyLimit::max(uploads::BODY_LIMIT)))
        .merge(journeys::charity::upload_router())
        .route_layer(middleware::from_fn_with_state(upload_timeout, overload::time_limit));
    let api = api
        .route_layer(middleware::from_fn_with_state(request_timeout, overload::time_limit))
        .merge(upload_routes)
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

    let mut app = Router::new().nest("/api/v1", api).merge(web_app::router(&state.config.dist_dir, Arc::new(pages)));
    for layer in security::layers(csp) {
        app = app.layer(layer);
    }
    let capacity = overload::Capacity::new(state.config.max_concurrent_requests);
    app.layer(middleware::from_fn_with_state(capacity, overload::limit_concurrency))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
}

impl openapi::ApiDoc {
    pub fn openapi_value() -> serde_json::Value {
        serde_json::to_value(openapi::document()).expect("OpenAPI document serialises")
    }
}
