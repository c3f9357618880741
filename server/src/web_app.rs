//! Serves the built web app: hashed assets (pre-compressed .br/.gz siblings when present) with
//! long cache lifetimes, and index.html for every other path so deep links survive a reload.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get_service;
use axum::Router;
use std::path::Path;
use std::sync::Arc;
use tower_http::services::ServeDir;

/// The index page as built, or a plain page explaining the app has not been built.
pub fn load_index(dist: &Path) -> String {
    std::fs::read_to_string(dist.join("index.html")).unwrap_or_else(|_| {
        tracing::warn!(dist = %dist.display(), "no built app found; run the README's run command to build it");
        "<!doctype html><html lang=\"zh-Hans\"><head><meta charset=\"utf-8\"><title>宝安民政</title></head>\
         <body><p>The web app has not been built. Run scripts/run.sh.</p></body></html>"
            .to_string()
    })
}

pub fn router<S: Clone + Send + Sync + 'static>(dist: &Path, index_html: Arc<String>) -> Router<S> {
    let index = move || {
        let html = index_html.clone();
        async move {
            let mut response: Response = Html(html.as_str().to_owned()).into_response();
            response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            response
        }
    };
    let assets = ServeDir::new(dist).precompressed_br().precompressed_gzip().fallback(tower::service_fn({
        let index = index.clone();
        move |req: axum::extract::Request| {
            let index = index.clone();
            // Under /api/ but outside /api/v1 (another version, a typo): a JSON 404, never the page.
            let api_path = req.uri().path().starts_with("/api/");
            async move {
                let response = if api_path {
                    let mut r = crate::error::AppError::not_found().into_response();
                    r.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
                    r
                } else {
                    (StatusCode::OK, index().await).into_response()
                };
                Ok::<_, std::convert::Infallible>(response)
            }
        }
    }));
    Router::new()
        .route("/", axum::routing::get(index.clone()))
        .route("/index.html", axum::routing::get(index))
        .fallback_service(get_service(assets))
        .layer(axum::middleware::from_fn(cache_policy))
}

/// Trunk names built assets with a content hash (`app-1a2b3c4d5e6f7a8b_bg.wasm`): those never
/// change and may be cached for a year. Everything else must be revalidated.
async fn cache_policy(request: axum::extract::Request, next: axum::middleware::Next) -> Response {
    let hashed = is_content_hashed(request.uri().path());
    let mut response = next.run(request).await;
    if !response.headers().contains_key(header::CACHE_CONTROL) {
        let value = if hashed { "public, max-age=31536000, immutable" } else { "no-cache" };
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    }
    response
}

pub fn is_content_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or("");
    name.split(['-', '_', '.']).any(|part| part.len() == 16 && part.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_trunk_hashed_names_are_immutable() {
        assert!(super::is_content_hashed("/baoan-app-1a2b3c4d5e6f7a8b_bg.wasm"));
        assert!(super::is_content_hashed("/style-0123456789abcdef.css"));
        assert!(!super::is_content_hashed("/boot.js"));
        assert!(!super::is_content_hashed("/manifest.webmanifest"));
    }
}
