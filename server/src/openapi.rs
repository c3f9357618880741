//! The OpenAPI document, generated from the handlers' annotations and the contract's types.
//! It is served at /api/v1/openapi.json and committed as openapi.json; a test fails when they differ.

use utoipa::OpenApi;

#[derive(OpenApi)]
#[openapi(
    info(title = "宝安民政 · 便民服务 API", version = "1.0.0",
         description = "The contract between the resident app and the Bao'an civil-affairs backend. \
                        Every failure is an ApiError. Sessions are an HttpOnly cookie set by POST /api/v1/auth/session."),
    paths(
        crate::routes::meta::meta,
        crate::routes::meta::streets,
        crate::auth::routes::send_code,
        crate::auth::routes::sign_in,
        crate::auth::routes::sign_out,
        crate::auth::routes::me,
        crate::routes::profile::update,
        crate::messages::list,
        crate::messages::mark_read,
        crate::uploads::upload,
        crate::uploads::download,
    ),
    tags((name = "meta", description = "Service facts and reference data"),
         (name = "auth", description = "Sign-in by SMS code; sessions"),
         (name = "profile", description = "The resident's own details"),
         (name = "messages", description = "消息: the message centre"),
         (name = "uploads", description = "Files residents upload (JPEG, PNG, PDF; 10 MB)")),
)]
pub struct ApiDoc;

/// The whole document: the shared paths plus each journey's.
pub fn document() -> utoipa::openapi::OpenApi {
    let mut doc = ApiDoc::openapi();
    doc.merge(crate::journeys::assistance::Api::openapi());
    doc.merge(crate::journeys::marriage::Api::openapi());
    doc.merge(crate::journeys::charity::Api::openapi());
    doc.merge(crate::journeys::memorial::Api::openapi());
    doc
}

pub fn document_json() -> String {
    document().to_pretty_json().expect("OpenAPI document serialises")
}
