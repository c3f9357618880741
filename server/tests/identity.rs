//! Verified identity (issue 12 item 7) against a local stand-in of the province's identity
//! platform (`oidc_common`): the round trip locks the profile's name and ID number; ID tokens
//! with the wrong audience, expired, badly signed or carrying another nonce are refused, and so
//! is a state used twice or brought back by another account. In production, submitting an
//! assistance application and booking marriage registration need the verification. One person,
//! several phone accounts, and the data export: `identity/accounts.rs`.

mod assistance_common;
mod common;
mod marriage_common;
mod oidc_common;
mod staff_common;
mod tencent_common;

use baoan_server::config::Config;
use common::TestServer;
use oidc_common::{OidcStandIn, Person, Spoil};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::future::Future;
use std::sync::Arc;
use tencent_common::StandIn;

/// One verified account per person; the export (tests named `identity::accounts::…`).
mod identity {
    mod accounts;
}

fn person(n: u16) -> Person {
    Person {
        subject: format!("province-subject-{n}"),
        name: "王建国".into(),
        id_number: assistance_common::id((1975, 3, 3), n),
    }
}

/// A demo-mode server (dev SMS outbox) using the platform stand-in.
async fn with_platform<F, Fut>(engine: baoan_server::db::Engine, body: F)
where
    F: FnOnce(TestServer, Arc<OidcStandIn>) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let platform = OidcStandIn::start().await;
    let p = platform.clone();
    common::run(engine, |c: &mut Config| platform.configure(c), move |server| body(server, p)).await;
}

/// Leaves for the platform, which logs in whoever `next_login` named: the (code, state) its
/// redirect brings back to the app's page.
async fn round_trip(server: &TestServer, client: &reqwest::Client, return_to: &str) -> (String, String) {
    let r = client
        .post(server.url("/api/v1/me/identity/provincial"))
        .json(&json!({ "return_to": return_to }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK, "start: {}", r.text().await.unwrap());
    let url = r.json::<Value>().await.unwrap()["authorize_url"].as_str().unwrap().to_string();
    let browser = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let r = browser.get(&url).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::FOUND, "the platform redirects back: {}", r.text().await.unwrap());
    let location = r.headers()[reqwest::header::LOCATION].to_str().unwrap().to_string();
    let location = reqwest::Url::parse(&location).unwrap();
    assert_eq!(location.path(), "/mine/verify/return");
    let param = |k: &str| location.query_pairs().find(|(n, _)| n == k).map(|(_, v)| v.to_string()).unwrap();
    (param("code"), param("state"))
}

async fn callback(server: &TestServer, client: &reqwest::Client, code: &str, state: &str) -> reqwest::Response {
    client
        .post(server.url("/api/v1/me/identity/provincial/callback"))
        .json(&json!({ "code": code, "state": state }))
        .send()
        .await
        .unwrap()
}

async fn me(server: &TestServer, client: &reqwest::Client) -> Value {
    client.get(server.url("/api/v1/me")).send().await.unwrap().json().await.unwrap()
}

async fn assert_refused(r: reqwest::Response) {
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["code"], "identity_verification_failed", "{body}");
}

async fn verification_locks_the_profile(server: TestServer, platform: Arc<OidcStandIn>) {
    let client = server.client();
    server.sign_in(&client, "13700000201").await;
    // The typed profile: another name and number than the platform will vouch for.
    let typed =
        json!({ "name": "王建", "id_type": "resident_id", "id_number": assistance_common::id((1980, 1, 1), 21) });
    let r = client.put(server.url("/api/v1/me/profile")).json(&typed).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let status: Value = client.get(server.url("/api/v1/me/identity")).send().await.unwrap().json().await.unwrap();
    assert_eq!(status["verification"], Value::Null);
    assert_eq!(status["provincial"], true);

    let p = person(1);
    platform.next_login(p.clone(), Spoil::Nothing);
    let (code, state) = round_trip(&server, &client, "/assistance/apply").await;
    let r = callback(&server, &client, &code, &state).await;
    assert_eq!(r.status(), StatusCode::OK, "{}", r.text().await.unwrap());
    let done: Value = r.json().await.unwrap();
    assert!(platform.refused().is_empty(), "the token request passed the platform's checks: {:?}", platform.refused());
    assert_eq!(done["return_to"], "/assistance/apply");
    let profile = &me(&server, &client).await["profile"];
    assert_eq!(profile["name"], p.name.as_str());
    assert_eq!(profile["id_number"], p.id_number.as_str());
    assert_eq!(profile["verification"]["verifier"], "provincial");
    let (issuer, subject): (String, String) =
        sqlx::query_as("SELECT identity_issuer, identity_subject FROM users WHERE phone = '13700000201'")
            .fetch_one(&server.db.pool)
            .await
            .unwrap();
    assert_eq!((issuer.as_str(), subject.as_str()), (platform.issuer.as_str(), p.subject.as_str()));

    // Attack: typing another name or number over the verified ones is refused by the server.
    for body in [
        json!({ "name": "李四", "id_type": "resident_id", "id_number": p.id_number }),
        json!({ "name": p.name, "id_type": "resident_id", "id_number": assistance_common::id((1980, 1, 1), 21) }),
        json!({ "name": p.name, "id_type": "passport", "id_number": "E12345678" }),
    ] {
        let r = client.put(server.url("/api/v1/me/profile")).json(&body).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::CONFLICT);
        let e: Value = r.json().await.unwrap();
        assert_eq!(e["fields"]["name"], "profile.identity_verified", "{e}");
    }
    assert_eq!(me(&server, &client).await["profile"]["name"], p.name.as_str(), "unchanged");
    // Saving it unchanged is harmless.
    let same = json!({ "name": p.name, "id_type": "resident_id", "id_number": p.id_number });
    assert_eq!(client.put(server.url("/api/v1/me/profile")).json(&same).send().await.unwrap().status(), StatusCode::OK);
}
both_engines_with!(verification_locks_the_profile, with_platform);

async fn spoiled_tokens_are_refused(server: TestServer, platform: Arc<OidcStandIn>) {
    let client = server.client();
    server.sign_in(&client, "13700000202").await;
    for spoil in [Spoil::WrongAudience, Spoil::Expired, Spoil::BadSignature, Spoil::WrongNonce] {
        platform.next_login(person(2), spoil);
        let (code, state) = round_trip(&server, &client, "/mine").await;
        assert_refused(callback(&server, &client, &code, &state).await).await;
        assert_eq!(me(&server, &client).await["profile"], Value::Null, "{spoil:?}: nothing recorded");
    }
    assert!(platform.refused().is_empty(), "the platform answered; the relying party refused the token");
}
both_engines_with!(spoiled_tokens_are_refused, with_platform);

async fn a_state_works_once_and_only_for_its_account(server: TestServer, platform: Arc<OidcStandIn>) {
    let client = server.client();
    server.sign_in(&client, "13700000203").await;
    platform.next_login(person(3), Spoil::Nothing);
    let (code, state) = round_trip(&server, &client, "/mine").await;
    assert_eq!(callback(&server, &client, &code, &state).await.status(), StatusCode::OK);
    // Replayed: the same state (and code) again.
    assert_refused(callback(&server, &client, &code, &state).await).await;
    // A state never issued.
    assert_refused(callback(&server, &client, &code, "made-up-state").await).await;

    // An attacker starts an attempt in their account and gets a victim's browser to finish it:
    // the victim's session is not the account the state belongs to.
    let attacker = server.client();
    server.sign_in(&attacker, "13700000204").await;
    platform.next_login(person(4), Spoil::Nothing);
    let (code, state) = round_trip(&server, &attacker, "/mine").await;
    let victim = server.client();
    server.sign_in(&victim, "13700000205").await;
    assert_refused(callback(&server, &victim, &code, &state).await).await;
    assert_eq!(me(&server, &victim).await["profile"], Value::Null);
    assert_refused(callback(&server, &attacker, &code, &state).await).await;
    assert_eq!(me(&server, &attacker).await["profile"], Value::Null, "the state was spent");
    // Unsafe return paths come back as the account page.
    platform.next_login(person(6), Spoil::Nothing);
    let other = server.client();
    server.sign_in(&other, "13700000206").await;
    let (code, state) = round_trip(&server, &other, "//evil.example/").await;
    let done: Value = callback(&server, &other, &code, &state).await.json().await.unwrap();
    assert_eq!(done["return_to"], "/mine");
}
both_engines_with!(a_state_works_once_and_only_for_its_account, with_platform);

/// A script starting verifications in a loop (each a row and a trip to the platform) is refused
/// with 429 once the hour's allowance is used; another resident is not affected.
async fn starting_verifications_is_limited(server: TestServer, _platform: Arc<OidcStandIn>) {
    let limit = baoan_server::limits::IDENTITY_VERIFICATIONS;
    let start = |client: reqwest::Client| {
        let url = server.url("/api/v1/me/identity/provincial");
        async move { client.post(url).json(&json!({ "return_to": "/mine" })).send().await.unwrap() }
    };
    let client = server.client();
    server.sign_in(&client, "13700000231").await;
    for _ in 0..limit.max {
        assert_eq!(start(client.clone()).await.status(), StatusCode::OK);
    }
    let r = start(client.clone()).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(r.json::<Value>().await.unwrap()["code"], "rate_limited");
    let other = server.client();
    server.sign_in(&other, "13700000232").await;
    assert_eq!(start(other).await.status(), StatusCode::OK, "another resident still may");
}
both_engines_with!(starting_verifications_is_limited, with_platform);

/// Production: Tencent SMS and the platform at their stand-ins, no demo parts.
async fn production<F, Fut>(engine: baoan_server::db::Engine, body: F)
where
    F: FnOnce(TestServer, Arc<StandIn>, Arc<OidcStandIn>) -> Fut,
    Fut: Future<Output = ()> + Send + 'static,
{
    let sms = StandIn::start().await;
    let platform = OidcStandIn::start().await;
    let configure = |c: &mut Config| {
        sms.configure(c);
        platform.configure(c);
        c.staff_secrets_key = Some(staff_common::LIVE_SEALING_KEY.into());
    };
    let (s, p) = (sms.clone(), platform.clone());
    common::run(engine, configure, move |server| body(server, s, p)).await;
}

async fn sign_in_live(server: &TestServer, sms: &StandIn, phone: &str) -> reqwest::Client {
    let client = server.client();
    assert_eq!(server.send_code(&client, phone).await.status(), StatusCode::OK);
    let r = server.post_session(&client, phone, &sms.last_code(phone)).await;
    assert_eq!(r.status(), StatusCode::OK);
    client
}

async fn production_requires_verification(server: TestServer, sms: Arc<StandIn>, platform: Arc<OidcStandIn>) {
    // The development verifier is not there.
    let client = sign_in_live(&server, &sms, "13700000211").await;
    let r = client.post(server.url("/api/v1/dev/verify-identity")).json(&json!({})).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let status: Value = client.get(server.url("/api/v1/me/identity")).send().await.unwrap().json().await.unwrap();
    assert_eq!((status["required"].clone(), status["development"].clone()), (json!(true), json!(false)));

    // Assistance (its standards set, as the live service needs): refused unverified (with a
    // typed profile), accepted once verified.
    assistance_common::set_district_standards(&server).await;
    let applicant =
        Person { subject: "s-211".into(), name: "张三".into(), id_number: assistance_common::id((1980, 5, 1), 11) };
    let typed = json!({ "name": applicant.name, "id_type": "resident_id", "id_number": applicant.id_number });
    assert_eq!(
        client.put(server.url("/api/v1/me/profile")).json(&typed).send().await.unwrap().status(),
        StatusCode::OK
    );
    let form = assistance_common::form(&assistance_common::upload_id(&server, &client).await);
    let r = assistance_common::submit(&server, &client, &form, "key-prod-211").await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert_eq!(r.json::<Value>().await.unwrap()["code"], "identity_verification_required");
    assert_eq!(server.count("SELECT COUNT(*) FROM assistance_applications").await, 0);
    platform.next_login(applicant, Spoil::Nothing);
    let (code, state) = round_trip(&server, &client, "/assistance/apply").await;
    assert_eq!(callback(&server, &client, &code, &state).await.status(), StatusCode::OK);
    let r = assistance_common::submit(&server, &client, &form, "key-prod-211b").await;
    assert_eq!(r.status(), StatusCode::OK, "{}", r.text().await.unwrap());

    // Marriage: party A unverified is refused; verified, the booking goes through.
    marriage_common::seed_offices(&server).await;
    let (him, her) = marriage_common::couple(212);
    let a = sign_in_live(&server, &sms, &marriage_common::phone_a(212)).await;
    marriage_common::set_profile(&server, &a, &him).await;
    let slot = marriage_common::first_slot(&server, "xixiang").await;
    let body = marriage_common::request("marriage", slot["id"].as_str().unwrap(), &her);
    let r = marriage_common::post_booking(&server, &a, &body).await;
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    assert_eq!(r.json::<Value>().await.unwrap()["code"], "identity_verification_required");
    let verified_him = Person {
        subject: "s-212".into(),
        name: him["name"].as_str().unwrap().into(),
        id_number: him["id_number"].as_str().unwrap().into(),
    };
    platform.next_login(verified_him, Spoil::Nothing);
    let (code, state) = round_trip(&server, &a, "/marriage/book").await;
    assert_eq!(callback(&server, &a, &code, &state).await.status(), StatusCode::OK);
    let r = marriage_common::post_booking(&server, &a, &body).await;
    assert_eq!(r.status(), StatusCode::OK, "{}", r.text().await.unwrap());
}
both_engines_with!(production_requires_verification, production);

/// Demo mode: no verification needed unless asked for; the development verifier vouches for the
/// typed profile in one step (and locks it), and is there only in demo mode.
async fn the_development_verifier(server: TestServer) {
    let client = server.client();
    server.sign_in(&client, "13700000221").await;
    let status: Value = client.get(server.url("/api/v1/me/identity")).send().await.unwrap().json().await.unwrap();
    assert_eq!((status["required"].clone(), status["development"].clone()), (json!(true), json!(true)));
    assert_eq!(status["provincial"], false, "no platform configured in this demo");
    let r = client.post(server.url("/api/v1/dev/verify-identity")).json(&json!({})).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY, "nothing typed to vouch for");
    let typed =
        json!({ "name": "赵六", "id_type": "resident_id", "id_number": assistance_common::id((1970, 7, 7), 31) });
    client.put(server.url("/api/v1/me/profile")).json(&typed).send().await.unwrap();
    let r = client
        .post(server.url("/api/v1/dev/verify-identity"))
        .json(&json!({ "return_to": "/marriage/book" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let done: Value = r.json().await.unwrap();
    assert_eq!(done["return_to"], "/marriage/book");
    assert_eq!(done["me"]["profile"]["verification"]["verifier"], "development");
    let other = json!({ "name": "赵七", "id_type": "resident_id", "id_number": typed["id_number"] });
    let r = client.put(server.url("/api/v1/me/profile")).json(&other).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::CONFLICT, "locked like a provincial verification");
}
sqlite_only!(the_development_verifier, |c: &mut Config| c.oidc.require_verified_identity = true);
