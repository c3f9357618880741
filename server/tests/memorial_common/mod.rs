//! What the memorial tests share.

#![allow(dead_code)]

use crate::common::TestServer;
use baoan_contract::rules::date::Date;
use reqwest::StatusCode;
use serde_json::{json, Value};

/// The owner invites and `family` accepts: `family` is then a family member of memorial `id`.
pub async fn join_family(server: &TestServer, owner: &reqwest::Client, family: &reqwest::Client, id: &str) {
    let invitation: Value = owner
        .post(server.url(&format!("/api/v1/memorial/memorials/{id}/invitations")))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = invitation["token"].as_str().unwrap();
    family.post(server.url(&format!("/api/v1/memorial/invitations/{token}/accept"))).send().await.unwrap();
}

/// A district admin opens a qingming window at 宝山园 from today for ten days, hours 8..=9,
/// `capacity` places each; service all day.
pub async fn open_window(server: &TestServer, capacity: i64) -> Value {
    let admin = crate::staff_common::district_admin(server).await;
    let today = server.clock.today();
    let r = admin
        .post(server.url("/api/v1/staff/memorial/windows"))
        .json(&json!({
            "cemetery_id": "baoshan", "kind": "qingming",
            "starts_on": today.to_iso(), "ends_on": today.add_days(10).to_iso(),
            "days_ahead": 7, "service_opens_minute": 0, "service_closes_minute": 1440,
            "first_hour": 8, "last_hour": 9, "capacity": capacity
        }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK, "open window");
    r.json().await.unwrap()
}

/// Moves the server's clock to `minute` after Shenzhen midnight on `day` (never backwards).
pub fn at(server: &TestServer, day: Date, minute: i64) {
    let target = day.days_since_epoch() * 86_400 + minute * 60 - 8 * 3600;
    let by = target - server.clock.now();
    assert!(by >= 0, "the clock only moves forward");
    server.clock.advance(by);
}
