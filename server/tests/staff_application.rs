//! A reviewer opens one application at their step and place (household, documents, timeline), over
//! real HTTP on SQLite and PostgreSQL: the step's own role at the application's own community sees
//! it; another community's reviewer, another step's role and a signed-out browser do not. An action
//! the contract does not offer at the application's state is refused with 409.

mod assistance_common;
mod common;
mod staff_common;

use assistance_common::*;
use common::TestServer;
use reqwest::StatusCode;
use serde_json::{json, Value};
use staff_common::*;

async fn open(server: &TestServer, client: &reqwest::Client, reference: &str) -> reqwest::Response {
    client.get(server.url(&format!("/api/v1/staff/assistance/applications/{reference}"))).send().await.unwrap()
}

async fn act(server: &TestServer, client: &reqwest::Client, reference: &str, body: Value) -> StatusCode {
    let url = server.url(&format!("/api/v1/staff/assistance/applications/{reference}/review"));
    client.post(url).json(&body).send().await.unwrap().status()
}

async fn the_reviewer_opens_an_application_at_their_step_only(server: TestServer) {
    let resident = server.client();
    let app = submitted(&server, &resident, "13900000731").await;
    let reference = app["reference"].as_str().unwrap();
    let admin = admin(&server).await;
    let community = member(&server, &admin, "haiyu", "community_reviewer", Some("xinan-haiyu")).await;
    let other_community = member(&server, &admin, "baomin", "community_reviewer", Some("xinan-baomin")).await;
    let street = member(&server, &admin, "xinan", "street_reviewer", Some("xinan")).await;

    let r = open(&server, &community, reference).await;
    assert_eq!(r.status(), StatusCode::OK);
    let view: Value = r.json().await.unwrap();
    assert_eq!(view["reference"], reference);
    assert_eq!(view["stage"], "community_acceptance");
    assert_eq!(view["form"]["applicant"]["community"], "xinan-haiyu");
    assert!(!view["form"]["members"].as_array().unwrap().is_empty(), "the household");
    assert!(!view["documents"].as_array().unwrap().is_empty(), "the documents");
    assert_eq!(view["timeline"].as_array().unwrap().len(), 6);
    for (who, client) in [("another community", &other_community), ("the street, before its step", &street), ("the admin", &admin)] {
        assert_eq!(open(&server, client, reference).await.status(), StatusCode::NOT_FOUND, "{who}");
    }
    assert_eq!(open(&server, &server.plain_client(), reference).await.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(open(&server, &community, "SA-00000000-0000").await.status(), StatusCode::NOT_FOUND);

    // At community acceptance, approving is not an action of this step: 409, nothing changes.
    assert_eq!(act(&server, &community, reference, json!({ "action": "approve" })).await, StatusCode::CONFLICT);
    // 补正: waiting for documents, the application cannot advance until they come.
    let ask = json!({ "action": "request_documents", "kinds": ["income_proof"], "reason": "请补充收入证明" });
    assert_eq!(act(&server, &community, reference, ask).await, StatusCode::OK);
    assert_eq!(act(&server, &community, reference, json!({ "action": "advance" })).await, StatusCode::CONFLICT);
    // A refusal needs a reason; with one it is decided, and nothing more can be done to it.
    assert_eq!(act(&server, &community, reference, json!({ "action": "refuse" })).await, StatusCode::UNPROCESSABLE_ENTITY);
    let refuse = json!({ "action": "refuse", "reason": "收入超过标准" });
    assert_eq!(act(&server, &community, reference, refuse.clone()).await, StatusCode::OK);
    assert_eq!(act(&server, &community, reference, refuse).await, StatusCode::CONFLICT);
    let view: Value = open(&server, &community, reference).await.json().await.unwrap();
    assert_eq!(view["state"], "refused");
    assert_eq!(view["decision_reason"], "收入超过标准");
}
both_engines!(the_reviewer_opens_an_application_at_their_step_only);
