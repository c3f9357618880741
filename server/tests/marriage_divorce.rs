//! 婚姻登记预约, divorce by agreement, over real HTTP on SQLite and PostgreSQL: the second visit
//! can be booked only inside the 30-day window after the cooling-off, from either party's own
//! account (never a stranger's, whatever they know), for the same couple; a missed window is
//! refused with its own reason; withdrawing is its own event.

mod common;
mod marriage_common;

use common::{expect_error, TestServer};
use marriage_common::*;
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn second_visit(
    server: &TestServer,
    client: &reqwest::Client,
    reference: &Value,
    slot: &Value,
) -> reqwest::Response {
    let body = json!({ "first_visit_reference": reference, "slot_id": slot["id"] });
    post(server, client, "/api/v1/marriage/second-visits", body).await
}

async fn either_party_books_the_second_visit_only_inside_the_window(server: TestServer) {
    seed_offices(&server).await;
    let (him, her) = couple(5);
    let owner = booker(&server, 5).await;
    let first = confirmed(
        &server,
        &owner,
        &booked(&server, &owner, "divorce", first_slot(&server, "xixiang").await["id"].as_str().unwrap(), 5).await,
        5,
    )
    .await;
    let visit = date_of(&first["slot"]["date"]);
    assert_eq!(first["divorce"]["stage"], "before_first_visit");
    assert!(first["second_visit_reference"].is_null());
    let reference = first["reference"].clone();

    // Ten days after the first visit: still cooling off. A day before the window is refused.
    advance_to(&server, visit.add_days(10));
    let partner = partner(&server, 5).await;
    let early = slot_from(&server, "xixiang", visit.add_days(11)).await;
    assert!(date_of(&early["date"]) <= visit.add_days(30), "a day inside the cooling-off");
    let before = places_left(&server, early["id"].as_str().unwrap()).await;
    let body = expect_error(
        second_visit(&server, &partner, &reference, &early).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation",
    )
    .await;
    assert_eq!(body["fields"]["slot_id"], "marriage.second_visit_too_early");
    assert_eq!(places_left(&server, early["id"].as_str().unwrap()).await, before, "nothing taken");

    // Nor through the ordinary booking endpoint.
    let inside = slot_from(&server, "xixiang", visit.add_days(31)).await;
    let mut req = request("divorce_second_visit", inside["id"].as_str().unwrap(), &him);
    req["party_b"]["phone"] = json!("13500000005");
    expect_error(post_booking(&server, &partner, &req).await, StatusCode::BAD_REQUEST, "bad_request").await;

    // The window is open: the partner (party B of the first visit, own account) books it.
    advance_to(&server, visit.add_days(31));
    // (Weeks later: both sign in again.)
    let partner = partner_again(&server, 5).await;
    let owner = booker(&server, 5).await;
    let inside = slot_from(&server, "xixiang", visit.add_days(31)).await;
    let r = second_visit(&server, &partner, &reference, &inside).await;
    assert_eq!(r.status(), StatusCode::OK);
    let second: Value = r.json().await.unwrap();
    assert_eq!(second["kind"], "divorce_second_visit");
    assert_eq!(second["first_visit_reference"], reference);
    assert!(second["reference"].as_str().unwrap().starts_with("BA-S-"));
    assert_eq!(second["party_a"]["id_number"], her["id_number"], "the booker is party A and sees their own number");
    assert!(second["party_b"]["id_number"].is_null(), "the other's number stays masked");
    assert_eq!(second["party_b"]["name"], "张*", "and their name");
    assert!(second["party_b"]["birth_date"].is_null(), "and no birth date");
    assert_eq!(second["divorce"]["stage"], "window");
    assert!(second["checklist"].as_array().unwrap().contains(&json!("first_visit_receipt")));
    // The other party (party A of the first visit) confirms in their own account.
    let r = post(
        &server,
        &owner,
        &format!("/api/v1/marriage/bookings/{}/confirm", second["id"].as_str().unwrap()),
        json!({}),
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    let again =
        expect_error(second_visit(&server, &owner, &reference, &inside).await, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(again["fields"]["first_visit_reference"], "marriage.already_booked", "one second visit per couple");
    let first_now =
        get_json(&owner, server.url(&format!("/api/v1/marriage/bookings/{}", first["id"].as_str().unwrap()))).await;
    assert_eq!(first_now["second_visit_reference"], second["reference"]);
    assert_eq!(first_now["divorce"]["stage"], "window");
    // Moving the second visit stays inside the window too.
    let later = slot_from(&server, "xixiang", visit.add_days(45)).await;
    let r = post(
        &server,
        &partner,
        &format!("/api/v1/marriage/bookings/{}/reschedule", second["id"].as_str().unwrap()),
        json!({ "slot_id": later["id"] }),
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
}
both_engines!(either_party_books_the_second_visit_only_inside_the_window);

/// The attack: a stranger's account knows the first visit's reference and one spouse's document
/// (and even puts that document in its own profile): "not found", nothing taken, nothing shown.
async fn a_strangers_account_cannot_book_the_second_visit(server: TestServer) {
    seed_offices(&server).await;
    let (_, her) = couple(9);
    let owner = booker(&server, 9).await;
    let first = confirmed(
        &server,
        &owner,
        &booked(&server, &owner, "divorce", first_slot(&server, "shajing").await["id"].as_str().unwrap(), 9).await,
        9,
    )
    .await;
    let visit = date_of(&first["slot"]["date"]);
    advance_to(&server, visit.add_days(31));
    let stranger = resident(&server, "13600000099", &her).await;
    let inside = slot_from(&server, "shajing", visit.add_days(31)).await;
    let before = places_left(&server, inside["id"].as_str().unwrap()).await;
    for reference in [first["reference"].clone(), json!("BA-D-20000101-XXXXXX")] {
        let r = second_visit(&server, &stranger, &reference, &inside).await;
        let text = r.text().await.unwrap();
        let body: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(body["code"], "not_found", "{text}");
        for secret in [
            "张伟",
            "李娜",
            "1990-01-01",
            "1992-02-02",
            her["id_number"].as_str().unwrap(),
            couple(9).0["id_number"].as_str().unwrap(),
        ] {
            assert!(!text.contains(secret), "{secret} in {text}");
        }
    }
    assert_eq!(places_left(&server, inside["id"].as_str().unwrap()).await, before, "nothing taken");
    let body = get_json(&stranger, server.url("/api/v1/marriage/bookings")).await;
    assert_eq!(body["bookings"], json!([]));
}
both_engines!(a_strangers_account_cannot_book_the_second_visit);

async fn after_the_window_the_second_visit_is_refused_with_the_reason(server: TestServer) {
    seed_offices(&server).await;
    let owner = booker(&server, 6).await;
    let first = confirmed(
        &server,
        &owner,
        &booked(&server, &owner, "divorce", first_slot(&server, "shajing").await["id"].as_str().unwrap(), 6).await,
        6,
    )
    .await;
    let visit = date_of(&first["slot"]["date"]);
    // On the window's last day only later days can be booked (never today): all of them are
    // after the window, so the second visit is refused with that reason.
    advance_to(&server, visit.add_days(60));
    server.sign_in(&owner, &phone_a(6)).await;
    let after = slot_from(&server, "shajing", visit.add_days(61)).await;
    let body = expect_error(
        second_visit(&server, &owner, &first["reference"], &after).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation",
    )
    .await;
    assert_eq!(body["fields"]["slot_id"], "marriage.second_visit_window_missed");
    advance_to(&server, visit.add_days(61));
    server.sign_in(&owner, &phone_a(6)).await;
    let first_now =
        get_json(&owner, server.url(&format!("/api/v1/marriage/bookings/{}", first["id"].as_str().unwrap()))).await;
    assert_eq!(first_now["divorce"]["stage"], "missed");
}
both_engines!(after_the_window_the_second_visit_is_refused_with_the_reason);

async fn withdrawing_during_the_cooling_off_is_its_own_message(server: TestServer) {
    seed_offices(&server).await;
    let owner = booker(&server, 8).await;
    let first = confirmed(
        &server,
        &owner,
        &booked(&server, &owner, "divorce", first_slot(&server, "baoan-district").await["id"].as_str().unwrap(), 8)
            .await,
        8,
    )
    .await;
    advance_to(&server, date_of(&first["slot"]["date"]).add_days(3));
    server.sign_in(&owner, &phone_a(8)).await;
    let r = post(
        &server,
        &owner,
        &format!("/api/v1/marriage/bookings/{}/cancel", first["id"].as_str().unwrap()),
        json!({}),
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    let msgs = get_json(&owner, server.url("/api/v1/me/messages")).await;
    let events: Vec<&str> = msgs["messages"].as_array().unwrap().iter().map(|m| m["event"].as_str().unwrap()).collect();
    assert!(events.contains(&"marriage.withdrawn") && !events.contains(&"marriage.cancelled"), "{events:?}");
}
both_engines!(withdrawing_during_the_cooling_off_is_its_own_message);
