//! Banners that say something about the whole service: demo data, and a dropped network.

use crate::i18n::{use_i18n, Key};
use crate::shared::api::Network;
use crate::shared::icons::{Icon, Svg};
use leptos::prelude::*;

/// Every page of a server holding demonstration data says so, so nobody mistakes it for the
/// live service.
#[component]
pub fn DemoBanner() -> impl IntoView {
    let i18n = use_i18n();
    let meta = LocalResource::new(crate::account::api::meta);
    move || {
        let demo = meta.get().and_then(|r| r.ok()).map(|m| m.demo).unwrap_or(false);
        demo.then(|| {
            view! {
                <div class="banner banner-demo" role="note">
                    <div class="container">
                        <strong>{move || i18n.t(Key::DemoTag)}</strong>
                        " "
                        {move || i18n.t(Key::DemoExplained)}
                    </div>
                </div>
            }
        })
    }
}

/// Shown while the browser is offline or the last request got no answer. Nothing typed is lost.
#[component]
pub fn OfflineBanner() -> impl IntoView {
    let i18n = use_i18n();
    let network = expect_context::<Network>();
    view! {
        <div role="status" aria-live="polite" class="offline-slot">
            {move || {
                network
                    .offline()
                    .then(|| {
                        view! {
                            <div class="banner banner-offline">
                                <div class="container">
                                    <Svg icon=Icon::Offline />
                                    " "
                                    {move || i18n.t(Key::OfflineBanner)}
                                </div>
                            </div>
                        }
                    })
            }}
        </div>
    }
}
