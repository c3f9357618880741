//! The search index of projects: every bigram (two consecutive characters) of a project's
//! folded search text (`charity_projects.search_text`: title and organiser in each language,
//! 繁體 folded to 简体 and ASCII lowercased, one per line; see `localise`), in
//! `charity_search_grams` (indexed by gram). A query is folded the same way, so 助學 finds 助学.
//!
//! Chinese has no spaces to split words on, and a substring LIKE has to read every title. A
//! query of two or more characters instead looks up its own bigrams: a project holding all of
//! them is a candidate (an index lookup per bigram), and the LIKE only confirms the candidates
//! (a project may hold the bigrams in another order, or some in its title and some in its
//! organiser). One character has no bigram: such a query falls back to the LIKE scan.
//!
//! Written when a project is created with a title and organiser (the demo and generated data
//! here; projects written before the folded text existed at start-up, `localise::fill_missing`),
//! by `index_projects`.

use super::store::search_grams;
use crate::db::DbResult;
use sqlx::AnyConnection;
use std::collections::BTreeSet;

/// Most bigrams a query looks up: enough to narrow any query to a few candidates (the LIKE
/// still checks the whole text), while keeping the statement small.
pub const MAX_QUERY_GRAMS: usize = 8;

/// The distinct bigrams of `text`, ASCII letters lowercased (both engines lowercase ASCII alike).
pub fn bigrams(text: &str) -> BTreeSet<String> {
    let chars: Vec<char> = text.chars().map(|c| c.to_ascii_lowercase()).collect();
    chars.windows(2).map(|w| w.iter().collect()).collect()
}

/// A project's bigrams: of each line of its folded search text on its own (no bigram spans
/// the title and the organiser).
pub fn project_grams(search_text: &str) -> BTreeSet<String> {
    search_text.lines().flat_map(bigrams).collect()
}

/// The distinct bigrams a (folded) query looks up, in order; a longer query keeps its first
/// [`MAX_QUERY_GRAMS`]. Empty for a query of fewer than two characters.
pub fn query_grams(query: &str) -> Vec<String> {
    let chars: Vec<char> = query.chars().map(|c| c.to_ascii_lowercase()).collect();
    let mut seen = BTreeSet::new();
    chars
        .windows(2)
        .map(|w| w.iter().collect::<String>())
        .filter(|g| seen.insert(g.clone()))
        .take(MAX_QUERY_GRAMS)
        .collect()
}

/// (Re)writes the bigrams of projects `(id, folded search text)`: call whenever a project is
/// created or its title or organiser changes. Batched, so 10,000 projects take seconds.
pub async fn index_projects(conn: &mut AnyConnection, projects: &[(&str, &str)]) -> DbResult<()> {
    for chunk in projects.chunks(400) {
        let ids: Vec<&str> = chunk.iter().map(|(id, _)| *id).collect();
        search_grams::delete_of(conn, &ids).await?;
    }
    let rows: Vec<(String, &str)> =
        projects.iter().flat_map(|(id, text)| project_grams(text).into_iter().map(move |g| (g, *id))).collect();
    // 400 rows (800 binds) per statement: well under both engines' limits on binds.
    for chunk in rows.chunks(400) {
        search_grams::insert(conn, chunk).await?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bigrams_of_chinese_and_mixed_text() {
        let g: Vec<String> = bigrams("西乡助学").into_iter().collect();
        assert_eq!(g, vec!["乡助", "助学", "西乡"]);
        assert_eq!(bigrams("AB c"), ["ab", "b ", " c"].iter().map(|s| s.to_string()).collect());
        assert!(bigrams("助").is_empty());
        assert!(bigrams("").is_empty());
    }

    #[test]
    fn a_project_holds_the_bigrams_of_title_and_organiser_but_none_across() {
        let g = project_grams("书屋\n西乡");
        assert_eq!(g.len(), 2);
        assert!(g.contains("书屋") && g.contains("西乡") && !g.contains("屋西"));
    }

    #[test]
    fn query_bigrams_are_distinct_capped_and_need_two_characters() {
        assert_eq!(query_grams("哈哈哈"), vec!["哈哈"]);
        assert_eq!(query_grams("第1期"), vec!["第1", "1期"]);
        assert!(query_grams("助").is_empty());
        assert_eq!(query_grams("一二三四五六七八九十百千").len(), MAX_QUERY_GRAMS);
        assert_eq!(query_grams("Ab"), vec!["ab"]);
    }
}
