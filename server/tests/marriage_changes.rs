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
    let c = booker(&server, 1).await;
    let booking = confirmed(&server, &c, &booked(&server, &c, "marriage", old, 1).await, 1).await;
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
    let ceremony = get_json(
        &c,
        server.url(&format!("/api/v1/marriage/offices/xixiang/days/{}/slots", day2[0]["date"].as_str().unwrap())),
    )
    .await;
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
    let c = booker(&server, 2).await;
    let booking = booked(&server, &c, "marriage", old, 2).await;
    sqlx::query("UPDATE marriage_slots SET taken = capacity WHERE id = $1")
        .bind(full)
        .execute(&server.db.pool)
        .await
        .unwrap();
    let (old_left, full_left) = (places_left(&server, old).await, places_left(&server, full).await);

    let r = post(&server, &c, &reschedule_path(&booking), json!({ "slot_id": full })).await;
    let body = expect_error(r, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(body["fields"]["slot_id"], "marriage.slot_full");
    let after =
        get_json(&c, server.url(&format!("/api/v1/marriage/bookings/{}", booking["id"].as_str().unwrap()))).await;
    assert_eq!(after["slot"]["id"], old, "the booking keeps its time");
    assert_eq!(after["status"], "awaiting_partner");
    assert_eq!(
        (places_left(&server, old).await, places_left(&server, full).await),
        (old_left, full_left),
        "nothing taken or released"
    );
}
both_engines!(reschedule_to_a_full_slot_leaves_the_booking_unchanged);

/// Twelve bookings try to move into a slot with three places at once: exactly three move, the
/// rest get "full" and keep their old time; no place is lost or made up on either side.
async fn parallel_reschedules_cannot_overbook(server: TestServer) {
    seed_offices(&server).await;
    let day1 = open_day_slots(&server, "baoan-district", 0).await;
    let target = open_day_slots(&server, "baoan-district", 2).await[5]["id"].as_str().unwrap().to_string();
    sqlx::query("UPDATE marriage_slots SET capacity = 3 WHERE id = $1")
        .bind(&target)
        .execute(&server.db.pool)
        .await
        .unwrap();
    // Twelve residents, one booking each (one pending booking per account).
    let mut bookings = Vec::new();
    for n in 0..12u16 {
        let from = day1[(n % 4) as usize]["id"].as_str().unwrap();
        let c = booker(&server, 100 + n).await;
        bookings.push((c.clone(), booked(&server, &c, "marriage", from, 100 + n).await));
    }
    let free_before: i64 = server.count("SELECT CAST(SUM(capacity - taken) AS BIGINT) FROM marriage_slots").await;
    let mut tasks = Vec::new();
    for (c, b) in &bookings {
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
    assert_eq!(
        server.count("SELECT CAST(SUM(capacity - taken) AS BIGINT) FROM marriage_slots").await,
        free_before,
        "places moved, none lost"
    );
    let mut at_target = 0;
    for (c, _) in &bookings {
        let mine = get_json(c, server.url("/api/v1/marriage/bookings")).await;
        at_target += mine["bookings"].as_array().unwrap().iter().filter(|b| b["slot"]["id"] == target.as_str()).count();
    }
    assert_eq!(at_target, 3);
}
both_engines!(parallel_reschedules_cannot_overbook, many_sign_ins);

async fn another_resident_cannot_reschedule(server: TestServer) {
    seed_offices(&server).await;
    let slots = open_day_slots(&server, "xixiang", 0).await;
    let (old, new) = (slots[0]["id"].as_str().unwrap(), slots[1]["id"].as_str().unwrap());
    let owner = booker(&server, 3).await;
    let booking = booked(&server, &owner, "marriage", old, 3).await;
    let stranger = booker(&server, 15).await;
    let new_left = places_left(&server, new).await;
    let r = post(&server, &stranger, &reschedule_path(&booking), json!({ "slot_id": new })).await;
    expect_error(r, StatusCode::NOT_FOUND, "not_found").await;
    assert_eq!(places_left(&server, new).await, new_left);
    // Party B sees the booking but only the booker moves it.
    let b = partner(&server, 3).await;
    let r = post(&server, &b, &reschedule_path(&booking), json!({ "slot_id": new })).await;
    expect_error(r, StatusCode::NOT_FOUND, "not_found").await;
    assert_eq!(places_left(&server, new).await, new_left);
    // A cancelled booking cannot be moved either.
    post(&server, &owner, &format!("/api/v1/marriage/bookings/{}/cancel", booking["id"].as_str().unwrap()), json!({}))
        .await;
    let r = post(&server, &owner, &reschedule_path(&booking), json!({ "slot_id": new })).await;
    expect_error(r, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(places_left(&server, new).await, new_left);
}
both_engines!(another_resident_cannot_reschedule);
