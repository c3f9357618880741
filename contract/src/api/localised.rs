//! The one shape of a name or text the server serves in the app's three languages (cemetery
//! names and addresses; charity projects, funds, ledger lines, updates, disclosures). 繁體 is always there: where staff or the
//! seed gave none, the server converted it from 简体 when the text was written. English is
//! optional: a page without it shows the Chinese, marked as such.

use serde::{Deserialize, Serialize};

/// A text in 简体, 繁體 and (when someone wrote it) English.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct LocalisedText {
    pub zh_hans: String,
    pub zh_hant: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

/// The language a page asks a text in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextLang {
    ZhHans,
    ZhHant,
    En,
}

/// The text picked for a language, and whether it is another language's (the page marks it and
/// tags it with that language, so a screen reader reads it right).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Picked<'a> {
    pub text: &'a str,
    /// `Some(BCP 47 tag)` when the text is not in the language asked for.
    pub fell_back_to: Option<&'static str>,
}

impl LocalisedText {
    /// The same text in every language (codes, numbers, names that are not translated).
    pub fn same(text: &str) -> Self {
        Self { zh_hans: text.into(), zh_hant: text.into(), en: Some(text.into()) }
    }

    /// The text in `lang`: English falls back to 简体 (reported); 繁體 falls back to 简体 only when
    /// a text somehow has none.
    pub fn pick(&self, lang: TextLang) -> Picked<'_> {
        let hans = Picked { text: &self.zh_hans, fell_back_to: Some("zh-Hans") };
        match lang {
            TextLang::ZhHans => Picked { text: &self.zh_hans, fell_back_to: None },
            TextLang::ZhHant if self.zh_hant.trim().is_empty() => hans,
            TextLang::ZhHant => Picked { text: &self.zh_hant, fell_back_to: None },
            TextLang::En => match self.en.as_deref().filter(|e| !e.trim().is_empty()) {
                Some(en) => Picked { text: en, fell_back_to: None },
                None => hans,
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(en: Option<&str>) -> LocalisedText {
        LocalisedText { zh_hans: "助学".into(), zh_hant: "助學".into(), en: en.map(Into::into) }
    }

    #[test]
    fn each_language_gets_its_own_text() {
        assert_eq!(t(Some("Study aid")).pick(TextLang::ZhHant), Picked { text: "助學", fell_back_to: None });
        assert_eq!(t(Some("Study aid")).pick(TextLang::En).text, "Study aid");
        assert_eq!(t(None).pick(TextLang::ZhHans), Picked { text: "助学", fell_back_to: None });
    }

    #[test]
    fn english_without_a_translation_falls_back_to_simplified_and_says_so() {
        assert_eq!(t(None).pick(TextLang::En), Picked { text: "助学", fell_back_to: Some("zh-Hans") });
        assert_eq!(t(Some("  ")).pick(TextLang::En).fell_back_to, Some("zh-Hans"));
        let no_hant = LocalisedText { zh_hant: String::new(), ..t(None) };
        assert_eq!(no_hant.pick(TextLang::ZhHant).fell_back_to, Some("zh-Hans"));
    }

    #[test]
    fn english_is_left_out_of_the_json_when_absent() {
        let json = serde_json::to_value(t(None)).unwrap();
        assert_eq!(json, serde_json::json!({ "zh_hans": "助学", "zh_hant": "助學" }));
    }
}
