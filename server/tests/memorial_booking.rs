//! 祭扫 visit booking over real HTTP on SQLite and PostgreSQL: concurrent bookings never exceed a
//! slot's places, cancel releases them at once, one active booking per account per day, a slot
//! of today that is over cannot be booked.

mod common;
mod memorial_common;
mod staff_common;

use baoan_contract::rules::date::Date;
use common::{expect_error, TestServer};
use memorial_common::{at, open_window};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn with_staff(config: &mut baoan_server::config::Config) {
    config.admin_token = Some("test-admin-token".into());
}

async fn slots(server: &TestServer, date: Date) -> Vec<Value> {
    let r = reqwest::get(server.url(&format!("/api/v1/memorial/cemeteries/baoshan/slots?date={}", date.to_iso())))
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let body: Value = r.json().await.unwrap();
    body["slots"].as_array().unwrap().clone()
}

fn booking(slot_id: &str, group: u32) -> Value {
    json!({ "slot_id": slot_id, "group_size": group, "plate": "粤BD12345", "deceased_name": "陈国华",
            "grave": { "area": "A", "row": "3", "number": "12" } })
}

async fn book(server: &TestServer, client: &reqwest::Client, body: &Value) -> reqwest::Response {
    book_with_key(server, client, body, &common::random_hex(12)).await
}

async fn book_with_key(server: &TestServer, client: &reqwest::Client, body: &Value, key: &str) -> reqwest::Response {
    client.post(server.url("/api/v1/memorial/bookings")).header("idempotency-key", key).json(body).send().await.unwrap()
}

async fn concurrent_bookings_never_exceed_the_places(server: TestServer) {
    open_window(&server, 10).await;
    let day = server.clock.today().add_days(2);
    let slot = slots(&server, day).await[0]["id"].as_str().unwrap().to_string();
    // 12 residents ask for 3 places each at once: only 3 bookings (9 places) can fit in 10.
    let mut clients = Vec::new();
    for i in 0..12 {
        let c = server.client();
        server.sign_in(&c, &format!("1390000{i:04}")).await;
        clients.push(c);
    }
    let tasks: Vec<_> = clients
        .into_iter()
        .map(|c| {
            let server = server.clone();
            let body = booking(&slot, 3);
            tokio::spawn(async move { book(&server, &c, &body).await.status() })
        })
        .collect();
    let mut ok = 0;
    let mut full = 0;
    for t in tasks {
        match t.await.unwrap() {
            StatusCode::OK => ok += 1,
            StatusCode::CONFLICT => full += 1,
            other => panic!("unexpected status {other}"),
        }
    }
    assert_eq!((ok, full), (3, 9));
    let taken = server.count(&format!("SELECT taken FROM memorial_slots WHERE id = '{slot}'")).await;
    assert_eq!(taken, 9);
    assert_eq!(server.count("SELECT COUNT(*) FROM memorial_bookings WHERE status = 'active'").await, 3);
    // The cached list shows the new figure straight after the bookings.
    assert_eq!(slots(&server, day).await[0]["taken"], 9);
}
both_engines!(concurrent_bookings_never_exceed_the_places, with_staff);

async fn cancel_releases_the_places_at_once(server: TestServer) {
    open_window(&server, 4).await;
    let day = server.clock.today().add_days(1);
    let slot = slots(&server, day).await[0]["id"].as_str().unwrap().to_string();
    let (a, b) = (server.client(), server.client());
    server.sign_in(&a, "13900000001").await;
    server.sign_in(&b, "13900000002").await;
    let r = book(&server, &a, &booking(&slot, 4)).await;
    assert_eq!(r.status(), StatusCode::OK);
    let mine: Value = r.json().await.unwrap();
    assert_eq!(mine["status"], "active");
    assert!(mine["reference"].as_str().unwrap().starts_with("JS-"));
    assert!(mine["qr"]["size"].as_u64().unwrap() >= 21);
    assert_eq!(slots(&server, day).await[0]["taken"], 4, "the cached list was invalidated");
    let body = expect_error(book(&server, &b, &booking(&slot, 1)).await, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(body["fields"]["slot_id"], "memorial.slot_full");
    // Someone else cannot cancel it.
    let id = mine["id"].as_str().unwrap();
    let r = b.post(server.url(&format!("/api/v1/memorial/bookings/{id}/cancel"))).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::NOT_FOUND);
    let r = a.post(server.url(&format!("/api/v1/memorial/bookings/{id}/cancel"))).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.json::<Value>().await.unwrap()["status"], "cancelled");
    assert_eq!(slots(&server, day).await[0]["taken"], 0);
    // Cancelling twice gives nothing back twice.
    a.post(server.url(&format!("/api/v1/memorial/bookings/{id}/cancel"))).send().await.unwrap();
    assert_eq!(slots(&server, day).await[0]["taken"], 0);
    assert_eq!(book(&server, &b, &booking(&slot, 4)).await.status(), StatusCode::OK);
    // The calendar file.
    let r = a.get(server.url(&format!("/api/v1/memorial/bookings/{id}/calendar.ics"))).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.text().await.unwrap().contains("BEGIN:VEVENT"));
}
both_engines!(cancel_releases_the_places_at_once, with_staff);

async fn one_active_booking_per_account_per_day(server: TestServer) {
    open_window(&server, 20).await;
    let day = server.clock.today().add_days(3);
    let list = slots(&server, day).await;
    let (first, second) = (list[0]["id"].as_str().unwrap(), list[1]["id"].as_str().unwrap());
    let a = server.client();
    server.sign_in(&a, "13900000003").await;
    let r = book(&server, &a, &booking(first, 2)).await;
    assert_eq!(r.status(), StatusCode::OK);
    let id = r.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
    let body = expect_error(book(&server, &a, &booking(second, 2)).await, StatusCode::CONFLICT, "conflict").await;
    assert_eq!(body["fields"]["slot_id"], "memorial.one_per_day");
    assert_eq!(slots(&server, day).await[1]["taken"], 0, "the refused booking took no places");
    // Another day is fine; after cancelling, the same day is fine again.
    let other = slots(&server, day.add_days(1)).await[0]["id"].as_str().unwrap().to_string();
    assert_eq!(book(&server, &a, &booking(&other, 1)).await.status(), StatusCode::OK);
    a.post(server.url(&format!("/api/v1/memorial/bookings/{id}/cancel"))).send().await.unwrap();
    assert_eq!(book(&server, &a, &booking(second, 2)).await.status(), StatusCode::OK);
    let mine: Value = a.get(server.url("/api/v1/memorial/bookings")).send().await.unwrap().json().await.unwrap();
    assert_eq!(mine["bookings"].as_array().unwrap().len(), 3);
}
both_engines!(one_active_booking_per_account_per_day, with_staff);

async fn rules_are_checked_on_the_server(server: TestServer) {
    open_window(&server, 20).await;
    let a = server.client();
    server.sign_in(&a, "13900000004").await;
    let today = server.clock.today();
    let near = slots(&server, today.add_days(1)).await[0]["id"].as_str().unwrap().to_string();
    let mut bad = booking(&near, 7);
    bad["plate"] = json!("粤BI2345");
    bad["grave"]["row"] = json!("");
    let body = expect_error(book(&server, &a, &bad).await, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(body["fields"]["group_size"], "memorial.group_size");
    assert_eq!(body["fields"]["plate"], "memorial.plate");
    assert_eq!(body["fields"]["grave_row"], "required");
    // 9 days ahead: the window has slots, but booking for that day has not opened.
    let far = slots(&server, today.add_days(9)).await[0]["id"].as_str().unwrap().to_string();
    let body =
        expect_error(book(&server, &a, &booking(&far, 1)).await, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(body["fields"]["slot_id"], "memorial.too_far_ahead");
    // Signed out: 401.
    expect_error(book(&server, &server.client(), &booking(&near, 1)).await, StatusCode::UNAUTHORIZED, "unauthorized")
        .await;
    // The cemetery detail lists the bookable days (today .. today+7).
    let detail: Value =
        reqwest::get(server.url("/api/v1/memorial/cemeteries/baoshan")).await.unwrap().json().await.unwrap();
    assert_eq!(detail["days"].as_array().unwrap().len(), 8);
    assert_eq!(detail["cemetery"]["max_group"], 6);
}
both_engines!(rules_are_checked_on_the_server, with_staff);

/// A slot of today can be booked while it is under way, not once its end has passed (the gate
/// would turn the visitor away as too late); the refusal takes no places.
async fn a_slot_of_today_that_is_over_is_refused(server: TestServer) {
    // Tomorrow at 08:59 in Shenzhen (the test clock only moves forward); slots 08:00 and 09:00.
    let day = server.clock.today().add_days(1);
    at(&server, day, 8 * 60 + 59);
    open_window(&server, 10).await;
    let list = slots(&server, day).await;
    let hours: Vec<_> = list.iter().map(|s| (s["starts_minute"].as_i64(), s["ends_minute"].as_i64())).collect();
    assert_eq!(hours, [(Some(480), Some(540)), (Some(540), Some(600))]);
    let (eight, nine) = (list[0]["id"].as_str().unwrap().to_string(), list[1]["id"].as_str().unwrap().to_string());
    let taken = |slot: &str| format!("SELECT taken FROM memorial_slots WHERE id = '{slot}'");
    // 08:59: the 08:00–09:00 slot is under way, a minute before its end: it can be booked.
    let (a, b, c) = (server.client(), server.client(), server.client());
    server.sign_in(&a, "13900000051").await;
    assert_eq!(book(&server, &a, &booking(&eight, 2)).await.status(), StatusCode::OK);
    // 09:00: it has ended. Refused, and no places are taken; the slot starting now is fine.
    at(&server, day, 9 * 60);
    server.sign_in(&b, "13900000052").await;
    let r = book(&server, &b, &booking(&eight, 1)).await;
    let body = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(body["fields"]["slot_id"], "memorial.slot_over");
    assert_eq!(server.count(&taken(&eight)).await, 2, "the refused booking took no places");
    assert_eq!(book(&server, &b, &booking(&nine, 1)).await.status(), StatusCode::OK);
    // 15:00: both of today's slots are over; tomorrow's 08:00 is still ahead.
    at(&server, day, 15 * 60);
    server.sign_in(&c, "13900000053").await;
    for slot in [&eight, &nine] {
        let body =
            expect_error(book(&server, &c, &booking(slot, 1)).await, StatusCode::UNPROCESSABLE_ENTITY, "validation")
                .await;
        assert_eq!(body["fields"]["slot_id"], "memorial.slot_over");
    }
    assert_eq!((server.count(&taken(&eight)).await, server.count(&taken(&nine)).await), (2, 1));
    assert_eq!(server.count("SELECT COUNT(*) FROM memorial_bookings").await, 2);
    let next = slots(&server, day.add_days(1)).await[0]["id"].as_str().unwrap().to_string();
    assert_eq!(book(&server, &c, &booking(&next, 1)).await.status(), StatusCode::OK);
}
both_engines!(a_slot_of_today_that_is_over_is_refused, with_staff);

async fn the_same_idempotency_key_twice_books_once(server: TestServer) {
    open_window(&server, 10).await;
    let day = server.clock.today().add_days(1);
    let slot = slots(&server, day).await[0]["id"].as_str().unwrap().to_string();
    let a = server.client();
    server.sign_in(&a, "13900000031").await;
    // Without a key: refused, nothing booked.
    let r = a.post(server.url("/api/v1/memorial/bookings")).json(&booking(&slot, 2)).send().await.unwrap();
    let body = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(body["fields"]["idempotency_key"], "required");
    // The same key twice (a double tap, a retry after a dropped answer): one booking, same answer.
    let key = "retry-key-0001";
    let first: Value = book_with_key(&server, &a, &booking(&slot, 2), key).await.json().await.unwrap();
    let r = book_with_key(&server, &a, &booking(&slot, 2), key).await;
    assert_eq!(r.status(), StatusCode::OK);
    let second: Value = r.json().await.unwrap();
    assert_eq!(first["id"], second["id"]);
    assert_eq!(first["reference"], second["reference"]);
    assert_eq!(server.count("SELECT COUNT(*) FROM memorial_bookings").await, 1);
    assert_eq!(server.count(&format!("SELECT taken FROM memorial_slots WHERE id = '{slot}'")).await, 2);
    // The same key with another body is refused rather than answered with the first booking.
    let r = book_with_key(&server, &a, &booking(&slot, 3), key).await;
    assert!(r.status().is_client_error(), "{}", r.status());
    assert_eq!(server.count("SELECT COUNT(*) FROM memorial_bookings").await, 1);
}
both_engines!(the_same_idempotency_key_twice_books_once, with_staff);

async fn a_relative_books_for_an_elderly_visitor(server: TestServer) {
    open_window(&server, 10).await;
    let day = server.clock.today().add_days(1);
    let slot = slots(&server, day).await[0]["id"].as_str().unwrap().to_string();
    let son = server.client();
    server.sign_in(&son, "13900000041").await;
    let mut body = booking(&slot, 2);
    body["visitor_name"] = json!("陈老伯");
    let r = book(&server, &son, &body).await;
    let err = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(err["fields"]["visitor_phone"], "memorial.visitor_incomplete");
    body["visitor_phone"] = json!("139 0000 0042");
    let r = book(&server, &son, &body).await;
    assert_eq!(r.status(), StatusCode::OK);
    let b: Value = r.json().await.unwrap();
    assert_eq!((b["visitor_name"].as_str(), b["visitor_phone"].as_str()), (Some("陈老伯"), Some("13900000042")));
    let mine: Value = son.get(server.url("/api/v1/memorial/bookings")).send().await.unwrap().json().await.unwrap();
    assert_eq!(mine["bookings"][0]["visitor_phone"], "13900000042");
}
both_engines!(a_relative_books_for_an_elderly_visitor, with_staff);

/// Only a district admin opens a booking window (no session, the bootstrap token, a resident:
/// 401; gate staff: 403, and no slot is made); an opened window is in the audit trail.
async fn only_district_admins_open_windows(server: TestServer) {
    let today = server.clock.today();
    let body = json!({
        "cemetery_id": "baoshan", "kind": "qingming",
        "starts_on": today.add_days(30).to_iso(), "ends_on": today.add_days(31).to_iso(),
        "days_ahead": 7, "service_opens_minute": 0, "service_closes_minute": 1440,
        "first_hour": 8, "last_hour": 9, "capacity": 3
    });
    let slots_before = server.count("SELECT COUNT(*) FROM memorial_slots").await;
    let gate = staff_common::kept(&server, "gate", "gate_staff", Some("baoshan")).await;
    let path = "/api/v1/staff/memorial/windows";
    staff_common::refuses_all_but_its_role(&server, reqwest::Method::POST, path, &body, "13500000091", &gate).await;
    assert_eq!(server.count("SELECT COUNT(*) FROM memorial_slots").await, slots_before, "no slot made");
    let window = open_window(&server, 5).await;
    let (actor, subject): (String, String) =
        sqlx::query_as("SELECT actor, subject_id FROM audit_trail WHERE action = 'memorial.open_window'")
            .fetch_one(&server.db.pool)
            .await
            .unwrap();
    assert_eq!((actor.as_str(), subject.as_str()), ("district-admin", window["id"].as_str().unwrap()));
}
both_engines!(only_district_admins_open_windows);
