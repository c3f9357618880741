//! Small form pieces of this journey: a radio group (GOV.UK radios with legend, hint and error)
//! and a back link.

use crate::i18n::{field_error_key, use_i18n, Key as Shared, Msg};
use crate::shared::form::FormErrors;
use leptos::prelude::*;
use leptos_router::components::A;

/// One question answered by choosing one option; `value` holds the option's code.
#[component]
pub fn RadioGroup(
    name: &'static str,
    #[prop(into)] legend: Msg,
    #[prop(optional, into)] hint: Option<Msg>,
    options: Vec<(String, Msg)>,
    value: RwSignal<String>,
    errors: FormErrors,
    #[prop(default = false)] heading: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = errors.of(name);
    view! {
        <div class="field" class:field-error=move || error.get().is_some()>
            <fieldset class="fieldset" id=name aria-describedby=move || error.get().map(|_| format!("{name}-error"))>
                <legend class="fieldset-legend" class:legend-heading=heading>
                    {move || if heading { view! { <h1>{i18n.t(legend)}</h1> }.into_any() } else { i18n.t(legend).into_any() }}
                </legend>
                {hint.map(|h| view! { <p class="hint">{move || i18n.t(h)}</p> })}
                {move || error.get().map(|e| view! {
                    <p class="error-message" id=format!("{name}-error")>
                        <span class="visually-hidden">{i18n.t(Shared::ErrorPrefix)}</span>{i18n.t(field_error_key(e))}
                    </p>
                })}
                {options.into_iter().map(|(code, label)| {
                    let id = format!("{name}-{code}");
                    let c1 = code.clone();
                    let c2 = code.clone();
                    view! {
                        <div class="radio">
                            <input type="radio" name=name id=id.clone() value=code.clone()
                                prop:checked=move || value.get() == c1
                                on:change=move |_| value.set(c2.clone()) />
                            <label for=id>{move || i18n.t(label)}</label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        </div>
    }
}

#[component]
pub fn BackLink(href: String) -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="back-link"><A href=href>{move || i18n.t(super::i18n::Key::Back)}</A></p> }
}
