//! 消息: journeys write with `messages::notify`; a resident reads their own messages at
//! GET /api/v1/me/messages (newest first, with the unread count) and marks them read.

use crate::both_engines;
use crate::common::{expect_error, TestServer};
use baoan_contract::api::MessageEvent;
use baoan_contract::rules::date::Date;
use baoan_server::messages::{notify, Notice};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn notice(event: MessageEvent, reference: &str) -> Notice<'_> {
    Notice { event, reference, action_path: "/mine", deadline: None, detail: None }
}

async fn list(server: &TestServer, client: &reqwest::Client) -> Value {
    let r = client.get(server.url("/api/v1/me/messages")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

async fn mark_read(server: &TestServer, client: &reqwest::Client, id: &str) -> reqwest::Response {
    client.post(server.url(&format!("/api/v1/me/messages/{id}/read"))).send().await.unwrap()
}

fn references(list: &Value) -> Vec<&str> {
    list["messages"].as_array().unwrap().iter().map(|m| m["reference"].as_str().unwrap()).collect()
}

fn id_of<'a>(list: &'a Value, reference: &str) -> &'a str {
    list["messages"].as_array().unwrap().iter().find(|m| m["reference"] == reference).unwrap()["id"].as_str().unwrap()
}

async fn sign_in(server: &TestServer, phone: &str) -> (reqwest::Client, String) {
    let client = server.client();
    let me = server.sign_in(&client, phone).await;
    (client, me["user_id"].as_str().unwrap().to_string())
}

async fn notified_messages_are_listed_newest_first_and_marked_read(server: TestServer) {
    let (client, user) = sign_in(&server, "13800000001").await;
    assert_eq!(list(&server, &client).await, json!({ "messages": [], "unread": 0 }));

    // Written out of time order: the list is by time, not by insertion.
    let db = &server.db;
    notify(db, &user, notice(MessageEvent::AssistanceSubmitted, "A-1"), 1_000).await.unwrap();
    let full = Notice {
        event: MessageEvent::MarriageRescheduled,
        reference: "M-3",
        action_path: "/mine/marriage/M-3",
        deadline: Some(Date::new(2030, 7, 1).unwrap()),
        // Staff text is kept as given (the app shows it as text, never as HTML).
        detail: Some("请补充户口簿 <b>原件</b> & 复印件"),
    };
    notify(db, &user, full, 3_000).await.unwrap();
    notify(db, &user, notice(MessageEvent::MemorialProxyDone, "C-2"), 2_000).await.unwrap();

    let got = list(&server, &client).await;
    assert_eq!(references(&got), ["M-3", "C-2", "A-1"], "newest first: {got}");
    assert_eq!(got["unread"], 3);
    let newest = &got["messages"][0];
    assert!(newest["id"].as_str().is_some_and(|id| !id.is_empty()));
    let mut without_id = newest.clone();
    without_id.as_object_mut().unwrap().remove("id");
    assert_eq!(
        without_id,
        json!({
            "topic": "marriage",
            "event": "marriage.rescheduled",
            "reference": "M-3",
            "action_path": "/mine/marriage/M-3",
            "deadline": "2030-07-01",
            "detail": "请补充户口簿 <b>原件</b> & 复印件",
            "created_at": 3_000,
            "read": false,
        })
    );
    assert_eq!(got["messages"][1]["topic"], "memorial");
    assert!(got["messages"][1]["deadline"].is_null() && got["messages"][1]["detail"].is_null());

    // Mark the middle one read: only it changes, and the count drops.
    let middle = id_of(&got, "C-2").to_string();
    let r = mark_read(&server, &client, &middle).await;
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let after = list(&server, &client).await;
    assert_eq!(after["unread"], 2);
    let read: Vec<bool> = after["messages"].as_array().unwrap().iter().map(|m| m["read"].as_bool().unwrap()).collect();
    assert_eq!(read, [false, true, false], "{after}");
    assert_eq!(references(&after), ["M-3", "C-2", "A-1"], "reading does not reorder");

    // Marking it again is harmless (still 204, still read, the count unchanged).
    assert_eq!(mark_read(&server, &client, &middle).await.status(), StatusCode::NO_CONTENT);
    assert_eq!(list(&server, &client).await["unread"], 2);
    let (read_at,): (Option<i64>,) =
        sqlx::query_as("SELECT read_at FROM messages WHERE id = $1").bind(&middle).fetch_one(&db.pool).await.unwrap();
    assert!(read_at.is_some_and(|t| t >= server.clock.now() - 60), "read_at is the time it was read: {read_at:?}");

    // Read them all: nothing unread.
    for m in after["messages"].as_array().unwrap() {
        let r = mark_read(&server, &client, m["id"].as_str().unwrap()).await;
        assert_eq!(r.status(), StatusCode::NO_CONTENT);
    }
    let all_read = list(&server, &client).await;
    assert_eq!(all_read["unread"], 0);
    assert!(all_read["messages"].as_array().unwrap().iter().all(|m| m["read"] == true));

    // No such message: 404 in the error shape.
    expect_error(mark_read(&server, &client, "no-such-message").await, StatusCode::NOT_FOUND, "not_found").await;
}
both_engines!(notified_messages_are_listed_newest_first_and_marked_read);

async fn residents_never_see_or_mark_each_others_messages(server: TestServer) {
    let (a, user_a) = sign_in(&server, "13800000001").await;
    let (b, user_b) = sign_in(&server, "13900000002").await;
    notify(&server.db, &user_a, notice(MessageEvent::CharityGiftPaid, "A-ONLY"), 1_000).await.unwrap();
    notify(&server.db, &user_b, notice(MessageEvent::MemorialQingming, "B-ONLY"), 2_000).await.unwrap();

    let list_a = list(&server, &a).await;
    let list_b = list(&server, &b).await;
    assert_eq!(references(&list_a), ["A-ONLY"]);
    assert_eq!(references(&list_b), ["B-ONLY"]);
    assert_eq!((list_a["unread"].as_i64(), list_b["unread"].as_i64()), (Some(1), Some(1)));

    // B cannot mark A's message: "not found", exactly as for a message that does not exist.
    let a_message = id_of(&list_a, "A-ONLY").to_string();
    let body = expect_error(mark_read(&server, &b, &a_message).await, StatusCode::NOT_FOUND, "not_found").await;
    let unknown =
        expect_error(mark_read(&server, &b, "no-such-message").await, StatusCode::NOT_FOUND, "not_found").await;
    assert_eq!(body, unknown, "someone else's message is indistinguishable from none");
    let list_a = list(&server, &a).await;
    assert_eq!((list_a["unread"].as_i64(), list_a["messages"][0]["read"].as_bool()), (Some(1), Some(false)));

    // Still 404 once A has read it (the "already read" path checks the owner too).
    assert_eq!(mark_read(&server, &a, &a_message).await.status(), StatusCode::NO_CONTENT);
    expect_error(mark_read(&server, &b, &a_message).await, StatusCode::NOT_FOUND, "not_found").await;
    assert_eq!(list(&server, &b).await["unread"], 1, "B's own message is untouched");
}
both_engines!(residents_never_see_or_mark_each_others_messages);

async fn signed_out_is_401(server: TestServer) {
    let (_, user) = sign_in(&server, "13800000001").await;
    notify(&server.db, &user, notice(MessageEvent::AssistanceApproved, "A-1"), 1_000).await.unwrap();
    let (id,): (String,) = sqlx::query_as("SELECT id FROM messages").fetch_one(&server.db.pool).await.unwrap();

    let stranger = server.client();
    let r = stranger.get(server.url("/api/v1/me/messages")).send().await.unwrap();
    let body = expect_error(r, StatusCode::UNAUTHORIZED, "unauthorized").await;
    assert!(!body.to_string().contains("A-1"));
    expect_error(mark_read(&server, &stranger, &id).await, StatusCode::UNAUTHORIZED, "unauthorized").await;
    assert_eq!(server.count("SELECT COUNT(*) FROM messages WHERE read_at IS NULL").await, 1);
}
both_engines!(signed_out_is_401);
