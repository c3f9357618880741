//! Social assistance: who may see and change what, and what bad input gets back — over real
//! HTTP on SQLite and PostgreSQL.

mod assistance_common;
mod common;
mod staff_common;

use assistance_common::*;
use common::{expect_error, TestServer};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn another_resident_gets_404_on_every_endpoint(server: TestServer) {
    let owner = server.client();
    let app = submitted(&server, &owner, "13900000201").await;
    let reference = app["reference"].as_str().unwrap().to_string();
    owner
        .put(server.url("/api/v1/assistance/draft"))
        .json(&json!({ "content": "{\"secret\":1}" }))
        .send()
        .await
        .unwrap();

    let intruder = server.client();
    server.sign_in(&intruder, "13900000202").await;
    let own_upload = upload_id(&server, &intruder).await;
    let base = format!("/api/v1/assistance/applications/{reference}");
    let attempts = [
        intruder.get(server.url(&base)).send().await.unwrap(),
        intruder
            .post(server.url(&format!("{base}/documents")))
            .json(&json!({ "kind": "other", "upload_id": own_upload }))
            .send()
            .await
            .unwrap(),
        intruder.post(server.url(&format!("{base}/withdraw"))).send().await.unwrap(),
        intruder.get(server.url("/api/v1/assistance/draft")).send().await.unwrap(),
    ];
    for r in attempts {
        expect_error(r, StatusCode::NOT_FOUND, "not_found").await;
    }
    // Not found looks exactly like a reference that never existed.
    expect_error(
        intruder.get(server.url("/api/v1/assistance/applications/SA00000000")).send().await.unwrap(),
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let list: Vec<Value> =
        intruder.get(server.url("/api/v1/assistance/applications")).send().await.unwrap().json().await.unwrap();
    assert!(list.is_empty());
    // Nor can the owner's uploads be attached by someone else.
    let owners_upload = app["documents"][0]["upload_id"].as_str().unwrap();
    let r = submit(&server, &intruder, &form(owners_upload), "intruder-key-1").await;
    let e = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(e["fields"]["documents.id_cards"], "assistance.unknown_upload");
    // Nothing changed for the owner.
    let a: Value = get_app(&server, &owner, &reference).await.json().await.unwrap();
    assert_eq!(a["state"], "in_review");
    assert_eq!(a["documents"].as_array().unwrap().len(), 1);

    let anonymous = server.client();
    for r in [
        anonymous.get(server.url(&base)).send().await.unwrap(),
        anonymous.get(server.url("/api/v1/assistance/applications")).send().await.unwrap(),
        anonymous.put(server.url("/api/v1/assistance/draft")).json(&json!({ "content": "{}" })).send().await.unwrap(),
    ] {
        expect_error(r, StatusCode::UNAUTHORIZED, "unauthorized").await;
    }
    // Reviews need a staff session: not the bootstrap token, and the token endpoints are gone.
    let review = server.url(&format!("/api/v1/staff/assistance/applications/{reference}/review"));
    for token in [None, Some(staff_common::BOOTSTRAP_TOKEN), Some("wrong-token")] {
        let mut r = server.plain_client().post(&review).json(&json!({ "action": "advance" }));
        if let Some(token) = token {
            r = r.bearer_auth(token);
        }
        expect_error(r.send().await.unwrap(), StatusCode::UNAUTHORIZED, "unauthorized").await;
    }
    for action in ["advance", "request-documents", "approve", "refuse"] {
        let old = server.url(&format!("/api/v1/admin/assistance/applications/{reference}/{action}"));
        let r = server.plain_client().post(old).bearer_auth(staff_common::BOOTSTRAP_TOKEN).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::NOT_FOUND, "{action}: the token's review endpoints are gone");
    }
    expect_error(staff(&server, "SA00000000", "advance", json!({})).await, StatusCode::NOT_FOUND, "not_found").await;
}
both_engines!(another_resident_gets_404_on_every_endpoint);

async fn bad_input_names_each_field(server: TestServer) {
    let client = server.client();
    server.sign_in(&client, "13900000203").await;
    let upload = upload_id(&server, &client).await;
    let mut body = form(&upload);
    body["applicant"]["name"] = json!("");
    body["applicant"]["id_number"] = json!("44030619800501001");
    body["applicant"]["phone"] = json!("1234");
    body["applicant"]["community"] = json!("shajing-shajing");
    body["members"][0]["id_number"] = json!("abc");
    body["members"][1]["relation"] = Value::Null;
    body["members"][1]["monthly_income_yuan"] = json!(-5);
    body["members"][1]["disability_level"] = json!(7);
    body["income"]["savings_yuan"] = json!(-1);
    body["event"]["date"] = json!("2999-01-01");
    body["event"]["place"] = json!("");
    body["bank"]["account_number"] = json!("12ab");
    body["documents"] = json!([]);
    body["consents"] = json!([{ "person": "applicant", "signed_name": "李四" }]);
    let r = submit(&server, &client, &body, "bad-input-key").await;
    let e = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    let expected = [
        ("applicant.name", "required"),
        ("applicant.id_number", "id.length"),
        ("applicant.phone", "phone.format"),
        ("applicant.community", "assistance.unknown_community"),
        ("members.0.id_number", "id.length"),
        ("members.1.relation", "required"),
        ("members.1.monthly_income_yuan", "assistance.amount"),
        ("members.1.disability_level", "assistance.disability_level"),
        ("income.savings_yuan", "assistance.amount"),
        ("event.date", "assistance.date_in_future"),
        ("event.place", "required"),
        ("bank.account_number", "assistance.bank_account"),
        ("documents.id_cards", "assistance.document_missing"),
        ("consents.applicant", "assistance.consent_name"),
    ];
    for (field, code) in expected {
        assert_eq!(e["fields"][field], code, "{field} in {e}");
    }
    // An unreadable body gets the same error shape.
    let r = client
        .post(server.url("/api/v1/assistance/applications"))
        .header("Idempotency-Key", "bad-input-key-2")
        .json(&json!({ "programme": "no_such_programme" }))
        .send()
        .await
        .unwrap();
    assert!(r.status().is_client_error());
    assert_eq!(server.count("SELECT COUNT(*) FROM assistance_applications").await, 0);
    // Staff asking for nothing, and a document for an unknown upload.
    let app = submitted(&server, &server.client(), "13900000204").await;
    let reference = app["reference"].as_str().unwrap();
    let e = expect_error(
        staff(&server, reference, "request-documents", json!({ "kinds": [] })).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation",
    )
    .await;
    assert_eq!(e["fields"]["kinds"], "required");
}
both_engines!(bad_input_names_each_field);

async fn disguised_and_oversized_files_are_refused(server: TestServer) {
    let client = server.client();
    server.sign_in(&client, "13900000205").await;
    let mut exe = b"MZ\x90\x00\x03\x00\x00\x00".to_vec();
    exe.extend(std::iter::repeat_n(0u8, 1000));
    let e =
        expect_error(upload(&server, &client, exe, "photo.jpg").await, StatusCode::UNPROCESSABLE_ENTITY, "validation")
            .await;
    assert_eq!(e["fields"]["file"], "upload.type");
    let html = b"<html><script>alert(1)</script></html>".to_vec();
    expect_error(upload(&server, &client, html, "scan.pdf").await, StatusCode::UNPROCESSABLE_ENTITY, "validation")
        .await;
    let mut huge = jpeg();
    huge.resize(10 * 1024 * 1024 + 1, 0);
    let r = upload(&server, &client, huge, "big.jpg").await;
    assert_eq!(r.status(), StatusCode::PAYLOAD_TOO_LARGE);
    assert_eq!(server.count("SELECT COUNT(*) FROM uploads").await, 0);
    // An application cannot point at a file that was never stored.
    let app = submitted(&server, &client, "13900000205").await;
    let reference = app["reference"].as_str().unwrap();
    let r = client
        .post(server.url(&format!("/api/v1/assistance/applications/{reference}/documents")))
        .json(&json!({ "kind": "bank_card", "upload_id": "no-such-upload" }))
        .send()
        .await
        .unwrap();
    let e = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(e["fields"]["upload_id"], "assistance.unknown_upload");
}
both_engines!(disguised_and_oversized_files_are_refused);
