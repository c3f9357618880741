//! `/api/v1/me/identity*`: the verification status, the platform's round trip, and (demo mode
//! only, undocumented like the SMS outbox) the development verifier.

use super::{oidc, record, verification, Verified};
use crate::auth::routes::{load_account, load_me};
use crate::auth::Resident;
use crate::error::{AppError, AppResult, JsonBody};
use crate::state::AppState;
use axum::extract::State;
use axum::Json;
use baoan_contract::api::{
    safe_return_to, FinishVerification, IdentityStatus, IdentityVerifier, StartVerification, StartVerificationResponse,
    VerificationDone,
};
use baoan_contract::error::{ApiError, FieldError};
use baoan_contract::rules::documents::IdType;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Verified identity, relative to /api/v1 (each route declared by its handler).
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::default().routes(routes!(status)).routes(routes!(start)).routes(routes!(finish))
}

/// The resident's verification, whether this server requires one (for assistance and marriage)
/// and which verifiers it offers.
#[utoipa::path(get, path = "/me/identity", tag = "profile",
    responses((status = 200, body = IdentityStatus), (status = 401, body = ApiError)))]
pub async fn status(State(state): State<AppState>, resident: Resident) -> AppResult<Json<IdentityStatus>> {
    Ok(Json(IdentityStatus {
        verification: verification(&state, &resident.user_id).await?,
        required: state.config.identity_required(),
        provincial: oidc::settings(&state).is_ok(),
        development: state.config.demo,
    }))
}

/// Leave for the province's identity platform: answers the URL to send the browser to. The
/// attempt belongs to this session's account and lasts ten minutes.
#[utoipa::path(post, path = "/me/identity/provincial", tag = "profile", request_body = StartVerification,
    responses((status = 200, body = StartVerificationResponse), (status = 401, body = ApiError),
              (status = 403, body = ApiError, description = "identity_verification_failed: the platform could not be reached"),
              (status = 404, body = ApiError, description = "No identity platform is configured (a demo)")))]
pub async fn start(
    State(state): State<AppState>,
    resident: Resident,
    JsonBody(req): JsonBody<StartVerification>,
) -> AppResult<Json<StartVerificationResponse>> {
    crate::limits::enforce(&state, &crate::limits::IDENTITY_VERIFICATIONS, &resident.user_id).await?;
    let authorize_url = oidc::start(&state, &resident.user_id, &req.return_to).await?;
    Ok(Json(StartVerificationResponse { authorize_url }))
}

/// Back from the platform: the `code` and `state` its redirect carried. The verified name and ID
/// number replace the profile's and are locked.
#[utoipa::path(post, path = "/me/identity/provincial/callback", tag = "profile", request_body = FinishVerification,
    responses((status = 200, body = VerificationDone), (status = 401, body = ApiError),
              (status = 403, body = ApiError, description = "identity_verification_failed: unknown, used, expired or \
                  another account's state, or an ID token that failed its checks"),
              (status = 409, body = ApiError, description = "identity_verified_elsewhere: this ID number is verified on \
                  another account; sign in with that account's phone number"),
              (status = 404, body = ApiError, description = "No identity platform is configured (a demo)")))]
pub async fn finish(
    State(state): State<AppState>,
    resident: Resident,
    JsonBody(req): JsonBody<FinishVerification>,
) -> AppResult<Json<VerificationDone>> {
    let return_to = oidc::finish(&state, &resident.user_id, &req.code, &req.state).await?;
    Ok(Json(VerificationDone { me: load_me(&state, &resident.user_id).await?, return_to }))
}

/// Demo mode only: the development verifier vouches for the name and document the resident typed
/// into their profile (a mainland resident ID, as the platform would give), and locks them.
pub async fn development(
    State(state): State<AppState>,
    resident: Resident,
    JsonBody(req): JsonBody<StartVerification>,
) -> AppResult<Json<VerificationDone>> {
    if !state.config.demo {
        return Err(AppError::not_found());
    }
    let (_, profile) = load_account(&state, &resident.user_id).await?;
    let Some(profile) = profile.filter(|p| p.id_type == IdType::ResidentId) else {
        return Err(AppError::field("id_number", FieldError::Required));
    };
    let verified = Verified {
        verifier: IdentityVerifier::Development,
        name: &profile.name,
        id_number: &profile.id_number,
        issuer: None,
        subject: None,
    };
    record(&state, &resident.user_id, verified).await?;
    let me = load_me(&state, &resident.user_id).await?;
    Ok(Json(VerificationDone { me, return_to: safe_return_to(&req.return_to) }))
}
