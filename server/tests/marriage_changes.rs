//! 婚姻登记预约, after booking, over real HTTP on SQLite and PostgreSQL: moving a booking to
//! another time (one transaction: the new place taken, the old one given back, never overbooked).

mod common;
mod marriage_common;

use common::{expect_error, TestServer};
use marriage_common::*;
use reqwest::StatusCode;
use serde_json::{json, Value};

fn reschedule_path(booking: &Value) -> String {
    format!("/api/v1/marriage/bookings/{}/reschedule", booking["id"].as_str().unwrap())
}

async fn reschedule_takes_the_new_place_and_gives_the_old_one_back(server: TestServer) {
    seed_offices(&server).await;
    let day1 = open_day_slots(&server, "xixiang", 0).await;
    let day2 = open_day_slots(&server, "xixiang", 1).await;
    let (old, new) = (day1[0]["id"].as_str().unwrap(), day2[3]["id"].as_str().unwrap());
    let c = server.client();
    server.sign_in(&c, "13700000011").await;
    let booking = confirmed(&server, &c, &booked(&server, &c, "marriage", old, 1).await).await;
    let (old_left, new_left) = (places_left(&server, old).await, places_left(&server, new).await);

    let r = post(&server, &c, &reschedule_path(&booking), json!({ "slot_id": new })).await;
    assert_eq!(r.status(), StatusCode::OK);
    let moved: Value = r.json().await.unwrap();
    assert_eq!(moved["slot"]["id"], new);
    assert_eq!(moved["status"], "confirmed", "a confirmed booking stays confirmed");
    assert_eq!(moved["reference"], booking["reference"], "same booking, same reference");
    assert_eq!(places_left(&server, old).await, old_left + 1, "the old place is back");
    assert_eq!(places_left(&server, new).await, new_left - 1, "the new place is taken");
    let mine = get_json(&c, server.url("/api/v1/marriage/bookings")).await;
    assert_eq!(mine["bookings"][0]["slot"]["id"], new);
    assert_eq!(mine["bookings"].as_array().unwrap().len(), 1, "moved, not duplicated");
    let msgs = get_json(&c, server.url("/api/v1/me/messages")).await;
    assert!(msgs["messages"].as_array().unwrap().iter().any(|m| m["event"] == "marriage.rescheduled"), "{msgs}");

    // A slot outside the bookable period (or not a registration slot) is refused, nothing moves.
    let ceremony = get_json(&c, server.url(&format!("/api/v1/marriage/offices/xixiang/days/{}/slots", day2[0]["date"].as_str().unwrap()))).await;
    let ceremony_id = ceremony["ceremony"][0]["id"].as_str().unwrap();
    let r = post(&server, &c, &reschedule_path(&booking), json!({ "slot_id": ceremony_id })).await;
    let body = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(body["fields"]["slot_id"], "marriage.slot_unavailable");
    assert_eq!(places_left(&server, new).await, new_left - 1);

    // Once the visit's day has come, the booking can no longer move.
    let new_day = baoan_contract::rules::date::Date::parse_iso(moved["slot"]["date"].as_str().unwrap()).unwrap();
    server.clock.advance((new_day.days_since_epoch() - server.clock.today().days_since_epoch()) * 86_400);
    let later = first_slot(&server, "xixiang").await;
    let r = post(&server, &c, &reschedule_path(&booking), json!({ "slot_id": later["id"] })).await;
    expect_error(r, StatusCode::CONFLICT, "conflict").await;
}
both_engines!(reschedule_takes_the_new_place_and_gives_the_old_one_back);

async fn reschedule_to_a_full_slot_leaves_the_booking_unchanged(server: TestServer) {
    seed_offices(&server).await;
    let slots = open_day_slots(&server, "shajing", 0).await;
    let (old, full) = (slots[0]["id"].as_str().unwrap(), slots[1]["id"].as_str().unwrap());
    let c = server.client();
    server.sign_in(&c, "13700000012").await;
    let booking = booked(&server, &c, "marriage", old, 2).await;
    sqlx::query("UPDATE marriage_slots SET taken = capacity WHERE id = $1").bind(full).execute(&server.db.pool).await.unwrap();
    let (old_left, full_left) = (places_left(&server, old).await, places_left(&server, full).await);

    let r = post(&server, &c, &reschedule_path(&booking), json!({ "slot_id": full })).await;
    let body = expect_error(r, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(body["fields"]["slot_id"], "marriage.slot_full");
    let after = get_json(&c, server.url(&format!("/api/v1/marriage/bookings/{}", booking["id"].as_str().unwrap()))).await;
    assert_eq!(after["slot"]["id"], old, "the booking keeps its time");
    assert_eq!(after["status"], "awaiting_partner");
    assert_eq!((places_left(&server, old).await, places_left(&server, full).await), (old_left, full_left), "nothing taken or released");
}
both_engines!(reschedule_to_a_full_slot_leaves_the_booking_unchanged);

/// Twelve bookings try to move into a slot with three places at once: exactly three move, the
/// rest get "full" and keep their old time; no place is lost or made up on either side.
async fn parallel_reschedules_cannot_overbook(server: TestServer) {
    seed_offices(&server).await;
    let day1 = open_day_slots(&server, "baoan-district", 0).await;
    let target = open_day_slots(&server, "baoan-district", 2).await[5]["id"].as_str().unwrap().to_string();
    sqlx::query("UPDATE marriage_slots SET capacity = 3 WHERE id = $1").bind(&target).execute(&server.db.pool).await.unwrap();
    let c = server.client();
    server.sign_in(&c, "13700000013").await;
    let mut bookings = Vec::new();
    for n in 0..12u16 {
        let from = day1[(n % 4) as usize]["id"].as_str().unwrap();
        bookings.push(booked(&server, &c, "marriage", from, 100 + n).await);
    }
    let free_before: i64 = server.count("SELECT CAST(SUM(capacity - taken) AS BIGINT) FROM marriage_slots").await;
    let mut tasks = Vec::new();
    for b in &bookings {
        let (server, c, path, target) = (server.clone(), c.clone(), reschedule_path(b), target.clone());
        tasks.push(tokio::spawn(async move {
            let r = post(&server, &c, &path, json!({ "slot_id": target })).await;
            let status = r.status();
            (status, r.json::<Value>().await.unwrap())
        }));
    }
    let (mut moved, mut full) = (0, 0);
    for t in tasks {
        match t.await.unwrap() {
            (StatusCode::OK, b) if b["slot"]["id"] == target.as_str() => moved += 1,
            (StatusCode::CONFLICT, b) if b["fields"]["slot_id"] == "marriage.slot_full" => full += 1,
            (status, body) => panic!("unexpected {status}: {body}"),
        }
    }
    assert_eq!((moved, full), (3, 9));
    assert_eq!(places_left(&server, &target).await, 0);
    assert_eq!(server.count("SELECT CAST(SUM(capacity - taken) AS BIGINT) FROM marriage_slots").await, free_before, "places moved, none lost");
    let mine = get_json(&c, server.url("/api/v1/marriage/bookings")).await;
    let at_target = mine["bookings"].as_array().unwrap().iter().filter(|b| b["slot"]["id"] == target.as_str()).count();
    assert_eq!(at_target, 3);
}
both_engines!(parallel_reschedules_cannot_overbook);

async fn another_resident_cannot_reschedule(server: TestServer) {
    seed_offices(&server).await;
    let slots = open_day_slots(&server, "xixiang", 0).await;
    let (old, new) = (slots[0]["id"].as_str().unwrap(), slots[1]["id"].as_str().unwrap());
    let owner = server.client();
    server.sign_in(&owner, "13700000014").await;
    let booking = booked(&server, &owner, "marriage", old, 3).await;
    let stranger = server.client();
    server.sign_in(&stranger, "13700000015").await;
    let new_left = places_left(&server, new).await;
    let r = post(&server, &stranger, &reschedule_path(&booking), json!({ "slot_id": new })).await;
    expect_error(r, StatusCode::NOT_FOUND, "not_found").await;
    assert_eq!(places_left(&server, new).await, new_left);
    // A cancelled booking cannot be moved either.
    post(&server, &owner, &format!("/api/v1/marriage/bookings/{}/cancel", booking["id"].as_str().unwrap()), json!({})).await;
    let r = post(&server, &owner, &reschedule_path(&booking), json!({ "slot_id": new })).await;
    expect_error(r, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(places_left(&server, new).await, new_left);
}
both_engines!(another_resident_cannot_reschedule);

/// A new partner code: not before the cooldown (the booking says how long), the old code stops
/// working, and the per-phone hourly limit of the foundation applies.
async fn partner_code_can_be_sent_again_after_the_cooldown(server: TestServer) {
    use baoan_contract::api::SMS_RESEND_AFTER_SECONDS;
    seed_offices(&server).await;
    let slot = first_slot(&server, "xixiang").await;
    let c = server.client();
    server.sign_in(&c, "13700000016").await;
    let booking = booked(&server, &c, "marriage", slot["id"].as_str().unwrap(), 4).await;
    // (The test clock also runs in real time: a second may pass between sending and answering.)
    let about = |v: &Value, want: i64| (want - 2..=want).contains(&v.as_i64().unwrap());
    assert!(about(&booking["resend_code_in"], SMS_RESEND_AFTER_SECONDS), "the first code has just gone: {booking}");
    let id = booking["id"].as_str().unwrap();
    let resend = format!("/api/v1/marriage/bookings/{id}/resend-code");
    let first_code = server.outbox_code(PHONE_B).await;

    let body = expect_error(post(&server, &c, &resend, json!({})).await, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    assert_eq!(body["fields"]["code"], "sms.rate_limited");
    server.clock.advance(20);
    let now = get_json(&c, server.url(&format!("/api/v1/marriage/bookings/{id}"))).await;
    assert!(about(&now["resend_code_in"], SMS_RESEND_AFTER_SECONDS - 20), "the wait counts down: {now}");

    server.clock.advance(SMS_RESEND_AFTER_SECONDS - 20 + 1);
    let r = post(&server, &c, &resend, json!({})).await;
    assert_eq!(r.status(), StatusCode::OK);
    let again: Value = r.json().await.unwrap();
    assert!(about(&again["resend_code_in"], SMS_RESEND_AFTER_SECONDS), "{again}");
    let second_code = server.outbox_code(PHONE_B).await;
    let confirm = format!("/api/v1/marriage/bookings/{id}/confirm");
    if first_code != second_code {
        let body = expect_error(post(&server, &c, &confirm, json!({ "code": first_code })).await, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
        assert_eq!(body["fields"]["code"], "sms_code.wrong", "the old code no longer works");
    }
    // The per-phone hourly limit (2 here): the third code within the hour is refused.
    server.clock.advance(SMS_RESEND_AFTER_SECONDS + 1);
    assert_eq!(post(&server, &c, &resend, json!({})).await.status(), StatusCode::OK);
    let third_code = server.outbox_code(PHONE_B).await;
    server.clock.advance(SMS_RESEND_AFTER_SECONDS + 1);
    let body = expect_error(post(&server, &c, &resend, json!({})).await, StatusCode::TOO_MANY_REQUESTS, "rate_limited").await;
    assert_eq!(body["fields"]["code"], "sms.rate_limited");
    assert_eq!(server.outbox_code(PHONE_B).await, third_code, "no code sent when refused");

    let r = post(&server, &c, &confirm, json!({ "code": third_code })).await;
    assert_eq!(r.status(), StatusCode::OK);
    let done: Value = r.json().await.unwrap();
    assert_eq!(done["status"], "confirmed");
    assert!(done["resend_code_in"].is_null(), "nothing to resend once confirmed");
    expect_error(post(&server, &c, &resend, json!({})).await, StatusCode::CONFLICT, "conflict").await;
}
both_engines!(partner_code_can_be_sent_again_after_the_cooldown, |c: &mut baoan_server::config::Config| {
    c.sms_per_phone_per_hour = 2;
});
