//! Staff credentials over real HTTP on SQLite and PostgreSQL: authenticator secrets are sealed in
//! the database (a copy of it alone makes no codes, and a sealed secret moved to another account
//! opens nothing); a member changes their password only with the current one and a fresh code,
//! which ends their other sessions; a district admin resets someone else's password and
//! authenticator (never their own), which ends that account's sessions and the old codes; both are
//! audited without any secret in the trail.

mod common;
mod staff_common;

use baoan_server::staff::totp;
use common::{expect_error, TestServer};
use reqwest::StatusCode;
use serde_json::{json, Value};
use staff_common::*;

async fn stored_secret(server: &TestServer, login: &str) -> String {
    let (secret,): (String,) = sqlx::query_as("SELECT totp_secret FROM staff_accounts WHERE login = $1")
        .bind(login)
        .fetch_one(&server.db.pool)
        .await
        .unwrap();
    secret
}

async fn authenticator_secrets_are_sealed_in_the_database(server: TestServer) {
    let admin = admin(&server).await;
    let (_, made) = create(&server, Some(&admin), "gate", "gate_staff", Some("baoshan")).await;
    let (_, other) = create(&server, Some(&admin), "mod", "moderator", None).await;
    let secret = made["totp_secret"].as_str().unwrap();
    let stored = stored_secret(&server, "gate").await;
    assert!(stored.starts_with("v1:"), "sealed: {stored}");
    assert!(!stored.contains(secret), "the secret itself is not in the database");
    let raw = totp::from_base32(secret).unwrap();
    let encoded = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, &raw);
    assert!(!stored.contains(&encoded));
    // Moved onto another account, the sealed value opens nothing: neither code signs that one in.
    sqlx::query("UPDATE staff_accounts SET totp_secret = $1 WHERE login = 'mod'")
        .bind(&stored)
        .execute(&server.db.pool)
        .await
        .unwrap();
    server.clock.advance(totp::STEP_SECONDS);
    let r = sign_in_with(&server, &server.client(), "mod", PASSWORD, &code_now(&server, secret)).await;
    assert_ne!(r.status(), StatusCode::OK);
    let theirs = other["totp_secret"].as_str().unwrap();
    let r = sign_in_with(&server, &server.client(), "mod", PASSWORD, &code_now(&server, theirs)).await;
    assert_ne!(r.status(), StatusCode::OK);
    // The account's own still works.
    staff_client(&server, "gate", secret).await;
}
both_engines!(authenticator_secrets_are_sealed_in_the_database);

async fn a_member_changes_their_password_with_the_current_one_and_a_fresh_code(server: TestServer) {
    let admin = admin(&server).await;
    let (_, made) = create(&server, Some(&admin), "gate", "gate_staff", Some("baoshan")).await;
    let secret = made["totp_secret"].as_str().unwrap().to_string();
    let here = staff_client(&server, "gate", &secret).await;
    let elsewhere = staff_client(&server, "gate", &secret).await;
    server.clock.advance(totp::STEP_SECONDS);
    let change = |current: &str, code: &str, new: &str| {
        let body = json!({ "current_password": current, "code": code, "new_password": new });
        here.put(server.url("/api/v1/staff/me/password")).json(&body).send()
    };
    let code = code_now(&server, &secret);
    // The new password's rules first; then a wrong current password is the sign-in's one answer.
    let r = change(PASSWORD, &code, "short").await.unwrap();
    let body = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(body["fields"]["new_password"], "staff.password");
    let r = change("not my password", &code, "a brand new passphrase").await.unwrap();
    let body = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(body["fields"]["code"], "staff.sign_in");
    // Not signed in: no door.
    let body = json!({ "current_password": PASSWORD, "code": code, "new_password": "a brand new passphrase" });
    let r = server.client().put(server.url("/api/v1/staff/me/password")).json(&body).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(change(PASSWORD, &code, "a brand new passphrase").await.unwrap().status(), StatusCode::NO_CONTENT);
    // The code is spent; the other session has ended, this one stays.
    let r = change("a brand new passphrase", &code, "yet another passphrase").await.unwrap();
    expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(here.get(server.url("/api/v1/staff/me")).send().await.unwrap().status(), StatusCode::OK);
    assert_eq!(elsewhere.get(server.url("/api/v1/staff/me")).send().await.unwrap().status(), StatusCode::UNAUTHORIZED);
    // The old password no longer signs in; the new one does.
    server.clock.advance(totp::STEP_SECONDS);
    let r = sign_in_with(&server, &server.client(), "gate", PASSWORD, &code_now(&server, &secret)).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let r =
        sign_in_with(&server, &server.client(), "gate", "a brand new passphrase", &code_now(&server, &secret)).await;
    assert_eq!(r.status(), StatusCode::OK);
    // Guessing the current password through this door counts like sign-in: cut off.
    let mut last = StatusCode::OK;
    for _ in 0..12 {
        last = change("guess guess guess", "123456", "some new passphrase").await.unwrap().status();
    }
    assert_eq!(last, StatusCode::TOO_MANY_REQUESTS);
    // In the trail, with no password in it.
    let trail: Vec<Value> = admin.get(server.url("/api/v1/staff/audit")).send().await.unwrap().json().await.unwrap();
    let changed = trail.iter().find(|e| e["action"] == "staff.change_password").expect("audited");
    assert_eq!(changed["actor"], "gate");
    assert!(!serde_json::to_string(&trail).unwrap().contains("brand new passphrase"));
}
both_engines!(a_member_changes_their_password_with_the_current_one_and_a_fresh_code);

async fn a_district_admin_resets_someone_elses_credentials(server: TestServer) {
    let admin = admin(&server).await;
    let (_, made) = create(&server, Some(&admin), "gate", "gate_staff", Some("baoshan")).await;
    let (id, old_secret) = (made["account"]["id"].as_str().unwrap(), made["totp_secret"].as_str().unwrap());
    let gate = staff_client(&server, "gate", old_secret).await;
    let moderator = member(&server, &admin, "mod", "moderator", None).await;
    let reset = |who: &reqwest::Client, id: &str, body: Value| {
        who.post(server.url(&format!("/api/v1/staff/accounts/{id}/reset"))).json(&body).send()
    };
    let good = json!({ "password": "a new first passphrase", "reason": "手机遗失" });
    // Only a district admin, never on their own account, always with a reason.
    assert_eq!(reset(&moderator, id, good.clone()).await.unwrap().status(), StatusCode::FORBIDDEN);
    assert_eq!(reset(&gate, id, good.clone()).await.unwrap().status(), StatusCode::FORBIDDEN);
    let me: Value = admin.get(server.url("/api/v1/staff/me")).send().await.unwrap().json().await.unwrap();
    let accounts: Vec<Value> =
        admin.get(server.url("/api/v1/staff/accounts")).send().await.unwrap().json().await.unwrap();
    let own = accounts.iter().find(|a| a["login"] == me["login"]).unwrap()["id"].as_str().unwrap().to_string();
    expect_error(reset(&admin, &own, good.clone()).await.unwrap(), StatusCode::CONFLICT, "conflict").await;
    let r = reset(&admin, id, json!({ "password": "a new first passphrase", "reason": " " })).await.unwrap();
    let body = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(body["fields"]["reason"], "staff.reason");
    expect_error(reset(&admin, "no-such-id", good.clone()).await.unwrap(), StatusCode::NOT_FOUND, "not_found").await;

    let r = reset(&admin, id, good).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let answer: Value = r.json().await.unwrap();
    let new_secret = answer["totp_secret"].as_str().unwrap();
    assert_ne!(new_secret, old_secret);
    assert!(answer["totp_uri"].as_str().unwrap().starts_with("otpauth://totp/"));
    assert_eq!(staff_common::read_qr(&answer["totp_qr"]), answer["totp_uri"].as_str().unwrap());
    // The old session has ended; the old authenticator and password open nothing; the new ones do.
    assert_eq!(gate.get(server.url("/api/v1/staff/me")).send().await.unwrap().status(), StatusCode::UNAUTHORIZED);
    server.clock.advance(totp::STEP_SECONDS);
    let r = sign_in_with(&server, &server.client(), "gate", PASSWORD, &code_now(&server, new_secret)).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "the old password");
    let old_code = code_now(&server, old_secret);
    let r = sign_in_with(&server, &server.client(), "gate", "a new first passphrase", &old_code).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "the old authenticator");
    let r =
        sign_in_with(&server, &server.client(), "gate", "a new first passphrase", &code_now(&server, new_secret)).await;
    assert_eq!(r.status(), StatusCode::OK);
    // In the trail with the reason, without the password or either secret.
    let trail: Vec<Value> = admin
        .get(server.url(&format!("/api/v1/staff/audit?subject_id={id}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let entry = trail.iter().find(|e| e["action"] == "staff.reset_credentials").expect("audited");
    assert_eq!((entry["reason"].as_str(), entry["role"].as_str()), (Some("手机遗失"), Some("district_admin")));
    let text = serde_json::to_string(&trail).unwrap();
    assert!(!text.contains(new_secret) && !text.contains(old_secret) && !text.contains("new first passphrase"));
}
both_engines!(a_district_admin_resets_someone_elses_credentials);
