//! Tencent Cloud SMS over real HTTP: a production-mode server (no `--demo`) sends through the
//! adapter to a local stand-in of the provider's endpoint (`tencent_common`), which checks the
//! signature, headers, SdkAppId, SignName, template and parameters as the provider would.
//! Sign-in works with the code the "phone" received; a throttled or incorrect number is
//! reported at once, plainly; HTTP 5xx answers are retried (three tries), then reported.

mod common;
mod tencent_common;

use baoan_server::auth::sms::tencent::TencentSms;
use baoan_server::auth::sms::{SmsPurpose, SmsSender};
use baoan_server::config::Config;
use common::{expect_error, TestServer};
use reqwest::StatusCode;
use std::sync::atomic::Ordering;
use std::sync::Arc;
use tencent_common::*;

/// Starts the stand-in, then a production-mode server on `engine` sending through it.
async fn live(engine: baoan_server::db::Engine) -> Option<(TestServer, Arc<StandIn>)> {
    let stand_in = StandIn::start().await;
    let server = TestServer::start(engine, |c: &mut Config| stand_in.configure(c)).await?;
    Some((server, stand_in))
}

/// Runs `body` against a live server on both engines (skipping PostgreSQL when not configured).
macro_rules! live_both {
    ($name:ident) => {
        mod $name {
            use super::*;
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let (server, stand_in) = live(baoan_server::db::Engine::Sqlite).await.unwrap();
                super::$name(server.clone(), stand_in).await;
                server.finish().await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let Some((server, stand_in)) = live(baoan_server::db::Engine::Postgres).await else { return };
                super::$name(server.clone(), stand_in).await;
                server.finish().await;
            }
        }
    };
}

async fn a_resident_signs_in_with_the_code_tencent_delivered(server: TestServer, stand_in: Arc<StandIn>) {
    let phone = "13800000123";
    let client = server.client();
    let r = server.send_code(&client, phone).await;
    assert_eq!(r.status(), StatusCode::OK, "{}", r.text().await.unwrap_or_default());
    assert_eq!(stand_in.refused(), Vec::<String>::new(), "the stand-in accepted the signed request");
    let sent = stand_in.sent();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].template, TEMPLATE_SIGN_IN.0);
    assert_eq!(sent[0].params[1], "5", "the code's lifetime in minutes");
    let code = stand_in.last_code(phone);
    assert!(code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()));
    // The live service keeps no outbox: the code reached the "phone" only.
    let r = reqwest::get(server.url(&format!("/api/v1/dev/sms-outbox?phone={phone}"))).await.unwrap();
    expect_error(r, StatusCode::NOT_FOUND, "not_found").await;
    let r = server.post_session(&client, phone, &code).await;
    assert_eq!(r.status(), StatusCode::OK, "signed in with the delivered code");
    let meta: serde_json::Value = reqwest::get(server.url("/api/v1/meta")).await.unwrap().json().await.unwrap();
    assert_eq!(meta["demo"], false);
}
live_both!(a_resident_signs_in_with_the_code_tencent_delivered);

/// A refusal the provider will repeat is reported at once, without retries, and the device may ask
/// again straight away (nothing was sent).
async fn refused(server: &TestServer, stand_in: &StandIn, phone: &str) {
    let client = server.client();
    for attempt in 1..=2 {
        let r = server.send_code(&client, phone).await;
        let body = expect_error(r, StatusCode::INTERNAL_SERVER_ERROR, "internal").await;
        assert_eq!(body["message"], "Could not send the code");
        assert_eq!(stand_in.requests(), attempt, "one try per request: this refusal is not retried");
    }
    assert!(stand_in.sent().is_empty());
}

async fn a_throttled_number_is_reported_plainly(server: TestServer, stand_in: Arc<StandIn>) {
    refused(&server, &stand_in, THROTTLED_PHONE).await;
}
live_both!(a_throttled_number_is_reported_plainly);

async fn an_incorrect_number_is_reported_plainly(server: TestServer, stand_in: Arc<StandIn>) {
    refused(&server, &stand_in, INCORRECT_PHONE).await;
}
live_both!(an_incorrect_number_is_reported_plainly);

async fn server_errors_are_retried_then_reported(server: TestServer, stand_in: Arc<StandIn>) {
    let client = server.client();
    // Two 502s, then the provider recovers: the third try sends, the resident sees nothing of it.
    stand_in.fail_next.store(2, Ordering::SeqCst);
    let r = server.send_code(&client, "13800000124").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(stand_in.requests(), 3);
    let code = stand_in.last_code("13800000124");
    assert_eq!(server.post_session(&client, "13800000124", &code).await.status(), StatusCode::OK);

    // Three 502s: three tries, then the plain error.
    stand_in.fail_next.store(3, Ordering::SeqCst);
    let r = server.send_code(&server.client(), "13800000125").await;
    let body = expect_error(r, StatusCode::INTERNAL_SERVER_ERROR, "internal").await;
    assert_eq!(body["message"], "Could not send the code");
    assert_eq!(stand_in.requests(), 6, "bounded: exactly three more tries");
}
live_both!(server_errors_are_retried_then_reported);

/// The adapter on its own, configured like the server, for the purposes no route sends yet.
async fn adapter(stand_in: &StandIn, secret_key: &str) -> TencentSms {
    let mut config = Config::for_tests(String::new(), std::env::temp_dir());
    stand_in.configure(&mut config);
    config.tencent_sms.tencent_secret_key = Some(secret_key.into());
    TencentSms::new(config.tencent_sms.settings().unwrap()).unwrap()
}

#[tokio::test]
async fn each_purpose_uses_its_template_with_its_parameters() {
    let stand_in = StandIn::start().await;
    let sms = adapter(&stand_in, SECRET_KEY).await;
    let params = |n: usize| (1..=n).map(|i| format!("p{i}")).collect::<Vec<_>>();
    for (purpose, (template, n)) in [
        (SmsPurpose::MarriagePartnerNotice, TEMPLATE_MARRIAGE_PARTNER),
        (SmsPurpose::BookingReminder, TEMPLATE_BOOKING_REMINDER),
        (SmsPurpose::ApplicationStatus, TEMPLATE_APPLICATION_STATUS),
    ] {
        sms.send_notice("13800000126", purpose, &params(n)).await.unwrap();
        assert_eq!(
            stand_in.sent().last().unwrap(),
            &Sent { phone: "13800000126".into(), template: template.into(), params: params(n) }
        );
    }
    sms.send_code("13800000126", "654321").await.unwrap();
    assert_eq!(stand_in.last_code("13800000126"), "654321");
    assert!(stand_in.refused().is_empty(), "{:?}", stand_in.refused());

    // A parameter short: the provider refuses the template, and that is final (one try).
    let before = stand_in.requests();
    let e = sms.send_notice("13800000126", SmsPurpose::MarriagePartnerNotice, &params(4)).await.unwrap_err();
    assert!(e.contains("TemplateParameterFormatError"), "{e}");
    assert_eq!(stand_in.requests(), before + 1);
}

#[tokio::test]
async fn a_wrong_key_fails_the_providers_signature_check() {
    let stand_in = StandIn::start().await;
    let sms = adapter(&stand_in, "not-the-key").await;
    let e = sms.send_code("13800000127", "123456").await.unwrap_err();
    assert!(e.contains("AuthFailure.SignatureFailure"), "{e}");
    assert!(!e.contains("not-the-key") && !e.contains("123456"), "no secret or code in the error: {e}");
    assert_eq!(stand_in.requests(), 1, "a signature failure is not retried");
    assert!(stand_in.sent().is_empty());
}
