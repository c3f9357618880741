//! Honest figures (issue 12) over real HTTP on SQLite and PostgreSQL: a busy marriage date says
//! why and what that rests on (this service's expectation, the office's own marking, the lunar
//! calendar for 七夕), the counselling length carries its source, a cemetery's group limit and
//! its slots' places carry theirs, the live service refuses example capacities from staff, and
//! the public notice lasts (and is said to last) what the assistance standard says.

mod assistance_common;
mod common;
mod marriage_common;
mod staff_common;

use baoan_contract::rules::date::Date;
use common::{expect_error, TestServer};
use marriage_common::{get_json, seed_offices};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// Moves the server's clock forward to `day`.
fn advance_to(server: &TestServer, day: Date) {
    server.clock.advance((day.days_since_epoch() - server.clock.today().days_since_epoch()) * 86_400);
}

async fn days(server: &TestServer, office: &str) -> Vec<Value> {
    let list = get_json(&server.client(), server.url(&format!("/api/v1/marriage/offices/{office}/days"))).await;
    list["days"].as_array().unwrap().clone()
}

fn day<'a>(days: &'a [Value], date: &str) -> &'a Value {
    days.iter().find(|d| d["date"] == date).unwrap_or_else(|| panic!("{date} is listed"))
}

async fn a_busy_day_says_why_and_what_it_rests_on(server: TestServer) {
    seed_offices(&server).await;
    // The demo marks one day busy at every office: an example, applying from that day.
    let listed = days(&server, "xixiang").await;
    let marked = listed.iter().find(|d| d["busy_note"]["reason"] == "office").expect("the demo's busy day");
    assert_eq!(marked["busy"], true);
    assert_eq!(marked["busy_note"]["source"]["basis"]["kind"], "example");
    assert_eq!(marked["busy_note"]["source"]["effective_from"], marked["date"]);
    assert!(listed.iter().filter(|d| d["busy"] == false).all(|d| d.get("busy_note").is_none()));

    // 5.20: this service's expectation, an example; no calendar to cite.
    advance_to(&server, Date::new(2027, 5, 10).unwrap());
    // A day the registry itself marks (as a district's import writes it): set by the district.
    sqlx::query(
        "INSERT INTO marriage_special_days (office_id, day, kind, note_zh_hans, note_zh_hant, note_en) \
         VALUES ('xixiang', '2027-05-26', 'busy', '热门', '熱門', 'Popular')",
    )
    .execute(&server.db.pool)
    .await
    .unwrap();
    let listed = days(&server, "xixiang").await;
    let may20 = &day(&listed, "2027-05-20")["busy_note"];
    assert_eq!(may20["reason"], "may20");
    assert_eq!(may20["source"]["basis"]["kind"], "example");
    assert!(may20["calendar"].is_null());
    let registry = &day(&listed, "2027-05-26")["busy_note"];
    assert_eq!(registry["reason"], "office");
    assert_eq!(registry["source"], json!({"basis": {"kind": "set_by_district"}, "effective_from": "2027-05-26"}));

    // 七夕 2027 is 8 August: its date comes from the national lunar-calendar standard.
    advance_to(&server, Date::new(2027, 7, 25).unwrap());
    let listed = days(&server, "xixiang").await;
    let qixi = &day(&listed, "2027-08-08")["busy_note"];
    assert_eq!(qixi["reason"], "qixi");
    assert_eq!(qixi["calendar"]["basis"]["kind"], "document");
    assert!(qixi["calendar"]["basis"]["document"].as_str().unwrap().contains("GB/T 33661"));
}
both_engines!(a_busy_day_says_why_and_what_it_rests_on);

async fn the_counselling_length_carries_its_source(server: TestServer) {
    seed_offices(&server).await;
    let open = days(&server, "xixiang").await.into_iter().find(|d| d["state"] == "open").unwrap();
    let date = open["date"].as_str().unwrap();
    let list =
        get_json(&server.client(), server.url(&format!("/api/v1/marriage/offices/xixiang/days/{date}/slots"))).await;
    let length = &list["counselling_length"];
    assert_eq!(length["minutes"], 45);
    assert_eq!(length["source"]["basis"]["kind"], "example");
    // The sessions themselves last what the figure says.
    for s in list["counselling"].as_array().unwrap() {
        assert_eq!(s["end_minute"].as_i64().unwrap() - s["start_minute"].as_i64().unwrap(), 45);
    }
}
both_engines!(the_counselling_length_carries_its_source);

async fn open_window(server: &TestServer, source: Option<Value>) -> reqwest::Response {
    let admin = staff_common::district_admin(server).await;
    let today = server.clock.today();
    let mut body = json!({
        "cemetery_id": "baoshan", "kind": "qingming",
        "starts_on": today.to_iso(), "ends_on": today.add_days(3).to_iso(),
        "days_ahead": 7, "service_opens_minute": 0, "service_closes_minute": 1440,
        "first_hour": 8, "last_hour": 9, "capacity": 25
    });
    if let Some(source) = source {
        body["capacity_source"] = source;
    }
    admin.post(server.url("/api/v1/staff/memorial/windows")).json(&body).send().await.unwrap()
}

async fn cemetery_capacities_carry_their_source(server: TestServer) {
    // 宝山园 is named by the plan, its group limit by nothing: an example until the district sets it.
    let list: Value = reqwest::get(server.url("/api/v1/memorial/cemeteries")).await.unwrap().json().await.unwrap();
    let baoshan = list.as_array().unwrap().iter().find(|c| c["id"] == "baoshan").unwrap();
    assert_eq!(baoshan["max_group"], 6);
    assert_eq!(baoshan["max_group_source"]["basis"]["kind"], "example");

    // The live service refuses example places from staff, and a document without its place in it.
    let refused =
        open_window(&server, Some(json!({"basis": {"kind": "example"}, "effective_from": "2026-01-01"}))).await;
    let body = expect_error(refused, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(body["fields"]["capacity_source"], "figure.source");
    let blank = json!({"basis": {"kind": "document", "document": "墓园管理办法", "article": " "}, "effective_from": "2026-01-01"});
    let body =
        expect_error(open_window(&server, Some(blank)).await, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(body["fields"]["capacity_source"], "figure.source");
    assert_eq!(server.count("SELECT COUNT(*) FROM memorial_windows").await, 0, "nothing opened");

    // Staff who open a window set its places: set by the district, from that day, on every slot.
    let r = open_window(&server, None).await;
    assert_eq!(r.status(), StatusCode::OK);
    let window: Value = r.json().await.unwrap();
    let set = json!({"basis": {"kind": "set_by_district"}, "effective_from": server.clock.today().to_iso()});
    assert_eq!(window["capacity_source"], set);
    let detail: Value =
        reqwest::get(server.url("/api/v1/memorial/cemeteries/baoshan")).await.unwrap().json().await.unwrap();
    assert_eq!(detail["windows"][0]["capacity_source"], set);
    assert_eq!(detail["cemetery"]["max_group_source"]["basis"]["kind"], "example");
    let day = server.clock.today().add_days(1).to_iso();
    let slots: Value = reqwest::get(server.url(&format!("/api/v1/memorial/cemeteries/baoshan/slots?date={day}")))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(slots["capacity_source"], set);

    // A window whose places a published document gives keeps that document.
    advance_to(&server, server.clock.today().add_days(10));
    let cited = json!({"basis": {"kind": "document", "document": "墓园管理办法", "article": "第五条"},
                       "effective_from": "2026-02-01"});
    let window: Value = open_window(&server, Some(cited.clone())).await.json().await.unwrap();
    assert_eq!(window["capacity_source"], cited);
    let day = server.clock.today().add_days(1).to_iso();
    let slots: Value = reqwest::get(server.url(&format!("/api/v1/memorial/cemeteries/baoshan/slots?date={day}")))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(slots["capacity_source"], cited);
}
both_engines!(cemetery_capacities_carry_their_source);

async fn the_public_notice_lasts_what_the_standard_says(server: TestServer) {
    // The district sets a 9-day notice (not the example's 7).
    sqlx::query("UPDATE assistance_standards SET value = 9 WHERE key = 'public_notice_days'")
        .execute(&server.db.pool)
        .await
        .unwrap();
    let client = server.client();
    let app = assistance_common::submitted(&server, &client, "13900000161").await;
    let reference = app["reference"].as_str().unwrap();
    assert_eq!(app["timeline"][2]["stage"], "public_notice");
    assert_eq!(app["timeline"][2]["days"], 9, "the step states the standard's figure from the start");
    let a = assistance_common::advance_to(&server, reference, "public_notice").await;
    let today = server.clock.today();
    assert_eq!(
        (&a["timeline"][2]["days"], &a["timeline"][2]["due_by"]),
        (&json!(9), &json!(today.add_days(9).to_iso()))
    );
    // The message says as much: its deadline is the standard's days after it was written.
    let messages = assistance_common::messages(&server, &client).await;
    let notice = messages.iter().find(|m| m["event"] == "assistance.stage.public_notice").expect("a notice message");
    let notice: baoan_contract::api::Message = serde_json::from_value(notice.clone()).unwrap();
    assert_eq!(notice.days_to_deadline(), Some(9));
}
both_engines!(the_public_notice_lasts_what_the_standard_says);

#[test]
fn every_document_the_example_standards_cite_has_its_translations() {
    use baoan_contract::rules::figures::{article_text, document_title};
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/data/assistance_standards.example.json"))
        .unwrap();
    let sheet: Value = serde_json::from_str(&text).unwrap();
    let mut cited = 0;
    for source in sheet["sources"].as_object().unwrap().values() {
        if source["basis"]["kind"] == "document" {
            cited += 1;
            let document = source["basis"]["document"].as_str().unwrap();
            let article = source["basis"]["article"].as_str().unwrap();
            assert!(
                document_title(document).en.is_some() && !document_title(document).zh_hant.is_empty(),
                "{document}"
            );
            assert!(article_text(article).en.is_some() && !article_text(article).zh_hant.is_empty(), "{article}");
        }
    }
    assert_eq!(cited, 2, "the 1250-yuan standard and the age 70");
}
