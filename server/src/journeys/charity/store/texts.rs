//! The charity's texts in three languages as stored: which columns carry a 繁體 beside their
//! 简体, a project's budget (JSON, its items with their own 繁體 and English), a fund's folded
//! search text, and the start-up conversion of rows written before those existed.

use crate::db::DbResult;
use crate::localise::{fill_column, localised, search_text, to_hant};
use baoan_contract::api::LocalisedText;
use baoan_contract::charity::BudgetLine;
use serde::{Deserialize, Serialize};
use sqlx::AnyConnection;

/// Every charity text column with its 繁體 column (migrations 0018 and 0024), besides project
/// titles and organisers, which `localise::fill_missing` converts with their search text.
pub const HANT_COLUMNS: [(&str, &str, &str); 10] = [
    ("charity_funds", "name", "name_hant"),
    ("charity_funds", "description", "description_hant"),
    ("charity_fund_reports", "title", "title_hant"),
    ("charity_ledger", "purpose", "purpose_hant"),
    ("charity_updates", "title", "title_hant"),
    ("charity_updates", "body", "body_hant"),
    ("charity_disclosures", "title", "title_hant"),
    ("charity_projects", "description", "description_hant"),
    ("charity_projects", "qualification", "qualification_hant"),
    ("charity_project_photos", "alt", "alt_hant"),
];

/// One line of a project's stored budget (`charity_projects.budget`, a JSON array).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct StoredBudgetLine {
    pub item: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_hant: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item_en: Option<String>,
    pub amount_fen: i64,
}

impl StoredBudgetLine {
    /// A line as written: its 繁體 converted from 简体 now, English only when given.
    pub fn new(item: &str, item_en: Option<&str>, amount_fen: i64) -> Self {
        Self { item: item.into(), item_hant: Some(to_hant(item)), item_en: item_en.map(Into::into), amount_fen }
    }

    pub fn into_line(self) -> BudgetLine {
        BudgetLine { item: localised(self.item, self.item_hant, self.item_en), amount_fen: self.amount_fen }
    }
}

/// A stored budget's lines (none when the JSON is unreadable).
pub fn budget_lines(json: &str) -> Vec<BudgetLine> {
    serde_json::from_str::<Vec<StoredBudgetLine>>(json).unwrap_or_default().into_iter().map(|l| l.into_line()).collect()
}

/// A stored budget with every item's 繁體 written; `None` when it had them all already.
fn with_hant(json: &str) -> Option<String> {
    let mut lines: Vec<StoredBudgetLine> = serde_json::from_str(json).ok()?;
    let missing = lines.iter().any(|l| l.item_hant.is_none());
    for l in lines.iter_mut().filter(|l| l.item_hant.is_none()) {
        l.item_hant = Some(to_hant(&l.item));
    }
    missing.then(|| serde_json::to_string(&lines).ok()).flatten()
}

/// The folded search text of a fund: its name in every language, one per line.
pub fn fund_search_text(name: &LocalisedText) -> String {
    search_text(&[name])
}

/// Converts what rows written before their 繁體 columns existed lack: every column of
/// `HANT_COLUMNS`, funds' search text, and budget items (found by their JSON holding no
/// `item_hant`; an empty budget has nothing to convert).
pub async fn fill_missing(tx: &mut AnyConnection) -> DbResult<()> {
    for (table, column, hant) in HANT_COLUMNS {
        fill_column(tx, table, column, hant).await?;
    }
    let funds: Vec<(String, String, Option<String>, Option<String>)> =
        sqlx::query_as("SELECT id, name, name_hant, name_en FROM charity_funds WHERE search_text IS NULL")
            .fetch_all(&mut *tx)
            .await?;
    for (id, name, hant, en) in funds {
        let search = fund_search_text(&localised(name, hant, en));
        sqlx::query("UPDATE charity_funds SET search_text = $1 WHERE id = $2")
            .bind(search)
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    let budgets: Vec<(String, String)> = sqlx::query_as(
        "SELECT id, budget FROM charity_projects WHERE budget <> '[]' AND budget NOT LIKE '%\"item_hant\"%'",
    )
    .fetch_all(&mut *tx)
    .await?;
    for (id, budget) in budgets {
        if let Some(converted) = with_hant(&budget) {
            sqlx::query("UPDATE charity_projects SET budget = $1 WHERE id = $2")
                .bind(converted)
                .bind(id)
                .execute(&mut *tx)
                .await?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_budget_written_before_gains_its_traditional_items_and_keeps_the_rest() {
        let old = r#"[{"item":"物资采购与运输","amount_fen":100},{"item":"审计","item_hant":"審計","item_en":"Audit","amount_fen":5}]"#;
        let lines = budget_lines(&with_hant(old).unwrap());
        assert_eq!(lines[0].item.zh_hant, "物資採購與運輸");
        assert_eq!(lines[0].item.en, None);
        assert_eq!(lines[1].item.en.as_deref(), Some("Audit"));
        assert_eq!(lines[1].amount_fen, 5);
        // Converted once: a budget with every 繁體 is left alone.
        assert_eq!(with_hant(&with_hant(old).unwrap()), None);
        assert!(budget_lines("not json").is_empty());
    }
}
