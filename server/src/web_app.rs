//! Serves the built web app: hashed assets (pre-compressed .br/.gz siblings when present) with
//! long cache lifetimes, and for every other path the page of the app bundle that serves it, so
//! deep links survive a reload.

use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use axum::routing::get_service;
use axum::Router;
use baoan_contract::bundle::Bundle;
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use tower_http::services::ServeDir;

/// The built pages, one per bundle of the app (`baoan_contract::bundle`): a deep link gets the
/// page of the bundle that serves its path, so a reload anywhere starts the right code.
pub struct Pages {
    pages: HashMap<Bundle, Arc<str>>,
    /// Other pages in dist/ that no path leads to but their own file name: the component
    /// gallery of a test build (scripts/build-app.sh with BAOAN_GALLERY=1). Only their loaders'
    /// hashes matter (the CSP); a production build has none.
    others: Vec<String>,
}

impl Pages {
    /// Reads every bundle's page from `dist`. Without a build, a plain page says so; a bundle
    /// whose page is missing falls back to the home page (which then shows "not found").
    pub fn load(dist: &Path) -> Pages {
        let home: Arc<str> =
            std::fs::read_to_string(dist.join(Bundle::Home.page())).map(Arc::from).unwrap_or_else(|_| {
                tracing::warn!(dist = %dist.display(), "no built app found; run the README's run command to build it");
                Arc::from(
                "<!doctype html><html lang=\"zh-Hans\"><head><meta charset=\"utf-8\"><title>宝安民政</title></head>\
                 <body><p>The web app has not been built. Run scripts/run.sh.</p></body></html>",
            )
            });
        let pages = Bundle::ALL
            .into_iter()
            .map(|bundle| {
                let page = match std::fs::read_to_string(dist.join(bundle.page())) {
                    Ok(html) => Arc::from(html),
                    Err(_) => home.clone(),
                };
                (bundle, page)
            })
            .collect();
        let bundle_pages: Vec<&str> = Bundle::ALL.iter().map(|b| b.page()).collect();
        let others = std::fs::read_dir(dist)
            .into_iter()
            .flatten()
            .flatten()
            .filter(|e| e.file_name().to_str().is_some_and(|n| n.ends_with(".html") && !bundle_pages.contains(&n)))
            .filter_map(|e| std::fs::read_to_string(e.path()).ok())
            .collect();
        Pages { pages, others }
    }

    pub fn for_path(&self, path: &str) -> Arc<str> {
        self.pages[&Bundle::for_path(path)].clone()
    }

    /// Every page's text, for the CSP (which allows each page's inline loader by hash).
    pub fn all_html(&self) -> String {
        Bundle::ALL
            .iter()
            .map(|b| &*self.pages[b])
            .chain(self.others.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join("\n")
    }
}

pub fn router<S: Clone + Send + Sync + 'static>(dist: &Path, pages: Arc<Pages>) -> Router<S> {
    let page = move |path: String| {
        let html = pages.for_path(&path);
        let mut response: Response = Html(html.to_string()).into_response();
        response.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        response
    };
    let home = {
        let page = page.clone();
        move || {
            let page = page.clone();
            async move { page("/".to_string()) }
        }
    };
    let assets = ServeDir::new(dist).precompressed_br().precompressed_gzip().fallback(tower::service_fn({
        move |req: axum::extract::Request| {
            let page = page.clone();
            let path = req.uri().path().to_string();
            async move {
                // Under /api/ but outside /api/v1 (another version, a typo): a JSON 404, never the page.
                let response = if path.starts_with("/api/") {
                    let mut r = crate::error::AppError::not_found().into_response();
                    r.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
                    r
                } else {
                    (StatusCode::OK, page(path)).into_response()
                };
                Ok::<_, std::convert::Infallible>(response)
            }
        }
    }));
    Router::new()
        .route("/", axum::routing::get(home.clone()))
        .route("/index.html", axum::routing::get(home))
        .fallback_service(get_service(assets))
        .layer(axum::middleware::from_fn(cache_policy))
}

/// Trunk names built assets with a content hash (`app-1a2b3c4d5e6f7a8b_bg.wasm`): those never
/// change and may be cached for a year. Everything else must be revalidated. The hash is a u64
/// written in hex without leading zeros, so it is shorter than 16 digits one time in 16.
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
    name.split(['-', '_', '.'])
        .any(|part| (10..=16).contains(&part.len()) && part.bytes().all(|b| b.is_ascii_hexdigit()))
}

#[cfg(test)]
mod tests {
    #[test]
    fn only_trunk_hashed_names_are_immutable() {
        assert!(super::is_content_hashed("/baoan-app-1a2b3c4d5e6f7a8b_bg.wasm"));
        assert!(super::is_content_hashed("/style-0123456789abcdef.css"));
        assert!(super::is_content_hashed("/charity-9752957a2353963_bg.wasm"), "a hash with a leading zero dropped");
        assert!(!super::is_content_hashed("/boot.js"));
        assert!(!super::is_content_hashed("/manifest.webmanifest"));
    }

    #[test]
    fn a_test_build_page_outside_the_bundles_is_in_the_csp_text_and_served_for_no_path() {
        let dist = tempfile::tempdir().unwrap();
        std::fs::write(dist.path().join("index.html"), "<script>home()</script>").unwrap();
        std::fs::write(dist.path().join("memorial.html"), "<script>memorial()</script>").unwrap();
        std::fs::write(dist.path().join("gallery.html"), "<script>gallery()</script>").unwrap();
        std::fs::write(dist.path().join("style.css"), "p {}").unwrap();
        let pages = super::Pages::load(dist.path());
        let all = pages.all_html();
        assert!(all.contains("gallery()"), "the gallery's loader is allowed");
        assert!(all.contains("memorial()") && all.contains("home()"));
        assert!(!all.contains("p {}"), "only pages");
        // No path leads to it: a deep link gets its bundle's page, an unknown path the home page.
        assert!(pages.for_path("/memorial/book").contains("memorial()"));
        assert!(pages.for_path("/gallery").contains("home()"));
    }
}
