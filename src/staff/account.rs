//! `/staff/accounts/:id`, for district admins: one account, and the two things done to it, each
//! with the reason the audit trail keeps — deactivate (it can no longer sign in; its sessions
//! end), or reset the credentials (a new first password and a new authenticator secret, shown
//! once, for a member who lost their phone or password).

use super::accounts::Secret;
use super::i18n::Key;
use super::labels;
use super::{api_more as api, session::RequireStaff};
use crate::i18n::use_i18n;
use crate::shared::announce::announce;
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use crate::shared::submit::Submit;
use crate::shared::ui::{BackLink, Notice, NoticeKind, SummaryList, SummaryRow, TextField};
use baoan_contract::staff::{CreatedStaffAccount, CredentialsReset, Deactivation, StaffAccount};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

#[component]
pub fn AccountPage() -> impl IntoView {
    use_title(Key::AccountTitle);
    view! {
        <RequireStaff>
            <Account />
        </RequireStaff>
    }
}

#[component]
fn Account() -> impl IntoView {
    let i18n = use_i18n();
    let params = use_params_map();
    let id = params.with_untracked(|p| p.get("id")).unwrap_or_default();
    let found = LocalResource::new(move || {
        let id = id.clone();
        async move {
            let all = api::accounts().await?;
            Ok::<_, crate::shared::api::ClientError>(all.into_iter().find(|a| a.id == id))
        }
    });
    view! {
        <BackLink href="/staff/accounts".to_string() text=Key::AccountsTitle />
        <h1>{move || i18n.t(Key::AccountTitle)}</h1>
        <Loaded resource=found let:account>
            {match account {
                Some(a) => view! { <OneAccount account=a /> }.into_any(),
                None => view! { <p>{move || i18n.t(Key::AccountMissing)}</p> }.into_any(),
            }}
        </Loaded>
    }
}

#[component]
fn OneAccount(account: StaffAccount) -> impl IntoView {
    let i18n = use_i18n();
    let shown = RwSignal::new(account);
    let reset = RwSignal::new(None::<CreatedStaffAccount>);
    view! {
        {move || reset.get().map(|c| view! { <Secret created=c title=Key::ResetDone /> })}
        {move || {
            let a = shown.get();
            let role = a.assignment.role;
            view! {
                <SummaryList>
                    <SummaryRow label=Key::NameLabel>{a.display_name.clone()}</SummaryRow>
                    <SummaryRow label=Key::LoginLabel>{a.login.clone()}</SummaryRow>
                    <SummaryRow label=Key::RoleLabel>{move || i18n.t(labels::role(role))}</SummaryRow>
                    <SummaryRow label=Key::PlaceLabel>
                        {a.assignment.place.clone().unwrap_or_else(|| i18n.t(Key::DistrictWide).to_string())}
                    </SummaryRow>
                    <SummaryRow label=Key::StatusLabel>
                        {move || i18n.t(if a.active { Key::Active } else { Key::Deactivated })}
                    </SummaryRow>
                </SummaryList>
            }
        }}
        <Show when=move || shown.with(|a| a.active)>
            <ResetForm id=shown.get_untracked().id login=shown.get_untracked().login reset=reset />
            <DeactivateForm id=shown.get_untracked().id shown=shown />
        </Show>
    }
}

#[component]
fn ResetForm(id: String, login: String, reset: RwSignal<Option<CreatedStaffAccount>>) -> impl IntoView {
    let i18n = use_i18n();
    let password = RwSignal::new(String::new());
    let reason = RwSignal::new(String::new());
    let submit = Submit::new(api::reset).on_done(move |c: CreatedStaffAccount| {
        password.set(String::new());
        reason.set(String::new());
        announce(i18n.t(Key::ResetDone));
        reset.set(Some(c));
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        reset.set(None);
        let req = CredentialsReset { password: password.get_untracked(), reason: reason.get_untracked() };
        match req.check(&login) {
            Err(errors) => {
                submit.refuse(errors);
            }
            Ok(_) => submit.send((id.clone(), req)),
        }
    };
    let busy = submit.pending();
    view! {
        <h2>{move || i18n.t(Key::ResetTitle)}</h2>
        <p>{move || i18n.t(Key::ResetIntro)}</p>
        {submit.summary()}
        <form novalidate on:submit=on_submit class="staff-form">
            <TextField
                name="password"
                label=Key::FirstPasswordLabel
                hint=Key::PasswordHint
                value=password
                errors=submit.errors
                input_type="password"
                autocomplete="new-password"
            />
            <TextField
                name="reason"
                label=Key::ReasonLabel
                hint=Key::ReasonHintAudit
                value=reason
                errors=submit.errors
            />
            <button type="submit" class="button" disabled=busy>
                {move || i18n.t(if busy.get() { Key::Submitting } else { Key::ResetButton })}
            </button>
        </form>
    }
}

#[component]
fn DeactivateForm(id: String, shown: RwSignal<StaffAccount>) -> impl IntoView {
    let i18n = use_i18n();
    let reason = RwSignal::new(String::new());
    let submit = Submit::new(api::deactivate).on_done(move |a: StaffAccount| {
        announce(i18n.t(Key::Deactivated));
        shown.set(a);
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match baoan_contract::staff::check_reason(Some(&reason.get_untracked()), true) {
            Err(e) => {
                let mut errors = baoan_contract::error::FieldErrors::new();
                errors.add("deactivate_reason", e);
                submit.refuse(errors);
            }
            Ok(r) => submit.send((id.clone(), Deactivation { reason: r.unwrap_or_default() })),
        }
    };
    let busy = submit.pending();
    view! {
        <h2>{move || i18n.t(Key::DeactivateTitle)}</h2>
        <Notice kind=NoticeKind::Info>
            <p>{move || i18n.t(Key::DeactivateIntro)}</p>
        </Notice>
        {submit.summary()}
        <form novalidate on:submit=on_submit class="staff-form">
            <TextField
                name="deactivate_reason"
                label=Key::ReasonLabel
                hint=Key::ReasonHintAudit
                value=reason
                errors=submit.errors
            />
            <button type="submit" class="button button-warning" disabled=busy>
                {move || i18n.t(if busy.get() { Key::Submitting } else { Key::DeactivateButton })}
            </button>
        </form>
    }
}
