//! ID-document fields: which document (radios), its number (the hint says the chosen
//! document's format), and the date of birth — read from a resident ID and shown as a hint,
//! typed for any other document.

use super::radios::{RadioOption, Radios};
use super::text_field::TextField;
use crate::i18n::{id_type_key, use_i18n, Key as Shared, Msg};
use crate::shared::form::FormErrors;
use baoan_contract::rules::date::Date;
use baoan_contract::rules::documents::IdType;
use baoan_contract::rules::resident_id::parse_resident_id;
use leptos::prelude::*;

/// The ID type a draft's code stands for; a resident ID until another is chosen.
pub fn id_type_of(code: &str) -> IdType {
    IdType::from_code(code).unwrap_or(IdType::ResidentId)
}

/// Field names are `[id_type, id_number, birth_date]` as the contract names them (e.g.
/// `applicant.id_type`); the birth date's label and hint are the journey's own words.
#[component]
pub fn IdFields(
    names: [&'static str; 3],
    id_type: RwSignal<String>,
    id_number: RwSignal<String>,
    birth_date: RwSignal<String>,
    #[prop(into)] birth_label: Msg,
    #[prop(into)] birth_hint: Msg,
    /// Today, to read a resident ID's date of birth (no birth in the future).
    today: Date,
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
            .then(|| parse_resident_id(&id_number.get(), today).ok().map(|id| id.birth_date().to_iso()))
            .flatten()
    };
    let options = IdType::ALL.into_iter().map(|t| RadioOption::msg(t.code(), id_type_key(t))).collect::<Vec<_>>();
    view! {
        <div class="ui-id-fields">
            <Radios name=type_name legend=Shared::IdTypeLabel errors=errors value=id_type options=options />
            // The hint says the chosen document's format (the same words its format error uses).
            {move || {
                let hint = match chosen() {
                    IdType::ResidentId => Shared::IdNumberHint,
                    IdType::HkMacauPermit => Shared::FeHkMacauPermitFormat,
                    IdType::TaiwanPermit => Shared::FeTaiwanPermitFormat,
                    IdType::Passport => Shared::FePassportFormat,
                };
                view! {
                    <TextField
                        name=number_name
                        label=Shared::IdNumberLabel
                        hint=hint
                        value=id_number
                        errors=errors
                        maxlength=22
                    />
                }
            }}
            {move || {
                derived()
                    .map(|b| {
                        view! {
                            <p class="hint ui-id-fields__birth" aria-live="polite">
                                {i18n.t(Shared::BirthDateFromId)}
                                " "
                                {b}
                            </p>
                        }
                    })
            }}
            {move || {
                (chosen() != IdType::ResidentId)
                    .then(|| {
                        view! {
                            <TextField
                                name=birth_name
                                label=birth_label
                                hint=birth_hint
                                value=birth_date
                                errors=errors
                                inputmode="numeric"
                                maxlength=10
                            />
                        }
                    })
            }}
        </div>
    }
}
