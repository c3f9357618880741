//! Shown for any address the app does not know.

use crate::i18n::{use_i18n, Key};
use crate::shared::page::use_title;
use baoan_contract::bundle::Bundle;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn NotFound() -> impl IntoView {
    let i18n = use_i18n();
    use_title(Key::NotFoundTitle);
    // The staff pages' start is their own: they never lead to the residents' home page.
    let home = if crate::app::bundle() == Bundle::Staff { "/staff" } else { "/" };
    view! {
        <h1>{move || i18n.t(Key::NotFoundTitle)}</h1>
        <p>{move || i18n.t(Key::NotFoundBody)}</p>
        <p>
            <A href=home attr:class="button">
                {move || i18n.t(Key::BackToHome)}
            </A>
        </p>
    }
}
