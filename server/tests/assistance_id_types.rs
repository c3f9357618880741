//! Social assistance over real HTTP on SQLite and PostgreSQL: an applicant or household member
//! may identify with a Hong Kong/Macau or Taiwan permit or a passport. The number is checked by
//! the shared rule of its type, the date of birth is typed (only a resident ID carries one),
//! and both are stored.

mod assistance_common;
mod common;
mod staff_common;

use assistance_common::*;
use common::{expect_error, TestServer};
use reqwest::StatusCode;
use serde_json::{json, Value};

/// The form with its second member (a child) on a Hong Kong/Macau permit.
fn with_permit_member(upload: &str, number: &str, birth_date: &str) -> Value {
    let mut body = form(upload);
    body["members"][1]["id_type"] = json!("hk_macau_permit");
    body["members"][1]["id_number"] = json!(number);
    body["members"][1]["birth_date"] = json!(birth_date);
    body
}

async fn a_member_with_a_hong_kong_permit_is_stored_with_the_typed_birth_date(server: TestServer) {
    let client = server.client();
    server.sign_in(&client, "13900000301").await;
    let upload = upload_id(&server, &client).await;
    let r = submit(&server, &client, &with_permit_member(&upload, "h 1234 5678", "2016-02-02"), "permit-ok").await;
    let text = r.text().await.unwrap();
    let app: Value = serde_json::from_str(&text).unwrap_or_else(|_| panic!("submit: {text}"));
    let member = &app["form"]["members"][1];
    assert_eq!(member["id_type"], "hk_macau_permit");
    assert_eq!(member["id_number"], "H12345678", "normalised by the shared rule, in full to its owner");
    assert_eq!(member["birth_date"], "2016-02-02");
    assert_eq!(app["form"]["members"][0]["id_type"], "resident_id", "resident ID by default");
    let reference = app["reference"].as_str().unwrap();
    let row: (String, String, String) = sqlx::query_as(
        "SELECT m.id_type, m.id_number, m.birth_date FROM assistance_members m \
         JOIN assistance_applications a ON a.id = m.application_id WHERE a.reference = $1 AND m.position = 1",
    )
    .bind(reference)
    .fetch_one(&server.db.pool)
    .await
    .unwrap();
    assert_eq!(row, ("hk_macau_permit".to_string(), "H12345678".to_string(), "2016-02-02".to_string()));
    let (born,): (String,) = sqlx::query_as(
        "SELECT m.birth_date FROM assistance_members m JOIN assistance_applications a ON a.id = m.application_id \
         WHERE a.reference = $1 AND m.position = 0",
    )
    .bind(reference)
    .fetch_one(&server.db.pool)
    .await
    .unwrap();
    assert_eq!(born, "2000-01-01", "a resident ID's date of birth is read from the number");
    // Another resident still learns nothing of it.
    let other = server.client();
    server.sign_in(&other, "13900000302").await;
    assert_eq!(get_app(&server, &other, reference).await.status(), StatusCode::NOT_FOUND);
}
both_engines!(a_member_with_a_hong_kong_permit_is_stored_with_the_typed_birth_date);

async fn a_bad_permit_or_birth_date_is_named_and_an_adult_on_a_permit_must_consent(server: TestServer) {
    let client = server.client();
    server.sign_in(&client, "13900000303").await;
    let upload = upload_id(&server, &client).await;
    // A resident ID's number typed as a permit, and no date of birth.
    let r = submit(&server, &client, &with_permit_member(&upload, &id((2016, 2, 2), 14), ""), "permit-bad-1").await;
    let e = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(e["fields"]["members.1.id_number"], "permit_hk_macau.format", "{e}");
    assert_eq!(e["fields"]["members.1.birth_date"], "required", "{e}");
    for (number, birth_date, field, code) in [
        ("H1234567", "2016-02-02", "members.1.id_number", "permit_hk_macau.format"),
        ("H12345678", "2016-02-30", "members.1.birth_date", "assistance.date"),
        ("H12345678", "2999-01-01", "members.1.birth_date", "assistance.date_in_future"),
        // Born 1990 by the permit: an adult, who must authorise the means check by name.
        ("M12345678", "1990-01-01", "consents.members.1", "assistance.consent_missing"),
    ] {
        let r = submit(
            &server,
            &client,
            &with_permit_member(&upload, number, birth_date),
            &format!("permit-{number}-{birth_date}"),
        )
        .await;
        let e = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
        assert_eq!(e["fields"][field], code, "{number} {birth_date}: {e}");
    }
    // The applicant on a passport: its number by the passport rule.
    let mut body = form(&upload);
    body["applicant"]["id_type"] = json!("passport");
    body["applicant"]["id_number"] = json!("E1");
    body["applicant"]["birth_date"] = json!("1980-05-01");
    let e = expect_error(
        submit(&server, &client, &body, "passport-bad").await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation",
    )
    .await;
    assert_eq!(e["fields"]["applicant.id_number"], "passport.format", "{e}");
    body["applicant"]["id_number"] = json!("e12345678");
    let r = submit(&server, &client, &body, "passport-ok").await;
    assert_eq!(r.status(), StatusCode::OK);
    let app: Value = r.json().await.unwrap();
    assert_eq!(
        (app["form"]["applicant"]["id_type"].as_str(), app["form"]["applicant"]["id_number"].as_str()),
        (Some("passport"), Some("E12345678"))
    );
    // An unknown ID type is refused as unreadable, in the usual error shape.
    body["applicant"]["id_type"] = json!("driving_licence");
    let r = submit(&server, &client, &body, "unknown-type").await;
    assert!(r.status().is_client_error(), "{}", r.status());
    assert_eq!(server.count("SELECT COUNT(*) FROM assistance_applications").await, 1);
}
both_engines!(a_bad_permit_or_birth_date_is_named_and_an_adult_on_a_permit_must_consent);
