//! The OpenAPI document says which operations staff may use and how: every operation under
//! `/staff/` but the sign-in requires the staff session (`staff_session`), the bootstrap bearer
//! token (`staff_token`) is offered on `POST /api/v1/staff/accounts` only (the one handler that
//! takes `admin::Staff`), no resident or public operation requires either, and the server really
//! refuses every staff operation without a session — the bootstrap token alone and a resident's
//! session included.

mod common;

use baoan_server::openapi::{is_staff_path, takes_bootstrap_token, STAFF_SCHEME, STAFF_SESSION_SCHEME};
use common::TestServer;
use reqwest::StatusCode;
use serde_json::{json, Value};

const HTTP_METHODS: [&str; 8] = ["get", "put", "post", "delete", "options", "head", "patch", "trace"];

async fn served(server: &TestServer) -> Value {
    let r = reqwest::get(server.url("/api/v1/openapi.json")).await.unwrap();
    assert_eq!(r.status(), StatusCode::OK);
    r.json().await.unwrap()
}

/// Every documented (path, method, operation).
fn operations(doc: &Value) -> Vec<(String, String, Value)> {
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().expect("paths") {
        for method in HTTP_METHODS {
            if let Some(op) = item.get(method) {
                out.push((path.clone(), method.to_string(), op.clone()));
            }
        }
    }
    out
}

async fn staff_operations_and_only_those_require_a_staff_session(server: TestServer) {
    let doc = served(&server).await;
    let scheme = &doc["components"]["securitySchemes"][STAFF_SCHEME];
    assert_eq!(scheme["type"], "http", "{scheme}");
    assert_eq!(scheme["scheme"], "bearer", "{scheme}");

    let ops = operations(&doc);
    // Not vacuous: the moved staff actions of the journeys are there, and the old paths are gone.
    for known in [
        "/api/v1/staff/reference/{kind}",
        "/api/v1/staff/assistance/standards",
        "/api/v1/staff/memorial/windows",
        "/api/v1/staff/runs/memorial-reminders",
        "/api/v1/staff/runs/charity-pledges",
        "/api/v1/staff/runs/wechat-reconcile",
        "/api/v1/staff/charity/projects/{id}/photos",
    ] {
        assert!(ops.iter().any(|(p, _, _)| p == known), "{known} is documented");
    }
    assert!(ops.iter().all(|(p, _, _)| !p.split('/').any(|s| s == "admin")), "no /admin/ path is left");
    let mut bearer = Vec::new();
    for (path, method, op) in &ops {
        let security = op.get("security").cloned().unwrap_or(Value::Null);
        if security.to_string().contains(STAFF_SCHEME) {
            bearer.push(format!("{method} {path}"));
        }
        if is_staff_path(path) {
            let expected = match (path.as_str(), method.as_str()) {
                ("/api/v1/staff/session", "post") => Value::Null,
                ("/api/v1/staff/accounts", "post") => json!([{ STAFF_SESSION_SCHEME: [] }, { STAFF_SCHEME: [] }]),
                _ => json!([{ STAFF_SESSION_SCHEME: [] }]),
            };
            assert_eq!(security, expected, "{method} {path}");
        } else {
            assert!(op.get("security").is_none(), "{method} {path} is a resident or public operation");
        }
    }
    assert_eq!(bearer, ["post /api/v1/staff/accounts"], "the bootstrap token creates district admins, nothing else");
    // No document-wide requirement that would put a staff scheme on resident operations too.
    assert!(doc.get("security").is_none());

    // And the server means it: every staff operation but the sign-in refuses a request without a
    // session, with the bootstrap token alone (but creating an account, which it exists for), with
    // a wrong token, and with a resident's session.
    let members: Vec<_> =
        ops.iter().filter(|(p, m, _)| is_staff_path(p) && !(p.ends_with("/staff/session") && m == "post")).collect();
    assert!(members.len() >= 20, "the staff operations are documented: {}", members.len());
    let plain = server.plain_client();
    for (path, method, _) in &members {
        let url = server.url(&path.replace('{', "x").replace('}', ""));
        let m: reqwest::Method = method.to_uppercase().parse().unwrap();
        let r = plain.request(m.clone(), &url).json(&json!({})).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "{method} {path} without a session");
        let r = plain.request(m.clone(), &url).bearer_auth("not-the-token").json(&json!({})).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "{method} {path} with a wrong token");
        if !takes_bootstrap_token(path, method) {
            let r = plain.request(m, &url).bearer_auth("test-admin-token").json(&json!({})).send().await.unwrap();
            assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "{method} {path} with the bootstrap token alone");
        }
    }
    let client = server.client();
    server.sign_in(&client, "13900000801").await;
    for (path, method, _) in members {
        let url = server.url(&path.replace('{', "x").replace('}', ""));
        let m: reqwest::Method = method.to_uppercase().parse().unwrap();
        let r = client.request(m, &url).json(&json!({})).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "{method} {path} with a resident's session");
    }
}
both_engines!(staff_operations_and_only_those_require_a_staff_session);

/// Whether a handler's signature takes the given extractor type (a whole word, so `Staff` does not
/// match `StaffMember`).
fn takes(signature: &str, extractor: &str) -> bool {
    signature.split(|c: char| !c.is_alphanumeric() && c != '_').any(|word| word == extractor)
}

/// Each `#[utoipa::path(…, path = "…", …)]` in the server's source with the signature of the
/// handler it annotates.
fn annotated_handlers() -> Vec<(String, String)> {
    let mut files = Vec::new();
    let mut dirs = vec![std::path::PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/src"))];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                files.push(path);
            }
        }
    }
    let mut out = Vec::new();
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        let mut rest = text.as_str();
        while let Some(at) = rest.find("#[utoipa::path(") {
            rest = &rest[at + 1..];
            let after_path = &rest[rest.find("path = \"").expect("path = \"…\"") + "path = \"".len()..];
            let path = after_path[..after_path.find('"').unwrap()].to_string();
            let fn_at = rest.find("async fn ").expect("an async handler follows");
            let signature = &rest[fn_at..fn_at + rest[fn_at..].find('{').unwrap()];
            out.push((path, signature.to_string()));
        }
    }
    out
}

/// Whoever adds a staff endpoint puts it on a staff path, so the document marks it; and no
/// handler takes the bootstrap token itself any more (only account creation's `Creator` does).
#[test]
fn every_staff_handler_is_on_a_staff_path_and_none_takes_the_token() {
    let handlers = annotated_handlers();
    assert!(handlers.len() > 20, "source scan is broken: {handlers:?}");
    let mut members = 0;
    for (path, signature) in &handlers {
        assert!(!takes(signature, "Staff"), "{path} takes the bootstrap token: {signature}");
        let takes_member = takes(signature, "StaffMember") || takes(signature, "Creator");
        members += usize::from(takes_member);
        if !path.ends_with("/staff/session") {
            assert_eq!(takes_member, is_staff_path(path), "{path}: {signature}");
        }
    }
    assert!(members >= 20, "source scan found no staff handlers: {handlers:?}");
    let source = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/staff/accounts.rs")).unwrap();
    assert!(source.contains("Staff::from_request_parts"), "account creation still takes the token");
}
