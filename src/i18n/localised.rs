//! Names and texts the server serves in three languages (`LocalisedText`: cemeteries, charity
//! projects, funds, ledgers, updates, disclosures) on a page. A text shown in another language than the page's (English
//! with no translation falls back to 简体) carries that language's `lang`, so a screen reader
//! reads it as Chinese, and a visible marker from the shared table: "(in Chinese)".

use super::{use_i18n, Key, Lang};
use baoan_contract::api::{LocalisedText, TextLang};
use leptos::prelude::*;

pub fn text_lang(lang: Lang) -> TextLang {
    match lang {
        Lang::ZhHans => TextLang::ZhHans,
        Lang::ZhHant => TextLang::ZhHant,
        Lang::En => TextLang::En,
    }
}

/// The text in `lang` with the marker appended when it fell back: for places that hold plain
/// text only (a `<select>`'s options, the document title, a radio's label).
pub fn marked(text: &LocalisedText, lang: Lang) -> String {
    let picked = text.pick(text_lang(lang));
    match picked.fell_back_to {
        Some(_) => format!("{}{}", picked.text, super::text(lang, Key::InChinese)),
        None => picked.text.to_string(),
    }
}

/// A server text in the page's language; a fallback is tagged with its own language and marked.
#[component]
pub fn Localised(#[prop(into)] text: LocalisedText) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let lang = i18n.lang.get();
        let picked = text.pick(text_lang(lang));
        let mark =
            picked.fell_back_to.map(|_| view! { <span class="in-chinese">{super::text(lang, Key::InChinese)}</span> });
        view! {
            <span lang=picked.fell_back_to>{picked.text.to_string()}</span>
            {mark}
        }
    }
}
