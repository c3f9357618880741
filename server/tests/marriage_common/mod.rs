//! What the marriage tests share: couples with valid documents, the demo offices, slots, booking.

#![allow(dead_code)]

use crate::common::{self, TestServer};
use baoan_contract::rules::date::Date;
use baoan_contract::rules::resident_id::make_resident_id;
use reqwest::StatusCode;
use serde_json::{json, Value};

pub fn id(birth: Date, seq: u16, male: bool) -> String {
    make_resident_id("440306", birth, seq, male)
}

/// A couple whose documents are unique to `n`.
pub fn couple(n: u16) -> (Value, Value) {
    let him = json!({ "name": "张伟", "id_type": "resident_id", "id_number": id(Date::new(1990, 1, 1).unwrap(), n, true),
        "birth_date": "", "sex": null, "nationality": "中国", "phone": "13800000001" });
    let her = json!({ "name": "李娜", "id_type": "resident_id", "id_number": id(Date::new(1992, 2, 2).unwrap(), n, false),
        "birth_date": "", "sex": null, "nationality": "中国", "phone": "13900000002" });
    (him, her)
}

pub async fn seed_offices(server: &TestServer) {
    let mut conn = server.db.pool.acquire().await.unwrap();
    baoan_server::journeys::marriage::seed_demo(&mut conn, server.clock.now()).await.unwrap();
}

pub async fn get_json(client: &reqwest::Client, url: String) -> Value {
    let r = client.get(url).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

/// The first registration slot of the first open day at `office`.
pub async fn first_slot(server: &TestServer, office: &str) -> Value {
    let c = server.client();
    let days = get_json(&c, server.url(&format!("/api/v1/marriage/offices/{office}/days"))).await;
    let day = days["days"].as_array().unwrap().iter().find(|d| d["state"] == "open").expect("an open day").clone();
    let slots = get_json(&c, server.url(&format!("/api/v1/marriage/offices/{office}/days/{}/slots", day["date"].as_str().unwrap()))).await;
    slots["slots"][0].clone()
}

pub async fn book(server: &TestServer, client: &reqwest::Client, slot: &str, n: u16) -> reqwest::Response {
    let (a, b) = couple(n);
    client
        .post(server.url("/api/v1/marriage/bookings"))
        .header("idempotency-key", format!("key-{n}-{}", common::random_hex(6)))
        .json(&json!({ "kind": "marriage", "slot_id": slot, "party_a": a, "party_b": b,
            "ceremony_slot_id": null, "counselling_slot_id": null }))
        .send()
        .await
        .unwrap()
}

pub async fn places_left(server: &TestServer, slot_id: &str) -> i64 {
    let (cap, taken): (i64, i64) = sqlx::query_as("SELECT capacity, taken FROM marriage_slots WHERE id = $1")
        .bind(slot_id)
        .fetch_one(&server.db.pool)
        .await
        .unwrap();
    cap - taken
}


/// The registration slots of the `nth` open day at `office`.
pub async fn open_day_slots(server: &TestServer, office: &str, nth: usize) -> Vec<Value> {
    let c = server.client();
    let days = get_json(&c, server.url(&format!("/api/v1/marriage/offices/{office}/days"))).await;
    let open: Vec<&Value> = days["days"].as_array().unwrap().iter().filter(|d| d["state"] == "open").collect();
    let date = open[nth]["date"].as_str().unwrap();
    let slots = get_json(&c, server.url(&format!("/api/v1/marriage/offices/{office}/days/{date}/slots"))).await;
    slots["slots"].as_array().unwrap().clone()
}

/// Books `kind` for couple `n`; panics unless it succeeds.
pub async fn booked(server: &TestServer, client: &reqwest::Client, kind: &str, slot: &str, n: u16) -> Value {
    let (a, b) = couple(n);
    let r = client
        .post(server.url("/api/v1/marriage/bookings"))
        .header("idempotency-key", format!("key-{n}-{}", common::random_hex(6)))
        .json(&json!({ "kind": kind, "slot_id": slot, "party_a": a, "party_b": b,
            "ceremony_slot_id": null, "counselling_slot_id": null }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

/// Enters the code party B received; the booking is then confirmed.
pub async fn confirmed(server: &TestServer, client: &reqwest::Client, booking: &Value) -> Value {
    let code = server.outbox_code(PHONE_B).await;
    let id = booking["id"].as_str().unwrap();
    let r = client.post(server.url(&format!("/api/v1/marriage/bookings/{id}/confirm"))).json(&json!({ "code": code })).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let b: Value = r.json().await.unwrap();
    assert_eq!(b["status"], "confirmed");
    b
}

/// Every test couple's party B has this phone (see `couple`); the outbox keeps the last code.
pub const PHONE_B: &str = "13900000002";

pub async fn post(server: &TestServer, client: &reqwest::Client, path: &str, body: Value) -> reqwest::Response {
    client.post(server.url(path)).json(&body).send().await.unwrap()
}

/// The first registration slot with places at `office` on the first open day on or after `from`.
pub async fn slot_from(server: &TestServer, office: &str, from: Date) -> Value {
    let c = server.client();
    let days = get_json(&c, server.url(&format!("/api/v1/marriage/offices/{office}/days"))).await;
    let day = days["days"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["state"] == "open" && Date::parse_iso(d["date"].as_str().unwrap()).unwrap() >= from)
        .expect("an open day on or after the date")
        .clone();
    let slots = get_json(&c, server.url(&format!("/api/v1/marriage/offices/{office}/days/{}/slots", day["date"].as_str().unwrap()))).await;
    slots["slots"].as_array().unwrap().iter().find(|s| s["places_left"].as_u64().unwrap() > 0).unwrap().clone()
}

/// Moves the server's clock to the start of `day` (Shenzhen time) or later.
pub fn advance_to(server: &TestServer, day: Date) {
    let days = day.days_since_epoch() - server.clock.today().days_since_epoch();
    if days > 0 {
        server.clock.advance(days * 86_400);
    }
}

pub fn date_of(v: &Value) -> Date {
    Date::parse_iso(v.as_str().unwrap()).unwrap()
}
