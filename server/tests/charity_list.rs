//! The project list over real HTTP on both engines: paging, Chinese search, filters and sorts
//! return exactly the right rows (computed from the generator, not from the server's SQL);
//! funds, a fund's projects, a project's ledger and disclosure badges from the demo data.

mod common;

use baoan_server::journeys::charity::seed::{generated, generated_project, GenProject};
use common::TestServer;
use reqwest::StatusCode;
use serde_json::Value;
use std::collections::BTreeSet;

const N: i64 = 60;

async fn seed(server: &TestServer) {
    let mut conn = server.db.pool.acquire().await.unwrap();
    generated(&mut conn, N, server.clock.now()).await.unwrap();
}

async fn get(server: &TestServer, path_and_query: &str) -> Value {
    let r = reqwest::get(server.url(path_and_query)).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK, "{path_and_query}");
    r.json().await.unwrap()
}

/// Every page of a query, concatenated; checks page sizes and totals on the way.
async fn all_pages(server: &TestServer, query: &str) -> Vec<Value> {
    let mut items = Vec::new();
    for page in 1.. {
        let body = get(server, &format!("/api/v1/charity/projects?{query}&page={page}")).await;
        let got = body["items"].as_array().unwrap().clone();
        let total = body["total"].as_i64().unwrap();
        assert_eq!(body["page_size"], 12);
        if got.is_empty() {
            assert_eq!(items.len() as i64, total, "{query}: every matching row appears once across pages");
            break;
        }
        assert!(got.len() == 12 || (items.len() + got.len()) as i64 == total, "only the last page is short");
        items.extend(got);
    }
    items
}

fn ids(items: &[Value]) -> Vec<String> {
    items.iter().map(|i| i["id"].as_str().unwrap().to_string()).collect()
}

fn expected(filter: impl Fn(&GenProject) -> bool) -> BTreeSet<String> {
    (0..N).map(generated_project).filter(|p| filter(p)).map(|p| p.id).collect()
}

async fn pages_search_and_filters(server: TestServer) {
    seed(&server).await;
    // First page, newest first: gen-00000 is the newest.
    let first = get(&server, "/api/v1/charity/projects").await;
    assert_eq!(first["total"], N);
    let want: Vec<String> = (0..12).map(|i| format!("gen-{i:05}")).collect();
    assert_eq!(ids(first["items"].as_array().unwrap()), want);
    let all = ids(&all_pages(&server, "sort=newest").await);
    assert_eq!(all, (0..N).map(|i| format!("gen-{i:05}")).collect::<Vec<_>>());
    let past_the_end = get(&server, "/api/v1/charity/projects?page=99").await;
    assert_eq!(past_the_end["items"].as_array().unwrap().len(), 0);

    // Chinese search on the title ("沙井") and on the organiser ("西乡" is also an organiser's name).
    for term in ["沙井", "西乡", "助学金 第1"] {
        let got: BTreeSet<String> =
            ids(&all_pages(&server, &format!("q={}", urlencode(term))).await).into_iter().collect();
        let want = expected(|p| p.title.contains(term) || p.organiser.contains(term));
        assert!(!want.is_empty(), "{term} matches something");
        assert_eq!(got, want, "search {term}");
    }
    // LIKE wildcards are text, not wildcards.
    assert_eq!(get(&server, "/api/v1/charity/projects?q=%25").await["total"], 0);
    assert_eq!(get(&server, "/api/v1/charity/projects?q=_").await["total"], 0);

    let got: BTreeSet<String> = ids(&all_pages(&server, "status=finished").await).into_iter().collect();
    assert_eq!(got, expected(|p| p.finished()));
    let organiser = generated_project(7).organiser;
    let query = format!("organiser={}&category=education&status=fundraising", urlencode(organiser));
    let got: BTreeSet<String> = ids(&all_pages(&server, &query).await).into_iter().collect();
    assert_eq!(got, expected(|p| p.organiser == organiser && p.category.code() == "education" && !p.finished()));
    // Search and filter together.
    let got: BTreeSet<String> =
        ids(&all_pages(&server, &format!("q={}&category=medical", urlencode("福永"))).await).into_iter().collect();
    assert_eq!(
        got,
        expected(|p| (p.title.contains("福永") || p.organiser.contains("福永")) && p.category.code() == "medical")
    );
    // A value the contract does not know is a 400, not a silent "all".
    let r = reqwest::get(server.url("/api/v1/charity/projects?status=everything")).await.unwrap();
    common::expect_error(r, StatusCode::BAD_REQUEST, "bad_request").await;
}
both_engines!(pages_search_and_filters);

async fn sorts(server: TestServer) {
    seed(&server).await;
    let funded = all_pages(&server, "sort=nearly_funded").await;
    let progress = |c: &Value| c["raised_fen"].as_i64().unwrap() * 1000 / c["target_fen"].as_i64().unwrap();
    assert!(funded.windows(2).all(|w| progress(&w[0]) >= progress(&w[1])), "nearly funded: highest share first");
    let donors = all_pages(&server, "sort=most_donors").await;
    assert!(donors.windows(2).all(|w| w[0]["donors"].as_i64() >= w[1]["donors"].as_i64()), "most donors first");
    let max_donors = (0..N).map(|i| generated_project(i).donors).max().unwrap();
    assert_eq!(donors[0]["donors"], max_donors);
    let ending = all_pages(&server, "sort=ending_soon").await;
    let key = |c: &Value| (c["status"] != "fundraising", c["end_date"].as_str().unwrap().to_string());
    assert!(ending.windows(2).all(|w| key(&w[0]) <= key(&w[1])), "open projects first, soonest end first");
    assert_eq!(ending[0]["status"], "fundraising");
    // Paging with a sort is stable: the same set as unsorted, no duplicates.
    let set: BTreeSet<String> = ids(&ending).into_iter().collect();
    assert_eq!(set.len() as i64, N);
}
both_engines!(sorts);

/// The bigrams of `s`, computed here (not by the server's code): each pair of neighbouring
/// characters, ASCII letters lowercased.
fn pairs(s: &str) -> BTreeSet<String> {
    let c: Vec<char> = s.to_ascii_lowercase().chars().collect();
    (1..c.len()).map(|i| format!("{}{}", c[i - 1], c[i])).collect()
}

async fn search_uses_the_bigram_index(server: TestServer) {
    seed(&server).await;
    let db = &server.db.pool;
    // Each project's bigrams are stored: of its title and of its organiser, none across the two.
    for i in [0, 7, 59] {
        let p = generated_project(i);
        let stored: Vec<(String,)> = sqlx::query_as("SELECT gram FROM charity_search_grams WHERE project_id = $1")
            .bind(&p.id)
            .fetch_all(db)
            .await
            .unwrap();
        let stored: BTreeSet<String> = stored.into_iter().map(|(g,)| g).collect();
        let want: BTreeSet<String> = pairs(&p.title).union(&pairs(p.organiser)).cloned().collect();
        assert_eq!(stored, want, "{}", p.id);
    }

    // Queries of two or more characters (bigram path) and of one (LIKE only) give exactly the
    // substring matches, counted from the generator.
    for term in ["学金", "金 第", "沙井重症", "基金会", "第12期", "第1期", "区慈", "助", "期", "1"] {
        let got: BTreeSet<String> =
            ids(&all_pages(&server, &format!("q={}", urlencode(term))).await).into_iter().collect();
        let want = expected(|p| p.title.contains(term) || p.organiser.contains(term));
        assert_eq!(got, want, "search {term}");
    }
    assert_eq!(get(&server, &format!("/api/v1/charity/projects?q={}", urlencode("第1期"))).await["total"], 1);

    // "学金" is in education titles and "金会" in some organisers' names: projects holding both
    // bigrams exist, yet none holds the text "学金会" — the exact substring check removes them.
    let (candidates,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM (SELECT project_id FROM charity_search_grams WHERE gram IN ('学金', '金会') \
         GROUP BY project_id HAVING COUNT(*) = 2) c",
    )
    .fetch_one(db)
    .await
    .unwrap();
    assert!(candidates > 0, "the test needs bigram candidates that are not matches");
    assert_eq!(get(&server, &format!("/api/v1/charity/projects?q={}", urlencode("学金会"))).await["total"], 0);
    // Bigrams in the wrong order are no match either.
    assert_eq!(get(&server, &format!("/api/v1/charity/projects?q={}", urlencode("乡西"))).await["total"], 0);

    // A renamed project is re-indexed: found by its new title, no longer by its old one. Its
    // 繁體 and folded forms are written again (as start-up does for rows that lack them).
    let p = generated_project(5);
    sqlx::query("UPDATE charity_projects SET title = 'Clean Water 净水计划', title_hant = NULL, search_text = NULL WHERE id = $1")
        .bind(&p.id)
        .execute(db)
        .await
        .unwrap();
    baoan_server::localise::fill_missing(&server.db).await.unwrap();
    for (term, hits) in [("净水", 1), ("淨水", 1), ("clean water", 1), ("WATER", 1), (&p.title[..], 0)] {
        let body = get(&server, &format!("/api/v1/charity/projects?q={}", urlencode(term))).await;
        let found: Vec<String> = ids(body["items"].as_array().unwrap());
        // ASCII case is folded in the stored text and the query alike, on both engines.
        assert_eq!(found == vec![p.id.clone()], hits == 1, "search {term}: {found:?}");
        if hits == 0 {
            assert!(!found.contains(&p.id), "search {term}");
        }
    }
}
both_engines!(search_uses_the_bigram_index);

fn urlencode(s: &str) -> String {
    s.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect()
}

async fn funds_projects_and_badges(server: TestServer) {
    let funds = get(&server, "/api/v1/charity/funds").await;
    assert_eq!(funds["total"], 5);
    let funds = funds["items"].as_array().unwrap();
    assert_eq!(funds.len(), 5);
    let haiwan = funds.iter().find(|f| f["id"] == "f-haiwan").unwrap();
    assert_eq!(haiwan["projects_supported"], 2);
    assert_eq!(haiwan["founder_type"], "enterprise");
    assert!(haiwan["raised_fen"].as_i64().unwrap() > 0 && haiwan["spent_fen"].as_i64().unwrap() > 0);
    let searched = get(&server, &format!("/api/v1/charity/funds?q={}", urlencode("家族"))).await;
    assert_eq!(searched["items"].as_array().unwrap().len(), 2);
    let by_raised = get(&server, "/api/v1/charity/funds?sort=raised").await;
    let raised: Vec<i64> =
        by_raised["items"].as_array().unwrap().iter().map(|f| f["raised_fen"].as_i64().unwrap()).collect();
    assert!(raised.windows(2).all(|w| w[0] >= w[1]));

    let fund = get(&server, "/api/v1/charity/funds/f-haiwan").await;
    let mut project_ids: Vec<&str> =
        fund["projects"].as_array().unwrap().iter().map(|p| p["id"].as_str().unwrap()).collect();
    project_ids.sort();
    assert_eq!(project_ids, ["p-hearing", "p-heart-kids"]);
    assert_eq!(fund["reports"].as_array().unwrap().len(), 2);
    assert!(!fund["ledger"].as_array().unwrap().is_empty());
    assert_eq!(get(&server, "/api/v1/charity/projects?fund=f-haiwan").await["total"], 2);

    let project = get(&server, "/api/v1/charity/projects/p-heart-kids").await;
    assert_eq!(project["card"]["registration_no"].as_str().unwrap().len(), 18);
    let ledger = project["ledger"].as_array().unwrap();
    assert_eq!(ledger.len(), 7);
    assert!(ledger.iter().all(|l| l["receipt_ref"].as_str().is_some_and(|r| !r.is_empty())));
    for (id, state, red) in [
        ("p-heart-kids", "on_time", None),
        ("p-study-aid", "due_in", None),
        ("p-elder-meals", "overdue", Some(false)),
        ("p-warm-homes", "overdue", Some(true)),
    ] {
        let badge = &get(&server, &format!("/api/v1/charity/projects/{id}")).await["badge"];
        assert_eq!(badge["state"], state, "{id}: {badge}");
        if let Some(red) = red {
            assert_eq!(badge["red"], red, "{id}: {badge}");
        }
    }
    let r = reqwest::get(server.url("/api/v1/charity/projects/nope")).await.unwrap();
    common::expect_error(r, StatusCode::NOT_FOUND, "not_found").await;
    let district = get(&server, "/api/v1/charity/district").await;
    assert_eq!(district["funds"], 5);
    assert_eq!(district["projects"], 10);
    assert_eq!(district["by_category"].as_array().unwrap().len(), 6);
    assert!(district["raised_this_year_fen"].as_i64().unwrap() > 0);
}
both_engines!(funds_projects_and_badges, |c: &mut baoan_server::config::Config| c.seed_demo_data = true);
