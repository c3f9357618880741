//! Project photos: their rows (the files are the uploads service's).

use crate::db::{Db, DbResult};
use sqlx::AnyConnection;

/// A stored photo's row.
pub struct NewPhoto<'a> {
    pub id: &'a str,
    pub project_id: &'a str,
    pub content_type: &'a str,
    pub width: i64,
    pub height: i64,
    pub alt: &'a str,
    pub now: i64,
}

/// The alt text's 繁體 is converted from the 简体 given (OpenCC) and written with the row.
/// Takes a connection, not the pool, so the demo data writes its photos in its seeding transaction.
pub async fn insert(conn: &mut AnyConnection, p: &NewPhoto<'_>) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO charity_project_photos (id, project_id, content_type, width, height, alt, created_at, alt_hant) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(p.id)
    .bind(p.project_id)
    .bind(p.content_type)
    .bind(p.width)
    .bind(p.height)
    .bind(p.alt)
    .bind(p.now)
    .bind(crate::localise::to_hant(p.alt))
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// A project's photo as its page lists it.
#[derive(sqlx::FromRow)]
pub struct PhotoRow {
    pub id: String,
    pub alt: String,
    pub alt_hant: Option<String>,
    pub alt_en: Option<String>,
    pub width: i64,
    pub height: i64,
}

/// A project's photos in the order they were attached.
pub async fn of_project(db: &Db, project_id: &str) -> DbResult<Vec<PhotoRow>> {
    sqlx::query_as::<_, PhotoRow>(
        "SELECT id, alt, alt_hant, alt_en, width, height FROM charity_project_photos WHERE project_id = $1 ORDER BY created_at, id",
    )
    .bind(project_id)
    .fetch_all(&db.pool)
    .await
}

/// A photo's MIME type, if it exists.
pub async fn content_type(db: &Db, id: &str) -> DbResult<Option<String>> {
    let row: Option<(String,)> = sqlx::query_as("SELECT content_type FROM charity_project_photos WHERE id = $1")
        .bind(id)
        .fetch_optional(&db.pool)
        .await?;
    Ok(row.map(|(m,)| m))
}
