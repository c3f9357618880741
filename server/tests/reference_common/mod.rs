//! Helpers of the reference-data tests: the sample files, the district admins' staff API, the
//! change records and
//! the server binary's `reference` command.
#![allow(dead_code)]

use crate::common::TestServer;
use crate::staff_common;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::process::{Command, Output};

/// A sample file of server/data/reference/ (`<kind>.example.jsonl`): its path and its text.
pub fn sample(kind: &str) -> (String, String) {
    let path = format!("{}/data/reference/{kind}.example.jsonl", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    (path, text)
}

/// The rows of a JSON Lines text.
pub fn rows(text: &str) -> Vec<Value> {
    text.lines().filter(|l| !l.trim().is_empty()).map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// `PUT /api/v1/staff/reference/{kind}` by the district admin `login` (made and signed in on
/// first use; the change records name them).
pub async fn put(server: &TestServer, kind: &str, login: &str, rows: &[Value]) -> reqwest::Response {
    let admin = staff_common::kept(server, login, "district_admin", None).await;
    put_by(server, &admin, kind, rows).await
}

/// `PUT /api/v1/staff/reference/{kind}` by whoever `client` is.
pub async fn put_by(server: &TestServer, client: &reqwest::Client, kind: &str, rows: &[Value]) -> reqwest::Response {
    let url = server.url(&format!("/api/v1/staff/reference/{kind}"));
    client.put(url).json(&json!({ "rows": rows })).send().await.unwrap()
}

/// Imports through the staff API as the district admin `wang` and expects it to succeed; the
/// answer (`rows`, `changed`).
pub async fn put_ok(server: &TestServer, kind: &str, rows: &[Value]) -> Value {
    let r = put(server, kind, "wang", rows).await;
    let status = r.status();
    let body: Value = r.json().await.unwrap();
    assert_eq!(status, StatusCode::OK, "{body}");
    body
}

/// `GET /api/v1/staff/reference/{kind}`'s rows (as the district admin `wang`).
pub async fn admin_rows(server: &TestServer, kind: &str) -> Vec<Value> {
    let admin = staff_common::kept(server, "wang", "district_admin", None).await;
    let r = admin.get(server.url(&format!("/api/v1/staff/reference/{kind}"))).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["kind"], kind);
    body["rows"].as_array().unwrap().clone()
}

pub async fn changes(server: &TestServer) -> i64 {
    server.count("SELECT COUNT(*) FROM reference_changes").await
}

/// A public GET's JSON body (200 expected).
pub async fn public(server: &TestServer, path: &str) -> Value {
    let r = server.plain_client().get(server.url(path)).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK, "{path}");
    r.json().await.unwrap()
}

/// One change record as stored.
#[derive(sqlx::FromRow, Debug)]
pub struct Change {
    pub kind: String,
    pub row_key: String,
    pub changed_by: String,
    pub door: String,
    pub changed_at: i64,
    pub before_json: Option<String>,
    pub after_json: String,
}

pub async fn change_records(server: &TestServer) -> Vec<Change> {
    sqlx::query_as(
        "SELECT kind, row_key, changed_by, door, changed_at, before_json, after_json FROM reference_changes \
         ORDER BY changed_at, kind, row_key",
    )
    .fetch_all(&server.db.pool)
    .await
    .unwrap()
}

/// `baoan-server reference ARGS…` on the server's database, as the live service runs it (the
/// SMS provider's settings only so the command starts; nothing is sent). None of the caller's
/// BAOAN_* settings are passed on.
pub fn binary(server: &TestServer, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_baoan-server"));
    command.arg("reference");
    for (key, _) in std::env::vars() {
        if key.starts_with("BAOAN_") || key == "DATABASE_URL" {
            command.env_remove(key);
        }
    }
    let settings = [
        ("BAOAN_TENCENT_SECRET_ID", "AKIDtest"),
        ("BAOAN_TENCENT_SECRET_KEY", "test-key"),
        ("BAOAN_TENCENT_SMS_SDK_APP_ID", "1400000000"),
        ("BAOAN_TENCENT_SMS_SIGN_NAME", "宝安民政"),
        ("BAOAN_TENCENT_SMS_TEMPLATE_SIGN_IN", "1"),
        ("BAOAN_TENCENT_SMS_TEMPLATE_MARRIAGE_PARTNER", "2"),
        ("BAOAN_TENCENT_SMS_TEMPLATE_BOOKING_REMINDER", "3"),
        ("BAOAN_TENCENT_SMS_TEMPLATE_APPLICATION_STATUS", "4"),
        ("BAOAN_TENCENT_SMS_ENDPOINT", "http://127.0.0.1:9"),
    ];
    for (key, value) in settings {
        command.env(key, value);
    }
    command
        .env("DATABASE_URL", server.config.database_url.clone().unwrap())
        .env("BAOAN_DATA_DIR", server.data_dir.path())
        .args(args)
        .output()
        .unwrap()
}

/// The live service's settings (no `--demo`): Tencent SMS configured (pointing nowhere; these
/// tests send no SMS) so the server starts, and a sealing key so it creates staff accounts.
pub fn production(c: &mut baoan_server::config::Config) {
    c.demo = false;
    c.staff_secrets_key = Some(staff_common::LIVE_SEALING_KEY.into());
    let t = &mut c.tencent_sms;
    t.tencent_secret_id = Some("AKIDtest".into());
    t.tencent_secret_key = Some("test-key".into());
    t.tencent_sms_sdk_app_id = Some("1400000000".into());
    t.tencent_sms_sign_name = Some("宝安民政".into());
    t.tencent_sms_template_sign_in = Some("1".into());
    t.tencent_sms_template_marriage_partner = Some("2".into());
    t.tencent_sms_template_booking_reminder = Some("3".into());
    t.tencent_sms_template_application_status = Some("4".into());
    t.tencent_sms_endpoint = "http://127.0.0.1:9".into();
}

/// A source the district set, from `from` (ISO day).
pub fn set_by_district(from: &str) -> Value {
    json!({ "basis": { "kind": "set_by_district" }, "effective_from": from })
}

/// An offices file whose every office sets its counselling length (`minutes`), as the district
/// does before the live service takes it.
pub fn set_counselling(text: &str, minutes: u32) -> String {
    rows(text)
        .into_iter()
        .map(|mut office| {
            office["counselling"] = json!({ "minutes": minutes, "source": set_by_district("2026-01-01") });
            format!("{office}\n")
        })
        .collect()
}
