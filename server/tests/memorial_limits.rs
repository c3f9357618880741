//! One resident with a script against the memorial journey (issue 10), over real HTTP on SQLite
//! and PostgreSQL: floods of offerings, reports, invitations and bookings end in 429 with
//! Retry-After; every list is paged with a maximum page size (staff's queues too). Staff's side of
//! reports and proxy sweeping is in `staff_memorial.rs`.

mod common;
mod memorial_common;
mod staff_common;

use common::{expect_error, TestServer};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn signed_in(server: &TestServer, phone: &str) -> reqwest::Client {
    let c = server.client();
    server.sign_in(&c, phone).await;
    c
}

async fn create(server: &TestServer, owner: &reqwest::Client, name: &str) -> String {
    let body = json!({ "deceased_name": name, "born_on": "1935-03-02", "died_on": "2019-03-30" });
    let r = owner.post(server.url("/api/v1/memorial/memorials")).json(&body).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    r.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string()
}

async fn assert_limited(r: reqwest::Response) {
    let header: i64 = r.headers().get("retry-after").expect("Retry-After header").to_str().unwrap().parse().unwrap();
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    // (Read here, not with `expect_error`: the shared shape check predates `retry_after_seconds`.)
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["code"], "rate_limited", "{body}");
    assert_eq!(body["retry_after_seconds"].as_i64(), Some(header));
    assert!(header >= 1);
}

async fn two_hundred_offerings_are_refused_after_the_limit(server: TestServer) {
    let owner = signed_in(&server, "13720000001").await;
    let id = create(&server, &owner, "陈国华").await;
    let url = server.url(&format!("/api/v1/memorial/memorials/{id}/offerings"));
    let mut accepted = 0;
    let mut refused = 0;
    for i in 0..200 {
        let r = owner
            .post(&url)
            .json(&json!({ "kind": if i % 2 == 0 { "flower" } else { "candle" } }))
            .send()
            .await
            .unwrap();
        if r.status() == StatusCode::OK {
            assert_eq!(refused, 0, "nothing accepted after the first refusal");
            accepted += 1;
        } else {
            assert_limited(r).await;
            refused += 1;
        }
    }
    assert_eq!((accepted, refused), (30, 170), "30 an hour");
    assert_eq!(server.count("SELECT COUNT(*) FROM memorial_offerings").await, 30);
    server.clock.advance(3601);
    assert_eq!(owner.post(&url).json(&json!({ "kind": "flower" })).send().await.unwrap().status(), StatusCode::OK);
}
both_engines!(two_hundred_offerings_are_refused_after_the_limit);

async fn reports_invitations_and_bookings_are_limited(server: TestServer) {
    let owner = signed_in(&server, "13720000011").await;
    let id = create(&server, &owner, "陈国华").await;
    let reports = server.url(&format!("/api/v1/memorial/memorials/{id}/reports"));
    for _ in 0..10 {
        assert_eq!(
            owner.post(&reports).json(&json!({ "reason": "不实信息" })).send().await.unwrap().status(),
            StatusCode::NO_CONTENT
        );
    }
    assert_limited(owner.post(&reports).json(&json!({ "reason": "不实信息" })).send().await.unwrap()).await;
    let invitations = server.url(&format!("/api/v1/memorial/memorials/{id}/invitations"));
    for _ in 0..10 {
        assert_eq!(owner.post(&invitations).send().await.unwrap().status(), StatusCode::OK);
    }
    assert_limited(owner.post(&invitations).send().await.unwrap()).await;
    // Booking attempts: ten a day, whatever they ask for (a replay of one key is not another).
    let booking = json!({ "slot_id": "no-such-slot", "group_size": 1, "deceased_name": "陈国华", "grave": { "area": "A", "row": "1", "number": "1" } });
    for i in 0..10 {
        let r = owner
            .post(server.url("/api/v1/memorial/bookings"))
            .header("Idempotency-Key", format!("attempt-key-{i:04}"))
            .json(&booking)
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    }
    let r = owner
        .post(server.url("/api/v1/memorial/bookings"))
        .header("Idempotency-Key", "attempt-key-9999")
        .json(&booking)
        .send()
        .await
        .unwrap();
    assert_limited(r).await;
}
both_engines!(reports_invitations_and_bookings_are_limited);

async fn every_memorial_list_is_paged(server: TestServer) {
    let owner = signed_in(&server, "13720000021").await;
    let id = create(&server, &owner, "陈国华").await;
    let (user_id,): (String,) = sqlx::query_as("SELECT owner_id FROM memorials WHERE id = $1")
        .bind(&id)
        .fetch_one(&server.db.pool)
        .await
        .unwrap();
    // Setup (not the attack): 54 more memorials and 60 messages, written directly.
    for i in 0..54 {
        sqlx::query("INSERT INTO memorials (id, owner_id, deceased_name, born_on, died_on, biography, visibility, reminder, created_at) VALUES ($1, $2, '林秀英', '1935-03-02', '2019-03-30', '', 'private', 0, 0)")
            .bind(format!("m{i:03}"))
            .bind(&user_id)
            .execute(&server.db.pool)
            .await
            .unwrap();
    }
    for i in 0..60i64 {
        sqlx::query("INSERT INTO memorial_messages (id, memorial_id, user_id, text, hidden, created_at) VALUES ($1, $2, $3, $4, 0, $5)")
            .bind(format!("g{i:03}"))
            .bind(&id)
            .bind(&user_id)
            .bind(format!("第{i}条"))
            .bind(1_000 + i)
            .execute(&server.db.pool)
            .await
            .unwrap();
    }
    let get = |path: String| {
        let owner = owner.clone();
        let url = server.url(&path);
        async move {
            let r = owner.get(url).send().await.unwrap();
            assert_eq!(r.status(), StatusCode::OK, "{path}");
            r.json::<Value>().await.unwrap()
        }
    };
    let page = get("/api/v1/memorial/memorials?page_size=1000".into()).await;
    assert_eq!(
        (page["memorials"].as_array().unwrap().len(), page["page_size"].as_u64(), page["total"].as_i64()),
        (50, Some(50), Some(55))
    );
    let page = get("/api/v1/memorial/memorials?page=2&page_size=1000".into()).await;
    assert_eq!(page["memorials"].as_array().unwrap().len(), 5);
    let page = get("/api/v1/memorial/memorials".into()).await;
    assert_eq!((page["memorials"].as_array().unwrap().len(), page["page"].as_u64()), (20, Some(1)), "20 by default");
    // Messages: the memorial carries the newest 50 (oldest of them first); the rest are paged.
    let m = get(format!("/api/v1/memorial/memorials/{id}")).await;
    assert_eq!((m["messages"].as_array().unwrap().len(), m["messages_total"].as_i64()), (50, Some(60)));
    assert_eq!(
        (m["messages"][0]["text"].as_str(), m["messages"][49]["text"].as_str()),
        (Some("第10条"), Some("第59条"))
    );
    let page = get(format!("/api/v1/memorial/memorials/{id}/messages?page=2&page_size=1000")).await;
    let texts: Vec<&str> = page["items"].as_array().unwrap().iter().map(|m| m["text"].as_str().unwrap()).collect();
    assert_eq!(texts.len(), 10);
    assert_eq!((texts[0], texts[9]), ("第9条", "第0条"), "newest first");
    for path in [
        "/api/v1/memorial/bookings?page_size=999".to_string(),
        "/api/v1/memorial/proxy?page_size=999".into(),
        format!("/api/v1/memorial/memorials/{id}/invitations?page_size=999"),
        format!("/api/v1/memorial/memorials/{id}/members?page_size=999"),
    ] {
        assert_eq!(get(path).await["page_size"], 50);
    }
    let admin = staff_common::admin(&server).await;
    let gate = staff_common::member(&server, &admin, "gate", "gate_staff", Some("baoshan")).await;
    let moderator = staff_common::member(&server, &admin, "mod", "moderator", None).await;
    for (staff, path) in [
        (&gate, "/api/v1/staff/memorial/proxy?page_size=999"),
        (&moderator, "/api/v1/staff/memorial/reports?page_size=999"),
    ] {
        let page: Value = staff.get(server.url(path)).send().await.unwrap().json().await.unwrap();
        assert_eq!(page["page_size"], 50, "{path}");
    }
    // An unreadable page is a 400 in the error shape, not a 500.
    expect_error(
        owner.get(server.url("/api/v1/memorial/memorials?page=-1")).send().await.unwrap(),
        StatusCode::BAD_REQUEST,
        "bad_request",
    )
    .await;
}
both_engines!(every_memorial_list_is_paged);
