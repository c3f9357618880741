//! The frame around every page: skip link, header, banners, main region, footer.

mod banners;
mod footer;
mod header;
pub mod preferences;

use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    // After moving to another page, put keyboard and screen-reader focus at the start of the
    // new content (as a full page load would), not on the link that was just clicked.
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|p| p != path) {
            if let Some(main) = document().get_element_by_id("main") {
                let _ = main.unchecked_into::<web_sys::HtmlElement>().focus();
            }
        }
        path
    });
    view! {
        <a class="skip-link" href="#main">
            {move || i18n.t(Key::SkipToContent)}
        </a>
        <header::Header />
        <banners::DemoBanner />
        <banners::OfflineBanner />
        <main id="main" tabindex="-1" class="container">
            {children()}
        </main>
        <footer::Footer />
    }
}
