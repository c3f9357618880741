//! Shown for any address the app does not know.

use crate::i18n::{use_i18n, Key};
use crate::shared::page::use_title;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    use_title(Key::NotFoundTitle);
    view! {
        <h1>{move || i18n.t(Key::NotFoundTitle)}</h1>
        <p>{move || i18n.t(Key::NotFoundBody)}</p>
        <p>
            <A href="/" attr:class="button">
                {move || i18n.t(Key::BackToHome)}
            </A>
        </p>
    }
}
