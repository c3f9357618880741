//! Social assistance over real HTTP on SQLite and PostgreSQL: the standards, drafts, the whole
//! review lifecycle with 补正, withdraw, refuse, and idempotent submits.

mod assistance_common;
mod common;
mod staff_common;

use assistance_common::*;
use baoan_contract::assistance::Standards;
use common::{expect_error, TestServer};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn standards_and_communities_are_served(server: TestServer) {
    let r = reqwest::get(server.url("/api/v1/assistance/standards")).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let s: Standards = r.json().await.unwrap();
    // The demo sheet: the rules' example values, each figure with a source.
    assert_eq!(Standards { sources: Default::default(), ..s.clone() }, Standards::examples());
    assert_eq!(s.sources.len(), 18);
    assert_eq!(s.minimum_living_yuan, 1250);
    // Data, not code: a change in the table is what the app gets.
    sqlx::query("UPDATE assistance_standards SET value = 1300 WHERE key = 'minimum_living_yuan'")
        .execute(&server.db.pool)
        .await
        .unwrap();
    let s: Value = reqwest::get(server.url("/api/v1/assistance/standards")).await.unwrap().json().await.unwrap();
    assert_eq!(s["minimum_living_yuan"], 1300);
    let c: Vec<Value> = reqwest::get(server.url("/api/v1/assistance/communities")).await.unwrap().json().await.unwrap();
    let streets: Vec<Value> = reqwest::get(server.url("/api/v1/streets")).await.unwrap().json().await.unwrap();
    for street in &streets {
        assert!(c.iter().any(|x| x["street"] == street["code"]), "street {} has communities", street["code"]);
    }
}
both_engines!(standards_and_communities_are_served);

async fn a_draft_resumes_on_another_device(server: TestServer) {
    let phone = "13900000101";
    let laptop = server.client();
    server.sign_in(&laptop, phone).await;
    let r = laptop.get(server.url("/api/v1/assistance/draft")).send().await.unwrap();
    expect_error(r, StatusCode::NOT_FOUND, "not_found").await;
    let content = json!({ "applicant": { "name": "张三" } }).to_string();
    let r =
        laptop.put(server.url("/api/v1/assistance/draft")).json(&json!({ "content": content })).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let phone_client = server.client();
    server.sign_in(&phone_client, phone).await;
    let got: Value =
        phone_client.get(server.url("/api/v1/assistance/draft")).send().await.unwrap().json().await.unwrap();
    assert_eq!(got["content"], content);
    assert!(got["updated_at"].as_i64().unwrap() > 0);
    let r = laptop
        .put(server.url("/api/v1/assistance/draft"))
        .json(&json!({ "content": "not json" }))
        .send()
        .await
        .unwrap();
    expect_error(r, StatusCode::BAD_REQUEST, "bad_request").await;
    let big = json!({ "x": "字".repeat(20_000) }).to_string();
    let r = laptop.put(server.url("/api/v1/assistance/draft")).json(&json!({ "content": big })).send().await.unwrap();
    assert!(matches!(r.status(), StatusCode::PAYLOAD_TOO_LARGE), "{}", r.status());
    let r = laptop.delete(server.url("/api/v1/assistance/draft")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let r = phone_client.get(server.url("/api/v1/assistance/draft")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
}
both_engines!(a_draft_resumes_on_another_device);

async fn the_whole_review_with_documents_requested(server: TestServer) {
    let client = server.client();
    server.sign_in(&client, "13900000102").await;
    client.put(server.url("/api/v1/assistance/draft")).json(&json!({ "content": "{}" })).send().await.unwrap();
    let upload = upload_id(&server, &client).await;
    let r = submit(&server, &client, &form(&upload), "lifecycle-key-1").await;
    assert_eq!(r.status(), StatusCode::OK);
    let app: Value = r.json().await.unwrap();
    let reference = app["reference"].as_str().unwrap().to_string();
    assert!(reference.starts_with("SA") && reference.len() == 10, "{reference}");
    assert_eq!(app["state"], "in_review");
    assert_eq!(app["stage"], "community_acceptance");
    let today = server.clock.today();
    assert_eq!(app["timeline"][0]["current"], true);
    assert_eq!(app["timeline"][0]["due_by"], today.add_days(5).to_iso());
    assert_eq!(app["missing_documents"], json!(["emergency_proof", "bank_card"]), "容缺: may follow later");
    assert_eq!(app["form"]["applicant"]["id_number"], form(&upload)["applicant"]["id_number"], "full ID to its owner");
    let r = client.get(server.url("/api/v1/assistance/draft")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND, "the draft is gone once submitted");

    let a = staff_ok(&server, &reference, "advance", json!({})).await;
    assert_eq!(a["stage"], "home_visit");
    assert_eq!(a["timeline"][0]["done_on"], today.to_iso());
    // 补正: staff ask for proof of income; the review waits.
    let a = staff_ok(
        &server,
        &reference,
        "request-documents",
        json!({ "kinds": ["income_proof"], "note": "请补充工资流水" }),
    )
    .await;
    assert_eq!(a["state"], "awaiting_documents");
    assert_eq!(a["requested_documents"], json!(["income_proof"]));
    assert_eq!(a["requested_by"], today.add_days(10).to_iso());
    let r = staff(&server, &reference, "advance", json!({})).await;
    expect_error(r, StatusCode::CONFLICT, "conflict").await;
    let msgs = messages(&server, &client).await;
    let asked =
        msgs.iter().find(|m| m["event"] == "assistance.documents_requested").expect("a message asks for documents");
    assert_eq!(asked["deadline"], today.add_days(10).to_iso());
    assert_eq!(asked["detail"], "请补充工资流水");
    assert_eq!(asked["action_path"], format!("/assistance/applications/{reference}"));
    // The resident sends it: review resumes.
    let proof = upload_id(&server, &client).await;
    let r = client
        .post(server.url(&format!("/api/v1/assistance/applications/{reference}/documents")))
        .json(&json!({ "kind": "income_proof", "upload_id": proof }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let a: Value = r.json().await.unwrap();
    assert_eq!(a["state"], "in_review");
    assert_eq!(a["requested_documents"], json!([]));
    assert!(a["documents"].as_array().unwrap().iter().any(|d| d["kind"] == "income_proof"));

    for next in ["public_notice", "street_review", "district_approval"] {
        let a = staff_ok(&server, &reference, "advance", json!({})).await;
        assert_eq!(a["stage"], next);
    }
    let a: Value = get_app(&server, &client, &reference).await.json().await.unwrap();
    assert_eq!(a["timeline"][4]["current"], true);
    let r = staff(&server, &reference, "advance", json!({})).await;
    expect_error(r, StatusCode::CONFLICT, "conflict").await;
    let a = staff_ok(&server, &reference, "approve", json!({})).await;
    assert_eq!((a["state"].as_str(), a["stage"].as_str()), (Some("approved"), Some("payment")));
    let r =
        client.post(server.url(&format!("/api/v1/assistance/applications/{reference}/withdraw"))).send().await.unwrap();
    expect_error(r, StatusCode::CONFLICT, "conflict").await;
    let a = staff_ok(&server, &reference, "advance", json!({})).await;
    assert_eq!(a["state"], "paid");
    assert!(a["timeline"].as_array().unwrap().iter().all(|t| t["done_on"].is_string() && t["current"] == false));

    let list: Vec<Value> =
        client.get(server.url("/api/v1/assistance/applications")).send().await.unwrap().json().await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0]["reference"], reference.as_str());
    let events: Vec<String> =
        messages(&server, &client).await.iter().map(|m| m["event"].as_str().unwrap().to_string()).collect();
    for e in [
        "assistance.submitted",
        "assistance.stage.home_visit",
        "assistance.documents_requested",
        "assistance.documents_received",
        "assistance.stage.district_approval",
        "assistance.approved",
        "assistance.paid",
    ] {
        assert!(events.iter().any(|x| x == e), "message {e} in {events:?}");
    }
}
both_engines!(the_whole_review_with_documents_requested);

async fn withdraw_while_undecided_and_refusal_with_a_reason(server: TestServer) {
    let client = server.client();
    let app = submitted(&server, &client, "13900000103").await;
    let reference = app["reference"].as_str().unwrap();
    let url = server.url(&format!("/api/v1/assistance/applications/{reference}/withdraw"));
    let r = client.post(&url).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let a: Value = r.json().await.unwrap();
    assert_eq!(a["state"], "withdrawn");
    assert!(a["timeline"].as_array().unwrap().iter().all(|t| t["current"] == false));
    expect_error(client.post(&url).send().await.unwrap(), StatusCode::CONFLICT, "conflict").await;
    expect_error(staff(&server, reference, "advance", json!({})).await, StatusCode::CONFLICT, "conflict").await;

    let other = server.client();
    let app = submitted(&server, &other, "13900000104").await;
    let reference = app["reference"].as_str().unwrap();
    let r = staff(&server, reference, "refuse", json!({ "reason": "  " })).await;
    let body = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(body["fields"]["reason"], "staff.reason");
    let a = staff_ok(&server, reference, "refuse", json!({ "reason": "家庭收入高于低保边缘标准" })).await;
    assert_eq!(a["state"], "refused");
    assert_eq!(a["decision_reason"], "家庭收入高于低保边缘标准");
    let msgs = messages(&server, &other).await;
    assert!(msgs.iter().any(|m| m["event"] == "assistance.refused" && m["detail"] == "家庭收入高于低保边缘标准"));
    let r =
        other.post(server.url(&format!("/api/v1/assistance/applications/{reference}/withdraw"))).send().await.unwrap();
    expect_error(r, StatusCode::CONFLICT, "conflict").await;
}
both_engines!(withdraw_while_undecided_and_refusal_with_a_reason);

async fn a_retried_submit_creates_exactly_one_application(server: TestServer) {
    let client = server.client();
    server.sign_in(&client, "13900000105").await;
    let upload = upload_id(&server, &client).await;
    let body = form(&upload);
    let (a, b) =
        tokio::join!(submit(&server, &client, &body, "same-key-123"), submit(&server, &client, &body, "same-key-123"));
    let statuses = [a.status(), b.status()];
    assert!(statuses.contains(&StatusCode::OK), "{statuses:?}");
    assert!(statuses.iter().all(|s| *s == StatusCode::OK || *s == StatusCode::CONFLICT), "{statuses:?}");
    let again = submit(&server, &client, &body, "same-key-123").await;
    assert_eq!(again.status(), StatusCode::OK);
    let first: Value = again.json().await.unwrap();
    let third: Value = submit(&server, &client, &body, "same-key-123").await.json().await.unwrap();
    assert_eq!(first["reference"], third["reference"]);
    assert_eq!(server.count("SELECT COUNT(*) FROM assistance_applications").await, 1);
    // The same key for a different body is refused, not answered with the other application.
    let mut changed = body.clone();
    changed["applicant"]["address"] = json!("另一个地址");
    expect_error(submit(&server, &client, &changed, "same-key-123").await, StatusCode::CONFLICT, "conflict").await;
    let r = client.post(server.url("/api/v1/assistance/applications")).json(&body).send().await.unwrap();
    let e = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(e["fields"]["idempotency_key"], "required");
    assert_eq!(server.count("SELECT COUNT(*) FROM assistance_applications").await, 1);
    // A new key is a new application.
    assert_eq!(submit(&server, &client, &body, "another-key-456").await.status(), StatusCode::OK);
    assert_eq!(server.count("SELECT COUNT(*) FROM assistance_applications").await, 2);
}
both_engines!(a_retried_submit_creates_exactly_one_application);
