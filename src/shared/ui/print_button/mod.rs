//! Print button: prints the page (a confirmation, a receipt, an application's summary) so a
//! resident can bring it on paper. Buttons are left off the printed page by the base stylesheet.

use crate::i18n::{use_i18n, Msg};
use leptos::prelude::*;

#[component]
pub fn PrintButton(
    /// The page's own words ("Print", "Print the summary").
    #[prop(into)]
    label: Msg,
    /// The page's main action (a receipt): a primary button rather than a secondary one.
    #[prop(optional)]
    primary: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <button
            type="button"
            class=if primary { "button" } else { "button button-secondary" }
            on:click=|_| {
                let _ = window().print();
            }
        >
            {move || i18n.t(label)}
        </button>
    }
}
