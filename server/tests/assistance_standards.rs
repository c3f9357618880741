//! Honest figures (issue 12): every assistance standard carries its source; the live service
//! answers `standards_not_configured` until the district sets them; staff set the whole sheet
//! through the admin API or the CLI, every bad field reported and nothing half-written; every
//! change is recorded (who, when, before, after). On SQLite and PostgreSQL, over real HTTP.

mod assistance_common;
mod common;
mod tencent_common;

use assistance_common::{district_sheet, STAFF_TOKEN};
use baoan_server::journeys::assistance::standards_cli;
use common::{TestDb, TestServer};
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::sync::Arc;
use tencent_common::StandIn;

async fn public_standards(server: &TestServer) -> reqwest::Response {
    server.plain_client().get(server.url("/api/v1/assistance/standards")).send().await.unwrap()
}

async fn put_standards(server: &TestServer, body: &Value, token: Option<&str>) -> reqwest::Response {
    let mut request = server.plain_client().put(server.url("/api/v1/admin/assistance/standards")).json(body);
    if let Some(token) = token {
        request = request.bearer_auth(token);
    }
    request.send().await.unwrap()
}

async fn admin_standards(server: &TestServer) -> Value {
    let r = server
        .plain_client()
        .get(server.url("/api/v1/admin/assistance/standards"))
        .bearer_auth(STAFF_TOKEN)
        .send()
        .await
        .unwrap();
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
    let server = TestServer::start_on(test_db, |c| stand_in.configure(c)).await;
    assert_eq!(server.count("SELECT COUNT(*) FROM assistance_standards").await, 0, "nothing seeded");
    let r = public_standards(&server).await;
    assert_eq!(r.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["code"], "standards_not_configured");

    // The demo's examples are not standards the live service may decide with.
    let examples: Value = serde_json::from_str(baoan_server::journeys::assistance::standards::EXAMPLE_JSON).unwrap();
    let r = put_standards(&server, &json!({"changed_by": "张科长", "standards": examples}), Some(STAFF_TOKEN)).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["fields"]["sources.margin_percent"], "figure.source", "{body}");
    assert!(body["fields"].get("sources.minimum_living_yuan").is_none(), "the plan's figure is fine: {body}");
    assert_eq!(public_standards(&server).await.status(), StatusCode::SERVICE_UNAVAILABLE);

    let r = put_standards(&server, &json!({"changed_by": "张科长", "standards": district_sheet()}), Some(STAFF_TOKEN))
        .await;
    assert_eq!(r.status(), StatusCode::OK);
    let r = public_standards(&server).await;
    assert_eq!(r.status(), StatusCode::OK);
    let s: Value = r.json().await.unwrap();
    assert_eq!(s["minimum_living_yuan"], 1300);
    assert_eq!(s["sources"]["minimum_living_yuan"]["basis"]["kind"], "set_by_district");
    assert_eq!(s["sources"]["minimum_living_yuan"]["effective_from"], "2026-01-01");
    assert_eq!(changes(&server).await, 1);
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
    let r = put_standards(&server, &json!({"changed_by": "", "standards": sheet}), Some(STAFF_TOKEN)).await;
    assert_eq!(r.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let body: Value = r.json().await.unwrap();
    assert_eq!(body["code"], "validation");
    assert_eq!(
        body["fields"],
        json!({
            "changed_by": "required",
            "minimum_living_yuan": "figure.range",
            "payment_days": "figure.range",
            "sources.home_visit_days": "figure.source",
            "sources.street_review_days": "figure.source",
        })
    );
    assert_eq!(admin_standards(&server).await, before, "nothing was written");
    assert_eq!(changes(&server).await, 1, "and no change recorded");

    // Not staff: no way in.
    let r = put_standards(&server, &json!({"changed_by": "x", "standards": district_sheet()}), None).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    let r = put_standards(&server, &json!({"changed_by": "x", "standards": district_sheet()}), Some("guess")).await;
    assert_eq!(r.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(admin_standards(&server).await, before);
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
