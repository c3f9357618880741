//! The two modes, with the real binary where start-up is the point: without `--demo` the server
//! is the live service and refuses to start, one line per missing setting, until Tencent Cloud
//! SMS, WeChat Pay v3 and the identity platform (OpenID Connect) are configured; once they are,
//! it runs with no demo banner and without the demo-only endpoints (dev SMS outbox, sandbox
//! payment approval, development identity verifier: 404). Secrets never appear
//! in `--help` or in a `Debug` of the configuration; the live service refuses a demo database.

mod common;
mod oidc_common;
mod tencent_common;
mod production_mode {
    pub mod binary;
}

use baoan_server::config::Config;
use baoan_server::serve::StartError;
use common::{TestDb, TestServer};
use oidc_common::OidcStandIn;
use production_mode::binary::*;
use reqwest::StatusCode;
use serde_json::json;
use std::sync::Arc;
use tencent_common::StandIn;

/// Every setting the live service needs that has no default.
const REQUIRED: [&str; 20] = [
    "BAOAN_TENCENT_SECRET_ID",
    "BAOAN_TENCENT_SECRET_KEY",
    "BAOAN_TENCENT_SMS_SDK_APP_ID",
    "BAOAN_TENCENT_SMS_SIGN_NAME",
    "BAOAN_TENCENT_SMS_TEMPLATE_SIGN_IN",
    "BAOAN_TENCENT_SMS_TEMPLATE_MARRIAGE_PARTNER",
    "BAOAN_TENCENT_SMS_TEMPLATE_BOOKING_REMINDER",
    "BAOAN_TENCENT_SMS_TEMPLATE_APPLICATION_STATUS",
    "BAOAN_WECHATPAY_MCH_ID",
    "BAOAN_WECHATPAY_APP_ID",
    "BAOAN_WECHATPAY_SERIAL",
    "BAOAN_WECHATPAY_PRIVATE_KEY_FILE",
    "BAOAN_WECHATPAY_API_V3_KEY",
    "BAOAN_WECHATPAY_PLATFORM_CERTS",
    "BAOAN_WECHATPAY_NOTIFY_URL",
    "BAOAN_OIDC_ISSUER",
    "BAOAN_OIDC_CLIENT_ID",
    "BAOAN_OIDC_CLIENT_SECRET",
    "BAOAN_OIDC_REDIRECT_URL",
    "BAOAN_STAFF_SECRETS_KEY",
];

#[test]
fn without_demo_or_providers_it_refuses_naming_each_setting() {
    let dir = tempfile::tempdir().unwrap();
    let (status, stderr) = run_to_exit(server_command(dir.path(), &[]));
    assert!(!status.success(), "refused to start (stderr: {stderr})");
    for name in REQUIRED {
        let lines = stderr.lines().filter(|l| l.contains(&format!("{name} "))).count();
        assert_eq!(lines, 1, "one line names {name}:\n{stderr}");
    }
    assert!(!dir.path().join("baoan.sqlite3").exists(), "it stopped before touching a database");
}

#[test]
fn unusable_settings_are_named_too() {
    let dir = tempfile::tempdir().unwrap();
    let mut env = tencent_env("http://127.0.0.1:9");
    env.extend(wechat_pay_env(dir.path()));
    // A key file that is not there, an APIv3 key of the wrong length, a plain-http notify URL, and
    // a plain-http SMS endpoint and payment API off this machine.
    for (key, value) in [
        ("BAOAN_WECHATPAY_PRIVATE_KEY_FILE", dir.path().join("missing.pem").display().to_string()),
        ("BAOAN_WECHATPAY_API_V3_KEY", "short".to_string()),
        ("BAOAN_WECHATPAY_NOTIFY_URL", "http://pay.example/notify".to_string()),
        ("BAOAN_TENCENT_SMS_ENDPOINT", "http://sms.tencentcloudapi.com".to_string()),
        ("BAOAN_WECHATPAY_BASE_URL", "http://api.mch.weixin.qq.com".to_string()),
        ("BAOAN_STAFF_SECRETS_KEY", "c2hvcnQ=".to_string()),
    ] {
        env.retain(|(k, _)| *k != key);
        env.push((key, value));
    }
    let (status, stderr) = run_to_exit(server_command(dir.path(), &env));
    assert!(!status.success());
    for name in [
        "BAOAN_WECHATPAY_PRIVATE_KEY_FILE",
        "BAOAN_WECHATPAY_API_V3_KEY",
        "BAOAN_WECHATPAY_NOTIFY_URL",
        "BAOAN_TENCENT_SMS_ENDPOINT",
        "BAOAN_WECHATPAY_BASE_URL",
        "BAOAN_STAFF_SECRETS_KEY",
    ] {
        assert_eq!(stderr.lines().filter(|l| l.contains(name)).count(), 1, "{name}:\n{stderr}");
    }
    assert!(!stderr.contains("short") && !stderr.contains("c2hvcnQ="), "no key's value is ever printed:\n{stderr}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn with_providers_it_runs_live_without_the_demo_endpoints() {
    let stand_in = StandIn::start().await;
    let dir = tempfile::tempdir().unwrap();
    let platform = OidcStandIn::start().await;
    let mut env = stand_in.env();
    env.extend(wechat_pay_env(dir.path()));
    env.extend(platform.env());
    env.push(("BAOAN_STAFF_SECRETS_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=".into()));
    let mut server = Running::start(dir.path(), &env).await;
    let client = reqwest::Client::new();

    let meta: serde_json::Value = client.get(server.url("/api/v1/meta")).send().await.unwrap().json().await.unwrap();
    assert_eq!(meta["demo"], false, "no demo banner");
    let r = client.get(server.url("/api/v1/dev/sms-outbox?phone=13800000130")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND, "no dev outbox");
    let r = client
        .post(server.url("/api/v1/dev/verify-identity"))
        .header(reqwest::header::ORIGIN, &server.base)
        .json(&json!({}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND, "no development identity verifier");
    // The sandbox approval is gone, whether the gift exists or not, and before the origin check.
    for origin in [server.base.as_str(), "https://elsewhere.example"] {
        let r = client
            .post(server.url("/api/v1/charity/gifts/any-gift/sandbox-pay"))
            .header(reqwest::header::ORIGIN, origin)
            .json(&json!({ "token": "sandbox-approve" }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "no sandbox payment (origin {origin})");
        let body: serde_json::Value = r.json().await.unwrap();
        assert_eq!(body["code"], "not_found");
    }
    // No standards are guessed: the eligibility check waits for the district's, which a staff
    // member imports with the CLI (same settings); then the live service answers.
    let r = client.get(server.url("/api/v1/assistance/standards")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(r.json::<serde_json::Value>().await.unwrap()["code"], "standards_not_configured");
    let file = dir.path().join("standards.json");
    std::fs::write(&file, district_sheet()).unwrap();
    let import = standards_command(dir.path(), &env, &["import", &file.display().to_string(), "--by", "测试员"]);
    let (status, stderr) = run_to_exit(import);
    assert!(status.success(), "imported: {stderr}");
    let r = client.get(server.url("/api/v1/assistance/standards")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let s: serde_json::Value = r.json().await.unwrap();
    assert_eq!(s["sources"]["margin_percent"]["basis"]["kind"], "set_by_district");
    // A sign-in code goes out through Tencent Cloud SMS (the stand-in), signed.
    let r = client
        .post(server.url("/api/v1/auth/sms-code"))
        .header(reqwest::header::ORIGIN, &server.base)
        .json(&json!({ "phone": "13800000130" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(stand_in.refused().is_empty(), "{:?}", stand_in.refused());
    assert_eq!(stand_in.last_code("13800000130").len(), 6);
    let logs = server.stop();
    assert!(logs.contains("\"mode\":\"production\""), "the log says which mode:\n{logs}");
    for (_, value) in [("key", tencent_common::SECRET_KEY), ("v3", API_V3_KEY), ("oidc", oidc_common::CLIENT_SECRET)] {
        assert!(!logs.contains(value), "no secret in the logs");
    }
}

#[test]
fn help_shows_no_secret_from_the_environment() {
    let dir = tempfile::tempdir().unwrap();
    let env = [
        ("BAOAN_TENCENT_SECRET_KEY", "tencent-secret-in-env".to_string()),
        ("BAOAN_WECHATPAY_API_V3_KEY", "wechat-v3-key-in-env-0123456789ab".to_string()),
        ("BAOAN_ADMIN_TOKEN", "admin-token-in-env".to_string()),
        ("BAOAN_OIDC_CLIENT_SECRET", "oidc-secret-in-env".to_string()),
        ("BAOAN_STAFF_SECRETS_KEY", "c3RhZmYta2V5LWluLWVudg==".to_string()),
        ("BAOAN_TENCENT_SMS_SIGN_NAME", "sign-name-in-env".to_string()),
    ];
    let mut command = server_command(dir.path(), &env);
    command.arg("--help");
    let (status, output) = run_to_exit(command);
    assert!(status.success(), "{output}");
    assert!(output.contains("sign-name-in-env"), "clap shows plain settings' values (so the check means something)");
    for secret in [
        "tencent-secret-in-env",
        "wechat-v3-key-in-env",
        "admin-token-in-env",
        "oidc-secret-in-env",
        "c3RhZmYta2V5LWluLWVudg==",
    ] {
        assert!(!output.contains(secret), "--help shows {secret}");
    }
}

#[tokio::test]
async fn debug_of_the_configuration_redacts_secrets() {
    let stand_in = StandIn::start().await;
    let mut config = Config::for_tests(String::new(), std::env::temp_dir());
    stand_in.configure(&mut config);
    config.wechat_pay.wechatpay_api_v3_key = Some(API_V3_KEY.into());
    config.staff_secrets_key = Some("c3RhZmYta2V5LWluLWNvbmZpZw==".into());
    OidcStandIn::start().await.configure(&mut config);
    let printed =
        format!("{config:?} {:?} {:?}", config.tencent_sms.settings().unwrap(), config.oidc.settings().unwrap());
    assert!(printed.contains("[redacted]"));
    for secret in [
        tencent_common::SECRET_KEY,
        API_V3_KEY,
        "test-admin-token",
        oidc_common::CLIENT_SECRET,
        "c3RhZmYta2V5LWluLWNvbmZpZw==",
    ] {
        assert!(!printed.contains(secret), "Debug shows {secret}");
    }
}

/// The live service never serves a database of demo data (fictional residents and charities).
async fn a_demo_database_is_refused_by_the_live_service(test_db: Arc<TestDb>) {
    let demo = TestServer::start_on(test_db.clone(), |c: &mut Config| c.seed_demo_data = true).await;
    demo.close().await;
    let stand_in = StandIn::start().await;
    let mut config = Config::for_tests(test_db.url.clone(), std::env::temp_dir());
    stand_in.configure(&mut config);
    let outcome = baoan_server::serve::state(config, baoan_server::clock::Clock::default()).await;
    assert!(matches!(outcome, Err(StartError::DemoDatabase)), "refused");
}
both_engines_db!(a_demo_database_is_refused_by_the_live_service);

/// The demo sheet with every source replaced by "set by the district": what a district imports.
fn district_sheet() -> String {
    let mut sheet: serde_json::Value =
        serde_json::from_str(baoan_server::journeys::assistance::standards::EXAMPLE_JSON).unwrap();
    for source in sheet["sources"].as_object_mut().unwrap().values_mut() {
        *source = json!({"basis": {"kind": "set_by_district"}, "effective_from": "2026-01-01"});
    }
    sheet.to_string()
}
