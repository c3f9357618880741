//! The limits on sign-in code requests (resend wait, per phone, per client address, behind a
//! trusted proxy) — over real HTTP, on SQLite and PostgreSQL.

mod common;

use baoan_contract::api::SMS_RESEND_AFTER_SECONDS;
use baoan_server::config::Config;
use common::{expect_error, TestServer};
use reqwest::StatusCode;
use serde_json::json;

const PHONE: &str = "13800000001";

async fn resend_waits_sixty_seconds(server: TestServer) {
    let client = server.client();
    assert_eq!(server.send_code(&client, PHONE).await.status(), StatusCode::OK);
    let first = server.outbox_code(PHONE).await;
    // Immediately, and written differently (same number once normalised): refused.
    for phone in [PHONE, "+86 138 0000 0001"] {
        let r = server.send_code(&client, phone).await;
        let body = expect_error(r, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
        assert_eq!(body["fields"], json!({ "phone": "sms.rate_limited" }));
    }
    // (A few seconds' margin, as real time moves on under the test.)
    server.clock.advance(SMS_RESEND_AFTER_SECONDS - 5);
    expect_error(server.send_code(&client, PHONE).await, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    // Another number is not held up.
    assert_eq!(server.send_code(&client, "13900000002").await.status(), StatusCode::OK);
    server.clock.advance(5);
    assert_eq!(server.send_code(&client, PHONE).await.status(), StatusCode::OK);
    let second = server.outbox_code(PHONE).await;
    // The new code replaces the old one.
    if second != first {
        let r = server.post_session(&client, PHONE, &first).await;
        let body = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
        assert_eq!(body["fields"]["code"], "sms_code.wrong");
    }
    assert_eq!(server.post_session(&client, PHONE, &second).await.status(), StatusCode::OK);
}
both_engines!(resend_waits_sixty_seconds);

async fn per_phone_hourly_limit(server: TestServer) {
    assert_eq!(server.config.sms_per_phone_per_hour, 3);
    let client = server.client();
    for i in 0..3 {
        let r = server.send_code(&client, PHONE).await;
        assert_eq!(r.status(), StatusCode::OK, "code {i}");
        server.clock.advance(SMS_RESEND_AFTER_SECONDS + 1);
    }
    // The fourth in the hour (t = 183 s) is refused, on the phone field…
    for _ in 0..2 {
        let body =
            expect_error(server.send_code(&client, PHONE).await, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
        assert_eq!(body["fields"], json!({ "phone": "sms.rate_limited" }));
        server.clock.advance(SMS_RESEND_AFTER_SECONDS + 1);
    }
    // …while another number from the same address is served.
    assert_eq!(server.send_code(&client, "13900000002").await.status(), StatusCode::OK);
    // Once the first code is an hour old (t = 3601 s) the window has room again; this also shows
    // the two refused requests did not count against the number.
    server.clock.advance(3601 - 5 * (SMS_RESEND_AFTER_SECONDS + 1));
    assert_eq!(server.send_code(&client, PHONE).await.status(), StatusCode::OK);
}
both_engines!(per_phone_hourly_limit, |c: &mut Config| c.sms_per_phone_per_hour = 3);

async fn per_ip_hourly_limit(server: TestServer) {
    assert!(server.config.trusted_proxies.is_empty());
    let client = server.client();
    let phones = ["13800000001", "13800000002", "13800000003", "13800000004", "13800000005"];
    for phone in &phones[..3] {
        assert_eq!(server.send_code(&client, phone).await.status(), StatusCode::OK);
        server.clock.advance(SMS_RESEND_AFTER_SECONDS + 1);
    }
    let body =
        expect_error(server.send_code(&client, phones[3]).await, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    assert!(body.get("fields").is_none(), "the address limit is not the number's fault: {body}");
    assert!(
        reqwest::get(server.url(&format!("/api/v1/dev/sms-outbox?phone={}", phones[3]))).await.unwrap().status()
            == StatusCode::NOT_FOUND,
        "no code was sent"
    );
    // Without a trusted proxy a forged X-Forwarded-For changes nothing.
    let forged = client
        .post(server.url("/api/v1/auth/sms-code"))
        .header("x-forwarded-for", "198.51.100.7")
        .json(&json!({ "phone": phones[4] }))
        .send()
        .await
        .unwrap();
    expect_error(forged, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    // A new client (new connection, same address) is the same address.
    expect_error(server.send_code(&server.client(), phones[4]).await, StatusCode::TOO_MANY_REQUESTS, "rate_limited")
        .await;
    // An hour after the first request the address may ask again.
    server.clock.advance(3600 - 3 * (SMS_RESEND_AFTER_SECONDS + 1) + 1);
    assert_eq!(server.send_code(&client, phones[3]).await.status(), StatusCode::OK);
}
both_engines!(per_ip_hourly_limit, |c: &mut Config| c.sms_per_ip_per_hour = 3);

async fn per_ip_limit_behind_a_trusted_proxy(server: TestServer) {
    let client = server.client();
    let send = |phone: &'static str, forwarded_for: &'static str| {
        let request = client
            .post(server.url("/api/v1/auth/sms-code"))
            .header("x-forwarded-for", forwarded_for)
            .json(&json!({ "phone": phone }));
        async move { request.send().await.unwrap() }
    };
    assert_eq!(send("13800000001", "203.0.113.1").await.status(), StatusCode::OK);
    // The right-most address not of a trusted proxy is the client's; what the client wrote to
    // its left (anything) does not make it someone else, nor do the proxies' own addresses.
    assert_eq!(send("13800000002", "6.6.6.6, 203.0.113.1, 10.0.0.1").await.status(), StatusCode::OK);
    // This is 203.0.113.1's third request.
    expect_error(send("13800000003", "7.7.7.7, 203.0.113.1").await, StatusCode::TOO_MANY_REQUESTS, "rate_limited")
        .await;
    // Another resident behind the same proxy is not affected.
    assert_eq!(send("13800000004", "203.0.113.1, 203.0.113.2").await.status(), StatusCode::OK);
}
both_engines!(per_ip_limit_behind_a_trusted_proxy, |c: &mut Config| {
    c.trusted_proxies = vec!["127.0.0.1".parse().unwrap(), "10.0.0.0/8".parse().unwrap()];
    c.sms_per_ip_per_hour = 2;
});
