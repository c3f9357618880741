//! 代祭扫 requests as stored, with staff's photos of them.

use crate::db::{Db, DbResult};
use baoan_contract::memorial::ProxyRequest;
use sqlx::AnyConnection;

/// A proxy request with its cemetery's name (`SELECT`).
#[derive(sqlx::FromRow)]
pub struct Row {
    pub id: String,
    pub reference: String,
    pub name: String,
    pub service_date: String,
    pub services: String,
    pub deceased_name: String,
    pub grave_area: String,
    pub grave_row: String,
    pub grave_number: String,
    pub note: String,
    pub status: String,
}

const SELECT: &str = "SELECT p.id, p.reference, c.name, p.service_date, p.services, p.deceased_name, p.grave_area, \
    p.grave_row, p.grave_number, p.note, p.status FROM memorial_proxy_requests p JOIN memorial_cemeteries c ON c.id = p.cemetery_id";

/// The upload ids of a request's photos.
pub async fn photos(db: &Db, id: &str) -> DbResult<Vec<String>> {
    let photos: Vec<(String,)> =
        sqlx::query_as("SELECT upload_id FROM memorial_proxy_photos WHERE proxy_id = $1 ORDER BY upload_id")
            .bind(id)
            .fetch_all(&db.pool)
            .await?;
    Ok(photos.into_iter().map(|(p,)| p).collect())
}

/// A new request, `requested`.
pub async fn insert(
    db: &Db,
    id: &str,
    reference: &str,
    user_id: &str,
    date: &str,
    req: &ProxyRequest,
    now: i64,
) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO memorial_proxy_requests (id, reference, user_id, cemetery_id, service_date, services, deceased_name, \
         grave_area, grave_row, grave_number, note, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'requested', $12)",
    )
    .bind(id)
    .bind(reference)
    .bind(user_id)
    .bind(&req.cemetery_id)
    .bind(date)
    .bind(req.services.join(","))
    .bind(&req.deceased_name)
    .bind(&req.grave.area)
    .bind(&req.grave.row)
    .bind(&req.grave.number)
    .bind(&req.note)
    .bind(now)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// The request `id` (none or one row).
pub async fn by_id(db: &Db, id: &str) -> DbResult<Vec<Row>> {
    sqlx::query_as::<_, Row>(&format!("{SELECT} WHERE p.id = $1")).bind(id).fetch_all(&db.pool).await
}

/// The request `id` if it is `user_id`'s (none or one row).
pub async fn of_user_by_id(db: &Db, id: &str, user_id: &str) -> DbResult<Vec<Row>> {
    sqlx::query_as::<_, Row>(&format!("{SELECT} WHERE p.id = $1 AND p.user_id = $2"))
        .bind(id)
        .bind(user_id)
        .fetch_all(&db.pool)
        .await
}

/// `user_id`'s requests: how many, and `limit` after `offset`, latest service day first.
pub async fn of_user(db: &Db, user_id: &str, limit: i64, offset: i64) -> DbResult<(i64, Vec<Row>)> {
    super::page_of(
        &mut *db.pool.acquire().await?,
        "SELECT COUNT(*) FROM memorial_proxy_requests WHERE user_id = $1",
        &format!("{SELECT} WHERE p.user_id = $1 ORDER BY p.service_date DESC, p.id LIMIT $2 OFFSET $3"),
        user_id,
        limit,
        offset,
    )
    .await
}

/// The requests at one cemetery: how many, and `limit` after `offset`, open ones first, soonest
/// first.
pub async fn at_cemetery(db: &Db, cemetery_id: &str, limit: i64, offset: i64) -> DbResult<(i64, Vec<Row>)> {
    let order = "ORDER BY CASE p.status WHEN 'requested' THEN 0 ELSE 1 END, p.service_date, p.id LIMIT $2 OFFSET $3";
    super::page_of(
        &mut *db.pool.acquire().await?,
        "SELECT COUNT(*) FROM memorial_proxy_requests WHERE cemetery_id = $1",
        &format!("{SELECT} WHERE p.cemetery_id = $1 {order}"),
        cemetery_id,
        limit,
        offset,
    )
    .await
}

/// The family cancels a request still `requested`; false when it was not.
pub async fn cancel(db: &Db, id: &str, user_id: &str, now: i64) -> DbResult<bool> {
    let done = sqlx::query("UPDATE memorial_proxy_requests SET status = 'cancelled', cancelled_at = $1 WHERE id = $2 AND user_id = $3 AND status = 'requested'")
        .bind(now)
        .bind(id)
        .bind(user_id)
        .execute(&db.pool)
        .await?;
    Ok(done.rows_affected() != 0)
}

/// The MIME type of a photo of `user_id`'s request.
pub async fn photo_type(db: &Db, id: &str, photo: &str, user_id: &str) -> DbResult<Option<String>> {
    let row: Option<(String,)> = sqlx::query_as(
        "SELECT u.content_type FROM memorial_proxy_photos f JOIN memorial_proxy_requests p ON p.id = f.proxy_id \
         JOIN uploads u ON u.id = f.upload_id WHERE f.proxy_id = $1 AND f.upload_id = $2 AND p.user_id = $3",
    )
    .bind(id)
    .bind(photo)
    .bind(user_id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(row.map(|(m,)| m))
}

/// Whose request it is, its reference, where and its status.
#[derive(sqlx::FromRow)]
pub struct OwnerRow {
    pub user_id: String,
    pub reference: String,
    pub cemetery_id: String,
    pub status: String,
}

pub async fn owner(db: &Db, id: &str) -> DbResult<Option<OwnerRow>> {
    sqlx::query_as::<_, OwnerRow>(
        "SELECT user_id, reference, cemetery_id, status FROM memorial_proxy_requests WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await
}

/// Staff mark a `requested` request done; false when it was not `requested`.
pub async fn mark_done(tx: &mut AnyConnection, id: &str, now: i64) -> DbResult<bool> {
    let claimed = sqlx::query(
        "UPDATE memorial_proxy_requests SET status = 'done', done_at = $1 WHERE id = $2 AND status = 'requested'",
    )
    .bind(now)
    .bind(id)
    .execute(&mut *tx)
    .await?;
    Ok(claimed.rows_affected() != 0)
}

/// How many photos a request has, read in the transaction that adds one; false from `still_open`
/// when the family cancelled it or staff finished it meanwhile.
pub async fn photo_count(tx: &mut AnyConnection, id: &str) -> DbResult<i64> {
    let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM memorial_proxy_photos WHERE proxy_id = $1")
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
    Ok(n)
}

/// Whether the request is still `requested`, touching it so that a cancel at the same moment
/// waits for this transaction (or this one for it).
pub async fn still_open(tx: &mut AnyConnection, id: &str) -> DbResult<bool> {
    let touched =
        sqlx::query("UPDATE memorial_proxy_requests SET status = status WHERE id = $1 AND status = 'requested'")
            .bind(id)
            .execute(&mut *tx)
            .await?;
    Ok(touched.rows_affected() != 0)
}

pub async fn add_photo(tx: &mut AnyConnection, id: &str, upload_id: &str) -> DbResult<()> {
    sqlx::query("INSERT INTO memorial_proxy_photos (proxy_id, upload_id) VALUES ($1, $2) ON CONFLICT DO NOTHING")
        .bind(id)
        .bind(upload_id)
        .execute(&mut *tx)
        .await?;
    Ok(())
}
