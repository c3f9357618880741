//! Memorials: who may see one, the resident's list, publishing through the burial register,
//! reminders and the photo.

use crate::db::{Db, DbResult};
use baoan_contract::memorial::MemorialCreate;
use baoan_contract::rules::date::Date;

/// A memorial's owner and visibility.
#[derive(sqlx::FromRow)]
pub struct AccessRow {
    pub owner_id: String,
    pub visibility: String,
}

pub async fn access(db: &Db, id: &str) -> DbResult<Option<AccessRow>> {
    sqlx::query_as::<_, AccessRow>("SELECT owner_id, visibility FROM memorials WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.pool)
        .await
}

/// Whether `user` is invited family of memorial `id` (and not removed).
pub async fn is_member(db: &Db, id: &str, user: &str) -> DbResult<bool> {
    let member: Option<(String,)> = sqlx::query_as(
        "SELECT user_id FROM memorial_members WHERE memorial_id = $1 AND user_id = $2 AND removed_at IS NULL",
    )
    .bind(id)
    .bind(user)
    .fetch_optional(&db.pool)
    .await?;
    Ok(member.is_some())
}

/// A new memorial, private, without reminders.
pub async fn insert(db: &Db, id: &str, owner_id: &str, req: &MemorialCreate, now: i64) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO memorials (id, owner_id, deceased_name, born_on, died_on, biography, photo, visibility, reminder, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'private', 0, $8)",
    )
    .bind(id)
    .bind(owner_id)
    .bind(&req.deceased_name)
    .bind(req.born_on.map(Date::to_iso))
    .bind(req.died_on.map(Date::to_iso))
    .bind(&req.biography)
    .bind(&req.photo)
    .bind(now)
    .execute(&db.pool)
    .await?;
    Ok(())
}

/// A memorial of the resident's list and their role in it.
#[derive(sqlx::FromRow)]
pub struct MineRow {
    pub id: String,
    pub deceased_name: String,
    pub visibility: String,
    pub role: String,
}

/// The memorials `user_id` owns or was invited to: how many, and `limit` after `offset`.
pub async fn mine(db: &Db, user_id: &str, limit: i64, offset: i64) -> DbResult<(i64, Vec<MineRow>)> {
    const MINE: &str = "SELECT id, deceased_name, visibility, 'owner' AS role FROM memorials WHERE owner_id = $1 \
         UNION ALL SELECT m.id, m.deceased_name, m.visibility, 'family' AS role FROM memorials m \
         JOIN memorial_members f ON f.memorial_id = m.id WHERE f.user_id = $2 AND f.removed_at IS NULL";
    let (total,): (i64,) = sqlx::query_as(&format!("SELECT COUNT(*) FROM ({MINE}) AS mine"))
        .bind(user_id)
        .bind(user_id)
        .fetch_one(&db.pool)
        .await?;
    let rows = sqlx::query_as::<_, MineRow>(&format!("{MINE} ORDER BY 2, 1 LIMIT $3 OFFSET $4"))
        .bind(user_id)
        .bind(user_id)
        .bind(limit)
        .bind(offset)
        .fetch_all(&db.pool)
        .await?;
    Ok((total, rows))
}

pub async fn deceased_name(db: &Db, id: &str) -> DbResult<String> {
    let (name,): (String,) =
        sqlx::query_as("SELECT deceased_name FROM memorials WHERE id = $1").bind(id).fetch_one(&db.pool).await?;
    Ok(name)
}

/// The burial register's record of `number` for `name`, if there is one.
pub async fn burial_record(db: &Db, number: &str, name: &str) -> DbResult<Option<String>> {
    let record: Option<(String,)> = sqlx::query_as(
        "SELECT certificate_number FROM memorial_burial_records WHERE certificate_number = $1 AND deceased_name = $2",
    )
    .bind(number)
    .bind(name)
    .fetch_optional(&db.pool)
    .await?;
    Ok(record.map(|(r,)| r))
}

pub async fn publish(db: &Db, id: &str, number: &str, relation: &str, now: i64) -> DbResult<()> {
    sqlx::query("UPDATE memorials SET visibility = 'public', certificate_number = $1, publisher_relation = $2, published_at = $3 WHERE id = $4")
        .bind(number)
        .bind(relation)
        .bind(now)
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

pub async fn set_reminder(db: &Db, id: &str, on: bool) -> DbResult<()> {
    sqlx::query("UPDATE memorials SET reminder = $1 WHERE id = $2")
        .bind(i64::from(on))
        .bind(id)
        .execute(&db.pool)
        .await?;
    Ok(())
}

pub async fn died_on(db: &Db, id: &str) -> DbResult<String> {
    let (died,): (String,) =
        sqlx::query_as("SELECT died_on FROM memorials WHERE id = $1").bind(id).fetch_one(&db.pool).await?;
    Ok(died)
}

pub async fn set_photo(db: &Db, id: &str, photo: Option<&str>) -> DbResult<()> {
    sqlx::query("UPDATE memorials SET photo = $1 WHERE id = $2").bind(photo).bind(id).execute(&db.pool).await?;
    Ok(())
}

/// A memorial's photo upload.
#[derive(sqlx::FromRow)]
pub struct PhotoRow {
    pub id: String,
    pub content_type: String,
}

pub async fn photo(db: &Db, id: &str) -> DbResult<Option<PhotoRow>> {
    sqlx::query_as::<_, PhotoRow>(
        "SELECT u.id, u.content_type FROM memorials m JOIN uploads u ON u.id = m.photo WHERE m.id = $1",
    )
    .bind(id)
    .fetch_optional(&db.pool)
    .await
}
