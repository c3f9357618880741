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

/// Every `.route("PATH", METHODS)` in the server's source, as (path, methods).
fn routes_in_source() -> Vec<(String, BTreeSet<String>)> {
    let src = concat!(env!("CARGO_MANIFEST_DIR"), "/src");
    let mut files = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(src)];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("web_app.rs") {
                // web_app.rs routes the built app (/, /index.html), not the API.
                files.push(path);
            }
        }
    }
    let mut routes = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let mut rest = text.as_str();
        while let Some(at) = rest.find(".route(") {
            rest = &rest[at + ".route(".len()..];
            let args = rest.trim_start();
            let Some(args) = args.strip_prefix('"') else { continue };
            let path = &args[..args.find('"').unwrap()];
            // The handler expression runs to the parenthesis that closes `.route(`.
            let mut depth = 1;
            let end = rest
                .char_indices()
                .find(|&(_, c)| {
                    depth += match c {
                        '(' => 1,
                        ')' => -1,
                        _ => 0,
                    };
                    depth == 0
                })
                .map(|(i, _)| i)
                .unwrap();
            let handler = &rest[rest.find(path).unwrap() + path.len() + 1..end];
            let methods = words_called(handler).into_iter().filter(|w| HTTP_METHODS.contains(&w.as_str())).collect();
            routes.push((path.to_string(), methods));
        }
    }
    routes
}

/// Identifiers directly followed by `(`.
fn words_called(code: &str) -> Vec<String> {
    let mut words = Vec::new();
    let chars: Vec<char> = code.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_alphabetic() || chars[i] == '_' {
            let start = i;
            while i < chars.len() && (chars[i].is_ascii_alphanumeric() || chars[i] == '_') {
                i += 1;
            }
            if chars.get(i) == Some(&'(') {
                words.push(chars[start..i].iter().collect());
            }
        } else {
            i += 1;
        }
    }
    words
}

async fn document_covers_every_api_route(server: TestServer) {
    let doc = served(&server).await;
    let paths = doc["paths"].as_object().expect("paths");
    let documented: BTreeSet<(String, String)> = paths
        .iter()
        .flat_map(|(p, ops)| ops.as_object().unwrap().keys().map(move |m| (p.clone(), m.clone())))
        .collect();

    let routes = routes_in_source();
    // The scan finds the routes we know of, so it cannot silently find nothing.
    let found = |p: &str, m: &str| routes.iter().any(|(path, methods)| path == p && methods.contains(m));
    assert!(found("/auth/session", "post") && found("/auth/session", "delete"), "source scan is broken: {routes:?}");
    assert!(found("/me/profile", "put") && found("/meta", "get"), "source scan is broken: {routes:?}");

    let client = server.client();
    for (path, methods) in &routes {
        assert!(!methods.is_empty(), "no method found for route {path}");
        let full = format!("/api/v1{path}");
        for method in methods {
            // The router really serves it (not the 404 fallback, not a 405)…
            let r = client.request(method.to_uppercase().parse().unwrap(), server.url(&full)).send().await.unwrap();
            let status = r.status();
            // A handler may itself answer 404 for an unknown `{id}`: it says so in its own words,
            // unlike the router's fallback ("Not found").
            let body: serde_json::Value = r.json().await.unwrap_or_default();
            let handler_404 = status == StatusCode::NOT_FOUND && path.contains('{') && body["message"] != "Not found";
            assert!(
                status != StatusCode::NOT_FOUND && status != StatusCode::METHOD_NOT_ALLOWED
                    || handler_404
                    || path.starts_with("/dev/") && status == StatusCode::NOT_FOUND,
                "{method} {full} is in the source but the server answers {status}"
            );
            // …and, unless it is development-only or the document itself, the document describes it.
            if path.starts_with("/dev/") || path == "/openapi.json" {
                continue;
            }
            assert!(
                documented.contains(&(full.clone(), method.clone())),
                "{method} {full} is served but not in the OpenAPI document: annotate its handler with #[utoipa::path] \
                 and list it in server/src/openapi.rs, then run `{REGENERATE}`"
            );
        }
    }
    // The other way round: everything documented is served, and nothing development-only is documented.
    for (path, method) in &documented {
        assert!(!path.contains("/dev/"), "development-only {path} must not be in the public contract");
        assert!(path.starts_with("/api/v1/"), "{path} is under /api/v1");
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
sqlite_only!(document_covers_every_api_route);
