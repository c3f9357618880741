//! A staff member changes their own password (the current one and the authenticator's code
//! first); a district admin resets someone else's credentials — a new first password and a new
//! authenticator secret — when a password is forgotten or a phone lost. Both end the account's
//! other sessions and are in the audit trail; neither ever writes a password or secret there.

use super::accounts::{find, json};
use super::audit::{self, Actor, Entry};
use super::session::{self, StaffMember};
use super::{sealing, totp};
use crate::error::{AppError, AppResult, JsonBody};
use crate::state::AppState;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use baoan_contract::error::ApiError;
use baoan_contract::staff::{CreatedStaffAccount, CredentialsReset, PasswordChange, Role};

/// Change your own password: the current password and the authenticator's current code, then the
/// new password. Any wrong part answers 422 `staff.sign_in` (never which), and attempts count
/// against the same allowance as sign-in (429). Your other sessions end; this one stays.
#[utoipa::path(put, path = "/staff/me/password", tag = "staff", request_body = PasswordChange,
    responses((status = 204, description = "Changed"), (status = 401, body = ApiError), (status = 422, body = ApiError),
              (status = 429, body = ApiError)))]
pub async fn change_password(
    State(state): State<AppState>,
    member: StaffMember,
    JsonBody(req): JsonBody<PasswordChange>,
) -> AppResult<StatusCode> {
    req.check(&member.login).into_result().map_err(AppError::from)?;
    let (account, step) = session::verify_credentials(&state, &member.login, &req.current_password, &req.code).await?;
    if account.id != member.id {
        return Err(AppError::unauthorized());
    }
    let hash = session::hash_password(req.new_password.clone()).await?;
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    session::claim_step(&mut tx, &member.id, step).await?;
    sqlx::query("UPDATE staff_accounts SET password_hash = $1 WHERE id = $2")
        .bind(&hash)
        .bind(&member.id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM staff_sessions WHERE staff_id = $1 AND token_hash <> $2")
        .bind(&member.id)
        .bind(&member.token_hash)
        .execute(&mut *tx)
        .await?;
    let actor = Actor::from(&member);
    let entry = Entry {
        actor: &actor,
        action: "staff.change_password",
        subject_kind: "staff_account",
        subject_id: &member.id,
        before: None,
        after: None,
        reason: None,
    };
    audit::record(&mut tx, now, &entry).await?;
    tx.commit().await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Reset someone's credentials (district admins, never their own — change your password instead):
/// a new first password, given in person, and a new authenticator secret, answered this once. The
/// account's sessions end at once; the old authenticator's codes stop working.
#[utoipa::path(post, path = "/staff/accounts/{id}/reset", tag = "staff", request_body = CredentialsReset,
    params(("id" = String, Path, description = "Account id")),
    responses((status = 200, body = CreatedStaffAccount), (status = 401, body = ApiError), (status = 403, body = ApiError),
              (status = 404, body = ApiError), (status = 409, body = ApiError), (status = 422, body = ApiError)))]
pub async fn reset(
    State(state): State<AppState>,
    member: StaffMember,
    Path(id): Path<String>,
    JsonBody(req): JsonBody<CredentialsReset>,
) -> AppResult<Json<CreatedStaffAccount>> {
    member.require(Role::DistrictAdmin)?;
    if id == member.id {
        return Err(AppError::conflict("Change your own password instead"));
    }
    let account = find(&state, &id).await?;
    let reason = req.check(&account.login).map_err(AppError::from)?;
    let secret = totp::new_secret();
    let sealed = sealing::seal(&state, &id, &secret).await?;
    let hash = session::hash_password(req.password.clone()).await?;
    let now = state.clock.now();
    let mut tx = state.db.begin().await?;
    sqlx::query("UPDATE staff_accounts SET password_hash = $1, totp_secret = $2, totp_last_step = 0 WHERE id = $3")
        .bind(&hash)
        .bind(&sealed)
        .bind(&id)
        .execute(&mut *tx)
        .await?;
    sqlx::query("DELETE FROM staff_sessions WHERE staff_id = $1").bind(&id).execute(&mut *tx).await?;
    let actor = Actor::from(&member);
    let entry = Entry {
        actor: &actor,
        action: "staff.reset_credentials",
        subject_kind: "staff_account",
        subject_id: &id,
        before: json(&account),
        after: json(&account),
        reason: Some(&reason),
    };
    audit::record(&mut tx, now, &entry).await?;
    tx.commit().await?;
    Ok(Json(super::accounts::created(account, &secret)))
}
