//! Monthly pledges: the ones due, the month's claim (a gift whose id is `<pledge>-<YYYY-MM>`
//! and a `(pledge, month)` row, both primary keys), and a donor's own pledges.

use crate::db::{Db, DbResult};
use sqlx::AnyConnection;

/// An active pledge with what its charge needs from its first gift and its project.
#[derive(sqlx::FromRow)]
pub struct DueRow {
    pub id: String,
    pub user_id: String,
    pub project_id: String,
    pub amount_fen: i64,
    pub created_at: i64,
    pub anonymous: i64,
    pub donor_name: Option<String>,
    pub payment_ref: Option<String>,
    pub status: String,
}

/// Every active pledge, oldest first.
pub async fn active(db: &Db) -> DbResult<Vec<DueRow>> {
    sqlx::query_as::<_, DueRow>(
        "SELECT pl.id, pl.user_id, pl.project_id, pl.amount_fen, pl.created_at, g.anonymous, g.donor_name, \
         g.payment_ref, p.status \
         FROM charity_pledges pl JOIN charity_gifts g ON g.id = pl.first_gift_id \
         JOIN charity_projects p ON p.id = pl.project_id \
         WHERE pl.status = 'active' ORDER BY pl.created_at, pl.id",
    )
    .fetch_all(&db.pool)
    .await
}

/// Whether the pledge is still active. Conditional on the state it was read in, and it holds the
/// pledge's row (PostgreSQL) or the write lock (SQLite) until commit.
pub async fn still_active(tx: &mut AnyConnection, id: &str) -> DbResult<bool> {
    let active = sqlx::query("UPDATE charity_pledges SET status = 'active' WHERE id = $1 AND status = 'active'")
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
    Ok(active != 0)
}

/// The month's claim: inserts its gift (pending); false when a run inserted it already.
pub async fn claim(tx: &mut AnyConnection, gift_id: &str, due: &DueRow, provider: &str, now: i64) -> DbResult<bool> {
    let claimed = sqlx::query(
        "INSERT INTO charity_gifts (id, user_id, project_id, amount_fen, anonymous, donor_name, message, frequency, \
         status, provider, created_at) VALUES ($1, $2, $3, $4, $5, $6, '', 'monthly', 'pending', $7, $8) \
         ON CONFLICT (id) DO NOTHING",
    )
    .bind(gift_id)
    .bind(&due.user_id)
    .bind(&due.project_id)
    .bind(due.amount_fen)
    .bind(due.anonymous)
    .bind(due.donor_name.as_deref())
    .bind(provider)
    .bind(now)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    Ok(claimed != 0)
}

/// The month's gift paid, and the month recorded as charged.
pub async fn charged(
    tx: &mut AnyConnection,
    pledge_id: &str,
    month: &str,
    gift_id: &str,
    payment_ref: &str,
    receipt_no: &str,
    now: i64,
) -> DbResult<()> {
    sqlx::query(
        "UPDATE charity_gifts SET status = 'paid', paid_at = $1, payment_ref = $2, receipt_no = $3 WHERE id = $4",
    )
    .bind(now)
    .bind(payment_ref)
    .bind(receipt_no)
    .bind(gift_id)
    .execute(&mut *tx)
    .await?;
    sqlx::query("INSERT INTO charity_pledge_charges (pledge_id, month, gift_id, created_at) VALUES ($1, $2, $3, $4)")
        .bind(pledge_id)
        .bind(month)
        .bind(gift_id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
    Ok(())
}

/// The pledge and month of a month's gift (its id is `<pledge id>-<YYYY-MM>`), if it is one.
pub async fn month_of_gift(tx: &mut AnyConnection, gift_id: &str) -> DbResult<Option<(String, String)>> {
    let Some(split) = gift_id.len().checked_sub(8).filter(|&i| gift_id.is_char_boundary(i)) else {
        return Ok(None);
    };
    let (pledge_id, month) = (&gift_id[..split], &gift_id[split..]);
    let Some(month) = month.strip_prefix('-') else { return Ok(None) };
    let found: Option<(String,)> =
        sqlx::query_as("SELECT id FROM charity_pledges WHERE id = $1").bind(pledge_id).fetch_optional(&mut *tx).await?;
    Ok(found.map(|(id,)| (id, month.to_string())))
}

/// A month recorded as charged (its gift was paid from the month's reminder); once per month.
pub async fn record_month(
    tx: &mut AnyConnection,
    pledge_id: &str,
    month: &str,
    gift_id: &str,
    now: i64,
) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO charity_pledge_charges (pledge_id, month, gift_id, created_at) VALUES ($1, $2, $3, $4) \
         ON CONFLICT DO NOTHING",
    )
    .bind(pledge_id)
    .bind(month)
    .bind(gift_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

const PLEDGE_SELECT: &str =
    "SELECT pl.id, pl.project_id, p.title, p.title_hant, p.title_en, pl.amount_fen, pl.status, pl.created_at, \
     (SELECT COUNT(*) FROM charity_pledge_charges c WHERE c.pledge_id = pl.id) AS charges, \
     (SELECT MAX(c.month) FROM charity_pledge_charges c WHERE c.pledge_id = pl.id) AS last_month \
     FROM charity_pledges pl JOIN charity_projects p ON p.id = pl.project_id";

/// A pledge with its project's title and its charges so far (`PLEDGE_SELECT`).
#[derive(sqlx::FromRow)]
pub struct PledgeRow {
    pub id: String,
    pub project_id: String,
    pub title: String,
    pub title_hant: Option<String>,
    pub title_en: Option<String>,
    pub amount_fen: i64,
    pub status: String,
    pub created_at: i64,
    pub charges: i64,
    pub last_month: Option<String>,
}

/// `user_id`'s pledges, newest first.
pub async fn of_user(db: &Db, user_id: &str, limit: i64, offset: i64) -> DbResult<Vec<PledgeRow>> {
    sqlx::query_as::<_, PledgeRow>(&format!(
        "{PLEDGE_SELECT} WHERE pl.user_id = $1 ORDER BY pl.created_at DESC, pl.id LIMIT {limit} OFFSET {offset}"
    ))
    .bind(user_id)
    .fetch_all(&db.pool)
    .await
}

/// Cancels `user_id`'s pledge if it is active (nothing otherwise).
pub async fn cancel(db: &Db, id: &str, user_id: &str, now: i64) -> DbResult<()> {
    sqlx::query(
        "UPDATE charity_pledges SET status = 'cancelled', cancelled_at = $1 WHERE id = $2 AND user_id = $3 AND status = 'active'",
    )
    .bind(now)
    .bind(id)
    .bind(user_id)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// A pledge of `user_id`'s.
pub async fn pledge(db: &Db, id: &str, user_id: &str) -> DbResult<Option<PledgeRow>> {
    sqlx::query_as::<_, PledgeRow>(&format!("{PLEDGE_SELECT} WHERE pl.id = $1 AND pl.user_id = $2"))
        .bind(id)
        .bind(user_id)
        .fetch_optional(&db.pool)
        .await
}
