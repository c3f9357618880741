//! Giving over real HTTP on both engines: one order per idempotency key, a confirmation that
//! happens once however often it is retried (also concurrently), anonymous gifts that never show
//! a name publicly, and gifts and receipts that only their donor can see.

mod common;

use common::{expect_error, TestServer};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn demo(c: &mut baoan_server::config::Config) {
    c.seed_demo_data = true;
}

async fn give(server: &TestServer, client: &reqwest::Client, key: &str, body: Value) -> reqwest::Response {
    client.post(server.url("/api/v1/charity/gifts")).header("Idempotency-Key", key).json(&body).send().await.unwrap()
}

async fn pay(server: &TestServer, client: &reqwest::Client, order: &str, token: &str) -> reqwest::Response {
    client
        .post(server.url(&format!("/api/v1/charity/gifts/{order}/sandbox-pay")))
        .json(&json!({ "token": token }))
        .send()
        .await
        .unwrap()
}

async fn project(server: &TestServer, id: &str) -> Value {
    reqwest::get(server.url(&format!("/api/v1/charity/projects/{id}"))).await.unwrap().json().await.unwrap()
}

fn gift(anonymous: bool, name: &str) -> Value {
    json!({ "project_id": "p-elder-meals", "amount_fen": 8800, "anonymous": anonymous, "donor_name": name,
            "message": "祝长者安康", "frequency": "once" })
}

async fn confirmation_happens_once(server: TestServer) {
    let client = server.client();
    server.sign_in(&client, "13800000011").await;
    let before = project(&server, "p-elder-meals").await;
    let ledger_before = before["ledger"].as_array().unwrap().len();
    // A retried create (same key) is the same order.
    let a: Value = give(&server, &client, "gift-key-0001", gift(false, "王先生")).await.json().await.unwrap();
    let b: Value = give(&server, &client, "gift-key-0001", gift(false, "王先生")).await.json().await.unwrap();
    assert_eq!(a["order_id"], b["order_id"]);
    assert_eq!(a["status"], "pending");
    assert_eq!(a["provider"], "sandbox");
    let order = a["order_id"].as_str().unwrap().to_string();

    // A declined sandbox payment changes nothing.
    expect_error(pay(&server, &client, &order, "no").await, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    // Three confirmations at once, then one more: one payment.
    let (r1, r2, r3) = tokio::join!(
        pay(&server, &client, &order, "sandbox-approve"),
        pay(&server, &client, &order, "sandbox-approve"),
        pay(&server, &client, &order, "sandbox-approve")
    );
    let mut receipts = Vec::new();
    for r in [r1, r2, r3, pay(&server, &client, &order, "sandbox-approve").await] {
        assert_eq!(r.status(), StatusCode::OK);
        let body: Value = r.json().await.unwrap();
        assert_eq!(body["status"], "paid");
        receipts.push(body["receipt"].clone());
    }
    assert!(receipts.windows(2).all(|w| w[0] == w[1]), "one receipt: {receipts:?}");
    let receipt = &receipts[0];
    assert_eq!(receipt["amount_fen"], 8800);
    assert_eq!(receipt["donor"], "王先生");
    assert_eq!(receipt["project_title"]["zh_hans"], "长者饭堂爱心助餐");
    assert_eq!(receipt["project_title"]["zh_hant"], "長者飯堂愛心助餐");
    assert!(receipt["receipt_no"].as_str().unwrap().starts_with("CS"));

    let after = project(&server, "p-elder-meals").await;
    assert_eq!(after["card"]["raised_fen"].as_i64().unwrap(), before["card"]["raised_fen"].as_i64().unwrap() + 8800);
    assert_eq!(after["card"]["donors"].as_i64().unwrap(), before["card"]["donors"].as_i64().unwrap() + 1);
    assert_eq!(after["ledger"].as_array().unwrap().len(), ledger_before + 1);
    // The gift's ledger line (the newest) is the server's own words, in each language.
    let line = &after["ledger"][ledger_before]["purpose"];
    assert_eq!(*line, json!({ "zh_hans": "网上捐赠", "zh_hant": "網上捐贈", "en": "Online gift" }));
    assert_eq!(server.count("SELECT COUNT(*) FROM charity_gifts WHERE status = 'paid'").await, 1);
    assert_eq!(server.count("SELECT COUNT(*) FROM messages WHERE event = 'charity.gift_paid'").await, 1);
    // 我的捐赠 lists it with its receipt and the project's latest update.
    let mine: Value = client.get(server.url("/api/v1/me/charity/gifts")).send().await.unwrap().json().await.unwrap();
    assert_eq!(mine.as_array().unwrap().len(), 1);
    assert_eq!(mine[0]["receipt"], *receipt);
    assert!(mine[0]["latest_update"]["zh_hant"].is_string());
    // A monthly pledge is recorded once, on its first paid gift.
    let m: Value = give(
        &server,
        &client,
        "gift-key-0002",
        json!({ "project_id": "p-elder-meals", "amount_fen": 1000,
        "anonymous": true, "frequency": "monthly" }),
    )
    .await
    .json()
    .await
    .unwrap();
    let id = m["order_id"].as_str().unwrap();
    pay(&server, &client, id, "sandbox-approve").await;
    pay(&server, &client, id, "sandbox-approve").await;
    assert_eq!(server.count("SELECT COUNT(*) FROM charity_pledges").await, 1);
}
both_engines!(confirmation_happens_once, demo);

async fn anonymous_gifts_never_show_a_name(server: TestServer) {
    let client = server.client();
    server.sign_in(&client, "13800000012").await;
    let r = client
        .put(server.url("/api/v1/me/profile"))
        .json(&json!({ "name": "赵秘密", "id_type": "passport", "id_number": "E12345678" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let order: Value =
        give(&server, &client, "anon-key-0001", gift(true, "不该出现的名字")).await.json().await.unwrap();
    assert_eq!(order["donor_name"], Value::Null, "the typed name is dropped, not stored");
    let paid: Value =
        pay(&server, &client, order["order_id"].as_str().unwrap(), "sandbox-approve").await.json().await.unwrap();
    assert_eq!(paid["receipt"]["donor"], "赵秘密", "the donor's own receipt has their name");
    let named: Value = give(&server, &client, "anon-key-0002", gift(false, "热心市民")).await.json().await.unwrap();
    pay(&server, &client, named["order_id"].as_str().unwrap(), "sandbox-approve").await;

    let mut public = String::new();
    for path in [
        "/api/v1/charity/projects/p-elder-meals",
        "/api/v1/charity/projects?q=%E9%95%BF%E8%80%85",
        "/api/v1/charity/district",
        "/api/v1/charity/funds/f-limingde",
        "/api/v1/charity/funds",
    ] {
        public.push_str(&reqwest::get(server.url(path)).await.unwrap().text().await.unwrap());
    }
    for secret in ["赵秘密", "不该出现的名字", "13800000012", "E12345678"] {
        assert!(!public.contains(secret), "{secret} leaked into a public endpoint");
    }
    let detail = project(&server, "p-elder-meals").await;
    let gifts = detail["recent_gifts"].as_array().unwrap();
    assert_eq!(gifts.len(), 2);
    assert_eq!(gifts.iter().filter(|g| g["display_name"].is_null()).count(), 1);
    assert_eq!(gifts.iter().filter(|g| g["display_name"] == "热心市民").count(), 1);
    assert_eq!(
        server.count("SELECT COUNT(*) FROM charity_gifts WHERE anonymous = 1 AND donor_name IS NOT NULL").await,
        0
    );
}
both_engines!(anonymous_gifts_never_show_a_name, demo);

async fn gifts_belong_to_their_donor(server: TestServer) {
    let alice = server.client();
    server.sign_in(&alice, "13800000013").await;
    let order: Value = give(&server, &alice, "own-key-0001", gift(false, "A")).await.json().await.unwrap();
    let id = order["order_id"].as_str().unwrap();
    pay(&server, &alice, id, "sandbox-approve").await;
    let bob = server.client();
    server.sign_in(&bob, "13800000014").await;
    let r = bob.get(server.url(&format!("/api/v1/charity/gifts/{id}"))).send().await.unwrap();
    expect_error(r, StatusCode::NOT_FOUND, "not_found").await;
    expect_error(pay(&server, &bob, id, "sandbox-approve").await, StatusCode::NOT_FOUND, "not_found").await;
    let mine: Value = bob.get(server.url("/api/v1/me/charity/gifts")).send().await.unwrap().json().await.unwrap();
    assert_eq!(mine, json!([]));
    let r = alice.get(server.url(&format!("/api/v1/charity/gifts/{id}"))).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    // Signed out: 401 everywhere private.
    let anon = server.client();
    expect_error(
        anon.get(server.url("/api/v1/me/charity/gifts")).send().await.unwrap(),
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    )
    .await;
    expect_error(give(&server, &anon, "anon-key-0003", gift(true, "")).await, StatusCode::UNAUTHORIZED, "unauthorized")
        .await;
}
both_engines!(gifts_belong_to_their_donor, demo);

async fn gift_rules_are_enforced(server: TestServer) {
    let client = server.client();
    server.sign_in(&client, "13800000015").await;
    let bad = json!({ "project_id": "p-elder-meals", "amount_fen": 5_000_001, "anonymous": false, "donor_name": "",
        "message": "<b>hi</b>", "frequency": "once" });
    let body = expect_error(
        give(&server, &client, "rule-key-0001", bad).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation",
    )
    .await;
    assert_eq!(
        body["fields"],
        json!({ "amount": "charity.amount_too_large", "donor_name": "required", "message": "charity.message_characters" })
    );
    let zero = json!({ "project_id": "p-elder-meals", "amount_fen": 0, "anonymous": true, "frequency": "once" });
    let body = expect_error(
        give(&server, &client, "rule-key-0002", zero).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation",
    )
    .await;
    assert_eq!(body["fields"]["amount"], "charity.amount_not_positive");
    let finished = json!({ "project_id": "p-warm-homes", "amount_fen": 100, "anonymous": true, "frequency": "once" });
    expect_error(give(&server, &client, "rule-key-0003", finished).await, StatusCode::CONFLICT, "conflict").await;
    let missing = json!({ "project_id": "nope", "amount_fen": 100, "anonymous": true, "frequency": "once" });
    expect_error(give(&server, &client, "rule-key-0004", missing).await, StatusCode::NOT_FOUND, "not_found").await;
    assert_eq!(server.count("SELECT COUNT(*) FROM charity_gifts").await, 0);
}
both_engines!(gift_rules_are_enforced, demo);
