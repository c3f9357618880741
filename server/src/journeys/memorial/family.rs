//! Family on a private memorial: invitation links that expire, let a limited number of people
//! join and can be revoked; members the owner can remove (a removed member gets 404, like anyone
//! the memorial was never shared with, and an old link does not bring them back).

use super::access::page_query;
use super::memorials::role_of;
use crate::auth::Resident;
use crate::db::new_id;
use crate::error::{AppError, AppResult};
use crate::state::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::Json;
use baoan_contract::error::ApiError;
use baoan_contract::mask::{mask_name, mask_phone};
use baoan_contract::memorial::*;
use sha2::{Digest, Sha256};

fn hash(token: &str) -> String {
    crate::auth::codes::hex(&Sha256::digest(token.as_bytes()))
}

async fn owner_only(state: &AppState, id: &str, user: &str) -> AppResult<()> {
    if role_of(state, id, Some(user)).await? == "owner" {
        Ok(())
    } else {
        Err(AppError::not_found())
    }
}

/// The owner creates an invitation link for family: valid `INVITATION_DAYS` days, for at most
/// `INVITATION_MAX_USES` people.
#[utoipa::path(post, path = "/memorial/memorials/{id}/invitations", tag = "memorial", params(("id" = String, Path)),
    responses((status = 200, body = Invitation), (status = 404, body = ApiError), (status = 429, body = ApiError)))]
pub async fn invite(
    State(state): State<AppState>,
    resident: Resident,
    Path(id): Path<String>,
) -> AppResult<Json<Invitation>> {
    owner_only(&state, &id, &resident.user_id).await?;
    crate::limits::enforce(&state, &super::quotas::INVITATIONS, &resident.user_id).await?;
    let (token, invitation_id) = (new_id(), new_id());
    let now = state.clock.now();
    let expires_at = now + INVITATION_DAYS * 86_400;
    sqlx::query(
        "INSERT INTO memorial_invitations (token_hash, id, memorial_id, created_at, expires_at, max_uses, uses) \
         VALUES ($1, $2, $3, $4, $5, $6, 0)",
    )
    .bind(hash(&token))
    .bind(&invitation_id)
    .bind(&id)
    .bind(now)
    .bind(expires_at)
    .bind(INVITATION_MAX_USES)
    .execute(&state.db.pool)
    .await?;
    Ok(Json(Invitation {
        id: invitation_id,
        path: format!("/memorial/join/{token}"),
        token,
        expires_at,
        max_uses: INVITATION_MAX_USES,
    }))
}

/// A family member follows an invitation link and joins. Refused (404, as for a made-up link)
/// when the link expired, was used up or revoked, or the resident was removed from the memorial.
#[utoipa::path(post, path = "/memorial/invitations/{token}/accept", tag = "memorial", params(("token" = String, Path)),
    responses((status = 200, body = MemorialSummary), (status = 404, body = ApiError)))]
pub async fn accept(
    State(state): State<AppState>,
    resident: Resident,
    Path(token): Path<String>,
) -> AppResult<Json<MemorialSummary>> {
    let now = state.clock.now();
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT memorial_id FROM memorial_invitations WHERE token_hash = $1 AND expires_at > $2 AND revoked_at IS NULL",
    )
    .bind(hash(&token))
    .bind(now)
    .fetch_optional(&state.db.pool)
    .await?;
    let (id,) = row.ok_or_else(AppError::not_found)?;
    let (owner, deceased_name, visibility): (String, String, String) =
        sqlx::query_as("SELECT owner_id, deceased_name, visibility FROM memorials WHERE id = $1")
            .bind(&id)
            .fetch_one(&state.db.pool)
            .await?;
    let summary = |role: &str| {
        Json(MemorialSummary {
            id: id.clone(),
            deceased_name: deceased_name.clone(),
            visibility: visibility.clone(),
            role: role.into(),
        })
    };
    if owner == resident.user_id {
        return Ok(summary("owner"));
    }
    let member: Option<(Option<i64>,)> =
        sqlx::query_as("SELECT removed_at FROM memorial_members WHERE memorial_id = $1 AND user_id = $2")
            .bind(&id)
            .bind(&resident.user_id)
            .fetch_optional(&state.db.pool)
            .await?;
    match member {
        Some((None,)) => return Ok(summary("family")), // already in: the link is not used up again
        Some((Some(_),)) => return Err(AppError::not_found()),
        None => {}
    }
    // One use taken only while uses are left, in the same transaction as the membership: two
    // people following the last use at the same moment cannot both get in.
    let mut tx = state.db.begin().await?;
    let taken = sqlx::query(
        "UPDATE memorial_invitations SET uses = uses + 1 WHERE token_hash = $1 AND expires_at > $2 AND revoked_at IS NULL AND uses < max_uses",
    )
    .bind(hash(&token))
    .bind(now)
    .execute(&mut *tx)
    .await?;
    if taken.rows_affected() == 0 {
        return Err(AppError::not_found());
    }
    let joined = sqlx::query(
        "INSERT INTO memorial_members (memorial_id, user_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
    )
    .bind(&id)
    .bind(&resident.user_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    if joined.rows_affected() == 0 {
        // Joined (or was removed) in a parallel request: give the use back, answer as above.
        drop(tx);
        let again: Option<(Option<i64>,)> =
            sqlx::query_as("SELECT removed_at FROM memorial_members WHERE memorial_id = $1 AND user_id = $2")
                .bind(&id)
                .bind(&resident.user_id)
                .fetch_optional(&state.db.pool)
                .await?;
        return if matches!(again, Some((None,))) { Ok(summary("family")) } else { Err(AppError::not_found()) };
    }
    tx.commit().await?;
    Ok(summary("family"))
}

/// The owner's invitation links, newest first, with where each stands.
#[utoipa::path(get, path = "/memorial/memorials/{id}/invitations", tag = "memorial", params(("id" = String, Path), PageQuery),
    responses((status = 200, body = InvitationList), (status = 404, body = ApiError)))]
pub async fn invitations(
    State(state): State<AppState>,
    resident: Resident,
    Path(id): Path<String>,
    q: Result<Query<PageQuery>, QueryRejection>,
) -> AppResult<Json<InvitationList>> {
    let q = page_query(q)?;
    owner_only(&state, &id, &resident.user_id).await?;
    let (total,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM memorial_invitations WHERE memorial_id = $1")
        .bind(&id)
        .fetch_one(&state.db.pool)
        .await?;
    let rows: Vec<(String, i64, i64, i64, i64, Option<i64>)> = sqlx::query_as(
        "SELECT id, created_at, expires_at, uses, max_uses, revoked_at FROM memorial_invitations WHERE memorial_id = $1 \
         ORDER BY created_at DESC, id LIMIT $2 OFFSET $3",
    )
    .bind(&id)
    .bind(i64::from(q.size()))
    .bind(q.offset())
    .fetch_all(&state.db.pool)
    .await?;
    let now = state.clock.now();
    let items = rows
        .into_iter()
        .map(|(id, created_at, expires_at, uses, max_uses, revoked_at)| InvitationSummary {
            status: invitation_status(now, expires_at, uses, max_uses, revoked_at.is_some()).into(),
            id,
            created_at,
            expires_at,
            uses,
            max_uses,
        })
        .collect();
    Ok(Json(InvitationList { items, page: q.page(), page_size: q.size(), total }))
}

/// The owner revokes an invitation link: nobody can join with it any more.
#[utoipa::path(delete, path = "/memorial/memorials/{id}/invitations/{invitation}", tag = "memorial",
    params(("id" = String, Path), ("invitation" = String, Path)), responses((status = 204), (status = 404, body = ApiError)))]
pub async fn revoke(
    State(state): State<AppState>,
    resident: Resident,
    Path((id, invitation)): Path<(String, String)>,
) -> AppResult<StatusCode> {
    owner_only(&state, &id, &resident.user_id).await?;
    let done = sqlx::query(
        "UPDATE memorial_invitations SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2 AND memorial_id = $3",
    )
    .bind(state.clock.now())
    .bind(&invitation)
    .bind(&id)
    .execute(&state.db.pool)
    .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::not_found());
    }
    Ok(StatusCode::NO_CONTENT)
}

/// The memorial's family members (masked name and phone), as the owner sees them.
#[utoipa::path(get, path = "/memorial/memorials/{id}/members", tag = "memorial", params(("id" = String, Path), PageQuery),
    responses((status = 200, body = FamilyMemberList), (status = 404, body = ApiError)))]
pub async fn members(
    State(state): State<AppState>,
    resident: Resident,
    Path(id): Path<String>,
    q: Result<Query<PageQuery>, QueryRejection>,
) -> AppResult<Json<FamilyMemberList>> {
    let q = page_query(q)?;
    owner_only(&state, &id, &resident.user_id).await?;
    let (total,): (i64,) =
        sqlx::query_as("SELECT COUNT(*) FROM memorial_members WHERE memorial_id = $1 AND removed_at IS NULL")
            .bind(&id)
            .fetch_one(&state.db.pool)
            .await?;
    let rows: Vec<(String, Option<String>, String, i64)> = sqlx::query_as(
        "SELECT u.id, u.name, u.phone, f.created_at FROM memorial_members f JOIN users u ON u.id = f.user_id \
         WHERE f.memorial_id = $1 AND f.removed_at IS NULL ORDER BY f.created_at, u.id LIMIT $2 OFFSET $3",
    )
    .bind(&id)
    .bind(i64::from(q.size()))
    .bind(q.offset())
    .fetch_all(&state.db.pool)
    .await?;
    let items = rows
        .into_iter()
        .map(|(id, name, phone, joined_at)| FamilyMember {
            id,
            name: mask_name(name.as_deref().unwrap_or("")),
            phone: mask_phone(&phone),
            joined_at,
        })
        .collect();
    Ok(Json(FamilyMemberList { items, page: q.page(), page_size: q.size(), total }))
}

/// The owner removes a family member: from now on the memorial is "not found" to them.
#[utoipa::path(delete, path = "/memorial/memorials/{id}/members/{member}", tag = "memorial",
    params(("id" = String, Path), ("member" = String, Path)), responses((status = 204), (status = 404, body = ApiError)))]
pub async fn remove(
    State(state): State<AppState>,
    resident: Resident,
    Path((id, member)): Path<(String, String)>,
) -> AppResult<StatusCode> {
    owner_only(&state, &id, &resident.user_id).await?;
    let done = sqlx::query(
        "UPDATE memorial_members SET removed_at = $1 WHERE memorial_id = $2 AND user_id = $3 AND removed_at IS NULL",
    )
    .bind(state.clock.now())
    .bind(&id)
    .bind(&member)
    .execute(&state.db.pool)
    .await?;
    if done.rows_affected() == 0 {
        return Err(AppError::not_found());
    }
    Ok(StatusCode::NO_CONTENT)
}
