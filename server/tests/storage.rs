//! The storage layer on SQLite and PostgreSQL: migrations, demo data, and what must hold when
//! requests race (one user per number, limits that hold under a burst).

mod common;

use baoan_server::config::Config;
use baoan_server::db::demo::{self, DEMO_PHONE};
use baoan_server::db::Db;
use common::{expect_error, TestDb, TestServer};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::sync::Arc;

fn migration_files() -> i64 {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/migrations");
    std::fs::read_dir(dir)
        .unwrap()
        .filter(|e| e.as_ref().unwrap().path().extension().is_some_and(|x| x == "sql"))
        .count() as i64
}

async fn count(db: &Db, sql: &str) -> i64 {
    let (n,): (i64,) = sqlx::query_as(sql).fetch_one(&db.pool).await.unwrap();
    n
}

async fn migrations_run_twice(test_db: Arc<TestDb>) {
    let first = Db::connect(&test_db.url).await.expect("first connect migrates");
    assert_eq!(first.engine, test_db.engine);
    let applied = count(&first, "SELECT COUNT(*) FROM _sqlx_migrations").await;
    assert_eq!(applied, migration_files(), "every migration file is applied");
    // Data written between the two starts survives the second.
    sqlx::query("INSERT INTO users (id, phone, created_at) VALUES ($1, $2, $3)")
        .bind("u1")
        .bind("13800000001")
        .bind(1_i64)
        .execute(&first.pool)
        .await
        .unwrap();

    // One resident per number, enforced by the schema itself.
    let duplicate = sqlx::query("INSERT INTO users (id, phone, created_at) VALUES ($1, $2, $3)")
        .bind("u2")
        .bind("13800000001")
        .bind(2_i64)
        .execute(&first.pool)
        .await;
    assert!(duplicate.is_err(), "a second user with the same phone is refused by the database");

    let second = Db::connect(&test_db.url).await.expect("second connect to the same database");
    assert_eq!(count(&second, "SELECT COUNT(*) FROM _sqlx_migrations").await, applied, "nothing is applied twice");
    assert_eq!(count(&second, "SELECT COUNT(*) FROM streets").await, 10, "reference data is inserted once");
    assert_eq!(count(&second, "SELECT COUNT(*) FROM users").await, 1);
    first.pool.close().await;

    // A server started on the migrated database serves the reference data, in order.
    let server = TestServer::start_on(test_db.clone(), |_| {}).await;
    let streets: Value = reqwest::get(server.url("/api/v1/streets")).await.unwrap().json().await.unwrap();
    let codes: Vec<&str> = streets.as_array().unwrap().iter().map(|s| s["code"].as_str().unwrap()).collect();
    assert_eq!(
        codes,
        ["xinan", "xixiang", "hangcheng", "fuyong", "fuhai", "shajing", "xinqiao", "songgang", "yanluo", "shiyan"]
    );
    assert_eq!(
        streets[0],
        json!({ "code": "xinan", "name": { "zh_hans": "新安街道", "zh_hant": "新安街道", "en": "Xin'an Street" } })
    );
    assert_eq!(streets[6]["name"]["zh_hant"], "新橋街道");
    server.close().await;
    second.pool.close().await;
}
both_engines_db!(migrations_run_twice);

async fn demo_data_only_into_an_empty_database(test_db: Arc<TestDb>) {
    let db = Db::connect(&test_db.url).await.unwrap();
    assert!(!demo::is_demo(&db).await.unwrap(), "a fresh database is not a demo");
    assert!(baoan_server::serve::seed_demo_if_empty(&db, 1_700_000_000).await.unwrap(), "an empty database is seeded");
    assert!(demo::is_demo(&db).await.unwrap());
    assert!(!baoan_server::serve::seed_demo_if_empty(&db, 1_700_000_000).await.unwrap(), "seeding twice does nothing");
    assert_eq!(count(&db, "SELECT COUNT(*) FROM users").await, 1);
    db.pool.close().await;

    // The server says so, with demo data on or off: the database remembers.
    for demo_flag in [true, false] {
        let server = TestServer::start_on(test_db.clone(), |c: &mut Config| c.seed_demo_data = demo_flag).await;
        let meta: Value = reqwest::get(server.url("/api/v1/meta")).await.unwrap().json().await.unwrap();
        assert_eq!(meta["demo"], true, "demo_data={demo_flag}");
        assert_eq!(meta["hotline"], "12345");
        assert_eq!(server.count("SELECT COUNT(*) FROM users").await, 1, "restarting does not seed again");
        server.close().await;
    }

    // The demo resident signs in like anyone and has a (valid, masked) profile.
    let server = TestServer::start_on(test_db.clone(), |c: &mut Config| c.seed_demo_data = true).await;
    let me = server.sign_in(&server.client(), DEMO_PHONE).await;
    assert_eq!(me["phone_masked"], "138****8000");
    assert_eq!(me["profile"]["name"], "演示居民");
    assert_eq!(me["profile"]["id_number_masked"], "110***********002X");
    server.close().await;
}
both_engines_db!(demo_data_only_into_an_empty_database);

async fn demo_data_never_into_a_live_database(test_db: Arc<TestDb>) {
    // A real resident signs up on a server without demo data…
    let live = TestServer::start_on(test_db.clone(), |_| {}).await;
    let meta: Value = reqwest::get(live.url("/api/v1/meta")).await.unwrap().json().await.unwrap();
    assert_eq!(meta["demo"], false);
    live.sign_in(&live.client(), "13900000009").await;
    live.close().await;
    // …then someone restarts it with --demo: nothing is written, and it is not a demo.
    let restarted = TestServer::start_on(test_db.clone(), |c: &mut Config| c.seed_demo_data = true).await;
    let meta: Value = reqwest::get(restarted.url("/api/v1/meta")).await.unwrap().json().await.unwrap();
    assert_eq!(meta["demo"], false);
    assert_eq!(restarted.count("SELECT COUNT(*) FROM users").await, 1);
    let (demo_users,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users WHERE phone = $1")
        .bind(DEMO_PHONE)
        .fetch_one(&restarted.db.pool)
        .await
        .unwrap();
    assert_eq!(demo_users, 0);
    restarted.close().await;
}
both_engines_db!(demo_data_never_into_a_live_database);

/// Ten browsers sign in for the same new number at once (with the same code, as a resident
/// tapping "sign in" repeatedly on a slow network would send it).
async fn concurrent_first_sign_ins_create_one_user(server: TestServer) {
    let phone = "13800000001";
    assert_eq!(server.send_code(&server.client(), phone).await.status(), StatusCode::OK);
    let code = server.outbox_code(phone).await;
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..10 {
        let (server, code) = (server.clone(), code.clone());
        tasks.spawn(async move {
            let client = server.client();
            let r = server.post_session(&client, phone, &code).await;
            let status = r.status();
            (status, r.json::<Value>().await.unwrap(), client)
        });
    }
    let mut user_ids = Vec::new();
    let mut winner = None;
    while let Some(result) = tasks.join_next().await {
        let (status, body, client) = result.unwrap();
        match status {
            StatusCode::OK => {
                user_ids.push(body["user_id"].as_str().unwrap().to_string());
                winner = Some(client);
            }
            StatusCode::UNPROCESSABLE_ENTITY => {
                let why = body["fields"]["code"].as_str().unwrap();
                assert!(matches!(why, "sms_code.expired" | "sms_code.too_many_tries"), "{body}");
            }
            other => panic!("a racing sign-in failed with {other}: {body}"),
        }
    }
    assert_eq!(user_ids.len(), 1, "a one-time code signs in exactly once, however many race for it");
    let (users,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM users WHERE phone = $1")
        .bind(phone)
        .fetch_one(&server.db.pool)
        .await
        .unwrap();
    assert_eq!(users, 1, "exactly one user for the number");
    assert_eq!(server.count("SELECT COUNT(*) FROM users").await, 1);
    assert_eq!(server.count("SELECT COUNT(*) FROM sessions").await, 1, "one session");
    assert_eq!(server.count("SELECT COUNT(*) FROM sms_codes").await, 0, "the code is spent");
    // The browser that won is signed in as the new resident.
    let me: Value = winner.unwrap().get(server.url("/api/v1/me")).send().await.unwrap().json().await.unwrap();
    assert_eq!(me["user_id"], user_ids[0].as_str());
}
both_engines!(concurrent_first_sign_ins_create_one_user);

/// A double (or tenfold) tap on "send code": one code is sent, the rest are told to wait.
/// (Codes belong to the device that asks — its device cookie — so the taps come from one
/// browser that already has its cookie, as after any earlier visit to the sign-in page.)
async fn concurrent_code_requests_send_one_code(server: TestServer) {
    let phone = "13800000001";
    let browser = server.client();
    assert_eq!(server.send_code(&browser, "13900000009").await.status(), StatusCode::OK);
    let mut tasks = tokio::task::JoinSet::new();
    for _ in 0..8 {
        let server = server.clone();
        let browser = browser.clone();
        tasks.spawn(async move {
            let r = server.send_code(&browser, phone).await;
            let status = r.status();
            (status, r.json::<Value>().await.unwrap())
        });
    }
    let mut sent = 0;
    while let Some(result) = tasks.join_next().await {
        let (status, body) = result.unwrap();
        match status {
            StatusCode::OK => sent += 1,
            StatusCode::TOO_MANY_REQUESTS => {
                assert_eq!(body["fields"], json!({ "phone": "sms.rate_limited" }), "{body}")
            }
            other => panic!("a racing code request failed with {other}: {body}"),
        }
    }
    assert_eq!(sent, 1, "exactly one code is sent");
    // The code the resident received is the one that works.
    let code = server.outbox_code(phone).await;
    assert_eq!(server.post_session(&browser, phone, &code).await.status(), StatusCode::OK);
}
both_engines!(concurrent_code_requests_send_one_code);

/// A burst of code requests from one address for different numbers: the hourly limit holds.
async fn address_limit_holds_under_a_burst(server: TestServer) {
    let limit = server.config.sms_per_ip_per_hour;
    let mut tasks = tokio::task::JoinSet::new();
    for i in 0..12 {
        let server = server.clone();
        tasks.spawn(async move {
            let phone = format!("138000000{i:02}");
            let r = server.send_code(&server.client(), &phone).await;
            let status = r.status();
            (status, r.json::<Value>().await.unwrap())
        });
    }
    let mut sent = 0;
    while let Some(result) = tasks.join_next().await {
        let (status, body) = result.unwrap();
        match status {
            StatusCode::OK => sent += 1,
            StatusCode::TOO_MANY_REQUESTS => assert_eq!(body["code"], "rate_limited"),
            other => panic!("a racing code request failed with {other}: {body}"),
        }
    }
    assert_eq!(sent, limit, "exactly the limit is served, no more, no fewer");
    // And afterwards the address is still limited.
    expect_error(
        server.send_code(&server.client(), "13900000099").await,
        StatusCode::TOO_MANY_REQUESTS,
        "rate_limited",
    )
    .await;
}
both_engines!(address_limit_holds_under_a_burst, |c: &mut Config| c.sms_per_ip_per_hour = 4);
