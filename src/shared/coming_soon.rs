//! The honest placeholder for a journey that is not online yet: what it will do, that it is
//! coming, and how to get the service today (the hotline and the counter).

use crate::i18n::{use_i18n, Key, Msg};
use crate::shared::page::use_title;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn ComingSoon(#[prop(into)] title: Msg, #[prop(into)] summary: Msg) -> impl IntoView {
    let i18n = use_i18n();
    use_title(title);
    view! {
        <h1>{move || i18n.t(title)}</h1>
        <p class="lead">{move || i18n.t(summary)}</p>
        <div class="notice" role="note">
            <h2 class="notice-title">{move || i18n.t(Key::ComingSoonHeading)}</h2>
            <p>{move || i18n.t(Key::ComingSoonBody)}</p>
        </div>
        <p><A href="/" attr:class="button button-secondary">{move || i18n.t(Key::BackToHome)}</A></p>
    }
}
