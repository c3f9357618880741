//! Security headers on every response, and the Content-Security-Policy.
//!
//! The CSP allows no inline script except the exact loaders trunk writes into the app's pages
//! (one per bundle), each allowed by its SHA-256 hash (computed at start-up from the built files). The WASM needs
//! `'wasm-unsafe-eval'`; styles come only from our own stylesheet.

use axum::http::{header, HeaderName, HeaderValue};
use base64::Engine as _;
use sha2::{Digest, Sha256};
use tower_http::set_header::SetResponseHeaderLayer;

/// Builds the CSP for the given pages' HTML (their inline scripts are allowed by hash).
pub fn content_security_policy(pages_html: &str, api_origin: Option<&str>) -> String {
    let mut hashes: Vec<String> = inline_scripts(pages_html)
        .into_iter()
        .map(|s| format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes()))))
        .collect();
    hashes.sort();
    hashes.dedup();
    let connect = match api_origin {
        Some(origin) => format!("'self' {origin}"),
        None => "'self'".to_string(),
    };
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval' {}; style-src 'self'; img-src 'self' data: blob:; \
         font-src 'self'; connect-src {connect}; manifest-src 'self'; worker-src 'self'; object-src 'none'; \
         base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
        hashes.join(" ")
    )
    .replace("  ", " ")
}

/// The text of every `<script>` element without a `src` attribute.
pub fn inline_scripts(html: &str) -> Vec<&str> {
    let mut found = Vec::new();
    let mut rest = html;
    while let Some(start) = rest.find("<script") {
        let after = &rest[start..];
        let Some(tag_end) = after.find('>') else { break };
        let tag = &after[..tag_end];
        let body_start = tag_end + 1;
        let Some(close) = after[body_start..].find("</script>") else { break };
        if !tag.contains(" src=") {
            found.push(&after[body_start..body_start + close]);
        }
        rest = &after[body_start + close..];
    }
    found
}

/// The headers every response carries, whatever it is.
pub fn layers(csp: String) -> Vec<SetResponseHeaderLayer<HeaderValue>> {
    let fixed: [(HeaderName, &str); 6] = [
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::REFERRER_POLICY, "strict-origin-when-cross-origin"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (HeaderName::from_static("cross-origin-opener-policy"), "same-origin"),
        (HeaderName::from_static("permissions-policy"), "camera=(self), geolocation=(), microphone=(), payment=()"),
        (HeaderName::from_static("x-permitted-cross-domain-policies"), "none"),
    ];
    let mut layers: Vec<_> = fixed
        .into_iter()
        .map(|(name, value)| SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value)))
        .collect();
    layers.push(SetResponseHeaderLayer::overriding(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_str(&csp).expect("CSP is ASCII"),
    ));
    layers
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_loader_is_hashed_and_external_scripts_are_not() {
        let html = r#"<script src="/boot.js"></script><script type="module">init()</script>"#;
        assert_eq!(inline_scripts(html), vec!["init()"]);
        let csp = content_security_policy(html, None);
        assert!(csp.contains("'sha256-"));
        assert!(!csp.contains("unsafe-inline"));
        assert!(csp.contains("frame-ancestors 'none'"));
    }
}
