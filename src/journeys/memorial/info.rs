//! Information: eco-burial (节地生态安葬) and the free basic funeral services policy.

use super::i18n::Key;
use crate::i18n::use_i18n;
use crate::shared::page::use_title;
use leptos::prelude::*;

#[component]
pub fn InfoPage() -> impl IntoView {
    let i18n = use_i18n();
    use_title(Key::InfoTitle);
    view! {
        <h1>{move || i18n.t(Key::InfoTitle)}</h1>
        <h2>{move || i18n.t(Key::InfoEcoHeading)}</h2>
        <p>{move || i18n.t(Key::InfoEcoBody)}</p>
        <h2>{move || i18n.t(Key::InfoFreeHeading)}</h2>
        <p>{move || i18n.t(Key::InfoFreeBody)}</p>
        <h2>{move || i18n.t(Key::ProxyTitle)}</h2>
        <p>{move || i18n.t(Key::ProxyLead)}</p>
    }
}
