//! The OpenAPI document says which operations need the staff token: every operation of a staff
//! path (one with an `admin` segment) requires the `staff_token` bearer scheme, no resident or
//! public operation does, every handler that takes `admin::Staff` is on a staff path, and the
//! server really refuses those operations without the token.

mod common;

use baoan_server::openapi::{is_staff_path, STAFF_SCHEME, STAFF_SESSION_SCHEME};
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

async fn staff_operations_and_only_those_require_the_staff_token(server: TestServer) {
    let doc = served(&server).await;
    let scheme = &doc["components"]["securitySchemes"][STAFF_SCHEME];
    assert_eq!(scheme["type"], "http", "{scheme}");
    assert_eq!(scheme["scheme"], "bearer", "{scheme}");

    let ops = operations(&doc);
    let staff: Vec<_> = ops.iter().filter(|(p, _, _)| is_staff_path(p)).collect();
    // Not vacuous: the staff actions of the journeys are there.
    for known in ["/api/v1/admin/assistance/applications/{reference}/advance", "/api/v1/memorial/admin/windows"] {
        assert!(staff.iter().any(|(p, _, _)| p == known), "{known} is documented as a staff path");
    }
    for (path, method, op) in &ops {
        if is_staff_path(path) {
            assert_eq!(op["security"], json!([{ STAFF_SCHEME: [] }]), "{method} {path} requires the staff token");
        } else if is_staff_member_path(path) {
            let expected = match (path.as_str(), method.as_str()) {
                ("/api/v1/staff/session", "post") => Value::Null,
                ("/api/v1/staff/accounts", "post") => json!([{ STAFF_SESSION_SCHEME: [] }, { STAFF_SCHEME: [] }]),
                _ => json!([{ STAFF_SESSION_SCHEME: [] }]),
            };
            assert_eq!(op.get("security").cloned().unwrap_or(Value::Null), expected, "{method} {path}");
        } else {
            assert!(op.get("security").is_none(), "{method} {path} is a resident or public operation: no staff token");
        }
    }
    // No document-wide requirement that would put the token on resident operations too.
    assert!(doc.get("security").is_none());

    // And the server means it: without the token, or with a wrong one, a staff operation is refused.
    let client = server.client();
    for (path, method, _) in staff {
        let url = server.url(&path.replace('{', "x").replace('}', ""));
        let m: reqwest::Method = method.to_uppercase().parse().unwrap();
        let r = client.request(m.clone(), &url).json(&json!({})).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "{method} {path} without the token");
        let r = client.request(m, &url).bearer_auth("not-the-token").json(&json!({})).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "{method} {path} with a wrong token");
    }
    // Staff members' operations refuse a request without a staff session — a resident's included.
    server.sign_in(&client, "13900000801").await;
    let members: Vec<_> = ops
        .iter()
        .filter(|(p, m, _)| is_staff_member_path(p) && !(p.ends_with("/staff/session") && m == "post"))
        .collect();
    assert!(members.len() >= 7, "the staff members' operations are documented");
    for (path, method, _) in members {
        let url = server.url(&path.replace('{', "x").replace('}', ""));
        let m: reqwest::Method = method.to_uppercase().parse().unwrap();
        let r = client.request(m, &url).json(&json!({})).send().await.unwrap();
        assert_eq!(r.status(), StatusCode::UNAUTHORIZED, "{method} {path} with a resident's session");
    }
}

/// A staff member's path (`/api/v1/staff/…`): a staff session, never the bootstrap token alone.
fn is_staff_member_path(path: &str) -> bool {
    path.split('/').any(|segment| segment == "staff")
}

/// Whether a handler's signature takes the given extractor type (a whole word, so `Staff` does not
/// match `StaffMember`).
fn takes(signature: &str, extractor: &str) -> bool {
    signature.split(|c: char| !c.is_alphanumeric() && c != '_').any(|word| word == extractor)
}
sqlite_only!(staff_operations_and_only_those_require_the_staff_token);

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

/// Whoever adds a staff endpoint puts it on a staff path, so the document marks it.
#[test]
fn every_handler_taking_the_staff_token_is_on_a_staff_path() {
    let handlers = annotated_handlers();
    assert!(handlers.len() > 20, "source scan is broken: {handlers:?}");
    let mut staff = 0;
    for (path, signature) in &handlers {
        let takes_staff = takes(signature, "Staff");
        staff += usize::from(takes_staff);
        assert_eq!(takes_staff, is_staff_path(path), "{path}: {signature}");
        // And a staff member's handler (session, or a district admin creating accounts) is on /staff/.
        let takes_member = takes(signature, "StaffMember") || takes(signature, "Creator");
        assert!(!takes_member || is_staff_member_path(path), "{path}: {signature}");
    }
    assert!(staff >= 4, "source scan found no staff handlers: {handlers:?}");
}
