//! Task: the applicant — name, ID document (and date of birth unless a resident ID gives it), phone, where they are registered, street and community (from
//! the server's lists) and address.

use super::save_and_continue;
use crate::i18n::{field_error_key, marked, use_i18n, Key as Shared};
use crate::journeys::assistance::api;
use crate::journeys::assistance::draft::{code_of, lens, use_journey};
use crate::journeys::assistance::i18n::Key;
use crate::journeys::assistance::labels;
use crate::shared::form::FormErrors;
use crate::shared::ui::{id_type_of, BackLink, ErrorSummary, IdFields, RadioOption, Radios, TextField};
use baoan_contract::api::Street;
use baoan_contract::assistance::Residence;
use leptos::prelude::*;

#[component]
pub fn ApplicantTask() -> impl IntoView {
    let i18n = use_i18n();
    let journey = use_journey();
    let draft = journey.draft;
    let errors = FormErrors::new();
    let name = lens(draft, |d| d.applicant.name.clone(), |d, v| d.applicant.name = v);
    let id_type = lens(draft, |d| d.applicant.id_type.code().to_string(), |d, v| d.applicant.id_type = id_type_of(&v));
    let id_number = lens(draft, |d| d.applicant.id_number.clone(), |d, v| d.applicant.id_number = v);
    let birth_date = lens(draft, |d| d.applicant.birth_date.clone(), |d, v| d.applicant.birth_date = v);
    let phone = lens(draft, |d| d.applicant.phone.clone(), |d, v| d.applicant.phone = v);
    let residence = lens(draft, |d| d.residence.clone(), |d, v| d.residence = v);
    let street = lens(draft, |d| d.applicant.street.clone(), |d, v| d.applicant.street = v);
    let community = lens(draft, |d| d.applicant.community.clone(), |d, v| d.applicant.community = v);
    let address = lens(draft, |d| d.applicant.address.clone(), |d, v| d.applicant.address = v);
    let streets = LocalResource::new(api::streets);
    let street_name = move |s: &Street| marked(&s.name, i18n.lang.get());
    let community_error = errors.of("applicant.community");
    view! {
        <BackLink href="/assistance/apply".to_string() text=Key::Back />
        <h1>{move || i18n.t(Key::TaskApplicant)}</h1>
        <ErrorSummary errors=errors />
        <form novalidate on:submit=save_and_continue(errors, "applicant.")>
            <TextField
                name="applicant.name"
                label=Shared::NameLabel
                value=name
                errors=errors
                autocomplete="name"
                maxlength=60
            />
            <IdFields
                names=["applicant.id_type", "applicant.id_number", "applicant.birth_date"]
                today=super::today()
                birth_label=Key::BirthDateLabel
                birth_hint=Key::BirthDateHint
                id_type=id_type
                id_number=id_number
                birth_date=birth_date
                errors=errors
            />
            <TextField
                name="applicant.phone"
                label=Shared::PhoneLabel
                value=phone
                errors=errors
                input_type="tel"
                inputmode="tel"
                autocomplete="tel"
                maxlength=13
            />
            <Radios
                name="applicant.residence"
                legend=Key::QResidence
                errors=errors
                value=residence
                options=[Residence::BaoanHukou, Residence::BaoanPermit, Residence::Elsewhere]
                    .into_iter()
                    .map(|r| RadioOption::msg(code_of(r), labels::residence(r)))
                    .collect()
            />
            <div class="field" class:field-error=move || errors.of("applicant.street").get().is_some()>
                <label for="applicant.street">{move || i18n.t(Key::StreetLabel)}</label>
                {move || {
                    errors
                        .of("applicant.street")
                        .get()
                        .map(|e| view! { <p class="error-message">{i18n.t(field_error_key(e))}</p> })
                }}
                <select
                    id="applicant.street"
                    prop:value=move || street.get()
                    on:change=move |ev| {
                        street.set(event_target_value(&ev));
                        community.set(String::new());
                    }
                >
                    <option value="">{move || i18n.t(Key::ChooseOne)}</option>
                    {move || {
                        streets
                            .get()
                            .and_then(Result::ok)
                            .unwrap_or_default()
                            .into_iter()
                            .map(|s| {
                                let code = s.code.clone();
                                let selected = street.get_untracked() == code;
                                view! {
                                    <option value=code selected=selected>
                                        {street_name(&s)}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            <div class="field" class:field-error=move || community_error.get().is_some()>
                <label for="applicant.community">{move || i18n.t(Key::CommunityLabel)}</label>
                {move || {
                    community_error.get().map(|e| view! { <p class="error-message">{i18n.t(field_error_key(e))}</p> })
                }}
                <select
                    id="applicant.community"
                    prop:value=move || community.get()
                    on:change=move |ev| community.set(event_target_value(&ev))
                >
                    <option value="">{move || i18n.t(Key::ChooseOne)}</option>
                    {move || {
                        journey
                            .communities
                            .get()
                            .and_then(Result::ok)
                            .unwrap_or_default()
                            .into_iter()
                            .filter(|c| c.street == street.get())
                            .map(|c| {
                                let selected = community.get_untracked() == c.code;
                                let label = marked(&c.name, i18n.lang.get());
                                view! {
                                    <option value=c.code selected=selected>
                                        {label}
                                    </option>
                                }
                            })
                            .collect_view()
                    }}
                </select>
            </div>
            <TextField
                name="applicant.address"
                label=Key::AddressLabel
                value=address
                errors=errors
                autocomplete="street-address"
                maxlength=200
            />
            <button type="submit" class="button">
                {move || i18n.t(Key::SaveContinue)}
            </button>
        </form>
    }
}
