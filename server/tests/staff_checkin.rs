//! The gate over real HTTP on SQLite and PostgreSQL (issue 13 item 4): a booking's QR carries a
//! ticket signed with the server's key; gate staff and registry clerks check it (or the typed
//! reference) and get each answer — valid (marked arrived once, counted in the slot), wrong place,
//! wrong day, too early, too late, cancelled, not confirmed, already used — and a forged or altered
//! code is refused.

mod common;
mod marriage_common;
mod memorial_common;
mod staff_common;

use baoan_contract::rules::date::Date;
use baoan_server::staff::checkin::{self, Ticket, TicketKind};
use common::TestServer;
use memorial_common::at;
use reqwest::StatusCode;
use serde_json::{json, Value};
use staff_common::*;

/// What the camera reads off a booking's QR code: the ticket, signed with the server's key.
async fn scanned(
    server: &TestServer,
    kind: TicketKind,
    id: &str,
    place: &str,
    day: Date,
    start: u32,
    end: u32,
) -> String {
    let mut conn = server.db.pool.acquire().await.unwrap();
    let key = checkin::key(&mut conn).await.unwrap();
    Ticket { kind, booking_id: id.into(), place: place.into(), day, starts_minute: start, ends_minute: end }
        .encode(&key)
}

/// Creates an account as `admin`; returns its authenticator secret.
async fn secret_of(
    server: &TestServer,
    admin: &reqwest::Client,
    login: &str,
    role: &str,
    place: Option<&str>,
) -> String {
    let (status, body) = create(server, Some(admin), login, role, place).await;
    assert_eq!(status, StatusCode::CREATED, "{body}");
    body["totp_secret"].as_str().unwrap().to_string()
}

async fn arrivals(server: &TestServer, staff: &reqwest::Client) -> Value {
    let r = staff.get(server.url("/api/v1/staff/arrivals")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK, "arrivals: {}", r.text().await.unwrap());
    r.json().await.unwrap()
}

async fn check(server: &TestServer, staff: &reqwest::Client, code: &str) -> Value {
    let r = staff.post(server.url("/api/v1/staff/check-in")).json(&json!({ "code": code })).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK, "check-in: {}", r.text().await.unwrap());
    r.json().await.unwrap()
}

async fn book_visit(server: &TestServer, phone: &str, slot: &Value) -> Value {
    let client = server.client();
    server.sign_in(&client, phone).await;
    let body = json!({ "slot_id": slot["id"], "group_size": 3, "plate": "粤BD12345", "deceased_name": "陈国华",
                       "grave": { "area": "A", "row": "3", "number": "12" } });
    let r = client
        .post(server.url("/api/v1/memorial/bookings"))
        .header("idempotency-key", common::random_hex(12))
        .json(&body)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK, "booked: {}", r.text().await.unwrap());
    let mut booking: Value = r.json().await.unwrap();
    booking["client_phone"] = json!(phone);
    booking
}

async fn every_answer_at_the_cemetery_gate(server: TestServer) {
    let today = server.clock.today();
    memorial_common::open_window(&server, 50).await;
    let day = today.add_days(2);
    let url = server.url(&format!("/api/v1/memorial/cemeteries/baoshan/slots?date={}", day.to_iso()));
    let slots: Value = reqwest::get(&url).await.unwrap().json().await.unwrap();
    let slot = slots["slots"].as_array().unwrap().iter().find(|s| s["starts_minute"] == 480).unwrap().clone();
    assert_eq!(slot["arrived"], 0);
    let (first, second, third) = (
        book_visit(&server, "13900000901", &slot).await,
        book_visit(&server, "13900000902", &slot).await,
        book_visit(&server, "13900000903", &slot).await,
    );
    // The second visitor cancels.
    let cancel = server.client();
    server.sign_in(&cancel, "13900000902").await;
    let r = cancel
        .post(server.url(&format!("/api/v1/memorial/bookings/{}/cancel", second["id"].as_str().unwrap())))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK, "cancelled");
    // Another cemetery, for a guard at the wrong gate.
    sqlx::query("INSERT INTO memorial_cemeteries (id, name, address, map_url, max_group, sort) VALUES ('other', '演示园', '示例地址', '', 6, 9)")
        .execute(&server.db.pool)
        .await
        .unwrap();
    let (_, body) = create(&server, None, "admin", "district_admin", None).await;
    let admin_secret = body["totp_secret"].as_str().unwrap().to_string();
    let admin = staff_client(&server, "admin", &admin_secret).await;
    let gate_secret = secret_of(&server, &admin, "gate.baoshan", "gate_staff", Some("baoshan")).await;
    let gate = staff_client(&server, "gate.baoshan", &gate_secret).await;
    let reviewer = member(&server, &admin, "haiyu", "community_reviewer", Some("xinan-haiyu")).await;
    let other_secret = secret_of(&server, &admin, "gate.other", "gate_staff", Some("other")).await;
    let mut tickets = Vec::new();
    for b in [&first, &second, &third] {
        tickets.push(scanned(&server, TicketKind::Memorial, b["id"].as_str().unwrap(), "baoshan", day, 480, 540).await);
    }
    let [t1, t2, t3] = <[String; 3]>::try_from(tickets).unwrap();
    let verdict = |v: Value| v["verdict"].as_str().unwrap().to_string();

    // Only gate staff and registry clerks check visitors in.
    let r = reviewer.post(server.url("/api/v1/staff/check-in")).json(&json!({ "code": t1 })).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN);
    // The day before.
    assert_eq!(verdict(check(&server, &gate, &t1).await), "wrong_day");
    // On the day, 40 minutes before the 08:00 slot (the margin is 30). A staff session lasts one
    // shift, so the guard signs in again.
    at(&server, day, 7 * 60 + 20);
    let gate = staff_client(&server, "gate.baoshan", &gate_secret).await;
    let other_gate = staff_client(&server, "gate.other", &other_secret).await;
    let early = check(&server, &gate, &t1).await;
    assert_eq!(verdict(early.clone()), "too_early");
    assert_eq!(early["early_minutes"], 30);
    // 15 minutes before: in. Marked arrived, counted in the slot (a group of three).
    at(&server, day, 7 * 60 + 45);
    let valid = check(&server, &gate, &t1).await;
    assert_eq!(verdict(valid.clone()), "valid");
    assert_eq!(valid["group_size"], 3);
    assert_eq!(valid["slot_arrived"], 3);
    // Residents' slot list counts the arrivals at once (its cached copy is dropped).
    let slots: Value = reqwest::get(&url).await.unwrap().json().await.unwrap();
    let counted = slots["slots"].as_array().unwrap().iter().find(|s| s["id"] == slot["id"]).unwrap().clone();
    assert_eq!(
        (counted["arrived"].as_i64(), counted["taken"].as_i64()),
        (Some(3), Some(6)),
        "three booked places were cancelled"
    );
    // The gate's list of today: the slot's arrivals, the bookings still to come, not the cancelled one.
    let today = arrivals(&server, &gate).await;
    assert_eq!(today["place"], "baoshan");
    // Only the slots with bookings and the one under way: the empty 09:00 slot, later, is left out.
    assert_eq!(starts(&today), [480]);
    let eight = today["slots"].as_array().unwrap().iter().find(|s| s["starts_minute"] == 480).unwrap().clone();
    assert_eq!((eight["arrived"].as_i64(), eight["capacity"].as_i64()), (Some(3), Some(50)));
    let listed: Vec<(&str, bool)> = eight["bookings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| (b["reference"].as_str().unwrap(), b["arrived_at"].is_i64()))
        .collect();
    let mut expected =
        vec![(first["reference"].as_str().unwrap(), true), (third["reference"].as_str().unwrap(), false)];
    expected.sort();
    assert_eq!(listed, expected);
    assert!(!today.to_string().contains("陈国华") && !today.to_string().contains("粤B"), "nothing personal");
    let admin_today = staff_client(&server, "admin", &admin_secret).await;
    let r = admin_today.get(server.url("/api/v1/staff/arrivals")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::FORBIDDEN, "only the gate and the counter have arrivals");
    assert!(valid.get("visitor_name").is_none() && !valid.to_string().contains("陈国华"), "nothing personal");
    // The same code again, scanned or typed: already used.
    assert_eq!(verdict(check(&server, &gate, &t1).await), "already_used");
    let typed = first["reference"].as_str().unwrap().to_ascii_lowercase();
    assert_eq!(verdict(check(&server, &gate, &typed).await), "already_used");
    // A cancelled booking's code.
    assert_eq!(verdict(check(&server, &gate, &t2).await), "cancelled");
    // At another cemetery's gate: wrong place, and nothing about the booking.
    let elsewhere = check(&server, &other_gate, &t3).await;
    assert_eq!(verdict(elsewhere.clone()), "wrong_place");
    assert!(elsewhere["reference"].is_null());
    // Forged and altered codes: another key, an edited payload, a re-used tag, nonsense.
    let forged = Ticket {
        kind: TicketKind::Memorial,
        booking_id: third["id"].as_str().unwrap().into(),
        place: "baoshan".into(),
        day,
        starts_minute: 480,
        ends_minute: 540,
    }
    .encode(&[9u8; 32]);
    let (_, tag) = t3.rsplit_once('.').unwrap();
    let other_day =
        scanned(&server, TicketKind::Memorial, third["id"].as_str().unwrap(), "baoshan", day.add_days(1), 480, 540)
            .await;
    let (altered_payload, _) = other_day.rsplit_once('.').unwrap();
    for code in [forged, format!("{altered_payload}.{tag}"), "BA1.nonsense.code".into(), "JS-00000000-0000".into()] {
        assert_eq!(verdict(check(&server, &gate, &code).await), "invalid", "{code}");
    }
    // A genuine ticket for a slot the booking no longer has (the signed day differs): invalid.
    assert_eq!(verdict(check(&server, &gate, &other_day).await), "invalid");
    // After the slot's end and the late margin (09:00 + 30 minutes).
    at(&server, day, 9 * 60 + 31);
    assert_eq!(verdict(check(&server, &gate, &t3).await), "too_late");
    // Now the empty 09:00 slot is under way: listed, after the booked 08:00 one.
    assert_eq!(starts(&arrivals(&server, &gate).await), [480, 540]);
    // The arrival is in the audit trail, by the guard.
    let admin = staff_client(&server, "admin", &admin_secret).await;
    let trail: Vec<Value> =
        admin.get(server.url("/api/v1/staff/audit?action=checkin.arrive")).send().await.unwrap().json().await.unwrap();
    assert_eq!(trail.len(), 1);
    assert_eq!(trail[0]["actor"], "gate.baoshan");
    assert_eq!(trail[0]["subject_id"], first["reference"]);
    // The next day at 09:31, nobody booked: the empty 08:00 slot, over, is left out; the empty
    // 09:00 slot is the one under way.
    at(&server, day.add_days(1), 9 * 60 + 31);
    let gate = staff_client(&server, "gate.baoshan", &gate_secret).await;
    let next_day = arrivals(&server, &gate).await;
    assert_eq!(next_day["day"], day.add_days(1).to_iso());
    assert_eq!(starts(&next_day), [540]);
    assert_eq!(next_day["slots"][0]["bookings"], json!([]));
}
both_engines!(every_answer_at_the_cemetery_gate);

/// The start minutes of the slots today's list shows.
fn starts(today: &Value) -> Vec<i64> {
    today["slots"].as_array().unwrap().iter().map(|s| s["starts_minute"].as_i64().unwrap()).collect()
}

async fn the_registry_counter_checks_marriage_appointments(server: TestServer) {
    use marriage_common::*;
    seed_offices(&server).await;
    let slot = first_slot(&server, "baoan-district").await;
    let booker_client = booker(&server, 41).await;
    let booking = booked(&server, &booker_client, "marriage", slot["id"].as_str().unwrap(), 41).await;
    let other = booker(&server, 42).await;
    let unconfirmed = booked(&server, &other, "marriage", slot["id"].as_str().unwrap(), 42).await;
    confirmed(&server, &booker_client, &booking, 41).await;
    let offices: Vec<String> = sqlx::query_as::<_, (String,)>("SELECT id FROM marriage_offices ORDER BY id")
        .fetch_all(&server.db.pool)
        .await
        .unwrap()
        .into_iter()
        .map(|(id,)| id)
        .collect();
    let elsewhere = offices.iter().find(|o| *o != "baoan-district").expect("a second office").clone();
    let admin = admin(&server).await;
    let clerk_secret = secret_of(&server, &admin, "clerk", "registry_clerk", Some("baoan-district")).await;
    let other_secret = secret_of(&server, &admin, "clerk2", "registry_clerk", Some(&elsewhere)).await;
    let day = date_of(&slot["date"]);
    let (start, end) = (slot["start_minute"].as_u64().unwrap() as u32, slot["end_minute"].as_u64().unwrap() as u32);
    let registry = TicketKind::Registry;
    let ticket = scanned(&server, registry, booking["id"].as_str().unwrap(), "baoan-district", day, start, end).await;
    let pending =
        scanned(&server, registry, unconfirmed["id"].as_str().unwrap(), "baoan-district", day, start, end).await;
    at(&server, day, i64::from(start) + 5);
    let clerk = staff_client(&server, "clerk", &clerk_secret).await;
    let other_clerk = staff_client(&server, "clerk2", &other_secret).await;
    let verdict = |v: Value| v["verdict"].as_str().unwrap().to_string();
    assert_eq!(verdict(check(&server, &other_clerk, &ticket).await), "wrong_place");
    assert_eq!(verdict(check(&server, &clerk, &pending).await), "not_confirmed");
    // A cemetery ticket at the registry counter is not a registry ticket.
    let cemetery =
        scanned(&server, TicketKind::Memorial, booking["id"].as_str().unwrap(), "baoan-district", day, start, end)
            .await;
    assert_eq!(verdict(check(&server, &clerk, &cemetery).await), "invalid");
    let valid = check(&server, &clerk, &ticket).await;
    assert_eq!(verdict(valid.clone()), "valid");
    assert_eq!(valid["slot_arrived"], 1);
    assert_eq!(verdict(check(&server, &clerk, &ticket).await), "already_used");
    // The counter's list of today: the confirmed couple, arrived; the unconfirmed one is not listed.
    let today = arrivals(&server, &clerk).await;
    let slot_today = today["slots"].as_array().unwrap().iter().find(|s| s["arrived"] == 1).unwrap().clone();
    assert_eq!(slot_today["bookings"].as_array().unwrap().len(), 1);
    assert_eq!(slot_today["bookings"][0]["reference"], booking["reference"]);
    assert!(slot_today["bookings"][0]["arrived_at"].is_i64());
    let elsewhere_today = arrivals(&server, &other_clerk).await;
    assert!(!elsewhere_today.to_string().contains(booking["reference"].as_str().unwrap()), "another office's list");
    // The booking's own QR code carries exactly such a ticket (not the bare reference).
    let mut conn = server.db.pool.acquire().await.unwrap();
    let key = checkin::key(&mut conn).await.unwrap();
    let decoded = Ticket::decode(&key, &ticket).unwrap();
    assert_eq!(decoded.booking_id, booking["id"].as_str().unwrap());
}
both_engines!(the_registry_counter_checks_marriage_appointments, marriage_common::many_sign_ins);
