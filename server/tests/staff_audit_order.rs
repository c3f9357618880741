//! The audit trail's order over real HTTP on SQLite and PostgreSQL: entries are dated in seconds,
//! and several actions in quick succession (of one second) still list newest first, in the
//! search and in the CSV export alike.

mod common;
mod staff_common;

use common::TestServer;
use reqwest::StatusCode;
use serde_json::{json, Value};
use staff_common::*;

const ACTIONS: usize = 8;

async fn actions_of_one_second_list_newest_first(server: TestServer) {
    let admin = admin(&server).await;
    let mut ids = Vec::new();
    for i in 0..ACTIONS {
        let (status, body) = create(&server, Some(&admin), &format!("leaver{i}"), "moderator", None).await;
        assert_eq!(status, StatusCode::CREATED, "{body}");
        ids.push(body["account"]["id"].as_str().unwrap().to_string());
    }
    // One after the other, as fast as the server answers.
    for id in &ids {
        let url = server.url(&format!("/api/v1/staff/accounts/{id}/deactivate"));
        let r = admin.post(url).json(&json!({ "reason": "调岗" })).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK);
    }
    let newest_first: Vec<String> = ids.iter().rev().cloned().collect();

    let url = server.url("/api/v1/staff/audit?action=staff.deactivate_account");
    let entries: Vec<Value> = admin.get(&url).send().await.unwrap().json().await.unwrap();
    let listed: Vec<String> = entries.iter().map(|e| e["subject_id"].as_str().unwrap().to_string()).collect();
    assert_eq!(listed, newest_first, "the search lists the last action first");
    let seconds: Vec<i64> = entries.iter().map(|e| e["at"].as_i64().unwrap()).collect();
    assert!(
        seconds.windows(2).any(|w| w[0] == w[1]),
        "some actions share a second (else this proves nothing): {seconds:?}"
    );

    let csv = admin.get(format!("{url}&format=csv")).send().await.unwrap().text().await.unwrap();
    let exported: Vec<String> = csv
        .lines()
        .skip(1)
        .map(|line| {
            // Every field is quoted; ids and codes hold no quote or comma (an id that starts
            // with `-` is written after an apostrophe, as a formula would be).
            let fields: Vec<&str> = line.split(',').map(|f| f.trim_matches('"')).collect();
            assert_eq!(fields[5], "staff.deactivate_account", "{line}");
            fields[7].strip_prefix('\'').unwrap_or(fields[7]).to_string()
        })
        .collect();
    assert_eq!(exported, newest_first, "the export in the same order");
}
both_engines!(actions_of_one_second_list_newest_first);
