//! Summary list: a `<dl>` of question and answer rows, each optionally with a "Change" link
//! whose accessible name also says which answer it changes.

use super::with_extra;
use crate::i18n::{use_i18n, Msg};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn SummaryList(
    /// Extra classes (a journey's hook, e.g. `marriage-own-identity`).
    #[prop(optional)]
    class: &'static str,
    children: Children,
) -> impl IntoView {
    view! { <dl class=with_extra("ui-summary", class)>{children()}</dl> }
}

#[component]
pub fn SummaryRow(
    #[prop(into)] label: Msg,
    /// Where "Change" goes and its words (each journey has its own "Change").
    #[prop(optional)]
    change: Option<(String, Msg)>,
    /// Extra classes on the answer (`<dd>`).
    #[prop(optional)]
    value_class: &'static str,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let has_change = change.is_some();
    view! {
        <div class="ui-summary__row" class:ui-summary__row--action=has_change>
            <dt class="ui-summary__key">{move || i18n.t(label)}</dt>
            <dd class=with_extra("ui-summary__value", value_class)>{children()}</dd>
            {change.map(|(href, text)| view! {
                <dd class="ui-summary__action">
                    <A href=href>{move || i18n.t(text)}<span class="visually-hidden">" "{move || i18n.t(label)}</span></A>
                </dd>
            })}
        </div>
    }
}
