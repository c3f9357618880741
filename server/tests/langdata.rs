//! Data in three languages over real HTTP on both engines (issue 12, item 6): names and texts
//! carry 简体, 繁體 (converted by OpenCC where none was given) and English where written; a 繁體
//! search finds a 简体 title; a production database holds no demo cemeteries or charities, and
//! the demo's organisers and cemeteries are marked fictional.

mod common;

use common::TestServer;
use serde_json::Value;

async fn get(server: &TestServer, path: &str) -> Value {
    let r = reqwest::get(server.url(path)).await.unwrap();
    assert_eq!(r.status(), 200, "{path}");
    r.json().await.unwrap()
}

fn urlencode(s: &str) -> String {
    s.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}

fn ids(list: &Value) -> Vec<String> {
    list["items"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap().to_string()).collect()
}

fn demo(c: &mut baoan_server::config::Config) {
    c.seed_demo_data = true;
}

async fn charity_texts_in_three_languages(server: TestServer) {
    let project = get(&server, "/api/v1/charity/projects/p-study-aid").await;
    let card = &project["card"];
    assert_eq!(card["title"]["zh_hans"], "困难学生圆梦助学金");
    // No 繁體 was written: the server converted it when the project was written.
    assert_eq!(card["title"]["zh_hant"], "困難學生圓夢助學金");
    assert_eq!(card["title"]["en"], "Study grants for students from families in hardship");
    assert_eq!(card["organiser"]["zh_hans"], "演示青少年发展基金会（示例）");
    assert_eq!(card["organiser"]["zh_hant"], "演示青少年發展基金會（示例）");
    // No English was written: none is invented (the app shows the Chinese, marked).
    let flood = get(&server, "/api/v1/charity/projects/p-flood-kits").await;
    assert_eq!(flood["card"]["title"]["zh_hant"], "防汛應急物資儲備");
    assert!(flood["card"]["title"].get("en").is_none(), "{}", flood["card"]["title"]);

    // The list carries the same shape, and the filters' organisers too.
    let list = get(&server, "/api/v1/charity/projects").await;
    assert!(list["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|c| c["title"]["zh_hant"].as_str().is_some_and(|t| !t.is_empty())));
    let filters = get(&server, "/api/v1/charity/filters").await;
    let organisers = filters["organisers"].as_array().unwrap();
    assert!(organisers.iter().any(|o| o["zh_hant"] == "演示慈善會（示例）"), "{organisers:?}");
    // Real organisations get no invented records: every demo organiser is marked fictional.
    for o in organisers {
        let name = o["zh_hans"].as_str().unwrap();
        assert!(name.starts_with("演示") && name.contains("示例"), "{name}");
        assert!(!name.contains("宝安区慈善会") && !name.contains("红十字会"), "{name}");
    }
    // The organiser filter takes the 简体 name it is offered under.
    let first = organisers[0]["zh_hans"].as_str().unwrap();
    let by_organiser = get(&server, &format!("/api/v1/charity/projects?organiser={}", urlencode(first))).await;
    assert!(by_organiser["total"].as_i64().unwrap() > 0);
}
both_engines!(charity_texts_in_three_languages, demo);

async fn search_folds_traditional_and_simplified(server: TestServer) {
    // 助學 (繁體) finds the 简体 title 困难学生圆梦助学金, exactly as 助学 does.
    for q in ["助學", "助学", "圓夢助學", "圆梦助学"] {
        let found = get(&server, &format!("/api/v1/charity/projects?q={}", urlencode(q))).await;
        assert_eq!(ids(&found), vec!["p-study-aid"], "search {q}");
    }
    // A 繁體 organiser name finds its projects; English words find an English title.
    let by_org = get(&server, &format!("/api/v1/charity/projects?q={}", urlencode("青少年發展"))).await;
    assert_eq!(ids(&by_org), vec!["p-study-aid"]);
    let english = get(&server, &format!("/api/v1/charity/projects?q={}", urlencode("STUDY grants"))).await;
    assert_eq!(ids(&english), vec!["p-study-aid"]);
    // A 繁體-only text is found by a 简体 query: a title written in 繁體 (as staff may), then
    // its stored forms derived as every write does.
    sqlx::query(
        "UPDATE charity_projects SET title = '長者飯堂愛心助餐', title_hant = NULL, search_text = NULL WHERE id = 'p-elder-meals'",
    )
    .execute(&server.db.pool)
    .await
    .unwrap();
    baoan_server::localise::fill_missing(&server.db).await.unwrap();
    let found = get(&server, &format!("/api/v1/charity/projects?q={}", urlencode("长者饭堂"))).await;
    assert_eq!(ids(&found), vec!["p-elder-meals"]);
}
both_engines!(search_folds_traditional_and_simplified, demo);

async fn cemeteries_in_three_languages(server: TestServer) {
    let list = get(&server, "/api/v1/memorial/cemeteries").await;
    let list = list.as_array().unwrap();
    let baoshan = list.iter().find(|c| c["id"] == "baoshan").unwrap();
    assert_eq!(
        baoshan["name"],
        serde_json::json!({ "zh_hans": "宝山园", "zh_hant": "寶山園", "en": "Baoshan Cemetery" })
    );
    // The plan names 宝山园 but gives no address: the seeded one is marked as an example.
    assert!(baoshan["address"]["zh_hans"].as_str().unwrap().contains("示例地址"));
    assert!(baoshan["address"]["zh_hant"].as_str().unwrap().contains("示例地址"));
    assert!(baoshan["address"]["en"].as_str().unwrap().contains("example address"));
    // The demo's own cemeteries are fictional and marked; 繁體 converted, no English invented.
    let demo = list.iter().find(|c| c["id"] == "demo-qingsong").unwrap();
    assert_eq!(demo["name"]["zh_hans"], "演示·青松纪念园（示例）");
    assert_eq!(demo["name"]["zh_hant"], "演示·青松紀念園（示例）");
    assert!(demo["name"].get("en").is_none());
    let detail = get(&server, "/api/v1/memorial/cemeteries/demo-qingsong").await;
    assert_eq!(detail["cemetery"]["name"]["zh_hant"], "演示·青松紀念園（示例）");
}
both_engines!(cemeteries_in_three_languages, demo);

async fn production_data_holds_no_demo_records(server: TestServer) {
    // A database the demo never wrote: the only cemetery is the one the district's plan names,
    // and there are no charities, projects or ledgers to present as real.
    let list = get(&server, "/api/v1/memorial/cemeteries").await;
    let ids: Vec<&str> = list.as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["baoshan"]);
    for gone in ["fenghuangshan", "yanchuan", "demo-qingsong"] {
        let r = reqwest::get(server.url(&format!("/api/v1/memorial/cemeteries/{gone}"))).await.unwrap();
        assert_eq!(r.status(), 404, "{gone}");
    }
    assert_eq!(get(&server, "/api/v1/charity/projects").await["total"], 0);
    assert_eq!(get(&server, "/api/v1/charity/filters").await["organisers"], serde_json::json!([]));
    assert_eq!(server.count("SELECT COUNT(*) FROM charity_ledger").await, 0);
    assert_eq!(server.count("SELECT COUNT(*) FROM charity_funds").await, 0);
}
both_engines!(production_data_holds_no_demo_records);
