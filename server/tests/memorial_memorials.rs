//! Online memorials over real HTTP on SQLite and PostgreSQL: private by default (404 to a
//! stranger, visible to invited family), public only with a real cemetery record, messages
//! stored and returned as plain text, hidden by the owner, rate-limited.

mod common;
mod memorial_common;
mod staff_common;

use common::{expect_error, TestServer};
use memorial_common::join_family;
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn create(server: &TestServer, owner: &reqwest::Client, name: &str) -> Value {
    let r = owner
        .post(server.url("/api/v1/memorial/memorials"))
        .json(&json!({ "deceased_name": name, "born_on": "1935-03-02", "died_on": "2019-03-30", "biography": "一生勤劳。" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

async fn get(server: &TestServer, client: &reqwest::Client, id: &str) -> reqwest::Response {
    client.get(server.url(&format!("/api/v1/memorial/memorials/{id}"))).send().await.unwrap()
}

async fn message(server: &TestServer, client: &reqwest::Client, id: &str, text: &str) -> reqwest::Response {
    client
        .post(server.url(&format!("/api/v1/memorial/memorials/{id}/messages")))
        .json(&json!({ "text": text }))
        .send()
        .await
        .unwrap()
}

async fn private_until_invited(server: TestServer) {
    let (owner, family, stranger) = (server.client(), server.client(), server.client());
    server.sign_in(&owner, "13700000001").await;
    server.sign_in(&family, "13700000002").await;
    server.sign_in(&stranger, "13700000003").await;
    let m = create(&server, &owner, "陈国华").await;
    assert_eq!(m["visibility"], "private");
    let id = m["id"].as_str().unwrap();
    expect_error(get(&server, &stranger, id).await, StatusCode::NOT_FOUND, "not_found").await;
    expect_error(get(&server, &server.client(), id).await, StatusCode::NOT_FOUND, "not_found").await;
    expect_error(message(&server, &stranger, id, "hi").await, StatusCode::NOT_FOUND, "not_found").await;
    // Only the owner can invite.
    let r = family.post(server.url(&format!("/api/v1/memorial/memorials/{id}/invitations"))).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let inv: Value = owner
        .post(server.url(&format!("/api/v1/memorial/memorials/{id}/invitations")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = inv["token"].as_str().unwrap();
    assert_eq!(inv["path"], format!("/memorial/join/{token}"));
    let r = family.post(server.url(&format!("/api/v1/memorial/invitations/{token}/accept"))).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.json::<Value>().await.unwrap()["role"], "family");
    let seen: Value = get(&server, &family, id).await.json().await.unwrap();
    assert_eq!(seen["role"], "family");
    assert_eq!(seen["deceased_name"], "陈国华");
    // Family lays flowers and lights a candle; counts only, no ranking.
    for kind in ["flower", "candle", "flower"] {
        let r = family
            .post(server.url(&format!("/api/v1/memorial/memorials/{id}/offerings")))
            .json(&json!({ "kind": kind }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::OK);
    }
    let seen: Value = get(&server, &owner, id).await.json().await.unwrap();
    assert_eq!((seen["flowers"].as_i64(), seen["candles"].as_i64()), (Some(2), Some(1)));
    // A made-up token does nothing; the stranger is still out.
    let r = stranger.post(server.url("/api/v1/memorial/invitations/not-a-token/accept")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    expect_error(get(&server, &stranger, id).await, StatusCode::NOT_FOUND, "not_found").await;
    let list: Value = family.get(server.url("/api/v1/memorial/memorials")).send().await.unwrap().json().await.unwrap();
    assert_eq!(list["memorials"][0]["id"], id);
}
both_engines!(private_until_invited);

async fn public_only_with_a_valid_cemetery_record(server: TestServer) {
    sqlx::query("INSERT INTO memorial_burial_records (certificate_number, deceased_name, cemetery_id, buried_on) VALUES ($1, $2, 'baoshan', '2019-04-02')")
        .bind("BA-2019-000123")
        .bind("陈国华")
        .execute(&server.db.pool)
        .await
        .unwrap();
    let (owner, stranger) = (server.client(), server.client());
    server.sign_in(&owner, "13700000011").await;
    server.sign_in(&stranger, "13700000012").await;
    let living = create(&server, &owner, "王小明").await;
    let real = create(&server, &owner, "陈国华").await;
    let publish = |id: &str, number: &str| {
        owner
            .put(server.url(&format!("/api/v1/memorial/memorials/{id}/public")))
            .json(&json!({ "certificate_number": number, "relation": "child" }))
            .send()
    };
    let (lid, rid) = (living["id"].as_str().unwrap(), real["id"].as_str().unwrap());
    let body =
        expect_error(publish(lid, "BA-2019-000123").await.unwrap(), StatusCode::UNPROCESSABLE_ENTITY, "validation")
            .await;
    assert_eq!(
        body["fields"]["certificate_number"], "memorial.certificate_unknown",
        "the number belongs to another name"
    );
    let body = expect_error(publish(lid, "12345").await.unwrap(), StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(body["fields"]["certificate_number"], "memorial.certificate_format");
    let body =
        expect_error(publish(rid, "BA-2019-999999").await.unwrap(), StatusCode::UNPROCESSABLE_ENTITY, "validation")
            .await;
    assert_eq!(body["fields"]["certificate_number"], "memorial.certificate_unknown");
    expect_error(get(&server, &stranger, lid).await, StatusCode::NOT_FOUND, "not_found").await;
    // Someone else cannot publish it.
    let r = stranger
        .put(server.url(&format!("/api/v1/memorial/memorials/{rid}/public")))
        .json(&json!({ "certificate_number": "BA-2019-000123", "relation": "child" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let r = publish(rid, "ba-2019-000123").await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.json::<Value>().await.unwrap()["visibility"], "public");
    let seen: Value = get(&server, &server.client(), rid).await.json().await.unwrap();
    assert_eq!(seen["role"], "visitor");
    // Anyone may report it.
    let r = stranger
        .post(server.url(&format!("/api/v1/memorial/memorials/{rid}/reports")))
        .json(&json!({ "reason": "不实信息" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    assert_eq!(server.count("SELECT COUNT(*) FROM memorial_reports").await, 1);
}
both_engines!(public_only_with_a_valid_cemetery_record);

async fn messages_are_text_hidden_by_the_owner_and_rate_limited(server: TestServer) {
    let (owner, family) = (server.client(), server.client());
    server.sign_in(&owner, "13700000021").await;
    server.sign_in(&family, "13700000022").await;
    let id = create(&server, &owner, "林秀英").await["id"].as_str().unwrap().to_string();
    join_family(&server, &owner, &family, &id).await;
    let script = "<script>alert('x')</script> 想念您";
    let r = message(&server, &family, &id, script).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.headers()["content-type"].to_str().unwrap().starts_with("application/json"));
    let m: Value = r.json().await.unwrap();
    assert_eq!(m["messages"][0]["text"], script, "stored and returned exactly, as text");
    let (stored,): (String,) =
        sqlx::query_as("SELECT text FROM memorial_messages").fetch_one(&server.db.pool).await.unwrap();
    assert_eq!(stored, script);
    let body = expect_error(
        message(&server, &family, &id, &"念".repeat(201)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation",
    )
    .await;
    assert_eq!(body["fields"]["text"], "memorial.text_too_long");
    // The owner hides it: family no longer sees it; the owner sees it marked hidden.
    let mid = m["messages"][0]["id"].as_str().unwrap();
    let r =
        family.post(server.url(&format!("/api/v1/memorial/memorials/{id}/messages/{mid}/hide"))).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND, "only the owner hides");
    let r =
        owner.post(server.url(&format!("/api/v1/memorial/memorials/{id}/messages/{mid}/hide"))).send().await.unwrap();
    assert_eq!(r.json::<Value>().await.unwrap()["messages"][0]["hidden"], true);
    let seen: Value = get(&server, &family, &id).await.json().await.unwrap();
    assert!(seen["messages"].as_array().unwrap().is_empty());
    // Rate limit: 5 messages per 10 minutes per resident (the first one counts).
    for i in 0..4 {
        assert_eq!(message(&server, &family, &id, &format!("第{i}条")).await.status(), StatusCode::OK);
    }
    expect_error(message(&server, &family, &id, "再一条").await, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    server.clock.advance(601);
    assert_eq!(message(&server, &family, &id, "十分钟后").await.status(), StatusCode::OK);
    // The owner deletes one for good.
    let seen: Value = get(&server, &owner, &id).await.json().await.unwrap();
    let last = seen["messages"].as_array().unwrap().last().unwrap()["id"].as_str().unwrap().to_string();
    let r = owner.delete(server.url(&format!("/api/v1/memorial/memorials/{id}/messages/{last}"))).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    assert_eq!(server.count("SELECT COUNT(*) FROM memorial_messages").await, 5);
}
both_engines!(messages_are_text_hidden_by_the_owner_and_rate_limited);

async fn upload(server: &TestServer, client: &reqwest::Client, bytes: Vec<u8>) -> String {
    let r = client
        .post(server.url("/api/v1/uploads"))
        .header("content-type", "application/octet-stream")
        .body(bytes)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    r.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string()
}

const JPEG: &[u8] = &[0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F', 0];
const PNG: &[u8] = &[0x89, b'P', b'N', b'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D];

async fn the_photo_follows_the_memorials_privacy(server: TestServer) {
    let (owner, family, stranger) = (server.client(), server.client(), server.client());
    server.sign_in(&owner, "13700000031").await;
    server.sign_in(&family, "13700000032").await;
    server.sign_in(&stranger, "13700000033").await;
    let jpeg = upload(&server, &owner, JPEG.to_vec()).await;
    let r = owner
        .post(server.url("/api/v1/memorial/memorials"))
        .json(&json!({ "deceased_name": "陈国华", "born_on": "1935-03-02", "died_on": "2019-03-30", "photo": jpeg }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let m: Value = r.json().await.unwrap();
    assert_eq!(m["photo"], jpeg.as_str());
    let id = m["id"].as_str().unwrap();
    let photo = |c: &reqwest::Client| c.get(server.url(&format!("/api/v1/memorial/memorials/{id}/photo"))).send();
    let r = photo(&owner).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.headers()["content-type"], "image/jpeg");
    assert_eq!(r.bytes().await.unwrap().as_ref(), JPEG);
    // A private memorial's photo is 404 to a stranger and to nobody signed in.
    expect_error(photo(&stranger).await.unwrap(), StatusCode::NOT_FOUND, "not_found").await;
    expect_error(photo(&server.client()).await.unwrap(), StatusCode::NOT_FOUND, "not_found").await;
    join_family(&server, &owner, &family, id).await;
    assert_eq!(photo(&family).await.unwrap().status(), StatusCode::OK);

    // Replace: only the owner, only with their own JPEG or PNG.
    let set = |c: &reqwest::Client, body: Value| {
        c.put(server.url(&format!("/api/v1/memorial/memorials/{id}/photo"))).json(&body).send()
    };
    let theirs = upload(&server, &stranger, PNG.to_vec()).await;
    assert_eq!(set(&stranger, json!({ "photo": theirs })).await.unwrap().status(), StatusCode::NOT_FOUND);
    assert_eq!(set(&family, json!({ "photo": null })).await.unwrap().status(), StatusCode::NOT_FOUND);
    let body = expect_error(
        set(&owner, json!({ "photo": theirs })).await.unwrap(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation",
    )
    .await;
    assert_eq!(body["fields"]["photo"], "upload.type", "someone else's upload");
    let pdf = upload(&server, &owner, b"%PDF-1.4\n%\xe2\xe3\n".to_vec()).await;
    let body = expect_error(
        set(&owner, json!({ "photo": pdf })).await.unwrap(),
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation",
    )
    .await;
    assert_eq!(body["fields"]["photo"], "upload.type", "a PDF is not a photo");
    let png = upload(&server, &owner, PNG.to_vec()).await;
    let r = set(&owner, json!({ "photo": png })).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.json::<Value>().await.unwrap()["photo"], png.as_str());
    assert_eq!(photo(&family).await.unwrap().headers()["content-type"], "image/png");
    // Remove.
    let r = set(&owner, json!({ "photo": null })).await.unwrap();
    assert_eq!(r.json::<Value>().await.unwrap()["photo"], Value::Null);
    expect_error(photo(&owner).await.unwrap(), StatusCode::NOT_FOUND, "not_found").await;
}
both_engines!(the_photo_follows_the_memorials_privacy);
