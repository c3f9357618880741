//! `capacity::take` / `release` on a scratch slot table in the test database: whatever the
//! concurrency, a slot never holds more than its capacity, nor fewer than zero places taken.

use crate::both_engines;
use crate::common::TestServer;
use baoan_server::capacity::{release, take};
use std::sync::Arc;
use tokio::sync::Barrier;

const TABLE: &str = "test_slots";

async fn slot(server: &TestServer, id: &str, capacity: i64, taken: i64) {
    sqlx::query(
        "CREATE TABLE IF NOT EXISTS test_slots (id TEXT PRIMARY KEY, capacity BIGINT NOT NULL, taken BIGINT NOT NULL)",
    )
    .execute(&server.db.pool)
    .await
    .unwrap();
    sqlx::query("INSERT INTO test_slots (id, capacity, taken) VALUES ($1, $2, $3)")
        .bind(id)
        .bind(capacity)
        .bind(taken)
        .execute(&server.db.pool)
        .await
        .unwrap();
}

async fn taken(server: &TestServer, id: &str) -> i64 {
    let (n,): (i64,) =
        sqlx::query_as("SELECT taken FROM test_slots WHERE id = $1").bind(id).fetch_one(&server.db.pool).await.unwrap();
    n
}

async fn take_one(server: &TestServer, id: &str, n: i64) -> bool {
    let mut conn = server.db.pool.acquire().await.unwrap();
    take(&mut conn, TABLE, id, n).await.unwrap()
}

async fn release_one(server: &TestServer, id: &str, n: i64) {
    let mut conn = server.db.pool.acquire().await.unwrap();
    release(&mut conn, TABLE, id, n).await.unwrap();
}

async fn two_hundred_at_once_for_five_places_never_overbook(server: TestServer) {
    slot(&server, "busy", 5, 0).await;
    slot(&server, "quiet", 5, 0).await;
    let start = Arc::new(Barrier::new(200));
    let mut tasks = Vec::new();
    for _ in 0..200 {
        let (pool, start) = (server.db.pool.clone(), start.clone());
        tasks.push(tokio::spawn(async move {
            start.wait().await;
            // As a booking does: its own connection and transaction, committed.
            let mut tx = pool.begin().await?;
            let got = take(&mut tx, TABLE, "busy", 1).await?;
            tx.commit().await?;
            Ok::<bool, sqlx::Error>(got)
        }));
    }
    let (mut won, mut refused) = (0, 0);
    for task in tasks {
        match task.await.unwrap() {
            Ok(true) => won += 1,
            Ok(false) => refused += 1,
            Err(e) => panic!("a take failed instead of answering: {e}"),
        }
    }
    assert_eq!((won, refused), (5, 195));
    assert_eq!(taken(&server, "busy").await, 5);
    assert_eq!(taken(&server, "quiet").await, 0, "only the named slot changes");
}
both_engines!(two_hundred_at_once_for_five_places_never_overbook);

async fn takes_only_what_is_left_and_releases_never_below_zero(server: TestServer) {
    slot(&server, "s", 5, 3).await;
    // 2 left: 3 cannot be taken, and nothing changes.
    assert!(!take_one(&server, "s", 3).await);
    assert_eq!(taken(&server, "s").await, 3);
    assert!(take_one(&server, "s", 2).await);
    assert_eq!(taken(&server, "s").await, 5);
    assert!(!take_one(&server, "s", 1).await, "full");
    assert!(!take_one(&server, "no-such-slot", 1).await);

    // A cancellation gives places back, which can then be taken again.
    release_one(&server, "s", 2).await;
    assert_eq!(taken(&server, "s").await, 3);
    assert!(take_one(&server, "s", 2).await);
    assert_eq!(taken(&server, "s").await, 5);

    // Giving back more than is taken changes nothing; it never goes below zero.
    release_one(&server, "s", 6).await;
    assert_eq!(taken(&server, "s").await, 5);
    release_one(&server, "s", 5).await;
    assert_eq!(taken(&server, "s").await, 0);
    release_one(&server, "s", 1).await;
    assert_eq!(taken(&server, "s").await, 0);

    // Zero or negative counts (a bad party size) neither free nor add places.
    slot(&server, "t", 5, 4).await;
    for n in [0, -1, -10] {
        assert!(!take_one(&server, "t", n).await, "take({n})");
        release_one(&server, "t", n).await;
        assert_eq!(taken(&server, "t").await, 4, "n = {n}");
    }
}
both_engines!(takes_only_what_is_left_and_releases_never_below_zero);

async fn concurrent_cancellations_never_go_below_zero(server: TestServer) {
    slot(&server, "c", 5, 5).await;
    let start = Arc::new(Barrier::new(30));
    let mut tasks = Vec::new();
    for _ in 0..30 {
        let (pool, start) = (server.db.pool.clone(), start.clone());
        tasks.push(tokio::spawn(async move {
            start.wait().await;
            let mut tx = pool.begin().await.unwrap();
            release(&mut tx, TABLE, "c", 1).await.unwrap();
            tx.commit().await.unwrap();
        }));
    }
    for task in tasks {
        task.await.unwrap();
    }
    assert_eq!(taken(&server, "c").await, 0);
}
both_engines!(concurrent_cancellations_never_go_below_zero);
