//! The charity editor (issue 13) over real HTTP on SQLite and PostgreSQL: an editor publishes a
//! ledger line and a disclosure of a project of their own organisation, which the public project
//! page then shows (English where given, 繁體 converted); each publication leaves an audit entry
//! with its after-state and a reference change record; another organisation's project, every
//! other role and no sign-in are refused with nothing written; bad fields are reported by the
//! reference row's own checks; a publication sent twice with one key is written once; the
//! editor's work list holds their organisation's projects only, the next disclosure due first.

mod common;
mod staff_common;

use common::{expect_error, TestServer};
use reqwest::StatusCode;
use serde_json::{json, Value};
use staff_common::{admin, member};
use std::sync::atomic::{AtomicU64, Ordering};

fn demo(c: &mut baoan_server::config::Config) {
    c.seed_demo_data = true;
}

/// p-heart-kids is the demo's 演示慈善会 project; p-study-aid belongs to another organisation.
const OWN_ORGANISATION: &str = "演示慈善会（示例）";
const OWN_PROJECT: &str = "p-heart-kids";
const OTHER_PROJECT: &str = "p-study-aid";

fn line(server: &TestServer, project: &str) -> Value {
    json!({ "project": project, "date": server.clock.today().add_days(-1).to_iso(), "kind": "expense",
            "amount_fen": 1_234_500, "purpose": { "zh_hans": "支付患儿手术费用（示例）", "en": "Surgery paid (example)" },
            "counterparty": "hospital", "receipt_ref": "EXAMPLE-HOSP-0042" })
}

fn disclosure(server: &TestServer, project: &str) -> Value {
    json!({ "project": project, "date": server.clock.today().to_iso(),
            "title": { "zh_hans": "第四季度收支公开（示例）", "zh_hant": "第四季度收支公開（示例）" } })
}

/// A publication with a key of its own, as the page sends one per form filled in.
async fn post(client: &reqwest::Client, server: &TestServer, path: &str, body: &Value) -> reqwest::Response {
    static KEYS: AtomicU64 = AtomicU64::new(0);
    let key = format!("test-publication-{}", KEYS.fetch_add(1, Ordering::Relaxed));
    post_with_key(client, server, path, body, &key).await
}

async fn post_with_key(
    client: &reqwest::Client,
    server: &TestServer,
    path: &str,
    body: &Value,
    key: &str,
) -> reqwest::Response {
    let url = server.url(&format!("/api/v1/staff/charity/{path}"));
    client.post(url).header("Idempotency-Key", key).json(body).send().await.unwrap()
}

async fn project(server: &TestServer, id: &str) -> Value {
    let r = reqwest::get(server.url(&format!("/api/v1/charity/projects/{id}"))).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

/// What a publication may write: ledger lines, disclosures, audit entries, change records.
async fn written(server: &TestServer) -> [i64; 4] {
    [
        server.count("SELECT COUNT(*) FROM charity_ledger").await,
        server.count("SELECT COUNT(*) FROM charity_disclosures").await,
        server.count("SELECT COUNT(*) FROM audit_trail WHERE action LIKE 'charity.%'").await,
        server.count("SELECT COUNT(*) FROM reference_changes").await,
    ]
}

async fn an_editor_publishes_for_their_own_organisation(server: TestServer) {
    let admin = admin(&server).await;
    let editor = member(&server, &admin, "editor", "charity_editor", Some(OWN_ORGANISATION)).await;
    let before = written(&server).await;
    let r = post(&editor, &server, "ledger-lines", &line(&server, OWN_PROJECT)).await;
    assert_eq!(r.status(), StatusCode::OK);
    let line_id = r.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
    let r = post(&editor, &server, "disclosures", &disclosure(&server, OWN_PROJECT)).await;
    assert_eq!(r.status(), StatusCode::OK);
    let after = written(&server).await;
    assert_eq!(after, [before[0] + 1, before[1] + 1, before[2] + 2, before[3] + 2]);

    let shown = project(&server, OWN_PROJECT).await;
    let published = shown["ledger"]
        .as_array()
        .unwrap()
        .iter()
        .find(|l| l["receipt_ref"] == "EXAMPLE-HOSP-0042")
        .expect("in the public ledger")
        .clone();
    assert_eq!(published["amount_fen"], 1_234_500);
    assert_eq!(published["purpose"]["en"], "Surgery paid (example)");
    assert_eq!(published["purpose"]["zh_hant"], "支付患兒手術費用（示例）", "converted from 简体");
    let shown_disclosure = shown["disclosures"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["title"]["zh_hans"] == "第四季度收支公开（示例）")
        .expect("in the disclosures")
        .clone();
    assert_eq!(shown_disclosure["title"]["zh_hant"], "第四季度收支公開（示例）", "as the editor gave it");

    let audit: Vec<Value> = admin
        .get(server.url(&format!("/api/v1/staff/audit?subject_id={line_id}")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(audit.len(), 1, "{audit:#?}");
    let entry = &audit[0];
    assert_eq!(
        (entry["actor"].as_str(), entry["role"].as_str(), entry["place"].as_str(), entry["action"].as_str()),
        (Some("editor"), Some("charity_editor"), Some(OWN_ORGANISATION), Some("charity.publish_ledger_line"))
    );
    assert!(entry["before"].is_null());
    let state: Value = serde_json::from_str(entry["after"].as_str().unwrap()).unwrap();
    assert_eq!((state["project"].as_str(), state["amount_fen"].as_i64()), (Some(OWN_PROJECT), Some(1_234_500)));
    let (by, door): (String, String) = sqlx::query_as(
        "SELECT changed_by, door FROM reference_changes WHERE kind = 'charity_ledger_lines' AND row_key = $1",
    )
    .bind(&line_id)
    .fetch_one(&server.db.pool)
    .await
    .unwrap();
    assert_eq!((by.as_str(), door.as_str()), ("editor", "staff (charity editor)"));
}
both_engines!(an_editor_publishes_for_their_own_organisation, demo);

/// Another organisation's project, every other role and no sign-in: refused, nothing written.
async fn everyone_else_is_refused_and_nothing_is_written(server: TestServer) {
    let admin = admin(&server).await;
    let editor = member(&server, &admin, "editor", "charity_editor", Some(OWN_ORGANISATION)).await;
    let before = written(&server).await;
    for path in ["ledger-lines", "disclosures"] {
        let body =
            if path == "disclosures" { disclosure(&server, OTHER_PROJECT) } else { line(&server, OTHER_PROJECT) };
        expect_error(post(&editor, &server, path, &body).await, StatusCode::FORBIDDEN, "forbidden").await;
    }
    let others = [
        ("community", "community_reviewer", Some("xinan-haiyu")),
        ("street", "street_reviewer", Some("xinan")),
        ("approver", "district_approver", None),
        ("gate", "gate_staff", Some("baoshan")),
        ("moderator", "moderator", None),
    ];
    let mut clients = vec![admin.clone()];
    for (login, role, place) in others {
        clients.push(member(&server, &admin, login, role, place).await);
    }
    for client in &clients {
        let r = post(client, &server, "ledger-lines", &line(&server, OWN_PROJECT)).await;
        expect_error(r, StatusCode::FORBIDDEN, "forbidden").await;
        let r = post(client, &server, "disclosures", &disclosure(&server, OWN_PROJECT)).await;
        expect_error(r, StatusCode::FORBIDDEN, "forbidden").await;
    }
    let resident = server.client();
    server.sign_in(&resident, "13700000051").await;
    for client in [&resident, &server.plain_client()] {
        let r = post(client, &server, "ledger-lines", &line(&server, OWN_PROJECT)).await;
        expect_error(r, StatusCode::UNAUTHORIZED, "unauthorized").await;
    }
    assert_eq!(written(&server).await, before);
}
both_engines!(everyone_else_is_refused_and_nothing_is_written, demo);

/// The reference row's checks, under the request's field names: nothing written.
async fn bad_fields_are_reported_by_the_rows_own_checks(server: TestServer) {
    let admin = admin(&server).await;
    let editor = member(&server, &admin, "editor", "charity_editor", Some(OWN_ORGANISATION)).await;
    let before = written(&server).await;
    let mut bad = line(&server, OWN_PROJECT);
    bad["amount_fen"] = json!(0);
    bad["date"] = json!(server.clock.today().add_days(1).to_iso());
    bad["purpose"] = json!({ "zh_hans": " " });
    let body = expect_error(
        post(&editor, &server, "ledger-lines", &bad).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation",
    )
    .await;
    assert_eq!(
        body["fields"],
        json!({ "amount_fen": "charity.amount_not_positive", "date": "assistance.date_in_future",
                "purpose.zh_hans": "required" })
    );
    let body = expect_error(
        post(&editor, &server, "disclosures", &disclosure(&server, "no-such-project")).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation",
    )
    .await;
    assert_eq!(body["fields"], json!({ "project": "reference.unknown" }));
    assert_eq!(written(&server).await, before);
}
both_engines!(bad_fields_are_reported_by_the_rows_own_checks, demo);

/// A double tap or a retry after a dropped answer: one key, one line. The same key with another
/// body is refused, and a publication without a key is refused before anything is written.
async fn a_publication_sent_twice_is_written_once(server: TestServer) {
    let admin = admin(&server).await;
    let editor = member(&server, &admin, "editor", "charity_editor", Some(OWN_ORGANISATION)).await;
    let before = written(&server).await;
    let body = line(&server, OWN_PROJECT);
    let first: Value =
        post_with_key(&editor, &server, "ledger-lines", &body, "double-tap-1").await.json().await.unwrap();
    let again = post_with_key(&editor, &server, "ledger-lines", &body, "double-tap-1").await;
    assert_eq!(again.status(), StatusCode::OK);
    assert_eq!(again.json::<Value>().await.unwrap()["id"], first["id"], "the first answer, not a second line");
    let mut other = body.clone();
    other["amount_fen"] = json!(1);
    let r = post_with_key(&editor, &server, "ledger-lines", &other, "double-tap-1").await;
    expect_error(r, StatusCode::CONFLICT, "conflict").await;
    let url = server.url("/api/v1/staff/charity/disclosures");
    let r = editor.post(url).json(&disclosure(&server, OWN_PROJECT)).send().await.unwrap();
    expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    let after = written(&server).await;
    assert_eq!(after, [before[0] + 1, before[1], before[2] + 1, before[3] + 1]);
}
both_engines!(a_publication_sent_twice_is_written_once, demo);

async fn work_list(client: &reqwest::Client, server: &TestServer) -> reqwest::Response {
    client.get(server.url("/api/v1/staff/charity/projects")).send().await.unwrap()
}

/// The editor's work list: their organisation's projects only, each with the public page's own
/// badge, the next disclosure due first; a disclosure published today moves its project's due
/// day a period on, and a published line counts in its totals. Other roles: 403.
async fn the_work_list_is_the_organisations_projects_by_due_day(server: TestServer) {
    let admin = admin(&server).await;
    let editor = member(&server, &admin, "editor", "charity_editor", Some(OWN_ORGANISATION)).await;
    let list: Vec<Value> = work_list(&editor, &server).await.json().await.unwrap();
    assert!(!list.is_empty());
    for item in &list {
        assert_eq!(item["card"]["organiser"]["zh_hans"], OWN_ORGANISATION);
        let public = project(&server, item["card"]["id"].as_str().unwrap()).await;
        assert_eq!(item["badge"], public["badge"], "the badge residents see");
    }
    let due: Vec<&str> = list.iter().map(|p| p["badge"]["next_due"].as_str().unwrap()).collect();
    assert!(due.windows(2).all(|w| w[0] <= w[1]), "next due first: {due:?}");
    assert!(list.iter().all(|p| p["card"]["id"] != OTHER_PROJECT));
    let own = |list: &[Value]| list.iter().find(|p| p["card"]["id"] == OWN_PROJECT).expect("listed").clone();
    let was = own(&list);

    assert_eq!(post(&editor, &server, "ledger-lines", &line(&server, OWN_PROJECT)).await.status(), StatusCode::OK);
    assert_eq!(post(&editor, &server, "disclosures", &disclosure(&server, OWN_PROJECT)).await.status(), StatusCode::OK);
    let list: Vec<Value> = work_list(&editor, &server).await.json().await.unwrap();
    let now = own(&list);
    let today = server.clock.today();
    assert_eq!(now["last_disclosure"], today.to_iso());
    let period = project(&server, OWN_PROJECT).await["disclosure_period_days"].as_i64().unwrap();
    assert_eq!(now["badge"], json!({ "state": "on_time", "next_due": today.add_days(period).to_iso() }));
    assert_eq!(now["expense_fen"].as_i64().unwrap(), was["expense_fen"].as_i64().unwrap() + 1_234_500);
    assert_eq!(now["income_fen"], was["income_fen"]);

    let others = [("gate", "gate_staff", Some("baoshan")), ("moderator", "moderator", None)];
    let mut clients = vec![admin.clone()];
    for (login, role, place) in others {
        clients.push(member(&server, &admin, login, role, place).await);
    }
    for client in &clients {
        expect_error(work_list(client, &server).await, StatusCode::FORBIDDEN, "forbidden").await;
    }
    expect_error(work_list(&server.plain_client(), &server).await, StatusCode::UNAUTHORIZED, "unauthorized").await;
}
both_engines!(the_work_list_is_the_organisations_projects_by_due_day, demo);
