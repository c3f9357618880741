//! The OpenAPI document: the served one is the committed openapi.json, and it describes every
//! route the server has under /api/v1 (and no route it does not have).

mod common;

use common::TestServer;
use reqwest::StatusCode;
use serde_json::Value;
use std::collections::BTreeSet;

const REGENERATE: &str = "cargo run -p baoan-server -- openapi > openapi.json";
const HTTP_METHODS: [&str; 7] = ["get", "post", "put", "delete", "patch", "head", "options"];

fn committed() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../openapi.json");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}; create it with `{REGENERATE}`"));
    serde_json::from_str(&text)
        .unwrap_or_else(|e| panic!("{path} is not JSON ({e}); regenerate it with `{REGENERATE}`"))
}

async fn served(server: &TestServer) -> Value {
    let r = reqwest::get(server.url("/api/v1/openapi.json")).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    assert!(r.headers()["content-type"].to_str().unwrap().starts_with("application/json"));
    r.json().await.unwrap()
}

/// The first JSON pointer where `a` and `b` differ, with both values there.
fn first_difference(a: &Value, b: &Value, at: String) -> Option<(String, String, String)> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            let keys: BTreeSet<&String> = x.keys().chain(y.keys()).collect();
            keys.into_iter().find_map(|k| match (x.get(k), y.get(k)) {
                (Some(v), Some(w)) => first_difference(v, w, format!("{at}/{k}")),
                (v, w) => Some((format!("{at}/{k}"), describe(v), describe(w))),
            })
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => {
            x.iter().zip(y).enumerate().find_map(|(i, (v, w))| first_difference(v, w, format!("{at}/{i}")))
        }
        _ if a == b => None,
        _ => Some((if at.is_empty() { "/".into() } else { at }, describe(Some(a)), describe(Some(b)))),
    }
}

fn describe(v: Option<&Value>) -> String {
    match v {
        None => "(missing)".into(),
        Some(v) => {
            let s = v.to_string();
            if s.chars().count() > 200 {
                format!("{}…", s.chars().take(200).collect::<String>())
            } else {
                s
            }
        }
    }
}

fn assert_same_document(served: &Value, committed: &Value, what: &str) {
    if let Some((at, served_value, committed_value)) = first_difference(served, committed, String::new()) {
        panic!(
            "{what} differs from the committed openapi.json.\n  first difference at {at}\n    served:    {served_value}\n    committed: {committed_value}\n\
             If the API change is intended, regenerate the committed file from the workspace root:\n    {REGENERATE}\nand commit it."
        );
    }
}

async fn served_document_is_the_committed_one(server: TestServer) {
    let served = served(&server).await;
    assert_eq!(served["openapi"].as_str().map(|v| v.starts_with("3.")), Some(true), "an OpenAPI 3 document");
    assert_same_document(&served, &committed(), "GET /api/v1/openapi.json");
}
sqlite_only!(served_document_is_the_committed_one);

/// The regeneration command itself prints the served document (so following the advice above fixes the test).
async fn openapi_command_prints_the_served_document(server: TestServer) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_baoan-server")).arg("openapi").output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let printed: Value = serde_json::from_slice(&out.stdout).expect("`baoan-server openapi` prints JSON only");
    assert_same_document(&served(&server).await, &printed, "`baoan-server openapi` output");
}
sqlite_only!(openapi_command_prints_the_served_document);

/// The API routes the router serves, as (path, method): read from the router itself (its `Debug`
/// form lists each path with the method router that serves it, and which methods that has).
fn served_routes(router: &impl std::fmt::Debug) -> BTreeSet<(String, String)> {
    let text = format!("{router:?}");
    // The routes proper; the fallback router (unknown paths) comes after.
    let routes = &text[..text.find("fallback_router:").expect("axum's Router Debug names its fallback router")];
    let mut paths = std::collections::HashMap::new();
    let mut methods = std::collections::HashMap::new();
    for entry in routes.split("RouteId(").skip(1) {
        let (id, rest) = entry.split_once("): ").unwrap_or_else(|| panic!("unexpected route entry {entry}"));
        if let Some(path) = rest.strip_prefix('"') {
            paths.insert(id.to_string(), path[..path.find('"').unwrap()].to_string());
        } else if let Some(router) = rest.strip_prefix("MethodRouter(MethodRouter { ") {
            let fields = &router[..router.find("fallback:").expect("a method router lists its fallback last")];
            let served: Vec<String> = fields
                .split(", ")
                .filter_map(|field| field.split_once(": "))
                .filter(|(method, endpoint)| HTTP_METHODS.contains(method) && !endpoint.starts_with("None"))
                .map(|(method, _)| method.to_string())
                .collect();
            methods.insert(id.to_string(), served);
        } else {
            panic!("route {id} is not a method router: {rest}");
        }
    }
    assert_eq!(paths.len(), methods.len(), "every route has its path and its methods");
    paths
        .into_iter()
        .flat_map(|(id, path)| methods[&id].iter().map(move |m| (path.clone(), m.clone())).collect::<Vec<_>>())
        .collect()
}

/// The (path, method) pairs of an OpenAPI document.
fn documented_routes(doc: &Value) -> BTreeSet<(String, String)> {
    let paths = doc["paths"].as_object().expect("paths");
    paths.iter().flat_map(|(p, ops)| ops.as_object().unwrap().keys().map(move |m| (p.clone(), m.clone()))).collect()
}

/// API routes served but deliberately not in the public contract: the document itself, and the
/// development SMS outbox (only in demo mode, which tests run in).
/// The document itself, and the demo-only development tools (mounted only with `--demo`).
const UNDOCUMENTED: [(&str, &str); 3] =
    [("/api/v1/openapi.json", "get"), ("/api/v1/dev/sms-outbox", "get"), ("/api/v1/dev/verify-identity", "post")];

/// What one side has and the other lacks: (served, not documented), (documented, not served).
fn drift(served: &BTreeSet<(String, String)>, documented: &BTreeSet<(String, String)>) -> (Vec<String>, Vec<String>) {
    let api: BTreeSet<&(String, String)> = served
        .iter()
        .filter(|(p, m)| p.starts_with("/api/v1/") && !UNDOCUMENTED.contains(&(p.as_str(), m.as_str())))
        .collect();
    let show = |(p, m): &(String, String)| format!("{} {p}", m.to_uppercase());
    (
        api.iter().filter(|r| !documented.contains(**r)).map(|r| show(r)).collect(),
        documented.iter().filter(|r| !api.contains(r)).map(show).collect(),
    )
}

/// The served document lists exactly the API routes the served router has: a route added with a
/// plain `.route(…)` (so undocumented), or a method one side lacks, fails here.
async fn document_lists_every_route_the_router_serves(server: TestServer) {
    let router = baoan_server::app::build(server.state.clone());
    let routes = served_routes(&router);
    // The reading of the router finds the routes we know of, so it cannot silently find nothing.
    for (p, m) in [
        ("/api/v1/auth/session", "post"),
        ("/api/v1/auth/session", "delete"),
        ("/api/v1/me", "get"),
        ("/api/v1/me", "delete"),
        ("/api/v1/uploads", "post"),
        ("/api/v1/openapi.json", "get"),
        ("/api/v1/dev/sms-outbox", "get"),
        ("/", "get"),
    ] {
        assert!(
            routes.contains(&(p.to_string(), m.to_string())),
            "reading the router is broken: no {m} {p} in {routes:?}"
        );
    }
    assert!(!routes.contains(&("/api/v1/auth/session".into(), "get".into())), "reading the router is broken");

    let doc = served(&server).await;
    let documented = documented_routes(&doc);
    let (undocumented, unserved) = drift(&routes, &documented);
    assert!(
        undocumented.is_empty(),
        "served but not in the OpenAPI document: {undocumented:?}. Declare each route by its handler's \
         #[utoipa::path] and list the handler with routes!(…) in its area's router(), then run `{REGENERATE}`"
    );
    assert!(unserved.is_empty(), "documented but not served: {unserved:?}");
    for (path, _) in &documented {
        assert!(!path.contains("/dev/"), "development-only {path} must not be in the public contract");
        assert!(path.starts_with("/api/v1/"), "{path} is under /api/v1");
    }

    // The check fails when a route bypasses the declaration: one added by hand to a journey's router.
    let routes = baoan_server::app::api_routes();
    let sneaked = routes.requests.route("/charity/sneaked", axum::routing::post(|| async {}));
    let (router, paths) = sneaked.merge(routes.uploads).split_for_parts();
    let router = axum::Router::new().nest("/api/v1", router);
    let doc = serde_json::to_value(baoan_server::openapi::document("/api/v1", paths)).unwrap();
    let (undocumented, unserved) = drift(&served_routes(&router), &documented_routes(&doc));
    assert_eq!(undocumented, ["POST /api/v1/charity/sneaked"]);
    assert!(unserved.is_empty(), "{unserved:?}");

    // Every documented operation really answers through the whole stack (not the router's 404
    // fallback, not a 405).
    let client = server.client();
    for (path, method) in &documented {
        let r = client.request(method.to_uppercase().parse().unwrap(), server.url(path)).send().await.unwrap();
        let status = r.status();
        let body: serde_json::Value = r.json().await.unwrap_or_default();
        let handler_404 = status == StatusCode::NOT_FOUND && path.contains('{') && body["message"] != "Not found";
        assert!(
            status != StatusCode::NOT_FOUND && status != StatusCode::METHOD_NOT_ALLOWED || handler_404,
            "{method} {path} is documented but the server answers {status}"
        );
    }
}
sqlite_only!(document_lists_every_route_the_router_serves);
