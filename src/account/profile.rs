//! The resident's name and identity document. Checked as typed by the contract's rules (the
//! same the server enforces), autosaved on the device, pre-filled from what the server holds.

use super::api;
use crate::i18n::{id_type_key, use_i18n, Key};
use crate::shared::clock::today;
use crate::shared::draft::{clear_draft, draft_field};
use crate::shared::form::FormErrors;
use crate::shared::page::use_title;
use crate::shared::session::{use_session, RequireSignIn};
use crate::shared::submit::Submit;
use crate::shared::ui::{id_type_of, Notice, NoticeKind, RadioOption, Radios, SummaryList, SummaryRow, TextField};
use baoan_contract::api::{Me, ProfileUpdate};
use baoan_contract::rules::documents::IdType;
use baoan_contract::rules::resident_id::parse_resident_id;
use leptos::prelude::*;

const FORM: &str = "profile";

#[component]
pub fn ProfilePage() -> impl IntoView {
    use_title(Key::ProfileTitle);
    let session = use_session();
    // A verified name and number are locked (the server refuses changes): shown, not offered.
    // A memo, so saving the form (which updates `me`) does not redraw it and lose its 已保存.
    let verified = Memo::new(move |_| {
        session.me.with(|m| m.as_ref().and_then(|m| m.profile.as_ref()?.verification.as_ref()).is_some())
    });
    view! {
        <RequireSignIn>
            {move || {
                if verified.get() {
                    view! { <LockedProfile /> }.into_any()
                } else {
                    view! { <ProfileForm /> }.into_any()
                }
            }}
        </RequireSignIn>
    }
}

/// The verified identity, read-only.
#[component]
fn LockedProfile() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let profile = session.me.get_untracked().and_then(|m| m.profile);
    let name = profile.as_ref().map(|p| p.name.clone()).unwrap_or_default();
    let id = profile.as_ref().map(|p| p.id_number_masked.clone()).unwrap_or_default();
    view! {
        <h1>{move || i18n.t(Key::ProfileTitle)}</h1>
        <Notice kind=NoticeKind::Success role="status" class="profile-locked">
            <p>
                <strong>{move || i18n.t(Key::VerifiedTag)}</strong>
            </p>
            <p>{move || i18n.t(Key::ProfileLockedNote)}</p>
        </Notice>
        <SummaryList>
            <SummaryRow label=Key::NameLabel>{name}</SummaryRow>
            <SummaryRow label=Key::IdNumberLabel>{id}</SummaryRow>
        </SummaryList>
    }
}

#[component]
fn ProfileForm() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let name = draft_field(FORM, "name");
    let id_number = draft_field(FORM, "id_number");
    let id_type = draft_field(FORM, "id_type");
    // Pre-fill from the server only where the device holds no draft of its own.
    if let Some(p) = session.me.get_untracked().and_then(|m| m.profile) {
        if name.get_untracked().is_empty() && id_number.get_untracked().is_empty() {
            name.set(p.name);
            id_number.set(p.id_number);
            id_type.set(p.id_type.code().into());
        }
    }
    let saved = RwSignal::new(false);
    let save = Submit::new(api::save_profile).on_done(move |me: Me| {
        session.me.set(Some(me));
        clear_draft(FORM, &["name", "id_number", "id_type"]);
        saved.set(true);
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        saved.set(false);
        send_profile(save, name, id_type, id_number);
    };
    view! {
        <h1>{move || i18n.t(Key::ProfileTitle)}</h1>
        {save.summary()}
        {move || {
            saved
                .get()
                .then(|| {
                    view! {
                        <Notice kind=NoticeKind::Success role="status">
                            <p>{i18n.t(Key::ProfileSaved)}</p>
                        </Notice>
                    }
                })
        }}
        <form novalidate on:submit=on_submit>
            <ProfileFields name=name id_type=id_type id_number=id_number errors=save.errors />
            <button type="submit" class="button" disabled=save.pending()>
                {move || i18n.t(if save.pending().get() { Key::Saving } else { Key::Save })}
            </button>
        </form>
    }
}

/// Checks the profile by the contract's rules (the server's), and saves it if they pass.
pub fn send_profile(
    save: Submit<ProfileUpdate, Me>,
    name: RwSignal<String>,
    id_type: RwSignal<String>,
    id_number: RwSignal<String>,
) {
    let req = ProfileUpdate {
        name: name.get_untracked(),
        id_type: id_type_of(&id_type.get_untracked()),
        id_number: id_number.get_untracked(),
    };
    match req.validate(today()) {
        Ok(_) => save.send(req),
        Err(e) => {
            save.refuse(e);
        }
    }
}

/// The profile's fields: name, which document, its number (with the birth date read from a
/// resident ID as it is typed: a quick check the number is right). Also asked by a booking that
/// needs the resident's identity before there is one in the profile.
#[component]
pub fn ProfileFields(
    name: RwSignal<String>,
    id_type: RwSignal<String>,
    id_number: RwSignal<String>,
    errors: FormErrors,
) -> impl IntoView {
    let i18n = use_i18n();
    let chosen = move || id_type_of(&id_type.get());
    if id_type.get_untracked().is_empty() {
        id_type.set(IdType::ResidentId.code().to_string());
    }
    let birth_date = move || {
        (chosen() == IdType::ResidentId)
            .then(|| parse_resident_id(&id_number.get(), today()).ok())
            .flatten()
            .map(|id| id.birth_date().to_iso())
    };
    let options = IdType::ALL.into_iter().map(|t| RadioOption::msg(t.code(), id_type_key(t))).collect::<Vec<_>>();
    view! {
        <TextField
            name="name"
            label=Key::NameLabel
            hint=Key::NameHint
            value=name
            errors=errors
            autocomplete="name"
            maxlength=60
        />
        <Radios name="id_type" legend=Key::IdTypeLabel errors=errors value=id_type options=options />
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
    }
}
