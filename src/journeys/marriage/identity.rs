//! The signed-in resident's own identity (name and document) as a booking uses it: read from the
//! profile (typed once in 我的, then reused). Without one, asked for here once and saved to the
//! profile through the profile API — the same rules as 我的's profile page.

use super::i18n::Key;
use crate::account::api as account_api;
use crate::account::profile::{send_profile, ProfileFields};
use crate::i18n::{use_i18n, Key as Shared};
use crate::shared::session::use_session;
use crate::shared::submit::Submit;
use crate::shared::ui::{Notice, SummaryList, SummaryRow};
use baoan_contract::api::Me;
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
    let (name, id_type, id_number) =
        (RwSignal::new(String::new()), RwSignal::new(String::new()), RwSignal::new(String::new()));
    let save = Submit::new(account_api::save_profile).on_done(move |me: Me| session.me.set(Some(me)));
    view! {
        <Notice class="marriage-identity-needed">
            <p>{move || i18n.t(Key::OwnIdentityNeeded)}</p>
        </Notice>
        {save.summary()}
        <div class="marriage-identity-form">
            <ProfileFields name=name id_type=id_type id_number=id_number errors=save.errors />
            <button
                type="button"
                class="button"
                on:click=move |_| send_profile(save, name, id_type, id_number)
                disabled=save.pending()
            >
                {move || i18n.t(Key::OwnIdentitySave)}
            </button>
        </div>
    }
}
