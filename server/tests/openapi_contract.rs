//! The OpenAPI document is exact: every `$ref` resolves, query parameters are in the query,
//! every operation documents the answers the layers around its handler give (in the error
//! shape), and a missing or wrong content type (415) and a wrong method (405) answer over real
//! HTTP as documented.

mod common;

use common::{expect_error, TestServer};
use reqwest::header::{ALLOW, CONTENT_TYPE};
use reqwest::StatusCode;
use serde_json::{json, Value};

fn document() -> Value {
    serde_json::to_value(baoan_server::app::document()).unwrap()
}

/// Every `$ref` in `doc` (with the JSON pointer where it stands) that names nothing in `doc`.
fn dangling_refs(doc: &Value) -> Vec<(String, String)> {
    fn walk(doc: &Value, v: &Value, at: String, out: &mut Vec<(String, String)>) {
        match v {
            Value::Object(map) => {
                if let Some(Value::String(target)) = map.get("$ref") {
                    let resolves = target.strip_prefix('#').is_some_and(|pointer| doc.pointer(pointer).is_some());
                    if !resolves {
                        out.push((at.clone(), target.clone()));
                    }
                }
                for (k, child) in map {
                    walk(doc, child, format!("{at}/{k}"), out);
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    walk(doc, child, format!("{at}/{i}"), out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    walk(doc, doc, String::new(), &mut out);
    out
}

#[test]
fn the_ref_walker_finds_a_dangling_ref() {
    let doc = json!({
        "components": {"schemas": {"A": {"type": "object"}}},
        "paths": {"/x": {"get": {"responses": {"200": {"content": {"application/json": {"schema": {
            "oneOf": [{"$ref": "#/components/schemas/A"}, {"$ref": "#/components/schemas/Gone"}]
        }}}}}}}}
    });
    let found = dangling_refs(&doc);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].1, "#/components/schemas/Gone");
    assert!(found[0].0.ends_with("/oneOf/1"), "{found:?}");
}

#[test]
fn every_ref_resolves() {
    let doc = document();
    let dangling = dangling_refs(&doc);
    assert!(dangling.is_empty(), "$refs to nothing in the document: {dangling:#?}");
}

/// Every (method, path, operation) of the document.
fn operations(doc: &Value) -> Vec<(String, String, Value)> {
    let mut out = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            out.push((method.clone(), path.clone(), operation.clone()));
        }
    }
    out
}

#[test]
fn parameters_are_where_the_path_says() {
    for (method, path, operation) in operations(&document()) {
        for p in operation["parameters"].as_array().into_iter().flatten() {
            let name = p["name"].as_str().unwrap();
            let in_path = path.contains(&format!("{{{name}}}"));
            assert_eq!(p["in"] == "path", in_path, "{method} {path}: parameter {name} is in {}", p["in"]);
        }
    }
}

#[test]
fn every_operation_documents_the_common_answers_in_the_error_shape() {
    for (method, path, operation) in operations(&document()) {
        let responses = operation["responses"].as_object().unwrap();
        let json_body = operation["requestBody"]["content"].get("application/json").is_some();
        let write = method != "get";
        let mut expected = vec!["405", "408", "503"];
        if write {
            expected.extend(["403", "429"]);
        }
        if json_body {
            expected.extend(["400", "413", "415", "422"]);
        }
        if path.contains('{') {
            expected.push("404");
        }
        for status in expected {
            assert!(responses.contains_key(status), "{method} {path} does not document {status}");
        }
        for (status, response) in responses {
            if status.starts_with('4') || status.starts_with('5') {
                let schema = &response["content"]["application/json"]["schema"]["$ref"];
                assert_eq!(schema, "#/components/schemas/ApiError", "{method} {path} {status} is not an ApiError");
            }
        }
        if let Some(r) = responses.get("405") {
            assert!(r["headers"].get("Allow").is_some(), "{method} {path}: 405 documents Allow");
        }
    }
}

async fn wrong_content_type_is_415_in_the_error_shape(server: TestServer) {
    let client = server.client();
    let url = server.url("/api/v1/auth/sms-code");
    let body = "{\"phone\":\"13800000001\"}";
    // No Content-Type, a text one, a form: the body is not declared JSON.
    let r = client.post(&url).body(body).send().await.unwrap();
    expect_error(r, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").await;
    for content_type in ["text/plain", "application/x-www-form-urlencoded", "application/xml"] {
        let r = client.post(&url).header(CONTENT_TYPE, content_type).body(body).send().await.unwrap();
        expect_error(r, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").await;
    }
    // A signed-in write too (the session is checked first, then the body).
    let signed_in = server.client();
    server.sign_in(&signed_in, "13800000002").await;
    let r = signed_in
        .put(server.url("/api/v1/me/profile"))
        .header(CONTENT_TYPE, "text/plain")
        .body("{}")
        .send()
        .await
        .unwrap();
    expect_error(r, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type").await;
    // JSON that is not JSON stays a 400.
    let r = client.post(&url).header(CONTENT_TYPE, "application/json").body("{not json").send().await.unwrap();
    expect_error(r, StatusCode::BAD_REQUEST, "bad_request").await;
}
sqlite_only!(wrong_content_type_is_415_in_the_error_shape);

async fn wrong_method_is_405_with_allow(server: TestServer) {
    let client = server.client();
    for (request, allowed) in [
        (client.get(server.url("/api/v1/auth/sms-code")), "POST"),
        (client.patch(server.url("/api/v1/me/profile")), "PUT"),
        (client.put(server.url("/api/v1/meta")), "GET"),
    ] {
        let r = request.send().await.unwrap();
        let url = r.url().clone();
        let allow = r.headers().get(ALLOW).map(|v| v.to_str().unwrap().to_string()).unwrap_or_default();
        expect_error(r, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed").await;
        assert!(allow.contains(allowed), "{url}: Allow is {allow:?}");
    }
}
sqlite_only!(wrong_method_is_405_with_allow);

#[test]
fn operation_ids_are_unique() {
    let mut seen = std::collections::BTreeMap::new();
    for (method, path, operation) in operations(&document()) {
        let id = operation["operationId"].as_str().unwrap_or_else(|| panic!("{method} {path} has no operationId"));
        if let Some(other) = seen.insert(id.to_string(), format!("{method} {path}")) {
            panic!("operationId {id} names both {other} and {method} {path}");
        }
    }
}
