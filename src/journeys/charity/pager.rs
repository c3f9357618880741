//! The links between the pages of a charity list (projects, funds): previous, "page n / of",
//! next — each link only where there is a page to go to.

use super::i18n::Key;
use crate::i18n::use_i18n;
use leptos::prelude::*;

/// `n` is the page shown (from 1), `pages` how many there are, `link` the address of a page.
#[component]
pub fn Pager(n: i64, pages: i64, link: impl Fn(i64) -> String + 'static) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="charity-pager" aria-label=move || i18n.t(Key::PageNav)>
            {(n > 1)
                .then(|| {
                    view! {
                        <a class="button button-secondary" rel="prev" href=link(n - 1)>
                            {move || i18n.t(Key::PagePrev)}
                        </a>
                    }
                })}
            <span>{move || i18n.t(Key::PageWord)}" "{n}" / "{pages}</span>
            {(n < pages)
                .then(|| {
                    view! {
                        <a class="button button-secondary" rel="next" href=link(n + 1)>
                            {move || i18n.t(Key::PageNext)}
                        </a>
                    }
                })}
        </nav>
    }
}
