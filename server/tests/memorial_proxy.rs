//! 代祭扫 over real HTTP on SQLite and PostgreSQL: which cemeteries take requests; reminders opt-in.
//! Gate staff's side (photos, done) is in `staff_memorial.rs`.

mod common;

use common::{expect_error, TestServer};
use reqwest::StatusCode;
use serde_json::{json, Value};

async fn reminder_opt_in_goes_to_the_message_centre(server: TestServer) {
    let owner = server.client();
    server.sign_in(&owner, "13600000011").await;
    let m: Value = owner
        .post(server.url("/api/v1/memorial/memorials"))
        .json(&json!({ "deceased_name": "林秀英", "born_on": "1940-05-01", "died_on": "2020-02-29" }))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let id = m["id"].as_str().unwrap();
    assert_eq!(m["reminder"], false);
    let r = owner
        .put(server.url(&format!("/api/v1/memorial/memorials/{id}/reminder")))
        .json(&json!({ "on": true }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::NO_CONTENT);
    let seen: Value =
        owner.get(server.url(&format!("/api/v1/memorial/memorials/{id}"))).send().await.unwrap().json().await.unwrap();
    assert_eq!(seen["reminder"], true);
    let messages: Value = owner.get(server.url("/api/v1/me/messages")).send().await.unwrap().json().await.unwrap();
    let msg = &messages["messages"][0];
    assert_eq!(msg["event"], "memorial.reminder_on");
    // The next anniversary of 29 February: 28 February in a common year, 29 in a leap year.
    let deadline = msg["deadline"].as_str().unwrap();
    assert!(deadline.ends_with("-02-28") || deadline.ends_with("-02-29"), "{deadline}");
}
both_engines!(reminder_opt_in_goes_to_the_message_centre);

async fn only_cemeteries_offering_the_service_take_proxy_requests(server: TestServer) {
    let family = server.client();
    server.sign_in(&family, "13600000021").await;
    let list: Value = family.get(server.url("/api/v1/memorial/cemeteries")).send().await.unwrap().json().await.unwrap();
    let offering: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["proxy_service"] == true)
        .map(|c| c["id"].as_str().unwrap())
        .collect();
    assert_eq!(offering, ["baoshan", "demo-qingsong"], "the data says which cemeteries offer it");
    let date = server.clock.today().add_days(3).to_iso();
    let ask = |cemetery: &str| {
        json!({ "cemetery_id": cemetery, "date": date, "services": ["clean"], "deceased_name": "陈国华",
                "grave": { "area": "B", "row": "2", "number": "7" } })
    };
    let r = family.post(server.url("/api/v1/memorial/proxy")).json(&ask("demo-cuihu")).send().await.unwrap();
    let body = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(body["fields"]["cemetery_id"], "memorial.no_proxy_service");
    let r = family.post(server.url("/api/v1/memorial/proxy")).json(&ask("demo-qingsong")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.json::<Value>().await.unwrap()["cemetery_name"], "演示·青松纪念园（示例）");
}
// The demo's fictional cemeteries: one offers proxy sweeping, one does not.
both_engines!(only_cemeteries_offering_the_service_take_proxy_requests, |c: &mut baoan_server::config::Config| c
    .seed_demo_data =
    true);
