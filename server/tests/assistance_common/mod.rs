//! Helpers of the social-assistance tests: a valid application, uploads, submits, and reviewers'
//! decisions, each made by the step's own staff member over HTTP (`staff`, `advance_to`).
#![allow(dead_code)]

use crate::common::TestServer;
use crate::staff_common;
use baoan_contract::rules::date::Date;
use baoan_contract::rules::resident_id::make_resident_id;
use reqwest::StatusCode;
use serde_json::{json, Value};

/// The first bytes of a JPEG: the server judges files by content.
pub fn jpeg() -> Vec<u8> {
    let mut b = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J', b'F', b'I', b'F', 0];
    b.extend(std::iter::repeat_n(7u8, 2000));
    b
}

pub fn id(born: (i32, u8, u8), seq: u16) -> String {
    make_resident_id("440306", Date::new(born.0, born.1, born.2).unwrap(), seq, seq % 2 == 1)
}

pub async fn upload(server: &TestServer, client: &reqwest::Client, bytes: Vec<u8>, name: &str) -> reqwest::Response {
    client.post(server.url("/api/v1/uploads")).header("X-File-Name", name).body(bytes).send().await.unwrap()
}

pub async fn upload_id(server: &TestServer, client: &reqwest::Client) -> String {
    let r = upload(server, client, jpeg(), "id-card.jpg").await;
    assert_eq!(r.status(), StatusCode::OK);
    r.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string()
}

/// A complete 临时救助 application by a migrant after a fire in Bao'an: an adult child and a minor.
pub fn form(upload_id: &str) -> Value {
    json!({
        "programme": "temporary",
        "applicant": {
            "name": "张三", "id_number": id((1980, 5, 1), 11), "phone": "13800138000",
            "residence": "elsewhere", "street": "xinan", "community": "xinan-haiyu", "address": "海裕社区 1 栋 101"
        },
        "members": [
            { "relation": "child", "name": "张小明", "id_number": id((2000, 1, 1), 13), "work_status": "employed",
              "monthly_income_yuan": 3000, "disability_level": 0, "health": "" },
            { "relation": "child", "name": "张小红", "id_number": id((2016, 2, 2), 14), "work_status": "student",
              "monthly_income_yuan": 0, "disability_level": 0, "health": "" }
        ],
        "income": { "salary_yuan": 3000, "pension_yuan": 0, "rent_yuan": 0, "other_income_yuan": 0,
                    "savings_yuan": 2000, "vehicles_yuan": 0, "property_yuan": 0 },
        "event": { "kind": "fire", "date": "2020-05-20", "place": "宝安区新安街道", "description": "家中失火", "expenses_yuan": 8000 },
        "bank": { "bank_name": "中国银行", "holder": "张三", "account_number": "6217850000001234567" },
        "documents": [ { "kind": "id_cards", "upload_id": upload_id, "name": "id-card.jpg" } ],
        "consents": [
            { "person": "applicant", "signed_name": "张三" },
            { "person": "members.0", "signed_name": "张小明" }
        ]
    })
}

pub async fn submit(server: &TestServer, client: &reqwest::Client, body: &Value, key: &str) -> reqwest::Response {
    client
        .post(server.url("/api/v1/assistance/applications"))
        .header("Idempotency-Key", key)
        .json(body)
        .send()
        .await
        .unwrap()
}

/// Signs in a new resident, uploads an ID card and submits; returns the application.
pub async fn submitted(server: &TestServer, client: &reqwest::Client, phone: &str) -> Value {
    server.sign_in(client, phone).await;
    let upload = upload_id(server, client).await;
    let r = submit(server, client, &form(&upload), &format!("key-{phone}")).await;
    assert_eq!(r.status(), StatusCode::OK, "submit");
    r.json().await.unwrap()
}

/// The reviewer whose step `reference` is at, signed in: the community reviewer of its community,
/// the street reviewer of its street, or a district approver (`Role::reviewer_of`); for a
/// reference that does not exist, a district approver (who is then told 404).
pub async fn reviewer_of(server: &TestServer, reference: &str) -> reqwest::Client {
    use baoan_contract::staff::Role;
    let Ok(row) = baoan_server::journeys::assistance::store::find(&server.db, reference, None).await else {
        return staff_common::kept(server, "district-approver", "district_approver", None).await;
    };
    let applicant = &row.form.applicant;
    match Role::reviewer_of(row.stage) {
        Role::CommunityReviewer => {
            let login = format!("community-{}", applicant.community);
            staff_common::kept(server, &login, "community_reviewer", Some(&applicant.community)).await
        }
        Role::StreetReviewer => {
            let login = format!("street-{}", applicant.street);
            staff_common::kept(server, &login, "street_reviewer", Some(&applicant.street)).await
        }
        _ => staff_common::kept(server, "district-approver", "district_approver", None).await,
    }
}

/// A reviewer's decision at `POST /api/v1/staff/assistance/applications/{reference}/review`, by
/// the reviewer of the application's step (`reviewer_of`). `action` is `advance`,
/// `request-documents` (body `kinds`, `note`), `approve` or `refuse` (body `reason`).
pub async fn staff(server: &TestServer, reference: &str, action: &str, body: Value) -> reqwest::Response {
    let reviewer = reviewer_of(server, reference).await;
    let review = json!({
        "action": action.replace('-', "_"),
        "reason": body.get("reason").or(body.get("note")).cloned().unwrap_or(Value::Null),
        "kinds": body.get("kinds").cloned().unwrap_or(json!([])),
    });
    reviewer
        .post(server.url(&format!("/api/v1/staff/assistance/applications/{reference}/review")))
        .json(&review)
        .send()
        .await
        .unwrap()
}

pub async fn staff_ok(server: &TestServer, reference: &str, action: &str, body: Value) -> Value {
    let r = staff(server, reference, action, body).await;
    let status = r.status();
    let text = r.text().await.unwrap();
    assert_eq!(status, StatusCode::OK, "{action}: {text}");
    serde_json::from_str(&text).unwrap()
}

/// Advances the application, each step by its own reviewer, until it is at `stage` (a stage
/// code such as `street_review`); returns the application as staff then see it.
pub async fn advance_to(server: &TestServer, reference: &str, stage: &str) -> Value {
    for _ in 0..6 {
        let view = staff_ok(server, reference, "advance", json!({})).await;
        if view["stage"] == stage {
            return view;
        }
    }
    panic!("{reference} never reached {stage}");
}

pub async fn get_app(server: &TestServer, client: &reqwest::Client, reference: &str) -> reqwest::Response {
    client.get(server.url(&format!("/api/v1/assistance/applications/{reference}"))).send().await.unwrap()
}

pub async fn messages(server: &TestServer, client: &reqwest::Client) -> Vec<Value> {
    let r = client.get(server.url("/api/v1/me/messages")).send().await.unwrap();
    r.json::<Value>().await.unwrap()["messages"].as_array().unwrap().clone()
}

/// A complete sheet as the district would set it: the demo values, every figure set by the
/// district from 2026-01-01 (the 低保 standard raised to 1300).
pub fn district_sheet() -> Value {
    let mut sheet: Value = serde_json::from_str(baoan_server::journeys::assistance::standards::EXAMPLE_JSON).unwrap();
    sheet["minimum_living_yuan"] = json!(1300);
    let names: Vec<String> = sheet["sources"].as_object().unwrap().keys().cloned().collect();
    for name in names {
        sheet["sources"][&name] = json!({"basis": {"kind": "set_by_district"}, "effective_from": "2026-01-01"});
    }
    sheet
}

/// The live service answers nothing about assistance until the district sets its standards:
/// set them (the sheet above), as a district admin would.
pub async fn set_district_standards(server: &TestServer) {
    let admin = staff_common::district_admin(server).await;
    let r = admin.put(server.url("/api/v1/staff/assistance/standards")).json(&district_sheet()).send().await.unwrap();
    assert_eq!(r.status(), reqwest::StatusCode::OK, "{}", r.text().await.unwrap());
}
