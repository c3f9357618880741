//! The privacy notice: what we keep, why, and how it is protected.

use crate::i18n::{use_i18n, Key};
use crate::shared::page::use_title;
use leptos::prelude::*;

const SECTIONS: [(Key, Key); 4] = [
    (Key::PrivacyWhatHeading, Key::PrivacyWhatBody),
    (Key::PrivacyWhyHeading, Key::PrivacyWhyBody),
    (Key::PrivacyProtectHeading, Key::PrivacyProtectBody),
    (Key::PrivacyRightsHeading, Key::PrivacyRightsBody),
];

#[component]
pub fn Privacy() -> impl IntoView {
    let i18n = use_i18n();
    use_title(Key::PrivacyNotice);
    view! {
        <h1>{move || i18n.t(Key::PrivacyNotice)}</h1>
        {SECTIONS.into_iter().map(|(heading, body)| view! {
            <h2>{move || i18n.t(heading)}</h2>
            <p>{move || i18n.t(body)}</p>
        }).collect_view()}
    }
}
