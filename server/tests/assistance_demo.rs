//! Social assistance demo data on SQLite and PostgreSQL: the demo resident's 我的申请 is not
//! empty — one application part-way through review with dated steps, one waiting for a
//! document staff asked for (补正) — and the message centre tells the same story.

mod assistance_common;
mod common;
mod staff_common;

use assistance_common::*;
use baoan_server::db::demo::DEMO_PHONE;
use common::TestServer;
use reqwest::StatusCode;
use serde_json::{json, Value};

fn demo(c: &mut baoan_server::config::Config) {
    c.seed_demo_data = true;
}

async fn the_demo_resident_has_one_application_in_review_and_one_in_bu_zheng(server: TestServer) {
    let client = server.client();
    server.sign_in(&client, DEMO_PHONE).await;
    let list: Vec<Value> =
        client.get(server.url("/api/v1/assistance/applications")).send().await.unwrap().json().await.unwrap();
    assert_eq!(list.len(), 2, "{list:?}");
    let today = server.clock.today();
    let day = |n: i64| today.add_days(n).to_iso();

    let review = list.iter().find(|a| a["state"] == "in_review").expect("one in review");
    assert_eq!(
        (review["programme"].as_str(), review["stage"].as_str()),
        (Some("minimum_living"), Some("public_notice"))
    );
    assert_eq!(review["next_due"], day(-4 + 7), "the 7-day public notice began 4 days ago");
    let r = get_app(&server, &client, review["reference"].as_str().unwrap()).await;
    assert_eq!(r.status(), StatusCode::OK);
    let app: Value = r.json().await.unwrap();
    let t = app["timeline"].as_array().unwrap();
    assert_eq!((t[0]["done_on"].as_str(), t[1]["done_on"].as_str()), (Some(day(-13).as_str()), Some(day(-4).as_str())));
    assert_eq!((t[2]["current"].as_bool(), t[2]["due_by"].as_str()), (Some(true), Some(day(3).as_str())));
    assert!(t[3..].iter().all(|s| s["done_on"].is_null() && s["current"] == false));
    assert_eq!(app["missing_documents"], json!([]));
    assert_eq!(app["form"]["applicant"]["id_number"], "11010519491231002X", "the owner sees the full ID");

    let waiting = list.iter().find(|a| a["state"] == "awaiting_documents").expect("one in 补正");
    assert_eq!(waiting["programme"], "temporary");
    assert_eq!(waiting["next_due"], day(-1 + 10));
    let reference = waiting["reference"].as_str().unwrap();
    let app: Value = get_app(&server, &client, reference).await.json().await.unwrap();
    assert_eq!(app["requested_documents"], json!(["medical_bills"]));
    assert_eq!(app["requested_by"], day(9));
    assert!(app["requested_note"].as_str().unwrap().contains("演示"));
    assert_eq!(app["timeline"][0]["done_on"], day(-3));
    assert_eq!(
        (app["timeline"][1]["current"].as_bool(), app["timeline"][1]["due_by"].is_null()),
        (Some(true), true),
        "paused while waiting"
    );

    // The demo is live: sending the document resumes the review.
    let upload = upload_id(&server, &client).await;
    let r = client
        .post(server.url(&format!("/api/v1/assistance/applications/{reference}/documents")))
        .json(&json!({ "kind": "medical_bills", "upload_id": upload }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.json::<Value>().await.unwrap()["state"], "in_review");

    let msgs = messages(&server, &client).await;
    let asked =
        msgs.iter().find(|m| m["event"] == "assistance.documents_requested").expect("a message asks for the document");
    assert_eq!((asked["reference"].as_str(), asked["deadline"].as_str()), (Some(reference), Some(day(9).as_str())));
    assert!(msgs.iter().any(|m| m["event"] == "assistance.stage.public_notice" && m["deadline"] == day(3)));

    // Only the demo resident has them.
    let other = server.client();
    server.sign_in(&other, "13900000401").await;
    let list: Vec<Value> =
        other.get(server.url("/api/v1/assistance/applications")).send().await.unwrap().json().await.unwrap();
    assert_eq!(list, Vec::<Value>::new());
    assert_eq!(get_app(&server, &other, reference).await.status(), StatusCode::NOT_FOUND);
}
both_engines!(the_demo_resident_has_one_application_in_review_and_one_in_bu_zheng, demo);
