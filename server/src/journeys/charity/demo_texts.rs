//! The demo's texts in 繁體 and English, as staff would write them: 繁體 converted from 简体 when
//! written (OpenCC, `localise::to_hant`), English where the demo has one. Some texts have none on
//! purpose (two funds, most descriptions, every qualification), so an English page shows how a
//! text without a translation looks: the Chinese, marked.

use crate::localise::to_hant;

/// A demo text's 繁體 and English.
pub fn hant_en(hans: &str) -> (String, Option<&'static str>) {
    (to_hant(hans), en(hans))
}

/// The English of a demo fund's annual report, when the fund's name has one.
pub fn report_title_en(fund_name: &str, year: i32) -> Option<String> {
    en(fund_name).map(|name| format!("{name}: {year} annual report"))
}

/// The English the demo has for a 简体 text of its own.
pub fn en(hans: &str) -> Option<&'static str> {
    Some(match hans {
        // Funds: names and descriptions (陈氏 and 黄氏 have none).
        "海湾科技冠名慈善基金" => "Haiwan Technology Named Charity Fund",
        "由辖区企业捐资设立，重点支持重症儿童医疗救助和困难学生助学。" => {
            "Set up with gifts from a local company; supports medical aid for critically ill children and grants for students in hardship."
        }
        "李明德敬老冠名基金" => "Li Mingde Fund for Older Residents",
        "退休教师李明德先生个人设立，支持社区长者助餐与上门探访。" => {
            "Set up by Mr Li Mingde, a retired teacher, for meals and home visits for older residents."
        }
        "西乡商会应急救灾冠名基金" => "Xixiang Chamber of Commerce Emergency Relief Fund",
        "用于台风、暴雨等灾害的应急物资储备与受灾群众救助。" => {
            "Emergency supplies and relief for people affected by typhoons, rainstorms and other disasters."
        }
        // Ledger lines.
        "冠名人年度注资" => "Annual contribution from the fund's founder",
        "资助本基金支持的项目" => "Grants to projects the fund supports",
        "公众网上捐赠（汇总）" => "Online gifts from the public (total)",
        "企业定向捐赠" => "Designated gift from a company",
        "第一批救助款拨付" => "First payment of aid",
        "物资采购" => "Purchase of supplies",
        "第二批救助款拨付" => "Second payment of aid",
        "项目执行与审计" => "Project delivery and audit",
        // Budget items.
        "直接救助与服务" => "Direct aid and services",
        "物资采购与运输" => "Purchase and transport of supplies",
        "执行与审计费用" => "Delivery and audit costs",
        // Progress updates and disclosures.
        "项目启动" => "Project launched",
        "项目通过备案并上线募捐，合作单位完成对接。" => {
            "The project was registered and opened for gifts; its partners are on board."
        }
        "第一批救助完成" => "First round of aid completed",
        "首批受助对象已收到救助款，回访情况良好。" => {
            "The first recipients have received their aid; follow-up visits found them doing well."
        }
        "阶段进展" => "Progress update",
        "第二批救助名单已公示，欢迎社会监督。" => {
            "The list of the second round of recipients has been published for anyone to check."
        }
        "季度募捐与使用情况公示" => "Quarterly report of gifts received and how they were used",
        // Project descriptions (the three projects with English titles).
        "为宝安区困难家庭先天性心脏病患儿提供手术费用补助，每名患儿最高补助3万元，由合作医院直接结算。" => {
            "Surgery costs for children with congenital heart disease from families in hardship in Bao'an: up to 30,000 yuan per child, paid directly to partner hospitals."
        }
        "资助考入高校的困难家庭学生，每人一次性发放助学金5000元，并安排志愿者结对陪伴。" => {
            "A one-off grant of 5,000 yuan for each student from a family in hardship who gets into university, and a volunteer paired with each of them."
        }
        "为80岁以上独居、高龄长者提供每餐补贴4元的助餐服务，并为行动不便者送餐上门。" => {
            "Meals for residents aged 80 and over who live alone, subsidised by 4 yuan a meal, delivered to those who cannot get out."
        }
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_demo_text_has_its_traditional_and_english_or_no_english() {
        assert_eq!(hant_en("项目启动"), ("項目啟動".to_string(), Some("Project launched")));
        assert_eq!(hant_en("陈氏家族助学冠名基金").1, None);
        assert_eq!(
            report_title_en("李明德敬老冠名基金", 2025).as_deref(),
            Some("Li Mingde Fund for Older Residents: 2025 annual report")
        );
    }
}
