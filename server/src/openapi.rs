//! The OpenAPI document's own parts: title, description, tags, the staff token's security
//! scheme. The paths and their schemas come from the router (`crate::app::api_routes`), where each
//! route is declared once by its handler's `#[utoipa::path]`; `document` puts the two together.
//! It is served at /api/v1/openapi.json and committed as openapi.json; a test fails when they differ.

use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(title = "宝安民政 · 便民服务 API", version = "1.0.0",
         description = "The contract between the resident app and the Bao'an civil-affairs backend. \
                        Every failure is an ApiError. Sessions are an HttpOnly cookie set by POST /api/v1/auth/session."),
    tags((name = "meta", description = "Service facts and reference data"),
         (name = "auth", description = "Sign-in by SMS code; sessions"),
         (name = "profile", description = "The resident's own details"),
         (name = "messages", description = "消息: the message centre"),
         (name = "uploads", description = "Files residents upload (JPEG, PNG, PDF; 10 MB)"),
         (name = "marriage", description = "婚姻登记预约: registry offices, slots and bookings"),
         (name = "staff", description = "Staff accounts, sign-in (password and authenticator code), reviews and the audit trail")),
)]
pub struct ApiDoc;

/// The whole document: this module's parts, then the paths (relative to `prefix`, as the router
/// collected them from the handlers) under `prefix`, then the staff token on every staff path.
pub fn document(prefix: &str, paths: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    let mut doc = ApiDoc::openapi().nest(prefix, paths);
    mark_staff_operations(&mut doc);
    mark_staff_session_operations(&mut doc);
    utoipa::Modify::modify(&crate::openapi_common::CommonResponses, &mut doc);
    doc
}

/// The name of the staff token's security scheme in the document.
pub const STAFF_SCHEME: &str = "staff_token";

/// Whether a documented path is a staff one: it has an `admin` segment, as every staff route
/// does whichever journey adds it (`/api/v1/admin/…`, `/api/v1/<journey>/admin/…`). Those are
/// the routes whose handlers take `crate::admin::Staff`.
pub fn is_staff_path(path: &str) -> bool {
    path.split('/').any(|segment| segment == "admin")
}

/// Declares the staff bearer token (`Authorization: Bearer <--admin-token>`, see `crate::admin`)
/// and requires it on every operation of every staff path, so one rule covers the endpoints
/// each journey adds later without each handler having to say so.
fn mark_staff_operations(doc: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::security::{HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme};
    let scheme = HttpBuilder::new()
        .scheme(HttpAuthScheme::Bearer)
        .description(Some(
            "Staff only: the token the server was started with (--admin-token / BAOAN_ADMIN_TOKEN), sent as \
             `Authorization: Bearer <token>`. Without a configured token every staff endpoint answers 404.",
        ))
        .build();
    doc.components.get_or_insert_with(Default::default).add_security_scheme(STAFF_SCHEME, SecurityScheme::Http(scheme));
    for (path, item) in doc.paths.paths.iter_mut() {
        if !is_staff_path(path) {
            continue;
        }
        let operations = [
            &mut item.get,
            &mut item.put,
            &mut item.post,
            &mut item.delete,
            &mut item.options,
            &mut item.head,
            &mut item.patch,
            &mut item.trace,
        ];
        for operation in operations.into_iter().flatten() {
            operation.security = Some(vec![SecurityRequirement::new::<_, [&str; 0], &str>(STAFF_SCHEME, [])]);
        }
    }
}

/// The name of the staff session's security scheme: the `baoan_staff` cookie (`__Host-` prefixed
/// in production) set by `POST /api/v1/staff/session`.
pub const STAFF_SESSION_SCHEME: &str = "staff_session";

/// Declares the staff session cookie and requires it on every operation under `/staff/` but the
/// sign-in itself; creating an account also takes the bootstrap token (district admins only).
fn mark_staff_session_operations(doc: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::security::{ApiKey, ApiKeyValue, SecurityRequirement, SecurityScheme};
    let scheme = ApiKey::Cookie(ApiKeyValue::with_description(
        "baoan_staff",
        "A staff member's session (password and authenticator code at POST /api/v1/staff/session); \
         `__Host-baoan_staff` in production. Never a resident's session.",
    ));
    doc.components
        .get_or_insert_with(Default::default)
        .add_security_scheme(STAFF_SESSION_SCHEME, SecurityScheme::ApiKey(scheme));
    let session = || SecurityRequirement::new::<_, [&str; 0], &str>(STAFF_SESSION_SCHEME, []);
    for (path, item) in doc.paths.paths.iter_mut() {
        if !path.split('/').any(|segment| segment == "staff") {
            continue;
        }
        let sign_in = path.ends_with("/staff/session");
        let methods =
            [("get", &mut item.get), ("put", &mut item.put), ("post", &mut item.post), ("delete", &mut item.delete)];
        for (method, operation) in methods {
            let Some(operation) = operation.as_mut() else { continue };
            if sign_in && method == "post" {
                continue;
            }
            let mut requirements = vec![session()];
            if path.ends_with("/staff/accounts") && method == "post" {
                requirements.push(SecurityRequirement::new::<_, [&str; 0], &str>(STAFF_SCHEME, []));
            }
            operation.security = Some(requirements);
        }
    }
}

/// The document the server serves, as the `openapi` command prints it.
pub fn document_json() -> String {
    crate::app::document().to_pretty_json().expect("OpenAPI document serialises")
}
