//! Settings: language and elder mode, each remembered on this device.

use crate::i18n::{use_i18n, Key, Lang};
use crate::shared::page::use_title;
use crate::shared::settings::use_settings;
use crate::shell::preferences::ElderSwitch;
use leptos::prelude::*;

#[component]
pub fn SettingsPage() -> impl IntoView {
    let i18n = use_i18n();
    let settings = use_settings();
    use_title(Key::Settings);
    view! {
        <h1>{move || i18n.t(Key::Settings)}</h1>
        <h2>{move || i18n.t(Key::ElderMode)}</h2>
        <ElderSwitch />
        <fieldset class="fieldset">
            <legend class="fieldset-legend">{move || i18n.t(Key::LanguageLabel)}</legend>
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    view! {
                        <div class="radio">
                            <input
                                type="radio"
                                name="language"
                                id=format!("language-{}", lang.tag())
                                prop:checked=move || settings.lang.get() == lang
                                on:change=move |_| settings.lang.set(lang)
                            />
                            <label for=format!("language-{}", lang.tag()) lang=lang.tag()>
                                {lang.native_name()}
                            </label>
                        </div>
                    }
                })
                .collect_view()}
        </fieldset>
        <p class="hint">{move || i18n.t(Key::SettingsSavedHint)}</p>
    }
}
