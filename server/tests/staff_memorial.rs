//! Staff's work in the memorial journey over real HTTP on SQLite and PostgreSQL, each under their
//! own account: gate staff tend the graves families asked for at their own cemetery (photos, then
//! done) and nowhere else; moderators handle reported messages, with a reason to hide one; every
//! action is in the audit trail; the bootstrap token and residents open none of these doors.

mod common;
mod memorial_common;
mod staff_common;

use common::{expect_error, TestServer};
use memorial_common::join_family;
use reqwest::StatusCode;
use serde_json::{json, Value};
use staff_common::*;

const JPEG: [u8; 11] = [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10, b'J', b'F', b'I', b'F', 0];

async fn signed_in(server: &TestServer, phone: &str) -> reqwest::Client {
    let c = server.client();
    server.sign_in(&c, phone).await;
    c
}

/// A second cemetery offering proxy sweeping, for gate staff at the wrong gate.
async fn other_cemetery(server: &TestServer) {
    sqlx::query(
        "INSERT INTO memorial_cemeteries (id, name, address, map_url, max_group, sort, proxy_service) \
         VALUES ('other', '演示园', '示例地址', '', 6, 9, 1)",
    )
    .execute(&server.db.pool)
    .await
    .unwrap();
}

async fn ask(server: &TestServer, family: &reqwest::Client, cemetery: &str, name: &str) -> Value {
    let date = server.clock.today().add_days(3).to_iso();
    let body = json!({ "cemetery_id": cemetery, "date": date, "services": ["clean", "photo"], "deceased_name": name,
                       "grave": { "area": "B", "row": "2", "number": "7" } });
    let r = family.post(server.url("/api/v1/memorial/proxy")).json(&body).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

async fn audit_of(server: &TestServer, admin: &reqwest::Client, subject: &str) -> Vec<Value> {
    let r = admin.get(server.url(&format!("/api/v1/staff/audit?subject_id={subject}"))).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

async fn gate_staff_tend_graves_at_their_own_cemetery_only(server: TestServer) {
    other_cemetery(&server).await;
    let (family, stranger) = (signed_in(&server, "13600000001").await, signed_in(&server, "13600000003").await);
    let here = ask(&server, &family, "baoshan", "陈国华").await;
    let there = ask(&server, &family, "other", "林秀英").await;
    let (id, reference) = (here["id"].as_str().unwrap(), here["reference"].as_str().unwrap());
    let admin = admin(&server).await;
    let gate = member(&server, &admin, "gate.baoshan", "gate_staff", Some("baoshan")).await;
    let other_gate = member(&server, &admin, "gate.other", "gate_staff", Some("other")).await;
    let moderator = member(&server, &admin, "mod", "moderator", None).await;
    let list = |client: &reqwest::Client| client.get(server.url("/api/v1/staff/memorial/proxy")).send();
    let photo = |client: &reqwest::Client, id: &str| {
        client.post(server.url(&format!("/api/v1/staff/memorial/proxy/{id}/photos"))).body(JPEG.to_vec()).send()
    };
    let done = |client: &reqwest::Client, id: &str| {
        client.post(server.url(&format!("/api/v1/staff/memorial/proxy/{id}/done"))).send()
    };

    // Nobody but gate staff: not a resident, not the bootstrap token, not a moderator.
    assert_eq!(list(&family).await.unwrap().status(), StatusCode::UNAUTHORIZED);
    let token = server.plain_client().get(server.url("/api/v1/staff/memorial/proxy")).bearer_auth(BOOTSTRAP_TOKEN);
    assert_eq!(token.send().await.unwrap().status(), StatusCode::UNAUTHORIZED);
    assert_eq!(list(&moderator).await.unwrap().status(), StatusCode::FORBIDDEN);
    assert_eq!(list(&admin).await.unwrap().status(), StatusCode::FORBIDDEN);
    assert_eq!(done(&moderator, id).await.unwrap().status(), StatusCode::FORBIDDEN);

    // Each gate sees its own cemetery's requests only, and cannot touch the other's (404).
    let mine: Value = list(&gate).await.unwrap().json().await.unwrap();
    assert_eq!((mine["total"].as_i64(), mine["requests"][0]["id"].as_str()), (Some(1), Some(id)));
    let theirs: Value = list(&other_gate).await.unwrap().json().await.unwrap();
    assert_eq!(theirs["requests"][0]["id"], there["id"]);
    expect_error(photo(&other_gate, id).await.unwrap(), StatusCode::NOT_FOUND, "not_found").await;
    expect_error(done(&other_gate, id).await.unwrap(), StatusCode::NOT_FOUND, "not_found").await;
    expect_error(done(&gate, there["id"].as_str().unwrap()).await.unwrap(), StatusCode::NOT_FOUND, "not_found").await;

    // A PDF is not a photo; a JPEG is, up to the most a request holds.
    let pdf = gate.post(server.url(&format!("/api/v1/staff/memorial/proxy/{id}/photos"))).body(b"%PDF-1.4\n".to_vec());
    let body = expect_error(pdf.send().await.unwrap(), StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(body["fields"]["file"], "upload.type");
    let r = photo(&gate, id).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let photo_id = r.json::<Value>().await.unwrap()["photos"][0].as_str().unwrap().to_string();
    for _ in 1..baoan_contract::memorial::MAX_PROXY_PHOTOS {
        assert_eq!(photo(&gate, id).await.unwrap().status(), StatusCode::OK);
    }
    expect_error(photo(&gate, id).await.unwrap(), StatusCode::CONFLICT, "conflict").await;

    // Done: once. The family sees it with the photos and a message; nobody else reads a photo.
    let r = done(&gate, id).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.json::<Value>().await.unwrap()["status"], "done");
    expect_error(done(&gate, id).await.unwrap(), StatusCode::CONFLICT, "conflict").await;
    expect_error(photo(&gate, id).await.unwrap(), StatusCode::CONFLICT, "conflict").await;
    let seen: Value = family.get(server.url("/api/v1/memorial/proxy")).send().await.unwrap().json().await.unwrap();
    let seen = seen["requests"].as_array().unwrap().iter().find(|r| r["id"] == id).unwrap().clone();
    assert_eq!(seen["photos"].as_array().unwrap().len(), baoan_contract::memorial::MAX_PROXY_PHOTOS);
    let url = server.url(&format!("/api/v1/memorial/proxy/{id}/photos/{photo_id}"));
    let r = family.get(&url).send().await.unwrap();
    assert_eq!((r.status(), r.headers()["content-type"].to_str().unwrap()), (StatusCode::OK, "image/jpeg"));
    assert_eq!(stranger.get(&url).send().await.unwrap().status(), StatusCode::NOT_FOUND);
    let messages: Value = family.get(server.url("/api/v1/me/messages")).send().await.unwrap().json().await.unwrap();
    assert_eq!(messages["messages"][0]["event"], "memorial.proxy_done");
    // The family's view names no staff member.
    assert!(!seen.to_string().contains("gate.baoshan") && !seen.to_string().contains("名字"));

    // The trail: six photos and the done, by gate.baoshan at baoshan, with before and after.
    let entries = audit_of(&server, &admin, reference).await;
    assert_eq!(entries.len(), 1 + baoan_contract::memorial::MAX_PROXY_PHOTOS, "{entries:?}");
    assert!(entries
        .iter()
        .all(|e| e["actor"] == "gate.baoshan" && e["role"] == "gate_staff" && e["place"] == "baoshan"));
    let finished = entries.iter().find(|e| e["action"] == "memorial.proxy.done").unwrap();
    assert_eq!(
        (finished["before"].as_str(), finished["after"].as_str()),
        (Some(r#"{"status":"requested"}"#), Some(r#"{"status":"done"}"#))
    );
    assert!(entries.iter().any(|e| e["action"] == "memorial.proxy.photo" && e["after"] == r#"{"photos":1}"#));
}
both_engines!(gate_staff_tend_graves_at_their_own_cemetery_only);

async fn a_cancel_and_staff_done_at_the_same_moment_exactly_one_wins(server: TestServer) {
    let family = signed_in(&server, "13720000041").await;
    let admin = admin(&server).await;
    let gate = member(&server, &admin, "gate.baoshan", "gate_staff", Some("baoshan")).await;
    let (mut cancels, mut dones) = (0, 0);
    for _ in 0..8 {
        let id = ask(&server, &family, "baoshan", "陈国华").await["id"].as_str().unwrap().to_string();
        let cancel = family.post(server.url(&format!("/api/v1/memorial/proxy/{id}/cancel"))).send();
        let done = gate.post(server.url(&format!("/api/v1/staff/memorial/proxy/{id}/done"))).send();
        let (c, d) = tokio::join!(cancel, done);
        let (c, d) = (c.unwrap().status(), d.unwrap().status());
        let (status,): (String,) = sqlx::query_as("SELECT status FROM memorial_proxy_requests WHERE id = $1")
            .bind(&id)
            .fetch_one(&server.db.pool)
            .await
            .unwrap();
        match (c, d) {
            (StatusCode::OK, StatusCode::CONFLICT) => {
                assert_eq!(status, "cancelled");
                cancels += 1;
            }
            (StatusCode::CONFLICT, StatusCode::OK) => {
                assert_eq!(status, "done");
                dones += 1;
            }
            other => panic!("exactly one must win, got {other:?} with status {status}"),
        }
    }
    assert_eq!(cancels + dones, 8);
    // Sequentially, too: a cancelled request cannot be done, nor given photos.
    let id = ask(&server, &family, "baoshan", "陈国华").await["id"].as_str().unwrap().to_string();
    let r = family.post(server.url(&format!("/api/v1/memorial/proxy/{id}/cancel"))).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let r = gate.post(server.url(&format!("/api/v1/staff/memorial/proxy/{id}/done"))).send().await.unwrap();
    expect_error(r, StatusCode::CONFLICT, "conflict").await;
    let r = gate.post(server.url(&format!("/api/v1/staff/memorial/proxy/{id}/photos"))).body(JPEG.to_vec());
    expect_error(r.send().await.unwrap(), StatusCode::CONFLICT, "conflict").await;
}
both_engines!(a_cancel_and_staff_done_at_the_same_moment_exactly_one_wins);

async fn moderators_handle_reports_with_a_reason_to_hide(server: TestServer) {
    let owner = signed_in(&server, "13720000031").await;
    let troll = signed_in(&server, "13720000032").await;
    let create = |name: &str| {
        let body = json!({ "deceased_name": name, "born_on": "1935-03-02", "died_on": "2019-03-30" });
        owner.post(server.url("/api/v1/memorial/memorials")).json(&body).send()
    };
    let id = create("陈国华").await.unwrap().json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
    join_family(&server, &owner, &troll, &id).await;
    let m: Value = troll
        .post(server.url(&format!("/api/v1/memorial/memorials/{id}/messages")))
        .json(&json!({ "text": "广告：加微信" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let message_id = m["messages"][0]["id"].as_str().unwrap().to_string();
    let report =
        |body: Value| owner.post(server.url(&format!("/api/v1/memorial/memorials/{id}/reports"))).json(&body).send();
    assert_eq!(
        report(json!({ "message_id": message_id, "reason": "广告" })).await.unwrap().status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(report(json!({ "reason": "不实信息" })).await.unwrap().status(), StatusCode::NO_CONTENT);

    let admin = admin(&server).await;
    let moderator = member(&server, &admin, "mod", "moderator", None).await;
    let gate = member(&server, &admin, "gate.baoshan", "gate_staff", Some("baoshan")).await;
    let queue = server.url("/api/v1/staff/memorial/reports");
    // Not a resident, not the bootstrap token, not another role.
    assert_eq!(owner.get(&queue).send().await.unwrap().status(), StatusCode::UNAUTHORIZED);
    let token = server.plain_client().get(&queue).bearer_auth(BOOTSTRAP_TOKEN);
    assert_eq!(token.send().await.unwrap().status(), StatusCode::UNAUTHORIZED);
    assert_eq!(gate.get(&queue).send().await.unwrap().status(), StatusCode::FORBIDDEN);
    assert_eq!(admin.get(&queue).send().await.unwrap().status(), StatusCode::FORBIDDEN);

    let list: Value = moderator.get(&queue).send().await.unwrap().json().await.unwrap();
    assert_eq!(list["total"], 2);
    let items = list["items"].as_array().unwrap();
    let on_message = items.iter().find(|r| !r["message_id"].is_null()).unwrap();
    let on_memorial = items.iter().find(|r| r["message_id"].is_null()).unwrap();
    assert_eq!(
        (on_message["message_text"].as_str(), on_message["deceased_name"].as_str()),
        (Some("广告：加微信"), Some("陈国华"))
    );
    let (rid, mid) = (on_message["id"].as_str().unwrap(), on_memorial["id"].as_str().unwrap());
    let handle = |who: &reqwest::Client, report: &str, body: Value| {
        who.post(server.url(&format!("/api/v1/staff/memorial/reports/{report}"))).json(&body).send()
    };
    let r = handle(&gate, rid, json!({ "action": "hide_message", "reason": "广告" })).await.unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    // Hiding needs a reason.
    let r = handle(&moderator, rid, json!({ "action": "hide_message" })).await.unwrap();
    let body = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(body["fields"]["reason"], "staff.reason");
    let r = handle(&moderator, rid, json!({ "action": "hide_message", "reason": "商业广告" })).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.json::<Value>().await.unwrap()["status"], "hidden");
    let seen: Value =
        troll.get(server.url(&format!("/api/v1/memorial/memorials/{id}"))).send().await.unwrap().json().await.unwrap();
    assert!(seen["messages"].as_array().unwrap().is_empty());
    let r = handle(&moderator, rid, json!({ "action": "dismiss" })).await.unwrap();
    expect_error(r, StatusCode::CONFLICT, "conflict").await;
    // A report about the memorial itself has no message to hide: dismiss it (no reason needed).
    let r = handle(&moderator, mid, json!({ "action": "hide_message", "reason": "x" })).await.unwrap();
    let body = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(body["fields"]["action"], "memorial.report_action");
    assert_eq!(handle(&moderator, mid, json!({ "action": "dismiss" })).await.unwrap().status(), StatusCode::OK);
    let list: Value = moderator.get(&queue).send().await.unwrap().json().await.unwrap();
    assert_eq!(list["total"], 0, "the queue holds open reports only");

    // The trail: who, as which role, the reason, before and after.
    let entries = audit_of(&server, &admin, rid).await;
    assert_eq!(entries.len(), 1, "{entries:?}");
    let e = &entries[0];
    assert_eq!(
        (e["actor"].as_str(), e["role"].as_str(), e["reason"].as_str()),
        (Some("mod"), Some("moderator"), Some("商业广告"))
    );
    assert_eq!(
        (e["before"].as_str(), e["after"].as_str()),
        (Some(r#"{"status":"open"}"#), Some(r#"{"status":"hidden"}"#))
    );
    assert_eq!(audit_of(&server, &admin, mid).await[0]["after"], r#"{"status":"dismissed"}"#);
}
both_engines!(moderators_handle_reports_with_a_reason_to_hide);
