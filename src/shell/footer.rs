//! The 12345 hotline, the privacy notice and settings, on every page.

use super::preferences::ElderSwitch;
use crate::i18n::{use_i18n, Key};
use baoan_contract::bundle::Bundle;
use crate::shared::icons::{Icon, Svg};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    // The staff pages link to no resident page: their footer carries the elder-mode switch
    // (the settings page is the residents') and the owner's line.
    if crate::app::bundle() == Bundle::Staff {
        return view! {
            <footer class="site-footer">
                <div class="container">
                    <ElderSwitch />
                    <p class="footer-owner">{move || i18n.t(Key::FooterOwner)}</p>
                </div>
            </footer>
        }
        .into_any();
    }
    view! {
        <footer class="site-footer">
            <div class="container">
                <p class="hotline">
                    <Svg icon=Icon::Phone />
                    <span>{move || i18n.t(Key::HotlineLabel)}</span>
                    " "
                    <a href="tel:12345" class="hotline-number">
                        "12345"
                    </a>
                </p>
                <ul class="footer-links">
                    <li>
                        <A href="/privacy">{move || i18n.t(Key::PrivacyNotice)}</A>
                    </li>
                    <li>
                        <A href="/settings">{move || i18n.t(Key::Settings)}</A>
                    </li>
                </ul>
                <p class="footer-owner">{move || i18n.t(Key::FooterOwner)}</p>
            </div>
        </footer>
    }
    .into_any()
}
