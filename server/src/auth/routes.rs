//! `/api/v1/auth/*` and `/api/v1/me`.

use super::client_ip::ClientIp;
use super::session::{self, set_cookie_headers, Resident};
use super::{codes, device};
use crate::db::new_id;
use crate::error::{AppError, AppResult, JsonBody};
use crate::state::AppState;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::IntoResponse;
use axum::Json;
use baoan_contract::api::{
    IdentityVerification, IdentityVerifier, Me, Profile, SendCodeRequest, SendCodeResponse, SignInRequest,
    SMS_CODE_TTL_SECONDS, SMS_RESEND_AFTER_SECONDS,
};
use baoan_contract::error::ApiError;
use baoan_contract::mask::{mask_id_number, mask_phone};
use baoan_contract::rules::documents::IdType;
use utoipa_axum::router::OpenApiRouter;
use utoipa_axum::routes;

/// Sign-in and sessions, relative to /api/v1 (each route declared by its handler).
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::default()
        .routes(routes!(send_code))
        .routes(routes!(sign_in, sign_out))
        .routes(routes!(sign_out_everywhere))
        .routes(routes!(me))
}

/// Send a one-time sign-in code by SMS. The code belongs to the device that asked: the answer
/// sets the HttpOnly device cookie (if the client had none), which must come with the code.
#[utoipa::path(post, path = "/auth/sms-code", tag = "auth", request_body = SendCodeRequest,
    responses((status = 200, body = SendCodeResponse, description = "Sent; Set-Cookie carries the device cookie"),
              (status = 422, body = ApiError),
              (status = 429, body = ApiError, description = "Limited; `retry_after_seconds` says when to retry")))]
pub async fn send_code(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    JsonBody(req): JsonBody<SendCodeRequest>,
) -> AppResult<impl IntoResponse> {
    let phone = req.validate()?;
    let (device, cookie) = device::from_headers_or_new(&headers, &state);
    codes::issue(&state, &phone, &ip, &device).await?;
    tracing::info!(phone = %mask_phone(&phone), "sign-in code issued");
    let body =
        SendCodeResponse { resend_after_seconds: SMS_RESEND_AFTER_SECONDS, expires_in_seconds: SMS_CODE_TTL_SECONDS };
    Ok((set_cookie_headers(cookie), Json(body)))
}

/// Sign in with the phone number and the code; sets the session cookie.
#[utoipa::path(post, path = "/auth/session", tag = "auth", request_body = SignInRequest,
    responses((status = 200, body = Me, description = "Signed in; Set-Cookie carries the session"),
              (status = 422, body = ApiError),
              (status = 429, body = ApiError, description = "Too many guesses from this client or on this number")))]
pub async fn sign_in(
    State(state): State<AppState>,
    ClientIp(ip): ClientIp,
    headers: HeaderMap,
    JsonBody(req): JsonBody<SignInRequest>,
) -> AppResult<impl IntoResponse> {
    let (phone, code) = req.validate()?;
    let device = device::from_headers(&headers, &state);
    codes::verify(&state, &phone, &code, device.as_ref(), &ip).await?;
    let user_id = find_or_create_user(&state, &phone).await?;
    if let Some(device) = &device {
        device::remember(&state, device, &phone).await?;
    }
    let cookie = session::start(&state, &user_id).await?;
    tracing::info!(phone = %mask_phone(&phone), "signed in");
    let me = load_me(&state, &user_id).await?;
    Ok((set_cookie_headers(cookie), Json(me)))
}

/// Sign out: the session ends on the server and the cookie is cleared.
#[utoipa::path(delete, path = "/auth/session", tag = "auth",
    responses((status = 204), (status = 401, body = ApiError)))]
pub async fn sign_out(State(state): State<AppState>, resident: Resident) -> AppResult<impl IntoResponse> {
    let cookie = session::end(&state, &resident).await?;
    Ok((StatusCode::NO_CONTENT, set_cookie_headers(cookie)))
}

/// Sign out on all devices: every session of the resident ends; this device's cookie is cleared.
#[utoipa::path(delete, path = "/me/sessions", tag = "auth",
    responses((status = 204), (status = 401, body = ApiError)))]
pub async fn sign_out_everywhere(State(state): State<AppState>, resident: Resident) -> AppResult<impl IntoResponse> {
    let cookie = session::end_all(&state, &resident).await?;
    tracing::info!("signed out on all devices");
    Ok((StatusCode::NO_CONTENT, set_cookie_headers(cookie)))
}

/// The signed-in resident.
#[utoipa::path(get, path = "/me", tag = "auth",
    responses((status = 200, body = Me), (status = 401, body = ApiError)))]
pub async fn me(State(state): State<AppState>, resident: Resident) -> AppResult<Json<Me>> {
    Ok(Json(load_me(&state, &resident.user_id).await?))
}

async fn find_or_create_user(state: &AppState, phone: &str) -> AppResult<String> {
    let existing: Option<(String,)> =
        sqlx::query_as("SELECT id FROM users WHERE phone = $1").bind(phone).fetch_optional(&state.db.pool).await?;
    if let Some((id,)) = existing {
        return Ok(id);
    }
    let id = new_id();
    // Two first sign-ins racing for one number: the UNIQUE constraint lets one insert win.
    let inserted = sqlx::query("INSERT INTO users (id, phone, created_at) VALUES ($1, $2, $3)")
        .bind(&id)
        .bind(phone)
        .bind(state.clock.now())
        .execute(&state.db.pool)
        .await;
    if inserted.is_ok() {
        return Ok(id);
    }
    let (id,): (String,) =
        sqlx::query_as("SELECT id FROM users WHERE phone = $1").bind(phone).fetch_one(&state.db.pool).await?;
    Ok(id)
}

/// A resident's phone and profile identity (name and document), if they have one: what `/me`
/// and every journey acting for the resident (e.g. marriage's party A) read.
pub async fn load_account(state: &AppState, user_id: &str) -> AppResult<(String, Option<Profile>)> {
    /// A resident's phone and profile identity columns.
    #[derive(sqlx::FromRow)]
    struct AccountRow {
        phone: String,
        name: Option<String>,
        id_type: Option<String>,
        id_number: Option<String>,
        identity_verified_by: Option<String>,
        identity_verified_at: Option<i64>,
    }
    let row = sqlx::query_as::<_, AccountRow>(
        "SELECT phone, name, id_type, id_number, identity_verified_by, identity_verified_at FROM users WHERE id = $1",
    )
    .bind(user_id)
    .fetch_optional(&state.db.pool)
    .await?;
    let AccountRow { phone, name, id_type, id_number, identity_verified_by, identity_verified_at } =
        row.ok_or_else(AppError::unauthorized)?;
    let verification =
        match (identity_verified_by.as_deref().and_then(IdentityVerifier::from_code), identity_verified_at) {
            (Some(verifier), Some(verified_at)) => Some(IdentityVerification { verifier, verified_at }),
            _ => None,
        };
    let profile = match (name, id_type.as_deref().and_then(IdType::from_code), id_number) {
        (Some(name), Some(id_type), Some(id_number)) => {
            Some(Profile { name, id_type, id_number_masked: mask_id_number(&id_number), id_number, verification })
        }
        _ => None,
    };
    Ok((phone, profile))
}

pub async fn load_me(state: &AppState, user_id: &str) -> AppResult<Me> {
    let (phone, profile) = load_account(state, user_id).await?;
    Ok(Me { user_id: user_id.to_string(), phone_masked: mask_phone(&phone), profile })
}
