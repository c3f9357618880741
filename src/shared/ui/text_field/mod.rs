//! Text field: a one-line input with its label, an optional hint and the error next to it
//! saying how to fix it.

use crate::i18n::{field_error_key, use_i18n, Key, Msg};
use crate::shared::form::FormErrors;
use leptos::prelude::*;

/// A one-line text input with label, hint and error message.
#[component]
pub fn TextField(
    /// The field's name in the request body; also its element id.
    name: &'static str,
    #[prop(into)] label: Msg,
    #[prop(optional, into)] hint: Option<Msg>,
    /// A hint with figures filled in (e.g. the cemetery's own group limit), instead of `hint`.
    #[prop(optional, into)]
    hint_text: Option<Signal<String>>,
    value: RwSignal<String>,
    errors: FormErrors,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(default = "off")] autocomplete: &'static str,
    #[prop(default = "text")] inputmode: &'static str,
    #[prop(optional)] maxlength: Option<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = errors.of(name);
    let hint_id = format!("{name}-hint");
    let error_id = format!("{name}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() || hint_text.is_some() {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class="ui-field" class:ui-field--error=move || error.get().is_some()>
            <label class="ui-field__label" for=name>{move || i18n.t(label)}</label>
            {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || i18n.t(h)}</p> })}
            {hint_text.map(|h| view! { <p class="hint" id=hint_id.clone()>{move || h.get()}</p> })}
            {move || error.get().map(|e| view! {
                <p class="error-message" id=error_id.clone()>
                    <span class="visually-hidden">{i18n.t(Key::ErrorPrefix)}</span>
                    {i18n.t(field_error_key(e))}
                </p>
            })}
            <input
                class="ui-field__input"
                id=name
                name=name
                type=input_type
                autocomplete=autocomplete
                inputmode=inputmode
                maxlength=maxlength
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
            />
        </div>
    }
}
