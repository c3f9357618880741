//! The relying party of the province's unified identity platform (OpenID Connect, authorization
//! code flow with PKCE), built on the `openidconnect` crate, which does discovery, the JWKS and
//! every check of the ID token (signature, issuer, audience, expiry, nonce).
//!
//! The attempt is bound to the browser through the resident's session: `start` keeps a row keyed
//! by the hash of the `state` it sends (with the nonce and the PKCE verifier) for the signed-in
//! account; the platform redirects back to the app's page, which posts `code` and `state` with the
//! same session cookie. `finish` deletes the row before anything else, so a `state` works once,
//! for that account, within ten minutes; a code another browser obtained cannot be used here.
//!
//! Discovery (metadata and signing keys) is fetched for each attempt rather than cached: a
//! handful of verifications a day, and a rotated key is picked up at once.

use super::{failed, record, Verified};
use crate::auth::codes::hex;
use crate::config::OidcSettings;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use baoan_contract::api::{safe_return_to, IdentityVerifier, IDENTITY_LOGIN_TTL_SECONDS};
use baoan_contract::rules::documents::{parse_document_number, IdType};
use baoan_contract::rules::name::parse_person_name;
use base64::Engine;
use openidconnect::core::{CoreClient, CoreProviderMetadata, CoreResponseType};
use openidconnect::{
    reqwest, AuthenticationFlow, AuthorizationCode, ClientId, ClientSecret, CsrfToken, EndpointMaybeSet,
    EndpointNotSet, EndpointSet, IssuerUrl, Nonce, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl, RequestTokenError,
    Scope, TokenResponse,
};
use sha2::{Digest, Sha256};
use std::time::Duration;

/// The client `from_provider_metadata` gives: authorization endpoint set, token endpoint as
/// discovered (checked when used).
type Client =
    CoreClient<EndpointSet, EndpointNotSet, EndpointNotSet, EndpointNotSet, EndpointMaybeSet, EndpointMaybeSet>;

/// The platform's settings, or 404 where it is not configured (a demo without it).
pub fn settings(state: &AppState) -> AppResult<OidcSettings> {
    if state.config.demo && !state.config.oidc.any_given() {
        return Err(AppError::no_such("identity platform"));
    }
    state.config.oidc.settings().map_err(|_| AppError::no_such("identity platform"))
}

/// An HTTP client that never follows redirects (the library's advice: following them would let
/// a discovery document send this server anywhere).
fn http_client() -> AppResult<reqwest::Client> {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .timeout(Duration::from_secs(10))
        .build()
        .map_err(|_| failed("no HTTP client"))
}

async fn discover(settings: &OidcSettings, http: &reqwest::Client) -> AppResult<Client> {
    let issuer = IssuerUrl::new(settings.issuer.clone()).map_err(|_| failed("issuer URL unusable"))?;
    let metadata = CoreProviderMetadata::discover_async(issuer, http).await.map_err(|e| {
        tracing::warn!(error = %e, "identity platform discovery failed");
        failed("discovery failed")
    })?;
    let redirect = RedirectUrl::new(settings.redirect_url.clone()).map_err(|_| failed("redirect URL unusable"))?;
    Ok(CoreClient::from_provider_metadata(
        metadata,
        ClientId::new(settings.client_id.clone()),
        Some(ClientSecret::new(settings.client_secret.expose().to_string())),
    )
    .set_redirect_uri(redirect))
}

fn state_hash(state_param: &str) -> String {
    hex(&Sha256::digest(state_param.as_bytes()))
}

/// Starts a verification for the signed-in resident: the URL of the platform's login page.
pub async fn start(state: &AppState, user_id: &str, return_to: &str) -> AppResult<String> {
    let settings = settings(state)?;
    let http = http_client()?;
    let client = discover(&settings, &http).await?;
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let mut request = client.authorize_url(
        AuthenticationFlow::<CoreResponseType>::AuthorizationCode,
        CsrfToken::new_random,
        Nonce::new_random,
    );
    for scope in &settings.scopes {
        request = request.add_scope(Scope::new(scope.clone()));
    }
    let (url, csrf, nonce) = request.set_pkce_challenge(challenge).url();
    let now = state.clock.now();
    // Attempts never finished are of no use to anyone: cleared as new ones start.
    sqlx::query("DELETE FROM identity_logins WHERE expires_at <= $1").bind(now).execute(&state.db.pool).await?;
    sqlx::query(
        "INSERT INTO identity_logins (state_hash, user_id, nonce, pkce_verifier, return_to, created_at, expires_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7)",
    )
    .bind(state_hash(csrf.secret()))
    .bind(user_id)
    .bind(nonce.secret())
    .bind(verifier.secret())
    .bind(safe_return_to(return_to))
    .bind(now)
    .bind(now + IDENTITY_LOGIN_TTL_SECONDS)
    .execute(&state.db.pool)
    .await?;
    Ok(url.to_string())
}

/// One attempt in progress, as `start` kept it.
#[derive(sqlx::FromRow)]
struct LoginRow {
    user_id: String,
    nonce: String,
    pkce_verifier: String,
    return_to: String,
    expires_at: i64,
}

/// Finishes a verification: the platform's `code` and `state` as the redirect page received
/// them. Locks the verified name and ID number into the resident's profile; returns where the
/// app goes next.
pub async fn finish(state: &AppState, user_id: &str, code: &str, state_param: &str) -> AppResult<String> {
    let settings = settings(state)?;
    // Single use: the row goes before anything is checked, so no outcome leaves it replayable.
    let row = sqlx::query_as::<_, LoginRow>(
        "DELETE FROM identity_logins WHERE state_hash = $1 \
         RETURNING user_id, nonce, pkce_verifier, return_to, expires_at",
    )
    .bind(state_hash(state_param))
    .fetch_optional(&state.db.pool)
    .await?;
    let Some(row) = row else { return Err(failed("unknown or already used state")) };
    if row.user_id != user_id {
        return Err(failed("state started by another account"));
    }
    if state.clock.now() >= row.expires_at {
        return Err(failed("state expired"));
    }
    if code.is_empty() || code.len() > 2048 {
        return Err(failed("no usable code"));
    }
    let http = http_client()?;
    let client = discover(&settings, &http).await?;
    let request =
        client.exchange_code(AuthorizationCode::new(code.to_string())).map_err(|_| failed("no token endpoint"))?;
    let tokens =
        request.set_pkce_verifier(PkceCodeVerifier::new(row.pkce_verifier)).request_async(&http).await.map_err(
            |e| {
                // Only the kind of failure: an unreadable answer's text could hold a token.
                let kind = match &e {
                    RequestTokenError::ServerResponse(r) => r.error().to_string(),
                    RequestTokenError::Request(_) => "request failed".into(),
                    RequestTokenError::Parse(..) => "unreadable answer".into(),
                    RequestTokenError::Other(_) => "other".into(),
                };
                tracing::warn!(error = %kind, "identity platform token exchange failed");
                failed("token exchange failed")
            },
        )?;
    let id_token = tokens.id_token().ok_or_else(|| failed("no ID token"))?;
    let claims = id_token.claims(&client.id_token_verifier(), &Nonce::new(row.nonce)).map_err(|e| {
        tracing::warn!(error = %e, "ID token refused");
        failed("ID token refused")
    })?;
    let (issuer, subject) = (claims.issuer().to_string(), claims.subject().to_string());
    // The configured claims, read from the payload whose signature and claims were just checked
    // (the library keeps only the standard claims).
    let payload = verified_payload(&id_token.to_string())?;
    let claim = |name: &str| payload.get(name).and_then(|v| v.as_str()).unwrap_or("").to_string();
    let name = parse_person_name(&claim(&settings.name_claim)).map_err(|_| failed("name claim unusable"))?;
    let id_number = parse_document_number(IdType::ResidentId, &claim(&settings.id_number_claim), state.clock.today())
        .map_err(|_| failed("ID number claim unusable"))?;
    let verified = Verified {
        verifier: IdentityVerifier::Provincial,
        name: &name,
        id_number: &id_number,
        issuer: Some(&issuer),
        subject: Some(&subject),
    };
    record(state, user_id, verified).await?;
    Ok(row.return_to)
}

/// The JSON payload of a compact JWS (already verified by the caller).
fn verified_payload(jws: &str) -> AppResult<serde_json::Map<String, serde_json::Value>> {
    let part = jws.split('.').nth(1).ok_or_else(|| failed("ID token unreadable"))?;
    let bytes = base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(part.trim_end_matches('='))
        .map_err(|_| failed("ID token unreadable"))?;
    serde_json::from_slice(&bytes).map_err(|_| failed("ID token unreadable"))
}
