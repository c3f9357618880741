//! `idempotency::once` against the server's own state and database: a submit runs once per
//! (scope, key), a retry gets the first answer, a failure frees the key, and a burst of
//! identical requests never runs the work twice. `key_from` reads and checks the header.

use crate::both_engines;
use crate::common::TestServer;
use axum::http::{HeaderMap, HeaderValue};
use baoan_contract::error::{ErrorCode, FieldError};
use baoan_server::error::{AppError, AppResult};
use baoan_server::idempotency::{fingerprint, key_from, once, HEADER};
use serde::{Deserialize, Serialize};
use serde_json::json;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct Receipt {
    reference: String,
    run: usize,
}

/// Work that counts its runs and answers with the run number.
async fn counted(runs: &AtomicUsize, reference: &str) -> AppResult<Receipt> {
    let run = runs.fetch_add(1, Ordering::SeqCst) + 1;
    Ok(Receipt { reference: reference.into(), run })
}

fn code(result: &AppResult<Receipt>) -> Option<ErrorCode> {
    result.as_ref().err().map(|e| e.0.code)
}

async fn a_retry_gets_the_first_answer_without_running_again(server: TestServer) {
    let state = &server.state;
    let runs = AtomicUsize::new(0);
    let body = json!({ "name": "张三", "children": 2 });
    let print = fingerprint(&body);
    let first = once(state, "assistance:user-1", "key-0001", &print, || counted(&runs, "A-1")).await.unwrap();
    let again = once(state, "assistance:user-1", "key-0001", &print, || counted(&runs, "A-2")).await.unwrap();
    assert_eq!(runs.load(Ordering::SeqCst), 1, "the work ran once");
    assert_eq!(first, Receipt { reference: "A-1".into(), run: 1 });
    assert_eq!(again, first, "the retry got the first answer");
    // The answer is kept in the database, so it survives a restart of the server.
    assert_eq!(server.count("SELECT COUNT(*) FROM idempotency_keys WHERE response IS NOT NULL").await, 1);

    // The same fingerprint from an equal body; a different body under the same key is refused.
    assert_eq!(fingerprint(&json!({ "name": "张三", "children": 2 })), print);
    let other = fingerprint(&json!({ "name": "张三", "children": 3 }));
    assert_ne!(other, print);
    let refused = once(state, "assistance:user-1", "key-0001", &other, || counted(&runs, "A-3")).await;
    assert_eq!(code(&refused), Some(ErrorCode::Conflict));
    assert_eq!(runs.load(Ordering::SeqCst), 1, "a conflicting request does not run");

    // Scopes (journey and resident) are independent: the same key elsewhere runs its own work.
    let elsewhere = once(state, "assistance:user-2", "key-0001", &other, || counted(&runs, "B-1")).await.unwrap();
    let marriage = once(state, "marriage:user-1", "key-0001", &print, || counted(&runs, "M-1")).await.unwrap();
    assert_eq!((elsewhere.run, marriage.run), (2, 3));
    assert_eq!(once(state, "assistance:user-2", "key-0001", &other, || counted(&runs, "x")).await.unwrap(), elsewhere);
    assert_eq!(once(state, "marriage:user-1", "key-0001", &print, || counted(&runs, "x")).await.unwrap(), marriage);
    assert_eq!(once(state, "assistance:user-1", "key-0001", &print, || counted(&runs, "x")).await.unwrap(), first);
    assert_eq!(runs.load(Ordering::SeqCst), 3);
}
both_engines!(a_retry_gets_the_first_answer_without_running_again);

async fn failed_work_frees_the_key_for_a_retry(server: TestServer) {
    let state = &server.state;
    let runs = AtomicUsize::new(0);
    let print = fingerprint(&json!({ "slot": "2030-07-01T09:00" }));
    let failed: AppResult<Receipt> = once(state, "memorial:u", "retry-key-1", &print, || async {
        runs.fetch_add(1, Ordering::SeqCst);
        Err(AppError::new(ErrorCode::Conflict, "slot full"))
    })
    .await;
    // The work's own error comes back as it was.
    let err = failed.unwrap_err();
    assert_eq!((err.0.code, err.0.message.as_str()), (ErrorCode::Conflict, "slot full"));
    assert_eq!(server.count("SELECT COUNT(*) FROM idempotency_keys").await, 0, "the claim was released");

    // The retry runs (even with another body: nothing was done under the key), and is then kept.
    let other = fingerprint(&json!({ "slot": "2030-07-01T10:00" }));
    let retried = once(state, "memorial:u", "retry-key-1", &other, || counted(&runs, "C-1")).await.unwrap();
    assert_eq!(retried, Receipt { reference: "C-1".into(), run: 2 });
    let third = once(state, "memorial:u", "retry-key-1", &other, || counted(&runs, "C-2")).await.unwrap();
    assert_eq!(third, retried);
    assert_eq!(runs.load(Ordering::SeqCst), 2);
}
both_engines!(failed_work_frees_the_key_for_a_retry);

async fn a_burst_of_the_same_request_runs_the_work_once(server: TestServer) {
    let runs = Arc::new(AtomicUsize::new(0));
    let print = fingerprint(&json!({ "donation": 100 }));
    let mut tasks = Vec::new();
    for _ in 0..20 {
        let (state, runs, print) = (server.state.clone(), runs.clone(), print.clone());
        tasks.push(tokio::spawn(async move {
            once(&state, "charity:u", "double-click-1", &print, || async {
                let run = runs.fetch_add(1, Ordering::SeqCst) + 1;
                // Slow enough that the others arrive while it runs.
                tokio::time::sleep(Duration::from_millis(300)).await;
                Ok(Receipt { reference: "D-1".into(), run })
            })
            .await
        }));
    }
    let mut answered = 0;
    for task in tasks {
        match task.await.unwrap() {
            Ok(receipt) => {
                assert_eq!(receipt, Receipt { reference: "D-1".into(), run: 1 });
                answered += 1;
            }
            Err(e) => assert_eq!(e.0.code, ErrorCode::Conflict, "only 'still being processed': {:?}", e.0),
        }
    }
    assert_eq!(runs.load(Ordering::SeqCst), 1, "the work ran exactly once");
    assert!(answered >= 1, "the first request got its answer");
    // Once done, every retry gets the stored answer.
    let later = once(&server.state, "charity:u", "double-click-1", &print, || counted(&runs, "D-2")).await;
    assert_eq!(later.unwrap(), Receipt { reference: "D-1".into(), run: 1 });
    assert_eq!(runs.load(Ordering::SeqCst), 1);
    assert_eq!(server.count("SELECT COUNT(*) FROM idempotency_keys").await, 1);
}
both_engines!(a_burst_of_the_same_request_runs_the_work_once);

async fn a_burst_whose_work_fails_never_ends_in_an_internal_error(server: TestServer) {
    // The first caller's work fails and releases the key while the others look it up: each of
    // them must get the work's own error, a Conflict ("try again"), or run the work itself.
    for round in 0..10 {
        let key = format!("failing-burst-{round}");
        let runs = Arc::new(AtomicUsize::new(0));
        let start = Arc::new(tokio::sync::Barrier::new(20));
        let mut tasks = Vec::new();
        for _ in 0..20 {
            let (state, runs, start, key) = (server.state.clone(), runs.clone(), start.clone(), key.clone());
            tasks.push(tokio::spawn(async move {
                start.wait().await;
                once(&state, "charity:u", &key, "same-body", || async {
                    runs.fetch_add(1, Ordering::SeqCst);
                    Err::<Receipt, _>(AppError::new(ErrorCode::BadRequest, "declined"))
                })
                .await
            }));
        }
        for task in tasks {
            let err = task.await.unwrap().unwrap_err();
            assert!(
                matches!(err.0.code, ErrorCode::BadRequest | ErrorCode::Conflict),
                "round {round}: only the work's error or a Conflict, got {:?}",
                err.0
            );
        }
        assert!(runs.load(Ordering::SeqCst) >= 1);
    }
    assert_eq!(server.count("SELECT COUNT(*) FROM idempotency_keys").await, 0, "every failed claim was released");
}
both_engines!(a_burst_whose_work_fails_never_ends_in_an_internal_error);

fn headers(value: Option<&[u8]>) -> HeaderMap {
    let mut h = HeaderMap::new();
    if let Some(v) = value {
        h.insert(HEADER, HeaderValue::from_bytes(v).unwrap());
    }
    h
}

#[test]
fn key_from_accepts_8_to_100_visible_ascii_characters() {
    assert_eq!(key_from(&headers(Some(b"abcd-123"))).unwrap(), "abcd-123");
    assert_eq!(
        key_from(&headers(Some(b"  0b6f3c1e-7f0a-4c8e-9d55-2d0f0c4b9a11 "))).unwrap(),
        "0b6f3c1e-7f0a-4c8e-9d55-2d0f0c4b9a11"
    );
    let hundred = "k".repeat(100);
    assert_eq!(key_from(&headers(Some(hundred.as_bytes()))).unwrap(), hundred);

    let long = "k".repeat(101);
    let refused: [Option<&[u8]>; 6] = [
        None,
        Some(b""),
        Some(b"abc-123"),                    // 7 characters
        Some(long.as_bytes()),               // 101
        Some("键键键键键键键键".as_bytes()), // not ASCII
        Some(b"abcd 1234"),                  // a space inside
    ];
    for value in refused {
        let err = key_from(&headers(value)).unwrap_err();
        assert_eq!(err.0.code, ErrorCode::Validation, "{value:?}");
        assert_eq!(
            err.0.fields.into_iter().collect::<Vec<_>>(),
            [("idempotency_key".to_string(), FieldError::Required)]
        );
    }
}
