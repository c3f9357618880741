//! The purge job, run with an explicit time: expired sessions, expired sign-in codes, old rate
//! records, idempotency records older than a day and uploads no record uses a day after upload
//! are deleted; what is still live or in use stays.

use crate::both_engines;
use crate::common::TestServer;
use crate::privacy::uploads::{jpeg_with, upload_ok};
use baoan_contract::api::{SESSION_TTL_SECONDS, SMS_CODE_TTL_SECONDS};
use baoan_contract::retention::{DAY_SECONDS, IDEMPOTENCY_RECORD_SECONDS};
use baoan_server::idempotency::once;
use baoan_server::purge::{run_once, Purged};
use reqwest::StatusCode;
use serde_json::json;

async fn purge_at(server: &TestServer, at: i64) -> Purged {
    run_once(&server.state, at).await.expect("purge runs")
}

async fn expired_sessions_codes_and_rate_records_are_deleted(server: TestServer) {
    let t0 = server.clock.now();
    let resident = server.client();
    server.sign_in(&resident, "13800000401").await;
    // A code requested and never used (the one used to sign in is already gone).
    assert_eq!(server.send_code(&server.client(), "13800000402").await.status(), StatusCode::OK);
    assert_eq!(server.count("SELECT COUNT(*) FROM sms_codes").await, 1);
    let rate_events = server.count("SELECT COUNT(*) FROM rate_events").await;
    assert!(rate_events > 0, "sign-in left rate records");

    // Now: everything is live, nothing goes.
    assert_eq!(purge_at(&server, t0).await, Purged::default());
    // After the codes' five minutes: the codes go, the session stays (and still works).
    let p = purge_at(&server, t0 + SMS_CODE_TTL_SECONDS + 1).await;
    assert_eq!((p.sms_codes, p.sessions), (1, 0));
    assert_eq!(server.count("SELECT COUNT(*) FROM sms_codes").await, 0);
    assert_eq!(resident.get(server.url("/api/v1/me")).send().await.unwrap().status(), StatusCode::OK);
    // A day on: the rate records go.
    let p = purge_at(&server, t0 + DAY_SECONDS + 1).await;
    assert_eq!(p.rate_events as i64, rate_events);
    assert_eq!(server.count("SELECT COUNT(*) FROM rate_events").await, 0);
    // Past the session's lifetime: it is deleted, and the cookie no longer signs anyone in.
    let later = server.clock.now() + SESSION_TTL_SECONDS + 1;
    let p = purge_at(&server, later).await;
    assert_eq!(p.sessions, 1);
    assert_eq!(server.count("SELECT COUNT(*) FROM sessions").await, 0);
    assert_eq!(resident.get(server.url("/api/v1/me")).send().await.unwrap().status(), StatusCode::UNAUTHORIZED);
}
both_engines!(expired_sessions_codes_and_rate_records_are_deleted);

async fn idempotency_records_expire_after_a_day(server: TestServer) {
    let state = &server.state;
    let t0 = server.clock.now();
    let first: serde_json::Value =
        once(state, "test:user-1", "key-00000001", "print", || async { Ok(json!({ "run": 1 })) }).await.unwrap();
    let replay: serde_json::Value =
        once(state, "test:user-1", "key-00000001", "print", || async { Ok(json!({ "run": 2 })) }).await.unwrap();
    assert_eq!((first["run"].as_i64(), replay["run"].as_i64()), (Some(1), Some(1)), "within a day a retry is replayed");
    // What is stored: scope, key, a hash of the body and the first answer; nothing else.
    let (fingerprint, response): (String, String) =
        sqlx::query_as("SELECT fingerprint, response FROM idempotency_keys").fetch_one(&server.db.pool).await.unwrap();
    assert_eq!((fingerprint.as_str(), response.as_str()), ("print", r#"{"run":1}"#));
    // Not yet a day: kept.
    assert_eq!(purge_at(&server, t0 + IDEMPOTENCY_RECORD_SECONDS - 60).await.idempotency_records, 0);
    // A day on: the purge deletes it.
    assert_eq!(purge_at(&server, t0 + IDEMPOTENCY_RECORD_SECONDS + 1).await.idempotency_records, 1);
    assert_eq!(server.count("SELECT COUNT(*) FROM idempotency_keys").await, 0);
    // And even before the purge runs, a record older than a day no longer answers a retry.
    once(state, "test:user-1", "key-00000002", "print", || async { Ok(json!({ "run": 1 })) }).await.unwrap();
    server.clock.advance(IDEMPOTENCY_RECORD_SECONDS + 1);
    let fresh: serde_json::Value =
        once(state, "test:user-1", "key-00000002", "print", || async { Ok(json!({ "run": 2 })) }).await.unwrap();
    assert_eq!(fresh["run"], 2);
}
both_engines!(idempotency_records_expire_after_a_day);

async fn an_unused_upload_is_gone_a_day_later_and_used_ones_stay(server: TestServer) {
    let t0 = server.clock.now();
    let client = server.client();
    server.sign_in(&client, "13800000403").await;
    let unused = upload_ok(&server, &client, jpeg_with(&[])).await;
    let photo = upload_ok(&server, &client, jpeg_with(&[])).await;
    let in_draft = upload_ok(&server, &client, jpeg_with(&[])).await;
    // One becomes a memorial's photo, one is chosen in the assistance draft (not yet sent).
    let r = client
        .post(server.url("/api/v1/memorial/memorials"))
        .json(&json!({ "deceased_name": "陈国华", "born_on": "1935-03-02", "died_on": "2019-03-30", "photo": photo }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let draft = json!({ "documents": [{ "kind": "id_cards", "upload_id": in_draft }] }).to_string();
    let r = client.put(server.url("/api/v1/assistance/draft")).json(&json!({ "content": draft })).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let file = |id: &str| server.data_dir.path().join("uploads").join(id);
    let row = |id: String| {
        let server = server.clone();
        async move { server.count(&format!("SELECT COUNT(*) FROM uploads WHERE id = '{id}'")).await }
    };

    // Within the day nothing goes.
    assert_eq!(purge_at(&server, t0 + DAY_SECONDS - 60).await.uploads, 0);
    assert!(file(&unused).exists());
    // A day on: the unused one is gone, row and file; the used ones stay.
    assert_eq!(purge_at(&server, t0 + DAY_SECONDS + 1).await.uploads, 1);
    assert_eq!(row(unused.clone()).await, 0);
    assert!(!file(&unused).exists(), "the file is deleted too");
    let r = client.get(server.url(&format!("/api/v1/uploads/{unused}"))).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    for id in [&photo, &in_draft] {
        assert_eq!(row(id.clone()).await, 1);
        assert!(file(id).exists());
    }
    // Once the draft is gone its file has no use either.
    let r = client.delete(server.url("/api/v1/assistance/draft")).send().await.unwrap();
    assert!(r.status().is_success());
    assert_eq!(purge_at(&server, t0 + DAY_SECONDS + 2).await.uploads, 1);
    assert_eq!(row(in_draft).await, 0);
    assert_eq!(row(photo).await, 1);
}
both_engines!(an_unused_upload_is_gone_a_day_later_and_used_ones_stay);
