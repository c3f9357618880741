//! The frame around every page: skip link, header, banners, main region, footer.

mod banners;
mod footer;
mod header;
pub mod preferences;

use crate::i18n::{use_i18n, Key};
use leptos::prelude::*;

#[component]
pub fn Shell(children: Children) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <a class="skip-link" href="#main">{move || i18n.t(Key::SkipToContent)}</a>
        <header::Header />
        <banners::DemoBanner />
        <banners::OfflineBanner />
        <main id="main" tabindex="-1" class="container">{children()}</main>
        <footer::Footer />
    }
}
