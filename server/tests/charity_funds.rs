//! The named-fund directory over real HTTP on both engines: paged by the server, searched by
//! name, sorted newest / most raised / most projects — each checked against what the test
//! itself inserted, not against the server's SQL.

mod common;

use baoan_contract::rules::date::Date;
use baoan_server::journeys::charity::seed::generated;
use common::TestServer;
use reqwest::StatusCode;
use serde_json::Value;

const FUNDS: i64 = 23;
const PAGE: usize = 10;

/// One test fund, derived from `k` alone.
struct TestFund {
    id: String,
    name: String,
    founded: Date,
    raised_fen: i64,
    projects: i64,
}

fn fund(k: i64) -> TestFund {
    const WHO: [&str; 3] = ["海湾科技", "陈氏家族", "福永商会"];
    TestFund {
        id: format!("tf-{k:02}"),
        name: format!("{}冠名慈善基金{k:02}号", WHO[(k % 3) as usize]),
        // Not in id order, so each sort is a real reordering.
        founded: Date::new(2000, 1, 1).unwrap().add_days((k * 7919) % 5000),
        raised_fen: ((k * 37) % 11 + 1) * 100_000,
        projects: k % 4,
    }
}

async fn seed(server: &TestServer) {
    let db = &server.db.pool;
    let mut conn = db.acquire().await.unwrap();
    generated(&mut conn, 60, server.clock.now()).await.unwrap();
    let mut next_project = 0;
    for k in 0..FUNDS {
        let f = fund(k);
        sqlx::query("INSERT INTO charity_funds (id, name, founder_type, founded, principal_fen, description, created_at) VALUES ($1, $2, 'family', $3, 100000, '测试基金', 0)")
            .bind(&f.id).bind(&f.name).bind(f.founded.to_iso()).execute(db).await.unwrap();
        for (n, (kind, amount)) in [("income", f.raised_fen), ("expense", f.raised_fen / 3)].into_iter().enumerate() {
            sqlx::query("INSERT INTO charity_ledger (id, project_id, fund_id, entry_date, kind, amount_fen, purpose, counterparty, receipt_ref, created_at) VALUES ($1, NULL, $2, '2026-01-01', $3, $4, '测试', 'enterprise', 'R', 0)")
                .bind(format!("{}-{n}", f.id)).bind(&f.id).bind(kind).bind(amount).execute(db).await.unwrap();
        }
        for _ in 0..f.projects {
            sqlx::query("UPDATE charity_projects SET fund_id = $1 WHERE id = $2")
                .bind(&f.id)
                .bind(format!("gen-{next_project:05}"))
                .execute(db)
                .await
                .unwrap();
            next_project += 1;
        }
    }
}

async fn get(server: &TestServer, query: &str) -> Value {
    let r = reqwest::get(server.url(&format!("/api/v1/charity/funds?{query}"))).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK, "{query}");
    r.json().await.unwrap()
}

/// Every page of a query: ids in order; checks sizes and totals on the way.
async fn all_pages(server: &TestServer, query: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for page in 1.. {
        let body = get(server, &format!("{query}&page={page}")).await;
        assert_eq!(body["page_size"], PAGE as i64);
        assert_eq!(body["page"], page);
        let items = body["items"].as_array().unwrap();
        if items.is_empty() {
            assert_eq!(ids.len() as i64, body["total"].as_i64().unwrap(), "{query}: each fund once across pages");
            break;
        }
        assert!(items.len() == PAGE || ids.len() + items.len() == body["total"].as_i64().unwrap() as usize);
        ids.extend(items.iter().map(|i| i["id"].as_str().unwrap().to_string()));
    }
    ids
}

fn expected(filter: impl Fn(&TestFund) -> bool, key: impl Fn(&TestFund) -> (i64, String)) -> Vec<String> {
    let mut funds: Vec<TestFund> = (0..FUNDS).map(fund).filter(|f| filter(f)).collect();
    funds.sort_by_key(|f| key(f));
    funds.into_iter().map(|f| f.id).collect()
}

async fn pages_search_and_sorts(server: TestServer) {
    seed(&server).await;
    let newest = |f: &TestFund| (-f.founded.days_since_epoch(), f.id.clone());
    let raised = |f: &TestFund| (-f.raised_fen, f.id.clone());
    let projects = |f: &TestFund| (-f.projects, f.id.clone());

    // The first page (default order: newest), with the card's figures.
    let first = get(&server, "").await;
    assert_eq!(first["total"], FUNDS);
    let want = expected(|_| true, newest);
    let got: Vec<&str> = first["items"].as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap()).collect();
    assert_eq!(got, want[..PAGE].iter().map(String::as_str).collect::<Vec<_>>());
    let card = &first["items"][0];
    let f = fund(card["id"].as_str().unwrap()[3..].parse().unwrap());
    assert_eq!(card["raised_fen"], f.raised_fen);
    assert_eq!(card["spent_fen"], f.raised_fen / 3);
    assert_eq!(card["projects_supported"], f.projects);
    assert_eq!(card["name"]["zh_hans"], f.name);

    assert_eq!(all_pages(&server, "sort=newest").await, want);
    assert_eq!(all_pages(&server, "sort=raised").await, expected(|_| true, raised));
    assert_eq!(all_pages(&server, "sort=projects").await, expected(|_| true, projects));
    assert_eq!(get(&server, "page=99").await["items"], serde_json::json!([]));

    // Search by name, with each sort.
    let q = urlencode("陈氏家族");
    let family = |f: &TestFund| f.name.contains("陈氏家族");
    assert_eq!(all_pages(&server, &format!("q={q}&sort=raised")).await, expected(family, raised));
    assert_eq!(all_pages(&server, &format!("q={q}&sort=projects")).await, expected(family, projects));
    let q = urlencode("基金1");
    let got = all_pages(&server, &format!("q={q}")).await;
    assert_eq!(got, expected(|f| f.name.contains("基金1"), newest));
    assert_eq!(got.len(), 10, "基金10号 … 基金19号");
    assert_eq!(get(&server, "q=%25").await["total"], 0, "a LIKE wildcard is text");
    assert_eq!(get(&server, &format!("q={}", urlencode("没有这个基金"))).await["total"], 0);

    let r = reqwest::get(server.url("/api/v1/charity/funds?sort=oldest")).await.unwrap();
    assert_eq!(r.status(), StatusCode::BAD_REQUEST);
}
both_engines!(pages_search_and_sorts);

fn urlencode(s: &str) -> String {
    s.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}
