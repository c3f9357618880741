//! Honest figures (issue 12): every assistance standard carries its source; the live service
//! answers `standards_not_configured` until the district sets them; a district admin sets the
//! whole sheet through the staff API (an operator through the CLI), every bad field reported and
//! nothing half-written; every change is recorded (who, when, before, after), a district admin's
//! also in the audit trail. On SQLite and PostgreSQL, over real HTTP.

mod assistance_common;
mod common;
mod staff_common;
mod tencent_common;

use assistance_common::district_sheet;
use baoan_server::journeys::assistance::standards_cli;
use common::{TestDb, TestServer};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::sync::Arc;
use tencent_common::StandIn;

async fn public_standards(server: &TestServer) -> reqwest::Response {
    server.plain_client().get(server.url("/api/v1/assistance/standards")).send().await.unwrap()
}

const URL: &str = "/api/v1/staff/assistance/standards";

/// `PUT /api/v1/staff/assistance/standards` by whoever `client` is.
async fn put_standards(server: &TestServer, client: &reqwest::Client, sheet: &Value) -> reqwest::Response {
    client.put(server.url(URL)).json(sheet).send().await.unwrap()
}

async fn admin_standards(server: &TestServer) -> Value {
    let r = staff_common::district_admin(server).await.get(server.url(URL)).send().await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

async fn changes(server: &TestServer) -> i64 {
    server.count("SELECT COUNT(*) FROM assistance_standards_changes").await
}

/// Demo mode: the standards the app reads carry their sources — the plan for 1250 yuan and the
/// age 70, "example" for every figure the plan does not contain.
async fn demo_standards_carry_their_sources(server: TestServer) {
    let r = public_standards(&server).await;
    assert_eq!(r.status(), StatusCode::OK);
    let s: Value = r.json().await.unwrap();
    assert_eq!(s["minimum_living_yuan"], 1250);
    for sourced in ["minimum_living_yuan", "elderly_allowance_age"] {
        let basis = &s["sources"][sourced]["basis"];
        assert_eq!(basis["kind"], "document", "{sourced}");
        assert!(basis["document"].as_str().unwrap().contains("十四五"), "{sourced}: {basis}");
        assert!(!basis["article"].as_str().unwrap().is_empty());
    }
    let sources = s["sources"].as_object().unwrap();
    assert_eq!(sources.len(), 18, "every figure has a source");
    let examples = sources.values().filter(|p| p["basis"]["kind"] == "example").count();
    assert_eq!(examples, 16, "every figure the plan does not contain is marked as an example");
    assert_eq!(changes(&server).await, 1, "the demo seed is recorded too");
}
both_engines!(demo_standards_carry_their_sources);

/// The live service: no example is seeded, eligibility (the standards) and submission answer
/// 503 `standards_not_configured`; examples are refused on import; once the district sets the
/// sheet, the standards are served.
async fn the_live_service_refuses_until_the_district_sets_them(test_db: Arc<TestDb>) {
    let stand_in = StandIn::start().await;
    let server = TestServer::start_on(test_db, |c| {
        stand_in.configure(c);
        c.staff_secrets_key = Some(staff_common::LIVE_SEALING_KEY.into());
    })
    .await;
    assert_eq!(server.count("SELECT COUNT(*) FROM assistance_standards").await, 0, "nothing seeded");
    let r = public_standards(&server).await;
    assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["code"], "standards_not_configured");

    // The demo's examples are not standards the live service may decide with.
    let examples: Value = serde_json::from_str(baoan_server::journeys::assistance::standards::EXAMPLE_JSON).unwrap();
    let admin = staff_common::kept(&server, "zhang", "district_admin", None).await;
    let r = put_standards(&server, &admin, &examples).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["fields"]["sources.margin_percent"], "figure.source", "{body}");
    assert!(body["fields"].get("sources.minimum_living_yuan").is_none(), "the plan's figure is fine: {body}");
    assert_eq!(public_standards(&server).await.status(), StatusCode::SERVICE_UNAVAILABLE);

    let r = put_standards(&server, &admin, &district_sheet()).await;
    assert_eq!(r.status(), StatusCode::OK);
    let r = public_standards(&server).await;
    assert_eq!(r.status(), StatusCode::OK);
    let s: Value = r.json().await.unwrap();
    assert_eq!(s["minimum_living_yuan"], 1300);
    assert_eq!(s["sources"]["minimum_living_yuan"]["basis"]["kind"], "set_by_district");
    assert_eq!(s["sources"]["minimum_living_yuan"]["effective_from"], "2026-01-01");
    assert_eq!(changes(&server).await, 1);
    // Recorded under the district admin's login, and in the audit trail with the sheet after.
    let (by,): (String,) =
        sqlx::query_as("SELECT changed_by FROM assistance_standards_changes").fetch_one(&server.db.pool).await.unwrap();
    assert_eq!(by, "zhang (staff)");
    let (actor, before, after): (String, Option<String>, Option<String>) = sqlx::query_as(
        "SELECT actor, before_state, after_state FROM audit_trail WHERE action = 'assistance.set_standards'",
    )
    .fetch_one(&server.db.pool)
    .await
    .unwrap();
    assert_eq!((actor.as_str(), before), ("zhang", None));
    assert_eq!(serde_json::from_str::<Value>(&after.unwrap()).unwrap()["minimum_living_yuan"], 1300);
    server.finish().await;
}
both_engines_db!(the_live_service_refuses_until_the_district_sets_them);

/// A sheet with bad fields: each is reported with its reason, and nothing changes.
async fn a_bad_sheet_reports_each_field_and_changes_nothing(server: TestServer) {
    let before = admin_standards(&server).await;
    let mut sheet = district_sheet();
    sheet["minimum_living_yuan"] = json!(-1);
    sheet["payment_days"] = json!(0);
    sheet["sources"].as_object_mut().unwrap().remove("home_visit_days");
    sheet["sources"]["street_review_days"] =
        json!({"basis": {"kind": "document", "document": " ", "article": "1"}, "effective_from": "2026-01-01"});
    let admin = staff_common::district_admin(&server).await;
    let r = put_standards(&server, &admin, &sheet).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["code"], "validation");
    assert_eq!(
        body["fields"],
        json!({
            "minimum_living_yuan": "figure.range",
            "payment_days": "figure.range",
            "sources.home_visit_days": "figure.source",
            "sources.street_review_days": "figure.source",
        })
    );
    assert_eq!(admin_standards(&server).await, before, "nothing was written");
    assert_eq!(changes(&server).await, 1, "and no change recorded");

    // Not a district admin: no way in. No session, the bootstrap token alone, a wrong token or a
    // resident's session: 401; another role: 403.
    let plain = server.plain_client();
    let sheet = district_sheet();
    for token in [None, Some(staff_common::BOOTSTRAP_TOKEN), Some("guess")] {
        let (mut put, mut get) = (plain.put(server.url(URL)).json(&sheet), plain.get(server.url(URL)));
        if let Some(token) = token {
            (put, get) = (put.bearer_auth(token), get.bearer_auth(token));
        }
        assert_eq!(put.send().await.unwrap().status(), StatusCode::UNAUTHORIZED, "{token:?}");
        assert_eq!(get.send().await.unwrap().status(), StatusCode::UNAUTHORIZED, "{token:?}");
    }
    let resident = server.client();
    server.sign_in(&resident, "13700000032").await;
    assert_eq!(put_standards(&server, &resident, &sheet).await.status(), StatusCode::UNAUTHORIZED);
    let approver = staff_common::kept(&server, "approver", "district_approver", None).await;
    assert_eq!(put_standards(&server, &approver, &sheet).await.status(), StatusCode::FORBIDDEN);
    assert_eq!(approver.get(server.url(URL)).send().await.unwrap().status(), StatusCode::FORBIDDEN);
    assert_eq!(admin_standards(&server).await, before);
    assert_eq!(changes(&server).await, 1);
    assert_eq!(server.count("SELECT COUNT(*) FROM audit_trail WHERE action = 'assistance.set_standards'").await, 0);
}
both_engines!(a_bad_sheet_reports_each_field_and_changes_nothing);

/// The CLI: an export re-imports to the same state; a bad file reports each field and changes
/// nothing; every import is recorded with who, when, before and after.
async fn export_reimports_to_the_same_state(server: TestServer) {
    let state = &server.state;
    // Set a district sheet first (examples are fine in demo mode, but use a real-looking one).
    let text = serde_json::to_string(&district_sheet()).unwrap();
    standards_cli::import(state, &text, "李四").await.expect("imports");
    let exported = standards_cli::export(state).await.unwrap();
    standards_cli::import(state, &exported, "李四").await.expect("re-imports");
    assert_eq!(standards_cli::export(state).await.unwrap(), exported, "same state");
    assert_eq!(changes(&server).await, 3, "seed + two imports");

    let mut bad: Value = serde_json::from_str(&exported).unwrap();
    bad["margin_percent"] = json!(50);
    let problems = standards_cli::import(state, &bad.to_string(), "李四").await.unwrap_err();
    assert_eq!(problems, ["margin_percent: figure.range"]);
    let problems = standards_cli::import(state, "{ not json", "李四").await.unwrap_err();
    assert!(problems[0].contains("line 1"), "{problems:?}");
    assert_eq!(standards_cli::export(state).await.unwrap(), exported, "nothing changed");
    assert_eq!(changes(&server).await, 3);

    #[derive(sqlx::FromRow)]
    struct Change {
        changed_by: String,
        changed_at: i64,
        before_json: Option<String>,
        after_json: String,
    }
    let rows: Vec<Change> = sqlx::query_as(
        "SELECT changed_by, changed_at, before_json, after_json FROM assistance_standards_changes ORDER BY changed_at, id",
    )
    .fetch_all(&server.db.pool)
    .await
    .unwrap();
    let imports: Vec<&Change> = rows.iter().filter(|c| c.changed_by == "李四 (CLI import)").collect();
    assert_eq!(imports.len(), 2, "who and how");
    assert!(imports.iter().all(|c| c.changed_at > 0 && c.before_json.is_some()));
    let raised = imports.iter().any(|c| {
        let before: Value = serde_json::from_str(c.before_json.as_deref().unwrap()).unwrap();
        let after: Value = serde_json::from_str(&c.after_json).unwrap();
        (before["minimum_living_yuan"].as_i64(), after["minimum_living_yuan"].as_i64()) == (Some(1250), Some(1300))
    });
    assert!(raised, "before and after are the whole sheets");
    assert!(rows.iter().any(|c| c.before_json.is_none()), "the first sheet has no before");
}
both_engines!(export_reimports_to_the_same_state);
