//! 婚姻登记预约 over real HTTP on SQLite and PostgreSQL: a slot's capacity holds under concurrent
//! bookings, party A is the signed-in resident's profile, party B confirms or declines in their own
//! account, cancel releases at once, unconfirmed bookings expire, and nobody sees another's booking.

mod common;
mod marriage_common;

use common::{expect_error, TestServer};
use marriage_common::*;
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn concurrent_requests_for_five_places_make_five_bookings(server: TestServer) {
    seed_offices(&server).await;
    let slot = first_slot(&server, "baoan-district").await;
    let slot_id = slot["id"].as_str().unwrap().to_string();
    sqlx::query("UPDATE marriage_slots SET capacity = 5 WHERE id = $1")
        .bind(&slot_id)
        .execute(&server.db.pool)
        .await
        .unwrap();
    // Forty residents (one booking each: one pending per account), all at once.
    let mut clients = Vec::new();
    for n in 1..=40u16 {
        clients.push(booker(&server, n).await);
    }
    let mut tasks = Vec::new();
    for (i, client) in clients.into_iter().enumerate() {
        let (server, slot_id) = (server.clone(), slot_id.clone());
        tasks.push(tokio::spawn(async move {
            let r = book(&server, &client, &slot_id, i as u16 + 1).await;
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
    assert_eq!((made, full), (5, 35));
    assert_eq!(places_left(&server, &slot_id).await, 0);
    assert_eq!(server.count("SELECT COUNT(*) FROM marriage_bookings").await, 5);
    // Nobody's one active booking is claimed before their partner confirms: only the accounts'
    // pending holds exist.
    assert_eq!(server.count("SELECT COUNT(*) FROM marriage_active_people WHERE person LIKE 'pending:%'").await, 5);
    assert_eq!(server.count("SELECT COUNT(*) FROM marriage_active_people").await, 5);
}
both_engines!(concurrent_requests_for_five_places_make_five_bookings, many_sign_ins);

async fn party_b_confirms_in_their_own_account_and_cancel_releases_the_place(server: TestServer) {
    seed_offices(&server).await;
    let slot = first_slot(&server, "xixiang").await;
    let slot_id = slot["id"].as_str().unwrap();
    let before = places_left(&server, slot_id).await;
    let c = booker(&server, 1).await;
    let r = book(&server, &c, slot_id, 1).await;
    assert_eq!(r.status(), StatusCode::OK);
    let booking: Value = r.json().await.unwrap();
    assert_eq!(booking["status"], "awaiting_partner");
    assert_eq!(booking["role"], "booker");
    assert_eq!(places_left(&server, slot_id).await, before - 1);
    // Party A (the booker) sees their own number; party B is masked; phones are masked.
    let (a, b) = couple(1);
    assert_eq!(booking["party_a"]["id_number"], a["id_number"]);
    assert!(booking["party_b"]["id_number"].is_null() && booking["party_b"]["birth_date"].is_null());
    assert_eq!(booking["party_b"]["name"], "李*");
    assert!(!booking.to_string().contains(b["id_number"].as_str().unwrap()), "partner's number never sent");
    assert_eq!(booking["party_b"]["phone_masked"], "139****0001");
    assert!(booking.get("resend_code_in").is_none(), "no partner codes any more");
    // B's phone got a notice naming the booker masked, what, where and when — and no code.
    let notices = server.state.sms.notices(&phone_b(1));
    assert_eq!(notices.len(), 1);
    let text = notices[0].params.join(" ");
    assert!(
        text.contains("张*") && text.contains("结婚登记") && text.contains(slot["date"].as_str().unwrap()),
        "{text}"
    );
    assert!(
        !text.contains("张伟")
            && !text.chars().collect::<Vec<_>>().windows(6).any(|w| w.iter().all(char::is_ascii_digit)),
        "{text}"
    );
    assert!(server.state.sms.last_code(&phone_b(1)).is_none(), "no code was sent to B");

    // The booker cannot confirm for B: there is nothing for them to confirm.
    let id = booking["id"].as_str().unwrap();
    expect_error(
        post(&server, &c, &format!("/api/v1/marriage/bookings/{id}/confirm"), json!({})).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    // B signs in with their own phone: the booking is in their list and their message centre.
    let pb = partner(&server, 1).await;
    let theirs = get_json(&pb, server.url("/api/v1/marriage/bookings")).await;
    assert_eq!(theirs["bookings"][0]["id"], id);
    assert_eq!(theirs["bookings"][0]["role"], "partner");
    assert_eq!(theirs["bookings"][0]["party_a"]["name"], "张*", "the booker is masked to B");
    assert!(theirs["bookings"][0]["party_a"]["id_number"].is_null());
    let r = post(&server, &pb, &format!("/api/v1/marriage/bookings/{id}/confirm"), json!({})).await;
    assert_eq!(r.status(), StatusCode::OK);
    let confirmed: Value = r.json().await.unwrap();
    assert_eq!(confirmed["status"], "confirmed");
    // Both people's one active booking is claimed now (and the booker's account's).
    assert_eq!(server.count("SELECT COUNT(*) FROM marriage_active_people WHERE person NOT LIKE 'pending:%'").await, 3);

    let ics = c.get(server.url(&format!("/api/v1/marriage/bookings/{id}/calendar.ics"))).send().await.unwrap();
    assert_eq!(ics.status(), StatusCode::OK);
    assert!(ics.headers()["content-type"].to_str().unwrap().starts_with("text/calendar"));
    let text = ics.text().await.unwrap();
    assert!(text.contains("BEGIN:VEVENT") && text.contains(confirmed["reference"].as_str().unwrap()));

    let r = c.post(server.url(&format!("/api/v1/marriage/bookings/{id}/cancel"))).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(places_left(&server, slot_id).await, before, "the place is back at once");
    assert_eq!(server.count("SELECT COUNT(*) FROM marriage_active_people").await, 0, "nobody held");
    // The same couple may book again now.
    assert_eq!(book(&server, &c, slot_id, 1).await.status(), StatusCode::OK);
    let msgs = get_json(&c, server.url("/api/v1/me/messages")).await;
    let events: Vec<&str> = msgs["messages"].as_array().unwrap().iter().map(|m| m["event"].as_str().unwrap()).collect();
    for e in ["marriage.awaiting_partner", "marriage.confirmed", "marriage.cancelled"] {
        assert!(events.contains(&e), "{e} in {events:?}");
    }
    let msgs = get_json(&pb, server.url("/api/v1/me/messages")).await;
    let events: Vec<&str> = msgs["messages"].as_array().unwrap().iter().map(|m| m["event"].as_str().unwrap()).collect();
    for e in ["marriage.partner_request", "marriage.confirmed", "marriage.cancelled"] {
        assert!(events.contains(&e), "B's {e} in {events:?}");
    }
}
both_engines!(party_b_confirms_in_their_own_account_and_cancel_releases_the_place);

async fn party_b_declines_and_the_place_is_free_again(server: TestServer) {
    seed_offices(&server).await;
    let slot = first_slot(&server, "shajing").await;
    let slot_id = slot["id"].as_str().unwrap();
    let before = places_left(&server, slot_id).await;
    let c = booker(&server, 2).await;
    let booking = booked(&server, &c, "marriage", slot_id, 2).await;
    assert_eq!(places_left(&server, slot_id).await, before - 1);
    let id = booking["id"].as_str().unwrap();
    // B declines without even having a profile identity: declining needs none.
    let pb = server.client();
    server.sign_in(&pb, &phone_b(2)).await;
    // B never signed in before the booking: the message waits for them all the same.
    let msgs = get_json(&pb, server.url("/api/v1/me/messages")).await;
    assert_eq!(msgs["messages"][0]["event"], "marriage.partner_request", "{msgs}");
    let r = post(&server, &pb, &format!("/api/v1/marriage/bookings/{id}/decline"), json!({})).await;
    assert_eq!(r.status(), StatusCode::OK);
    let declined: Value = r.json().await.unwrap();
    assert_eq!(declined["status"], "declined");
    assert_eq!(places_left(&server, slot_id).await, before, "capacity back");
    assert_eq!(server.count("SELECT COUNT(*) FROM marriage_active_people").await, 0, "nobody locked");
    // Declined is final: neither confirm nor a second decline.
    expect_error(
        post(&server, &pb, &format!("/api/v1/marriage/bookings/{id}/confirm"), json!({})).await,
        StatusCode::CONFLICT,
        "conflict",
    )
    .await;
    let mine = get_json(&c, server.url(&format!("/api/v1/marriage/bookings/{id}"))).await;
    assert_eq!(mine["status"], "declined");
    let msgs = get_json(&c, server.url("/api/v1/me/messages")).await;
    assert!(msgs["messages"].as_array().unwrap().iter().any(|m| m["event"] == "marriage.declined"), "{msgs}");
    // The booker may book again at once.
    assert_eq!(book(&server, &c, slot_id, 2).await.status(), StatusCode::OK);
}
both_engines!(party_b_declines_and_the_place_is_free_again);

async fn party_a_is_the_profile_and_a_resident_without_one_is_asked_for_it(server: TestServer) {
    seed_offices(&server).await;
    let slot = first_slot(&server, "xixiang").await;
    let slot_id = slot["id"].as_str().unwrap();
    let c = server.client();
    server.sign_in(&c, &phone_a(3)).await;
    let left = places_left(&server, slot_id).await;
    let body = expect_error(book(&server, &c, slot_id, 3).await, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(body["fields"]["party_a"], "marriage.profile_identity_missing");
    assert_eq!(places_left(&server, slot_id).await, left);
    // A body naming someone else as party A: the old shape's identity is ignored, the profile is party A.
    set_profile(&server, &c, &couple(3).0).await;
    let (stranger, _) = couple(77);
    let mut req = request("marriage", slot_id, &couple(3).1);
    req["party_a"] = stranger.clone();
    let r = post_booking(&server, &c, &req).await;
    assert_eq!(r.status(), StatusCode::OK);
    let booking: Value = r.json().await.unwrap();
    assert_eq!(booking["party_a"]["id_number"], couple(3).0["id_number"]);
    assert_eq!(booking["party_a"]["phone_masked"], "137****0003", "the account's phone");
    assert_eq!(
        server
            .count(&format!(
                "SELECT COUNT(*) FROM marriage_bookings WHERE party_a LIKE '%{}%'",
                stranger["id_number"].as_str().unwrap()
            ))
            .await,
        0
    );
    // Party B's phone cannot be the booker's own.
    let other = booker(&server, 4).await;
    let mut b = couple(4).1;
    b["phone"] = json!(phone_a(4));
    let body = expect_error(
        post_booking(&server, &other, &request("marriage", slot_id, &b)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation",
    )
    .await;
    assert_eq!(body["fields"]["party_b.phone"], "marriage.partner_own_phone");
}
both_engines!(party_a_is_the_profile_and_a_resident_without_one_is_asked_for_it);

async fn unconfirmed_bookings_expire_and_lock_no_one(server: TestServer) {
    seed_offices(&server).await;
    // Two days ahead at least: the clock moves on past the confirmation deadline, which late in a
    // Shenzhen evening would cross midnight and make tomorrow's slot no longer bookable.
    let slot = slot_from(&server, "shajing", server.clock.today().add_days(2)).await;
    let slot_id = slot["id"].as_str().unwrap();
    let before = places_left(&server, slot_id).await;
    let c = booker(&server, 7).await;
    booked(&server, &c, "marriage", slot_id, 7).await;
    // Past the deadline, unconfirmed: released, nobody held; the couple may book again.
    server.clock.advance(baoan_contract::marriage::CONFIRM_WITHIN_SECONDS + 60);
    let mine = get_json(&c, server.url("/api/v1/marriage/bookings")).await;
    assert_eq!(mine["bookings"][0]["status"], "expired");
    assert_eq!(places_left(&server, slot_id).await, before);
    assert_eq!(server.count("SELECT COUNT(*) FROM marriage_active_people").await, 0);
    // Too late for B.
    let pb = partner(&server, 7).await;
    let id = mine["bookings"][0]["id"].as_str().unwrap();
    expect_error(
        post(&server, &pb, &format!("/api/v1/marriage/bookings/{id}/confirm"), json!({})).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    assert_eq!(book(&server, &c, slot_id, 7).await.status(), StatusCode::OK);
}
both_engines!(unconfirmed_bookings_expire_and_lock_no_one);

async fn another_resident_gets_404(server: TestServer) {
    seed_offices(&server).await;
    let slot = first_slot(&server, "baoan-district").await;
    let owner = booker(&server, 3).await;
    let booking: Value = book(&server, &owner, slot["id"].as_str().unwrap(), 3).await.json().await.unwrap();
    let id = booking["id"].as_str().unwrap();
    let stranger = booker(&server, 5).await;
    for path in ["", "/calendar.ics"] {
        let r = stranger.get(server.url(&format!("/api/v1/marriage/bookings/{id}{path}"))).send().await.unwrap();
        expect_error(r, StatusCode::NOT_FOUND, "not_found").await;
    }
    for action in ["cancel", "confirm", "decline"] {
        let r = stranger.post(server.url(&format!("/api/v1/marriage/bookings/{id}/{action}"))).send().await.unwrap();
        expect_error(r, StatusCode::NOT_FOUND, "not_found").await;
    }
    // The partner-code endpoint is gone.
    let r = owner.post(server.url(&format!("/api/v1/marriage/bookings/{id}/resend-code"))).send().await.unwrap();
    assert!(matches!(r.status(), StatusCode::NOT_FOUND | StatusCode::METHOD_NOT_ALLOWED), "{}", r.status());
    let list = get_json(&stranger, server.url("/api/v1/marriage/bookings")).await;
    assert_eq!(list["bookings"], json!([]));
    expect_error(
        server.client().get(server.url("/api/v1/marriage/bookings")).send().await.unwrap(),
        StatusCode::UNAUTHORIZED,
        "unauthorized",
    )
    .await;
}
both_engines!(another_resident_gets_404);
