//! Data in three languages over real HTTP on both engines (issue 12, item 6): names and texts
//! carry 简体, 繁體 (converted by OpenCC where none was given) and English where written — project
//! titles and organisers, funds, ledger lines, updates, disclosures, descriptions; a 繁體
//! search finds a 简体 title or fund name; a production database holds no demo cemeteries or charities, and
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

async fn charity_details_in_three_languages(server: TestServer) {
    // A fund: its name, description, annual reports and ledger in 繁體 (converted from 简体 when
    // written) and in English where the demo wrote one.
    let fund = get(&server, "/api/v1/charity/funds/f-haiwan").await;
    assert_eq!(fund["card"]["name"]["zh_hans"], "海湾科技冠名慈善基金");
    assert_eq!(fund["card"]["name"]["zh_hant"], "海灣科技冠名慈善基金");
    assert_eq!(fund["card"]["name"]["en"], "Haiwan Technology Named Charity Fund");
    assert_eq!(fund["description"]["zh_hant"], "由轄區企業捐資設立，重點支持重症兒童醫療救助和困難學生助學。");
    assert!(fund["description"]["en"].as_str().unwrap().starts_with("Set up with gifts from a local company"));
    let report = &fund["reports"][0];
    assert!(report["title"]["zh_hant"].as_str().unwrap().starts_with("海灣科技冠名慈善基金"), "{report}");
    assert!(report["title"]["zh_hant"].as_str().unwrap().ends_with("年度工作報告"), "{report}");
    assert!(report["title"]["en"].as_str().unwrap().ends_with("annual report"), "{report}");
    let line = &fund["ledger"][0]["purpose"];
    assert_eq!(
        *line,
        serde_json::json!({ "zh_hans": "冠名人年度注资", "zh_hant": "冠名人年度注資",
        "en": "Annual contribution from the fund's founder" })
    );
    // A fund with no English: none is invented (the app shows the Chinese, marked).
    let chen = get(&server, "/api/v1/charity/funds/f-chen").await;
    assert_eq!(chen["card"]["name"]["zh_hant"], "陳氏家族助學冠名基金");
    assert!(chen["card"]["name"].get("en").is_none(), "{}", chen["card"]["name"]);
    assert!(chen["description"].get("en").is_none());
    assert_eq!(chen["projects"][0]["fund_name"]["zh_hant"], "陳氏家族助學冠名基金");
    // The directory and the filters carry the same shape; its search folds 繁/简 and case.
    let list = get(&server, "/api/v1/charity/funds?sort=name").await;
    assert!(list["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|f| f["name"]["zh_hant"].as_str().is_some_and(|t| !t.is_empty())));
    for (q, want) in [("陳氏家族", "f-chen"), ("陈氏家族", "f-chen"), ("HAIWAN technology", "f-haiwan")] {
        let found = get(&server, &format!("/api/v1/charity/funds?q={}", urlencode(q))).await;
        assert_eq!(ids(&found), vec![want], "search {q}");
    }
    let filters = get(&server, "/api/v1/charity/filters").await;
    assert!(filters["funds"].as_array().unwrap().iter().any(|f| f["name"]["zh_hant"] == "李明德敬老冠名基金"));

    // A project: description, qualification, budget, progress updates, ledger and disclosures.
    let p = get(&server, "/api/v1/charity/projects/p-study-aid").await;
    assert_eq!(p["card"]["fund_name"]["zh_hant"], "陳氏家族助學冠名基金");
    assert_eq!(
        p["description"]["zh_hant"],
        "資助考入高校的困難家庭學生，每人一次性發放助學金5000元，並安排志願者結對陪伴。"
    );
    assert!(p["description"]["en"].as_str().unwrap().starts_with("A one-off grant of 5,000 yuan"));
    assert_eq!(p["qualification"]["zh_hant"], "演示青少年發展基金會（示例）：依法登記的慈善組織，具有公開募捐資格");
    assert!(p["qualification"].get("en").is_none(), "no English invented");
    assert_eq!(p["budget"][0]["item"]["zh_hant"], "直接救助與服務");
    assert_eq!(p["budget"][0]["item"]["en"], "Direct aid and services");
    let newest = &p["updates"][0];
    assert_eq!(
        newest["title"],
        serde_json::json!({ "zh_hans": "阶段进展", "zh_hant": "階段進展", "en": "Progress update" })
    );
    assert_eq!(newest["body"]["zh_hant"], "第二批救助名單已公示，歡迎社會監督。");
    assert_eq!(p["ledger"][0]["purpose"]["zh_hant"], "公眾網上捐贈（彙總）");
    assert_eq!(p["ledger"][0]["purpose"]["en"], "Online gifts from the public (total)");
    assert_eq!(p["disclosures"][0]["title"]["zh_hant"], "季度募捐與使用情況公示");
    assert!(p["disclosures"][0]["title"]["en"].is_string());
    let flood = get(&server, "/api/v1/charity/projects/p-flood-kits").await;
    assert_eq!(flood["description"]["zh_hant"], "在各街道儲備救生衣、應急照明、飲用水和食品，汛期隨時調撥。");
    assert!(flood["description"].get("en").is_none());
}
both_engines!(charity_details_in_three_languages, demo);

async fn texts_written_before_their_columns_are_converted_at_start_up(server: TestServer) {
    // Rows as an older server (or an import that gave 简体 only) left them: no 繁體, no folded
    // name, a budget whose items have no 繁體.
    for sql in [
        "UPDATE charity_funds SET name_hant = NULL, description_hant = NULL, search_text = NULL",
        "UPDATE charity_fund_reports SET title_hant = NULL",
        "UPDATE charity_ledger SET purpose_hant = NULL",
        "UPDATE charity_updates SET title_hant = NULL, body_hant = NULL",
        "UPDATE charity_disclosures SET title_hant = NULL",
        "UPDATE charity_projects SET description_hant = NULL, qualification_hant = NULL, \
         budget = '[{\"item\":\"物资采购与运输\",\"amount_fen\":100}]' WHERE id = 'p-study-aid'",
    ] {
        sqlx::query(sql).execute(&server.db.pool).await.unwrap();
    }
    baoan_server::localise::fill_missing(&server.db).await.unwrap();
    for (table, column) in [
        ("charity_funds", "name_hant"),
        ("charity_funds", "description_hant"),
        ("charity_funds", "search_text"),
        ("charity_fund_reports", "title_hant"),
        ("charity_ledger", "purpose_hant"),
        ("charity_updates", "body_hant"),
        ("charity_disclosures", "title_hant"),
        ("charity_projects", "qualification_hant"),
    ] {
        let left = server.count(&format!("SELECT COUNT(*) FROM {table} WHERE {column} IS NULL")).await;
        assert_eq!(left, 0, "{table}.{column}");
    }
    let p = get(&server, "/api/v1/charity/projects/p-study-aid").await;
    assert_eq!(p["budget"][0]["item"], serde_json::json!({ "zh_hans": "物资采购与运输", "zh_hant": "物資採購與運輸" }));
    assert_eq!(p["ledger"][0]["purpose"]["zh_hant"], "公眾網上捐贈（彙總）");
    assert_eq!(p["updates"][0]["body"]["zh_hant"], "第二批救助名單已公示，歡迎社會監督。");
    // English written before stays as it was.
    assert_eq!(p["ledger"][0]["purpose"]["en"], "Online gifts from the public (total)");
    let found = get(&server, &format!("/api/v1/charity/funds?q={}", urlencode("敬老"))).await;
    assert_eq!(ids(&found), vec!["f-limingde"]);
}
both_engines!(texts_written_before_their_columns_are_converted_at_start_up, demo);

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
