//! The assistance journey's endpoints, one function each: the only place its API paths are
//! named. Arguments are owned, so a call is the whole body of a resource or a submit. Files go
//! up through `shared::upload` first; `add_document` then attaches the upload to an application.

use crate::shared::api::{self, ClientError};
use baoan_contract::api::Street;
use baoan_contract::assistance::{
    AddDocument, ApplicationForm, ApplicationSummary, ApplicationView, Community, Draft, Standards,
};

/// The standards (amounts, ages, thresholds) the eligibility rules read.
pub async fn standards() -> Result<Standards, ClientError> {
    api::get("/assistance/standards").await
}

/// Bao'an's streets (the address's first line), served for every journey.
pub async fn streets() -> Result<Vec<Street>, ClientError> {
    api::get("/streets").await
}

pub async fn communities() -> Result<Vec<Community>, ClientError> {
    api::get("/assistance/communities").await
}

/// The resident's draft as the server keeps it (404 when there is none).
pub async fn draft() -> Result<Draft, ClientError> {
    api::get("/assistance/draft").await
}

/// Saves the draft's JSON text, replacing the server's copy.
pub async fn save_draft(content: String) -> Result<Draft, ClientError> {
    api::put("/assistance/draft", &Draft { content, updated_at: 0 }).await
}

pub async fn forget_draft() -> Result<(), ClientError> {
    api::delete("/assistance/draft").await
}

/// 我的申请: the resident's applications, newest first.
pub async fn applications() -> Result<Vec<ApplicationSummary>, ClientError> {
    api::get("/assistance/applications").await
}

pub async fn application(reference: String) -> Result<ApplicationView, ClientError> {
    api::get(&format!("/assistance/applications/{reference}")).await
}

/// Submits an application; must happen once (`key`).
pub async fn submit(form: ApplicationForm, key: String) -> Result<ApplicationView, ClientError> {
    api::post_once("/assistance/applications", &form, &key).await
}

/// Attaches an upload to a submitted application (容缺 or 补正).
pub async fn add_document(reference: String, doc: AddDocument) -> Result<ApplicationView, ClientError> {
    api::post(&format!("/assistance/applications/{reference}/documents"), &doc).await
}

pub async fn withdraw(reference: String) -> Result<ApplicationView, ClientError> {
    api::post(&format!("/assistance/applications/{reference}/withdraw"), &()).await
}
