//! The `Staff` extractor (the journeys' admin routes use it): a router of the test's own,
//! served on a loopback port with the test server's state. No token configured: 404 as if the
//! route did not exist; a missing or wrong token: 401; the right bearer token: in.

use crate::both_engines;
use crate::common::{expect_error, TestServer};
use axum::routing::post;
use axum::Router;
use baoan_server::admin::Staff;
use baoan_server::config::Config;
use baoan_server::state::AppState;
use reqwest::header::AUTHORIZATION;
use reqwest::StatusCode;
use std::sync::Arc;

/// Serves one staff-only route with `state`; returns its URL.
async fn staff_route(state: AppState) -> String {
    let app = Router::new().route("/admin/advance", post(|_: Staff| async { "advanced" })).with_state(state);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let url = format!("http://{}/admin/advance", listener.local_addr().unwrap());
    tokio::spawn(async move { axum::serve(listener, app).await });
    url
}

fn with_token(server: &TestServer, token: Option<&str>) -> AppState {
    let config = Config { admin_token: token.map(Into::into), ..(*server.state.config).clone() };
    AppState { config: Arc::new(config), ..server.state.clone() }
}

async fn call(url: &str, authorization: Option<&str>) -> reqwest::Response {
    // The app's own origin, so only the token decides (cross-site writes are refused first).
    let origin = reqwest::Url::parse(url).unwrap().origin().ascii_serialization();
    let mut request = reqwest::Client::new().post(url).header(reqwest::header::ORIGIN, origin);
    if let Some(value) = authorization {
        request = request.header(AUTHORIZATION, value);
    }
    request.send().await.unwrap()
}

async fn only_the_configured_bearer_token_gets_in(server: TestServer) {
    let token = "s3cret-staff-token-0123456789";
    let url = staff_route(with_token(&server, Some(token))).await;

    let r = call(&url, Some(&format!("Bearer {token}"))).await;
    assert_eq!(r.status(), StatusCode::OK);
    assert_eq!(r.text().await.unwrap(), "advanced");

    let wrong = [
        None,
        Some(String::new()),
        Some("Bearer ".to_string()),
        Some("Bearer wrong-token".to_string()),
        Some(format!("Bearer {}", &token[..token.len() - 1])), // a prefix
        Some(format!("Bearer {token}x")),                      // longer
        Some(token.to_string()),                               // no scheme
        Some(format!("Basic {token}")),
        Some(format!("Bearer  {token}")),
    ];
    for authorization in wrong {
        let r = call(&url, authorization.as_deref()).await;
        expect_error(r, StatusCode::UNAUTHORIZED, "unauthorized").await;
    }
}
both_engines!(only_the_configured_bearer_token_gets_in);

async fn without_a_token_the_admin_api_does_not_exist(server: TestServer) {
    for configured in [None, Some("")] {
        let url = staff_route(with_token(&server, configured)).await;
        for authorization in [None, Some("Bearer "), Some("Bearer test-admin-token"), Some("Bearer anything")] {
            let r = call(&url, authorization).await;
            expect_error(r, StatusCode::NOT_FOUND, "not_found").await;
        }
    }
    // The test server's own configuration has a token: its state lets staff in.
    let token = server.state.config.admin_token.clone().expect("the harness configures a token");
    let url = staff_route(server.state.clone()).await;
    assert_eq!(call(&url, Some(&format!("Bearer {}", token.expose()))).await.status(), StatusCode::OK);
}
both_engines!(without_a_token_the_admin_api_does_not_exist);
