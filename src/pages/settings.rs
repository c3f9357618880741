//! Settings: language and elder mode, each remembered on this device.

use crate::i18n::{use_i18n, Key, Lang};
use crate::shared::form::FormErrors;
use crate::shared::page::use_title;
use crate::shared::settings::use_settings;
use crate::shared::ui::{RadioOption, Radios};
use crate::shell::preferences::ElderSwitch;
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let settings = use_settings();
    use_title(Key::Settings);
    // Each language named in itself, and marked as such for screen readers.
    let options = Lang::ALL.into_iter().map(|l| RadioOption::plain(l.tag(), l.native_name()).lang(l.tag())).collect();
    let chosen = RwSignal::new(settings.lang.get_untracked().tag().to_string());
    Effect::new(move |_| {
        if let Some(lang) = Lang::from_tag(&chosen.get()) {
            settings.lang.set(lang);
        }
    });
    view! {
        <h1>{move || i18n.t(Key::Settings)}</h1>
        <h2>{move || i18n.t(Key::ElderMode)}</h2>
        <ElderSwitch />
        <Radios name="language" legend=Key::LanguageLabel options=options value=chosen errors=FormErrors::new() />
        <p class="hint">{move || i18n.t(Key::SettingsSavedHint)}</p>
    }
}
