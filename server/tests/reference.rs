//! Reference data a district manages (issue 12 item 5), over real HTTP and through the server
//! binary, on SQLite and PostgreSQL: each kind's sample imports and the journey's public
//! endpoint shows it; a file with bad rows reports each with its line and writes nothing; an
//! export re-imports to the same state without a change record; a changed row leaves exactly
//! one record with who, how, before and after; only staff get in. Offices: reference_offices.rs.

mod common;
mod reference_common;
mod staff_common;

use baoan_contract::api::reference::ReferenceKind;
use baoan_server::reference::cli;
use common::{expect_error, TestServer};
use reference_common::*;
use reqwest::StatusCode;
use serde_json::{json, Value};

/// Streets, then their communities: served by /streets and /assistance/communities, 繁體 filled
/// by OpenCC where the file gave none; a community retired with `active: false` leaves the list.
async fn streets_and_communities_are_served_once_imported(server: TestServer) {
    let (_, streets) = sample("streets");
    let done = put_ok(&server, "streets", &rows(&streets)).await;
    assert_eq!((done["rows"].as_i64(), done["changed"].as_i64()), (Some(1), Some(1)));
    let listed = public(&server, "/api/v1/streets").await;
    let street = listed.as_array().unwrap().iter().find(|s| s["code"] == "example-street").expect("listed");
    assert_eq!(street["name"]["zh_hant"], "示例街道（示例）");
    assert_eq!(listed.as_array().unwrap().len(), 11, "the ten streets stay");

    let (_, communities) = sample("communities");
    let done = cli::import(&server.state, ReferenceKind::Communities, &communities, "王科员").await.unwrap();
    assert_eq!((done.rows, done.changed), (2, 2));
    let listed = public(&server, "/api/v1/assistance/communities").await;
    let east = listed.as_array().unwrap().iter().find(|c| c["code"] == "example-street-east").expect("listed");
    assert_eq!(east["street"], "example-street");
    assert_eq!(east["name"]["zh_hant"], "示例東社區（示例）", "converted from 简体");
    assert_eq!(east["name"]["en"], "Example East Community (example)");

    let mut retired = rows(&communities)[0].clone();
    retired["active"] = json!(false);
    let done = put_ok(&server, "communities", &[retired]).await;
    assert_eq!(done["changed"], 1);
    let listed = public(&server, "/api/v1/assistance/communities").await;
    assert!(listed.as_array().unwrap().iter().all(|c| c["code"] != "example-street-east"), "retired");
    assert!(listed.as_array().unwrap().iter().any(|c| c["code"] == "example-street-west"));
    let exported = admin_rows(&server, "communities").await;
    let kept = exported.iter().find(|c| c["code"] == "example-street-east").expect("kept, not deleted");
    assert_eq!(kept["active"], false);
    assert_eq!(changes(&server).await, 4);
}
both_engines!(streets_and_communities_are_served_once_imported);

/// Every bad row is reported with its line and reason, through the CLI and the admin API, and
/// nothing is written: no row, no change record.
async fn a_file_with_bad_rows_reports_each_and_writes_nothing(server: TestServer) {
    let before = admin_rows(&server, "communities").await;
    let good = r#"{"code":"example-ok","street":"xinan","name":{"zh_hans":"示例社区","en":"Example"},"order":30}"#;
    let text = [
        good,
        "",
        "{ not json",
        r#"{"code":"Bad Code","street":"xinan","name":{"zh_hans":"示例","en":"Example"},"order":31}"#,
        r#"{"code":"example-lost","street":"nowhere","name":{"zh_hans":"示例","en":"Example"},"order":32}"#,
        r#"{"code":"example-ok","street":"xinan","name":{"zh_hans":"示例社区"},"order":33}"#,
        r#"{"code":"example-typo","street":"xinan","name":{"zh_hans":"示例","en":"Example"},"ordre":34}"#,
    ]
    .join("\n");
    let problems = cli::import(&server.state, ReferenceKind::Communities, &text, "王科员").await.unwrap_err();
    assert_eq!(problems.len(), 6, "{problems:#?}");
    assert!(problems[0].starts_with("line 3: reference.row ("), "{problems:#?}");
    assert_eq!(problems[1], "line 4: code: reference.code");
    assert_eq!(problems[2], "line 5: street: reference.unknown");
    assert_eq!(problems[3], "line 6: code: reference.duplicate");
    assert_eq!(problems[4], "line 6: name.en: required");
    assert!(problems[5].starts_with("line 7: reference.row (unknown field `ordre`"), "{problems:#?}");

    let readable: Vec<Value> = text.lines().filter_map(|l| serde_json::from_str(l).ok()).collect();
    let r = put(&server, "communities", "wang", &readable).await;
    let body = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(
        body["fields"],
        json!({
            "line.2.code": "reference.code",
            "line.3.street": "reference.unknown",
            "line.4.code": "reference.duplicate",
            "line.4.name.en": "required",
            "line.5": "reference.row",
        }),
        "the API counts rows, not lines of a file"
    );
    let r = put(&server, "offices", "wang", &[]).await;
    let body = expect_error(r, StatusCode::UNPROCESSABLE_ENTITY, "validation").await;
    assert_eq!(body["fields"], json!({ "rows": "required" }));

    assert_eq!(admin_rows(&server, "communities").await, before, "nothing was written");
    assert_eq!(changes(&server).await, 0, "and no change recorded");
}
both_engines!(a_file_with_bad_rows_reports_each_and_writes_nothing);

/// Every kind: export → import changes nothing and records nothing; the export is the same.
async fn an_export_reimports_to_the_same_state(server: TestServer) {
    for kind in ReferenceKind::ALL {
        let (_, text) = sample(kind.code());
        cli::import(&server.state, kind, &text, "王科员").await.unwrap();
    }
    let recorded = changes(&server).await;
    assert_eq!(recorded, 19, "every sample row once");
    for kind in ReferenceKind::ALL {
        let exported = cli::export(&server.state, kind).await.unwrap();
        let done = cli::import(&server.state, kind, &exported, "王科员").await.unwrap();
        assert_eq!(done.changed, 0, "{kind:?}");
        assert_eq!(cli::export(&server.state, kind).await.unwrap(), exported, "{kind:?}");
        // The admin API's rows are the same rows.
        assert_eq!(admin_rows(&server, kind.code()).await, rows(&exported), "{kind:?}");
        let done = put_ok(&server, kind.code(), &rows(&exported)).await;
        assert_eq!(done["changed"], 0, "{kind:?}");
    }
    assert_eq!(changes(&server).await, recorded, "no change, no record");
}
both_engines!(an_export_reimports_to_the_same_state);

/// A second import that changes one row of many: exactly one record, with who, how, when, the
/// row before and after.
async fn one_changed_row_leaves_one_record(server: TestServer) {
    let (_, text) = sample("burial_records");
    let done = put_ok(&server, "burial_records", &rows(&text)).await;
    assert_eq!(done["changed"], 2);
    let mut again = rows(&text);
    again[1]["buried_on"] = json!("2022-11-21");
    let done =
        cli::import(&server.state, ReferenceKind::BurialRecords, &format!("{}\n{}\n", again[0], again[1]), "李股长")
            .await
            .unwrap();
    assert_eq!((done.rows, done.changed), (2, 1));
    let records = change_records(&server).await;
    assert_eq!(records.len(), 3);
    let last: Vec<_> = records.iter().filter(|c| c.changed_by == "李股长").collect();
    assert_eq!(last.len(), 1, "{records:#?}");
    let change = last[0];
    assert_eq!(
        (change.kind.as_str(), change.row_key.as_str(), change.door.as_str()),
        ("burial_records", "BA-2022-900002", "CLI import")
    );
    assert!(change.changed_at > 0);
    let before: Value = serde_json::from_str(change.before_json.as_deref().unwrap()).unwrap();
    let after: Value = serde_json::from_str(&change.after_json).unwrap();
    assert_eq!((before["buried_on"].as_str(), after["buried_on"].as_str()), (Some("2022-11-20"), Some("2022-11-21")));
    let first: Vec<_> = records.iter().filter(|c| c.changed_by == "wang").collect();
    assert_eq!(first.len(), 2, "the staff import names the signed-in district admin: {records:#?}");
    assert!(first.iter().all(|c| c.before_json.is_none() && c.door == "staff"), "new rows have no before");
    // The staff import is in the audit trail too, with a summary before and after; the CLI's is not.
    type Entry = (String, String, Option<String>, Option<String>);
    let audit: Vec<Entry> = sqlx::query_as(
        "SELECT actor, subject_id, before_state, after_state FROM audit_trail WHERE action = 'reference.import'",
    )
    .fetch_all(&server.db.pool)
    .await
    .unwrap();
    let summary = |text: &Option<String>| serde_json::from_str::<Value>(text.as_deref().unwrap()).unwrap();
    assert_eq!(audit.len(), 1, "{audit:?}");
    assert_eq!((audit[0].0.as_str(), audit[0].1.as_str()), ("wang", "burial_records"));
    assert_eq!(summary(&audit[0].2), json!({ "stored_rows": 0 }));
    assert_eq!(summary(&audit[0].3), json!({ "rows": 2, "changed": 2 }));
}
both_engines!(one_changed_row_leaves_one_record);

/// The burial register: an imported record lets a family make its memorial public (the
/// journey's check), a record naming no cemetery or a future day is refused.
async fn an_imported_burial_record_lets_a_memorial_go_public(server: TestServer) {
    let (_, text) = sample("burial_records");
    put_ok(&server, "burial_records", &rows(&text)).await;
    let owner = server.client();
    server.sign_in(&owner, "13700000021").await;
    let r = owner
        .post(server.url("/api/v1/memorial/memorials"))
        .json(&json!({ "deceased_name": "林示例", "born_on": "1940-01-02", "died_on": "2020-03-30", "biography": "" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    let id = r.json::<Value>().await.unwrap()["id"].as_str().unwrap().to_string();
    let r = owner
        .put(server.url(&format!("/api/v1/memorial/memorials/{id}/public")))
        .json(&json!({ "certificate_number": "BA-2020-900001", "relation": "child" }))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.json::<Value>().await.unwrap()["visibility"], "public");

    let bad = [
        json!({"certificate_number": "BA-2023-900003", "deceased_name": "赵示例", "cemetery": "nowhere", "buried_on": "2023-01-01"}),
        json!({"certificate_number": "BA-2099-900004", "deceased_name": "钱示例", "cemetery": "baoshan", "buried_on": "2099-01-01"}),
    ];
    let body = expect_error(
        put(&server, "burial_records", "wang", &bad).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation",
    )
    .await;
    assert_eq!(body["fields"], json!({ "line.1.cemetery": "reference.unknown", "line.2.buried_on": "memorial.dates" }));
}
both_engines!(an_imported_burial_record_lets_a_memorial_go_public);

/// Only a signed-in district admin: no session, the bootstrap token alone, a wrong token or a
/// resident's session get 401, another role 403, and nothing is written; an unknown kind is 404.
async fn only_district_admins_get_in(server: TestServer) {
    let (_, text) = sample("streets");
    let url = server.url("/api/v1/staff/reference/streets");
    let body = json!({ "rows": rows(&text) });
    for token in [None, Some(staff_common::BOOTSTRAP_TOKEN), Some("guess")] {
        let (mut put, mut get) = (server.plain_client().put(&url).json(&body), server.plain_client().get(&url));
        if let Some(token) = token {
            (put, get) = (put.bearer_auth(token), get.bearer_auth(token));
        }
        expect_error(put.send().await.unwrap(), StatusCode::UNAUTHORIZED, "unauthorized").await;
        expect_error(get.send().await.unwrap(), StatusCode::UNAUTHORIZED, "unauthorized").await;
    }
    let resident = server.client();
    server.sign_in(&resident, "13700000031").await;
    expect_error(resident.put(&url).json(&body).send().await.unwrap(), StatusCode::UNAUTHORIZED, "unauthorized").await;
    expect_error(resident.get(&url).send().await.unwrap(), StatusCode::UNAUTHORIZED, "unauthorized").await;
    let approver = staff_common::kept(&server, "approver", "district_approver", None).await;
    expect_error(put_by(&server, &approver, "streets", &rows(&text)).await, StatusCode::FORBIDDEN, "forbidden").await;
    expect_error(approver.get(&url).send().await.unwrap(), StatusCode::FORBIDDEN, "forbidden").await;
    let admin = staff_common::district_admin(&server).await;
    let r = admin.get(server.url("/api/v1/staff/reference/parishes")).send().await.unwrap();
    expect_error(r, StatusCode::NOT_FOUND, "not_found").await;
    assert_eq!(changes(&server).await, 0);
    assert_eq!(server.count("SELECT COUNT(*) FROM audit_trail WHERE action = 'reference.import'").await, 0);
    assert_eq!(public(&server, "/api/v1/streets").await.as_array().unwrap().len(), 10);
}
both_engines!(only_district_admins_get_in);

/// The binary: `reference import` writes (its answer says how many rows changed), a bad file
/// exits non-zero with one line per problem and writes nothing, `reference export` prints the
/// rows as the import reads them.
async fn the_binary_imports_and_exports(server: TestServer) {
    let (path, text) = sample("offices");
    // The binary is the live service: the sample's example counselling length is refused.
    let out = binary(&server, &["import", "offices", &path, "--by", "王科员"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("line 1: counselling.source: figure.source"), "{stderr}");
    assert!(stderr.contains("line 2: counselling.source: figure.source"), "{stderr}");
    assert_eq!(changes(&server).await, 0);
    let dir = tempfile::tempdir().unwrap();
    let set = dir.path().join("offices.jsonl");
    std::fs::write(&set, set_counselling(&text, 60)).unwrap();
    let path = set.to_str().unwrap().to_string();
    let out = binary(&server, &["import", "offices", &path, "--by", "王科员"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("2 row(s) read, 2 changed"));
    let offices = public(&server, "/api/v1/marriage/offices").await;
    assert_eq!(offices.as_array().unwrap().len(), 2);

    let bad = dir.path().join("bad.jsonl");
    std::fs::write(&bad, "{\"id\":\"x\"}\n\n[]\n").unwrap();
    let out = binary(&server, &["import", "offices", bad.to_str().unwrap(), "--by", "王科员"]);
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    let problems: Vec<&str> = stderr.lines().filter(|l| l.contains(": line ")).collect();
    assert_eq!(problems.len(), 2, "{stderr}");
    assert!(problems[0].contains("line 1: reference.row (missing field"), "{stderr}");
    assert!(problems[1].contains("line 3: reference.row"), "{stderr}");
    assert!(stderr.contains("nothing imported (2 problem(s))"), "{stderr}");
    let out = binary(&server, &["import", "parishes", &path]);
    assert!(!out.status.success());
    assert_eq!(changes(&server).await, 2);

    let out = binary(&server, &["export", "offices"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let exported = String::from_utf8(out.stdout).unwrap();
    assert_eq!(exported, cli::export(&server.state, ReferenceKind::Offices).await.unwrap());
    assert_eq!(exported.lines().count(), 2);
}
both_engines!(the_binary_imports_and_exports);
