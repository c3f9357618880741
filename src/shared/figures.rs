//! A figure's source as residents read it, the same on every page: a document with the place in
//! it and the day it applies from, "published by the civil affairs bureau" with its day, or a
//! visible example tag (`FigureExample`) with a note that it is not official. A document title is
//! shown in the page's language where the contract's glossary knows it: 繁體, or on an English
//! page the Chinese title followed by an English gloss marked as unofficial (`FigureGloss`).

use crate::i18n::{fill, marked, text, use_i18n, Key, Lang, Msg};
use baoan_contract::api::LocalisedText;
use baoan_contract::rules::figures::{article_text, document_title, Basis, Provenance};
use leptos::prelude::*;

/// A cited title or place in `lang`: the glossary's 繁體; on an English page the Chinese with the
/// gloss after it; a text the glossary lacks in Chinese, marked.
fn cited(t: &LocalisedText, lang: Lang) -> String {
    match (lang, &t.en) {
        (Lang::En, Some(gloss)) => format!("{}{}", t.zh_hans, fill(text(lang, Key::FigureGloss), &[("gloss", gloss)])),
        _ => marked(t, lang),
    }
}

/// A document's title and the place in it, in `lang`.
pub fn cited_document(document: &str, article: &str, lang: Lang) -> (String, String) {
    (cited(&document_title(document), lang), cited(&article_text(article), lang))
}

/// The source line of a figure (`FigureSourceDocument` or `FigureSourceDistrict`), or the
/// example tag with `example_note` (by default `FigureExampleNote`: not an official standard)
/// for an example or a figure without a source (never passed off as policy).
#[component]
pub fn FigureSource(
    #[prop(into)] source: Option<Provenance>,
    #[prop(optional, into)] example_note: Option<Msg>,
) -> impl IntoView {
    let i18n = use_i18n();
    let Some(source) = source.filter(|s| !s.is_example()) else {
        let note = example_note.unwrap_or_else(|| Key::FigureExampleNote.into());
        return view! {
            <span class="tag tag-example">{move || i18n.t(Key::FigureExample)}</span>
            " "
            <span class="figure-source">{move || i18n.t(note)}</span>
        }
        .into_any();
    };
    let date = source.effective_from.to_string();
    let line = move || match &source.basis {
        Basis::Document { document, article } => {
            let (document, article) = cited_document(document, article, i18n.lang.get());
            fill(
                i18n.t(Key::FigureSourceDocument),
                &[("document", document.as_str()), ("article", article.as_str()), ("date", &date)],
            )
        }
        _ => fill(i18n.t(Key::FigureSourceDistrict), &[("date", &date)]),
    };
    view! { <span class="figure-source">{line}</span> }.into_any()
}
