//! The resident's name and identity document. Checked as typed by the contract's rules (the
//! same the server enforces), autosaved on the device, pre-filled from what the server holds.

use crate::i18n::{use_i18n, Key};
use crate::shared::api::{self, ClientError};
use crate::shared::draft::{clear_draft, draft_field};
use crate::shared::form::FormErrors;
use crate::shared::loadable::error_key;
use crate::shared::page::use_title;
use crate::shared::session::{use_session, RequireSignIn};
use crate::shared::ui::{ErrorSummary, TextField};
use baoan_contract::api::{Me, ProfileUpdate};
use baoan_contract::error::FieldErrors;
use baoan_contract::rules::date::{Date, SHENZHEN_UTC_OFFSET};
use baoan_contract::rules::documents::IdType;
use baoan_contract::rules::resident_id::parse_resident_id;
use leptos::prelude::*;

const FORM: &str = "profile";

fn today() -> Date {
    let seconds = (js_sys::Date::now() / 1000.0) as i64;
    Date::from_unix_seconds(seconds, SHENZHEN_UTC_OFFSET)
}

#[component]
pub fn ProfilePage() -> impl IntoView {
    use_title(Key::ProfileTitle);
    view! {
        <RequireSignIn>
            <ProfileForm />
        </RequireSignIn>
    }
}

#[component]
fn ProfileForm() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let name = draft_field(FORM, "name");
    let id_number = draft_field(FORM, "id_number");
    let id_type_code = draft_field(FORM, "id_type");
    // Pre-fill from the server only where the device holds no draft of its own.
    if let Some(p) = session.me.get_untracked().and_then(|m| m.profile) {
        if name.get_untracked().is_empty() && id_number.get_untracked().is_empty() {
            name.set(p.name);
            id_number.set(p.id_number);
            id_type_code.set(p.id_type.code().into());
        }
    }
    let id_type = move || IdType::from_code(&id_type_code.get()).unwrap_or(IdType::ResidentId);
    let errors = FormErrors::new();
    let general = RwSignal::new(None::<Key>);
    let saved = RwSignal::new(false);

    let save = Action::new_local(|req: &ProfileUpdate| {
        let req = req.clone();
        async move { api::put::<_, Me>("/me/profile", &req).await }
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(me)) => {
            session.me.set(Some(me));
            clear_draft(FORM, &["name", "id_number", "id_type"]);
            saved.set(true);
        }
        Some(Err(ClientError::Api(e))) if !e.fields.is_empty() => errors.set(FieldErrors(e.fields)),
        Some(Err(e)) => general.set(Some(error_key(&e))),
        None => {}
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        general.set(None);
        let req =
            ProfileUpdate { name: name.get_untracked(), id_type: id_type(), id_number: id_number.get_untracked() };
        match req.validate(today()) {
            Ok(_) => {
                errors.clear();
                save.dispatch(req);
            }
            Err(e) => errors.set(e),
        }
    };
    // The birth date read from a resident ID as it is typed: a quick check the number is right.
    let birth_date = move || {
        (id_type() == IdType::ResidentId)
            .then(|| parse_resident_id(&id_number.get(), today()).ok())
            .flatten()
            .map(|id| id.birth_date().to_iso())
    };

    view! {
        <h1>{move || i18n.t(Key::ProfileTitle)}</h1>
        <ErrorSummary errors=errors general=Signal::from(general) />
        {move || {
            saved
                .get()
                .then(|| {
                    view! {
                        <div class="notice notice-success" role="status">
                            <p>{i18n.t(Key::ProfileSaved)}</p>
                        </div>
                    }
                })
        }}
        <form novalidate on:submit=on_submit>
            <TextField
                name="name"
                label=Key::NameLabel
                hint=Key::NameHint
                value=name
                errors=errors
                autocomplete="name"
                maxlength=60
            />
            <fieldset class="fieldset">
                <legend class="fieldset-legend">{move || i18n.t(Key::IdTypeLabel)}</legend>
                {IdType::ALL
                    .into_iter()
                    .map(|t| (t.code(), crate::i18n::id_type_key(t)))
                    .map(|(code, label)| {
                        view! {
                            <div class="radio">
                                <input
                                    type="radio"
                                    name="id_type"
                                    id=format!("id_type-{code}")
                                    value=code
                                    prop:checked=move || id_type().code() == code
                                    on:change=move |_| id_type_code.set(code.to_string())
                                />
                                <label for=format!("id_type-{code}")>{move || i18n.t(label)}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <TextField
                name="id_number"
                label=Key::IdNumberLabel
                hint=Key::IdNumberHint
                value=id_number
                errors=errors
                maxlength=20
            />
            {move || {
                birth_date()
                    .map(|d| {
                        view! {
                            <p class="hint" aria-live="polite">
                                {i18n.t(Key::BirthDateFromId)}
                                " "
                                {d}
                            </p>
                        }
                    })
            }}
            <button type="submit" class="button" disabled=move || save.pending().get()>
                {move || i18n.t(if save.pending().get() { Key::Saving } else { Key::Save })}
            </button>
        </form>
    }
}
