//! The answers every operation can give whatever its handler says, added to the OpenAPI document
//! by one rule instead of on each handler: they come from the layers and extractors around the
//! handlers (`crate::app`, `crate::error`, `crate::origin`, `crate::overload`, `crate::limits`,
//! `crate::staff`). A handler's own description of a status wins; only missing ones are added.

use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::path::{Operation, ParameterIn};
use utoipa::openapi::response::ResponseBuilder;
use utoipa::openapi::{ContentBuilder, HttpMethod, ObjectBuilder, OpenApi, Ref, RefOr, Required, Response, Type};
use utoipa::Modify;

/// Adds the common answers (see the module comment) to every operation of the document.
pub struct CommonResponses;

impl Modify for CommonResponses {
    fn modify(&self, doc: &mut OpenApi) {
        unique_operation_ids(doc);
        register_schemas_named_by_functions(doc);
        for (path, item) in doc.paths.paths.iter_mut() {
            for method in [HttpMethod::Get, HttpMethod::Put, HttpMethod::Post, HttpMethod::Delete, HttpMethod::Patch] {
                let operation = match method {
                    HttpMethod::Get => item.get.as_mut(),
                    HttpMethod::Put => item.put.as_mut(),
                    HttpMethod::Post => item.post.as_mut(),
                    HttpMethod::Delete => item.delete.as_mut(),
                    HttpMethod::Patch => item.patch.as_mut(),
                    _ => None,
                };
                if let Some(operation) = operation {
                    let name = match method {
                        HttpMethod::Get => "get",
                        HttpMethod::Put => "put",
                        HttpMethod::Post => "post",
                        HttpMethod::Delete => "delete",
                        _ => "patch",
                    };
                    let staff = crate::openapi::needs_staff_session(path, name);
                    add_common(operation, method != HttpMethod::Get, staff);
                    constrain_idempotency_key(operation);
                    raw_bodies_are_bytes(operation);
                }
            }
        }
    }
}

/// A field whose schema a function builds (`baoan_contract::schema`) is not followed by utoipa:
/// the schemas such functions name by `$ref` are registered here, with those they name in turn.
fn register_schemas_named_by_functions(doc: &mut OpenApi) {
    use utoipa::{PartialSchema, ToSchema};
    type Member = baoan_contract::assistance::Member;
    let mut schemas = vec![(Member::name().into_owned(), Member::schema())];
    Member::schemas(&mut schemas);
    let components = doc.components.get_or_insert_with(Default::default);
    for (name, schema) in schemas {
        components.schemas.entry(name).or_insert(schema);
    }
}

/// Handlers in different journeys share names (`create`, `list`, `show`…), and utoipa names each
/// operation after its handler; OpenAPI wants every `operationId` unique (generated clients key
/// their operations by it). A name used more than once gets its path's words after it:
/// `create` on /api/v1/marriage/bookings is `create_marriage_bookings`.
fn unique_operation_ids(doc: &mut OpenApi) {
    let mut seen = std::collections::BTreeMap::<String, usize>::new();
    for item in doc.paths.paths.values() {
        for op in [&item.get, &item.put, &item.post, &item.delete, &item.patch].into_iter().flatten() {
            if let Some(id) = &op.operation_id {
                *seen.entry(id.clone()).or_default() += 1;
            }
        }
    }
    for (path, item) in doc.paths.paths.iter_mut() {
        let words: Vec<String> = path
            .trim_start_matches("/api/v1/")
            .split('/')
            .filter(|segment| !segment.starts_with('{'))
            .map(|segment| segment.replace(|c: char| !c.is_ascii_alphanumeric(), "_"))
            .collect();
        let ops = [&mut item.get, &mut item.put, &mut item.post, &mut item.delete, &mut item.patch];
        for op in ops.into_iter().flatten() {
            let Some(id) = op.operation_id.clone() else { continue };
            if seen.get(&id).copied().unwrap_or(0) > 1 {
                op.operation_id = Some(format!("{id}_{}", words.join("_")));
            }
        }
    }
}

/// Which statuses an operation gets from the layers around its handler, with why.
pub fn common_statuses(operation: &Operation, write: bool, staff: bool) -> Vec<(&'static str, &'static str)> {
    let body_types: Vec<&str> = operation
        .request_body
        .as_ref()
        .map(|body| body.content.keys().map(String::as_str).collect())
        .unwrap_or_default();
    let json_body = body_types.contains(&"application/json");
    let has = |kind: ParameterIn| {
        operation
            .parameters
            .iter()
            .flatten()
            .any(|p| std::mem::discriminant(&p.parameter_in) == std::mem::discriminant(&kind))
    };
    let mut statuses = Vec::new();
    if json_body || has(ParameterIn::Query) {
        statuses.push(("400", "The body is not JSON of the request's shape, or the query string is unreadable"));
    }
    if staff {
        statuses.push(("401", "Staff only: no staff session, or an ended one"));
    }
    if write {
        statuses.push(("403", "A write from another site (not the app's own origin)"));
    }
    if staff || has(ParameterIn::Path) {
        statuses.push(("404", "No such thing, or not the caller's"));
    }
    statuses.push(("405", "This path does not take that method; the Allow header lists those it takes"));
    statuses.push(("408", "The request took longer than the server allows"));
    if !body_types.is_empty() {
        statuses.push(("413", "The request body is larger than the server accepts"));
    }
    if json_body {
        statuses.push(("415", "The body is not declared as JSON (Content-Type: application/json)"));
        statuses.push(("422", "A field is invalid; `fields` says which and why"));
    }
    if write {
        statuses.push(("429", "Too many requests of this kind; Retry-After says when to come back"));
    }
    statuses.push(("503", "The server is at capacity or its database is busy; Retry-After says when to retry"));
    statuses
}

fn add_common(operation: &mut Operation, write: bool, staff: bool) {
    for (status, description) in common_statuses(operation, write, staff) {
        if !operation.responses.responses.contains_key(status) {
            operation.responses.responses.insert(status.to_string(), RefOr::T(error_response(status, description)));
        }
    }
}

/// The `Idempotency-Key` header, wherever a handler names it, is what `crate::idempotency` reads:
/// required, its length and characters from the constants the check uses.
fn constrain_idempotency_key(operation: &mut Operation) {
    use crate::idempotency::{HEADER, KEY_MAX_LEN, KEY_MIN_LEN, KEY_PATTERN};
    for parameter in operation.parameters.iter_mut().flatten() {
        if matches!(parameter.parameter_in, ParameterIn::Header) && parameter.name.eq_ignore_ascii_case(HEADER) {
            parameter.required = Required::True;
            let schema = ObjectBuilder::new()
                .schema_type(Type::String)
                .min_length(Some(KEY_MIN_LEN))
                .max_length(Some(KEY_MAX_LEN))
                .pattern(Some(KEY_PATTERN));
            parameter.schema = Some(RefOr::T(schema.into()));
        }
    }
}

/// A raw upload body (`application/octet-stream`, read as bytes by `crate::uploads`) is a binary
/// string, not the array of integers `Vec<u8>` would otherwise be documented as.
fn raw_bodies_are_bytes(operation: &mut Operation) {
    let Some(body) = operation.request_body.as_mut() else { return };
    if let Some(content) = body.content.get_mut("application/octet-stream") {
        let binary = ObjectBuilder::new()
            .schema_type(Type::String)
            .format(Some(utoipa::openapi::SchemaFormat::KnownFormat(utoipa::openapi::KnownFormat::Binary)));
        content.schema = Some(RefOr::T(binary.into()));
    }
}

/// An answer in the contract's error shape (`ApiError`), with the header its status carries.
fn error_response(status: &str, description: &str) -> Response {
    let content = ContentBuilder::new().schema(Some(Ref::from_schema_name("ApiError"))).build();
    let mut response = ResponseBuilder::new().description(description).content("application/json", content);
    let header = |text: &str| {
        HeaderBuilder::new().schema(ObjectBuilder::new().schema_type(Type::String)).description(Some(text)).build()
    };
    match status {
        "405" => response = response.header("Allow", header("The methods this path takes")),
        "429" | "503" => response = response.header("Retry-After", header("Seconds to wait before retrying")),
        _ => {}
    }
    response.build()
}
