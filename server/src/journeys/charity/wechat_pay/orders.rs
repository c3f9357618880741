//! A gift's WeChat Pay order (`charity_wechat_orders`): open → paid, or open → closed.

use crate::db::{Db, DbResult};

#[derive(sqlx::FromRow)]
pub struct OrderRow {
    pub out_trade_no: String,
    pub gift_id: String,
    pub amount_fen: i64,
    pub status: String,
    pub expires_at: i64,
}

const SELECT: &str = "SELECT out_trade_no, gift_id, amount_fen, status, expires_at FROM charity_wechat_orders";

pub async fn by_out_trade_no(db: &Db, out_trade_no: &str) -> DbResult<Option<OrderRow>> {
    sqlx::query_as(&format!("{SELECT} WHERE out_trade_no = $1")).bind(out_trade_no).fetch_optional(&db.pool).await
}

/// The gift's order, made now if it has none (one per gift: a retry or a second tap finds it).
pub async fn for_gift(db: &Db, gift_id: &str, amount_fen: i64, now: i64, open_seconds: i64) -> DbResult<OrderRow> {
    // 32 hex digits: within out_trade_no's 6–32 letters and digits.
    let out_trade_no = crate::auth::codes::hex(&rand::random::<[u8; 16]>());
    sqlx::query(
        "INSERT INTO charity_wechat_orders (out_trade_no, gift_id, amount_fen, status, created_at, expires_at) \
         VALUES ($1, $2, $3, 'open', $4, $5) ON CONFLICT (gift_id) DO NOTHING",
    )
    .bind(&out_trade_no)
    .bind(gift_id)
    .bind(amount_fen)
    .bind(now)
    .bind(now + open_seconds)
    .execute(&db.pool)
    .await?;
    sqlx::query_as(&format!("{SELECT} WHERE gift_id = $1")).bind(gift_id).fetch_one(&db.pool).await
}

/// The order paid (by a verified notification or query answer); false if it already was.
pub async fn mark_paid(db: &Db, out_trade_no: &str, transaction_id: &str, now: i64) -> DbResult<bool> {
    let moved = sqlx::query(
        "UPDATE charity_wechat_orders SET status = 'paid', transaction_id = $1, settled_at = $2 \
         WHERE out_trade_no = $3 AND status <> 'paid'",
    )
    .bind(transaction_id)
    .bind(now)
    .bind(out_trade_no)
    .execute(&db.pool)
    .await?
    .rows_affected();
    Ok(moved == 1)
}

/// An open order closed (expired unpaid); false if it was no longer open.
pub async fn mark_closed(db: &Db, out_trade_no: &str, now: i64) -> DbResult<bool> {
    let moved = sqlx::query(
        "UPDATE charity_wechat_orders SET status = 'closed', settled_at = $1 WHERE out_trade_no = $2 AND status = 'open'",
    )
    .bind(now)
    .bind(out_trade_no)
    .execute(&db.pool)
    .await?
    .rows_affected();
    Ok(moved == 1)
}

/// Open orders placed at or before `cutoff`, oldest first, at most `limit`.
pub async fn open_before(db: &Db, cutoff: i64, limit: i64) -> DbResult<Vec<OrderRow>> {
    sqlx::query_as(&format!(
        "{SELECT} WHERE status = 'open' AND created_at <= $1 ORDER BY created_at, out_trade_no LIMIT {limit}"
    ))
    .bind(cutoff)
    .fetch_all(&db.pool)
    .await
}
