//! Cemeteries and booking windows as reference data (issue 12 item 5), over real HTTP on SQLite
//! and PostgreSQL: the samples import and the journey serves them (繁體 from OpenCC, each
//! capacity with its source); an imported window gets its slots; a changed window moves only
//! future slots, never below the places taken, and a day or hour removed loses only its free
//! slots; bad rows are each reported with their line and nothing is written; the live service
//! refuses capacities whose source is still an example.

mod common;
mod reference_common;
mod staff_common;

use baoan_contract::api::reference::ReferenceKind;
use baoan_contract::rules::date::Date;
use baoan_server::reference::cli;
use common::{expect_error, TestServer};
use reference_common::*;
use reqwest::StatusCode;
use serde_json::{json, Value};

/// The slots of one day at a cemetery: (starting hour, capacity, taken), and their source.
async fn slots(server: &TestServer, cemetery: &str, day: Date) -> (Vec<(i64, i64, i64)>, Value) {
    let list = public(server, &format!("/api/v1/memorial/cemeteries/{cemetery}/slots?date={}", day.to_iso())).await;
    let slots = list["slots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| {
            (s["starts_minute"].as_i64().unwrap() / 60, s["capacity"].as_i64().unwrap(), s["taken"].as_i64().unwrap())
        })
        .collect();
    (slots, list["capacity_source"].clone())
}

/// The samples: two cemeteries (one without English or 繁體 address), two windows of the first.
async fn the_samples_import_and_are_served(server: TestServer) {
    let (_, cemeteries) = sample("cemeteries");
    let done = put_ok(&server, "cemeteries", &rows(&cemeteries)).await;
    assert_eq!((done["rows"].as_i64(), done["changed"].as_i64()), (Some(2), Some(2)));
    let (_, windows) = sample("booking_windows");
    let done = cli::import(&server.state, ReferenceKind::BookingWindows, &windows, "王科员").await.unwrap();
    assert_eq!((done.rows, done.changed), (2, 2));

    let listed = public(&server, "/api/v1/memorial/cemeteries").await;
    let find = |id: &str| listed.as_array().unwrap().iter().find(|c| c["id"] == id).cloned().expect(id);
    let park = find("example-cemetery");
    assert_eq!(park["name"]["zh_hant"], "示例紀念園（示例）", "converted from 简体");
    assert_eq!(park["name"]["en"], "Example Memorial Park (example)");
    assert_eq!(park["max_group"], 6);
    assert_eq!(park["max_group_source"]["basis"]["kind"], "example");
    assert_eq!(park["proxy_service"], true);
    let eco = find("example-eco-cemetery");
    assert_eq!(eco["address"]["zh_hant"], "寶安區示例路 4 號（示例地址）");
    assert!(eco["name"]["en"].is_null(), "English is never invented");

    let detail = public(&server, "/api/v1/memorial/cemeteries/example-cemetery").await;
    assert_eq!(detail["windows"].as_array().unwrap().len(), 2);
    let (day_slots, source) = slots(&server, "example-cemetery", Date::new(2027, 4, 5).unwrap()).await;
    assert_eq!(day_slots, (7..=16).map(|h| (h, 30, 0)).collect::<Vec<_>>(), "hourly, 30 places each");
    assert_eq!(source, json!({ "basis": { "kind": "example" }, "effective_from": "2027-03-27" }));
    let (outside, _) = slots(&server, "example-cemetery", Date::new(2027, 4, 10).unwrap()).await;
    assert!(outside.is_empty());

    let mut retired = rows(&cemeteries)[1].clone();
    retired["active"] = json!(false);
    put_ok(&server, "cemeteries", &[retired]).await;
    let listed = public(&server, "/api/v1/memorial/cemeteries").await;
    assert!(listed.as_array().unwrap().iter().all(|c| c["id"] != "example-eco-cemetery"), "retired");
    let kept = admin_rows(&server, "cemeteries").await;
    assert!(kept.iter().any(|c| c["id"] == "example-eco-cemetery" && c["active"] == false), "kept, not deleted");

    // Retiring a cemetery with windows: its free future slots go.
    let mut retired = rows(&cemeteries)[0].clone();
    retired["active"] = json!(false);
    put_ok(&server, "cemeteries", &[retired]).await;
    assert!(slots(&server, "example-cemetery", Date::new(2027, 4, 5).unwrap()).await.0.is_empty());
    assert_eq!(changes(&server).await, 6);
}
both_engines!(the_samples_import_and_are_served);

/// A window at 宝山园 from today for `days` more days, hours `first..=last`, `places` each.
fn window(server: &TestServer, days: i64, first: u32, last: u32, places: u32) -> Value {
    let today = server.clock.today();
    json!({
        "id": "test-window", "cemetery": "baoshan", "kind": "qingming",
        "starts_on": today.to_iso(), "ends_on": today.add_days(days).to_iso(), "days_ahead": 7,
        "service_opens_minute": 0, "service_closes_minute": 1440, "first_hour": first, "last_hour": last,
        "places_per_slot": places, "places_source": set_by_district(&today.to_iso())
    })
}

/// A resident books `group` places in the first slot of `day`.
async fn book(server: &TestServer, day: Date, group: u32) {
    let list = public(server, &format!("/api/v1/memorial/cemeteries/baoshan/slots?date={}", day.to_iso())).await;
    let slot = list["slots"][0]["id"].as_str().unwrap().to_string();
    let resident = server.client();
    server.sign_in(&resident, "13700000041").await;
    let r = resident
        .post(server.url("/api/v1/memorial/bookings"))
        .header("idempotency-key", common::random_hex(12))
        .json(&json!({ "slot_id": slot, "group_size": group, "plate": "粤BD12345", "deceased_name": "陈国华",
                       "grave": { "area": "A", "row": "3", "number": "12" } }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK, "{}", r.text().await.unwrap());
}

/// Capacity changes move future slots but never below the places taken; today's slots stay; a
/// day or hour removed loses only its free slots; a day or hour added gets them again.
async fn a_changed_window_moves_only_future_free_places(server: TestServer) {
    let today = server.clock.today();
    let (d2, d3) = (today.add_days(2), today.add_days(3));
    put_ok(&server, "booking_windows", &[window(&server, 4, 8, 9, 10)]).await;
    assert_eq!(slots(&server, "baoshan", d2).await.0, [(8, 10, 0), (9, 10, 0)]);
    book(&server, d2, 3).await;

    // Fewer places: the booked slot keeps the 3 taken, the others take 2; today is not moved.
    put_ok(&server, "booking_windows", &[window(&server, 4, 8, 9, 2)]).await;
    assert_eq!(slots(&server, "baoshan", d2).await.0, [(8, 3, 3), (9, 2, 0)]);
    assert_eq!(slots(&server, "baoshan", d3).await.0, [(8, 2, 0), (9, 2, 0)]);
    assert_eq!(slots(&server, "baoshan", today).await.0, [(8, 10, 0), (9, 10, 0)], "today's slots stay");

    // Shorter (to tomorrow) and one hour less: the booked slot stays with no place to give,
    // every free slot of the days and hour removed goes.
    put_ok(&server, "booking_windows", &[window(&server, 1, 8, 8, 5)]).await;
    assert_eq!(slots(&server, "baoshan", d2).await.0, [(8, 3, 3)]);
    assert!(slots(&server, "baoshan", d3).await.0.is_empty());
    assert_eq!(slots(&server, "baoshan", today.add_days(1)).await.0, [(8, 5, 0)]);
    let detail = public(&server, "/api/v1/memorial/cemeteries/baoshan").await;
    assert!(detail["days"].as_array().unwrap().iter().all(|d| d["date"] != d2.to_iso()), "no place left on it");

    // Longer again: the days and hour come back, the booked slot takes the places again.
    put_ok(&server, "booking_windows", &[window(&server, 3, 8, 9, 6)]).await;
    assert_eq!(slots(&server, "baoshan", d2).await.0, [(8, 6, 3), (9, 6, 0)]);
    assert_eq!(slots(&server, "baoshan", d3).await.0, [(8, 6, 0), (9, 6, 0)]);
    assert!(slots(&server, "baoshan", today.add_days(4)).await.0.is_empty());

    // Each change is one record with the row before and after.
    let records = change_records(&server).await;
    assert_eq!(records.len(), 4);
    let last = records.iter().find(|c| c.after_json.contains("\"places_per_slot\":6")).expect("recorded");
    let before: Value = serde_json::from_str(last.before_json.as_deref().unwrap()).unwrap();
    assert_eq!((before["places_per_slot"].as_i64(), before["last_hour"].as_i64()), (Some(5), Some(8)));
    assert_eq!((last.kind.as_str(), last.row_key.as_str()), ("booking_windows", "test-window"));
}
both_engines!(a_changed_window_moves_only_future_free_places);

/// Every bad row of either kind is reported with its line and reason; nothing is written.
async fn bad_rows_are_reported_and_nothing_is_written(server: TestServer) {
    let (_, cemeteries) = sample("cemeteries");
    let mut bad = rows(&cemeteries);
    bad[0]["map_url"] = json!("http://uri.amap.com/");
    bad[0]["max_group"] = json!(0);
    bad[1]["id"] = json!("Example Eco");
    bad[1]["max_group_source"] = json!({ "basis": { "kind": "document", "document": "", "article": "1" },
                                         "effective_from": "2025-01-01" });
    let text = format!("{}\n{}\n{}\n", bad[0], bad[1], rows(&cemeteries)[0]);
    let problems = cli::import(&server.state, ReferenceKind::Cemeteries, &text, "王科员").await.unwrap_err();
    assert_eq!(
        problems,
        [
            "line 1: map_url: reference.url",
            "line 1: max_group: figure.range",
            "line 2: id: reference.code",
            "line 2: max_group_source: figure.source",
            "line 3: id: reference.duplicate",
        ]
    );

    let (_, windows) = sample("booking_windows");
    let mut bad = rows(&windows);
    bad[0]["cemetery"] = json!("nowhere");
    bad[0]["first_hour"] = json!(18);
    bad[1]["kind"] = json!("spring");
    bad[1]["places_per_slot"] = json!(0);
    let body = expect_error(
        put(&server, "booking_windows", "wang", &bad).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation",
    )
    .await;
    assert_eq!(
        body["fields"],
        json!({ "line.1.cemetery": "reference.unknown", "line.1.first_hour": "figure.range",
                "line.2.cemetery": "reference.unknown", "line.2.kind": "reference.unknown",
                "line.2.places_per_slot": "figure.range" }),
        "the sample's cemetery is not imported in this test"
    );
    assert!(admin_rows(&server, "booking_windows").await.is_empty());
    assert_eq!(server.count("SELECT COUNT(*) FROM memorial_slots").await, 0);
    assert_eq!(changes(&server).await, 0);
}
both_engines!(bad_rows_are_reported_and_nothing_is_written);

/// The live service (no `--demo`) refuses capacities still marked as examples, over the admin
/// API and the CLI, with each line; set by the district, the same rows import.
async fn the_live_service_refuses_example_capacities(server: TestServer) {
    let (_, cemeteries) = sample("cemeteries");
    let body = expect_error(
        put(&server, "cemeteries", "wang", &rows(&cemeteries)).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation",
    )
    .await;
    assert_eq!(
        body["fields"],
        json!({ "line.1.max_group_source": "figure.source", "line.2.max_group_source": "figure.source" })
    );
    let mut set: Vec<Value> = rows(&cemeteries);
    for row in &mut set {
        row["max_group_source"] = set_by_district("2026-01-01");
    }
    assert_eq!(put_ok(&server, "cemeteries", &set).await["changed"], 2);

    let (_, windows) = sample("booking_windows");
    let problems = cli::import(&server.state, ReferenceKind::BookingWindows, &windows, "王科员").await.unwrap_err();
    assert_eq!(problems, ["line 1: places_source: figure.source", "line 2: places_source: figure.source"]);
    assert!(admin_rows(&server, "booking_windows").await.is_empty());
    let set: Vec<String> = rows(&windows)
        .into_iter()
        .map(|mut w| {
            w["places_source"] = set_by_district("2027-01-01");
            w.to_string()
        })
        .collect();
    let done = cli::import(&server.state, ReferenceKind::BookingWindows, &set.join("\n"), "王科员").await.unwrap();
    assert_eq!(done.changed, 2);
    let (_, source) = slots(&server, "example-cemetery", Date::new(2027, 4, 5).unwrap()).await;
    assert_eq!(source, set_by_district("2027-01-01"));
}
both_engines!(the_live_service_refuses_example_capacities, production);
