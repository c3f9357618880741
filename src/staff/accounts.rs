//! `/staff/accounts`, for district admins: every staff account (active or not) with a link to
//! each one's page (`account`), and the form that makes a new one. The new member's authenticator
//! secret — as a QR code, as text and as its `otpauth://` address — is shown once, after creation,
//! for the admin to pass on: the server never shows it again.

use super::i18n::Key;
use super::labels;
use super::{api_more as api, session::RequireStaff};
use crate::i18n::{use_i18n, I18n};
use crate::shared::announce::announce;
use crate::shared::loadable::Loaded;
use crate::shared::page::use_title;
use crate::shared::qr::QrCode;
use crate::shared::submit::Submit;
use crate::shared::ui::{BackLink, Notice, NoticeKind, RadioOption, Radios, SummaryList, SummaryRow, TextField};
use baoan_contract::staff::{Assignment, CreatedStaffAccount, NewStaffAccount, Role, StaffAccount};
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn AccountsPage() -> impl IntoView {
    use_title(Key::AccountsTitle);
    view! {
        <RequireStaff>
            <Accounts />
        </RequireStaff>
    }
}

#[component]
fn Accounts() -> impl IntoView {
    let i18n = use_i18n();
    let created = RwSignal::new(None::<CreatedStaffAccount>);
    let list = LocalResource::new(api::accounts);
    view! {
        <BackLink href="/staff".to_string() text=Key::BackToWork />
        <h1>{move || i18n.t(Key::AccountsTitle)}</h1>
        {move || created.get().map(|c| view! { <Secret created=c title=Key::CreatedTitle /> })}
        <CreateForm created=created on_created=Callback::new(move |_| list.refetch()) />
        <h2>{move || i18n.t(Key::AccountsListTitle)}</h2>
        <Loaded resource=list let:accounts>
            <ul class="staff-queue">
                {accounts.into_iter().map(|a| view! { <AccountRow account=a /> }).collect_view()}
            </ul>
        </Loaded>
    }
}

#[component]
fn AccountRow(account: StaffAccount) -> impl IntoView {
    let i18n = use_i18n();
    let role = account.assignment.role;
    let place = account.assignment.place.clone().map(|p| format!(" · {p}"));
    let active = account.active;
    view! {
        <li class="staff-queue-item">
            <A href=format!("/staff/accounts/{}", account.id) attr:class="staff-queue-link">
                <span class="staff-queue-title">{account.display_name.clone()}</span>
                <span class="staff-queue-ref">{account.login.clone()}</span>
            </A>
            <p class="staff-queue-step">
                {move || i18n.t(labels::role(role))}{place}
                {(!active)
                    .then(|| {
                        view! {
                            " "
                            <strong class="staff-tag">{move || i18n.t(Key::Deactivated)}</strong>
                        }
                    })}
            </p>
        </li>
    }
}

/// The secret of a new or reset account, shown once: as a QR code for the member's authenticator
/// app to scan, and as text to type in where a camera cannot be used.
#[component]
pub fn Secret(created: CreatedStaffAccount, title: Key) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Notice kind=NoticeKind::Success role="status">
            <h2>{move || i18n.t(title)}</h2>
            <p>{move || i18n.t(Key::SecretOnce)}</p>
            <p>{move || i18n.t(Key::SecretQrIntro)}</p>
            <QrCode matrix=created.totp_qr.clone() label=Key::SecretQrLabel />
            <SummaryList class="staff-secret">
                <SummaryRow label=Key::LoginLabel>{created.account.login.clone()}</SummaryRow>
                <SummaryRow label=Key::SecretLabel>
                    <code class="staff-secret-text">{created.totp_secret.clone()}</code>
                </SummaryRow>
                <SummaryRow label=Key::SecretUriLabel>
                    <code class="staff-secret-text">{created.totp_uri.clone()}</code>
                </SummaryRow>
            </SummaryList>
        </Notice>
    }
}

fn role_options() -> Vec<RadioOption> {
    Role::ALL.into_iter().map(|r| RadioOption::msg(r.code(), labels::role(r))).collect()
}

/// What the place field asks for, by the chosen role's kind of place.
fn place_hint(i18n: I18n, role: &str) -> String {
    use baoan_contract::staff::PlaceKind;
    let key = match Role::from_code(role).and_then(Role::place_kind) {
        None => Key::PlaceHintNone,
        Some(PlaceKind::Community) => Key::PlaceHintCommunity,
        Some(PlaceKind::Street) => Key::PlaceHintStreet,
        Some(PlaceKind::RegistryOffice) => Key::PlaceHintOffice,
        Some(PlaceKind::Cemetery) => Key::PlaceHintCemetery,
        Some(PlaceKind::Organisation) => Key::PlaceHintOrganisation,
    };
    i18n.t(key).to_string()
}

#[component]
fn CreateForm(created: RwSignal<Option<CreatedStaffAccount>>, on_created: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let login = RwSignal::new(String::new());
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    let place = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let submit = Submit::new(api::create_account).on_done(move |c: CreatedStaffAccount| {
        for field in [login, name, role, place, password] {
            field.set(String::new());
        }
        announce(i18n.t(Key::CreatedTitle));
        created.set(Some(c));
        on_created.run(());
        window().scroll_to_with_x_and_y(0.0, 0.0);
    });
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        created.set(None);
        let Some(chosen) = Role::from_code(&role.get_untracked()) else {
            let mut errors = baoan_contract::error::FieldErrors::new();
            errors.add("role", baoan_contract::error::FieldError::Required);
            submit.refuse(errors);
            return;
        };
        let typed = place.get_untracked().trim().to_string();
        let req = NewStaffAccount {
            login: login.get_untracked().trim().to_string(),
            display_name: name.get_untracked().trim().to_string(),
            assignment: Assignment { role: chosen, place: (!typed.is_empty()).then_some(typed) },
            password: password.get_untracked(),
        };
        if !submit.refuse(req.check()) {
            submit.send(req);
        }
    };
    let busy = submit.pending();
    let hint = Signal::derive(move || place_hint(i18n, &role.get()));
    view! {
        <h2>{move || i18n.t(Key::CreateTitle)}</h2>
        {submit.summary()}
        <form novalidate on:submit=on_submit class="staff-form">
            <TextField name="login" label=Key::LoginLabel hint=Key::LoginHint value=login errors=submit.errors />
            <TextField name="display_name" label=Key::NameLabel value=name errors=submit.errors />
            <Radios name="role" legend=Key::RoleLabel options=role_options() value=role errors=submit.errors />
            <TextField name="assignment.place" label=Key::PlaceLabel hint_text=hint value=place errors=submit.errors />
            <TextField
                name="password"
                label=Key::FirstPasswordLabel
                hint=Key::PasswordHint
                value=password
                errors=submit.errors
                input_type="password"
                autocomplete="new-password"
            />
            <button type="submit" class="button" disabled=busy>
                {move || i18n.t(if busy.get() { Key::Submitting } else { Key::CreateButton })}
            </button>
        </form>
    }
}
