//! Radios: one question answered by choosing one option, with legend, hint and the error
//! message inside the fieldset (GOV.UK radios). `value` holds the chosen option's code.

use crate::i18n::{field_error_key, use_i18n, Key as Shared, Msg};
use crate::shared::form::FormErrors;
use leptos::prelude::*;

/// The words of an option: a message from a table, or text from the server (a name).
#[derive(Clone)]
pub enum OptionLabel {
    Msg(Msg),
    Plain(String),
}

/// One option: its code, its label, an optional hint after the label, and whether it can be
/// chosen (a full slot cannot). Its element id is `{name}-{value}`, or `{name}-{id}` when the
/// code is not fit for an id (empty, or a slot code with separators).
#[derive(Clone)]
pub struct RadioOption {
    pub value: String,
    pub id: Option<String>,
    /// The label's language when it is not the page's (a language's own name).
    pub lang: Option<&'static str>,
    pub label: OptionLabel,
    pub hint: Option<String>,
    pub disabled: bool,
}

impl RadioOption {
    pub fn msg(value: impl Into<String>, label: impl Into<Msg>) -> Self {
        RadioOption {
            value: value.into(),
            id: None,
            lang: None,
            label: OptionLabel::Msg(label.into()),
            hint: None,
            disabled: false,
        }
    }
    pub fn plain(value: impl Into<String>, label: impl Into<String>) -> Self {
        RadioOption {
            value: value.into(),
            id: None,
            lang: None,
            label: OptionLabel::Plain(label.into()),
            hint: None,
            disabled: false,
        }
    }
    pub fn hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }
    pub fn id(mut self, id: impl Into<String>) -> Self {
        self.id = Some(id.into());
        self
    }
    pub fn lang(mut self, lang: &'static str) -> Self {
        self.lang = Some(lang);
        self
    }
    pub fn disabled(mut self, disabled: bool) -> Self {
        self.disabled = disabled;
        self
    }
}

#[component]
pub fn Radios(
    /// The field's name in the request body; the fieldset's id (the error summary links to it).
    name: &'static str,
    #[prop(into)] legend: Msg,
    #[prop(optional, into)] hint: Option<Msg>,
    options: Vec<RadioOption>,
    value: RwSignal<String>,
    errors: FormErrors,
    /// The legend is the page's heading (one question per page).
    #[prop(default = false)]
    heading: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let error = errors.of(name);
    let has_hint = hint.is_some();
    let described_by = move || {
        let mut ids = Vec::new();
        if has_hint {
            ids.push(format!("{name}-hint"));
        }
        if error.get().is_some() {
            ids.push(format!("{name}-error"));
        }
        (!ids.is_empty()).then(|| ids.join(" "))
    };
    view! {
        <div class="ui-radios" class:ui-radios--error=move || error.get().is_some()>
            <fieldset class="ui-radios__fieldset" id=name aria-describedby=described_by>
                <legend class="ui-radios__legend" class:ui-radios__legend--heading=heading>
                    {move || if heading { view! { <h1>{i18n.t(legend)}</h1> }.into_any() } else { i18n.t(legend).into_any() }}
                </legend>
                {hint.map(|h| view! { <p class="hint" id=format!("{name}-hint")>{move || i18n.t(h)}</p> })}
                {move || error.get().map(|e| view! {
                    <p class="error-message" id=format!("{name}-error")>
                        <span class="visually-hidden">{i18n.t(Shared::ErrorPrefix)}</span>{i18n.t(field_error_key(e))}
                    </p>
                })}
                {options.into_iter().map(|o| {
                    let id = format!("{name}-{}", o.id.as_ref().unwrap_or(&o.value));
                    let (checked, chosen) = (o.value.clone(), o.value.clone());
                    let label = match o.label {
                        OptionLabel::Msg(m) => (move || i18n.t(m)).into_any(),
                        OptionLabel::Plain(s) => s.into_any(),
                    };
                    view! {
                        <div class="ui-radios__item">
                            <input type="radio" class="ui-radios__input" name=name id=id.clone() value=o.value
                                disabled=o.disabled
                                prop:checked=move || value.get() == checked
                                on:change=move |_| value.set(chosen.clone()) />
                            <label class="ui-radios__label" for=id lang=o.lang>
                                {label}
                                {o.hint.map(|h| view! { <span class="hint">" · "{h}</span> })}
                            </label>
                        </div>
                    }
                }).collect_view()}
            </fieldset>
        </div>
    }
}
