//! Back link: to the previous step, above the page's heading.

use crate::i18n::{use_i18n, Msg};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn BackLink(
    href: String,
    /// The journey's own "Back".
    #[prop(into)]
    text: Msg,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="ui-back">
            <A href=href>{move || i18n.t(text)}</A>
        </p>
    }
}
