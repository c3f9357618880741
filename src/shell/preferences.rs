//! The language switch and the elder-mode (长辈模式) switch.

use crate::i18n::{use_i18n, Key, Lang};
use crate::shared::settings::use_settings;
use leptos::prelude::*;

/// Three buttons, each named in its own language so anyone can find theirs.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let settings = use_settings();
    view! {
        <nav class="language-switch" aria-label=move || i18n.t(Key::LanguageLabel)>
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    view! {
                        <button
                            type="button"
                            class="lang-button"
                            lang=lang.tag()
                            aria-pressed=move || if settings.lang.get() == lang { "true" } else { "false" }
                            on:click=move |_| settings.lang.set(lang)
                        >
                            {lang.native_name()}
                        </button>
                    }
                })
                .collect_view()}
        </nav>
    }
}

/// A switch (role=switch) that turns elder mode on and off; the label says what it does.
#[component]
pub fn ElderSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let settings = use_settings();
    view! {
        <div class="elder-switch">
            <button
                type="button"
                role="switch"
                id="elder-switch"
                class="switch"
                aria-checked=move || if settings.elder.get() { "true" } else { "false" }
                aria-describedby="elder-switch-hint"
                on:click=move |_| settings.elder.update(|on| *on = !*on)
            >
                <span class="switch-track" aria-hidden="true">
                    <span class="switch-thumb"></span>
                </span>
                <span class="switch-label">{move || i18n.t(Key::ElderMode)}</span>
                <span class="switch-state">
                    {move || i18n.t(if settings.elder.get() { Key::SwitchOn } else { Key::SwitchOff })}
                </span>
            </button>
            <p class="hint" id="elder-switch-hint">
                {move || i18n.t(Key::ElderModeHint)}
            </p>
        </div>
    }
}
