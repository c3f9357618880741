//! The owner's opt-in reminders over real HTTP on SQLite and PostgreSQL: on the anniversary of
//! the death and at Qingming, one message in the message centre per memorial, occasion and year,
//! however often (or concurrently) the job runs; nothing without the opt-in.

mod common;
mod staff_common;

use baoan_contract::rules::date::Date;
use baoan_server::journeys::memorial::send_due_reminders;
use common::TestServer;
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn memorial(server: &TestServer, owner: &reqwest::Client, name: &str, died_on: &str, reminder: bool) -> String {
    let m: Value = owner
        .post(server.url("/api/v1/memorial/memorials"))
        .json(&json!({ "deceased_name": name, "born_on": "1930-01-01", "died_on": died_on }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = m["id"].as_str().unwrap().to_string();
    if reminder {
        let r = owner
            .put(server.url(&format!("/api/v1/memorial/memorials/{id}/reminder")))
            .json(&json!({ "on": true }))
            .send()
            .await
            .unwrap();
        assert_eq!(r.status(), StatusCode::NO_CONTENT);
    }
    id
}

const RUN: &str = "/api/v1/staff/runs/memorial-reminders";

/// A district admin runs the job for `date`; returns how many messages it wrote.
async fn run(server: &TestServer, date: &str) -> u64 {
    let admin = staff_common::district_admin(server).await;
    let r = admin.post(server.url(RUN)).json(&json!({ "date": date })).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    r.json::<Value>().await.unwrap()["sent"].as_u64().unwrap()
}

/// The owner's reminder messages (not the "reminders are on" confirmation).
async fn reminders(owner: &reqwest::Client, server: &TestServer) -> Vec<Value> {
    let list: Value = owner.get(server.url("/api/v1/me/messages")).send().await.unwrap().json().await.unwrap();
    list["messages"].as_array().unwrap().iter().filter(|m| m["event"] != "memorial.reminder_on").cloned().collect()
}

async fn anniversary_once_however_often_the_job_runs(server: TestServer) {
    let (owner, other) = (server.client(), server.client());
    server.sign_in(&owner, "13500000001").await;
    server.sign_in(&other, "13500000002").await;
    let id = memorial(&server, &owner, "陈国华", "2019-03-30", true).await;
    memorial(&server, &other, "林秀英", "2019-03-30", false).await;

    assert_eq!(run(&server, "2027-03-29").await, 0, "the day before");
    assert_eq!(run(&server, "2027-03-30").await, 1, "only the opted-in memorial");
    let msgs = reminders(&owner, &server).await;
    assert_eq!(msgs.len(), 1);
    assert_eq!(msgs[0]["event"], "memorial.anniversary");
    assert_eq!(msgs[0]["detail"], "陈国华", "the message names the memorial");
    assert_eq!(msgs[0]["action_path"], format!("/memorial/memorials/{id}"));
    assert!(reminders(&other, &server).await.is_empty(), "not opted in: nothing");

    // Twice more, then many at once (staff endpoint and the server's own job together).
    assert_eq!(run(&server, "2027-03-30").await, 0);
    let day = Date::parse_iso("2027-03-30").unwrap();
    let mut tasks = Vec::new();
    for i in 0..8 {
        let s = server.clone();
        tasks.push(tokio::spawn(async move {
            if i % 2 == 0 {
                run(&s, "2027-03-30").await
            } else {
                u64::from(send_due_reminders(&s.state, day).await.unwrap())
            }
        }));
    }
    let mut total = 0;
    for t in tasks {
        total += t.await.unwrap();
    }
    assert_eq!(total, 0);
    assert_eq!(reminders(&owner, &server).await.len(), 1, "still exactly one");
    // Next year: the next one.
    assert_eq!(run(&server, "2028-03-30").await, 1);
    assert_eq!(reminders(&owner, &server).await.len(), 2);
}
both_engines!(anniversary_once_however_often_the_job_runs);

async fn qingming_once_per_year(server: TestServer) {
    let owner = server.client();
    server.sign_in(&owner, "13500000011").await;
    memorial(&server, &owner, "王秀兰", "2018-11-02", true).await;
    assert_eq!(run(&server, "2027-04-04").await, 0, "Qingming is 5 April in 2027");
    assert_eq!(run(&server, "2027-04-05").await, 1);
    assert_eq!(run(&server, "2027-04-05").await, 0);
    let msgs = reminders(&owner, &server).await;
    assert_eq!(msgs.len(), 1);
    assert_eq!(msgs[0]["event"], "memorial.qingming");
    assert_eq!(msgs[0]["detail"], "王秀兰");
    // Turned off: no more reminders.
    let id = msgs[0]["reference"].as_str().unwrap();
    owner
        .put(server.url(&format!("/api/v1/memorial/memorials/{id}/reminder")))
        .json(&json!({ "on": false }))
        .send()
        .await
        .unwrap();
    assert_eq!(run(&server, "2028-04-04").await, 0);
}
both_engines!(qingming_once_per_year);

/// Only a district admin starts the run; each run is in the audit trail with what it sent.
async fn district_admins_only(server: TestServer) {
    let body = json!({ "date": "2027-04-05" });
    let gate = staff_common::kept(&server, "gate", "gate_staff", Some("baoshan")).await;
    staff_common::refuses_all_but_its_role(&server, reqwest::Method::POST, RUN, &body, "13500000009", &gate).await;
    assert_eq!(server.count("SELECT COUNT(*) FROM audit_trail WHERE action = 'run.memorial_reminders'").await, 0);
    assert_eq!(run(&server, "2027-04-05").await, 0);
    let (actor, day, after): (String, String, String) = sqlx::query_as(
        "SELECT actor, subject_id, after_state FROM audit_trail WHERE action = 'run.memorial_reminders'",
    )
    .fetch_one(&server.db.pool)
    .await
    .unwrap();
    assert_eq!((actor.as_str(), day.as_str(), after.as_str()), ("district-admin", "2027-04-05", r#"{"sent":0}"#));
}
both_engines!(district_admins_only);
