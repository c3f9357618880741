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

/// Couple `n`'s phones: party A signs in with `phone_a(n)`, party B with `phone_b(n)`.
pub fn phone_a(n: u16) -> String {
    format!("137{n:08}")
}
pub fn phone_b(n: u16) -> String {
    format!("139{n:08}")
}

/// A couple whose documents and phones are unique to `n`.
pub fn couple(n: u16) -> (Value, Value) {
    let him = json!({ "name": "张伟", "id_type": "resident_id", "id_number": id(Date::new(1990, 1, 1).unwrap(), n, true),
        "birth_date": "", "sex": null, "nationality": "中国", "phone": phone_a(n) });
    let her = json!({ "name": "李娜", "id_type": "resident_id", "id_number": id(Date::new(1992, 2, 2).unwrap(), n, false),
        "birth_date": "", "sex": null, "nationality": "中国", "phone": phone_b(n) });
    (him, her)
}

/// For tests that sign in many residents from one address.
pub fn many_sign_ins(c: &mut baoan_server::config::Config) {
    c.sms_per_ip_per_hour = 10_000;
}

/// Saves `party`'s name and document as the signed-in resident's profile.
pub async fn set_profile(server: &TestServer, client: &reqwest::Client, party: &Value) {
    let r = client
        .put(server.url("/api/v1/me/profile"))
        .json(&json!({ "name": party["name"], "id_type": party["id_type"], "id_number": party["id_number"] }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK, "profile saved");
}

/// A resident signed in with `phone` whose profile holds `party`'s identity.
pub async fn resident(server: &TestServer, phone: &str, party: &Value) -> reqwest::Client {
    let c = server.client();
    server.sign_in(&c, phone).await;
    set_profile(server, &c, party).await;
    c
}

/// Couple `n`'s party A, signed in, profile filled.
pub async fn booker(server: &TestServer, n: u16) -> reqwest::Client {
    resident(server, &phone_a(n), &couple(n).0).await
}

/// Couple `n`'s party B, signed in with their own phone, profile filled.
pub async fn partner(server: &TestServer, n: u16) -> reqwest::Client {
    resident(server, &phone_b(n), &couple(n).1).await
}

/// Couple `n`'s party B signing in again (their profile is already filled).
pub async fn partner_again(server: &TestServer, n: u16) -> reqwest::Client {
    let c = server.client();
    server.sign_in(&c, &phone_b(n)).await;
    c
}

/// Party A's part of a booking request: only what the profile does not hold.
pub fn own_details() -> Value {
    json!({ "birth_date": "", "sex": null, "nationality": "中国" })
}

pub fn request(kind: &str, slot: &str, party_b: &Value) -> Value {
    json!({ "kind": kind, "slot_id": slot, "party_a": own_details(), "party_b": party_b,
        "ceremony_slot_id": null, "counselling_slot_id": null })
}

pub async fn post_booking(server: &TestServer, client: &reqwest::Client, body: &Value) -> reqwest::Response {
    client
        .post(server.url("/api/v1/marriage/bookings"))
        .header("idempotency-key", format!("key-{}", common::random_hex(8)))
        .json(body)
        .send()
        .await
        .unwrap()
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
    let slots = get_json(
        &c,
        server.url(&format!("/api/v1/marriage/offices/{office}/days/{}/slots", day["date"].as_str().unwrap())),
    )
    .await;
    slots["slots"][0].clone()
}

/// A marriage booking by `client` (couple `n`'s party A) naming couple `n`'s party B.
pub async fn book(server: &TestServer, client: &reqwest::Client, slot: &str, n: u16) -> reqwest::Response {
    post_booking(server, client, &request("marriage", slot, &couple(n).1)).await
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

/// Books `kind` for couple `n` from `client` (their party A); panics unless it succeeds.
pub async fn booked(server: &TestServer, client: &reqwest::Client, kind: &str, slot: &str, n: u16) -> Value {
    let r = post_booking(server, client, &request(kind, slot, &couple(n).1)).await;
    assert_eq!(r.status(), StatusCode::OK, "booked: {}", r.text().await.unwrap_or_default());
    r.json().await.unwrap()
}

/// Party B of couple `n` signs in with their own phone and confirms; returns the booking as the
/// booker (`client`) now sees it.
pub async fn confirmed(server: &TestServer, client: &reqwest::Client, booking: &Value, n: u16) -> Value {
    let b = partner(server, n).await;
    let id = booking["id"].as_str().unwrap();
    let r = post(server, &b, &format!("/api/v1/marriage/bookings/{id}/confirm"), json!({})).await;
    assert_eq!(r.status(), StatusCode::OK, "confirmed: {}", r.text().await.unwrap_or_default());
    let now = get_json(client, server.url(&format!("/api/v1/marriage/bookings/{id}"))).await;
    assert_eq!(now["status"], "confirmed");
    now
}

/// The notices the development sender "sent" to `phone` (the outbox lists them once the auth
/// slice's outbox change is in; until then the sender is read directly).
pub fn notices_to(server: &TestServer, phone: &str) -> usize {
    server.state.sms.notices(phone).len()
}

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
    let slots = get_json(
        &c,
        server.url(&format!("/api/v1/marriage/offices/{office}/days/{}/slots", day["date"].as_str().unwrap())),
    )
    .await;
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
