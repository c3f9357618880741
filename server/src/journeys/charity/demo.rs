//! The small realistic demo set: named funds and projects of every category, with ledgers,
//! progress updates and disclosures whose dates show every state of the disclosure badge.
//! Fictional organisations (named 演示…（示例）) and people; amounts in fen. Texts are written
//! in three languages as staff would write them (`demo_texts`).

use super::demo_texts::{en, hant_en, report_title_en};
use super::seed::{project_texts, ORGANISERS};
use super::store::texts::{fund_search_text, StoredBudgetLine};
use crate::db::{new_id, DbResult};
use crate::localise::{localised, to_hant};
use baoan_contract::charity::progress_permille;
use baoan_contract::rules::date::Date;
use sqlx::AnyConnection;

struct Fund {
    id: &'static str,
    name: &'static str,
    founder: &'static str,
    founded: &'static str,
    principal_yuan: i64,
    description: &'static str,
}

const FUNDS: [Fund; 5] = [
    Fund {
        id: "f-haiwan",
        name: "海湾科技冠名慈善基金",
        founder: "enterprise",
        founded: "2019-06-18",
        principal_yuan: 2_000_000,
        description: "由辖区企业捐资设立，重点支持重症儿童医疗救助和困难学生助学。",
    },
    Fund {
        id: "f-chen",
        name: "陈氏家族助学冠名基金",
        founder: "family",
        founded: "2016-09-01",
        principal_yuan: 500_000,
        description: "陈氏家族三代人共同设立，每年资助宝安区困难家庭学生完成学业。",
    },
    Fund {
        id: "f-limingde",
        name: "李明德敬老冠名基金",
        founder: "individual",
        founded: "2021-03-05",
        principal_yuan: 300_000,
        description: "退休教师李明德先生个人设立，支持社区长者助餐与上门探访。",
    },
    Fund {
        id: "f-xixiang",
        name: "西乡商会应急救灾冠名基金",
        founder: "enterprise",
        founded: "2018-07-22",
        principal_yuan: 1_000_000,
        description: "用于台风、暴雨等灾害的应急物资储备与受灾群众救助。",
    },
    Fund {
        id: "f-huang",
        name: "黄氏家族社区发展冠名基金",
        founder: "family",
        founded: "2022-11-11",
        principal_yuan: 800_000,
        description: "支持社区书屋、四点半课堂等社区公共服务项目。",
    },
];

struct Project {
    id: &'static str,
    title: &'static str,
    organiser: usize,
    category: &'static str,
    target_yuan: i64,
    raised_yuan: i64,
    donors: i64,
    ends_in_days: i64,
    fund: Option<&'static str>,
    description: &'static str,
    /// Days ago of the last disclosure (period 90 days): 30 on time, 80 due soon, 100 amber, 120 red.
    disclosed_days_ago: i64,
}

const PROJECTS: [Project; 10] = [
    Project {
        id: "p-heart-kids",
        title: "先心病儿童手术救助计划",
        organiser: 0,
        category: "medical",
        target_yuan: 500_000,
        raised_yuan: 412_300,
        donors: 1_862,
        ends_in_days: 45,
        fund: Some("f-haiwan"),
        description: "为宝安区困难家庭先天性心脏病患儿提供手术费用补助，每名患儿最高补助3万元，由合作医院直接结算。",
        disclosed_days_ago: 30,
    },
    Project {
        id: "p-study-aid",
        title: "困难学生圆梦助学金",
        organiser: 3,
        category: "education",
        target_yuan: 300_000,
        raised_yuan: 287_500,
        donors: 964,
        ends_in_days: 12,
        fund: Some("f-chen"),
        description: "资助考入高校的困难家庭学生，每人一次性发放助学金5000元，并安排志愿者结对陪伴。",
        disclosed_days_ago: 80,
    },
    Project {
        id: "p-elder-meals",
        title: "长者饭堂爱心助餐",
        organiser: 2,
        category: "elderly",
        target_yuan: 200_000,
        raised_yuan: 96_800,
        donors: 731,
        ends_in_days: 90,
        fund: Some("f-limingde"),
        description: "为80岁以上独居、高龄长者提供每餐补贴4元的助餐服务，并为行动不便者送餐上门。",
        disclosed_days_ago: 100,
    },
    Project {
        id: "p-warm-homes",
        title: "困难家庭温暖过冬行动",
        organiser: 0,
        category: "poverty",
        target_yuan: 150_000,
        raised_yuan: 150_000,
        donors: 1_204,
        ends_in_days: -20,
        fund: None,
        description: "为低保、低边家庭发放御寒物资包和生活补助，已按计划完成筹款。",
        disclosed_days_ago: 120,
    },
    Project {
        id: "p-flood-kits",
        title: "防汛应急物资储备",
        organiser: 1,
        category: "emergency",
        target_yuan: 400_000,
        raised_yuan: 132_000,
        donors: 389,
        ends_in_days: 60,
        fund: Some("f-xixiang"),
        description: "在各街道储备救生衣、应急照明、饮用水和食品，汛期随时调拨。",
        disclosed_days_ago: 30,
    },
    Project {
        id: "p-reading-room",
        title: "社区书屋与四点半课堂",
        organiser: 4,
        category: "community",
        target_yuan: 120_000,
        raised_yuan: 58_900,
        donors: 412,
        ends_in_days: 30,
        fund: Some("f-huang"),
        description: "在西乡街道三个社区建设书屋，为双职工家庭孩子提供放学后的看护与作业辅导。",
        disclosed_days_ago: 80,
    },
    Project {
        id: "p-dialysis",
        title: "尿毒症患者透析费用救助",
        organiser: 1,
        category: "medical",
        target_yuan: 600_000,
        raised_yuan: 201_400,
        donors: 655,
        ends_in_days: 75,
        fund: None,
        description: "为长期透析的困难患者补助自付费用，每人每月最高1500元。",
        disclosed_days_ago: 30,
    },
    Project {
        id: "p-hearing",
        title: "听障儿童助听器捐赠",
        organiser: 5,
        category: "medical",
        target_yuan: 180_000,
        raised_yuan: 171_000,
        donors: 540,
        ends_in_days: 8,
        fund: Some("f-haiwan"),
        description: "为听障儿童适配助听器并提供一年的听力康复训练。",
        disclosed_days_ago: 100,
    },
    Project {
        id: "p-elder-visits",
        title: "独居长者上门探访",
        organiser: 5,
        category: "elderly",
        target_yuan: 80_000,
        raised_yuan: 22_600,
        donors: 118,
        ends_in_days: 100,
        fund: None,
        description: "志愿者每周上门探访独居长者，检查居家安全，陪伴聊天。",
        disclosed_days_ago: 30,
    },
    Project {
        id: "p-typhoon-relief",
        title: "台风受灾群众紧急救助",
        organiser: 1,
        category: "emergency",
        target_yuan: 250_000,
        raised_yuan: 250_000,
        donors: 2_310,
        ends_in_days: -60,
        fund: Some("f-xixiang"),
        description: "为台风中房屋受损的家庭提供临时安置和生活物资。",
        disclosed_days_ago: 120,
    },
];

/// English titles where the demo has one; the others show their Chinese title, marked, on an
/// English page (as real data without a translation would).
fn title_en(id: &str) -> Option<&'static str> {
    match id {
        "p-heart-kids" => Some("Heart surgery for children with congenital heart disease"),
        "p-study-aid" => Some("Study grants for students from families in hardship"),
        "p-elder-meals" => Some("Meals for older residents"),
        _ => None,
    }
}

pub async fn seed(tx: &mut AnyConnection, now: i64) -> DbResult<()> {
    let today = Date::from_unix_seconds(now, super::CHINA_UTC_OFFSET);
    for f in &FUNDS {
        let ((name_hant, name_en), (description_hant, description_en)) = (hant_en(f.name), hant_en(f.description));
        let search = fund_search_text(&localised(f.name.into(), Some(name_hant.clone()), name_en.map(Into::into)));
        sqlx::query("INSERT INTO charity_funds (id, name, founder_type, founded, principal_fen, description, created_at, name_hant, name_en, description_hant, description_en, search_text) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)")
            .bind(f.id).bind(f.name).bind(f.founder).bind(f.founded).bind(f.principal_yuan * 100).bind(f.description).bind(now)
            .bind(name_hant).bind(name_en).bind(description_hant).bind(description_en).bind(search)
            .execute(&mut *tx).await?;
        let year = today.year();
        let in_fen = f.principal_yuan * 100;
        for (k, (date, kind, share, purpose, who)) in [
            (format!("{}-01-15", year - 1), "income", 40, "冠名人年度注资", "enterprise"),
            (format!("{}-06-30", year - 1), "expense", 25, "资助本基金支持的项目", "beneficiaries"),
            (format!("{}-01-15", year), "income", 30, "冠名人年度注资", "enterprise"),
            (today.add_days(-20).to_iso(), "expense", 15, "资助本基金支持的项目", "beneficiaries"),
        ]
        .into_iter()
        .enumerate()
        {
            let who = if f.founder == "enterprise" || kind == "expense" { who } else { "public_donors" };
            ledger(
                tx,
                None,
                Some(f.id),
                &date,
                kind,
                in_fen * share / 100,
                purpose,
                who,
                &format!("{}-{k:02}", f.id.to_uppercase()),
                now,
            )
            .await?;
        }
        for (year, income, expense) in [(year - 1, 40, 25), (year - 2, 35, 30)] {
            let title = format!("{}{}年度工作报告", f.name, year);
            sqlx::query("INSERT INTO charity_fund_reports (fund_id, year, title, income_fen, expense_fen, title_hant, title_en) VALUES ($1, $2, $3, $4, $5, $6, $7)")
                .bind(f.id).bind(year as i64).bind(&title)
                .bind(in_fen * income / 100).bind(in_fen * expense / 100)
                .bind(to_hant(&title)).bind(report_title_en(f.name, year))
                .execute(&mut *tx).await?;
        }
    }
    for (n, p) in PROJECTS.iter().enumerate() {
        let (target, raised) = (p.target_yuan * 100, p.raised_yuan * 100);
        let budget: Vec<StoredBudgetLine> = [("直接救助与服务", 85), ("物资采购与运输", 10), ("执行与审计费用", 5)]
            .into_iter()
            .map(|(item, share)| StoredBudgetLine::new(item, en(item), target * share / 100))
            .collect();
        let qualification = format!("{}：依法登记的慈善组织，具有公开募捐资格", ORGANISERS[p.organiser]);
        let (description_hant, description_en) = hant_en(p.description);
        let texts = project_texts(p.title, title_en(p.id), ORGANISERS[p.organiser]);
        sqlx::query("INSERT INTO charity_projects (id, title, organiser, category, registration_no, target_fen, raised_fen, donors, progress_permille, end_date, status, fund_id, description, qualification, budget, disclosure_period_days, created_at, title_hant, title_en, organiser_hant, search_text, description_hant, description_en, qualification_hant) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, 90, $16, $17, $18, $19, $20, $21, $22, $23)")
            .bind(p.id).bind(p.title).bind(ORGANISERS[p.organiser]).bind(p.category)
            .bind(format!("53440306MJL{:07}", 2_026_001 + n as i64))
            .bind(target).bind(raised).bind(p.donors).bind(progress_permille(raised, target))
            .bind(today.add_days(p.ends_in_days).to_iso())
            .bind(if p.ends_in_days < 0 { "finished" } else { "fundraising" })
            .bind(p.fund).bind(p.description)
            .bind(&qualification)
            .bind(serde_json::to_string(&budget).unwrap_or_else(|_| "[]".into()))
            .bind(now - 86_400 * (130 + n as i64 * 3))
            .bind(&texts.title_hant).bind(title_en(p.id)).bind(&texts.organiser_hant).bind(&texts.search_text)
            .bind(description_hant).bind(description_en).bind(to_hant(&qualification))
            .execute(&mut *tx).await?;
        super::search_index::index_projects(tx, &[(p.id, &texts.search_text)]).await?;
        let start = today.add_days(-125);
        let (hospital, goods) = match p.category {
            "medical" => ("hospital", "supplier"),
            "education" => ("school", "beneficiaries"),
            _ => ("beneficiaries", "supplier"),
        };
        for (k, (days, kind, share, purpose, who)) in [
            (0, "income", 45, "公众网上捐赠（汇总）", "public_donors"),
            (10, "income", 30, "企业定向捐赠", "enterprise"),
            (40, "expense", 35, "第一批救助款拨付", hospital),
            (55, "expense", 8, "物资采购", goods),
            (70, "income", 25, "公众网上捐赠（汇总）", "public_donors"),
            (90, "expense", 30, "第二批救助款拨付", hospital),
            (100, "expense", 3, "项目执行与审计", "operations"),
        ]
        .into_iter()
        .enumerate()
        {
            let receipt = format!("{}-{:03}", p.id[2..].to_uppercase(), k + 1);
            ledger(
                tx,
                Some(p.id),
                None,
                &start.add_days(days).to_iso(),
                kind,
                raised * share / 100,
                purpose,
                who,
                &receipt,
                now,
            )
            .await?;
        }
        for (days, title, body) in [
            (-120, "项目启动", "项目通过备案并上线募捐，合作单位完成对接。"),
            (-60, "第一批救助完成", "首批受助对象已收到救助款，回访情况良好。"),
            (-10, "阶段进展", "第二批救助名单已公示，欢迎社会监督。"),
        ] {
            let ((title_hant, title_en), (body_hant, body_en)) = (hant_en(title), hant_en(body));
            sqlx::query(
                "INSERT INTO charity_updates (id, project_id, update_date, title, body, title_hant, title_en, body_hant, body_en) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
            )
            .bind(new_id())
            .bind(p.id)
            .bind(today.add_days(days).to_iso())
            .bind(title)
            .bind(body)
            .bind(title_hant)
            .bind(title_en)
            .bind(body_hant)
            .bind(body_en)
            .execute(&mut *tx)
            .await?;
        }
        for (ago, title) in
            [(p.disclosed_days_ago + 90, "季度募捐与使用情况公示"), (p.disclosed_days_ago, "季度募捐与使用情况公示")]
        {
            let (title_hant, title_en) = hant_en(title);
            sqlx::query(
                "INSERT INTO charity_disclosures (id, project_id, disclosure_date, title, title_hant, title_en) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(new_id())
            .bind(p.id)
            .bind(today.add_days(-ago).to_iso())
            .bind(title)
            .bind(title_hant)
            .bind(title_en)
            .execute(&mut *tx)
            .await?;
        }
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
async fn ledger(
    tx: &mut AnyConnection,
    project: Option<&str>,
    fund: Option<&str>,
    date: &str,
    kind: &str,
    amount_fen: i64,
    purpose: &str,
    counterparty: &str,
    receipt: &str,
    now: i64,
) -> DbResult<()> {
    let (purpose_hant, purpose_en) = hant_en(purpose);
    sqlx::query("INSERT INTO charity_ledger (id, project_id, fund_id, entry_date, kind, amount_fen, purpose, counterparty, receipt_ref, created_at, purpose_hant, purpose_en) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)")
        .bind(new_id()).bind(project).bind(fund).bind(date).bind(kind).bind(amount_fen).bind(purpose).bind(counterparty).bind(receipt).bind(now)
        .bind(purpose_hant).bind(purpose_en)
        .execute(&mut *tx).await?;
    Ok(())
}
