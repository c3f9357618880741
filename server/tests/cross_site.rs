//! Cross-site requests (issue 10, item 5): a page on another site, in a signed-in resident's
//! browser, tries to change their data. Every write that does not come from the app's own
//! origin is refused with 403 — a JSON body, a body-less POST, a raw upload — and nothing
//! changes; the same requests from the app's own origin work. Over real HTTP, both engines.

mod common;
mod staff_common;

use baoan_server::auth::session::COOKIE_NAME;
use baoan_server::config::Config;
use common::{expect_error, TestServer};
use reqwest::header::{COOKIE, ORIGIN};
use reqwest::StatusCode;
use serde_json::{json, Value};

const STAFF: &str = "Bearer test-admin-token";

/// A 祭扫 window from today, one slot of 4 places at 08:00, opened by a district admin.
async fn open_window(server: &TestServer) {
    let admin = staff_common::district_admin(server).await;
    let today = server.clock.today();
    let r = admin
        .post(server.url("/api/v1/staff/memorial/windows"))
        .json(&json!({
            "cemetery_id": "baoshan", "kind": "qingming",
            "starts_on": today.to_iso(), "ends_on": today.add_days(10).to_iso(),
            "days_ahead": 7, "service_opens_minute": 0, "service_closes_minute": 1440,
            "first_hour": 8, "last_hour": 8, "capacity": 4
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK, "open window: {}", r.text().await.unwrap_or_default());
}

/// Signs a resident in and books a visit; returns (their session token, the booking id).
async fn resident_with_booking(server: &TestServer) -> (String, String) {
    open_window(server).await;
    let day = server.clock.today().add_days(1);
    let r = reqwest::get(server.url(&format!("/api/v1/memorial/cemeteries/baoshan/slots?date={}", day.to_iso())))
        .await
        .unwrap();
    let slots: Value = r.json().await.unwrap();
    let slot = slots["slots"][0]["id"].as_str().unwrap().to_string();
    // Sign in by hand to learn the session token (a cross-site page rides on the same cookie).
    let client = server.client();
    server.send_code(&client, "13900000001").await;
    let code = server.outbox_code("13900000001").await;
    let r = server.post_session(&client, "13900000001", &code).await;
    assert_eq!(r.status(), StatusCode::OK);
    let token = common::session_token(&common::set_cookies(&r)[0]);
    let body = json!({ "slot_id": slot, "group_size": 2, "plate": "粤BD12345", "deceased_name": "陈国华",
                       "grave": { "area": "A", "row": "3", "number": "12" } });
    let r = client
        .post(server.url("/api/v1/memorial/bookings"))
        .header("idempotency-key", common::random_hex(12))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK, "book: {}", r.text().await.unwrap_or_default());
    let booking: Value = r.json().await.unwrap();
    (token, booking["id"].as_str().unwrap().to_string())
}

/// A browser-like request carrying the resident's session cookie, from `origin` (None: no
/// Origin header) with `Sec-Fetch-Site: site` (None: none sent).
fn from_site(
    server: &TestServer,
    method: reqwest::Method,
    path: &str,
    token: &str,
    origin: Option<&str>,
    site: Option<&str>,
) -> reqwest::RequestBuilder {
    let mut r =
        reqwest::Client::new().request(method, server.url(path)).header(COOKIE, format!("{COOKIE_NAME}={token}"));
    if let Some(o) = origin {
        r = r.header(ORIGIN, o);
    }
    if let Some(s) = site {
        r = r.header("sec-fetch-site", s);
    }
    r
}

async fn booking_status(server: &TestServer, token: &str, id: &str) -> String {
    let r = from_site(server, reqwest::Method::GET, &format!("/api/v1/memorial/bookings/{id}"), token, None, None)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    r.json::<Value>().await.unwrap()["status"].as_str().unwrap().to_string()
}

async fn cross_site_writes_are_refused(server: TestServer) {
    let (token, id) = resident_with_booking(&server).await;
    let cancel = format!("/api/v1/memorial/bookings/{id}/cancel");
    let evil = Some("https://evil.example");
    let post = reqwest::Method::POST;

    // The attack: a body-less POST from another site with the resident's cookie.
    for (origin, site) in [
        (evil, Some("cross-site")),
        (evil, None),
        (None, Some("cross-site")),
        (Some("null"), None),
        // Same site but another origin (a sibling subdomain) is not the app either.
        (Some("http://app.127.0.0.1.nip.io"), Some("same-site")),
        // Neither header: refused too (a browser always sends Origin on a cross-site POST).
        (None, None),
    ] {
        let r = from_site(&server, post.clone(), &cancel, &token, origin, site).send().await.unwrap();
        let body = expect_error(r, StatusCode::FORBIDDEN, "forbidden").await;
        assert!(body.get("fields").is_none(), "{body}");
        assert_eq!(booking_status(&server, &token, &id).await, "active", "origin {origin:?}, site {site:?}");
    }

    // A JSON write (the profile) and a raw upload from another site: refused, nothing stored.
    let r = from_site(&server, reqwest::Method::PUT, "/api/v1/me/profile", &token, evil, Some("cross-site"))
        .json(&json!({ "name": "黑客", "id_type": "resident_id", "id_number": "11010519491231002X" }))
        .send()
        .await
        .unwrap();
    expect_error(r, StatusCode::FORBIDDEN, "forbidden").await;
    assert_eq!(server.count("SELECT COUNT(*) FROM users WHERE name IS NOT NULL").await, 0);
    let jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F', 0, 1, 2, 3];
    let r = from_site(&server, post.clone(), "/api/v1/uploads", &token, evil, Some("cross-site"))
        .header("content-type", "image/jpeg")
        .body(jpeg.clone())
        .send()
        .await
        .unwrap();
    expect_error(r, StatusCode::FORBIDDEN, "forbidden").await;
    assert_eq!(server.count("SELECT COUNT(*) FROM uploads").await, 0, "no file stored");
    // Sign-out everywhere and sign-in codes are writes too.
    let r = from_site(&server, reqwest::Method::DELETE, "/api/v1/me/sessions", &token, evil, Some("cross-site"))
        .send()
        .await
        .unwrap();
    expect_error(r, StatusCode::FORBIDDEN, "forbidden").await;
    let r = reqwest::Client::new()
        .post(server.url("/api/v1/auth/sms-code"))
        .header(ORIGIN, "https://evil.example")
        .json(&json!({ "phone": "13700000009" }))
        .send()
        .await
        .unwrap();
    expect_error(r, StatusCode::FORBIDDEN, "forbidden").await;

    // From the app's own pages: Sec-Fetch-Site: same-origin, or Origin equal to this server.
    let r = from_site(&server, post.clone(), "/api/v1/uploads", &token, None, Some("same-origin"))
        .header("content-type", "image/jpeg")
        .body(jpeg)
        .send()
        .await
        .unwrap();
    assert_ne!(r.status(), StatusCode::FORBIDDEN, "a same-origin upload reaches the handler");
    let r = from_site(&server, post.clone(), &cancel, &token, Some(&server.base), None).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK, "the resident's own cancel works: {}", r.text().await.unwrap_or_default());
    assert_eq!(booking_status(&server, &token, &id).await, "cancelled");
}
both_engines!(cross_site_writes_are_refused);

async fn configured_origins_count_as_own(server: TestServer) {
    let (token, id) = resident_with_booking(&server).await;
    let cancel = format!("/api/v1/memorial/bookings/{id}/cancel");
    // The API origin and the public origin are the app's own.
    let r = from_site(&server, reqwest::Method::POST, &cancel, &token, Some("https://evil.example"), None)
        .send()
        .await
        .unwrap();
    expect_error(r, StatusCode::FORBIDDEN, "forbidden").await;
    for origin in ["https://minzheng.example.cn/", "HTTPS://API.example.cn"] {
        let r = from_site(&server, reqwest::Method::POST, &cancel, &token, Some(origin), Some("same-site"))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK, "{origin}");
    }
    // A claimed X-Forwarded-Host / -Proto from a peer that is not a trusted proxy changes nothing.
    let r = from_site(&server, reqwest::Method::POST, &cancel, &token, Some("https://evil.example"), None)
        .header("x-forwarded-host", "evil.example")
        .header("x-forwarded-proto", "https")
        .send()
        .await
        .unwrap();
    expect_error(r, StatusCode::FORBIDDEN, "forbidden").await;
}
both_engines!(configured_origins_count_as_own, |c: &mut Config| {
    c.public_origin = Some("https://minzheng.example.cn".into());
    c.api_origin = Some("https://api.example.cn".into());
});

async fn own_origin_behind_a_trusted_proxy(server: TestServer) {
    let (token, id) = resident_with_booking(&server).await;
    let cancel = format!("/api/v1/memorial/bookings/{id}/cancel");
    // The proxy (this test, on loopback) says the page was https://minzheng.example.cn.
    let via_proxy = |origin: &str| {
        from_site(&server, reqwest::Method::POST, &cancel, &token, Some(origin), None)
            .header("x-forwarded-host", "minzheng.example.cn")
            .header("x-forwarded-proto", "https")
    };
    expect_error(via_proxy("http://minzheng.example.cn").send().await.unwrap(), StatusCode::FORBIDDEN, "forbidden")
        .await;
    assert_eq!(via_proxy("https://minzheng.example.cn").send().await.unwrap().status(), StatusCode::OK);
}
both_engines!(own_origin_behind_a_trusted_proxy, |c: &mut Config| c.trusted_proxies =
    vec!["127.0.0.1".parse().unwrap()]);

async fn staff_bearer_requests_are_exempt_but_not_with_a_cookie(server: TestServer) {
    // A tool with the bootstrap token (bearer, no cookie; it only creates district admins) needs
    // no Origin: browsers never add Authorization.
    let r = reqwest::Client::new()
        .post(server.url("/api/v1/staff/accounts"))
        .header("authorization", STAFF)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_ne!(r.status(), StatusCode::FORBIDDEN, "reaches the handler");
    // With a session cookie as well it is checked like any browser request.
    let r = reqwest::Client::new()
        .post(server.url("/api/v1/staff/accounts"))
        .header("authorization", STAFF)
        .header(COOKIE, format!("{COOKIE_NAME}=whatever"))
        .header(ORIGIN, "https://evil.example")
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    expect_error(r, StatusCode::FORBIDDEN, "forbidden").await;
    // Reads are never refused.
    let r = reqwest::Client::new().get(server.url("/api/v1/meta")).header(ORIGIN, "https://evil.example").send().await;
    assert_eq!(r.unwrap().status(), StatusCode::OK);
}
sqlite_only!(staff_bearer_requests_are_exempt_but_not_with_a_cookie);
