//! The operators' CLI (`baoan-server assistance --as LOGIN …`), the real binary run against the
//! test server's database, on SQLite and PostgreSQL: it decides only under an active staff
//! account's own login, with the staff endpoint's check of role and place. Another community's
//! reviewer, another step's role, a deactivated or unknown login change nothing; the right
//! reviewer's decision is in the audit trail under their login.

mod assistance_common;
mod common;
mod staff_common;

use assistance_common::*;
use common::TestServer;
use reqwest::StatusCode;
use serde_json::{json, Value};
use staff_common::*;
use std::process::{Command, Output};

/// `baoan-server assistance ARGS…` on the server's database and data folder, in the server's
/// own mode (demo: the development SMS sender). None of the caller's BAOAN_* settings are passed on.
fn cli(server: &TestServer, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_baoan-server"));
    for (key, _) in std::env::vars() {
        if key.starts_with("BAOAN_") || key == "DATABASE_URL" {
            command.env_remove(key);
        }
    }
    command
        .arg("assistance")
        .args(["--database-url", server.config.database_url.as_deref().unwrap()])
        .args(["--data-dir", &server.data_dir.path().display().to_string()])
        .arg("--demo")
        .args(args)
        .output()
        .unwrap()
}

fn refused(output: &Output, says: &str) {
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "refused: {stderr}");
    assert!(stderr.contains(says), "says {says:?}: {stderr}");
    assert!(output.stdout.is_empty(), "prints no result");
}

async fn audit(server: &TestServer, admin: &reqwest::Client, reference: &str) -> Vec<Value> {
    let r = admin.get(server.url(&format!("/api/v1/staff/audit?subject_id={reference}"))).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

async fn where_it_is(server: &TestServer, reference: &str) -> (String, String) {
    let row = baoan_server::journeys::assistance::store::find(&server.db, reference, None).await.unwrap();
    (row.state.code().to_string(), row.stage.code().to_string())
}

async fn the_cli_decides_only_under_an_active_reviewers_own_login(server: TestServer) {
    let resident = server.client();
    let app = submitted(&server, &resident, "13900000741").await;
    let reference = app["reference"].as_str().unwrap();
    let admin = admin(&server).await;
    for (login, role, place) in [
        ("haiyu", "community_reviewer", Some("xinan-haiyu")),
        ("baomin", "community_reviewer", Some("xinan-baomin")),
        ("xinan", "street_reviewer", Some("xinan")),
        ("leaver", "community_reviewer", Some("xinan-haiyu")),
    ] {
        let (status, body) = create(&server, Some(&admin), login, role, place).await;
        assert_eq!(status, StatusCode::CREATED, "{login}: {body}");
    }
    let accounts: Vec<Value> =
        admin.get(server.url("/api/v1/staff/accounts")).send().await.unwrap().json().await.unwrap();
    let leaver = accounts.iter().find(|a| a["login"] == "leaver").unwrap()["id"].as_str().unwrap().to_string();
    let r = admin
        .post(server.url(&format!("/api/v1/staff/accounts/{leaver}/deactivate")))
        .json(&json!({ "reason": "调岗" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let before = where_it_is(&server, reference).await;
    assert_eq!(before, ("in_review".to_string(), "community_acceptance".to_string()));

    // Without a login there is no decision (the argument is required).
    refused(&cli(&server, &["advance", reference]), "--as");
    // Another community's reviewer, the street before its step, a deactivated account of the
    // right community, a login nobody has: refused, and nothing changes.
    refused(&cli(&server, &["--as", "baomin", "advance", reference]), "nothing done");
    refused(&cli(&server, &["--as", "baomin", "refuse", reference, "收入超标"]), "nothing done");
    refused(&cli(&server, &["--as", "xinan", "advance", reference]), "nothing done");
    refused(&cli(&server, &["--as", "leaver", "advance", reference]), "deactivated");
    refused(&cli(&server, &["--as", "nobody", "advance", reference]), "no staff account");
    assert_eq!(where_it_is(&server, reference).await, before);
    assert!(audit(&server, &admin, reference).await.is_empty(), "nothing recorded");

    // The community's own reviewer: done, and recorded under their login.
    let done = cli(&server, &["--as", "haiyu", "advance", reference]);
    assert!(done.status.success(), "{}", String::from_utf8_lossy(&done.stderr));
    assert_eq!(String::from_utf8_lossy(&done.stdout).trim(), format!("{reference} in_review home_visit"));
    let entries = audit(&server, &admin, reference).await;
    assert_eq!(entries.len(), 1, "{entries:?}");
    let entry = &entries[0];
    assert_eq!(entry["actor"], "haiyu");
    assert_eq!(entry["role"], "community_reviewer");
    assert_eq!(entry["place"], "xinan-haiyu");
    assert_eq!(entry["action"], "assistance.advance");
    assert!(entry["before"].as_str().unwrap().contains("community_acceptance"), "{entry}");
    assert!(entry["after"].as_str().unwrap().contains("home_visit"), "{entry}");
    // The same step's next action by the other community is still refused.
    refused(&cli(&server, &["--as", "baomin", "advance", reference]), "nothing done");
    assert_eq!(where_it_is(&server, reference).await.1, "home_visit");
}
both_engines!(the_cli_decides_only_under_an_active_reviewers_own_login);
