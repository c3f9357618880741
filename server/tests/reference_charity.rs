//! Charity organisations, funds, projects, ledger lines and disclosures as reference data (issue
//! 12 items 5 and 6), over real HTTP on SQLite and PostgreSQL: the samples import and the public
//! pages serve them in three languages (繁體 as staff gave it or converted, English only where
//! given, a 繁體 search finding a 简体 title); money raised is never imported; bad rows are each
//! reported with their line and nothing is written; a change is recorded with before and after
//! and reaches what residents see; the demo's charity data exports and re-imports unchanged.

mod common;
mod reference_common;
mod staff_common;

use baoan_contract::api::reference::ReferenceKind;
use baoan_server::reference::cli;
use common::{expect_error, TestServer};
use reference_common::*;
use reqwest::StatusCode;
use serde_json::{json, Value};

const CHARITY: [ReferenceKind; 5] = [
    ReferenceKind::CharityOrganisations,
    ReferenceKind::CharityFunds,
    ReferenceKind::CharityProjects,
    ReferenceKind::CharityLedgerLines,
    ReferenceKind::CharityDisclosures,
];

fn urlencode(s: &str) -> String {
    s.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}

async fn import_samples(server: &TestServer) {
    for kind in CHARITY {
        let (_, text) = sample(kind.code());
        let done = cli::import(&server.state, kind, &text, "王科员").await.unwrap();
        assert_eq!(done.changed, done.rows, "{kind:?}");
    }
}

async fn found(server: &TestServer, q: &str) -> Vec<String> {
    let list = public(server, &format!("/api/v1/charity/projects?q={}", urlencode(q))).await;
    list["items"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap().to_string()).collect()
}

async fn the_samples_are_served_in_three_languages(server: TestServer) {
    import_samples(&server).await;
    assert_eq!(changes(&server).await, 8);
    let p = public(&server, "/api/v1/charity/projects/example-study-grants").await;
    let card = &p["card"];
    assert_eq!(card["title"]["zh_hant"], "示例助學金項目（示例）", "converted from 简体");
    assert_eq!(card["title"]["en"], "Example study grants (example)");
    assert_eq!(card["organiser"]["en"], "Example Charity Federation (example)");
    assert_eq!((card["raised_fen"].as_i64(), card["donors"].as_i64()), (Some(0), Some(0)), "raised comes from gifts");
    assert_eq!(p["description"]["en"], "Example data: grants for students from families in hardship.");
    assert_eq!(p["budget"][0]["item"]["en"], "Grants");
    assert!(p["budget"][1]["item"]["en"].is_null(), "English is never invented");
    assert_eq!(p["ledger"][0]["purpose"]["en"], "First study grants paid (example)");
    assert_eq!(p["disclosures"][0]["title"]["zh_hant"], "2026 年第三季度收支公開（示例）");
    let meals = public(&server, "/api/v1/charity/projects/example-elder-meals").await;
    assert_eq!(meals["card"]["organiser"]["zh_hant"], "示例社區基金會（示例）", "as staff gave it");
    assert!(meals["card"]["title"]["en"].is_null());

    assert_eq!(found(&server, "助學金").await, ["example-study-grants"], "a 繁體 search finds the 简体 title");
    assert_eq!(found(&server, "長者助餐").await, ["example-elder-meals"]);
    assert_eq!(found(&server, "charity federation").await, ["example-study-grants"]);

    let fund = public(&server, "/api/v1/charity/funds/example-fund").await;
    assert_eq!(fund["card"]["name"]["en"], "Example Study Aid Fund (example)");
    assert_eq!(fund["card"]["name"]["zh_hant"], "示例助學冠名基金（示例）");
    assert_eq!(fund["card"]["raised_fen"], 10_000_000, "its income line");
}
both_engines!(the_samples_are_served_in_three_languages);

async fn bad_rows_are_reported_and_nothing_is_written(server: TestServer) {
    let (_, orgs) = sample("charity_organisations");
    cli::import(&server.state, ReferenceKind::CharityOrganisations, &orgs, "王科员").await.unwrap();
    let recorded = changes(&server).await;
    let (_, projects) = sample("charity_projects");
    let mut bad = rows(&projects);
    bad[0]["organiser"] = json!("无此机构");
    bad[0]["fund"] = json!("example-fund");
    bad[0]["target_fen"] = json!(-5);
    bad[1]["raised_fen"] = json!(99_999_900);
    let text = format!("{}\n{}\n{}\n", bad[0], bad[1], json!({"id": "x"}));
    let problems = cli::import(&server.state, ReferenceKind::CharityProjects, &text, "王科员").await.unwrap_err();
    assert_eq!(problems.len(), 5, "{problems:#?}");
    assert_eq!(problems[0], "line 1: fund: reference.unknown");
    assert_eq!(problems[1], "line 1: organiser: reference.unknown");
    assert_eq!(problems[2], "line 1: target_fen: charity.amount_not_positive");
    assert!(problems[3].starts_with("line 2: reference.row (unknown field `raised_fen`"), "{problems:#?}");
    assert!(problems[4].starts_with("line 3: reference.row (missing field"), "{problems:#?}");

    let (_, lines) = sample("charity_ledger_lines");
    let mut bad = rows(&lines);
    bad[0]["date"] = json!(server.clock.today().add_days(1).to_iso());
    bad[1]["project"] = json!("example-study-grants");
    let body = expect_error(
        put(&server, "charity_ledger_lines", "wang", &bad).await,
        StatusCode::UNPROCESSABLE_ENTITY,
        "validation",
    )
    .await;
    assert_eq!(
        body["fields"],
        json!({ "line.1.date": "assistance.date_in_future", "line.1.project": "reference.unknown",
                "line.2.fund": "reference.row", "line.2.project": "reference.unknown" }),
        "no project is imported in this test"
    );
    for kind in ["charity_projects", "charity_ledger_lines", "charity_funds"] {
        assert!(admin_rows(&server, kind).await.is_empty(), "{kind}");
    }
    assert_eq!(changes(&server).await, recorded);
}
both_engines!(bad_rows_are_reported_and_nothing_is_written);

/// A new English name of an organisation reaches its projects and their search; a new target
/// keeps what gifts raised; each change is one record with before and after.
async fn a_change_is_recorded_and_reaches_residents(server: TestServer) {
    import_samples(&server).await;
    // What gifts raised meanwhile (the gift journey's own column).
    sqlx::query("UPDATE charity_projects SET raised_fen = 5000000, donors = 3 WHERE id = 'example-study-grants'")
        .execute(&server.db.pool)
        .await
        .unwrap();
    let recorded = changes(&server).await;
    let (_, orgs) = sample("charity_organisations");
    let mut org = rows(&orgs)[0].clone();
    org["name"]["en"] = json!("Example Education Charity (example)");
    assert_eq!(put_ok(&server, "charity_organisations", &[org]).await["changed"], 1);
    let (_, projects) = sample("charity_projects");
    let mut project = rows(&projects)[0].clone();
    project["target_fen"] = json!(10_000_000);
    assert_eq!(put_ok(&server, "charity_projects", &[project]).await["changed"], 1);

    let p = public(&server, "/api/v1/charity/projects/example-study-grants").await;
    assert_eq!(p["card"]["organiser"]["en"], "Example Education Charity (example)");
    assert_eq!((p["card"]["raised_fen"].as_i64(), p["card"]["donors"].as_i64()), (Some(5_000_000), Some(3)));
    assert_eq!(p["card"]["target_fen"], 10_000_000);
    assert_eq!(found(&server, "education charity").await, ["example-study-grants"]);
    assert!(found(&server, "charity federation").await.is_empty());

    let records = change_records(&server).await;
    assert_eq!(records.len() as i64, recorded + 2);
    let change = records.iter().find(|c| c.kind == "charity_projects" && c.before_json.is_some()).expect("recorded");
    let before: Value = serde_json::from_str(change.before_json.as_deref().unwrap()).unwrap();
    let after: Value = serde_json::from_str(&change.after_json).unwrap();
    assert_eq!((before["target_fen"].as_i64(), after["target_fen"].as_i64()), (Some(20_000_000), Some(10_000_000)));
    assert!(after.get("raised_fen").is_none(), "never part of the row");
}
both_engines!(a_change_is_recorded_and_reaches_residents);

fn demo(c: &mut baoan_server::config::Config) {
    c.seed_demo_data = true;
}

/// The demo's charities (budgets, paragraphs, ledgers of gifts): every charity kind exports
/// and re-imports with no change and no record; gifts' lines are never among the rows.
async fn the_demo_charities_reimport_unchanged(server: TestServer) {
    for kind in CHARITY {
        let exported = cli::export(&server.state, kind).await.unwrap();
        assert!(!exported.is_empty(), "{kind:?}");
        let done = cli::import(&server.state, kind, &exported, "王科员").await.unwrap();
        assert_eq!(done.changed, 0, "{kind:?}");
        assert_eq!(cli::export(&server.state, kind).await.unwrap(), exported, "{kind:?}");
    }
    assert_eq!(changes(&server).await, 0);
}
both_engines!(the_demo_charities_reimport_unchanged, demo);
