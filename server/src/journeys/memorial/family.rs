//! Family on a private memorial: invitation links that expire, let a limited number of people
//! join and can be revoked; members the owner can remove (a removed member gets 404, like anyone
//! the memorial was never shared with, and an old link does not bring them back).

use super::access::page_query;
use super::memorials::role_of;
use super::store::family as store;
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
    store::invite(&state.db, &hash(&token), &invitation_id, &id, now, expires_at).await?;
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
    let id = store::invited_to(&state.db, &hash(&token), now).await?.ok_or_else(AppError::not_found)?;
    let store::MemorialRow { owner_id: owner, deceased_name, visibility } = store::memorial(&state.db, &id).await?;
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
    let member = store::membership(&state.db, &id, &resident.user_id).await?;
    match member {
        Some(None) => return Ok(summary("family")), // already in: the link is not used up again
        Some(Some(_)) => return Err(AppError::not_found()),
        None => {}
    }
    // One use taken only while uses are left, in the same transaction as the membership: two
    // people following the last use at the same moment cannot both get in.
    let mut tx = state.db.begin().await?;
    if !store::take_use(&mut tx, &hash(&token), now).await? {
        return Err(AppError::not_found());
    }
    let joined = store::join(&mut tx, &id, &resident.user_id, now).await?;
    if !joined {
        // Joined (or was removed) in a parallel request: give the use back, answer as above.
        drop(tx);
        let again = store::membership(&state.db, &id, &resident.user_id).await?;
        return if matches!(again, Some(None)) { Ok(summary("family")) } else { Err(AppError::not_found()) };
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
    let (total, rows) = store::invitations(&state.db, &id, i64::from(q.size()), q.offset()).await?;
    let now = state.clock.now();
    let items = rows
        .into_iter()
        .map(|r| InvitationSummary {
            status: invitation_status(now, r.expires_at, r.uses, r.max_uses, r.revoked_at.is_some()).into(),
            id: r.id,
            created_at: r.created_at,
            expires_at: r.expires_at,
            uses: r.uses,
            max_uses: r.max_uses,
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
    if !store::revoke(&state.db, &id, &invitation, state.clock.now()).await? {
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
    let (total, rows) = store::members(&state.db, &id, i64::from(q.size()), q.offset()).await?;
    let items = rows
        .into_iter()
        .map(|r| FamilyMember {
            id: r.id,
            name: mask_name(r.name.as_deref().unwrap_or("")),
            phone: mask_phone(&r.phone),
            joined_at: r.created_at,
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
    if !store::remove(&state.db, &id, &member, state.clock.now()).await? {
        return Err(AppError::not_found());
    }
    Ok(StatusCode::NO_CONTENT)
}
