//! Family on a private memorial: invitation links (stored by the hash of their token) and members.

use crate::db::{Db, DbResult};
use baoan_contract::memorial::INVITATION_MAX_USES;
use sqlx::AnyConnection;

pub async fn invite(
    db: &Db,
    token_hash: &str,
    invitation_id: &str,
    memorial_id: &str,
    now: i64,
    expires_at: i64,
) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO memorial_invitations (token_hash, id, memorial_id, created_at, expires_at, max_uses, uses) \
         VALUES ($1, $2, $3, $4, $5, $6, 0)",
    )
    .bind(token_hash)
    .bind(invitation_id)
    .bind(memorial_id)
    .bind(now)
    .bind(expires_at)
    .bind(INVITATION_MAX_USES)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// The memorial a live (unexpired, unrevoked) invitation opens.
pub async fn invited_to(db: &Db, token_hash: &str, now: i64) -> DbResult<Option<String>> {
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT memorial_id FROM memorial_invitations WHERE token_hash = $1 AND expires_at > $2 AND revoked_at IS NULL",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|(id,)| id))
}

/// The memorial an invitation opens.
#[derive(sqlx::FromRow)]
pub struct MemorialRow {
    pub owner_id: String,
    pub deceased_name: String,
    pub visibility: String,
}

pub async fn memorial(db: &Db, id: &str) -> DbResult<MemorialRow> {
    sqlx::query_as::<_, MemorialRow>("SELECT owner_id, deceased_name, visibility FROM memorials WHERE id = $1")
        .bind(id)
        .fetch_one(&db.pool)
        .await
}

/// `user_id`'s membership: `None` if never a member, `Some(None)` a member, `Some(Some(t))` removed at `t`.
pub async fn membership(db: &Db, id: &str, user_id: &str) -> DbResult<Option<Option<i64>>> {
    let member: Option<(Option<i64>,)> =
        sqlx::query_as("SELECT removed_at FROM memorial_members WHERE memorial_id = $1 AND user_id = $2")
            .bind(id)
            .bind(user_id)
            .fetch_optional(&db.pool)
            .await?;
    Ok(member.map(|(removed_at,)| removed_at))
}

/// Takes one use of a live invitation; false when none is left.
pub async fn take_use(tx: &mut AnyConnection, token_hash: &str, now: i64) -> DbResult<bool> {
    let taken = sqlx::query(
        "UPDATE memorial_invitations SET uses = uses + 1 WHERE token_hash = $1 AND expires_at > $2 AND revoked_at IS NULL AND uses < max_uses",
    )
    .bind(token_hash)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    Ok(taken.rows_affected() != 0)
}

/// Makes `user_id` a member; false when they already have a row (member or removed).
pub async fn join(tx: &mut AnyConnection, id: &str, user_id: &str, now: i64) -> DbResult<bool> {
    let joined = sqlx::query(
        "INSERT INTO memorial_members (memorial_id, user_id, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
    )
    .bind(id)
    .bind(user_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    Ok(joined.rows_affected() != 0)
}

/// An invitation as its owner lists it.
#[derive(sqlx::FromRow)]
pub struct InvitationRow {
    pub id: String,
    pub created_at: i64,
    pub expires_at: i64,
    pub uses: i64,
    pub max_uses: i64,
    pub revoked_at: Option<i64>,
}

/// A memorial's invitations: how many, and `limit` after `offset`, newest first.
pub async fn invitations(db: &Db, id: &str, limit: i64, offset: i64) -> DbResult<(i64, Vec<InvitationRow>)> {
    super::page_of(
        &mut *db.pool.acquire().await?,
        "SELECT COUNT(*) FROM memorial_invitations WHERE memorial_id = $1",
        "SELECT id, created_at, expires_at, uses, max_uses, revoked_at FROM memorial_invitations WHERE memorial_id = $1 \
         ORDER BY created_at DESC, id LIMIT $2 OFFSET $3",
        id,
        limit,
        offset,
    )
    .await
}

/// Revokes an invitation of memorial `id` (kept revoked at its first time); false when there is none.
pub async fn revoke(db: &Db, id: &str, invitation: &str, now: i64) -> DbResult<bool> {
    let done = sqlx::query(
        "UPDATE memorial_invitations SET revoked_at = COALESCE(revoked_at, $1) WHERE id = $2 AND memorial_id = $3",
    )
    .bind(now)
    .bind(invitation)
    .bind(id)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() != 0)
}

/// A family member with their account's name and phone.
#[derive(sqlx::FromRow)]
pub struct MemberRow {
    pub id: String,
    pub name: Option<String>,
    pub phone: String,
    pub created_at: i64,
}

/// A memorial's members: how many, and `limit` after `offset`, in the order they joined.
pub async fn members(db: &Db, id: &str, limit: i64, offset: i64) -> DbResult<(i64, Vec<MemberRow>)> {
    super::page_of(
        &mut *db.pool.acquire().await?,
        "SELECT COUNT(*) FROM memorial_members WHERE memorial_id = $1 AND removed_at IS NULL",
        "SELECT u.id, u.name, u.phone, f.created_at FROM memorial_members f JOIN users u ON u.id = f.user_id \
         WHERE f.memorial_id = $1 AND f.removed_at IS NULL ORDER BY f.created_at, u.id LIMIT $2 OFFSET $3",
        id,
        limit,
        offset,
    )
    .await
}

/// Removes a member; false when they are not one.
pub async fn remove(db: &Db, id: &str, member: &str, now: i64) -> DbResult<bool> {
    let done = sqlx::query(
        "UPDATE memorial_members SET removed_at = $1 WHERE memorial_id = $2 AND user_id = $3 AND removed_at IS NULL",
    )
    .bind(now)
    .bind(id)
    .bind(member)
    .execute(&db.pool)
    .await?;
    Ok(done.rows_affected() != 0)
}
