//! A resident's own data: the export holds theirs and nobody else's; deleting the account ends
//! every session, removes the profile and what need not be kept, keeps (anonymised) what must
//! be kept and says so, and leaves other residents untouched.

use crate::assistance_common::{form, submit, upload_id};
use crate::both_engines;
use crate::common::{expect_error, TestServer};
use crate::privacy::uploads::{jpeg_with, upload_ok};
use baoan_contract::rules::date::Date;
use baoan_contract::rules::resident_id::make_resident_id;
use reqwest::StatusCode;
use serde_json::{json, Value};

const A: &str = "13800000501";
const B: &str = "13800000502";

/// Signs in `phone` with a profile and an assistance draft, an unused upload and a memorial.
async fn resident(server: &TestServer, phone: &str, name: &str, seq: u16) -> (reqwest::Client, String, String, String) {
    let client = server.client();
    let user = server.sign_in(&client, phone).await["user_id"].as_str().unwrap().to_string();
    let id = make_resident_id("440306", Date::new(1980, 5, 1).unwrap(), seq, seq % 2 == 1);
    let r = client
        .put(server.url("/api/v1/me/profile"))
        .json(&json!({ "name": name, "id_type": "resident_id", "id_number": id }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let draft = json!({ "bank": { "account_number": format!("62178500{seq:011}") } }).to_string();
    let r = client.put(server.url("/api/v1/assistance/draft")).json(&json!({ "content": draft })).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let upload = upload_ok(server, &client, jpeg_with(&[])).await;
    let r = client
        .post(server.url("/api/v1/memorial/memorials"))
        .json(&json!({ "deceased_name": format!("{name}之父"), "born_on": "1935-03-02", "died_on": "2019-03-30" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    (client, id, upload, user)
}

async fn export(server: &TestServer, client: &reqwest::Client) -> (Value, String) {
    let r = client.get(server.url("/api/v1/me/export")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let disposition = r.headers()["content-disposition"].to_str().unwrap().to_string();
    assert!(disposition.starts_with("attachment"), "{disposition}");
    let text = r.text().await.unwrap();
    (serde_json::from_str(&text).unwrap(), text)
}

async fn the_export_holds_my_data_and_none_of_anyone_elses(server: TestServer) {
    let (a, a_id, a_upload, _) = resident(&server, A, "林小燕", 41).await;
    let (_b, b_id, b_upload, _) = resident(&server, B, "王大明", 42).await;
    let (data, text) = export(&server, &a).await;
    assert_eq!(data["profile"]["phone"], A);
    assert_eq!(data["profile"]["id_number"], a_id.as_str());
    assert_eq!(data["profile"]["name"], "林小燕");
    let records = &data["records"];
    assert_eq!(records["uploads"][0]["id"], a_upload.as_str());
    assert_eq!(records["memorials"][0]["deceased_name"], "林小燕之父");
    assert!(records["assistance_drafts"][0]["content"].as_str().unwrap().contains("62178500"));
    for table in ["messages", "assistance_applications", "marriage_bookings", "charity_gifts", "memorial_bookings"] {
        assert!(records[table].is_array(), "{table} is listed");
    }
    for theirs in [B, b_id.as_str(), b_upload.as_str(), "王大明"] {
        assert!(!text.contains(theirs), "B's {theirs} is not in A's export");
    }
    // No secrets: no session or code hashes.
    assert!(!text.contains("token_hash") && !text.contains("code_hash"));
    // Signed out: no export.
    let r = server.client().get(server.url("/api/v1/me/export")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
}
both_engines!(the_export_holds_my_data_and_none_of_anyone_elses);

async fn deleting_the_account_removes_it_and_keeps_only_what_must_be_kept(server: TestServer) {
    let (a, _a_id, a_unused, a_user) = resident(&server, A, "林小燕", 43).await;
    let (b, b_id, b_upload, _) = resident(&server, B, "王大明", 44).await;
    // A also has an application under review (its document attached) and a second device.
    let document = upload_id(&server, &a).await;
    let r = submit(&server, &a, &form(&document), "key-delete-0001").await;
    assert_eq!(r.status(), StatusCode::OK);
    let reference = r.json::<Value>().await.unwrap()["reference"].as_str().unwrap().to_string();
    let other_device = server.client();
    server.clock.advance(61); // a new code for the same phone after a minute
    server.sign_in(&other_device, A).await;

    // Before confirming, the page can say what stays and why.
    let plan: Value = a.get(server.url("/api/v1/me/deletion")).send().await.unwrap().json().await.unwrap();
    assert_eq!(plan, json!({ "kept": [{ "reason": "assistance_case", "reference": reference }] }));
    // Nothing happens without the confirmation.
    let r = a.delete(server.url("/api/v1/me")).json(&json!({ "confirm": false })).send().await.unwrap();
    let e = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(e["fields"]["confirm"], "required");

    let r = a.delete(server.url("/api/v1/me")).json(&json!({ "confirm": true })).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let cleared = r.headers()["set-cookie"].to_str().unwrap().to_string();
    assert!(cleared.contains("Max-Age=0"), "the cookie is cleared: {cleared}");
    assert_eq!(r.json::<Value>().await.unwrap(), plan);

    // Every session of A's has ended.
    for client in [&a, &other_device] {
        assert_eq!(client.get(server.url("/api/v1/me")).send().await.unwrap().status(), StatusCode::UNAUTHORIZED);
    }
    assert_eq!(server.count(&format!("SELECT COUNT(*) FROM sessions WHERE user_id = '{a_user}'")).await, 0);
    // The profile is gone: no phone, name or document on the account row.
    let (phone, name, id_number): (String, Option<String>, Option<String>) =
        sqlx::query_as("SELECT phone, name, id_number FROM users WHERE id = $1")
            .bind(&a_user)
            .fetch_one(&server.db.pool)
            .await
            .unwrap();
    assert!(phone != A && name.is_none() && id_number.is_none(), "{phone} {name:?} {id_number:?}");
    // Drafts, memorials, unused files: deleted (the file too).
    for (what, sql) in [
        ("draft", format!("SELECT COUNT(*) FROM assistance_drafts WHERE user_id = '{a_user}'")),
        ("memorial", format!("SELECT COUNT(*) FROM memorials WHERE owner_id = '{a_user}'")),
        ("unused upload", format!("SELECT COUNT(*) FROM uploads WHERE id = '{a_unused}'")),
    ] {
        assert_eq!(server.count(&sql).await, 0, "{what} deleted");
    }
    assert!(!server.data_dir.path().join("uploads").join(&a_unused).exists());
    // The application under review is kept, with its document.
    assert_eq!(
        server.count(&format!("SELECT COUNT(*) FROM assistance_applications WHERE reference = '{reference}'")).await,
        1
    );
    assert_eq!(server.count(&format!("SELECT COUNT(*) FROM uploads WHERE id = '{document}'")).await, 1);
    // Signing in again with the phone is a new, empty account.
    let again = server.client();
    server.clock.advance(61);
    let me = server.sign_in(&again, A).await;
    assert_ne!(me["user_id"], a_user.as_str());
    assert!(me["profile"].is_null());
    let list: Value =
        again.get(server.url("/api/v1/assistance/applications")).send().await.unwrap().json().await.unwrap();
    assert!(!list.to_string().contains(&reference), "the kept application is not handed to the new account");

    // B is untouched.
    let me: Value = b.get(server.url("/api/v1/me")).send().await.unwrap().json().await.unwrap();
    assert_eq!(me["profile"]["id_number"], b_id.as_str());
    let (data, _) = export(&server, &b).await;
    assert_eq!(data["records"]["uploads"][0]["id"], b_upload.as_str());
    assert_eq!(data["records"]["memorials"].as_array().unwrap().len(), 1);
    assert_eq!(data["records"]["assistance_drafts"].as_array().unwrap().len(), 1);
}
both_engines!(deleting_the_account_removes_it_and_keeps_only_what_must_be_kept);
