//! The documents and places in them that the repository's own figures cite, in 繁體 and with an
//! English gloss. A source is stored as the document names itself (简体); a page in another
//! language shows the 繁體 title, or on an English page the Chinese title followed by the gloss,
//! marked as an unofficial translation. A document the glossary does not know (one a district
//! cites through the staff API) gets no 繁體 or English and is shown in Chinese, marked.

use crate::api::LocalisedText;

/// (简体 as stored, 繁體 (Hong Kong usage), English gloss).
type Entry = (&'static str, &'static str, &'static str);

const DOCUMENTS: [Entry; 4] = [
    (
        "宝安区民政事业发展“十四五”规划",
        "寶安區民政事業發展「十四五」規劃",
        "Bao'an District civil affairs development plan for the 14th five-year period",
    ),
    (
        "《婚姻登记条例》（2025 年修订）",
        "《婚姻登記條例》（2025 年修訂）",
        "Marriage Registration Regulations (2025 revision)",
    ),
    ("《中华人民共和国民法典》", "《中華人民共和國民法典》", "Civil Code of the People's Republic of China"),
    (
        "GB/T 33661—2017《农历的编算和颁行》",
        "GB/T 33661—2017《農曆的編算和頒行》",
        "national standard GB/T 33661-2017, Calculation and promulgation of the Chinese calendar",
    ),
];

const ARTICLES: [Entry; 5] = [
    (
        "第一章一（一）1“低保标准由每月800元增至1250元”，2020 年标准",
        "第一章一（一）1「低保標準由每月800元增至1250元」，2020 年標準",
        "chapter 1, part 1 (1) 1: \"the minimum living standard rose from 800 to 1,250 yuan a month\", the 2020 standard",
    ),
    (
        "第一章一（二）1“高龄老人津贴发放范围扩大至70周岁以上户籍老人”",
        "第一章一（二）1「高齡老人津貼發放範圍擴大至70周歲以上戶籍老人」",
        "chapter 1, part 1 (2) 1: \"the elderly allowance extended to registered residents aged 70 and over\"",
    ),
    (
        "结婚登记、离婚登记应当出具的证件和证明材料",
        "結婚登記、離婚登記應當出具的證件和證明材料",
        "the papers to show for marriage and divorce registration",
    ),
    ("第一千零七十七条", "第一千零七十七條", "article 1077"),
    ("农历七月初七（七夕）", "農曆七月初七（七夕）", "the seventh day of the seventh lunar month (Qixi)"),
];

fn look_up(table: &[Entry], text: &str) -> LocalisedText {
    match table.iter().find(|(hans, _, _)| *hans == text) {
        Some((hans, hant, en)) => {
            LocalisedText { zh_hans: (*hans).into(), zh_hant: (*hant).into(), en: Some((*en).into()) }
        }
        None => LocalisedText { zh_hans: text.into(), zh_hant: String::new(), en: None },
    }
}

/// A document's title in the three languages (`en` is a gloss, not an official title).
pub fn document_title(document: &str) -> LocalisedText {
    look_up(&DOCUMENTS, document)
}

/// The place in a document (chapter, article) in the three languages (`en` is a gloss).
pub fn article_text(article: &str) -> LocalisedText {
    look_up(&ARTICLES, article)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_known_document_has_traditional_and_an_english_gloss() {
        let plan = document_title("宝安区民政事业发展“十四五”规划");
        assert_eq!(plan.zh_hant, "寶安區民政事業發展「十四五」規劃");
        assert!(plan.en.as_deref().is_some_and(|e| e.contains("14th five-year")));
        assert_eq!(article_text("第一千零七十七条").en.as_deref(), Some("article 1077"));
    }

    #[test]
    fn an_unknown_document_stays_chinese_with_no_invented_translation() {
        let other = document_title("某区文件");
        assert_eq!((other.zh_hans.as_str(), other.zh_hant.as_str(), other.en), ("某区文件", "", None));
    }

    #[test]
    fn the_sources_in_the_repository_are_all_in_the_glossary() {
        use crate::rules::figures::Basis;
        let sources = [
            crate::marriage::checklist::checklist_source(),
            crate::marriage::divorce::cooling_off_source(),
            crate::marriage::busy::qixi_calendar_source(),
        ];
        for source in sources {
            let Basis::Document { document, article } = source.basis else { panic!("a document source") };
            assert!(document_title(&document).en.is_some(), "{document}");
            assert!(article_text(&article).en.is_some(), "{article}");
        }
    }
}
