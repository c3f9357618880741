//! The public reference data: the standards the eligibility rules read, and the communities.

use crate::db::{Db, DbResult};
use crate::error::{AppError, AppResult};
use baoan_contract::assistance::*;

/// The standards as the database holds them (one row per field of `Standards`).
pub async fn standards(db: &Db) -> AppResult<Standards> {
    /// One standard: a field of `Standards` and its value.
    #[derive(sqlx::FromRow)]
    struct StandardRow {
        key: String,
        value: i64,
    }
    let rows =
        sqlx::query_as::<_, StandardRow>("SELECT key, value FROM assistance_standards").fetch_all(&db.pool).await?;
    let object: serde_json::Map<String, serde_json::Value> =
        rows.into_iter().map(|r| (r.key, r.value.into())).collect();
    serde_json::from_value(serde_json::Value::Object(object)).map_err(|e| {
        tracing::error!(error = %e, "assistance_standards is missing a standard");
        AppError::new(baoan_contract::ErrorCode::Internal, "Standards incomplete")
    })
}

pub async fn communities(db: &Db) -> DbResult<Vec<Community>> {
    /// A row of `assistance_communities`.
    #[derive(sqlx::FromRow)]
    struct CommunityRow {
        code: String,
        street: String,
        name_zh_hans: String,
        name_zh_hant: String,
        name_en: String,
    }
    let rows = sqlx::query_as::<_, CommunityRow>(
        "SELECT code, street, name_zh_hans, name_zh_hant, name_en FROM assistance_communities ORDER BY sort_order",
    )
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|CommunityRow { code, street, name_zh_hans, name_zh_hant, name_en }| Community {
            code,
            street,
            name_zh_hans,
            name_zh_hant,
            name_en,
        })
        .collect())
}
