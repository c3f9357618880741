//! The account's endpoints (signing in, the resident's profile, messages, sessions, their data)
//! and the service's status, one function each: the only place these API paths are named.

use crate::shared::api::{self, ClientError, Empty};
use baoan_contract::api::{
    DeleteAccount, DeletionPlan, FinishVerification, IdentityStatus, Me, MessageList, MetaResponse, ProfileUpdate,
    SendCodeRequest, SendCodeResponse, SignInRequest, StartVerification, StartVerificationResponse, VerificationDone,
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

/// 实名核验: the resident's verification and the verifiers this server offers.
pub async fn identity() -> Result<IdentityStatus, ClientError> {
    api::get("/me/identity").await
}

/// Leaves for the province's identity platform: the URL to send the browser to.
pub async fn start_verification(return_to: String) -> Result<StartVerificationResponse, ClientError> {
    api::post("/me/identity/provincial", &StartVerification { return_to }).await
}

/// Back from the platform with its `code` and `state`.
pub async fn finish_verification(req: FinishVerification) -> Result<VerificationDone, ClientError> {
    api::post("/me/identity/provincial/callback", &req).await
}

/// Demo only: saves the typed profile, then the development verifier vouches for it.
pub async fn verify_by_development(req: (ProfileUpdate, String)) -> Result<VerificationDone, ClientError> {
    let (profile, return_to) = req;
    save_profile(profile).await?;
    api::post("/dev/verify-identity", &StartVerification { return_to }).await
}
