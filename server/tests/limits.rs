//! Every write has a limit (issue 10, item 3), over real HTTP on both engines: a script that
//! floods gift orders, assistance submits or profile saves is refused with 429 in the contract's
//! error shape, with `retry_after_seconds` and a matching `Retry-After` header, and allowed again
//! once the window has passed. Every list a resident owns is paged: asking for more than the
//! maximum page never returns more than it.

mod assistance_common;
mod common;
mod staff_common;

use assistance_common::{form, submit, upload_id};
use baoan_contract::api::MAX_PAGE_SIZE;
use baoan_server::limits::{self, Limit};
use common::{expect_error, TestServer};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// Reads a 429: the error shape, the wait in the body, the same wait in `Retry-After`, within the window.
async fn expect_limited(response: reqwest::Response, limit: &Limit) -> i64 {
    let header: i64 = response
        .headers()
        .get(reqwest::header::RETRY_AFTER)
        .expect("a 429 carries Retry-After")
        .to_str()
        .unwrap()
        .parse()
        .expect("Retry-After is a number of seconds");
    let body = expect_error(response, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    let after = body["retry_after_seconds"].as_i64().expect("retry_after_seconds in the body");
    assert_eq!(after, header, "body and header say the same wait");
    assert!(after >= 1 && after <= limit.window_seconds, "the wait {after} is within the window of {limit:?}");
    after
}

fn gift(project: &str) -> Value {
    json!({ "project_id": project, "amount_fen": 1000, "anonymous": false, "donor_name": "林女士", "frequency": "once" })
}

async fn order(server: &TestServer, client: &reqwest::Client, key: &str) -> reqwest::Response {
    client
        .post(server.url("/api/v1/charity/gifts"))
        .header("Idempotency-Key", key)
        .json(&gift("p-elder-meals"))
        .send()
        .await
        .unwrap()
}

fn demo(c: &mut baoan_server::config::Config) {
    c.seed_demo_data = true;
}

/// A script orders gifts in a loop: the first `max` are taken, the next is 429 with Retry-After;
/// a retry of an accepted order (same key) is still answered; another resident is not affected;
/// after the wait the donor may give again.
async fn gift_order_flood_is_refused(server: TestServer) {
    let limit = limits::CHARITY_GIFT_ORDERS;
    let client = server.client();
    server.sign_in(&client, "13800000701").await;
    for i in 0..limit.max {
        let r = order(&server, &client, &format!("flood-key-{i:04}")).await;
        assert_eq!(r.status(), StatusCode::OK, "order {i} is within the limit");
    }
    let after = expect_limited(order(&server, &client, "flood-key-over").await, &limit).await;
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM charity_gifts WHERE status = 'pending'")
        .fetch_one(&server.db.pool)
        .await
        .unwrap();
    assert_eq!(n, limit.max, "the refused order wrote nothing");
    // The same request retried (same key) is the first answer, not a new order: still allowed.
    assert_eq!(order(&server, &client, "flood-key-0000").await.status(), StatusCode::OK);
    // Another resident is not affected.
    let other = server.client();
    server.sign_in(&other, "13800000702").await;
    assert_eq!(order(&server, &other, "other-key-0001").await.status(), StatusCode::OK);
    // Once the wait has passed, the donor may give again.
    server.clock.advance(after);
    assert_eq!(order(&server, &client, "flood-key-later").await.status(), StatusCode::OK);
}
both_engines!(gift_order_flood_is_refused, demo);

/// Assistance submits in a loop (each a new Idempotency-Key): refused after the day's limit.
async fn assistance_submit_flood_is_refused(server: TestServer) {
    let limit = limits::ASSISTANCE_SUBMITS;
    let client = server.client();
    server.sign_in(&client, "13800000711").await;
    let upload = upload_id(&server, &client).await;
    let body = form(&upload);
    for i in 0..limit.max {
        let r = submit(&server, &client, &body, &format!("submit-key-{i:04}")).await;
        assert_eq!(r.status(), StatusCode::OK, "submit {i}: {}", r.text().await.unwrap_or_default());
    }
    expect_limited(submit(&server, &client, &body, "submit-key-over").await, &limit).await;
    assert_eq!(server.count("SELECT COUNT(*) FROM assistance_applications").await, limit.max);
}
both_engines!(assistance_submit_flood_is_refused);

/// Draft autosaves far faster than anyone types: refused after the hour's limit.
async fn assistance_draft_save_flood_is_refused(server: TestServer) {
    let limit = limits::ASSISTANCE_DRAFT_SAVES;
    let client = server.client();
    server.sign_in(&client, "13800000712").await;
    let save = |n: i64| {
        client
            .put(server.url("/api/v1/assistance/draft"))
            .json(&json!({ "content": format!("{{\"n\":{n}}}"), "updated_at": 0 }))
            .send()
    };
    for n in 0..limit.max {
        assert_eq!(save(n).await.unwrap().status(), StatusCode::OK, "save {n}");
    }
    expect_limited(save(limit.max).await.unwrap(), &limit).await;
    // The refused save did not overwrite the last accepted one.
    let draft: Value = client.get(server.url("/api/v1/assistance/draft")).send().await.unwrap().json().await.unwrap();
    assert_eq!(draft["content"], format!("{{\"n\":{}}}", limit.max - 1));
}
both_engines!(assistance_draft_save_flood_is_refused);

/// Profile saves in a loop: refused after the limit, and the refused one changes nothing.
async fn profile_update_flood_is_refused(server: TestServer) {
    let limit = limits::PROFILE_UPDATES;
    let client = server.client();
    server.sign_in(&client, "13800000713").await;
    let id = assistance_common::id((1980, 5, 1), 11);
    let save = |name: String| {
        client
            .put(server.url("/api/v1/me/profile"))
            .json(&json!({ "name": name, "id_type": "resident_id", "id_number": id }))
            .send()
    };
    for i in 0..limit.max {
        let r = save(format!("张三{}", ["甲", "乙", "丙", "丁", "戊", "己", "庚", "辛", "壬", "癸"][i as usize % 10]))
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK, "save {i}");
    }
    expect_limited(save("李四".into()).await.unwrap(), &limit).await;
    let me: Value = client.get(server.url("/api/v1/me")).send().await.unwrap().json().await.unwrap();
    assert_ne!(me["name"], "李四", "the refused save changed nothing: {me}");
}
both_engines!(profile_update_flood_is_refused);

/// Writes `n` messages for the resident `user_id` straight into the message centre.
async fn fill_messages(server: &TestServer, user_id: &str, n: i64) {
    for i in 0..n {
        let reference = format!("REF{i:04}");
        let notice = baoan_server::messages::Notice {
            event: baoan_contract::api::MessageEvent::AssistanceSubmitted,
            reference: &reference,
            action_path: "/mine",
            deadline: None,
            detail: None,
        };
        baoan_server::messages::notify(&server.db, user_id, notice, 1_700_000_000 + i).await.unwrap();
    }
}

/// Oversize page requests are clamped: never more than `MAX_PAGE_SIZE` items, whatever `limit`
/// asks; the pages follow each other; the unread count covers every message; a page size that is
/// not a number is a 400 in the error shape.
async fn oversize_pages_are_clamped(server: TestServer) {
    let client = server.client();
    let me = server.sign_in(&client, "13800000721").await;
    let user_id: (String,) = sqlx::query_as("SELECT id FROM users WHERE phone = $1")
        .bind("13800000721")
        .fetch_one(&server.db.pool)
        .await
        .unwrap();
    let total = MAX_PAGE_SIZE + 20;
    fill_messages(&server, &user_id.0, total).await;
    // Gifts: more orders than a page, written straight into the table.
    for i in 0..total {
        sqlx::query(
            "INSERT INTO charity_gifts (id, user_id, project_id, amount_fen, anonymous, donor_name, message, frequency, \
             status, provider, created_at) VALUES ($1, $2, 'p-elder-meals', 1000, 1, NULL, '', 'once', 'pending', 'sandbox', $3)",
        )
        .bind(format!("g-{i:04}"))
        .bind(&user_id.0)
        .bind(1_700_000_000 + i)
        .execute(&server.db.pool)
        .await
        .unwrap();
    }
    let get = |path: String| client.get(server.url(&path)).send();
    for query in ["", "?limit=100000", "?limit=1000&offset=0", "?limit=9223372036854775807"] {
        let r = get(format!("/api/v1/me/messages{query}")).await.unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        let list: Value = r.json().await.unwrap();
        assert_eq!(list["messages"].as_array().unwrap().len() as i64, MAX_PAGE_SIZE, "messages{query}");
        assert_eq!(list["unread"], total, "unread counts every message, not the page");
        let r = get(format!("/api/v1/me/charity/gifts{query}")).await.unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        assert_eq!(r.json::<Value>().await.unwrap().as_array().unwrap().len() as i64, MAX_PAGE_SIZE, "gifts{query}");
    }
    // The next page holds the rest, newest first throughout.
    let second: Value = get("/api/v1/me/messages?limit=100&offset=100".into()).await.unwrap().json().await.unwrap();
    assert_eq!(second["messages"].as_array().unwrap().len() as i64, total - MAX_PAGE_SIZE);
    assert_eq!(second["messages"][0]["reference"], format!("REF{:04}", total - MAX_PAGE_SIZE - 1));
    let small: Value = get("/api/v1/me/charity/gifts?limit=5".into()).await.unwrap().json().await.unwrap();
    assert_eq!(small.as_array().unwrap().len(), 5);
    for path in ["/api/v1/assistance/applications", "/api/v1/me/charity/pledges", "/api/v1/me/messages"] {
        let r = get(format!("{path}?limit=lots")).await.unwrap();
        expect_error(r, StatusCode::BAD_REQUEST, "bad_request").await;
        assert_eq!(get(format!("{path}?limit=100000")).await.unwrap().status(), StatusCode::OK, "{path}");
    }
    let _ = me;
}
both_engines!(oversize_pages_are_clamped, demo);

/// The assistance list is paged too: more applications than a page, an oversize page asked.
async fn assistance_list_is_paged(server: TestServer) {
    let client = server.client();
    server.sign_in(&client, "13800000722").await;
    let upload = upload_id(&server, &client).await;
    assert_eq!(submit(&server, &client, &form(&upload), "page-key-1").await.status(), StatusCode::OK);
    // Copies of the real application (new id and reference), more than a page in all.
    for i in 0..MAX_PAGE_SIZE + 5 {
        sqlx::query(
            "INSERT INTO assistance_applications (id, reference, user_id, programme, state, stage, form, submitted_at, updated_at) \
             SELECT $1, $2, user_id, programme, state, stage, form, submitted_at - $3, updated_at FROM assistance_applications \
             WHERE reference NOT LIKE 'SP%'",
        )
        .bind(format!("copy-{i:04}"))
        .bind(format!("SP{i:08}"))
        .bind(i + 1)
        .execute(&server.db.pool)
        .await
        .unwrap();
    }
    let list: Value = client
        .get(server.url("/api/v1/assistance/applications?limit=5000"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(list.as_array().unwrap().len() as i64, MAX_PAGE_SIZE);
    assert!(!list[0]["reference"].as_str().unwrap().starts_with("SP"), "newest (the real one) first");
}
both_engines!(assistance_list_is_paged);
