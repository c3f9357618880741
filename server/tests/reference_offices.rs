//! Registry offices a district imports (issue 12 item 5), on SQLite and PostgreSQL: in the live
//! service, which has no demo offices, an imported office is listed and bookable (days with
//! places, slots); changing an office keeps its generated slots true to it (capacity, closed
//! and extended days, retiring) with one change record.

mod common;
mod reference_common;
mod staff_common;
mod tencent_common;

use baoan_contract::rules::date::Date;
use common::{TestDb, TestServer};
use reference_common::*;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::sync::Arc;
use tencent_common::StandIn;

/// The first day from `from` on whose weekday (0 = Monday) satisfies `want`.
fn next(from: Date, want: impl Fn(u8) -> bool) -> Date {
    (0..7).map(|i| from.add_days(i)).find(|d| want(d.weekday())).unwrap()
}

async fn days(server: &TestServer, office: &str) -> Vec<Value> {
    public(server, &format!("/api/v1/marriage/offices/{office}/days")).await["days"].as_array().unwrap().clone()
}

fn day(days: &[Value], date: Date) -> Value {
    days.iter().find(|d| d["date"] == date.to_iso()).unwrap_or_else(|| panic!("{date} listed")).clone()
}

/// The live service seeds no office; the district's import makes one bookable.
async fn an_imported_office_is_bookable_in_the_live_service(test_db: Arc<TestDb>) {
    let stand_in = StandIn::start().await;
    let server = TestServer::start_on(test_db, |c| {
        stand_in.configure(c);
        c.staff_secrets_key = Some(staff_common::LIVE_SEALING_KEY.into());
    })
    .await;
    assert!(!server.config.demo);
    assert_eq!(public(&server, "/api/v1/marriage/offices").await, json!([]), "no demo offices");
    let (_, text) = sample("offices");
    // The live service refuses the sample's example counselling length, line by line.
    let r = put(&server, "offices", "wang", &rows(&text)).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = r.json().await.unwrap();
    assert_eq!(
        body["fields"],
        json!({ "line.1.counselling.source": "figure.source", "line.2.counselling.source": "figure.source" })
    );
    put_ok(&server, "offices", &rows(&set_counselling(&text, 60))).await;

    let offices = public(&server, "/api/v1/marriage/offices").await;
    let ids: Vec<&str> = offices.as_array().unwrap().iter().map(|o| o["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["example-registry", "example-registry-north"]);
    assert_eq!(offices[0]["name"]["zh_hant"], "示例婚姻登記處（示例）", "converted from 简体");
    assert_eq!(offices[1]["name"]["zh_hant"], "示例北部婚姻登記點（示例）", "as given");
    assert_eq!(offices[0]["name"]["en"], "Example Marriage Registry (example)");
    assert_eq!(offices[0]["phone"], "0755-0000 0000");

    let weekday = next(server.clock.today().add_days(1), |w| w < 5);
    let listed = days(&server, "example-registry").await;
    let d = day(&listed, weekday);
    assert_eq!((d["state"].as_str(), d["places_left"].as_i64()), (Some("open"), Some(12 * 5)), "{d}");
    let slots = public(&server, &format!("/api/v1/marriage/offices/example-registry/days/{weekday}/slots")).await;
    let registration = slots["slots"].as_array().unwrap();
    assert_eq!(registration.len(), 12);
    assert!(registration.iter().all(|s| s["capacity"] == 5 && s["places_left"] == 5));
    assert_eq!(slots["counselling_length"], json!({ "minutes": 60, "source": set_by_district("2026-01-01") }));
    let session = &slots["counselling"][0];
    assert_eq!(session["end_minute"].as_i64().unwrap() - session["start_minute"].as_i64().unwrap(), 60);
    let north = day(&days(&server, "example-registry-north").await, weekday);
    assert_eq!(north["places_left"], 12 * 3);
    server.finish().await;
}
both_engines_db!(an_imported_office_is_bookable_in_the_live_service);

/// Changing an office: one record (before, after, who); future slots take the new capacity, a
/// day it now closes keeps only what someone holds, a Saturday it now opens gets slots; retired,
/// it leaves the list and its free future slots go.
async fn changing_an_office_keeps_its_slots_true(server: TestServer) {
    let today = server.clock.today();
    let closing = next(today.add_days(2), |w| w < 5);
    let open_day = next(closing.add_days(1), |w| w < 5);
    let saturday = next(today.add_days(2), |w| w == 5);
    let (_, text) = sample("offices");
    let mut office = rows(&text)[1].clone();
    office["slot_capacity"] = json!(4);
    put_ok(&server, "offices", std::slice::from_ref(&office)).await;
    let listed = days(&server, "example-registry-north").await;
    assert_eq!(day(&listed, closing)["places_left"], 48);
    assert_eq!(day(&listed, saturday)["state"], "closed");
    // Someone holds three places at 9:00 on the day about to close.
    sqlx::query(
        "UPDATE marriage_slots SET taken = 3 WHERE office_id = 'example-registry-north' AND day = $1 \
         AND purpose = 'registration' AND start_minute = 540",
    )
    .bind(closing.to_iso())
    .execute(&server.db.pool)
    .await
    .unwrap();

    office["slot_capacity"] = json!(6);
    office["counselling"] = json!({ "minutes": 30, "source": set_by_district("2026-01-01") });
    office["special_days"] = json!([
        {"date": closing.to_iso(), "kind": "closed", "note": {"zh_hans": "内部培训（示例）", "en": "Staff training (example)"}},
        {"date": saturday.to_iso(), "kind": "extended", "note": {"zh_hans": "周六延时服务（示例）", "en": "Saturday service (example)"}},
    ]);
    let r = put(&server, "offices", "li.gu", std::slice::from_ref(&office)).await;
    assert_eq!(r.status(), StatusCode::OK);
    let records = change_records(&server).await;
    assert_eq!(records.len(), 2);
    let change = &records[1];
    assert_eq!((change.changed_by.as_str(), change.door.as_str()), ("li.gu", "staff"));
    let before: Value = serde_json::from_str(change.before_json.as_deref().unwrap()).unwrap();
    let after: Value = serde_json::from_str(&change.after_json).unwrap();
    assert_eq!((before["slot_capacity"].as_i64(), after["slot_capacity"].as_i64()), (Some(4), Some(6)));
    // Special days are kept in date order, which depends on today's weekday: find the closing one.
    let closed_day = after["special_days"].as_array().unwrap().iter().find(|d| d["date"] == closing.to_iso()).unwrap();
    assert_eq!(closed_day["note"]["zh_hant"], "內部培訓（示例）");

    let listed = days(&server, "example-registry-north").await;
    let closed = day(&listed, closing);
    assert_eq!((closed["state"].as_str(), closed["places_left"].as_i64()), (Some("full"), Some(0)), "{closed}");
    assert_eq!(closed["note"]["en"], "Staff training (example)");
    let (held,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM marriage_slots WHERE office_id = 'example-registry-north' AND day = $1")
            .bind(closing.to_iso())
            .fetch_one(&server.db.pool)
            .await
            .unwrap();
    assert_eq!(held, 1, "only the slot someone holds stays");
    assert_eq!(day(&listed, open_day)["places_left"], 72);
    let sessions =
        public(&server, &format!("/api/v1/marriage/offices/example-registry-north/days/{open_day}/slots")).await;
    assert_eq!(sessions["counselling_length"]["minutes"], 30);
    let session = &sessions["counselling"][0];
    assert_eq!(session["end_minute"].as_i64().unwrap() - session["start_minute"].as_i64().unwrap(), 30, "moved");
    assert_eq!(day(&listed, saturday)["places_left"], 72, "the extended Saturday opens");

    office["active"] = json!(false);
    put_ok(&server, "offices", std::slice::from_ref(&office)).await;
    let offices = public(&server, "/api/v1/marriage/offices").await;
    assert_eq!(offices, json!([]), "retired: no longer listed");
    let listed = days(&server, "example-registry-north").await;
    assert_eq!(day(&listed, open_day)["state"], "closed", "its free slots went");
    assert_eq!(change_records(&server).await.len(), 3);
}
both_engines!(changing_an_office_keeps_its_slots_true);
