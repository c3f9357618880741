//! Sign-in by SMS code, sessions and their cookies — over real HTTP, on SQLite and PostgreSQL.
//! The code request limits are in auth_limits.rs.

mod common;

use baoan_contract::api::{
    DEVICE_COOKIE_MAX_AGE_SECONDS, SESSION_MAX_AGE_SECONDS, SESSION_TTL_SECONDS, SMS_CODE_TTL_SECONDS,
    SMS_RESEND_AFTER_SECONDS,
};
use baoan_server::auth::session::{COOKIE_NAME, SECURE_COOKIE_NAME};
use baoan_server::config::Config;
use common::{cookie_attributes, expect_error, session_token, set_cookies, TestServer};
use reqwest::StatusCode;
use serde_json::{json, Value};

const PHONE: &str = "13800000001";

/// A code guaranteed to differ from `code`.
fn other_code(code: &str) -> String {
    let n: u32 = code.parse().unwrap();
    format!("{:06}", (n + 1) % 1_000_000)
}

fn attr<'a>(attrs: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

async fn me(server: &TestServer, client: &reqwest::Client) -> reqwest::Response {
    client.get(server.url("/api/v1/me")).send().await.unwrap()
}

/// GET /me with a hand-written Cookie header, from a client that keeps no cookies.
async fn me_with_token(server: &TestServer, token: &str) -> reqwest::Response {
    reqwest::Client::new()
        .get(server.url("/api/v1/me"))
        .header(reqwest::header::COOKIE, format!("{COOKIE_NAME}={token}"))
        .send()
        .await
        .unwrap()
}

async fn sign_in_sign_out(server: TestServer) {
    let client = server.client();
    // Signed out: 401 in the contract's shape.
    expect_error(me(&server, &client).await, StatusCode::UNAUTHORIZED, "unauthorized").await;

    let sent = server.send_code(&client, PHONE).await;
    assert_eq!(sent.status(), StatusCode::OK);
    let sent: Value = sent.json().await.unwrap();
    assert_eq!(
        sent,
        json!({ "resend_after_seconds": SMS_RESEND_AFTER_SECONDS, "expires_in_seconds": SMS_CODE_TTL_SECONDS })
    );

    let code = server.outbox_code(PHONE).await;
    let signed_in = server.post_session(&client, PHONE, &code).await;
    assert_eq!(signed_in.status(), StatusCode::OK);
    let cookies = set_cookies(&signed_in);
    assert_eq!(cookies.len(), 1, "one Set-Cookie: {cookies:?}");
    let token = session_token(&cookies[0]);
    assert!(token.len() >= 32, "session token is long and random: {token:?}");
    let me_body: Value = signed_in.json().await.unwrap();
    let user_id = me_body["user_id"].as_str().expect("user_id").to_string();
    assert_eq!(me_body["phone_masked"], "138****0001");
    assert!(me_body["profile"].is_null(), "a new resident has no profile yet: {me_body}");
    assert!(!me_body.to_string().contains(PHONE), "the full phone number is never sent back: {me_body}");

    // The database keeps only a hash of the token.
    assert_eq!(server.count("SELECT COUNT(*) FROM sessions").await, 1);
    let (stored,): (String,) =
        sqlx::query_as("SELECT token_hash FROM sessions").fetch_one(&server.db.pool).await.unwrap();
    assert_ne!(stored, token, "the session token itself is not stored");

    // The cookie jar carries the session; so does a hand-copied cookie.
    let r = me(&server, &client).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.json::<Value>().await.unwrap()["user_id"], user_id.as_str());
    assert_eq!(me_with_token(&server, &token).await.status(), StatusCode::OK, "a copied cookie works while signed in");
    expect_error(me_with_token(&server, "not-a-session").await, StatusCode::UNAUTHORIZED, "unauthorized").await;

    // The code is spent.
    let again = server.post_session(&server.client(), PHONE, &code).await;
    let body = expect_error(again, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(body["fields"]["code"], "sms_code.expired");

    // Sign out: 204, a clearing cookie, and the session is gone on the server.
    let out = client.delete(server.url("/api/v1/auth/session")).send().await.unwrap();
    assert_eq!(out.status(), StatusCode::NO_CONTENT);
    let cleared = set_cookies(&out);
    assert_eq!(cleared.len(), 1, "{cleared:?}");
    assert_eq!(session_token(&cleared[0]), "", "the cookie is emptied");
    assert_eq!(attr(&cookie_attributes(&cleared[0]), "max-age"), Some("0"));
    assert_eq!(server.count("SELECT COUNT(*) FROM sessions").await, 0);

    expect_error(me(&server, &client).await, StatusCode::UNAUTHORIZED, "unauthorized").await;
    expect_error(me_with_token(&server, &token).await, StatusCode::UNAUTHORIZED, "unauthorized").await;
    // Signing out twice is a 401, not a crash.
    let twice = server
        .plain_client()
        .delete(server.url("/api/v1/auth/session"))
        .header(reqwest::header::COOKIE, format!("{COOKIE_NAME}={token}"))
        .send()
        .await
        .unwrap();
    expect_error(twice, StatusCode::UNAUTHORIZED, "unauthorized").await;

    // Signing in again (after the resend wait) finds the same resident.
    server.clock.advance(SMS_RESEND_AFTER_SECONDS + 1);
    let again = server.sign_in(&client, "+86 138-0000-0001").await;
    assert_eq!(again["user_id"], user_id.as_str(), "the same number is the same resident");
    assert_eq!(server.count("SELECT COUNT(*) FROM users").await, 1);
}
both_engines!(sign_in_sign_out);

async fn two_residents_have_separate_sessions(server: TestServer) {
    let (a, b) = (server.client(), server.client());
    let me_a = server.sign_in(&a, "13800000001").await;
    let me_b = server.sign_in(&b, "13900000002").await;
    assert_ne!(me_a["user_id"], me_b["user_id"]);
    assert_eq!(me(&server, &a).await.json::<Value>().await.unwrap()["user_id"], me_a["user_id"]);
    assert_eq!(me(&server, &b).await.json::<Value>().await.unwrap()["user_id"], me_b["user_id"]);
    // One signing out leaves the other signed in.
    assert_eq!(a.delete(server.url("/api/v1/auth/session")).send().await.unwrap().status(), StatusCode::NO_CONTENT);
    assert_eq!(me(&server, &a).await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(me(&server, &b).await.status(), StatusCode::OK);
}
both_engines!(two_residents_have_separate_sessions);

async fn wrong_code_is_refused(server: TestServer) {
    let client = server.client();
    assert_eq!(server.send_code(&client, PHONE).await.status(), StatusCode::OK);
    let code = server.outbox_code(PHONE).await;
    let wrong = server.post_session(&client, PHONE, &other_code(&code)).await;
    assert!(set_cookies(&wrong).is_empty(), "no session for a wrong code");
    let body = expect_error(wrong, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(body["fields"], json!({ "code": "sms_code.wrong" }));
    assert_eq!(me(&server, &client).await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(server.count("SELECT COUNT(*) FROM users").await, 0, "no account for a wrong code");
    // One wrong try does not void the code.
    assert_eq!(server.post_session(&client, PHONE, &code).await.status(), StatusCode::OK);
    assert_eq!(me(&server, &client).await.status(), StatusCode::OK);
}
both_engines!(wrong_code_is_refused);

async fn five_wrong_tries_void_the_code(server: TestServer) {
    let client = server.client();
    assert_eq!(server.send_code(&client, PHONE).await.status(), StatusCode::OK);
    let code = server.outbox_code(PHONE).await;
    let wrong = other_code(&code);
    for attempt in 1..=5 {
        let r = server.post_session(&client, PHONE, &wrong).await;
        let body = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
        let want = if attempt < 5 { "sms_code.wrong" } else { "sms_code.too_many_tries" };
        assert_eq!(body["fields"]["code"], want, "attempt {attempt}");
    }
    // Now even the right code fails, and keeps failing.
    for _ in 0..2 {
        let r = server.post_session(&client, PHONE, &code).await;
        let body = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
        assert_eq!(body["fields"]["code"], "sms_code.too_many_tries");
    }
    assert_eq!(me(&server, &client).await.status(), StatusCode::UNAUTHORIZED);
    // A new code (after the resend wait) starts afresh.
    server.clock.advance(SMS_RESEND_AFTER_SECONDS + 1);
    assert_eq!(server.send_code(&client, PHONE).await.status(), StatusCode::OK);
    let fresh = server.outbox_code(PHONE).await;
    assert_eq!(server.post_session(&client, PHONE, &fresh).await.status(), StatusCode::OK);
}
both_engines!(five_wrong_tries_void_the_code);

async fn codes_expire_after_five_minutes(server: TestServer) {
    let client = server.client();
    let (early, late) = ("13800000001", "13900000002");
    assert_eq!(server.send_code(&client, early).await.status(), StatusCode::OK);
    assert_eq!(server.send_code(&client, late).await.status(), StatusCode::OK);
    let (early_code, late_code) = (server.outbox_code(early).await, server.outbox_code(late).await);

    // Shortly before expiry the code still works (a few seconds' margin: the server's clock is
    // real time plus the offset, and real time moves on while the test runs)…
    server.clock.advance(SMS_CODE_TTL_SECONDS - 5);
    assert_eq!(server.post_session(&server.client(), early, &early_code).await.status(), StatusCode::OK);
    // …five minutes after sending it does not.
    server.clock.advance(5);
    let r = server.post_session(&client, late, &late_code).await;
    let body = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(body["fields"], json!({ "code": "sms_code.expired" }));
    assert_eq!(me(&server, &client).await.status(), StatusCode::UNAUTHORIZED);

    // No code ever sent to a number: also "expired" (ask for a new one).
    let r = server.post_session(&client, "13700000003", "123456").await;
    let body = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(body["fields"]["code"], "sms_code.expired");
}
both_engines!(codes_expire_after_five_minutes);

async fn bad_input_names_the_field(server: TestServer) {
    let client = server.client();
    for (phone, want) in [("12345", "phone.format"), ("", "required"), ("+852 9123 4567", "phone.format")] {
        let r = server.send_code(&client, phone).await;
        let body = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
        assert_eq!(body["fields"], json!({ "phone": want }), "phone {phone:?}");
    }
    let r = server.post_session(&client, "1380000", "12ab").await;
    let body = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(body["fields"], json!({ "phone": "phone.format", "code": "sms_code.format" }));
    let r = server.post_session(&client, PHONE, "").await;
    let body = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(body["fields"], json!({ "code": "required" }));
    // A malformed code is caught before it counts as a try.
    assert_eq!(server.send_code(&client, PHONE).await.status(), StatusCode::OK);
    for _ in 0..6 {
        let r = server.post_session(&client, PHONE, "abcdef").await;
        expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    }
    let code = server.outbox_code(PHONE).await;
    assert_eq!(server.post_session(&client, PHONE, &code).await.status(), StatusCode::OK);
}
both_engines!(bad_input_names_the_field);

/// With the development switch (the tests' configuration): a cookie plain HTTP can carry.
async fn cookie_attributes_over_plain_http(server: TestServer) {
    assert!(server.config.insecure_dev_cookie);
    let client = server.client();
    assert_eq!(server.send_code(&client, PHONE).await.status(), StatusCode::OK);
    let code = server.outbox_code(PHONE).await;
    // Without a trusted proxy, a claimed X-Forwarded-Proto is not believed.
    let r = client
        .post(server.url("/api/v1/auth/session"))
        .header("x-forwarded-proto", "https")
        .json(&json!({ "phone": PHONE, "code": code }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let cookies = set_cookies(&r);
    assert_eq!(cookies.len(), 1);
    let attrs = cookie_attributes(&cookies[0]);
    assert!(attr(&attrs, "httponly").is_some(), "HttpOnly: {}", cookies[0]);
    assert_eq!(attr(&attrs, "samesite"), Some("Strict"), "{}", cookies[0]);
    assert_eq!(attr(&attrs, "path"), Some("/"), "{}", cookies[0]);
    // The browser may keep it as long as the session can live; the server ends it sooner if unused.
    assert_eq!(attr(&attrs, "max-age"), Some(SESSION_MAX_AGE_SECONDS.to_string().as_str()), "{}", cookies[0]);
    assert!(attr(&attrs, "secure").is_none(), "no Secure in development mode: {}", cookies[0]);
    assert!(attr(&attrs, "domain").is_none(), "host-only cookie: {}", cookies[0]);

    let out = client.delete(server.url("/api/v1/auth/session")).send().await.unwrap();
    let cleared = set_cookies(&out);
    let attrs = cookie_attributes(&cleared[0]);
    assert!(attr(&attrs, "httponly").is_some() && attr(&attrs, "samesite") == Some("Strict"), "{}", cleared[0]);
    assert_eq!(attr(&attrs, "path"), Some("/"), "the clearing cookie has the same path: {}", cleared[0]);
}
both_engines!(cookie_attributes_over_plain_http);

/// By default (no development switch): `__Host-` cookies, Secure, Path=/, no Domain — for the
/// session and for the device cookie that binds codes — whatever the request claims.
async fn cookies_are_host_prefixed_and_secure_by_default(server: TestServer) {
    assert!(!server.config.insecure_dev_cookie);
    // (reqwest, like a browser, keeps Secure cookies off plain HTTP: cookies go by hand here.)
    let client = server.plain_client();
    let sent = server.send_code(&client, PHONE).await;
    assert_eq!(sent.status(), StatusCode::OK);
    let device = set_cookies(&sent);
    assert_eq!(device.len(), 1, "{device:?}");
    assert!(device[0].starts_with("__Host-baoan_device="), "{}", device[0]);
    let device_cookie = device[0].split(';').next().unwrap().to_string();
    let code = server.outbox_code(PHONE).await;
    let r = client
        .post(server.url("/api/v1/auth/session"))
        .header(reqwest::header::COOKIE, &device_cookie)
        .json(&json!({ "phone": PHONE, "code": code }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let cookies = set_cookies(&r);
    assert_eq!(cookies.len(), 1);
    let session = &cookies[0];
    let (name, token) = session.split(';').next().unwrap().split_once('=').unwrap();
    assert_eq!(name, SECURE_COOKIE_NAME, "{session}");
    for (cookie, max_age) in [(session, SESSION_MAX_AGE_SECONDS), (&device[0], DEVICE_COOKIE_MAX_AGE_SECONDS)] {
        let attrs = cookie_attributes(cookie);
        assert!(attr(&attrs, "secure").is_some(), "Secure: {cookie}");
        assert!(attr(&attrs, "httponly").is_some(), "HttpOnly: {cookie}");
        assert_eq!(attr(&attrs, "samesite"), Some("Strict"), "{cookie}");
        assert_eq!(attr(&attrs, "path"), Some("/"), "{cookie}");
        assert!(attr(&attrs, "domain").is_none(), "host-only: {cookie}");
        assert_eq!(attr(&attrs, "max-age"), Some(max_age.to_string().as_str()), "{cookie}");
    }
    // The prefixed cookie is the session; the same token under the plain name is not.
    let with = |cookie: String| {
        server.plain_client().get(server.url("/api/v1/me")).header(reqwest::header::COOKIE, cookie).send()
    };
    assert_eq!(with(format!("{SECURE_COOKIE_NAME}={token}")).await.unwrap().status(), StatusCode::OK);
    assert_eq!(with(format!("{COOKIE_NAME}={token}")).await.unwrap().status(), StatusCode::UNAUTHORIZED);
    // Sign-out clears it with the same attributes.
    let out = server
        .plain_client()
        .delete(server.url("/api/v1/auth/session"))
        .header(reqwest::header::COOKIE, format!("{SECURE_COOKIE_NAME}={token}"))
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), StatusCode::NO_CONTENT);
    let cleared = set_cookies(&out);
    assert!(cleared[0].starts_with(&format!("{SECURE_COOKIE_NAME}=;")), "{}", cleared[0]);
    assert!(attr(&cookie_attributes(&cleared[0]), "secure").is_some(), "{}", cleared[0]);
    assert_eq!(with(format!("{SECURE_COOKIE_NAME}={token}")).await.unwrap().status(), StatusCode::UNAUTHORIZED);
}
both_engines!(cookies_are_host_prefixed_and_secure_by_default, |c: &mut Config| c.insecure_dev_cookie = false);

async fn sessions_expire_unless_used(server: TestServer) {
    let (active, idle) = (server.client(), server.client());
    server.sign_in(&active, "13800000001").await;
    server.sign_in(&idle, "13900000002").await;
    let day = 24 * 3600;
    // Six days on, both still work; using the active one extends it.
    server.clock.advance(6 * day);
    assert_eq!(me(&server, &active).await.status(), StatusCode::OK);
    // Eight days after sign-in: the idle session has lapsed, the used one lives on.
    server.clock.advance(2 * day);
    expect_error(me(&server, &idle).await, StatusCode::UNAUTHORIZED, "unauthorized").await;
    assert_eq!(me(&server, &active).await.status(), StatusCode::OK);
    assert_eq!(server.count("SELECT COUNT(*) FROM sessions").await, 1, "the lapsed session is deleted");
    // A full week without use ends it too.
    server.clock.advance(SESSION_TTL_SECONDS);
    expect_error(me(&server, &active).await, StatusCode::UNAUTHORIZED, "unauthorized").await;
    assert_eq!(server.count("SELECT COUNT(*) FROM sessions").await, 0);
}
both_engines!(sessions_expire_unless_used);
