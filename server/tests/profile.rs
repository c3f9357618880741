//! PUT /api/v1/me/profile: the resident's name and identity document, checked by the contract's
//! rules, stored, and shown in full only to its owner — over real HTTP, on SQLite and PostgreSQL.

mod common;

use baoan_contract::mask::mask_id_number;
use baoan_contract::rules::date::Date;
use baoan_contract::rules::resident_id::make_resident_id;
use common::{expect_error, TestServer};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn resident_id(seq: u16) -> String {
    make_resident_id("440306", Date::new(1990, 1, 1).unwrap(), seq, true)
}

async fn put_profile(server: &TestServer, client: &reqwest::Client, body: Value) -> reqwest::Response {
    client.put(server.url("/api/v1/me/profile")).json(&body).send().await.unwrap()
}

async fn get_me(server: &TestServer, client: &reqwest::Client) -> Value {
    let r = client.get(server.url("/api/v1/me")).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

async fn signed_out_is_401(server: TestServer) {
    let client = server.client();
    let valid = json!({ "name": "张三", "id_type": "resident_id", "id_number": resident_id(1) });
    expect_error(put_profile(&server, &client, valid).await, StatusCode::UNAUTHORIZED, "unauthorized").await;
    // Even an invalid body says nothing about its fields to someone signed out.
    let invalid = json!({ "name": "", "id_type": "resident_id", "id_number": "1" });
    let body =
        expect_error(put_profile(&server, &client, invalid).await, StatusCode::UNAUTHORIZED, "unauthorized").await;
    assert!(body.get("fields").is_none());
    assert_eq!(server.count("SELECT COUNT(*) FROM users WHERE name IS NOT NULL").await, 0);
}
both_engines!(signed_out_is_401);

async fn saves_and_returns_the_profile_to_its_owner(server: TestServer) {
    let client = server.client();
    let me = server.sign_in(&client, "13800000001").await;
    let id = resident_id(7);
    // Typed in groups with extra spaces around the name: stored normalised.
    let typed = format!("{} {} {}", &id[..6], &id[6..14], &id[14..]);
    let r = put_profile(&server, &client, json!({ "name": "  张  三 ", "id_type": "resident_id", "id_number": typed }))
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let saved: Value = r.json().await.unwrap();
    let want_profile = json!({
        "name": "张 三",
        "id_type": "resident_id",
        "id_number": id,
        "id_number_masked": mask_id_number(&id),
        // Typed, not vouched for by an identity platform (see the `identity` tests).
        "verification": null,
    });
    assert_eq!(saved["profile"], want_profile);
    assert_eq!(saved["user_id"], me["user_id"]);
    assert_eq!(saved["phone_masked"], "138****0001");
    let masked = saved["profile"]["id_number_masked"].as_str().unwrap();
    assert_eq!(masked, format!("440***********{}", &id[14..]), "first 3 and last 4 kept");

    // It is stored: GET /me returns the same, and so does the database.
    assert_eq!(get_me(&server, &client).await, saved);
    let (name, id_type, id_number): (String, String, String) =
        sqlx::query_as("SELECT name, id_type, id_number FROM users WHERE phone = $1")
            .bind("13800000001")
            .fetch_one(&server.db.pool)
            .await
            .unwrap();
    assert_eq!((name.as_str(), id_type.as_str(), id_number.as_str()), ("张 三", "resident_id", id.as_str()));

    // Saving again replaces it (another document type).
    let r = put_profile(
        &server,
        &client,
        json!({ "name": "Chan Tai Man", "id_type": "hk_macau_permit", "id_number": "h1234 5678" }),
    )
    .await;
    assert_eq!(r.status(), StatusCode::OK);
    let saved: Value = r.json().await.unwrap();
    assert_eq!(
        saved["profile"],
        json!({ "name": "Chan Tai Man", "id_type": "hk_macau_permit", "id_number": "H12345678",
            "id_number_masked": "H******78", "verification": null })
    );
    assert_eq!(get_me(&server, &client).await["profile"], saved["profile"]);

    // Every document type the contract allows is accepted.
    for (id_type, number) in [("taiwan_permit", "12345678"), ("passport", "E12345678"), ("resident_id", id.as_str())] {
        let r = put_profile(&server, &client, json!({ "name": "李四", "id_type": id_type, "id_number": number })).await;
        assert_eq!(r.status(), StatusCode::OK, "{id_type}");
        assert_eq!(get_me(&server, &client).await["profile"]["id_type"], id_type);
    }
}
both_engines!(saves_and_returns_the_profile_to_its_owner);

async fn each_bad_field_gets_its_code(server: TestServer) {
    let client = server.client();
    server.sign_in(&client, "13800000001").await;
    let good_id = resident_id(3);
    let mut bad_checksum = good_id[..17].to_string();
    bad_checksum.push(if good_id.ends_with('0') { '1' } else { '0' });
    let future = make_resident_id("440306", Date::new(2099, 1, 1).unwrap(), 3, false);
    let cases: Vec<(Value, Value)> = vec![
        // Names.
        (json!({ "name": "", "id_type": "resident_id", "id_number": good_id }), json!({ "name": "required" })),
        (
            json!({ "name": "张3", "id_type": "resident_id", "id_number": good_id }),
            json!({ "name": "name.characters" }),
        ),
        (
            json!({ "name": "<b>x</b>", "id_type": "passport", "id_number": "E12345678" }),
            json!({ "name": "name.characters" }),
        ),
        (
            json!({ "name": "张".repeat(21), "id_type": "resident_id", "id_number": good_id }),
            json!({ "name": "name.too_long" }),
        ),
        (
            json!({ "name": "A".repeat(61), "id_type": "passport", "id_number": "E12345678" }),
            json!({ "name": "name.too_long" }),
        ),
        // Resident ID, in the order the rule checks.
        (json!({ "name": "张三", "id_type": "resident_id", "id_number": "" }), json!({ "id_number": "required" })),
        (
            json!({ "name": "张三", "id_type": "resident_id", "id_number": "44030619900101" }),
            json!({ "id_number": "id.length" }),
        ),
        (
            json!({ "name": "张三", "id_type": "resident_id", "id_number": "44030619900101123A" }),
            json!({ "id_number": "id.characters" }),
        ),
        (
            json!({ "name": "张三", "id_type": "resident_id", "id_number": "990306199001011234" }),
            json!({ "id_number": "id.region" }),
        ),
        (
            json!({ "name": "张三", "id_type": "resident_id", "id_number": "440306199002301234" }),
            json!({ "id_number": "id.birth_date" }),
        ),
        (
            json!({ "name": "张三", "id_type": "resident_id", "id_number": future }),
            json!({ "id_number": "id.birth_in_future" }),
        ),
        (
            json!({ "name": "张三", "id_type": "resident_id", "id_number": bad_checksum }),
            json!({ "id_number": "id.checksum" }),
        ),
        // The other documents.
        (
            json!({ "name": "Chan Tai Man", "id_type": "hk_macau_permit", "id_number": "12345678" }),
            json!({ "id_number": "permit_hk_macau.format" }),
        ),
        (
            json!({ "name": "Chan Tai Man", "id_type": "hk_macau_permit", "id_number": "" }),
            json!({ "id_number": "required" }),
        ),
        (
            json!({ "name": "陳大文", "id_type": "taiwan_permit", "id_number": "T1234567" }),
            json!({ "id_number": "permit_taiwan.format" }),
        ),
        (
            json!({ "name": "John Smith", "id_type": "passport", "id_number": "E123" }),
            json!({ "id_number": "passport.format" }),
        ),
        // A resident ID typed under another type is checked as that type.
        (
            json!({ "name": "张三", "id_type": "passport", "id_number": good_id.clone() + "1" }),
            json!({ "id_number": "passport.format" }),
        ),
        // Both wrong: both reported.
        (
            json!({ "name": "", "id_type": "passport", "id_number": "!" }),
            json!({ "name": "required", "id_number": "passport.format" }),
        ),
    ];
    for (body, fields) in cases {
        let r = put_profile(&server, &client, body.clone()).await;
        let err = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
        assert_eq!(err["fields"], fields, "for {body}");
    }
    // Nothing invalid was stored.
    assert!(get_me(&server, &client).await["profile"].is_null());

    // Bodies that are not a ProfileUpdate at all are bad requests, not validation errors.
    for body in [
        json!({ "name": "张三", "id_type": "driving_licence", "id_number": "E12345678" }),
        json!({ "name": "张三", "id_number": "E12345678" }),
        json!({ "name": 5, "id_type": "passport", "id_number": "E12345678" }),
    ] {
        expect_error(put_profile(&server, &client, body).await, StatusCode::BAD_REQUEST, "bad_request").await;
    }
    assert!(get_me(&server, &client).await["profile"].is_null());
}
both_engines!(each_bad_field_gets_its_code);

async fn residents_never_see_each_other(server: TestServer) {
    let (a, b) = (server.client(), server.client());
    let me_a = server.sign_in(&a, "13800000001").await;
    let me_b = server.sign_in(&b, "13900000002").await;
    let id_a = resident_id(11);
    let r = put_profile(&server, &a, json!({ "name": "王小明", "id_type": "resident_id", "id_number": id_a })).await;
    assert_eq!(r.status(), StatusCode::OK);

    // B sees only B: no profile, none of A's data anywhere in the body.
    let seen_by_b = get_me(&server, &b).await;
    assert_eq!(seen_by_b["user_id"], me_b["user_id"]);
    assert!(seen_by_b["profile"].is_null(), "{seen_by_b}");
    let text = seen_by_b.to_string();
    for secret in [id_a.as_str(), &id_a[..14], "王小明", "138****0001"] {
        assert!(!text.contains(secret), "B's /me leaks {secret:?}: {text}");
    }

    // B saving a profile touches only B's row.
    let id_b = resident_id(12);
    let r = put_profile(&server, &b, json!({ "name": "赵小红", "id_type": "resident_id", "id_number": id_b })).await;
    assert_eq!(r.status(), StatusCode::OK);
    let seen_by_a = get_me(&server, &a).await;
    assert_eq!(seen_by_a["user_id"], me_a["user_id"]);
    assert_eq!(seen_by_a["profile"]["id_number"], id_a.as_str());
    assert_eq!(seen_by_a["profile"]["name"], "王小明");
    assert!(!seen_by_a.to_string().contains(&id_b), "A's /me leaks B's ID");
    assert_eq!(get_me(&server, &b).await["profile"]["id_number"], id_b.as_str());

    // After A signs out, A's profile cannot be read or written with that browser.
    assert_eq!(a.delete(server.url("/api/v1/auth/session")).send().await.unwrap().status(), StatusCode::NO_CONTENT);
    expect_error(a.get(server.url("/api/v1/me")).send().await.unwrap(), StatusCode::UNAUTHORIZED, "unauthorized").await;
    let r = put_profile(&server, &a, json!({ "name": "冒名", "id_type": "passport", "id_number": "E12345678" })).await;
    expect_error(r, StatusCode::UNAUTHORIZED, "unauthorized").await;
    let (name,): (String,) = sqlx::query_as("SELECT name FROM users WHERE phone = $1")
        .bind("13800000001")
        .fetch_one(&server.db.pool)
        .await
        .unwrap();
    assert_eq!(name, "王小明");
}
both_engines!(residents_never_see_each_other);
