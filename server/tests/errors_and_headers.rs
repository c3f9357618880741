//! One error shape for every failure, body size limits, security headers on every response,
//! cache policy, and the built app served with an index.html fallback for deep links.

mod common;

use baoan_server::config::Config;
use base64::Engine as _;
use common::{expect_error, TestServer, BOOT_JS, CHARITY_INLINE_SCRIPT, CHARITY_MARKER, INDEX_MARKER, INLINE_SCRIPT};
use reqwest::header::{CACHE_CONTROL, CONTENT_TYPE};
use reqwest::StatusCode;
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

const LIMIT: usize = baoan_server::app::JSON_BODY_LIMIT;

async fn unknown_api_paths_are_json_404(server: TestServer) {
    let client = server.client();
    for path in [
        "/api/v1/nope",
        "/api/v1/me/nope",
        "/api/v1/auth",
        "/api/v1/streets/xinan/more",
        "/api/v1/nope?x=1",
        "/api/v2/meta",
        "/api/nope",
    ] {
        let r = client.get(server.url(path)).send().await.unwrap();
        let body = expect_error(r, StatusCode::NOT_FOUND, "not_found").await;
        assert!(body.get("fields").is_none(), "{path}: {body}");
    }
    // Whatever the method.
    let r = client.post(server.url("/api/v1/nope")).json(&json!({})).send().await.unwrap();
    expect_error(r, StatusCode::NOT_FOUND, "not_found").await;
    let r = client.delete(server.url("/api/v1/nope")).send().await.unwrap();
    expect_error(r, StatusCode::NOT_FOUND, "not_found").await;
}
sqlite_only!(unknown_api_paths_are_json_404);

async fn wrong_method_is_the_error_shape(server: TestServer) {
    let client = server.client();
    let cases = [
        client.get(server.url("/api/v1/auth/sms-code")),
        client.put(server.url("/api/v1/auth/session")),
        client.post(server.url("/api/v1/me")),
        client.get(server.url("/api/v1/me/profile")),
        client.delete(server.url("/api/v1/meta")),
    ];
    for request in cases {
        let r = request.send().await.unwrap();
        let url = r.url().clone();
        let allow = r.headers().get(reqwest::header::ALLOW).map(|v| v.to_str().unwrap().to_string());
        let body = expect_error(r, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed").await;
        assert!(allow.is_some(), "{url}: a 405 says which methods are allowed ({body})");
    }
}
sqlite_only!(wrong_method_is_the_error_shape);

async fn unreadable_bodies_are_refused(server: TestServer) {
    let client = server.client();
    let url = server.url("/api/v1/auth/sms-code");
    let json_request = |body: &'static str| client.post(&url).header(CONTENT_TYPE, "application/json").body(body);
    // Malformed JSON, the wrong shape, the wrong types, nothing at all.
    for body in ["{not json", "{\"phone\": ", "[]", "{\"phone\": 13800000001}", "{}", "", "null"] {
        let r = json_request(body).send().await.unwrap();
        expect_error(r, StatusCode::BAD_REQUEST, "bad_request").await;
    }
    // No Content-Type, or not JSON: the same shape, 415.
    let r = client.post(&url).body("{\"phone\":\"13800000001\"}").send().await.unwrap();
    expect_error(r, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").await;
    let r =
        client.post(&url).header(CONTENT_TYPE, "text/plain").body("{\"phone\":\"13800000001\"}").send().await.unwrap();
    expect_error(r, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").await;
    let r = client
        .post(&url)
        .header(CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body("phone=13800000001")
        .send()
        .await
        .unwrap();
    expect_error(r, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").await;
    // None of these sent a code.
    let r = reqwest::get(server.url("/api/v1/dev/sms-outbox?phone=13800000001")).await.unwrap();
    expect_error(r, StatusCode::NOT_FOUND, "not_found").await;
    // A JSON content type with a charset is still JSON.
    let r = client
        .post(&url)
        .header(CONTENT_TYPE, "application/json; charset=utf-8")
        .body("{\"phone\":\"13800000001\"}")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
}
sqlite_only!(unreadable_bodies_are_refused);

/// `{"phone":"<padding>"}` of exactly `len` bytes.
fn json_body_of_len(len: usize) -> String {
    let overhead = "{\"phone\":\"\"}".len();
    format!("{{\"phone\":\"{}\"}}", "1".repeat(len - overhead))
}

/// Sends a raw HTTP/1.1 request and returns (status, body).
async fn raw_http(server: &TestServer, request: &[u8]) -> (u16, String) {
    let mut stream = tokio::net::TcpStream::connect(server.addr).await.unwrap();
    stream.write_all(request).await.unwrap();
    // Read until the server closes, or until a complete response with a Content-Length is in
    // (it may keep the connection open); the deadline turns a hang into a failure.
    let mut response = Vec::new();
    let read = async {
        let mut chunk = [0u8; 8192];
        loop {
            match stream.read(&mut chunk).await {
                Ok(0) | Err(_) => break,
                Ok(n) => response.extend_from_slice(&chunk[..n]),
            }
            if response_complete(&response) {
                break;
            }
        }
    };
    tokio::time::timeout(std::time::Duration::from_secs(10), read).await.expect("the server answers within 10 s");
    let text = String::from_utf8_lossy(&response).to_string();
    let status = text.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or_else(|| panic!("no status in {text:?}"));
    let body = text.split_once("\r\n\r\n").map(|(_, b)| b.to_string()).unwrap_or_default();
    (status, body)
}

/// Whether `bytes` hold a whole response with a Content-Length header.
fn response_complete(bytes: &[u8]) -> bool {
    let text = String::from_utf8_lossy(bytes);
    let Some((head, body)) = text.split_once("\r\n\r\n") else { return false };
    head.lines()
        .find_map(|l| l.split_once(':').filter(|(k, _)| k.eq_ignore_ascii_case("content-length")))
        .and_then(|(_, v)| v.trim().parse::<usize>().ok())
        .is_some_and(|len| body.len() >= len)
}

async fn bodies_over_64_kib_are_refused(server: TestServer) {
    assert_eq!(LIMIT, 64 * 1024);
    let client = server.client();
    let url = server.url("/api/v1/auth/sms-code");
    // At the limit the body is read (and the phone found invalid)…
    let r =
        client.post(&url).header(CONTENT_TYPE, "application/json").body(json_body_of_len(LIMIT)).send().await.unwrap();
    let body = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(body["fields"]["phone"], "phone.format");
    // …one byte over, it is refused.
    let r = client
        .post(&url)
        .header(CONTENT_TYPE, "application/json")
        .body(json_body_of_len(LIMIT + 1))
        .send()
        .await
        .unwrap();
    expect_error(r, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large").await;
    // A declared 4 MiB body is refused as soon as the limit is passed, without the server
    // waiting for (or buffering) the rest: only the first LIMIT + 1 KiB is ever sent here.
    let request = format!(
        "POST /api/v1/auth/sms-code HTTP/1.1\r\nHost: {0}\r\nOrigin: http://{0}\r\nContent-Type: application/json\r\nContent-Length: {1}\r\n\r\n{{\"phone\":\"{2}",
        server.addr,
        4 * 1024 * 1024,
        "1".repeat(LIMIT + 1024)
    );
    let (status, body) = raw_http(&server, request.as_bytes()).await;
    assert_eq!(status, 413, "declared length over the limit: {body}");
    common::assert_error_shape(&serde_json::from_str(&body).unwrap(), "payload_too_large");
    // Chunked (no Content-Length): the limit holds while reading.
    let chunk = "1".repeat(16 * 1024);
    let mut request = format!(
        "POST /api/v1/auth/sms-code HTTP/1.1\r\nHost: {0}\r\nOrigin: http://{0}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
        server.addr
    );
    let mut push_chunk = |data: &str| request.push_str(&format!("{:x}\r\n{data}\r\n", data.len()));
    push_chunk("{\"phone\":\"");
    for _ in 0..5 {
        push_chunk(&chunk);
    }
    push_chunk("\"}");
    request.push_str("0\r\n\r\n");
    let (status, body) = raw_http(&server, request.as_bytes()).await;
    assert_eq!(status, 413, "chunked body over the limit: {body}");
    let body: Value = serde_json::from_str(&body).unwrap_or_else(|e| panic!("413 body is JSON ({e}): {body:?}"));
    common::assert_error_shape(&body, "payload_too_large");

    // The profile (signed in) has the same limit.
    server.sign_in(&client, "13800000001").await;
    let big = json!({ "name": "张".repeat(LIMIT), "id_type": "passport", "id_number": "E12345678" });
    let r = client.put(server.url("/api/v1/me/profile")).json(&big).send().await.unwrap();
    expect_error(r, StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large").await;
}
sqlite_only!(bodies_over_64_kib_are_refused);

/// The CSP's directives, by name.
fn directives(csp: &str) -> std::collections::BTreeMap<String, Vec<String>> {
    csp.split(';')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| {
            let mut parts = d.split_whitespace().map(str::to_string);
            (parts.next().unwrap(), parts.collect())
        })
        .collect()
}

fn header<'a>(r: &'a reqwest::Response, name: &str) -> Option<&'a str> {
    r.headers().get(name).map(|v| v.to_str().unwrap())
}

/// Checks the headers every response must carry; returns the CSP.
fn assert_security_headers(r: &reqwest::Response, what: &str) -> String {
    assert_eq!(header(r, "x-content-type-options"), Some("nosniff"), "{what}");
    let referrer = header(r, "referrer-policy").unwrap_or_else(|| panic!("{what}: no Referrer-Policy"));
    assert!(
        ["no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin"].contains(&referrer),
        "{what}: Referrer-Policy {referrer:?} leaks paths to other sites"
    );
    assert_eq!(header(r, "x-frame-options"), Some("DENY"), "{what}");
    let csp = header(r, "content-security-policy").unwrap_or_else(|| panic!("{what}: no Content-Security-Policy"));
    assert_eq!(r.headers().get_all("content-security-policy").iter().count(), 1, "{what}: one CSP");
    csp.to_string()
}

async fn security_headers_on_every_response(server: TestServer) {
    let client = server.client();
    let requests = [
        ("API 200", client.get(server.url("/api/v1/meta"))),
        ("API 200 document", client.get(server.url("/api/v1/openapi.json"))),
        ("API 401", client.get(server.url("/api/v1/me"))),
        ("API 404", client.get(server.url("/api/v1/nope"))),
        ("API 405", client.get(server.url("/api/v1/auth/sms-code"))),
        (
            "API 400",
            client.post(server.url("/api/v1/auth/sms-code")).header(CONTENT_TYPE, "application/json").body("{"),
        ),
        ("API 422", client.post(server.url("/api/v1/auth/sms-code")).json(&json!({ "phone": "1" }))),
        (
            "API 413",
            client
                .post(server.url("/api/v1/auth/sms-code"))
                .header(CONTENT_TYPE, "application/json")
                .body(json_body_of_len(LIMIT + 1)),
        ),
        ("index /", client.get(server.url("/"))),
        ("index /index.html", client.get(server.url("/index.html"))),
        ("deep link", client.get(server.url("/mine/profile"))),
        ("static file", client.get(server.url("/boot.js"))),
        ("hashed asset", client.get(server.url("/app-0123456789abcdef.js"))),
        ("HEAD index", client.head(server.url("/"))),
    ];
    let mut policies = std::collections::BTreeSet::new();
    for (what, request) in requests {
        let r = request.send().await.unwrap();
        policies.insert(assert_security_headers(&r, what));
    }
    assert_eq!(policies.len(), 1, "the same CSP everywhere: {policies:?}");
}
sqlite_only!(security_headers_on_every_response);

async fn csp_allows_only_the_inline_loader(server: TestServer) {
    let r = reqwest::get(server.url("/")).await.unwrap();
    let csp = assert_security_headers(&r, "index");
    let d = directives(&csp);
    let hash = |script: &str| {
        format!("'sha256-{}'", base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script.as_bytes())))
    };
    let mut script_src = d["script-src"].clone();
    script_src.sort();
    let mut want =
        vec!["'self'".to_string(), "'wasm-unsafe-eval'".to_string(), hash(INLINE_SCRIPT), hash(CHARITY_INLINE_SCRIPT)];
    want.sort();
    assert_eq!(script_src, want, "script-src allows our files, WASM and exactly each page's inline loader: {csp}");
    assert!(!csp.contains("unsafe-inline"), "{csp}");
    assert!(!csp.contains("'unsafe-eval'"), "{csp}");
    assert!(!csp.split_whitespace().any(|t| t == "*" || t.starts_with("http:")), "no wildcard sources: {csp}");
    assert_eq!(d["frame-ancestors"], ["'none'"], "{csp}");
    assert_eq!(d["default-src"], ["'self'"], "{csp}");
    assert_eq!(d["object-src"], ["'none'"], "{csp}");
    assert_eq!(d["base-uri"], ["'self'"], "{csp}");
    assert_eq!(d["connect-src"], ["'self'"], "no other origin unless configured: {csp}");
    assert!(!d["style-src"].iter().any(|s| s.contains("unsafe")), "{csp}");
    // The hash is of the page actually served.
    let html = r.text().await.unwrap();
    assert!(html.contains(&format!("<script type=\"module\">{INLINE_SCRIPT}</script>")), "{html}");
}
sqlite_only!(csp_allows_only_the_inline_loader);

async fn csp_names_a_configured_api_origin(server: TestServer) {
    let r = reqwest::get(server.url("/api/v1/meta")).await.unwrap();
    let d = directives(&assert_security_headers(&r, "meta"));
    assert_eq!(d["connect-src"], ["'self'", "https://api.example.gov.cn"]);
}
sqlite_only!(csp_names_a_configured_api_origin, |c: &mut Config| c.api_origin =
    Some("https://api.example.gov.cn".into()));

async fn deep_links_get_the_app(server: TestServer) {
    let client = server.client();
    for path in [
        "/",
        "/index.html",
        "/mine/profile",
        "/marriage/booking/step-2?from=home",
        "/zh-Hant/charity/funds/12",
        "/no-such-page",
        "/charityx",
    ] {
        let r = client.get(server.url(path)).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        assert!(header(&r, "content-type").unwrap().starts_with("text/html"), "{path}");
        assert_eq!(
            header(&r, "cache-control"),
            Some("no-cache"),
            "{path}: the page is revalidated so a new build is picked up"
        );
        let html = r.text().await.unwrap();
        assert!(html.contains(INDEX_MARKER) && html.contains(INLINE_SCRIPT), "{path} serves the built index.html");
    }
    // A path another bundle serves gets that bundle's page (baoan_contract::bundle).
    for path in ["/charity", "/charity/projects/7?tab=ledger"] {
        let r = client.get(server.url(path)).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{path}");
        assert_eq!(header(&r, "cache-control"), Some("no-cache"), "{path}");
        let html = r.text().await.unwrap();
        assert!(html.contains(CHARITY_MARKER) && html.contains(CHARITY_INLINE_SCRIPT), "{path} serves charity.html");
    }
    // Static files are served as themselves, not as the page.
    let r = client.get(server.url("/boot.js")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(header(&r, "content-type").unwrap().contains("javascript"));
    assert_eq!(header(&r, "cache-control"), Some("no-cache"), "unhashed files are revalidated");
    assert_eq!(r.text().await.unwrap(), BOOT_JS);
    let r = client.get(server.url("/app-0123456789abcdef.js")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(
        header(&r, "cache-control"),
        Some("public, max-age=31536000, immutable"),
        "hashed assets are cached for good"
    );
    // The API never falls back to the page.
    let r = client.get(server.url("/api/v1/mine/profile")).send().await.unwrap();
    expect_error(r, StatusCode::NOT_FOUND, "not_found").await;
    // Nothing outside the dist folder can be reached.
    for path in ["/../Cargo.toml", "/%2e%2e/Cargo.toml", "/..%2fCargo.toml"] {
        let r = client.get(server.url(path)).send().await.unwrap();
        let text = r.text().await.unwrap();
        assert!(!text.contains("[package]"), "{path} escaped the dist folder");
    }
}
sqlite_only!(deep_links_get_the_app);

async fn api_responses_are_never_cached(server: TestServer) {
    let client = server.client();
    for (what, r) in [
        ("meta", client.get(server.url("/api/v1/meta")).send().await.unwrap()),
        ("401", client.get(server.url("/api/v1/me")).send().await.unwrap()),
        ("404", client.get(server.url("/api/v1/nope")).send().await.unwrap()),
        ("404 outside /api/v1", client.get(server.url("/api/v2/meta")).send().await.unwrap()),
        ("422", client.post(server.url("/api/v1/auth/sms-code")).json(&json!({ "phone": "" })).send().await.unwrap()),
    ] {
        assert_eq!(r.headers().get(CACHE_CONTROL).map(|v| v.to_str().unwrap()), Some("no-store"), "{what}");
    }
    // Above all the responses that carry personal data.
    let me = server.sign_in(&client, "13800000001").await;
    assert!(me["user_id"].is_string());
    let r = client.get(server.url("/api/v1/me")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(header(&r, "cache-control"), Some("no-store"));
    assert!(header(&r, "content-type").unwrap().starts_with("application/json"));
}
sqlite_only!(api_responses_are_never_cached);

async fn dev_outbox_errors_use_the_shape_too(server: TestServer) {
    let client = server.client();
    for path in
        ["/api/v1/dev/sms-outbox", "/api/v1/dev/sms-outbox?phone=abc", "/api/v1/dev/sms-outbox?phone=13800000001"]
    {
        let r = client.get(server.url(path)).send().await.unwrap();
        let status = r.status();
        assert!(status.is_client_error(), "{path}: {status}");
        let body: Value = r.json().await.unwrap_or_else(|e| panic!("{path}: error body is JSON ({e})"));
        common::assert_error_shape(&body, body["code"].as_str().unwrap_or("?"));
    }
}
sqlite_only!(dev_outbox_errors_use_the_shape_too);
