//! Verified identity (issue 12 item 7). Applying for assistance and booking marriage registration
//! need a real-name identity, not a self-typed profile: the province's unified identity platform
//! (OpenID Connect, `oidc`) vouches for the profile's name and ID number, which are then locked.
//! SMS sign-in stays for everything else; a resident signed in by SMS verifies on top, and the
//! verification belongs to that account. In demo mode a development verifier stands in.

pub mod oidc;
pub mod routes;

use crate::error::{AppError, AppResult};
use crate::state::AppState;
use baoan_contract::api::{IdentityVerification, IdentityVerifier};
use baoan_contract::error::ErrorCode;
use baoan_contract::rules::documents::IdType;

/// The resident's verification, if any.
pub async fn verification(state: &AppState, user_id: &str) -> AppResult<Option<IdentityVerification>> {
    let row: Option<(Option<String>, Option<i64>)> =
        sqlx::query_as("SELECT identity_verified_by, identity_verified_at FROM users WHERE id = $1")
            .bind(user_id)
            .fetch_optional(&state.db.pool)
            .await?;
    Ok(row.and_then(|(by, at)| {
        Some(IdentityVerification { verifier: IdentityVerifier::from_code(by.as_deref()?)?, verified_at: at? })
    }))
}

/// Refuses (403 `identity_verification_required`) when this server requires a verified identity
/// and the resident has none: the app then sends them to `/mine/verify`.
pub async fn require_verified(state: &AppState, user_id: &str) -> AppResult<()> {
    if !state.config.identity_required() || verification(state, user_id).await?.is_some() {
        return Ok(());
    }
    Err(AppError::new(
        ErrorCode::IdentityVerificationRequired,
        "A verified identity is needed for this: verify at /mine/verify first",
    ))
}

/// What an identity platform vouched for.
pub struct Verified<'a> {
    pub verifier: IdentityVerifier,
    pub name: &'a str,
    pub id_number: &'a str,
    /// The platform's issuer and its identifier for the person (none for the development verifier).
    pub issuer: Option<&'a str>,
    pub subject: Option<&'a str>,
}

/// Writes the verified name and number into the resident's profile and locks them. An ID number
/// already verified on another live account is refused (`verified_elsewhere`): one person, one
/// verified account. The check gives the clear answer; the unique index
/// `users_one_verified_identity` settles two accounts verifying the same number at once.
pub async fn record(state: &AppState, user_id: &str, v: Verified<'_>) -> AppResult<()> {
    let elsewhere: Option<(String,)> =
        sqlx::query_as("SELECT id FROM users WHERE id_number = $1 AND identity_verified_by IS NOT NULL AND id <> $2")
            .bind(v.id_number)
            .bind(user_id)
            .fetch_optional(&state.db.pool)
            .await?;
    if elsewhere.is_some() {
        return Err(verified_elsewhere());
    }
    let written = sqlx::query(
        "UPDATE users SET name = $1, id_type = $2, id_number = $3, identity_verified_by = $4, \
         identity_verified_at = $5, identity_issuer = $6, identity_subject = $7 WHERE id = $8",
    )
    .bind(v.name)
    .bind(IdType::ResidentId.code())
    .bind(v.id_number)
    .bind(v.verifier.code())
    .bind(state.clock.now())
    .bind(v.issuer)
    .bind(v.subject)
    .bind(user_id)
    .execute(&state.db.pool)
    .await;
    match written {
        Ok(_) => {}
        Err(e) if e.as_database_error().is_some_and(|d| d.is_unique_violation()) => return Err(verified_elsewhere()),
        Err(e) => return Err(e.into()),
    }
    tracing::info!(verifier = v.verifier.code(), "identity verified");
    Ok(())
}

/// 409 `identity_verified_elsewhere`: the number is another account's verified identity. Neither
/// that account nor its phone number (not even masked) is named: the development verifier
/// vouches for whatever is typed, so the answer must tell a stranger nothing but "not here".
fn verified_elsewhere() -> AppError {
    tracing::warn!("identity already verified on another account");
    AppError::new(
        ErrorCode::IdentityVerifiedElsewhere,
        "This identity is verified on another account: sign in with that account's phone number",
    )
}

/// 403 `identity_verification_failed`, with the reason in the log only (never an ID number).
pub fn failed(reason: &str) -> AppError {
    tracing::warn!(reason, "identity verification refused");
    AppError::new(ErrorCode::IdentityVerificationFailed, "The verification could not be completed; start again")
}
