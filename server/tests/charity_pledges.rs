//! Monthly pledges over real HTTP on both engines: the first gift pays its own month; each later
//! month is charged exactly once (two runs at the same moment, or a run repeated, still make one
//! charge), with a gift, a receipt and a ledger line; a cancelled pledge is never charged again;
//! only its donor sees or cancels it.

mod common;
mod staff_common;

use baoan_contract::rules::date::Date;
use common::{expect_error, TestServer};
use reqwest::StatusCode;
use serde_json::{json, Value};

const RUN: &str = "/api/v1/staff/runs/charity-pledges";

fn demo(c: &mut baoan_server::config::Config) {
    c.seed_demo_data = true;
}

/// The first day of the month `n` months after `d`'s.
fn months_later(d: Date, n: i32) -> Date {
    let m0 = d.year() * 12 + d.month() as i32 - 1 + n;
    Date::new(m0 / 12, (m0 % 12 + 1) as u8, 1).unwrap()
}

/// A district admin runs the charge for `date`.
async fn charge(server: &TestServer, date: Date) -> Value {
    let admin = staff_common::district_admin(server).await;
    let r = admin.post(server.url(RUN)).json(&json!({ "date": date.to_iso() })).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

/// Starts a monthly pledge of ¥20 to p-elder-meals for a signed-in resident; returns the client.
async fn pledge(server: &TestServer, phone: &str, key: &str) -> reqwest::Client {
    let client = server.client();
    server.sign_in(&client, phone).await;
    let order: Value = client
        .post(server.url("/api/v1/charity/gifts"))
        .header("Idempotency-Key", key)
        .json(&json!({ "project_id": "p-elder-meals", "amount_fen": 2000, "anonymous": false,
                       "donor_name": "林女士", "frequency": "monthly" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = order["order_id"].as_str().unwrap();
    let r = client
        .post(server.url(&format!("/api/v1/charity/gifts/{id}/sandbox-pay")))
        .json(&json!({ "token": "sandbox-approve" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    client
}

async fn get(server: &TestServer, client: &reqwest::Client, path: &str) -> Value {
    let r = client.get(server.url(path)).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK, "{path}");
    r.json().await.unwrap()
}

async fn raised(server: &TestServer) -> i64 {
    let p: Value =
        reqwest::get(server.url("/api/v1/charity/projects/p-elder-meals")).await.unwrap().json().await.unwrap();
    p["card"]["raised_fen"].as_i64().unwrap()
}

async fn each_month_is_charged_once(server: TestServer) {
    let client = pledge(&server, "13800000031", "pledge-key-1").await;
    let today = server.clock.today();
    let pledges = get(&server, &client, "/api/v1/me/charity/pledges").await;
    assert_eq!(pledges.as_array().unwrap().len(), 1);
    assert_eq!(pledges[0]["status"], "active");
    assert_eq!(pledges[0]["monthly_charges"], 0);
    let pledge_id = pledges[0]["id"].as_str().unwrap().to_string();

    // This month was paid by the first gift.
    let r = charge(&server, today).await;
    assert_eq!(r["charged"], 0);
    let start_raised = raised(&server).await;
    let start_ledger = server.count("SELECT COUNT(*) FROM charity_ledger WHERE project_id = 'p-elder-meals'").await;
    let start_donors = server.count("SELECT donors FROM charity_projects WHERE id = 'p-elder-meals'").await;

    // Next month: two runs at the same moment, then one more: one charge.
    let next = months_later(today, 1);
    let (a, b) = tokio::join!(charge(&server, next), charge(&server, next));
    assert_eq!(a["charged"].as_i64().unwrap() + b["charged"].as_i64().unwrap(), 1, "{a} {b}");
    assert_eq!(a["already_charged"].as_i64().unwrap() + b["already_charged"].as_i64().unwrap(), 1, "{a} {b}");
    let again = charge(&server, next.add_days(10)).await;
    assert_eq!((again["charged"].as_i64(), again["already_charged"].as_i64()), (Some(0), Some(1)));
    assert_eq!(raised(&server).await, start_raised + 2000);
    assert_eq!(
        server.count("SELECT COUNT(*) FROM charity_ledger WHERE project_id = 'p-elder-meals'").await,
        start_ledger + 1
    );
    // The same donor again: the project's donor count does not grow.
    assert_eq!(server.count("SELECT donors FROM charity_projects WHERE id = 'p-elder-meals'").await, start_donors);

    // The charge is a paid monthly gift with its own receipt, listed in 我的捐赠.
    let gifts = get(&server, &client, "/api/v1/me/charity/gifts").await;
    let gifts = gifts.as_array().unwrap();
    assert_eq!(gifts.len(), 2);
    let charged: Vec<&Value> = gifts
        .iter()
        .filter(|g| g["order_id"].as_str().unwrap().ends_with(&format!("-{:04}-{:02}", next.year(), next.month())))
        .collect();
    assert_eq!(charged.len(), 1);
    let receipt = &charged[0]["receipt"];
    assert_eq!(charged[0]["status"], "paid");
    assert_eq!(charged[0]["frequency"], "monthly");
    assert_eq!(receipt["amount_fen"], 2000);
    assert_eq!(receipt["donor"], "林女士");
    assert!(receipt["receipt_no"].as_str().unwrap().starts_with(&format!("CS{}", next.to_iso().replace('-', ""))));
    assert_ne!(
        receipt["receipt_no"],
        gifts.iter().find(|g| !std::ptr::eq(*g, charged[0])).unwrap()["receipt"]["receipt_no"]
    );
    assert_eq!(server.count("SELECT COUNT(*) FROM messages WHERE event = 'charity.pledge_charged'").await, 1);

    // The month after: a second charge.
    let after = months_later(today, 2);
    assert_eq!(charge(&server, after).await["charged"], 1);
    assert_eq!(raised(&server).await, start_raised + 4000);
    let pledges = get(&server, &client, "/api/v1/me/charity/pledges").await;
    assert_eq!(pledges[0]["monthly_charges"], 2);
    assert_eq!(pledges[0]["last_month"], format!("{:04}-{:02}", after.year(), after.month()));

    // Another resident neither sees nor cancels it.
    let other = server.client();
    server.sign_in(&other, "13800000032").await;
    assert_eq!(get(&server, &other, "/api/v1/me/charity/pledges").await, json!([]));
    let r = other.post(server.url(&format!("/api/v1/me/charity/pledges/{pledge_id}/cancel"))).send().await.unwrap();
    expect_error(r, StatusCode::NOT_FOUND, "not_found").await;
    let r = server
        .plain_client()
        .post(server.url(&format!("/api/v1/me/charity/pledges/{pledge_id}/cancel")))
        .send()
        .await
        .unwrap();
    expect_error(r, StatusCode::UNAUTHORIZED, "unauthorized").await;
    assert_eq!(get(&server, &client, "/api/v1/me/charity/pledges").await[0]["status"], "active");

    // Its donor cancels (twice: the same answer); no later month is charged.
    for _ in 0..2 {
        let r =
            client.post(server.url(&format!("/api/v1/me/charity/pledges/{pledge_id}/cancel"))).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::OK);
        let p: Value = r.json().await.unwrap();
        assert_eq!(p["status"], "cancelled");
        assert_eq!(p["monthly_charges"], 2);
    }
    for n in 3..5 {
        let r = charge(&server, months_later(today, n)).await;
        assert_eq!(
            r,
            json!({ "charged": 0, "already_charged": 0, "declined": 0, "project_finished": 0, "cancelled": 0, "reminded": 0 })
        );
    }
    assert_eq!(raised(&server).await, start_raised + 4000);
    assert_eq!(get(&server, &client, "/api/v1/me/charity/gifts").await.as_array().unwrap().len(), 3);
}
both_engines!(each_month_is_charged_once, demo);

/// Only a district admin runs the charge (no session, the bootstrap token, a resident: 401; a
/// charity editor: 403); each run is in the audit trail with its report.
async fn only_district_admins_run_the_charge(server: TestServer) {
    let body = json!({ "date": "2030-01-01" });
    let editor = staff_common::kept(&server, "editor", "charity_editor", Some("演示慈善会（示例）")).await;
    staff_common::refuses_all_but_its_role(&server, reqwest::Method::POST, RUN, &body, "13800000033", &editor).await;
    assert_eq!(server.count("SELECT COUNT(*) FROM audit_trail WHERE action = 'run.charity_pledges'").await, 0);
    charge(&server, Date::new(2030, 1, 1).unwrap()).await;
    let (actor, day): (String, String) =
        sqlx::query_as("SELECT actor, subject_id FROM audit_trail WHERE action = 'run.charity_pledges'")
            .fetch_one(&server.db.pool)
            .await
            .unwrap();
    assert_eq!((actor.as_str(), day.as_str()), ("district-admin", "2030-01-01"));
}
both_engines!(only_district_admins_run_the_charge, demo);

async fn a_finished_project_is_not_charged(server: TestServer) {
    let _client = pledge(&server, "13800000034", "pledge-key-2").await;
    sqlx::query("UPDATE charity_projects SET status = 'finished' WHERE id = 'p-elder-meals'")
        .execute(&server.db.pool)
        .await
        .unwrap();
    let r = charge(&server, months_later(server.clock.today(), 1)).await;
    assert_eq!((r["charged"].as_i64(), r["project_finished"].as_i64()), (Some(0), Some(1)));
}
both_engines!(a_finished_project_is_not_charged, demo);
