//! 婚姻登记预约 over real HTTP on SQLite and PostgreSQL: confirm, decline and cancel at the same
//! moment (one state change wins, capacity stays right), a person's one active booking ends with
//! the visit day, and booking lists are paged.

mod common;
mod marriage_common;

use common::TestServer;
use marriage_common::*;
use reqwest::StatusCode;
use serde_json::{json, Value};

/// Six bookings; for each, party B confirms and declines while party A cancels, all at once.
/// Confirm and decline never both win, nor decline and cancel; the slot's free places and the
/// holds always match the final status.
async fn confirm_decline_and_cancel_at_the_same_moment(server: TestServer) {
    seed_offices(&server).await;
    let slots = open_day_slots(&server, "baoan-district", 0).await;
    for n in 0..6u16 {
        let couple_n = 50 + n;
        let slot_id = slots[n as usize % slots.len()]["id"].as_str().unwrap().to_string();
        let a = booker(&server, couple_n).await;
        let b = partner(&server, couple_n).await;
        let before = places_left(&server, &slot_id).await;
        let booking = booked(&server, &a, "marriage", &slot_id, couple_n).await;
        let id = booking["id"].as_str().unwrap().to_string();
        let go = |client: reqwest::Client, action: &'static str| {
            let (server, id) = (server.clone(), id.clone());
            tokio::spawn(async move {
                post(&server, &client, &format!("/api/v1/marriage/bookings/{id}/{action}"), json!({})).await.status()
            })
        };
        let (confirm, decline, cancel) = (go(b.clone(), "confirm"), go(b.clone(), "decline"), go(a.clone(), "cancel"));
        let (confirm, decline, cancel) = (confirm.await.unwrap(), decline.await.unwrap(), cancel.await.unwrap());
        assert!(matches!(cancel, StatusCode::OK | StatusCode::CONFLICT), "cancel: success or conflict: {cancel}");
        for s in [confirm, decline] {
            // Once the booker cancelled a booking B had not answered, B no longer sees it (404).
            let lost_to_cancel = s == StatusCode::NOT_FOUND && cancel == StatusCode::OK;
            assert!(
                matches!(s, StatusCode::OK | StatusCode::CONFLICT) || lost_to_cancel,
                "B: success or conflict: {s}"
            );
        }
        let ok = |s: StatusCode| s == StatusCode::OK;
        assert!(!(ok(confirm) && ok(decline)), "confirm and decline both won");
        assert!(!(ok(decline) && ok(cancel)), "decline and cancel both won");
        assert!(ok(confirm) || ok(decline) || ok(cancel), "one wins");
        let now = get_json(&a, server.url(&format!("/api/v1/marriage/bookings/{id}"))).await;
        let status = now["status"].as_str().unwrap();
        let held =
            server.count(&format!("SELECT COUNT(*) FROM marriage_active_people WHERE booking_id = '{id}'")).await;
        match status {
            "confirmed" => {
                assert!(ok(confirm) && !ok(cancel) && !ok(decline));
                assert_eq!(places_left(&server, &slot_id).await, before - 1);
                assert_eq!(held, 3, "both people and the account held");
                // Free it for the next round's checks.
                assert_eq!(
                    post(&server, &a, &format!("/api/v1/marriage/bookings/{id}/cancel"), json!({})).await.status(),
                    StatusCode::OK
                );
            }
            "declined" => {
                assert!(ok(decline) && !ok(cancel));
                assert_eq!(places_left(&server, &slot_id).await, before);
                assert_eq!(held, 0);
            }
            "cancelled" => {
                assert!(ok(cancel) && !ok(decline), "cancelled (after a confirm at most)");
                assert_eq!(places_left(&server, &slot_id).await, before);
                assert_eq!(held, 0);
            }
            other => panic!("unexpected status {other}"),
        }
        assert_eq!(places_left(&server, &slot_id).await, before, "the place is back after the round");
    }
    assert_eq!(server.count("SELECT COUNT(*) FROM marriage_active_people").await, 0);
}
both_engines!(confirm_decline_and_cancel_at_the_same_moment, many_sign_ins);

/// A person's one active booking ends when the visit day has passed: both people (and the
/// booker's account) can book again, and their new partners can confirm — read with the server clock.
async fn the_lock_ends_after_the_visit_day(server: TestServer) {
    seed_offices(&server).await;
    let a = booker(&server, 60).await;
    let first = booked(&server, &a, "marriage", first_slot(&server, "xixiang").await["id"].as_str().unwrap(), 60).await;
    confirmed(&server, &a, &first, 60).await;
    let visit = date_of(&first["slot"]["date"]);
    // On the visit day itself: still held.
    advance_to(&server, visit);
    let a = booker(&server, 60).await;
    let r = book(&server, &a, first_slot(&server, "xixiang").await["id"].as_str().unwrap(), 61).await;
    assert_eq!(r.status(), StatusCode::CONFLICT, "held on the visit day");
    // The day after: free. Party A books with a new partner, who confirms.
    advance_to(&server, visit.add_days(1));
    let a = booker(&server, 60).await;
    let again = booked(&server, &a, "marriage", first_slot(&server, "xixiang").await["id"].as_str().unwrap(), 61).await;
    confirmed(&server, &a, &again, 61).await;
    // Party B of the first booking books as party A of her own, naming someone else; confirmed too.
    let her = resident(&server, &phone_b(60), &couple(60).1).await;
    let mut him = couple(62).0;
    him["phone"] = json!(phone_a(62));
    let r = post_booking(
        &server,
        &her,
        &request("marriage", first_slot(&server, "shajing").await["id"].as_str().unwrap(), &him),
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK, "{}", r.text().await.unwrap_or_default());
    let hers: Value = r.json().await.unwrap();
    let his = resident(&server, &phone_a(62), &couple(62).0).await;
    let id = hers["id"].as_str().unwrap();
    assert_eq!(
        post(&server, &his, &format!("/api/v1/marriage/bookings/{id}/confirm"), json!({})).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        server
            .count(&format!(
                "SELECT COUNT(*) FROM marriage_active_people WHERE booking_id = '{}'",
                first["id"].as_str().unwrap()
            ))
            .await,
        0
    );
}
both_engines!(the_lock_ends_after_the_visit_day, many_sign_ins);

/// Booking lists come a page at a time, never more than the maximum page size.
async fn booking_lists_are_paged(server: TestServer) {
    seed_offices(&server).await;
    let slot = first_slot(&server, "shajing").await;
    let c = booker(&server, 70).await;
    let mut ids = Vec::new();
    for n in 0..3u16 {
        let b = booked(&server, &c, "marriage", slot["id"].as_str().unwrap(), 71 + n).await;
        post(&server, &c, &format!("/api/v1/marriage/bookings/{}/cancel", b["id"].as_str().unwrap()), json!({})).await;
        ids.push(b["id"].clone());
        server.clock.advance(1);
    }
    let p1 = get_json(&c, server.url("/api/v1/marriage/bookings?per_page=2")).await;
    assert_eq!(
        (p1["page"].as_u64(), p1["per_page"].as_u64(), p1["has_more"].as_bool()),
        (Some(1), Some(2), Some(true))
    );
    assert_eq!(
        p1["bookings"].as_array().unwrap().iter().map(|b| b["id"].clone()).collect::<Vec<_>>(),
        vec![ids[2].clone(), ids[1].clone()]
    );
    let p2 = get_json(&c, server.url("/api/v1/marriage/bookings?page=2&per_page=2")).await;
    assert_eq!(p2["bookings"].as_array().unwrap().len(), 1);
    assert_eq!(p2["has_more"], false);
    let big = get_json(&c, server.url("/api/v1/marriage/bookings?per_page=100000")).await;
    assert_eq!(big["per_page"].as_u64(), Some(u64::from(baoan_contract::marriage::MAX_PAGE_SIZE)));
    let r = c.get(server.url("/api/v1/marriage/bookings?page=abc")).send().await.unwrap();
    common::expect_error(r, StatusCode::BAD_REQUEST, "bad_request").await;
}
both_engines!(booking_lists_are_paged);
