//! Texts in three languages, written once: 繁體 converted from 简体 where staff or the seed gave
//! none, and the folded (简体, ASCII lowercased) form that search indexes and queries, so 助學
//! finds 助学. Both conversions use OpenCC's dictionaries (`ferrous-opencc`, pure Rust; see
//! ARCHITECTURE.md) and happen when a text is written, never per request.

use crate::db::{Db, DbResult};
use baoan_contract::api::LocalisedText;
use ferrous_opencc::config::BuiltinConfig;
use ferrous_opencc::OpenCC;
use std::sync::OnceLock;

fn converter(config: BuiltinConfig, cell: &'static OnceLock<Option<OpenCC>>) -> Option<&'static OpenCC> {
    cell.get_or_init(|| match OpenCC::from_config(config) {
        Ok(c) => Some(c),
        Err(e) => {
            // The dictionaries are compiled into the binary, so this is a build fault; texts
            // then stay as given rather than the server refusing to start.
            tracing::error!(error = %e, "OpenCC dictionaries could not be loaded");
            None
        }
    })
    .as_ref()
}

/// Characters where the app's own 繁體 tables settled on another Hong Kong form than OpenCC's
/// Hong Kong list (the forms Hong Kong's government writes: 戶籍, 說明, 稅, 啟用, 帳目): data
/// follows the tables, so a page never shows both forms.
const TABLE_FORMS: [(char, char); 5] = [('户', '戶'), ('説', '說'), ('税', '稅'), ('啓', '啟'), ('賬', '帳')];

/// 简体 → 繁體 as written in Hong Kong (OpenCC `s2hk`: its standard Traditional, then Hong
/// Kong's variant characters, e.g. 台 not 臺, 為 not 爲), then `TABLE_FORMS`: the usage of the
/// app's own 繁體 tables (see ARCHITECTURE.md).
pub fn to_hant(hans: &str) -> String {
    static S2HK: OnceLock<Option<OpenCC>> = OnceLock::new();
    let hk = converter(BuiltinConfig::S2hk, &S2HK).map_or_else(|| hans.to_string(), |c| c.convert(hans));
    hk.chars().map(|c| TABLE_FORMS.iter().find(|(from, _)| *from == c).map_or(c, |(_, to)| *to)).collect()
}

/// The form search compares: 繁體 folded to 简体 (OpenCC `hk2s`, which also knows Hong Kong's
/// variant characters; 简体 passes unchanged), ASCII letters lowercased (both engines lowercase
/// ASCII alike, and only ASCII).
pub fn fold(text: &str) -> String {
    static HK2S: OnceLock<Option<OpenCC>> = OnceLock::new();
    let hans = converter(BuiltinConfig::Hk2s, &HK2S).map_or_else(|| text.to_string(), |c| c.convert(text));
    hans.to_ascii_lowercase()
}

fn given(text: Option<String>) -> Option<String> {
    text.filter(|t| !t.trim().is_empty())
}

/// A text as served: 繁體 as stored, or converted when none was stored; English only when given.
pub fn localised(hans: String, hant: Option<String>, en: Option<String>) -> LocalisedText {
    let zh_hant = given(hant).unwrap_or_else(|| to_hant(&hans));
    LocalisedText { zh_hans: hans, zh_hant, en: given(en) }
}

/// The folded search text of a project: its title and organiser in every language given, one
/// per line (no bigram spans two lines, and the LIKE pattern holds no line break).
pub fn project_search_text(title: &LocalisedText, organiser: &LocalisedText) -> String {
    search_text(&[title, organiser])
}

/// The folded search text of texts: each in every language given, one per line.
pub fn search_text(texts: &[&LocalisedText]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for t in texts {
        parts.push(fold(&t.zh_hans));
        parts.push(fold(&t.zh_hant));
        if let Some(en) = &t.en {
            parts.push(fold(en));
        }
    }
    parts.dedup();
    parts.join("\n")
}

/// Writes the 繁體 of `column` into `hant_column` where a row of `table` has none yet: each
/// distinct text converted once (a ledger repeats a few purposes over many lines). The names
/// are the caller's constants, never input.
pub async fn fill_column(
    tx: &mut sqlx::AnyConnection,
    table: &'static str,
    column: &'static str,
    hant_column: &'static str,
) -> DbResult<()> {
    let texts: Vec<(String,)> =
        sqlx::query_as(&format!("SELECT DISTINCT {column} FROM {table} WHERE {hant_column} IS NULL"))
            .fetch_all(&mut *tx)
            .await?;
    let update = format!("UPDATE {table} SET {hant_column} = $1 WHERE {column} = $2 AND {hant_column} IS NULL");
    for (text,) in texts {
        sqlx::query(&update).bind(to_hant(&text)).bind(&text).execute(&mut *tx).await?;
    }
    Ok(())
}

/// Writes the 繁體 and search forms of rows written before they existed (the migration can add
/// columns but not convert): cemeteries and charity projects with no 繁體 yet, and the charity's
/// other texts (`charity::store::texts`). Run at start-up; a database already converted costs a
/// few empty reads.
pub async fn fill_missing(db: &Db) -> DbResult<()> {
    let mut tx = db.begin().await?;
    let cemeteries: Vec<(String, String, String)> = sqlx::query_as(
        "SELECT id, name, address FROM memorial_cemeteries WHERE name_hant IS NULL OR address_hant IS NULL",
    )
    .fetch_all(&mut *tx)
    .await?;
    for (id, name, address) in cemeteries {
        sqlx::query("UPDATE memorial_cemeteries SET name_hant = $1, address_hant = $2 WHERE id = $3")
            .bind(to_hant(&name))
            .bind(to_hant(&address))
            .bind(id)
            .execute(&mut *tx)
            .await?;
    }
    type Row = (String, String, Option<String>, Option<String>, String, Option<String>, Option<String>);
    let projects: Vec<Row> = sqlx::query_as(
        "SELECT id, title, title_hant, title_en, organiser, organiser_hant, organiser_en FROM charity_projects \
         WHERE title_hant IS NULL OR organiser_hant IS NULL OR search_text IS NULL",
    )
    .fetch_all(&mut *tx)
    .await?;
    let mut indexed: Vec<(String, String)> = Vec::new();
    for (id, title, title_hant, title_en, organiser, organiser_hant, organiser_en) in projects {
        let title = localised(title, title_hant, title_en);
        let organiser = localised(organiser, organiser_hant, organiser_en);
        let search = project_search_text(&title, &organiser);
        sqlx::query("UPDATE charity_projects SET title_hant = $1, organiser_hant = $2, search_text = $3 WHERE id = $4")
            .bind(&title.zh_hant)
            .bind(&organiser.zh_hant)
            .bind(&search)
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        indexed.push((id, search));
    }
    let refs: Vec<(&str, &str)> = indexed.iter().map(|(id, s)| (id.as_str(), s.as_str())).collect();
    crate::journeys::charity::search_index::index_projects(&mut tx, &refs).await?;
    crate::journeys::charity::store::texts::fill_missing(&mut tx).await?;
    tx.commit().await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn simplified_converts_to_traditional_and_folds_back() {
        assert_eq!(to_hant("困难学生圆梦助学金"), "困難學生圓夢助學金");
        assert_eq!(fold("助學"), "助学");
        assert_eq!(fold("助学"), "助学");
        assert_eq!(fold("Study AID"), "study aid");
    }

    #[test]
    fn traditional_follows_hong_kong_usage() {
        // Where OpenCC's standard Traditional (`s2t`) and Hong Kong's (`s2hk`) differ, data
        // follows the app's tables: 平台 and 为 as Hong Kong writes them, not 平臺 and 爲.
        let standard = OpenCC::from_config(BuiltinConfig::S2t).unwrap().convert("为长者服务的平台");
        assert_eq!(standard, "爲長者服務的平臺");
        assert_eq!(to_hant("为长者服务的平台"), "為長者服務的平台");
        // And a Hong Kong form folds back to the same 简体 as the standard one.
        assert_eq!(fold("為長者服務的平台"), "为长者服务的平台");
        assert_eq!(fold("爲長者服務的平臺"), "为长者服务的平台");
    }

    #[test]
    fn traditional_uses_the_forms_of_the_app_tables() {
        // OpenCC's Hong Kong list writes 户 説 税 啓 賬; the app's tables (and Hong Kong's
        // government) write 戶 說 稅 啟 帳, and so does data.
        let hk = OpenCC::from_config(BuiltinConfig::S2hk).unwrap().convert("户籍说明、税务和账目启用");
        assert_eq!(hk, "户籍説明、税務和賬目啓用");
        assert_eq!(to_hant("户籍说明、税务和账目启用"), "戶籍說明、稅務和帳目啟用");
        assert_eq!(fold("戶籍說明、稅務和啟用"), "户籍说明、税务和启用");
        // 帳 folds to 帐 (a 简体 character too): search still finds it, as the stored search text
        // holds the 繁體 folded as well.
        assert_eq!(fold("帳目"), "帐目");
    }

    #[test]
    fn given_traditional_and_english_are_kept_and_blank_ones_are_not() {
        let t = localised("宝山园".into(), Some("寶山園".into()), Some(" ".into()));
        assert_eq!((t.zh_hant.as_str(), t.en), ("寶山園", None));
        assert_eq!(localised("宝山园".into(), None, None).zh_hant, "寶山園");
    }

    #[test]
    fn search_text_holds_each_language_once_per_line() {
        let title = localised("助学".into(), None, Some("Study Aid".into()));
        let organiser = localised("演示慈善会".into(), None, None);
        assert_eq!(project_search_text(&title, &organiser), "助学\nstudy aid\n演示慈善会");
    }
}
