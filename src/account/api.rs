//! The account's endpoints (signing in, the resident's profile, messages, sessions, their data)
//! and the service's status, one function each: the only place these API paths are named.

use crate::shared::api::{self, ClientError, Empty};
use baoan_contract::api::{
    DeleteAccount, DeletionPlan, Me, MessageList, MetaResponse, ProfileUpdate, SendCodeRequest, SendCodeResponse,
    SignInRequest,
};

/// The service's status: demo or production, the SMS stand-in.
pub async fn meta() -> Result<MetaResponse, ClientError> {
    api::get("/meta").await
}

pub async fn send_code(req: SendCodeRequest) -> Result<SendCodeResponse, ClientError> {
    api::post("/auth/sms-code", &req).await
}

pub async fn sign_in(req: SignInRequest) -> Result<Me, ClientError> {
    api::post("/auth/session", &req).await
}

/// Signs out here, or (`everywhere`) on every device.
pub async fn sign_out(everywhere: bool) -> Result<(), ClientError> {
    api::delete(if everywhere { "/me/sessions" } else { "/auth/session" }).await
}

pub async fn me() -> Result<Me, ClientError> {
    api::get("/me").await
}

pub async fn save_profile(req: ProfileUpdate) -> Result<Me, ClientError> {
    api::put("/me/profile", &req).await
}

pub async fn messages() -> Result<MessageList, ClientError> {
    api::get("/me/messages").await
}

pub async fn mark_read(id: String) -> Result<(), ClientError> {
    api::post::<_, Empty>(&format!("/me/messages/{id}/read"), &()).await.map(|_| ())
}

/// What deleting the account would remove and what the law makes the bureau keep.
pub async fn deletion_plan() -> Result<DeletionPlan, ClientError> {
    api::get("/me/deletion").await
}

/// Everything the service holds on the resident, as a file the browser downloads (a link).
pub fn export_url() -> String {
    api::api_url("/me/export")
}

pub async fn delete_account() -> Result<DeletionPlan, ClientError> {
    api::delete_json("/me", &DeleteAccount { confirm: true }).await
}
