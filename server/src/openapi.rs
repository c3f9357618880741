//! The OpenAPI document's own parts: title, description, tags, the staff security schemes (the
//! staff session, and the bootstrap token that only creates district admins). The paths and
//! their schemas come from the router (`crate::app::api_routes`), where each route is declared
//! once by its handler's `#[utoipa::path]`; `document` puts the two together.
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
/// collected them from the handlers) under `prefix`, then the staff security requirements.
pub fn document(prefix: &str, paths: utoipa::openapi::OpenApi) -> utoipa::openapi::OpenApi {
    let mut doc = ApiDoc::openapi().nest(prefix, paths);
    mark_staff_operations(&mut doc);
    utoipa::Modify::modify(&crate::openapi_common::CommonResponses, &mut doc);
    doc
}

/// The name of the bootstrap token's security scheme in the document.
pub const STAFF_SCHEME: &str = "staff_token";

/// The name of the staff session's security scheme: the `baoan_staff` cookie (`__Host-` prefixed
/// in production) set by `POST /api/v1/staff/session`.
pub const STAFF_SESSION_SCHEME: &str = "staff_session";

/// Whether a documented path is a staff one (`/api/v1/staff/…`): every staff route is there,
/// whichever journey adds it.
pub fn is_staff_path(path: &str) -> bool {
    path.split('/').any(|segment| segment == "staff")
}

/// Whether an operation needs a staff member's session: every staff one but the sign-in itself.
pub fn needs_staff_session(path: &str, method: &str) -> bool {
    is_staff_path(path) && !(path.ends_with("/staff/session") && method.eq_ignore_ascii_case("post"))
}

/// Whether an operation also takes the server's bootstrap token (`crate::admin::Staff`): only
/// creating an account, and then only a district admin's.
pub fn takes_bootstrap_token(path: &str, method: &str) -> bool {
    path.ends_with("/staff/accounts") && method.eq_ignore_ascii_case("post")
}

/// Declares the staff session cookie and the bootstrap bearer token, and requires the session on
/// every staff operation but the sign-in, and the token as the alternative only where the server
/// takes it (creating a district admin), so one rule covers the endpoints each journey adds.
fn mark_staff_operations(doc: &mut utoipa::openapi::OpenApi) {
    use utoipa::openapi::security::{
        ApiKey, ApiKeyValue, HttpAuthScheme, HttpBuilder, SecurityRequirement, SecurityScheme,
    };
    let token = HttpBuilder::new()
        .scheme(HttpAuthScheme::Bearer)
        .description(Some(
            "The token the server was started with (--admin-token / BAOAN_ADMIN_TOKEN), sent as \
             `Authorization: Bearer <token>`: it only creates district admins (POST /api/v1/staff/accounts). \
             Without a configured token it opens nothing.",
        ))
        .build();
    let session = ApiKey::Cookie(ApiKeyValue::with_description(
        "baoan_staff",
        "A staff member's session (password and authenticator code at POST /api/v1/staff/session); \
         `__Host-baoan_staff` in production. Never a resident's session.",
    ));
    let components = doc.components.get_or_insert_with(Default::default);
    components.add_security_scheme(STAFF_SCHEME, SecurityScheme::Http(token));
    components.add_security_scheme(STAFF_SESSION_SCHEME, SecurityScheme::ApiKey(session));
    let requirement = |scheme: &str| SecurityRequirement::new::<_, [&str; 0], &str>(scheme, []);
    for (path, item) in doc.paths.paths.iter_mut() {
        let methods = [
            ("get", &mut item.get),
            ("put", &mut item.put),
            ("post", &mut item.post),
            ("delete", &mut item.delete),
            ("options", &mut item.options),
            ("head", &mut item.head),
            ("patch", &mut item.patch),
            ("trace", &mut item.trace),
        ];
        for (method, operation) in methods {
            let Some(operation) = operation.as_mut() else { continue };
            if !needs_staff_session(path, method) {
                continue;
            }
            let mut requirements = vec![requirement(STAFF_SESSION_SCHEME)];
            if takes_bootstrap_token(path, method) {
                requirements.push(requirement(STAFF_SCHEME));
            }
            operation.security = Some(requirements);
        }
    }
}

/// The document the server serves, as the `openapi` command prints it.
pub fn document_json() -> String {
    crate::app::document().to_pretty_json().expect("OpenAPI document serialises")
}
