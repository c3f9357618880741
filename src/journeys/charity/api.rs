//! The charity journey's endpoints, one function each: the only place its API paths are named.
//! Arguments are owned, so a call is the whole body of a resource or a submit. Ids from the
//! address bar are encoded here, so a stray character cannot reach another path.

use crate::shared::api::{self, ClientError};
use baoan_contract::charity::{
    photo_path, DistrictTotals, FundDetail, FundList, GiftOrder, GiftRequest, Pledge, ProjectDetail, ProjectFilters,
    ProjectList, SandboxPayment,
};

fn encode(id: &str) -> String {
    js_sys::encode_uri_component(id).into()
}

/// One page of projects; `query` is the list's query string with its `?` (or empty).
pub async fn projects(query: String) -> Result<ProjectList, ClientError> {
    api::get(&format!("/charity/projects{query}")).await
}

/// The choices the project list's filters offer (organisers, funds).
pub async fn filters() -> Result<ProjectFilters, ClientError> {
    api::get("/charity/filters").await
}

pub async fn project(id: String) -> Result<ProjectDetail, ClientError> {
    api::get(&format!("/charity/projects/{}", encode(&id))).await
}

/// A project photo's address: the browser loads it as an image, not as a request.
pub fn photo_url(id: &str) -> String {
    api::api_url(&photo_path(id))
}

/// One page of the fund directory; `query` is its query string with its `?` (or empty).
pub async fn funds(query: String) -> Result<FundList, ClientError> {
    api::get(&format!("/charity/funds{query}")).await
}

pub async fn fund(id: String) -> Result<FundDetail, ClientError> {
    api::get(&format!("/charity/funds/{}", encode(&id))).await
}

pub async fn district() -> Result<DistrictTotals, ClientError> {
    api::get("/charity/district").await
}

/// Makes a gift order; must happen once (`key`).
pub async fn give(req: GiftRequest, key: String) -> Result<GiftOrder, ClientError> {
    api::post_once("/charity/gifts", &req, &key).await
}

pub async fn gift(id: String) -> Result<GiftOrder, ClientError> {
    api::get(&format!("/charity/gifts/{}", encode(&id))).await
}

/// Pays an order in the sandbox (the server confirms an order once, so a repeat is harmless).
pub async fn sandbox_pay(id: String, payment: SandboxPayment) -> Result<GiftOrder, ClientError> {
    api::post(&format!("/charity/gifts/{}/sandbox-pay", encode(&id)), &payment).await
}

/// The resident's gifts (我的捐赠).
pub async fn my_gifts() -> Result<Vec<GiftOrder>, ClientError> {
    api::get("/me/charity/gifts").await
}

/// The resident's monthly pledges.
pub async fn my_pledges() -> Result<Vec<Pledge>, ClientError> {
    api::get("/me/charity/pledges").await
}

/// Stops a monthly pledge (cancelling twice changes nothing).
pub async fn cancel_pledge(id: String) -> Result<Pledge, ClientError> {
    api::post(&format!("/me/charity/pledges/{}/cancel", encode(&id)), &()).await
}
