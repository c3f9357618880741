//! Demonstration data: a small realistic set (funds, projects, ledgers, updates, disclosures)
//! and a large generated set for the list benchmark. `generated_project` is a pure function of
//! its index so tests can compute what the list must return.

use crate::db::DbResult;
use baoan_contract::charity::{progress_permille, Category};
use baoan_contract::rules::date::Date;
use sqlx::AnyConnection;

/// Fictional organisers, marked 演示: the district's real charities (宝安区慈善会, 宝安区红十字会)
/// must never be shown with invented registration numbers and ledgers.
pub const ORGANISERS: [&str; 6] = [
    "演示慈善会（示例）",
    "演示红十字服务站（示例）",
    "演示社会福利基金会（示例）",
    "演示青少年发展基金会（示例）",
    "演示社区基金会（示例）",
    "演示慈善服务中心（示例）",
];

/// A new project's stored title and organiser forms: 繁體 converted from 简体 (OpenCC) and the
/// folded search text, written with the row (never per request).
pub struct ProjectTexts {
    pub title_hant: String,
    pub organiser_hant: String,
    pub search_text: String,
}

pub fn project_texts(title: &str, title_en: Option<&str>, organiser: &str) -> ProjectTexts {
    let title = crate::localise::localised(title.into(), None, title_en.map(Into::into));
    let organiser = crate::localise::localised(organiser.into(), None, None);
    let search_text = crate::localise::project_search_text(&title, &organiser);
    ProjectTexts { title_hant: title.zh_hant, organiser_hant: organiser.zh_hant, search_text }
}

fn today(now: i64) -> Date {
    Date::from_unix_seconds(now, super::CHINA_UTC_OFFSET)
}

const GENERATED_DESCRIPTION: &str = "演示生成的项目";
const GENERATED_QUALIFICATION: &str = "具有公开募捐资格";

/// One generated project: everything the list shows, derived from `i` alone.
#[derive(Debug, Clone)]
pub struct GenProject {
    pub id: String,
    pub title: String,
    pub organiser: &'static str,
    pub category: Category,
    pub target_fen: i64,
    pub raised_fen: i64,
    pub donors: i64,
    /// Days from today to the end date (negative: ended).
    pub ends_in_days: i64,
    /// Seconds before `now` it was published (distinct per project: newest is i = 0).
    pub age_seconds: i64,
}

impl GenProject {
    pub fn finished(&self) -> bool {
        self.ends_in_days < 0
    }
}

pub fn generated_project(i: i64) -> GenProject {
    const PLACES: [&str; 8] = ["新安", "西乡", "航城", "福永", "沙井", "松岗", "石岩", "燕罗"];
    const WHAT: [(&str, Category); 6] = [
        ("重症儿童医疗救助", Category::Medical),
        ("困难学生助学金", Category::Education),
        ("长者助餐与探访", Category::Elderly),
        ("困难家庭生活帮扶", Category::Poverty),
        ("防汛应急物资储备", Category::Emergency),
        ("社区书屋与四点半课堂", Category::Community),
    ];
    // A small deterministic mix so sorts have varied keys.
    let h = (i * 7919 + 104_729) % 10_007;
    let (what, category) = WHAT[(i % 6) as usize];
    let target_fen = (20 + h % 480) * 100_000; // ¥20,000 – ¥499,000
    let raised_fen = target_fen * ((h * 31) % 1001) / 1000;
    GenProject {
        id: format!("gen-{i:05}"),
        title: format!("{}{} 第{}期", PLACES[(i % 8) as usize], what, i + 1),
        organiser: ORGANISERS[((i / 6) % 6) as usize],
        category,
        target_fen,
        raised_fen,
        donors: (h * 13) % 5000,
        ends_in_days: (h % 150) - 30,
        age_seconds: 3600 + i * 60,
    }
}

/// Inserts `n` generated projects (100 per statement, so 10,000 take seconds, not minutes).
pub async fn generated(tx: &mut AnyConnection, n: i64, now: i64) -> DbResult<()> {
    let today = today(now);
    let mut i = 0;
    while i < n {
        let batch: Vec<GenProject> = (i..(i + 100).min(n)).map(generated_project).collect();
        const COLS: usize = 15;
        let texts: Vec<ProjectTexts> = batch.iter().map(|p| project_texts(&p.title, None, p.organiser)).collect();
        let mut sql = String::from(
            "INSERT INTO charity_projects (id, title, organiser, title_hant, organiser_hant, search_text, category, registration_no, target_fen, raised_fen, donors, \
             progress_permille, end_date, status, created_at, fund_id, description, qualification, budget, \
             disclosure_period_days, description_hant, qualification_hant) VALUES ",
        );
        // Every generated project has the same description and qualification: their 繁體 are
        // the statement's last two parameters, shared by every row.
        let shared = batch.len() * COLS;
        for k in 0..batch.len() {
            if k > 0 {
                sql.push(',');
            }
            let placeholders: Vec<String> = (1..=COLS).map(|c| format!("${}", k * COLS + c)).collect();
            sql.push_str(&format!(
                "({}, NULL, '{GENERATED_DESCRIPTION}', '{GENERATED_QUALIFICATION}', '[]', 90, ${}, ${})",
                placeholders.join(", "),
                shared + 1,
                shared + 2
            ));
        }
        let mut q = sqlx::query(&sql);
        for (p, t) in batch.iter().zip(&texts) {
            q = q
                .bind(p.id.clone())
                .bind(p.title.clone())
                .bind(p.organiser)
                .bind(t.title_hant.clone())
                .bind(t.organiser_hant.clone())
                .bind(t.search_text.clone())
                .bind(p.category.code())
                .bind(format!("5303{:014}", 100_000 + p.id[4..].parse::<i64>().unwrap_or(0)))
                .bind(p.target_fen)
                .bind(p.raised_fen)
                .bind(p.donors)
                .bind(progress_permille(p.raised_fen, p.target_fen))
                .bind(today.add_days(p.ends_in_days).to_iso())
                .bind(if p.finished() { "finished" } else { "fundraising" })
                .bind(now - p.age_seconds);
        }
        q = q
            .bind(crate::localise::to_hant(GENERATED_DESCRIPTION))
            .bind(crate::localise::to_hant(GENERATED_QUALIFICATION));
        q.execute(&mut *tx).await?;
        let indexed: Vec<(&str, &str)> =
            batch.iter().zip(&texts).map(|(p, t)| (p.id.as_str(), t.search_text.as_str())).collect();
        super::search_index::index_projects(tx, &indexed).await?;
        i += 100;
    }
    Ok(())
}
