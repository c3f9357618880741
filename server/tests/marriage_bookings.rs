//! 婚姻登记预约 over real HTTP on SQLite and PostgreSQL: a slot's capacity holds under 200
//! concurrent bookings, cancel releases at once, the partner confirms by SMS code, one active
//! booking per person, unconfirmed bookings expire, and nobody sees another resident's booking.

mod common;
mod marriage_common;

use common::{expect_error, TestServer};
use marriage_common::*;
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn two_hundred_requests_for_five_places_make_five_bookings(server: TestServer) {
    seed_offices(&server).await;
    let slot = first_slot(&server, "baoan-district").await;
    let slot_id = slot["id"].as_str().unwrap().to_string();
    sqlx::query("UPDATE marriage_slots SET capacity = 5 WHERE id = $1").bind(&slot_id).execute(&server.db.pool).await.unwrap();
    // Ten residents, twenty couples each, all at once.
    let mut clients = Vec::new();
    for i in 0..10 {
        let c = server.client();
        server.sign_in(&c, &format!("137000000{i:02}")).await;
        clients.push(c);
    }
    let mut tasks = Vec::new();
    for n in 0..200u16 {
        let (server, client, slot_id) = (server.clone(), clients[n as usize % 10].clone(), slot_id.clone());
        tasks.push(tokio::spawn(async move {
            let r = book(&server, &client, &slot_id, n + 1).await;
            let status = r.status();
            (status, r.json::<Value>().await.unwrap())
        }));
    }
    let (mut made, mut full) = (0, 0);
    for t in tasks {
        let (status, body) = t.await.unwrap();
        match status {
            StatusCode::OK => made += 1,
            StatusCode::CONFLICT if body["fields"]["slot_id"] == "marriage.slot_full" => full += 1,
            other => panic!("unexpected {other}: {body}"),
        }
    }
    assert_eq!((made, full), (5, 195));
    assert_eq!(places_left(&server, &slot_id).await, 0);
    assert_eq!(server.count("SELECT COUNT(*) FROM marriage_bookings").await, 5);
    assert_eq!(server.count("SELECT COUNT(*) FROM marriage_active_people").await, 10);
}
both_engines!(two_hundred_requests_for_five_places_make_five_bookings, |c: &mut baoan_server::config::Config| {
    c.sms_per_ip_per_hour = 10_000;
});

async fn partner_confirms_with_the_code_and_cancel_releases_the_place(server: TestServer) {
    seed_offices(&server).await;
    let slot = first_slot(&server, "xixiang").await;
    let slot_id = slot["id"].as_str().unwrap();
    let before = places_left(&server, slot_id).await;
    let c = server.client();
    server.sign_in(&c, "13700000001").await;
    let r = book(&server, &c, slot_id, 1).await;
    assert_eq!(r.status(), StatusCode::OK);
    let booking: Value = r.json().await.unwrap();
    assert_eq!(booking["status"], "awaiting_partner");
    assert_eq!(places_left(&server, slot_id).await, before - 1);
    // Party A (the owner) sees their number; party B's is masked; phones are masked.
    let (a, b) = couple(1);
    assert_eq!(booking["party_a"]["id_number"], a["id_number"]);
    assert!(booking["party_b"]["id_number"].is_null());
    assert_ne!(booking["party_b"]["id_number_masked"], b["id_number"]);
    assert!(!booking.to_string().contains(b["id_number"].as_str().unwrap()), "partner's number never sent");
    assert_eq!(booking["party_b"]["phone_masked"], "139****0002");
    assert!(booking["qr"]["size"].as_u64().unwrap() > 20);

    let id = booking["id"].as_str().unwrap();
    let confirm = |code: String| c.post(server.url(&format!("/api/v1/marriage/bookings/{id}/confirm"))).json(&json!({ "code": code })).send();
    let code = server.outbox_code("13900000002").await;
    let wrong = if code == "000000" { "111111" } else { "000000" };
    let body = expect_error(confirm(wrong.into()).await.unwrap(), StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(body["fields"]["code"], "sms_code.wrong");
    let r = confirm(code).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let confirmed: Value = r.json().await.unwrap();
    assert_eq!(confirmed["status"], "confirmed");

    let ics = c.get(server.url(&format!("/api/v1/marriage/bookings/{id}/calendar.ics"))).send().await.unwrap();
    assert_eq!(ics.status(), StatusCode::OK);
    assert!(ics.headers()["content-type"].to_str().unwrap().starts_with("text/calendar"));
    let text = ics.text().await.unwrap();
    assert!(text.contains("BEGIN:VEVENT") && text.contains(confirmed["reference"].as_str().unwrap()));

    let r = c.post(server.url(&format!("/api/v1/marriage/bookings/{id}/cancel"))).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(places_left(&server, slot_id).await, before, "the place is back at once");
    // The same couple may book again now.
    assert_eq!(book(&server, &c, slot_id, 1).await.status(), StatusCode::OK);
    let msgs = get_json(&c, server.url("/api/v1/me/messages")).await;
    let events: Vec<&str> = msgs["messages"].as_array().unwrap().iter().map(|m| m["event"].as_str().unwrap()).collect();
    for e in ["marriage.awaiting_partner", "marriage.confirmed", "marriage.cancelled"] {
        assert!(events.contains(&e), "{e} in {events:?}");
    }
}
both_engines!(partner_confirms_with_the_code_and_cancel_releases_the_place);

async fn one_active_booking_per_person_and_unconfirmed_ones_expire(server: TestServer) {
    seed_offices(&server).await;
    let slot = first_slot(&server, "shajing").await;
    let slot_id = slot["id"].as_str().unwrap();
    let c = server.client();
    server.sign_in(&c, "13700000002").await;
    assert_eq!(book(&server, &c, slot_id, 7).await.status(), StatusCode::OK);
    // The same couple from another resident's account: refused, and no place taken.
    let other = server.client();
    server.sign_in(&other, "13700000003").await;
    let left = places_left(&server, slot_id).await;
    let body = expect_error(book(&server, &other, slot_id, 7).await, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(body["fields"]["party_a.id_number"], "marriage.already_booked");
    assert_eq!(places_left(&server, slot_id).await, left, "the refused booking took nothing");
    // Thirty-one minutes later, unconfirmed: released; the couple may book again.
    server.clock.advance(31 * 60);
    assert_eq!(book(&server, &other, slot_id, 7).await.status(), StatusCode::OK);
    let mine = get_json(&c, server.url("/api/v1/marriage/bookings")).await;
    assert_eq!(mine["bookings"][0]["status"], "expired");
}
both_engines!(one_active_booking_per_person_and_unconfirmed_ones_expire);

async fn another_resident_gets_404(server: TestServer) {
    seed_offices(&server).await;
    let slot = first_slot(&server, "baoan-district").await;
    let owner = server.client();
    server.sign_in(&owner, "13700000004").await;
    let booking: Value = book(&server, &owner, slot["id"].as_str().unwrap(), 3).await.json().await.unwrap();
    let id = booking["id"].as_str().unwrap();
    let stranger = server.client();
    server.sign_in(&stranger, "13700000005").await;
    for path in ["", "/calendar.ics"] {
        let r = stranger.get(server.url(&format!("/api/v1/marriage/bookings/{id}{path}"))).send().await.unwrap();
        expect_error(r, StatusCode::NOT_FOUND, "not_found").await;
    }
    for action in ["cancel", "resend-code"] {
        let r = stranger.post(server.url(&format!("/api/v1/marriage/bookings/{id}/{action}"))).send().await.unwrap();
        expect_error(r, StatusCode::NOT_FOUND, "not_found").await;
    }
    let r = stranger.post(server.url(&format!("/api/v1/marriage/bookings/{id}/confirm"))).json(&json!({"code": "123456"})).send().await.unwrap();
    expect_error(r, StatusCode::NOT_FOUND, "not_found").await;
    let list = get_json(&stranger, server.url("/api/v1/marriage/bookings")).await;
    assert_eq!(list["bookings"], json!([]));
    expect_error(server.client().get(server.url("/api/v1/marriage/bookings")).send().await.unwrap(), StatusCode::UNAUTHORIZED, "unauthorized").await;
}
both_engines!(another_resident_gets_404);
