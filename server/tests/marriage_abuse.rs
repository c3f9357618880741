//! 婚姻登记预约, attacks of issue 10 over real HTTP on SQLite and PostgreSQL: a booking cannot
//! lock a stranger named as party B, cannot pump SMS to a phone, and one account can hold one
//! pending and one active booking and try only so often a day.

mod common;
mod marriage_common;

use common::{expect_error, TestServer};
use marriage_common::*;
use reqwest::StatusCode;
use serde_json::{json, Value};

fn confirm_path(b: &Value) -> String {
    format!("/api/v1/marriage/bookings/{}/confirm", b["id"].as_str().unwrap())
}

/// The attack: an account books naming a stranger's ID as party B with the attacker's own phone.
/// Nothing confirms it without the stranger's own account, the stranger is never locked and books
/// their own; naming someone who does have a booking gives the booker no hint.
async fn naming_a_strangers_id_locks_no_one(server: TestServer) {
    seed_offices(&server).await;
    let slots = open_day_slots(&server, "baoan-district", 0).await;
    let attacker = booker(&server, 10).await;
    let (_, stranger) = couple(11);
    let attacker_phone = "13600000010";
    let mut victim = stranger.clone();
    victim["phone"] = json!(attacker_phone);
    let r = post_booking(&server, &attacker, &request("marriage", slots[0]["id"].as_str().unwrap(), &victim)).await;
    assert_eq!(r.status(), StatusCode::OK);
    let booking: Value = r.json().await.unwrap();
    // The attacker's second phone sees the booking but cannot confirm it: no identity in its
    // profile, then its own (different) document.
    let second = server.client();
    server.sign_in(&second, attacker_phone).await;
    let seen =
        get_json(&second, server.url(&format!("/api/v1/marriage/bookings/{}", booking["id"].as_str().unwrap()))).await;
    assert!(
        !seen.to_string().contains(stranger["id_number"].as_str().unwrap()),
        "the stranger's number is never shown: {seen}"
    );
    let body = expect_error(
        post(&server, &second, &confirm_path(&booking), json!({})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation",
    )
    .await;
    assert_eq!(body["fields"]["id_number"], "marriage.profile_identity_missing");
    set_profile(&server, &second, &couple(12).0).await;
    let body = expect_error(
        post(&server, &second, &confirm_path(&booking), json!({})).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation",
    )
    .await;
    assert_eq!(body["fields"]["id_number"], "marriage.not_your_document");
    assert_eq!(
        server.count("SELECT COUNT(*) FROM marriage_active_people WHERE person NOT LIKE 'pending:%'").await,
        0,
        "nobody locked"
    );

    // The stranger (couple 11's party B) books their own registration with her partner, who confirms.
    let her = resident(&server, &phone_b(11), &stranger).await;
    let mut him = couple(11).0;
    him["phone"] = json!("13500000011");
    let r = post_booking(&server, &her, &request("marriage", slots[1]["id"].as_str().unwrap(), &him)).await;
    assert_eq!(r.status(), StatusCode::OK, "the stranger is not locked");
    let hers: Value = r.json().await.unwrap();
    let his = resident(&server, "13500000011", &couple(11).0).await;
    assert_eq!(post(&server, &his, &confirm_path(&hers), json!({})).await.status(), StatusCode::OK);

    // Now she has a booking. A booker naming her gets no hint of it (a plain pending booking) …
    let other = booker(&server, 13).await;
    let mut named = stranger.clone();
    named["phone"] = json!(phone_b(11));
    let r = post_booking(&server, &other, &request("marriage", slots[2]["id"].as_str().unwrap(), &named)).await;
    assert_eq!(r.status(), StatusCode::OK, "no refusal names her");
    let third: Value = r.json().await.unwrap();
    assert_eq!(third["status"], "awaiting_partner");
    // … she learns it in her own account, where confirming says she already has one.
    let body =
        expect_error(post(&server, &her, &confirm_path(&third), json!({})).await, StatusCode::CONFLICT, "conflict")
            .await;
    assert_eq!(body["fields"]["id_number"], "marriage.already_booked");
    let still =
        get_json(&other, server.url(&format!("/api/v1/marriage/bookings/{}", third["id"].as_str().unwrap()))).await;
    assert_eq!(still["status"], "awaiting_partner", "nothing changed");
}
both_engines!(naming_a_strangers_id_locks_no_one, many_sign_ins);

/// The SMS loop: eight bookings in a row naming one phone, each cancelled. Notices to that phone
/// stop at the per-phone limit (cancelling gives none back), also from another account; no code
/// is ever sent, so there is nothing to guess.
async fn partner_notices_to_one_phone_stop_at_the_limit(server: TestServer) {
    seed_offices(&server).await;
    let slot = first_slot(&server, "xixiang").await;
    let slot_id = slot["id"].as_str().unwrap();
    let target = "13600000020";
    let attacker = booker(&server, 20).await;
    let (mut sent, mut refused) = (0, 0);
    for i in 0..8 {
        let mut b = couple(100 + i).1;
        b["phone"] = json!(target);
        let r = post_booking(&server, &attacker, &request("marriage", slot_id, &b)).await;
        match r.status() {
            StatusCode::OK => {
                sent += 1;
                let booking: Value = r.json().await.unwrap();
                let cancel = format!("/api/v1/marriage/bookings/{}/cancel", booking["id"].as_str().unwrap());
                assert_eq!(post(&server, &attacker, &cancel, json!({})).await.status(), StatusCode::OK);
            }
            StatusCode::TOO_MANY_REQUESTS => {
                refused += 1;
                assert!(r.headers().get("retry-after").is_some());
                let body: Value = r.json().await.unwrap();
                assert!(body["retry_after_seconds"].as_i64().unwrap() > 0, "{body}");
            }
            other => panic!("unexpected {other}"),
        }
    }
    assert_eq!((sent, refused), (3, 5));
    assert_eq!(notices_to(&server, target), 3, "the phone received three notices, not eight");
    assert!(server.state.sms.last_code(target).is_none(), "never a code");
    // Another account naming the same phone: still limited (counted per phone, across bookings).
    let other = booker(&server, 21).await;
    let mut b = couple(21).1;
    b["phone"] = json!(target);
    let r = post_booking(&server, &other, &request("marriage", slot_id, &b)).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(notices_to(&server, target), 3);
    // A day later the phone may be named again.
    server.clock.advance(86_400 + 60);
    let slot = first_slot(&server, "xixiang").await;
    let r = post_booking(&server, &other, &request("marriage", slot["id"].as_str().unwrap(), &b)).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(notices_to(&server, target), 4);
}
both_engines!(partner_notices_to_one_phone_stop_at_the_limit);

/// One booking awaiting its partner and one active booking per account.
async fn one_pending_and_one_active_booking_per_account(server: TestServer) {
    seed_offices(&server).await;
    let slots = open_day_slots(&server, "shajing", 0).await;
    let c = booker(&server, 30).await;
    let first = booked(&server, &c, "marriage", slots[0]["id"].as_str().unwrap(), 30).await;
    let left = places_left(&server, slots[1]["id"].as_str().unwrap()).await;
    let body =
        expect_error(book(&server, &c, slots[1]["id"].as_str().unwrap(), 31).await, StatusCode::CONFLICT, "conflict")
            .await;
    assert_eq!(body["fields"]["party_a"], "marriage.account_has_booking", "a second pending booking");
    assert_eq!(places_left(&server, slots[1]["id"].as_str().unwrap()).await, left, "the refused booking took nothing");
    confirmed(&server, &c, &first, 30).await;
    // Active now: the booker learns their own document has a booking …
    let body =
        expect_error(book(&server, &c, slots[1]["id"].as_str().unwrap(), 31).await, StatusCode::CONFLICT, "conflict")
            .await;
    assert_eq!(body["fields"]["party_a.id_number"], "marriage.already_booked");
    // … and a profile switched to another document does not make the account free.
    set_profile(&server, &c, &couple(32).0).await;
    let body =
        expect_error(book(&server, &c, slots[1]["id"].as_str().unwrap(), 31).await, StatusCode::CONFLICT, "conflict")
            .await;
    assert_eq!(body["fields"]["party_a"], "marriage.account_has_booking");
    assert_eq!(places_left(&server, slots[1]["id"].as_str().unwrap()).await, left);
}
both_engines!(one_pending_and_one_active_booking_per_account);

/// Booking attempts per account per day: the seventh is refused with when to retry.
async fn booking_attempts_per_account_per_day(server: TestServer) {
    seed_offices(&server).await;
    let slot = first_slot(&server, "baoan-district").await;
    let slot_id = slot["id"].as_str().unwrap();
    let c = booker(&server, 40).await;
    for i in 0..6 {
        let booking = booked(&server, &c, "marriage", slot_id, 41 + i).await;
        let cancel = format!("/api/v1/marriage/bookings/{}/cancel", booking["id"].as_str().unwrap());
        assert_eq!(post(&server, &c, &cancel, json!({})).await.status(), StatusCode::OK);
    }
    let left = places_left(&server, slot_id).await;
    let r = book(&server, &c, slot_id, 47).await;
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    let wait: i64 = r.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!(wait > 0 && wait <= 86_400, "{wait}");
    let body: Value = r.json().await.unwrap();
    assert_eq!((body["code"].as_str(), body["retry_after_seconds"].as_i64()), (Some("rate_limited"), Some(wait)));
    assert_eq!(places_left(&server, slot_id).await, left, "nothing taken");
    assert_eq!(notices_to(&server, &phone_b(47)), 0, "no notice sent");
    server.clock.advance(86_400 + 60);
    let slot = first_slot(&server, "baoan-district").await;
    assert_eq!(book(&server, &c, slot["id"].as_str().unwrap(), 47).await.status(), StatusCode::OK, "tomorrow again");
}
both_engines!(booking_attempts_per_account_per_day);
