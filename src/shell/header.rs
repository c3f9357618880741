//! The district's identity and the language switch.

use super::preferences::LanguageSwitch;
use crate::i18n::{use_i18n, Key};
use baoan_contract::bundle::Bundle;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    // The staff pages' brand leads to their own start, never to the residents' home page.
    let home = if crate::app::bundle() == Bundle::Staff { "/staff" } else { "/" };
    view! {
        <header class="site-header">
            <div class="container header-inner">
                <A href=home attr:class="brand">
                    <span class="brand-mark" aria-hidden="true">
                        {move || i18n.t(Key::BrandMark)}
                    </span>
                    <span class="brand-text">
                        <span class="brand-name">{move || i18n.t(Key::SiteName)}</span>
                        <span class="brand-owner">{move || i18n.t(Key::SiteOwner)}</span>
                    </span>
                </A>
                <LanguageSwitch />
            </div>
        </header>
    }
}
