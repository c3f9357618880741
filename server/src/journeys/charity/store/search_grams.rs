//! The search index's rows (`charity_search_grams`: one row per bigram of a project). What a
//! bigram is, and when to write them, is `search_index`'s; this is only their SQL.

use crate::db::DbResult;
use sqlx::AnyConnection;

/// Removes every bigram of these projects. The caller keeps a batch small enough for both
/// engines' limits on binds (one per project).
pub async fn delete_of(conn: &mut AnyConnection, project_ids: &[&str]) -> DbResult<()> {
    let placeholders: Vec<String> = (1..=project_ids.len()).map(|k| format!("${k}")).collect();
    let sql = format!("DELETE FROM charity_search_grams WHERE project_id IN ({})", placeholders.join(", "));
    let mut q = sqlx::query(&sql);
    for id in project_ids {
        q = q.bind(*id);
    }
    q.execute(&mut *conn).await?;
    Ok(())
}

/// Adds `(gram, project_id)` rows in one statement (two binds a row: the caller batches).
pub async fn insert(conn: &mut AnyConnection, rows: &[(String, &str)]) -> DbResult<()> {
    let values: Vec<String> = (0..rows.len()).map(|k| format!("(${}, ${})", 2 * k + 1, 2 * k + 2)).collect();
    let sql = format!("INSERT INTO charity_search_grams (gram, project_id) VALUES {}", values.join(", "));
    let mut q = sqlx::query(&sql);
    for (gram, id) in rows {
        q = q.bind(gram.clone()).bind(*id);
    }
    q.execute(&mut *conn).await?;
    Ok(())
}
