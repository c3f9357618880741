//! The documents attached to an application.

use crate::db::{Db, DbResult};
use baoan_contract::assistance::*;
use sqlx::AnyConnection;

pub async fn documents(db: &Db, application_id: &str) -> DbResult<Vec<AttachedDocument>> {
    /// A document attached to an application.
    #[derive(sqlx::FromRow)]
    struct DocumentRow {
        kind: String,
        upload_id: String,
        name: String,
    }
    let rows = sqlx::query_as::<_, DocumentRow>(
        "SELECT kind, upload_id, name FROM assistance_documents WHERE application_id = $1 ORDER BY added_at, upload_id",
    )
    .bind(application_id)
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(AttachedDocument { kind: DocumentKind::from_code(&r.kind)?, upload_id: r.upload_id, name: r.name })
        })
        .collect())
}

/// An attachment already on an application.
#[derive(sqlx::FromRow)]
struct AttachedRow {
    #[allow(dead_code)] // read only to know that the row exists
    upload_id: String,
}

/// The name the file had on the resident's device.
#[derive(sqlx::FromRow)]
struct UploadNameRow {
    original_name: String,
}

/// Attaches one upload (the same file twice is kept once).
pub async fn add_document(
    conn: &mut AnyConnection,
    application_id: &str,
    d: &AttachedDocument,
    now: i64,
) -> DbResult<()> {
    let exists = sqlx::query_as::<_, AttachedRow>(
        "SELECT upload_id FROM assistance_documents WHERE application_id = $1 AND upload_id = $2",
    )
    .bind(application_id)
    .bind(&d.upload_id)
    .fetch_optional(&mut *conn)
    .await?;
    if exists.is_none() {
        let name = sqlx::query_as::<_, UploadNameRow>("SELECT original_name FROM uploads WHERE id = $1")
            .bind(&d.upload_id)
            .fetch_optional(&mut *conn)
            .await?;
        sqlx::query("INSERT INTO assistance_documents (application_id, upload_id, kind, name, added_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(application_id)
            .bind(&d.upload_id)
            .bind(d.kind.code())
            .bind(name.map(|r| r.original_name).unwrap_or_else(|| d.name.clone()))
            .bind(now)
            .execute(&mut *conn)
            .await?;
    }
    Ok(())
}
