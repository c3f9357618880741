//! Gifts: the order, its one payment (pending → paid), what a paid gift changes besides itself,
//! and reading a donor's own gifts back.

use crate::db::{new_id, Db, DbResult};
use baoan_contract::api::LocalisedText;
use baoan_contract::charity::progress_permille;
use baoan_contract::rules::date::Date;
use sqlx::AnyConnection;

/// A project's status code, if the project exists.
pub async fn project_status(db: &Db, project_id: &str) -> DbResult<Option<String>> {
    let status: Option<(String,)> = sqlx::query_as("SELECT status FROM charity_projects WHERE id = $1")
        .bind(project_id)
        .fetch_optional(&db.pool)
        .await?;
    Ok(status.map(|(s,)| s))
}

/// A gift order, written pending.
pub struct NewGift<'a> {
    pub id: &'a str,
    pub user_id: &'a str,
    pub project_id: &'a str,
    pub amount_fen: i64,
    pub anonymous: bool,
    pub donor_name: Option<&'a str>,
    pub message: &'a str,
    pub frequency: &'a str,
    pub provider: &'a str,
    pub now: i64,
}

pub async fn insert(db: &Db, g: &NewGift<'_>) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO charity_gifts (id, user_id, project_id, amount_fen, anonymous, donor_name, message, frequency, \
         status, provider, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9, $10)",
    )
    .bind(g.id)
    .bind(g.user_id)
    .bind(g.project_id)
    .bind(g.amount_fen)
    .bind(if g.anonymous { 1i64 } else { 0 })
    .bind(g.donor_name)
    .bind(g.message)
    .bind(g.frequency)
    .bind(g.provider)
    .bind(g.now)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// What settling a gift needs to know of it.
#[derive(sqlx::FromRow)]
pub struct Settling {
    pub user_id: String,
    pub project_id: String,
    pub amount_fen: i64,
    pub frequency: String,
}

pub async fn for_settling(db: &Db, id: &str) -> DbResult<Option<Settling>> {
    sqlx::query_as("SELECT user_id, project_id, amount_fen, frequency FROM charity_gifts WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.pool)
        .await
}

/// The one transition pending → paid of `user_id`'s gift; false when it was not pending.
pub async fn mark_paid(
    tx: &mut AnyConnection,
    id: &str,
    user_id: &str,
    payment_ref: &str,
    receipt_no: &str,
    now: i64,
) -> DbResult<bool> {
    let moved = sqlx::query(
        "UPDATE charity_gifts SET status = 'paid', paid_at = $1, payment_ref = $2, receipt_no = $3 \
         WHERE id = $4 AND user_id = $5 AND status = 'pending'",
    )
    .bind(now)
    .bind(payment_ref)
    .bind(receipt_no)
    .bind(id)
    .bind(user_id)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    Ok(moved == 1)
}

/// A monthly pledge started by its first (paid) gift.
pub async fn insert_pledge(
    tx: &mut AnyConnection,
    user_id: &str,
    project_id: &str,
    amount_fen: i64,
    first_gift_id: &str,
    now: i64,
) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO charity_pledges (id, user_id, project_id, amount_fen, first_gift_id, status, created_at) \
         VALUES ($1, $2, $3, $4, $5, 'active', $6)",
    )
    .bind(new_id())
    .bind(user_id)
    .bind(project_id)
    .bind(amount_fen)
    .bind(first_gift_id)
    .bind(now)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// A gift just paid: its id, amount and receipt, the day it counts for and when it was paid.
pub struct Paid<'a> {
    pub gift_id: &'a str,
    pub amount_fen: i64,
    pub receipt_no: &'a str,
    pub date: Date,
    pub now: i64,
}

/// A project's raised total and target.
#[derive(sqlx::FromRow)]
struct ProgressRow {
    raised_fen: i64,
    target_fen: i64,
}

/// What a paid gift changes besides itself, in the transaction that marked it paid: the
/// project's raised total, donors (a donor counts once per project) and progress, and the
/// public ledger's income line (an amount and a receipt number, no donor).
pub async fn record_paid(
    tx: &mut AnyConnection,
    project_id: &str,
    user_id: &str,
    Paid { gift_id, amount_fen, receipt_no, date, now }: Paid<'_>,
) -> DbResult<()> {
    let (earlier,): (i64,) = sqlx::query_as(
        "SELECT COUNT(*) FROM charity_gifts WHERE project_id = $1 AND user_id = $2 AND status = 'paid' AND id <> $3",
    )
    .bind(project_id)
    .bind(user_id)
    .bind(gift_id)
    .fetch_one(&mut *tx)
    .await?;
    let progress =
        sqlx::query_as::<_, ProgressRow>("SELECT raised_fen, target_fen FROM charity_projects WHERE id = $1")
            .bind(project_id)
            .fetch_one(&mut *tx)
            .await?;
    sqlx::query(
        "UPDATE charity_projects SET raised_fen = raised_fen + $1, donors = donors + $2, progress_permille = $3 WHERE id = $4",
    )
    .bind(amount_fen)
    .bind(if earlier == 0 { 1i64 } else { 0 })
    .bind(progress_permille(progress.raised_fen + amount_fen, progress.target_fen))
    .bind(project_id)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO charity_ledger (id, project_id, fund_id, entry_date, kind, amount_fen, purpose, counterparty, \
         receipt_ref, created_at, purpose_hant, purpose_en) \
         VALUES ($1, $2, NULL, $3, 'income', $4, $5, 'public_donors', $6, $7, $8, $9)",
    )
    .bind(new_id())
    .bind(project_id)
    .bind(date.to_iso())
    .bind(amount_fen)
    .bind(GIFT_PURPOSE)
    .bind(receipt_no)
    .bind(now)
    .bind(crate::localise::to_hant(GIFT_PURPOSE))
    .bind(GIFT_PURPOSE_EN)
    .execute(&mut *tx)
    .await?;
    Ok(())
}

/// The purpose of the ledger line a paid gift writes: the server's own words, so in English too.
const GIFT_PURPOSE: &str = "网上捐赠";
const GIFT_PURPOSE_EN: &str = "Online gift";

/// The ids of `user_id`'s gifts, newest first.
pub async fn ids_of(db: &Db, user_id: &str, limit: i64, offset: i64) -> DbResult<Vec<String>> {
    let sql = format!(
        "SELECT id FROM charity_gifts WHERE user_id = $1 ORDER BY created_at DESC, id LIMIT {limit} OFFSET {offset}"
    );
    let ids: Vec<(String,)> = sqlx::query_as(&sql).bind(user_id).fetch_all(&db.pool).await?;
    Ok(ids.into_iter().map(|(id,)| id).collect())
}

/// A gift with its project's title (简体, 繁體, English).
#[derive(sqlx::FromRow)]
pub struct GiftRow {
    pub id: String,
    pub project_id: String,
    pub title: String,
    pub title_hant: Option<String>,
    pub title_en: Option<String>,
    pub amount_fen: i64,
    pub anonymous: i64,
    pub donor_name: Option<String>,
    pub message: String,
    pub frequency: String,
    pub status: String,
    pub provider: String,
    pub receipt_no: Option<String>,
    pub created_at: i64,
    pub paid_at: Option<i64>,
}

/// A gift of `user_id`'s.
pub async fn gift(db: &Db, user_id: &str, id: &str) -> DbResult<Option<GiftRow>> {
    sqlx::query_as::<_, GiftRow>(
        "SELECT g.id, g.project_id, p.title, p.title_hant, p.title_en, g.amount_fen, g.anonymous, g.donor_name, g.message, g.frequency, g.status, \
         g.provider, g.receipt_no, g.created_at, g.paid_at \
         FROM charity_gifts g JOIN charity_projects p ON p.id = g.project_id WHERE g.id = $1 AND g.user_id = $2",
    )
    .bind(id)
    .bind(user_id)
    .fetch_optional(&db.pool)
    .await
}

/// The title of a project's latest update.
pub async fn latest_update(db: &Db, project_id: &str) -> DbResult<Option<LocalisedText>> {
    let latest: Option<(String, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT title, title_hant, title_en FROM charity_updates WHERE project_id = $1 ORDER BY update_date DESC, id LIMIT 1",
    )
    .bind(project_id)
    .fetch_optional(&db.pool)
    .await?;
    Ok(latest.map(|(hans, hant, en)| crate::localise::localised(hans, hant, en)))
}

/// A donor's name (from their profile, if any) and phone.
#[derive(sqlx::FromRow)]
pub struct DonorRow {
    pub name: Option<String>,
    pub phone: String,
}

pub async fn donor(db: &Db, user_id: &str) -> DbResult<DonorRow> {
    sqlx::query_as::<_, DonorRow>("SELECT name, phone FROM users WHERE id = $1").bind(user_id).fetch_one(&db.pool).await
}
