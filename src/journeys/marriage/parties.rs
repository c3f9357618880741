//! Step 5: both parties. Party A is the signed-in resident: their name and document come from
//! their profile (asked for once here if missing, and saved to it); only nationality (and birth
//! date and sex for other documents) is typed. Party B is typed, with their own phone: they
//! confirm in their own account. Checked as typed by the contract's rules (documents, legal age
//! on the booked day, two different people) — the same the server enforces.

use super::draft::{use_draft, PartyDraft};
use super::i18n::Key;
use crate::i18n::{use_i18n, Key as Shared};
use crate::shared::clock::today;
use crate::shared::form::FormErrors;
use crate::shared::identity::VerifiedFirst;
use crate::shared::page::use_title;
use crate::shared::session::use_session;
use crate::shared::ui::{ErrorSummary, RadioOption, Radios, TextField};
use baoan_contract::marriage::party::{check_parties, derived_from_id};
use baoan_contract::rules::date::Date;
use baoan_contract::rules::documents::IdType;
use baoan_contract::rules::resident_id::Sex;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Field names (request-body paths, also element ids) of one party.
struct Names {
    name: &'static str,
    id_type: &'static str,
    id_number: &'static str,
    birth_date: &'static str,
    sex: &'static str,
    nationality: &'static str,
    phone: &'static str,
}

const A: Names = Names {
    name: "party_a.name",
    id_type: "party_a.id_type",
    id_number: "party_a.id_number",
    birth_date: "party_a.birth_date",
    sex: "party_a.sex",
    nationality: "party_a.nationality",
    phone: "party_a.phone",
};
const B: Names = Names {
    name: "party_b.name",
    id_type: "party_b.id_type",
    id_number: "party_b.id_number",
    birth_date: "party_b.birth_date",
    sex: "party_b.sex",
    nationality: "party_b.nationality",
    phone: "party_b.phone",
};

/// Where the server requires a verified identity, an unverified resident is asked to verify
/// before this step (the first about the people), and comes back to it.
#[component]
pub fn PartiesPage() -> impl IntoView {
    use_title(Key::PartiesTitle);
    view! {
        <VerifiedFirst>
            <Parties />
        </VerifiedFirst>
    }
}

#[component]
fn Parties() -> impl IntoView {
    let i18n = use_i18n();
    let draft = use_draft();
    let errors = FormErrors::new();
    let navigate = use_navigate();
    let session = use_session();
    let profile = move || session.me.with(|m| m.as_ref().and_then(|m| m.profile.clone()));
    let next = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(profile) = profile() else { return };
        let day = Date::parse_iso(&draft.date.get_untracked()).unwrap_or(today());
        // Party A's phone is the account's: the app never holds it in full, and the server checks it.
        let a = draft.a.own_details().party(&profile, "");
        match check_parties(draft.kind(), &a, &draft.b.input(), day, today()) {
            Ok(_) => {
                errors.clear();
                navigate("/marriage/extras", Default::default());
            }
            Err(e) => errors.set(e),
        }
    };
    view! {
        <h1>{move || i18n.t(Key::PartiesTitle)}</h1>
        <ErrorSummary errors=errors />
        <h2>{move || i18n.t(Key::PartyA)}</h2>
        <super::identity::OwnIdentity />
        {move || {
            profile()
                .map(|p| {
                    let a = PartyDraft {
                        name: RwSignal::new(p.name.clone()),
                        id_type: RwSignal::new(p.id_type.code().to_string()),
                        ..draft.a
                    };
                    let next = next.clone();
                    view! {
                        <form novalidate on:submit=next>
                            <PartyFields party=a names=&A legend=Key::PartyADetails errors=errors own=true />
                            <PartyFields party=draft.b names=&B legend=Key::PartyB errors=errors own=false />
                            <p class="hint">{move || i18n.t(Key::PartnerCodeHint)}</p>
                            <button type="submit" class="button">
                                {move || i18n.t(Key::Continue)}
                            </button>
                        </form>
                    }
                })
        }}
    }
}

#[component]
fn PartyFields(party: PartyDraft, names: &'static Names, legend: Key, errors: FormErrors, own: bool) -> impl IntoView {
    let i18n = use_i18n();
    if party.id_type.get_untracked().is_empty() {
        party.id_type.set(IdType::ResidentId.code().into());
    }
    let id_type = move || IdType::from_code(&party.id_type.get());
    let session = use_session();
    // Party A's document is the profile's (never typed here).
    let number = move || {
        if own {
            session
                .me
                .with(|m| m.as_ref().and_then(|m| m.profile.as_ref().map(|p| p.id_number.clone())))
                .unwrap_or_default()
        } else {
            party.id_number.get()
        }
    };
    let derived = move || derived_from_id(id_type(), &number(), today());
    let sex_label = |s: Sex| if s == Sex::Male { Key::Male } else { Key::Female };
    view! {
        <fieldset class="fieldset marriage-party">
            <legend class="fieldset-legend">{move || i18n.t(legend)}</legend>
            {(!own)
                .then(|| {
                    view! {
                        <TextField
                            name=names.name
                            label=Shared::NameLabel
                            value=party.name
                            errors=errors
                            autocomplete="off"
                            maxlength=60
                        />
                        <Radios
                            name=names.id_type
                            legend=Shared::IdTypeLabel
                            value=party.id_type
                            errors=errors
                            options=IdType::ALL
                                .iter()
                                .map(|t| RadioOption::msg(t.code(), crate::i18n::id_type_key(*t)))
                                .collect()
                        />
                        <TextField
                            name=names.id_number
                            label=Shared::IdNumberLabel
                            value=party.id_number
                            errors=errors
                            maxlength=20
                        />
                    }
                })}
            {move || {
                derived()
                    .map(|(birth, sex)| {
                        view! {
                            <p class="hint" aria-live="polite">
                                {i18n.t(Key::DerivedFromId)}
                                " "
                                {birth.to_iso()}
                                " · "
                                {i18n.t(sex_label(sex))}
                            </p>
                        }
                    })
            }}
            {move || {
                (id_type() != Some(IdType::ResidentId))
                    .then(|| {
                        view! {
                            <TextField
                                name=names.birth_date
                                label=Key::BirthDate
                                hint=Key::BirthDateHint
                                value=party.birth_date
                                errors=errors
                                inputmode="numeric"
                                maxlength=10
                            />
                            <Radios
                                name=names.sex
                                legend=Key::Sex
                                value=party.sex
                                errors=errors
                                options=vec![
                                    RadioOption::msg("male", Key::Male),
                                    RadioOption::msg("female", Key::Female),
                                ]
                            />
                        }
                    })
            }}
            <TextField
                name=names.nationality
                label=Key::Nationality
                hint=Key::NationalityHint
                value=party.nationality
                errors=errors
                maxlength=40
            />
            {(!own)
                .then(|| {
                    view! {
                        <TextField
                            name=names.phone
                            label=Key::PartnerPhone
                            hint=Key::PartnerPhoneHint
                            value=party.phone
                            errors=errors
                            input_type="tel"
                            inputmode="tel"
                            autocomplete="off"
                            maxlength=11
                        />
                    }
                })}
        </fieldset>
    }
}
