//! Small form pieces of this journey: a radio group (GOV.UK radios with legend, hint and error),
//! the ID document fields and a back link.

use super::i18n::Key;
use crate::i18n::{field_error_key, use_i18n, Key as Shared, Msg};
use crate::shared::form::FormErrors;
use crate::shared::ui::TextField;
use baoan_contract::rules::documents::IdType;
use baoan_contract::rules::resident_id::parse_resident_id;
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
    view! { <p class="back-link"><A href=href>{move || i18n.t(Key::Back)}</A></p> }
}

/// The shared label of each ID document type.

/// The ID type a draft's code stands for; a resident ID until another is chosen.
pub fn id_type_of(code: &str) -> IdType {
    IdType::from_code(code).unwrap_or(IdType::ResidentId)
}

/// Which ID document, its number, and the date of birth: read from a resident ID (shown as a
/// hint), typed for any other document. Field names are `{prefix}id_type`, `{prefix}id_number`
/// and `{prefix}birth_date`, as the contract names them.
#[component]
pub fn IdFields(
    names: [&'static str; 3],
    id_type: RwSignal<String>,
    id_number: RwSignal<String>,
    birth_date: RwSignal<String>,
    errors: FormErrors,
) -> impl IntoView {
    let i18n = use_i18n();
    let [type_name, number_name, birth_name] = names;
    if id_type.get_untracked().is_empty() {
        id_type.set(IdType::ResidentId.code().to_string());
    }
    let chosen = move || id_type_of(&id_type.get());
    let derived = move || {
        (chosen() == IdType::ResidentId)
            .then(|| parse_resident_id(&id_number.get(), super::apply::today()).ok().map(|id| id.birth_date().to_iso()))
            .flatten()
    };
    view! {
        <RadioGroup name=type_name legend=Shared::IdTypeLabel errors=errors value=id_type
            options=IdType::ALL.into_iter().map(|t| (t.code().to_string(), crate::i18n::id_type_key(t).into())).collect() />
        // The hint says the chosen document's format (the same words its format error uses).
        {move || {
            let hint = match chosen() {
                IdType::ResidentId => Shared::IdNumberHint,
                IdType::HkMacauPermit => Shared::FeHkMacauPermitFormat,
                IdType::TaiwanPermit => Shared::FeTaiwanPermitFormat,
                IdType::Passport => Shared::FePassportFormat,
            };
            view! { <TextField name=number_name label=Shared::IdNumberLabel hint=hint value=id_number errors=errors maxlength=22 /> }
        }}
        {move || derived().map(|b| view! { <p class="hint" aria-live="polite">{i18n.t(Shared::BirthDateFromId)}" "{b}</p> })}
        {move || (chosen() != IdType::ResidentId).then(|| view! {
            <TextField name=birth_name label=Key::BirthDateLabel hint=Key::BirthDateHint value=birth_date errors=errors
                inputmode="numeric" maxlength=10 />
        })}
    }
}
