//! The public reference data: the standards the eligibility rules read, and the communities.

use crate::db::{Db, DbResult};
use crate::error::{AppError, AppResult};
use baoan_contract::assistance::*;
use sqlx::AnyConnection;

/// The standards as the database holds them (one row per figure, with its source), or `None`
/// while the district has set none (a live service before its first import).
pub async fn standards(db: &Db) -> AppResult<Option<Standards>> {
    let rows = sqlx::query_as::<_, StandardRow>(
        "SELECT key, value, basis, document, article, effective_from FROM assistance_standards",
    )
    .fetch_all(&db.pool)
    .await?;
    if rows.is_empty() {
        return Ok(None);
    }
    let mut values = serde_json::Map::new();
    let mut sources = serde_json::Map::new();
    for StandardRow { key, value, basis, document, article, effective_from } in rows {
        values.insert(key.clone(), value.into());
        let basis = match basis.as_str() {
            "document" => serde_json::json!({"kind": "document", "document": document, "article": article}),
            other => serde_json::json!({ "kind": other }),
        };
        sources.insert(key, serde_json::json!({"basis": basis, "effective_from": effective_from}));
    }
    values.insert("sources".into(), sources.into());
    serde_json::from_value(serde_json::Value::Object(values)).map(Some).map_err(|e| {
        tracing::error!(error = %e, "assistance_standards is missing a standard or holds an unreadable source");
        AppError::new(baoan_contract::ErrorCode::Internal, "Standards incomplete")
    })
}

/// One figure: a field of `Standards`, its value and its source.
#[derive(sqlx::FromRow)]
struct StandardRow {
    key: String,
    value: i64,
    basis: String,
    document: Option<String>,
    article: Option<String>,
    effective_from: String,
}

/// Replaces every figure with these (checked already), inside the caller's transaction.
pub async fn replace_standards(tx: &mut AnyConnection, s: &Standards) -> DbResult<()> {
    sqlx::query("DELETE FROM assistance_standards").execute(&mut *tx).await?;
    for key in StandardKey::ALL {
        let source = s.source(key).expect("checked standards have a source for every figure");
        let (basis, document, article) = source.basis.columns();
        sqlx::query(
            "INSERT INTO assistance_standards (key, value, basis, document, article, effective_from) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(key.code())
        .bind(s.value(key))
        .bind(basis)
        .bind(document)
        .bind(article)
        .bind(source.effective_from.to_string())
        .execute(&mut *tx)
        .await?;
    }
    Ok(())
}

/// Records one change of the standards: who, when, the sheet before (if any) and after.
pub async fn record_standards_change(
    tx: &mut AnyConnection,
    now: i64,
    by: &str,
    before: Option<&Standards>,
    after: &Standards,
) -> DbResult<()> {
    let json = |s: &Standards| serde_json::to_string(s).expect("standards serialise");
    sqlx::query(
        "INSERT INTO assistance_standards_changes (id, changed_at, changed_by, before_json, after_json) \
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(crate::db::new_id())
    .bind(now)
    .bind(by)
    .bind(before.map(json))
    .bind(json(after))
    .execute(&mut *tx)
    .await?;
    Ok(())
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
        "SELECT code, street, name_zh_hans, name_zh_hant, name_en FROM assistance_communities WHERE active = 1 \
         ORDER BY sort_order, code",
    )
    .fetch_all(&db.pool)
    .await?;
    Ok(rows
        .into_iter()
        .map(|CommunityRow { code, street, name_zh_hans, name_zh_hant, name_en }| Community {
            code,
            street,
            name: crate::localise::localised(name_zh_hans, Some(name_zh_hant), Some(name_en)),
        })
        .collect())
}
