//! Staff members for tests: accounts made through the API (the bootstrap token, or a signed-in
//! district admin), and browsers signed in with the password and the authenticator's current code.
#![allow(dead_code)]

use crate::common::TestServer;
use baoan_server::staff::totp;
use reqwest::StatusCode;
use serde_json::{json, Value};

/// The bootstrap token `Config::for_tests` starts the server with.
pub const BOOTSTRAP_TOKEN: &str = "test-admin-token";

pub const PASSWORD: &str = "a long staff passphrase";

/// Creates an account through `creator` (a signed-in admin's client, or the bootstrap token when
/// `None`); returns the answer's status and body.
pub async fn create(
    server: &TestServer,
    creator: Option<&reqwest::Client>,
    login: &str,
    role: &str,
    place: Option<&str>,
) -> (StatusCode, Value) {
    let body = json!({ "login": login, "display_name": format!("名字{login}"), "password": PASSWORD,
                       "assignment": { "role": role, "place": place } });
    let request = match creator {
        Some(client) => client.post(server.url("/api/v1/staff/accounts")),
        None => server.plain_client().post(server.url("/api/v1/staff/accounts")).bearer_auth(BOOTSTRAP_TOKEN),
    };
    let r = request.json(&body).send().await.unwrap();
    (r.status(), r.json().await.unwrap())
}

pub fn code_now(server: &TestServer, secret: &str) -> String {
    totp::code_at_step(&totp::from_base32(secret).unwrap(), totp::step_of(server.clock.now()))
}

pub async fn sign_in_with(
    server: &TestServer,
    client: &reqwest::Client,
    login: &str,
    password: &str,
    code: &str,
) -> reqwest::Response {
    let body = json!({ "login": login, "password": password, "code": code });
    client.post(server.url("/api/v1/staff/session")).json(&body).send().await.unwrap()
}

/// A staff member's browser, signed in (each sign-in uses a new time-step: codes work once).
pub async fn staff_client(server: &TestServer, login: &str, secret: &str) -> reqwest::Client {
    server.clock.advance(totp::STEP_SECONDS);
    let client = server.client();
    let r = sign_in_with(server, &client, login, PASSWORD, &code_now(server, secret)).await;
    assert_eq!(r.status(), StatusCode::OK, "{login} signs in: {}", r.text().await.unwrap());
    client
}

/// The first district admin, made with the bootstrap token, signed in.
pub async fn admin(server: &TestServer) -> reqwest::Client {
    let (status, body) = create(server, None, "admin", "district_admin", None).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    staff_client(server, "admin", body["totp_secret"].as_str().unwrap()).await
}

/// An account made by `admin`, signed in.
pub async fn member(
    server: &TestServer,
    admin: &reqwest::Client,
    login: &str,
    role: &str,
    place: Option<&str>,
) -> reqwest::Client {
    let (status, body) = create(server, Some(admin), login, role, place).await;
    assert_eq!(status, StatusCode::CREATED, "{login}: {body}");
    staff_client(server, login, body["totp_secret"].as_str().unwrap()).await
}
