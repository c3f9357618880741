//! Memorials that cannot be turned against families (issue 10), each attack performed over real
//! HTTP on SQLite and PostgreSQL: full names on public pages, guessing burial certificate
//! numbers, invitation links that never die, family members who cannot be removed.

mod common;

use baoan_contract::rules::date::Date;
use baoan_contract::rules::resident_id::make_resident_id;
use common::{expect_error, TestServer};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn create(server: &TestServer, owner: &reqwest::Client, name: &str) -> String {
    let r = owner
        .post(server.url("/api/v1/memorial/memorials"))
        .json(&json!({ "deceased_name": name, "born_on": "1935-03-02", "died_on": "2019-03-30" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    r.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string()
}

async fn record(server: &TestServer, number: &str, name: &str) {
    sqlx::query("INSERT INTO memorial_burial_records (certificate_number, deceased_name, cemetery_id, buried_on) VALUES ($1, $2, 'baoshan', '2019-04-02')")
        .bind(number)
        .bind(name)
        .execute(&server.db.pool)
        .await
        .unwrap();
}

async fn publish(
    server: &TestServer,
    owner: &reqwest::Client,
    id: &str,
    number: &str,
    relation: &str,
) -> reqwest::Response {
    owner
        .put(server.url(&format!("/api/v1/memorial/memorials/{id}/public")))
        .json(&json!({ "certificate_number": number, "relation": relation }))
        .send()
        .await
        .unwrap()
}

/// Gives the signed-in resident a full name in their profile (with a resident ID, as required).
async fn set_name(server: &TestServer, client: &reqwest::Client, name: &str, seq: u16) {
    let id_number = make_resident_id("440306", Date::new(1980, 6, 1).unwrap(), seq, true);
    let body = json!({ "name": name, "id_type": "resident_id", "id_number": id_number });
    let r = client.put(server.url("/api/v1/me/profile")).json(&body).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK, "{}", r.text().await.unwrap());
}

async fn get(server: &TestServer, client: &reqwest::Client, path: &str) -> reqwest::Response {
    client.get(server.url(path)).send().await.unwrap()
}

/// 429 in the contract's shape, with the wait in the body and in `Retry-After`.
async fn assert_limited(r: reqwest::Response) -> i64 {
    let header: i64 = r.headers().get("retry-after").expect("Retry-After header").to_str().unwrap().parse().unwrap();
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    // (Read here, not with `expect_error`: the shared shape check predates `retry_after_seconds`.)
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["code"], "rate_limited", "{body}");
    let after = body["retry_after_seconds"].as_i64().expect("retry_after_seconds");
    assert!(after >= 1 && after == header, "body {after}, header {header}");
    after
}

async fn public_pages_never_show_an_authors_full_name(server: TestServer) {
    record(&server, "BA-2019-000321", "陈国华").await;
    let (owner, author) = (server.client(), server.client());
    server.sign_in(&owner, "13710000001").await;
    server.sign_in(&author, "13710000002").await;
    set_name(&server, &owner, "陈建国", 11).await;
    set_name(&server, &author, "王小明", 12).await;
    let id = create(&server, &owner, "陈国华").await;
    assert_eq!(publish(&server, &owner, &id, "BA-2019-000321", "child").await.status(), StatusCode::OK);
    // A resident with a full profile name leaves a message on the public memorial.
    let r = author
        .post(server.url(&format!("/api/v1/memorial/memorials/{id}/messages")))
        .json(&json!({ "text": "永远怀念" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    owner
        .post(server.url(&format!("/api/v1/memorial/memorials/{id}/messages")))
        .json(&json!({ "text": "爸爸，我们想您" }))
        .send()
        .await
        .unwrap();
    // Anonymous visitors, other residents and the owner: the page, the message pages.
    let stranger = server.client();
    server.sign_in(&stranger, "13710000003").await;
    for client in [&server.client(), &stranger, &owner] {
        for path in [
            format!("/api/v1/memorial/memorials/{id}"),
            format!("/api/v1/memorial/memorials/{id}/messages?page_size=50"),
        ] {
            let r = get(&server, client, &path).await;
            assert_eq!(r.status(), StatusCode::OK);
            let body = r.text().await.unwrap();
            assert!(!body.contains("王小明") && !body.contains("小明"), "full name leaked: {body}");
            assert!(!body.contains("陈建国"), "owner's full name leaked: {body}");
            assert!(body.contains("王**") && body.contains("陈**"), "masked names shown: {body}");
        }
    }
    // The relation was stored with the publication.
    let (relation,): (Option<String>,) = sqlx::query_as("SELECT publisher_relation FROM memorials WHERE id = $1")
        .bind(&id)
        .fetch_one(&server.db.pool)
        .await
        .unwrap();
    assert_eq!(relation.as_deref(), Some("child"));
}
both_engines!(public_pages_never_show_an_authors_full_name);

async fn guessing_certificate_numbers_stops_at_the_limit(server: TestServer) {
    record(&server, "BA-2019-000024", "陈国华").await;
    let owner = server.client();
    server.sign_in(&owner, "13710000011").await;
    let id = create(&server, &owner, "陈国华").await;
    // The relation is asked and checked on the server (not counted as a register check).
    let body = expect_error(
        publish(&server, &owner, &id, "BA-2019-000024", "").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation",
    )
    .await;
    assert_eq!(body["fields"]["relation"], "memorial.relation");
    let body = expect_error(
        publish(&server, &owner, &id, "BA-2019-000024", "neighbour").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation",
    )
    .await;
    assert_eq!(body["fields"]["relation"], "memorial.relation");
    // The attack: guess numbers in order. Five checks a day per memorial, then 429.
    let mut refused_at = None;
    for n in 1..=23 {
        let r = publish(&server, &owner, &id, &format!("BA-2019-{n:06}"), "child").await;
        if r.status() == StatusCode::TOO_MANY_REQUESTS {
            assert_limited(r).await;
            refused_at = Some(n);
            break;
        }
        let body = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
        assert_eq!(body["fields"]["certificate_number"], "memorial.certificate_unknown");
    }
    assert_eq!(refused_at, Some(6), "the sixth check of the day is refused");
    // The right number, now: still refused, and saying nothing about it.
    let after = assert_limited(publish(&server, &owner, &id, "BA-2019-000024", "child").await).await;
    assert!(after > 23 * 3600, "the window is a day: {after}");
    assert_eq!(server.count("SELECT COUNT(*) FROM memorials WHERE visibility = 'public'").await, 0);
    // Another memorial of the same resident: the per-resident limit (10 a day) stops it too.
    // (7 checks counted so far for this resident: 5 answered, 2 refused by the memorial's limit.)
    let other = create(&server, &owner, "林秀英").await;
    for n in 100..103 {
        assert_eq!(
            publish(&server, &owner, &other, &format!("BA-2019-{n:06}"), "child").await.status(),
            StatusCode::UNPROCESSABLE_ENTITY
        );
    }
    assert_limited(publish(&server, &owner, &other, "BA-2019-000103", "child").await).await;
    // When the window has passed, the right number works.
    server.clock.advance(after + 1);
    let r = publish(&server, &owner, &id, "BA-2019-000024", "spouse").await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.json::<Value>().await.unwrap()["visibility"], "public");
}
both_engines!(guessing_certificate_numbers_stops_at_the_limit);

async fn invite(server: &TestServer, owner: &reqwest::Client, id: &str) -> Value {
    let r = owner.post(server.url(&format!("/api/v1/memorial/memorials/{id}/invitations"))).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

async fn accept(server: &TestServer, client: &reqwest::Client, token: &str) -> StatusCode {
    client.post(server.url(&format!("/api/v1/memorial/invitations/{token}/accept"))).send().await.unwrap().status()
}

async fn signed_in(server: &TestServer, phone: &str) -> reqwest::Client {
    let c = server.client();
    server.sign_in(&c, phone).await;
    c
}

async fn invitations_expire_run_out_and_can_be_revoked(server: TestServer) {
    let owner = signed_in(&server, "13710000021").await;
    let id = create(&server, &owner, "陈国华").await;
    let memorial = format!("/api/v1/memorial/memorials/{id}");

    // Expired (by the server's clock): refused.
    let old = invite(&server, &owner, &id).await;
    assert_eq!(old["max_uses"], 5);
    server.clock.advance(7 * 86_400 + 1);
    server.sign_in(&owner, "13710000021").await; // a week on: the owner's session has ended too
    let late = signed_in(&server, "13710000022").await;
    assert_eq!(accept(&server, &late, old["token"].as_str().unwrap()).await, StatusCode::NOT_FOUND);
    expect_error(get(&server, &late, &memorial).await, StatusCode::NOT_FOUND, "not_found").await;

    // Used up: five people join, the sixth is refused; joining again does not use it up.
    let link = invite(&server, &owner, &id).await;
    let token = link["token"].as_str().unwrap();
    for i in 0..5 {
        let c = signed_in(&server, &format!("1371000003{i}")).await;
        assert_eq!(accept(&server, &c, token).await, StatusCode::OK);
        assert_eq!(accept(&server, &c, token).await, StatusCode::OK, "a member following the link again");
    }
    let sixth = signed_in(&server, "13710000039").await;
    assert_eq!(accept(&server, &sixth, token).await, StatusCode::NOT_FOUND);
    expect_error(get(&server, &sixth, &memorial).await, StatusCode::NOT_FOUND, "not_found").await;

    // Revoked: refused; only the owner can revoke or list.
    server.clock.advance(60); // a minute later (the list is newest first)
    let third = invite(&server, &owner, &id).await;
    let revoke = format!("/api/v1/memorial/memorials/{id}/invitations/{}", third["id"].as_str().unwrap());
    let member = signed_in(&server, "13710000030").await; // joined above
    assert_eq!(member.delete(server.url(&revoke)).send().await.unwrap().status(), StatusCode::NOT_FOUND);
    assert_eq!(get(&server, &member, &format!("{memorial}/invitations")).await.status(), StatusCode::NOT_FOUND);
    assert_eq!(owner.delete(server.url(&revoke)).send().await.unwrap().status(), StatusCode::NO_CONTENT);
    assert_eq!(accept(&server, &sixth, third["token"].as_str().unwrap()).await, StatusCode::NOT_FOUND);
    let list: Value = get(&server, &owner, &format!("{memorial}/invitations")).await.json().await.unwrap();
    let statuses: Vec<&str> = list["items"].as_array().unwrap().iter().map(|i| i["status"].as_str().unwrap()).collect();
    assert_eq!(statuses, ["revoked", "used_up", "expired"], "newest first");
    assert!(!list.to_string().contains(token), "the list never shows a token");
}
both_engines!(invitations_expire_run_out_and_can_be_revoked);

async fn a_removed_member_loses_access(server: TestServer) {
    let owner = signed_in(&server, "13710000041").await;
    let cousin = signed_in(&server, "13710000042").await;
    set_name(&server, &cousin, "李四海", 13).await;
    let id = create(&server, &owner, "陈国华").await;
    let memorial = format!("/api/v1/memorial/memorials/{id}");
    let link = invite(&server, &owner, &id).await;
    assert_eq!(accept(&server, &cousin, link["token"].as_str().unwrap()).await, StatusCode::OK);
    assert_eq!(get(&server, &cousin, &memorial).await.status(), StatusCode::OK);
    // The owner sees the member masked, and removes them; nobody else can.
    let members: Value = get(&server, &owner, &format!("{memorial}/members")).await.json().await.unwrap();
    assert_eq!(members["total"], 1);
    let m = &members["items"][0];
    assert_eq!((m["name"].as_str(), m["phone"].as_str()), (Some("李**"), Some("137****0042")));
    let remove = format!("{memorial}/members/{}", m["id"].as_str().unwrap());
    assert_eq!(cousin.delete(server.url(&remove)).send().await.unwrap().status(), StatusCode::NOT_FOUND);
    assert_eq!(owner.delete(server.url(&remove)).send().await.unwrap().status(), StatusCode::NO_CONTENT);
    // Removed: the memorial is "not found" to them, for reading and for writing.
    expect_error(get(&server, &cousin, &memorial).await, StatusCode::NOT_FOUND, "not_found").await;
    expect_error(get(&server, &cousin, &format!("{memorial}/photo")).await, StatusCode::NOT_FOUND, "not_found").await;
    let r = cousin
        .post(server.url(&format!("{memorial}/offerings")))
        .json(&json!({ "kind": "flower" }))
        .send()
        .await
        .unwrap();
    expect_error(r, StatusCode::NOT_FOUND, "not_found").await;
    let list: Value = get(&server, &cousin, "/api/v1/memorial/memorials").await.json().await.unwrap();
    assert_eq!(list["total"], 0);
    // The old link (still valid for others) does not bring them back.
    assert_eq!(accept(&server, &cousin, link["token"].as_str().unwrap()).await, StatusCode::NOT_FOUND);
    expect_error(get(&server, &cousin, &memorial).await, StatusCode::NOT_FOUND, "not_found").await;
    let members: Value = get(&server, &owner, &format!("{memorial}/members")).await.json().await.unwrap();
    assert_eq!(members["total"], 0);
}
both_engines!(a_removed_member_loses_access);
