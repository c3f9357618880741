//! Sign-in that cannot be turned against residents (issue 10, item 2): each attack performed
//! over real HTTP, on SQLite and PostgreSQL, and shown to fail.

mod common;

use baoan_contract::api::{
    CODE_GUESSES_PER_ADDRESS_PER_HOUR, CODE_GUESSES_PER_PHONE_PER_DAY, SESSION_MAX_AGE_SECONDS, SMS_PER_IP_PER_HOUR,
    SMS_PER_PHONE_PER_HOUR, SMS_RESEND_AFTER_SECONDS,
};
use baoan_server::auth::sms::SmsPurpose;
use baoan_server::config::Config;
use common::{expect_error, TestServer};
use reqwest::StatusCode;
use serde_json::{json, Value};

const OWNER: &str = "13800000001";

fn trust_loopback_proxy(c: &mut Config) {
    c.trusted_proxies = vec!["127.0.0.1".parse().unwrap()];
}

fn other_code(code: &str) -> String {
    format!("{:06}", (code.parse::<u32>().unwrap() + 1) % 1_000_000)
}

async fn send_from(
    server: &TestServer,
    client: &reqwest::Client,
    phone: &str,
    forwarded_for: &str,
) -> reqwest::Response {
    client
        .post(server.url("/api/v1/auth/sms-code"))
        .header("x-forwarded-for", forwarded_for)
        .json(&json!({ "phone": phone }))
        .send()
        .await
        .unwrap()
}

async fn guess_from(
    server: &TestServer,
    client: &reqwest::Client,
    phone: &str,
    code: &str,
    forwarded_for: &str,
) -> reqwest::Response {
    client
        .post(server.url("/api/v1/auth/session"))
        .header("x-forwarded-for", forwarded_for)
        .json(&json!({ "phone": phone, "code": code }))
        .send()
        .await
        .unwrap()
}

fn outbox_has(server: &TestServer, phone: &str) -> bool {
    server.state.sms.last_code(phone).is_some()
}

/// 40 code requests from one client, each claiming another X-Forwarded-For: one client.
async fn forged_forwarded_for_is_one_client(server: TestServer) {
    let client = server.client();
    let mut sent = 0;
    for i in 0..40 {
        let phone = format!("1370000{i:04}");
        // The client writes whatever it likes on the left; the trusted proxy appends the real address.
        let r = send_from(&server, &client, &phone, &format!("10.9.{i}.1, 203.0.113.{i}, 198.51.100.7")).await;
        if r.status() == StatusCode::OK {
            sent += 1;
            continue;
        }
        let body = expect_error(r, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
        assert!(body["retry_after_seconds"].as_i64().unwrap() > 0, "{body}");
        assert!(!outbox_has(&server, &phone), "no code sent once limited");
    }
    assert_eq!(sent, SMS_PER_IP_PER_HOUR, "limited after the per-address limit");
    // Another real client behind the same proxy is not held up.
    assert_eq!(send_from(&server, &server.client(), OWNER, "198.51.100.8").await.status(), StatusCode::OK);
}
both_engines!(forged_forwarded_for_is_one_client, trust_loopback_proxy);

/// Without a trusted proxy every forged X-Forwarded-For is ignored: the socket address counts.
async fn forwarded_for_is_ignored_without_a_trusted_proxy(server: TestServer) {
    let client = server.client();
    let mut sent = 0;
    for i in 0..40 {
        if send_from(&server, &client, &format!("1370000{i:04}"), &format!("203.0.113.{i}")).await.status()
            == StatusCode::OK
        {
            sent += 1;
        }
    }
    assert_eq!(sent, SMS_PER_IP_PER_HOUR);
}
both_engines!(forwarded_for_is_ignored_without_a_trusted_proxy);

/// Five wrong guesses from another client, then the owner's right code still works.
async fn strangers_guesses_never_void_the_owners_code(server: TestServer) {
    let owner = server.client();
    assert_eq!(send_from(&server, &owner, OWNER, "203.0.113.1").await.status(), StatusCode::OK);
    let code = server.outbox_code(OWNER).await;
    let attacker = server.client();
    for _ in 0..5 {
        let r = guess_from(&server, &attacker, OWNER, &other_code(&code), "198.51.100.66").await;
        let body = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
        assert_eq!(body["fields"]["code"], "sms_code.wrong");
    }
    // The attacker asking for codes of their own for the number does not replace the owner's.
    assert_eq!(send_from(&server, &attacker, OWNER, "198.51.100.66").await.status(), StatusCode::OK);
    let r = guess_from(&server, &owner, OWNER, &code, "203.0.113.1").await;
    assert_eq!(r.status(), StatusCode::OK, "the owner signs in: {}", r.text().await.unwrap_or_default());
    assert_eq!(owner.get(server.url("/api/v1/me")).send().await.unwrap().status(), StatusCode::OK);
    assert_eq!(attacker.get(server.url("/api/v1/me")).send().await.unwrap().status(), StatusCode::UNAUTHORIZED);
}
both_engines!(strangers_guesses_never_void_the_owners_code, trust_loopback_proxy);

/// All strangers together get a handful of guesses per number; each address a handful per hour.
async fn strangers_guesses_on_one_number_are_capped(server: TestServer) {
    let owner = server.client();
    assert_eq!(send_from(&server, &owner, OWNER, "203.0.113.1").await.status(), StatusCode::OK);
    let code = server.outbox_code(OWNER).await;
    // Many addresses, many clients: the number's stranger budget runs out, then 429.
    let mut wrong = 0;
    for i in 0..(CODE_GUESSES_PER_PHONE_PER_DAY + 5) {
        let guess = format!("{:06}", (code.parse::<u32>().unwrap() + 1 + i as u32) % 1_000_000);
        let r = guess_from(&server, &server.client(), OWNER, &guess, &format!("198.51.100.{i}")).await;
        if i < CODE_GUESSES_PER_PHONE_PER_DAY {
            assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "guess {i}");
            wrong += 1;
        } else {
            let body = expect_error(r, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
            assert!(body["retry_after_seconds"].as_i64().unwrap() > 3600, "a day's budget: {body}");
        }
    }
    assert_eq!(wrong, CODE_GUESSES_PER_PHONE_PER_DAY);
    // Even the right code is refused to a stranger now (so no budget is left to find it)…
    let r = guess_from(&server, &server.client(), OWNER, &code, "198.51.100.200").await;
    expect_error(r, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    // …while the owner's own device signs in with it.
    assert_eq!(guess_from(&server, &owner, OWNER, &code, "203.0.113.1").await.status(), StatusCode::OK);

    // One address guessing on many numbers is capped per hour too.
    let prowler = server.client();
    for i in 0..CODE_GUESSES_PER_ADDRESS_PER_HOUR {
        let r = guess_from(&server, &prowler, &format!("1390000{i:04}"), "123456", "192.0.2.50").await;
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let r = guess_from(&server, &prowler, "13900009999", "123456", "192.0.2.50").await;
    expect_error(r, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
}
both_engines!(strangers_guesses_on_one_number_are_capped, trust_loopback_proxy);

/// An attacker requests codes for the resident's number until its allowance is gone; the
/// resident's own device still gets a code and signs in (and its earlier code was not replaced).
async fn strangers_code_requests_do_not_lock_the_owner_out(server: TestServer) {
    let owner = server.client();
    server.sign_in(&owner, OWNER).await;
    assert_eq!(owner.delete(server.url("/api/v1/auth/session")).send().await.unwrap().status(), StatusCode::NO_CONTENT);
    server.clock.advance(SMS_RESEND_AFTER_SECONDS + 1);
    assert_eq!(send_from(&server, &owner, OWNER, "203.0.113.1").await.status(), StatusCode::OK);
    let owners_code = server.outbox_code(OWNER).await;

    // The attack: fresh clients (no waiting between them), many addresses. (The owner's very
    // first code, from a device not yet known, came from the number's shared allowance.)
    for i in 0..SMS_PER_PHONE_PER_HOUR - 1 {
        let r = send_from(&server, &server.client(), OWNER, &format!("198.51.100.{i}")).await;
        assert_eq!(r.status(), StatusCode::OK, "attacker request {i}");
    }
    let r = send_from(&server, &server.client(), OWNER, "198.51.100.99").await;
    let body = expect_error(r, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    assert_eq!(body["fields"]["phone"], "sms.rate_limited");
    assert!(body["retry_after_seconds"].as_i64().unwrap() > 0);

    // The owner's code still works…
    let r = guess_from(&server, &owner, OWNER, &owners_code, "203.0.113.1").await;
    assert_eq!(r.status(), StatusCode::OK, "{}", r.text().await.unwrap_or_default());
    owner.delete(server.url("/api/v1/auth/session")).send().await.unwrap();
    // …and, after the resend wait, the owner's device gets new codes from its own allowance.
    for _ in 0..2 {
        server.clock.advance(SMS_RESEND_AFTER_SECONDS + 1);
        assert_eq!(send_from(&server, &owner, OWNER, "203.0.113.1").await.status(), StatusCode::OK);
    }
    let fresh = server.outbox_code(OWNER).await;
    assert_eq!(guess_from(&server, &owner, OWNER, &fresh, "203.0.113.1").await.status(), StatusCode::OK);
    // A stranger is still refused.
    let r = send_from(&server, &server.client(), OWNER, "198.51.100.98").await;
    expect_error(r, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
}
both_engines!(strangers_code_requests_do_not_lock_the_owner_out, trust_loopback_proxy);

/// A tiny ceiling: codes to many numbers from many addresses stop at it, and so do notices.
async fn sms_ceiling_stops_every_message(server: TestServer) {
    let mut sent = Vec::new();
    for i in 0..6 {
        let phone = format!("1360000{i:04}");
        let r = send_from(&server, &server.client(), &phone, &format!("198.51.100.{i}")).await;
        if r.status() == StatusCode::OK {
            sent.push(phone);
            continue;
        }
        let body = expect_error(r, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
        assert!(body.get("fields").is_none(), "not the number's fault: {body}");
        assert!((1..=60).contains(&body["retry_after_seconds"].as_i64().unwrap()), "{body}");
        assert!(!outbox_has(&server, &phone), "nothing sent past the ceiling");
    }
    assert_eq!(sent.len(), 3, "the per-minute ceiling");
    // Notices (e.g. to a marriage partner) pass the same ceiling.
    let notice = server.state.sms.send_notice("13500000001", SmsPurpose::BookingReminder, &[]).await;
    assert!(notice.is_err() && server.state.sms.notices("13500000001").is_empty());
    // A refused code can be asked for again once there is room: the next minute, up to the hour's 5.
    server.clock.advance(61);
    let r = send_from(&server, &server.client(), "13600000003", "198.51.100.3").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(server.state.sms.send_notice("13500000001", SmsPurpose::BookingReminder, &[]).await.is_ok());
    let r = send_from(&server, &server.client(), "13600000004", "198.51.100.4").await;
    let body = expect_error(r, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    assert!(body["retry_after_seconds"].as_i64().unwrap() > 60, "the hour's ceiling: {body}");
}
both_engines!(sms_ceiling_stops_every_message, |c: &mut Config| {
    trust_loopback_proxy(c);
    c.sms_ceiling_per_minute = 3;
    c.sms_ceiling_per_hour = 5;
});

/// Two devices signed in; one signs out everywhere; the other's cookie is dead too.
async fn sign_out_on_all_devices(server: TestServer) {
    let (phone_app, laptop, someone_else) = (server.client(), server.client(), server.client());
    let me: Value = server.sign_in(&phone_app, OWNER).await;
    assert_eq!(server.sign_in(&laptop, OWNER).await["user_id"], me["user_id"]);
    server.sign_in(&someone_else, "13900000002").await;
    let me_status = |c: &reqwest::Client| {
        let r = c.get(server.url("/api/v1/me"));
        async move { r.send().await.unwrap().status() }
    };
    assert_eq!(me_status(&laptop).await, StatusCode::OK);
    let r = phone_app.delete(server.url("/api/v1/me/sessions")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let cleared = common::set_cookies(&r);
    assert_eq!(common::session_token(&cleared[0]), "", "this device's cookie is cleared");
    assert_eq!(me_status(&phone_app).await, StatusCode::UNAUTHORIZED);
    expect_error(laptop.get(server.url("/api/v1/me")).send().await.unwrap(), StatusCode::UNAUTHORIZED, "unauthorized")
        .await;
    assert_eq!(me_status(&someone_else).await, StatusCode::OK, "other residents stay signed in");
    // Signed out, it is a 401 like any other signed-in action.
    let r = phone_app.delete(server.url("/api/v1/me/sessions")).send().await.unwrap();
    expect_error(r, StatusCode::UNAUTHORIZED, "unauthorized").await;
}
both_engines!(sign_out_on_all_devices);

/// However often it is used, a session ends 30 days after sign-in.
async fn sessions_have_an_absolute_lifetime(server: TestServer) {
    let client = server.client();
    server.sign_in(&client, OWNER).await;
    let day = 24 * 3600;
    let mut elapsed = 0;
    while elapsed + 5 * day < SESSION_MAX_AGE_SECONDS - 60 {
        server.clock.advance(5 * day);
        elapsed += 5 * day;
        assert_eq!(
            client.get(server.url("/api/v1/me")).send().await.unwrap().status(),
            StatusCode::OK,
            "day {}",
            elapsed / day
        );
    }
    server.clock.advance(SESSION_MAX_AGE_SECONDS - elapsed);
    let r = client.get(server.url("/api/v1/me")).send().await.unwrap();
    expect_error(r, StatusCode::UNAUTHORIZED, "unauthorized").await;
    assert_eq!(server.count("SELECT COUNT(*) FROM sessions").await, 0, "the ended session is deleted");
}
both_engines!(sessions_have_an_absolute_lifetime);
