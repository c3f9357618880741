//! Confirmation panel: the page's heading and the reference to keep, in a green box.

use crate::i18n::{use_i18n, Msg};
use leptos::prelude::*;

#[component]
pub fn ConfirmationPanel(
    #[prop(into)] title: Msg,
    /// Words before the reference ("Your reference").
    #[prop(into)]
    reference_label: Msg,
    reference: String,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="ui-panel">
            <h1 class="ui-panel__title">{move || i18n.t(title)}</h1>
            <p class="ui-panel__label">{move || i18n.t(reference_label)}</p>
            <p class="ui-panel__reference reference" data-testid="reference">
                {reference}
            </p>
        </div>
    }
}
