//! One person, several phone accounts: an ID number verified on one live account is refused on
//! any other (409 `identity_verified_elsewhere`, naming neither the account nor its phone
//! number), by the platform and by the development verifier, and when two accounts try at the
//! same moment; deleting the account frees the number. The resident's data export carries the
//! verification.

use crate::common::TestServer;
use crate::oidc_common::{OidcStandIn, Spoil};
use crate::{both_engines_with, callback, me, person, round_trip, with_platform};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::sync::Arc;

/// The refusal, and that it gives nothing of the other account away.
async fn assert_elsewhere(r: reqwest::Response, other_phone: &str) {
    assert_eq!(r.status(), StatusCode::CONFLICT);
    let text = r.text().await.unwrap();
    let body: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(body["code"], "identity_verified_elsewhere", "{body}");
    for part in [other_phone, &other_phone[..3], &other_phone[7..]] {
        assert!(!text.contains(part), "the answer names no part of the other account's number: {text}");
    }
}

async fn dev_verify(server: &TestServer, client: &reqwest::Client, name: &str, id_number: &str) -> reqwest::Response {
    let typed = json!({ "name": name, "id_type": "resident_id", "id_number": id_number });
    let r = client.put(server.url("/api/v1/me/profile")).json(&typed).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK, "an unverified profile may name any number");
    client.post(server.url("/api/v1/dev/verify-identity")).json(&json!({ "return_to": "/mine" })).send().await.unwrap()
}

async fn an_identity_verifies_one_account_only(server: TestServer, platform: Arc<OidcStandIn>) {
    let (first_phone, second_phone) = ("13700000241", "13700000242");
    let first = server.client();
    server.sign_in(&first, first_phone).await;
    let p = person(41);
    platform.next_login(p.clone(), Spoil::Nothing);
    let (code, state) = round_trip(&server, &first, "/mine").await;
    assert_eq!(callback(&server, &first, &code, &state).await.status(), StatusCode::OK);

    // Attack: the same person verified again from a second phone account, through the platform.
    let second = server.client();
    server.sign_in(&second, second_phone).await;
    platform.next_login(p.clone(), Spoil::Nothing);
    let (code, state) = round_trip(&server, &second, "/assistance/apply").await;
    assert_elsewhere(callback(&server, &second, &code, &state).await, first_phone).await;
    assert_eq!(me(&server, &second).await["profile"], Value::Null, "nothing recorded on the second account");
    // … and through the development verifier, typing the number.
    let r = dev_verify(&server, &second, &p.name, &p.id_number).await;
    assert_elsewhere(r, first_phone).await;
    assert_eq!(me(&server, &second).await["profile"]["verification"], Value::Null, "typed, not verified");
    // The first account is untouched and may verify again (the same person).
    platform.next_login(p.clone(), Spoil::Nothing);
    let (code, state) = round_trip(&server, &first, "/mine").await;
    assert_eq!(callback(&server, &first, &code, &state).await.status(), StatusCode::OK);

    // Once the first account is deleted, the number is free for the second.
    let r = first.delete(server.url("/api/v1/me")).json(&json!({ "confirm": true })).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    platform.next_login(p.clone(), Spoil::Nothing);
    let (code, state) = round_trip(&server, &second, "/mine").await;
    assert_eq!(callback(&server, &second, &code, &state).await.status(), StatusCode::OK);
    assert_eq!(me(&server, &second).await["profile"]["id_number"], p.id_number.as_str());
}
both_engines_with!(an_identity_verifies_one_account_only, with_platform);

/// Two accounts verifying the same number at the same moment: one wins, the other is refused.
async fn two_accounts_at_once(server: TestServer, _platform: Arc<OidcStandIn>) {
    let p = person(43);
    let (a, b) = (server.client(), server.client());
    server.sign_in(&a, "13700000243").await;
    server.sign_in(&b, "13700000244").await;
    for _ in 0..3 {
        let (ra, rb) = tokio::join!(
            dev_verify(&server, &a, &p.name, &p.id_number),
            dev_verify(&server, &b, &p.name, &p.id_number)
        );
        let mut statuses = [ra.status(), rb.status()];
        statuses.sort();
        assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
    }
    let verified = server
        .count(&format!(
            "SELECT COUNT(*) FROM users WHERE id_number = '{}' AND identity_verified_by IS NOT NULL",
            p.id_number
        ))
        .await;
    assert_eq!(verified, 1, "one verified account for one person");
}
both_engines_with!(two_accounts_at_once, with_platform);

async fn the_export_carries_the_verification(server: TestServer, platform: Arc<OidcStandIn>) {
    let client = server.client();
    server.sign_in(&client, "13700000245").await;
    let export = || async {
        let r = client.get(server.url("/api/v1/me/export")).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        r.json::<Value>().await.unwrap()["profile"].clone()
    };
    let before = export().await;
    for column in ["identity_verified_by", "identity_verified_at", "identity_issuer", "identity_subject"] {
        assert_eq!(before[column], Value::Null, "{column} before verifying");
    }
    let p = person(45);
    platform.next_login(p.clone(), Spoil::Nothing);
    let (code, state) = round_trip(&server, &client, "/mine").await;
    assert_eq!(callback(&server, &client, &code, &state).await.status(), StatusCode::OK);
    let profile = export().await;
    // The verified name and number, in full as every number of the resident's own export is.
    assert_eq!(profile["name"], p.name.as_str());
    assert_eq!(profile["id_type"], "resident_id");
    assert_eq!(profile["id_number"], p.id_number.as_str());
    assert_eq!(profile["identity_verified_by"], "provincial");
    assert_eq!(profile["identity_issuer"], platform.issuer.as_str());
    assert_eq!(profile["identity_subject"], p.subject.as_str());
    let at = profile["identity_verified_at"].as_i64().expect("verified at, Unix seconds");
    assert_eq!(Some(at), me(&server, &client).await["profile"]["verification"]["verified_at"].as_i64());
}
both_engines_with!(the_export_carries_the_verification, with_platform);
