//! The signed-in resident's own identity (name and document) as a booking uses it: read from the
//! profile (typed once in 我的, then reused). Without one, asked for here once and saved to the
//! profile through the profile API — the same rules as 我的's profile page.

use super::i18n::Key;
use crate::i18n::{use_i18n, Key as Shared};
use crate::shared::api::{self, ClientError};
use crate::shared::form::FormErrors;
use crate::shared::loadable::error_key;
use crate::shared::session::use_session;
use crate::shared::ui::{ErrorSummary, SummaryList, SummaryRow, TextField};
use baoan_contract::api::{Me, ProfileUpdate};
use baoan_contract::error::FieldErrors;
use baoan_contract::rules::documents::IdType;
use leptos::prelude::*;

/// Shows the profile's identity, or a short form that saves it to the profile.
#[component]
pub fn OwnIdentity() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let profile = move || session.me.with(|m| m.as_ref().and_then(|m| m.profile.clone()));
    view! {
        {move || match profile() {
            Some(p) => {
                view! {
                    <SummaryList class="marriage-own-identity">
                        <SummaryRow label=Shared::NameLabel>{p.name.clone()}</SummaryRow>
                        <SummaryRow label={crate::i18n::id_type_key(
                            p.id_type,
                        )}>{p.id_number_masked.clone()}</SummaryRow>
                    </SummaryList>
                    <p class="hint">
                        {move || i18n.t(Key::OwnIdentityHint)}" "
                        <a href="/mine/profile">{move || i18n.t(Key::OwnIdentityChange)}</a>
                    </p>
                }
                    .into_any()
            }
            None => view! { <IdentityForm /> }.into_any(),
        }}
    }
}

#[component]
fn IdentityForm() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let (name, id_number) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let id_type = RwSignal::new(IdType::ResidentId);
    let errors = FormErrors::new();
    let general = RwSignal::new(None::<Shared>);
    let save = Action::new_local(|req: &ProfileUpdate| {
        let req = req.clone();
        async move { api::put::<_, Me>("/me/profile", &req).await }
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(me)) => session.me.set(Some(me)),
        Some(Err(ClientError::Api(e))) if !e.fields.is_empty() => errors.set(FieldErrors(e.fields)),
        Some(Err(e)) => general.set(Some(error_key(&e))),
        None => {}
    });
    let submit = move |_| {
        general.set(None);
        let req = ProfileUpdate {
            name: name.get_untracked(),
            id_type: id_type.get_untracked(),
            id_number: id_number.get_untracked(),
        };
        match req.validate(super::text::today()) {
            Ok(_) => {
                errors.clear();
                save.dispatch(req);
            }
            Err(e) => errors.set(e),
        }
    };
    view! {
        <div class="notice marriage-identity-needed">
            <p>{move || i18n.t(Key::OwnIdentityNeeded)}</p>
        </div>
        <ErrorSummary errors=errors general=Signal::from(general) />
        <div class="marriage-identity-form">
            <TextField name="name" label=Shared::NameLabel value=name errors=errors autocomplete="name" maxlength=60 />
            <fieldset class="fieldset">
                <legend class="fieldset-legend">{move || i18n.t(Shared::IdTypeLabel)}</legend>
                {IdType::ALL
                    .into_iter()
                    .enumerate()
                    .map(|(i, t)| {
                        let id = if i == 0 { "id_type".to_string() } else { format!("id_type-{}", t.code()) };
                        view! {
                            <div class="radio">
                                <input
                                    type="radio"
                                    name="id_type"
                                    id=id.clone()
                                    value=t.code()
                                    prop:checked=move || id_type.get() == t
                                    on:change=move |_| id_type.set(t)
                                />
                                <label for=id>{move || i18n.t(crate::i18n::id_type_key(t))}</label>
                            </div>
                        }
                    })
                    .collect_view()}
            </fieldset>
            <TextField name="id_number" label=Shared::IdNumberLabel value=id_number errors=errors maxlength=20 />
            <button type="button" class="button" on:click=submit disabled=move || save.pending().get()>
                {move || i18n.t(Key::OwnIdentitySave)}
            </button>
        </div>
    }
}
