//! `/staff/password`, for every staff member: change your own password with the current one and
//! the authenticator's code. The new one follows the contract's rules (checked here and on the
//! server); a wrong current password or code is one plain message, too many tries say when to try
//! again, and the member's other sessions end (this one stays).

use super::i18n::Key;
use super::{api_more as api, session::use_staff, session::RequireStaff};
use crate::i18n::use_i18n;
use crate::shared::announce::announce;
use crate::shared::api::ClientError;
use crate::shared::loadable::WaitNotice;
use crate::shared::page::use_title;
use crate::shared::submit::Submit;
use crate::shared::ui::{BackLink, Notice, NoticeKind, TextField};
use baoan_contract::staff::{PasswordChange, StaffSignIn};
use leptos::prelude::*;

#[component]
pub fn PasswordPage() -> impl IntoView {
    use_title(Key::PasswordTitle);
    view! {
        <RequireStaff>
            <Password />
        </RequireStaff>
    }
}

#[component]
fn Password() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_staff();
    let login = session.me.with_untracked(|m| m.as_ref().map(|m| m.login.clone())).unwrap_or_default();
    let current = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let new = RwSignal::new(String::new());
    let done = RwSignal::new(false);
    let wait = RwSignal::new(None::<ClientError>);
    let submit = Submit::new(api::change_password)
        .on_done(move |()| {
            for field in [current, code, new] {
                field.set(String::new());
            }
            announce(i18n.t(Key::PasswordChanged));
            done.set(true);
        })
        .wait_in(wait);
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        done.set(false);
        let req = PasswordChange {
            current_password: current.get_untracked(),
            code: code.get_untracked().trim().to_string(),
            new_password: new.get_untracked(),
        };
        // The current password and code are checked as sign-in checks them.
        let mut errors =
            StaffSignIn { login: login.clone(), password: req.current_password.clone(), code: req.code.clone() }
                .check();
        if let Some(e) = errors.get("password") {
            errors.add("current_password", e);
        }
        let mut found = baoan_contract::error::FieldErrors::new();
        for field in ["current_password", "code"] {
            if let Some(e) = errors.get(field) {
                found.add(field, e);
            }
        }
        if let Some(e) = req.check(&login).get("new_password") {
            found.add("new_password", e);
        }
        if !submit.refuse(found) {
            submit.send(req);
        }
    };
    let busy = submit.pending();
    view! {
        <BackLink href="/staff".to_string() text=Key::BackToWork />
        <h1>{move || i18n.t(Key::PasswordTitle)}</h1>
        <Show when=move || done.get()>
            <Notice kind=NoticeKind::Success role="status">
                <p>{move || i18n.t(Key::PasswordChanged)}</p>
            </Notice>
        </Show>
        {submit.summary()}
        <WaitNotice error=wait />
        <form novalidate on:submit=on_submit class="staff-form">
            <TextField
                name="current_password"
                label=Key::CurrentPasswordLabel
                value=current
                errors=submit.errors
                input_type="password"
                autocomplete="current-password"
            />
            <TextField
                name="code"
                label=Key::CodeLabel
                hint=Key::CodeHint
                value=code
                errors=submit.errors
                autocomplete="one-time-code"
                inputmode="numeric"
                maxlength=6
            />
            <TextField
                name="new_password"
                label=Key::NewPasswordLabel
                hint=Key::PasswordHint
                value=new
                errors=submit.errors
                input_type="password"
                autocomplete="new-password"
            />
            <button type="submit" class="button" disabled=busy>
                {move || i18n.t(if busy.get() { Key::Submitting } else { Key::PasswordButton })}
            </button>
        </form>
    }
}
